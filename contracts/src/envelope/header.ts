import { z } from 'zod';

/** CWTCH1 suite string; verifiers accept exactly this one. */
export const SUITE = 'CWTCH1-Ed25519-X25519SealedBox-XChaCha20Poly1305' as const;
/** Header type for notifications. */
export const HEADER_TYPE = 'cwtch.notification.v1' as const;

/** Canonical unpadded base64url (RFC 4648 §5). Canonicality of the bytes is checked by the decoder. */
export const B64u = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be unpadded base64url');
/** Agency id: lower-case kebab, as the directory names agencies (e.g. `swansea-cs`). */
export const AgencyId = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a lower-case agency id');
export type AgencyId = z.infer<typeof AgencyId>;
/** RFC 7638 JWK thumbprint (SHA-256, base64url, 43 characters). */
export const KeyId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 thumbprint');
/** Milliseconds since the epoch. */
export const EpochMs = z.number().int().nonnegative().max(8.64e15);

/** A party named in a header: agency plus the key id used for it. */
export const Party = z.strictObject({ agency: AgencyId, kid: KeyId });
export type Party = z.infer<typeof Party>;

/** Priorities a sender may set; `high` raises an audible cue at the front door. */
export const Priority = z.enum(['routine', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/**
 * The CWTCH1 envelope header, in the clear. Member order is the wire order: the header is
 * canonical iff `JSON.stringify(EnvelopeHeader.parse(JSON.parse(text))) === text`.
 * Routing metadata only: nothing here identifies a child except through `subject`, a keyed HMAC.
 */
export const EnvelopeHeader = z.strictObject({
  v: z.literal(1),
  typ: z.literal(HEADER_TYPE),
  suite: z.literal(SUITE),
  /** 128-bit message id, base64url (22 characters). */
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be 16 bytes of base64url'),
  iat: EpochMs,
  exp: EpochMs,
  from: Party,
  to: z.array(Party).min(1).max(32),
  /** Notification kind and its contract's major version. */
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
  sv: z.number().int().positive(),
  /** Sharing agreement id, purpose and lawful basis that cover this share. */
  agreement: z.string().min(1).max(128),
  purpose: z.string().min(1).max(64),
  basis: z.string().min(1).max(256),
  priority: Priority,
  respondBy: EpochMs.nullable(),
  /** Pseudonymous subject reference: HMAC-SHA-256 of the child's identifier, base64url. */
  subject: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .nullable(),
  n: B64u.length(32),
  kc: B64u.length(43),
});
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

/** Envelope on the wire: `{h, k[], c, s}`, each base64url. */
export const EnvelopeWire = z.strictObject({
  h: B64u.min(1),
  k: z.array(B64u.length(107)).min(1).max(32),
  c: B64u.min(22),
  s: B64u.length(86),
});
export type EnvelopeWire = z.infer<typeof EnvelopeWire>;
