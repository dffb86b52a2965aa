import { z } from 'zod';
import { AgencyId, B64u, EpochMs, KeyId } from './header.ts';

/** Receipt states a recipient signs; `rejected` carries the check that failed in `reason`. */
export const ReceiptStatus = z.enum(['delivered', 'acknowledged', 'rejected']);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

/**
 * A signed receipt body: who (recipient agency and signing kid) says what happened to which
 * message (id, SHA-256 of its header bytes, its body hash) and when. Canonical like the header.
 */
export const ReceiptBody = z.strictObject({
  v: z.literal(1),
  typ: z.literal('cwtch.receipt.v1'),
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  status: ReceiptStatus,
  by: z.strictObject({ agency: AgencyId, kid: KeyId }),
  /** The original sender, to whom the receipt is addressed. */
  to: AgencyId,
  at: EpochMs,
  hh: B64u.length(43),
  b: B64u.length(43),
  /** Role or name of the worker who acknowledged (never child data); null for `delivered`. */
  actor: z.string().min(1).max(128).nullable(),
  /** Error code of the failed check when `status` is `rejected`, else null. */
  reason: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/)
    .nullable(),
});
export type ReceiptBody = z.infer<typeof ReceiptBody>;

/** Receipt on the wire: canonical body bytes and an Ed25519 signature, both base64url. */
export const ReceiptWire = z.strictObject({ r: B64u.min(1), s: B64u.length(86) });
export type ReceiptWire = z.infer<typeof ReceiptWire>;
