import {
  ActionOutcome,
  DeclineReason,
  NOTE_MAX_LENGTH,
  normaliseActor,
  statementOrderIssue,
} from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { z } from 'zod';
import type { AgencyContext } from './agency-context.ts';
import { inboxStatements, sendStatement } from './send-statement.ts';

/** `POST /v1/inbox/{id}/respond` body: accept a handover, decline it (why), or say what was done. */
export const RespondRequest = z
  .discriminatedUnion('status', [
    z.strictObject({ status: z.literal('accepted') }),
    z.strictObject({
      status: z.literal('declined'),
      reason: DeclineReason,
      note: z.string().max(NOTE_MAX_LENGTH).optional(),
    }),
    z.strictObject({
      status: z.literal('actioned'),
      reason: ActionOutcome,
      note: z.string().max(NOTE_MAX_LENGTH).optional(),
    }),
  ])
  .meta({ id: 'RespondRequest' });
export type RespondRequest = z.infer<typeof RespondRequest>;

/** What a response recorded. */
export interface Response {
  readonly id: string;
  readonly status: RespondRequest['status'];
  readonly reason: string | null;
  readonly at: number;
  readonly by: string;
}

/**
 * Records a worker's `accepted`, `declined` or `actioned` statement about notification `id` and
 * publishes it, signed, to its sender (the note sealed to the sender). The one path for the API
 * and the pages. All or nothing: every refusal (NOT_FOUND, CONFLICT when the order rule of
 * docs/protocol.md §7 forbids it: a handover already answered, a recalled share;
 * SIGNING_KEY_UNAVAILABLE) comes before anything is stored; once stored, a statement the bus
 * does not take now goes out with the receipt flush.
 */
export async function respondNotification(
  ctx: AgencyContext,
  id: string,
  by: string,
  request: RespondRequest,
): Promise<Response> {
  const item = ctx.store.get(id);
  if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
  const reason = 'reason' in request ? request.reason : null;
  const issue = statementOrderIssue({ from: item.from, recipients: item.to }, inboxStatements(ctx, item), {
    by: ctx.agency,
    to: item.from,
    status: request.status,
    reason,
  });
  if (issue) throw new CwtchError(ErrorCode.CONFLICT, issue.message);
  const actor = normaliseActor(by);
  const s = await sendStatement(ctx, item, item.from, request.status, {
    actor,
    reason,
    note: 'note' in request ? request.note : undefined,
  });
  ctx.events.emit('responded', { id, status: request.status });
  return { id, status: request.status, reason, at: s.at, by: actor };
}
