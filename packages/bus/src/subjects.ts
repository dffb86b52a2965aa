/** Stream that holds every share copy and every receipt (one order for the audit service). */
export const SHARES_STREAM = 'SHARES';
/** Stream of share-log entries (Merkle leaves), written only by the audit service. */
export const AUDIT_STREAM = 'AUDIT';
/** Subject of share-log entries. */
export const AUDIT_SUBJECT = 'cwtch.audit.entry';
/** Stream of signed checkpoints and witnesses' cosignatures (their history, for auditors). */
export const CHECKPOINT_STREAM = 'AUDIT_CHECKPOINTS';
/** Where the audit service publishes each signed checkpoint (a C2SP signed note). */
export const CHECKPOINT_SUBJECT = 'cwtch.audit.checkpoint';
/** Where witness `agency` publishes its cosignatures. */
export function cosignatureSubject(witness: string): string {
  return `cwtch.audit.cosig.${witness}`;
}
/**
 * Request/reply subjects of the audit service's API: proofs (witnesses and auditors) and each
 * agency's collection of its inbox (connectors, to warn a sender about a recipient gone quiet),
 * and the log's figures per agency for a month (the board's connector, to reconcile its sheet).
 */
export const AUDIT_API = {
  checkpoint: 'cwtch.audit.api.checkpoint',
  consistency: 'cwtch.audit.api.consistency',
  inclusion: 'cwtch.audit.api.inclusion',
  collection: 'cwtch.audit.api.collection',
  figures: 'cwtch.audit.api.figures',
} as const;

/** Stream of envelopes a connector refused for good, each with its reason (for operators). */
export const DEAD_LETTER_STREAM = 'DEADLETTER';
/** Where `agency` puts what it refused. */
export function deadLetterSubject(agency: string): string {
  return `cwtch.dlq.${agency}`;
}

/** KV bucket holding the signed directory. */
export const DIRECTORY_BUCKET = 'cwtch-directory';
/** Durable consumer the audit service reads SHARES through. */
export const AUDIT_CONSUMER = 'audit';

/** `cwtch.share.<to>.<from>`: one copy of an envelope for one recipient. */
export function shareSubject(to: string, from: string): string {
  return `cwtch.share.${to}.${from}`;
}

/** `cwtch.receipt.<sender>.<recipient>`: a recipient's signed receipt back to the sender. */
export function receiptSubject(sender: string, recipient: string): string {
  return `cwtch.receipt.${sender}.${recipient}`;
}

/** The durable consumer through which an agency reads what is addressed to it. */
export function inboxConsumer(agency: string): string {
  return `inbox-${agency}`;
}

/** Parsed `cwtch.<share|receipt>.<a>.<b>` subject, or null if it is not one. */
export type BusSubject =
  | { readonly type: 'share'; readonly to: string; readonly from: string }
  | { readonly type: 'receipt'; readonly sender: string; readonly recipient: string };

/** Parses a share or receipt subject. */
export function parseSubject(subject: string): BusSubject | null {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts[0] !== 'cwtch') return null;
  const [, type, a, b] = parts as [string, string, string, string];
  if (type === 'share') return { type, to: a, from: b };
  if (type === 'receipt') return { type, sender: a, recipient: b };
  return null;
}
