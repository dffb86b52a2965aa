import { ACTOR_MAX_LENGTH, EmbargoReason, embargoInForce, normaliseActor } from '@cwtch/contracts';
import { parseReceipt } from '@cwtch/crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { z } from 'zod';
import type { AgencyContext } from './agency-context.ts';
import { fromLondonLocal } from './pages/london-time.ts';
import { sendStatement } from './send-statement.ts';

/** `POST /v1/outbox/{id}/embargo` body. */
export const EmbargoRequest = z
  .strictObject({
    reason: EmbargoReason,
    owner: z
      .string()
      .min(1)
      .max(4 * ACTOR_MAX_LENGTH)
      .meta({ description: 'Who is responsible for the embargo and its review (a name or role)' }),
    reviewBy: z.iso.date().meta({
      description:
        'Review date (YYYY-MM-DD, London): the share is withheld from subject access reports until that day begins. Today or earlier lifts the embargo.',
    }),
  })
  .meta({ id: 'EmbargoRequest' });
export type EmbargoRequest = z.infer<typeof EmbargoRequest>;

/** The embargo a share of this outbox is under, as this agency stated it last. */
export interface Embargo {
  readonly reason: string;
  readonly owner: string;
  /** The review date: withheld until this instant (epoch ms). */
  readonly until: number;
  /** When it was signed. */
  readonly at: number;
}

/** The instant London's wall clock reads midnight at the start of `date` (YYYY-MM-DD). */
export function startOfLondonDay(date: string): number {
  return Date.parse(fromLondonLocal(`${date}T00:00`));
}

/**
 * The embargo in force on a share this agency sent (docs/protocol.md §7): its last signed
 * `embargoed` statement, while the review date is ahead of `now`; else null.
 */
export function outboxEmbargo(ctx: AgencyContext, id: string, now = Date.now()): Embargo | null {
  const made = ctx.store
    .statementsMade(id)
    .filter((s) => s.status === 'embargoed')
    .map((s) => ({ status: s.status, at: s.at, actor: s.actor, reason: s.reason, until: untilOf(s.bytes) }));
  const e = embargoInForce(made, now);
  return e && e.until !== undefined
    ? { reason: e.reason ?? 'OTHER', owner: e.actor ?? '', until: e.until, at: e.at }
    : null;
}

function untilOf(bytes: Uint8Array): number | undefined {
  return parseReceipt(bytes).body.until;
}

/**
 * Embargoes a share this agency sent: a signed `embargoed` statement (owner as `actor`, review
 * date as `until`) to every recipient, each stored before it is published. The audit service's
 * subject access reports withhold the share until the review date; a date today or earlier lifts
 * an embargo. NOT_FOUND when the share is not in this outbox.
 */
export async function embargoShare(
  ctx: AgencyContext,
  id: string,
  request: EmbargoRequest,
): Promise<{ id: string; recipients: string[]; until: number; inForce: boolean }> {
  const o = ctx.store.outbox(id);
  if (!o) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in this outbox');
  const until = startOfLondonDay(request.reviewBy);
  if (!Number.isFinite(until)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'the review date is not a date');
  ctx.keyring.signingKey(ctx.directory.view, Date.now());
  const actor = normaliseActor(request.owner);
  // Every recipient is told, so each party's record of the share says it is embargoed.
  const recipients = o.recipients.map((r) => r.agency);
  for (const to of recipients) {
    await sendStatement(ctx, o, to, 'embargoed', { reason: request.reason, actor, until });
  }
  const inForce = until > Date.now();
  ctx.logger.info(
    { id, recipients: recipients.length, inForce },
    inForce ? 'share embargoed' : 'embargo lifted',
  );
  ctx.events.emit('receipt', { id, status: 'embargoed' });
  return { id, recipients, until, inForce };
}
