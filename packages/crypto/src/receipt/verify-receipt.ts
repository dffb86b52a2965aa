import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import { ed25519Verify, type SignatureCheck } from '../ed25519/verify-ed25519.ts';
import type { SigningKeyResolver } from '../envelope/types.ts';
import { getSodium } from '../init-crypto.ts';
import { keyId } from '../keys/key-id.ts';
import { receiptSigningInput } from './receipt-signing-input.ts';
import type { ParsedReceipt, VerifiedReceipt } from './types.ts';

/**
 * Resolves the signing key `body.by` and checks the receipt signature. The resolver's `SENDER_KEY_*`
 * errors pass through; a mismatching key or a bad signature gives `RECEIPT_INVALID`. `checkSignature`
 * (default {@link ed25519Verify}) lets a caller supply results it computed elsewhere.
 */
export function verifyReceipt(
  parsed: ParsedReceipt,
  resolveSigningKey: SigningKeyResolver,
  checkSignature: SignatureCheck = ed25519Verify,
): VerifiedReceipt {
  getSodium();
  const { agency, kid } = parsed.body.by;
  let publicKey: Uint8Array;
  try {
    publicKey = resolveSigningKey(agency, kid).publicKey;
  } catch (e) {
    if (isCwtchError(e)) throw e;
    throw new CwtchError(ErrorCode.INTERNAL, 'signing key lookup failed', { cause: e });
  }
  if (publicKey.length !== 32 || keyId(publicKey, 'Ed25519') !== kid) {
    throw new CwtchError(ErrorCode.RECEIPT_INVALID, 'resolved signing key does not match by.kid');
  }
  if (!checkSignature(parsed.signature, receiptSigningInput(parsed.bodyBytes), publicKey)) {
    throw new CwtchError(ErrorCode.RECEIPT_INVALID, 'receipt signature is invalid');
  }
  return parsed as VerifiedReceipt;
}
