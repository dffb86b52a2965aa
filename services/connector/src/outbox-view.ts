import { openNote } from '@cwtch/crypto';
import type { AgencyContext } from './agency-context.ts';
import type { OutboxItem, StatementIn } from './inbox-store.ts';

type Recipient = OutboxItem['recipients'][number];

/** A recipient's latest status, the most final first: proof of deletion, recall, refusal, then its answers. */
export type RecipientStatus =
  | 'sent'
  | 'delivered'
  | 'acknowledged'
  | 'rejected'
  | 'accepted'
  | 'declined'
  | 'actioned'
  | 'recalled'
  | 'deleted';

export function recipientStatus(r: Recipient): RecipientStatus {
  const has = (s: StatementIn['status']) => r.statements.some((x) => x.status === s);
  if (has('deleted')) return 'deleted';
  if (r.recalled) return 'recalled';
  if (r.rejected) return 'rejected';
  const last = r.statements.filter((s) => s.status !== 'deleted').at(-1);
  if (last) return last.status as RecipientStatus;
  return r.acknowledged ? 'acknowledged' : r.delivered ? 'delivered' : 'sent';
}

/** Who took over a handover, and when: the first recipient that accepted it. */
export function handover(o: OutboxItem): { agency: string; at: number; by: string | null } | null {
  for (const r of o.recipients) {
    const a = r.statements.find((s) => s.status === 'accepted');
    if (a) return { agency: r.agency, at: a.at, by: a.actor };
  }
  return null;
}

/**
 * A statement's note opened with one of this agency's encryption keys, for its own users only
 * (never logged); null when there is none or no key held opens it.
 */
export function openedNote(ctx: AgencyContext, sealed: string | null): string | null {
  if (sealed === null) return null;
  for (const k of ctx.directory.view.usableKeys(ctx.agency, 'enc', Date.now())) {
    const pair = ctx.keyring.encryptionKey(k.kid);
    if (!pair) continue;
    try {
      return openNote(sealed, pair);
    } catch {
      // Sealed to another generation of the key: try the next.
    }
  }
  return null;
}
