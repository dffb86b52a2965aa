import { z } from 'zod';
import { B64u, EpochMs, KeyId } from '../envelope/header.ts';

const agency = '[a-z][a-z0-9-]{1,62}';
const entry = {
  v: z.literal(1),
  /** Leaf index; the verifier checks it equals the entry's position in the log. */
  i: z.number().int().nonnegative(),
  /** Audit time, ms since the epoch: when the audit service appended the entry. */
  ts: EpochMs,
  /** Bus time, ms since the epoch: when JetStream stored the event; key validity is judged at it. */
  bt: EpochMs,
};
/** Where the audited message came from: SHARES stream sequence and subject. */
const source = (subject: RegExp) =>
  z.strictObject({ seq: z.number().int().positive(), subj: z.string().regex(subject) });

/** A share: the envelope header bytes, body hash and sender signature (crypto reference §3.3). */
export const AuditMsgEntry = z.strictObject({
  ...entry,
  t: z.literal('msg'),
  src: source(new RegExp(`^cwtch\\.share\\.${agency}\\.${agency}$`)),
  h: B64u.min(1),
  b: B64u.length(43),
  s: B64u.length(86),
});
export type AuditMsgEntry = z.infer<typeof AuditMsgEntry>;

/** A recipient's signed receipt, as on the wire (`r`, `s`). */
export const AuditReceiptEntry = z.strictObject({
  ...entry,
  t: z.literal('rcpt'),
  src: source(new RegExp(`^cwtch\\.receipt\\.${agency}\\.${agency}$`)),
  r: B64u.min(1),
  s: B64u.length(86),
});
export type AuditReceiptEntry = z.infer<typeof AuditReceiptEntry>;

/** A governance-signed directory statement, so the directory's history is in the log too. */
export const AuditKeyEntry = z.strictObject({
  ...entry,
  t: z.literal('key'),
  /** The directory serial this statement carries. */
  serial: z.number().int().positive(),
  d: B64u.min(1),
  kid: KeyId,
  s: B64u.length(86),
});
export type AuditKeyEntry = z.infer<typeof AuditKeyEntry>;

/**
 * An event the audit service refused (docs/protocol.md): the check's error code and SHA-256 of the
 * raw bytes. A record of its own, never part of a share.
 */
export const AuditRejectEntry = z.strictObject({
  ...entry,
  t: z.literal('reject'),
  src: source(/^cwtch\.(?:share|receipt)\.[a-z0-9*-]+\.[a-z0-9*-]+$/),
  reason: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
  sha256: B64u.length(43),
  /**
   * Message id and agency, only when a signature vouches for them: the sender of a replayed
   * envelope, the signer of an unlinked receipt. Null for anything unauthenticated (since
   * protocol 1.1; older logs may hold the claims of unauthenticated bytes here).
   */
  id: z.string().max(64).nullable(),
  from: z.string().max(64).nullable(),
});
export type AuditRejectEntry = z.infer<typeof AuditRejectEntry>;

/**
 * A share-log entry (Merkle leaf) on `cwtch.audit.entry`. The `msg` shape is the crypto
 * reference's (§3.3); `rcpt`, `key` and `reject` follow its one-line descriptions. Stored
 * byte for byte: never re-serialise an entry to hash it.
 */
export const AuditEntry = z.discriminatedUnion('t', [
  AuditMsgEntry,
  AuditReceiptEntry,
  AuditKeyEntry,
  AuditRejectEntry,
]);
export type AuditEntry = z.infer<typeof AuditEntry>;
