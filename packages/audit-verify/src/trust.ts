import { b64uDecode } from '@cwtch/crypto';
import { z } from 'zod';

const Key32 = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes of unpadded base64url')
  .refine((text) => {
    try {
      return b64uDecode(text).length === 32;
    } catch {
      return false;
    }
  }, 'must be canonical base64url of 32 bytes');

/** A witness the auditor trusts: its C2SP key name and raw Ed25519 public key (base64url). */
export const TrustedWitness = z.strictObject({
  name: z.string().regex(/^[^\s+]+$/, 'must be a C2SP key name (no spaces, no +)'),
  publicKey: Key32,
});
export type TrustedWitness = z.infer<typeof TrustedWitness>;

/**
 * The auditor's pinned keys (the trust file): the governance key that signs directory statements,
 * the log's checkpoint key and origin, the witnesses and how many of them must cosign.
 *
 * @example
 * ```json
 * {"governanceKey":"<b64u>","logKey":"<b64u>","logOrigin":"cwtch.example/audit/v1",
 *  "witnesses":[{"name":"agency-a.example/witness","publicKey":"<b64u>"}],"quorum":2}
 * ```
 */
export const Trust = z
  .strictObject({
    governanceKey: Key32,
    logKey: Key32,
    logOrigin: z.string().regex(/^[^\s+]+$/, 'must be a C2SP key name (no spaces, no +)'),
    witnesses: z.array(TrustedWitness).max(100),
    quorum: z.number().int().nonnegative(),
  })
  .refine((t) => new Set(t.witnesses.map((w) => w.name)).size === t.witnesses.length, {
    message: 'witness names must be unique',
    path: ['witnesses'],
  })
  .refine((t) => t.quorum <= t.witnesses.length, {
    message: 'the quorum cannot exceed the number of witnesses',
    path: ['quorum'],
  });
export type Trust = z.infer<typeof Trust>;

/** The trust file with its keys decoded, ready for verification calls. */
export interface TrustKeys {
  readonly governanceKey: Uint8Array;
  readonly log: { readonly name: string; readonly publicKey: Uint8Array };
  readonly witnesses: readonly { readonly name: string; readonly publicKey: Uint8Array }[];
  readonly quorum: number;
}

/**
 * Validates a trust file and decodes its keys; the refusal (with zod's message) is data, so a
 * caller can report it without catching.
 */
export function decodeTrust(input: unknown): { ok: true; value: TrustKeys } | { ok: false; message: string } {
  const parsed = Trust.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, message: `trust file is invalid${where}: ${first?.message ?? 'unknown'}` };
  }
  const t = parsed.data;
  return {
    ok: true,
    value: {
      governanceKey: b64uDecode(t.governanceKey),
      log: { name: t.logOrigin, publicKey: b64uDecode(t.logKey) },
      witnesses: t.witnesses.map((w) => ({ name: w.name, publicKey: b64uDecode(w.publicKey) })),
      quorum: t.quorum,
    },
  };
}
