import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import { ed25519Verify, type SignatureCheck } from '../ed25519/verify-ed25519.ts';
import { getSodium } from '../init-crypto.ts';
import { keyId } from '../keys/key-id.ts';
import { envelopeSigningInput } from './signing-input.ts';
import type { ParsedEnvelope, SigningKeyResolver, VerifiedEnvelope } from './types.ts';

/** Options of {@link verifyEnvelope}. */
export interface VerifyEnvelopeOptions {
  readonly resolveSigningKey: SigningKeyResolver;
  /** The Ed25519 check (default `ed25519Verify`; `VerifiedSignatures` remembers ones seen before). */
  readonly checkSignature?: SignatureCheck | undefined;
}

/**
 * Resolves the sender's signing key `header.from` and checks the Ed25519 signature over
 * `"CWTCH1-SIG" || 0x00 || u32be(|H|) || H || B` (open steps 3-4). Needs no decryption key, so the
 * audit service runs it too. The resolver's `SENDER_KEY_*` errors pass through; a key whose
 * thumbprint is not `from.kid` gives `SENDER_KEY_UNKNOWN`; a bad signature `SIGNATURE_INVALID`.
 */
export function verifyEnvelope(parsed: ParsedEnvelope, options: VerifyEnvelopeOptions): VerifiedEnvelope {
  getSodium();
  const { agency, kid } = parsed.header.from;
  let publicKey: Uint8Array;
  try {
    publicKey = options.resolveSigningKey(agency, kid).publicKey;
  } catch (e) {
    if (isCwtchError(e)) throw e;
    throw new CwtchError(ErrorCode.INTERNAL, 'signing key lookup failed', { cause: e });
  }
  if (publicKey.length !== 32 || keyId(publicKey, 'Ed25519') !== kid) {
    throw new CwtchError(ErrorCode.SENDER_KEY_UNKNOWN, 'resolved signing key does not match from.kid');
  }
  const message = envelopeSigningInput(parsed.headerBytes, parsed.bodyHash);
  const check = options.checkSignature ?? ed25519Verify;
  if (!check(parsed.signature, message, publicKey)) {
    throw new CwtchError(ErrorCode.SIGNATURE_INVALID, 'envelope signature is invalid');
  }
  return parsed as VerifiedEnvelope;
}
