import type { ReceiptStatus } from './receipt.ts';

/** One logged statement between the parties of a share: who signed it, to whom, what it says. */
export interface Statement {
  readonly by: string;
  readonly to: string;
  readonly status: ReceiptStatus;
  readonly reason: string | null;
}

/** Statuses a recipient signs to the sender, and those the sender signs to a recipient. */
export const RECIPIENT_STATUSES: ReadonlySet<ReceiptStatus> = new Set([
  'delivered',
  'rejected',
  'acknowledged',
  'accepted',
  'declined',
  'actioned',
  'escalated',
  'deleted',
]);
export const SENDER_STATUSES: ReadonlySet<ReceiptStatus> = new Set(['recalled', 'escalated', 'embargoed']);

/** Why a statement may not be logged: it is not between the share's parties, or out of order. */
export interface StatementIssue {
  readonly kind: 'unlinked' | 'order';
  readonly message: string;
}

/**
 * Whether `next` may follow the statements already logged about one share (docs/protocol.md §7),
 * given its sender and the recipients of its logged copies. Returns null when it may, else why not:
 * `unlinked` when it is not a statement between the share's parties, `order` when it is one out of order. One rule for the audit service (which refuses such a statement with
 * `RECEIPT_OUT_OF_ORDER`) and the offline verifier (which reports one it finds logged).
 */
export function statementOrderIssue(
  share: { readonly from: string; readonly recipients: readonly string[] },
  logged: readonly Statement[],
  next: Statement,
): StatementIssue | null {
  const message = orderIssue(share, logged, next);
  if (message === null) return null;
  return { kind: message.startsWith('!') ? 'unlinked' : 'order', message: message.replace(/^!/, '') };
}

function orderIssue(
  share: { readonly from: string; readonly recipients: readonly string[] },
  logged: readonly Statement[],
  next: Statement,
): string | null {
  const fromSender = next.by === share.from;
  if (fromSender ? !share.recipients.includes(next.to) : !share.recipients.includes(next.by)) {
    return `!${next.by} is not a party of this share with ${next.to}`;
  }
  if (!fromSender && next.to !== share.from)
    return `!a recipient's statement must be addressed to the sender`;
  if (!(fromSender ? SENDER_STATUSES : RECIPIENT_STATUSES).has(next.status)) {
    return `!${fromSender ? 'the sender' : 'a recipient'} cannot state ${next.status}`;
  }
  // An embargo may be set, moved or lifted at any time, even after a recall: the share happened.
  if (next.status === 'embargoed') return null;
  const between = logged.filter((s) => s.by === next.by && s.to === next.to);
  const has = (status: ReceiptStatus) => between.some((s) => s.status === status);
  if (next.status === 'escalated') {
    if (between.some((s) => s.status === 'escalated' && s.reason === next.reason)) {
      return `${next.reason} was already stated`;
    }
    return fromSender || has('delivered') ? null : 'escalated before delivered';
  }
  if (fromSender) return has('recalled') ? 'the share was already recalled from this recipient' : null;
  // A recalled copy is destroyed: its recipient can only prove the deletion (or log an escalation).
  if (
    next.status !== 'deleted' &&
    logged.some((s) => s.by === share.from && s.to === next.by && s.status === 'recalled')
  ) {
    return `${next.status} after the sender recalled the share`;
  }
  if (next.status === 'actioned') return has('delivered') ? null : 'actioned before delivered';
  if (next.status !== 'delivered' && next.status !== 'rejected' && has(next.status)) {
    return `${next.status} was already stated`;
  }
  switch (next.status) {
    case 'delivered':
    case 'rejected':
      return has('delivered') || has('rejected')
        ? `${next.status} after the copy was already answered`
        : null;
    case 'accepted':
    case 'declined':
      if (has('accepted') || has('declined')) return `${next.status} after the handover was already answered`;
      return has('delivered') ? null : `${next.status} before delivered`;
    case 'deleted': {
      const recalled = logged.some((s) => s.by === share.from && s.to === next.by && s.status === 'recalled');
      return recalled ? null : 'deleted without a recall from the sender';
    }
    default:
      return has('delivered') ? null : `${next.status} before delivered`;
  }
}

/** A statement as the embargo rule reads it: its status and, on `embargoed`, its review date. */
export interface EmbargoStatement {
  readonly status: ReceiptStatus;
  /** The review date (epoch ms); set on `embargoed` statements only. */
  readonly until?: number | null | undefined;
}

/**
 * The embargo in force on a share at `now` (docs/protocol.md §7), given the statements its
 * sender signed about it in log order: the last `embargoed` one, when its review date is still
 * after `now`; else null. A later statement replaces an earlier one, so one dated in the past
 * lifts the embargo.
 *
 * @example
 * embargoInForce(share.receipts.filter((r) => r.agency === share.from), Date.now())
 */
export function embargoInForce<S extends EmbargoStatement>(bySender: readonly S[], now: number): S | null {
  const last = bySender.findLast((s) => s.status === 'embargoed');
  return typeof last?.until === 'number' && last.until > now ? last : null;
}
