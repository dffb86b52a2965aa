import { NOTE_MAX_LENGTH, RecallReason, type Statement, statementOrderIssue } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { z } from 'zod';
import type { AgencyContext } from './agency-context.ts';
import { sendStatement } from './send-statement.ts';

/** `POST /v1/outbox/{id}/recall` body. */
export const RecallRequest = z
  .strictObject({ reason: RecallReason, note: z.string().max(NOTE_MAX_LENGTH).optional() })
  .meta({ id: 'RecallRequest' });
export type RecallRequest = z.infer<typeof RecallRequest>;

/**
 * Recalls a share this agency sent: a signed `recalled` statement (its note sealed to each
 * recipient) to every recipient that holds a copy, each stored before it is published. Each
 * recipient's connector destroys its plaintext and answers with a signed `deleted` receipt.
 * CONFLICT when the share was already recalled; NOT_FOUND when it is not in this outbox.
 */
export async function recallShare(
  ctx: AgencyContext,
  id: string,
  request: RecallRequest,
): Promise<{ id: string; recipients: string[]; at: number }> {
  const o = ctx.store.outbox(id);
  if (!o) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in this outbox');
  // A recipient that refused its copy holds nothing to destroy.
  const holders = o.recipients.filter((r) => !r.rejected).map((r) => r.agency);
  const logged: Statement[] = o.recipients.flatMap((r) =>
    r.recalled
      ? [{ by: ctx.agency, to: r.agency, status: 'recalled' as const, reason: r.recalled.reason }]
      : [],
  );
  const pending = holders.filter(
    (to) =>
      statementOrderIssue({ from: ctx.agency, recipients: o.recipients.map((r) => r.agency) }, logged, {
        by: ctx.agency,
        to,
        status: 'recalled',
        reason: request.reason,
      }) === null,
  );
  if (pending.length === 0) throw new CwtchError(ErrorCode.CONFLICT, 'this share was already recalled');
  ctx.keyring.signingKey(ctx.directory.view, Date.now());
  let at = Date.now();
  for (const to of pending) {
    const s = await sendStatement(ctx, o, to, 'recalled', { reason: request.reason, note: request.note });
    at = s.at;
  }
  ctx.logger.info({ id, recipients: pending.length }, 'share recalled');
  ctx.events.emit('receipt', { id, status: 'recalled' });
  return { id, recipients: pending, at };
}
