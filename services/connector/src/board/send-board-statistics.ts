import { CwtchError, ErrorCode, isMonth, monthOf, monthRange, previousMonth } from '@cwtch/runtime';
import type { AgencyContext } from '../agency-context.ts';
import { sendNotification } from '../send-notification.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import { edgeFigures } from './edge-figures.ts';

/** What a send of the board's figures answers. */
export interface BoardStatisticsSent {
  readonly id: string;
  readonly recipients: string[];
  readonly month: string;
  readonly figures: number;
}

/**
 * Computes this agency's figures for `month` at its edge, applies disclosure control and sends
 * them as a signed `board-statistics` share to its board (the directory's route and the data
 * disclosure agreement decide who), through the same path as any send. A month under way gives
 * its figures so far (the board keeps the latest from each agency); a month not yet begun is refused.
 */
export async function sendBoardStatistics(
  ctx: AgencyContext,
  month: string,
  now = Date.now(),
): Promise<BoardStatisticsSent> {
  if (!isMonth(month)) throw new CwtchError(ErrorCode.BAD_REQUEST, `not a month (YYYY-MM): ${month}`);
  if (!mayReportToBoard(ctx))
    throw new CwtchError(
      ErrorCode.NO_AGREEMENT,
      'no sharing agreement lets this agency send figures to a board',
    );
  const { start, end } = monthRange(month);
  if (start > now) throw new CwtchError(ErrorCode.BAD_REQUEST, `${month} has not begun`);
  const me = ctx.directory.view.agency(ctx.agency);
  const code = me?.codes[0];
  if (!me || !code)
    throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'this agency has no organisation code in the directory');
  const figures = applyDisclosureControl(edgeFigures(ctx.store.sentFacts(end), month));
  const sent = await sendNotification(ctx, {
    kind: 'board-statistics',
    payload: {
      sender: { agencyType: me.type, org: { scheme: code.scheme, value: code.value } },
      purpose: 'board_statistics',
      month,
      generatedAt: new Date(now).toISOString(),
      disclosureControl: { threshold: 5, secondary: true },
      figures,
    },
  });
  ctx.store.markBoardSent(month, sent.id, now);
  ctx.logger.info({ id: sent.id, month, figures: figures.length }, 'board figures sent');
  return { id: sent.id, recipients: sent.recipients, month, figures: figures.length };
}

/** True when a sharing agreement lets this agency send the board its figures. */
export function mayReportToBoard(ctx: AgencyContext): boolean {
  return ctx.directory.view.directory.agreements.some(
    (a) => a.senders.includes(ctx.agency) && (a.kinds as readonly string[]).includes('board-statistics'),
  );
}

/**
 * The monthly schedule: once a month has ended, its figures go to the board (once; a restart
 * does not send them again), if this agency reports to a board and sent anything that month.
 * Looks every `intervalMs`; returns a stop function.
 */
export function scheduleBoardStatistics(ctx: AgencyContext, intervalMs: number): () => void {
  let running = false;
  const tick = () => {
    if (running || !mayReportToBoard(ctx)) return;
    const month = previousMonth(monthOf(Date.now()));
    if (ctx.store.boardSent(month)) return;
    const { start, end } = monthRange(month);
    if (!ctx.store.sentFacts(end).some((s) => s.at >= start && s.kind !== 'board-statistics')) return;
    running = true;
    sendBoardStatistics(ctx, month)
      .catch((err) => ctx.logger.error({ err, month }, 'scheduled board figures not sent; retried'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
