import { normaliseActor } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import { sendReceipt } from './receive-share.ts';

/** What an acknowledgement recorded. */
export interface Acknowledgement {
  readonly id: string;
  readonly acknowledgedAt: number;
  readonly acknowledgedBy: string;
}

/**
 * Records that `by` (the worker's name, normalised to what a receipt carries) acknowledged
 * notification `id`, publishes the signed `acknowledged` receipt to its sender and tells live
 * views. The one path for the API and the pages. All or nothing: every refusal (NOT_FOUND,
 * CONFLICT when someone acknowledged it first, SIGNING_KEY_UNAVAILABLE) comes before anything
 * is stored; once stored, a receipt the bus does not take now goes out with the receipt flush.
 */
export async function acknowledgeNotification(
  ctx: AgencyContext,
  id: string,
  by: string,
): Promise<Acknowledgement> {
  const item = ctx.store.get(id);
  if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
  const conflict = () =>
    new CwtchError(
      ErrorCode.CONFLICT,
      `already acknowledged by ${ctx.store.get(id)?.acknowledgedBy ?? 'someone'}`,
    );
  if (item.status === 'acknowledged') throw conflict();
  const actor = normaliseActor(by);
  // An acknowledgement nobody can sign for is refused, not stored.
  ctx.keyring.signingKey(ctx.directory.view, Date.now());
  const at = Date.now();
  if (!(await ctx.store.soon(() => ctx.store.acknowledge(id, actor, at)))) throw conflict();
  try {
    await ctx.store.sendReceiptOnce(id, 'acknowledged', () =>
      sendReceipt(ctx, item, 'acknowledged', { actor }),
    );
  } catch (err) {
    ctx.logger.warn({ err, id }, 'acknowledged; the receipt waits for the receipt flush');
  }
  ctx.events.emit('acknowledged', { id });
  return { id, acknowledgedAt: at, acknowledgedBy: actor };
}
