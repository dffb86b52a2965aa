import { hotSchema, ReceiptBody } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { ed25519Sign } from '../ed25519/sign-ed25519.ts';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { getSodium } from '../init-crypto.ts';
import { toIssues } from '../internal/to-issues.ts';
import { utf8 } from '../internal/utf8.ts';
import { keyId } from '../keys/key-id.ts';
import { receiptSigningInput } from './receipt-signing-input.ts';

/**
 * Signs a receipt: returns the wire bytes `{"r": b64u(R), "s": b64u(S)}` where `R` is the canonical
 * body JSON and `S` the Ed25519 signature over `"CWTCH1-RCPT" || 0x00 || u32be(|R|) || R`.
 * `body.by.kid` must be the thumbprint of the signing key (`BAD_REQUEST`); an invalid body gives
 * `CONTRACT_INVALID`.
 *
 * @example
 * ```ts
 * const bytes = signReceipt({ v: 1, typ: 'cwtch.receipt.v1', id: header.id, status: 'delivered', ... }, keys.signing.secretKey);
 * ```
 */
export function signReceipt(body: ReceiptBody, signSecretKey: Uint8Array): Uint8Array {
  getSodium();
  const parsed = hotSchema(ReceiptBody).safeParse(body);
  if (!parsed.success) {
    throw new CwtchError(ErrorCode.CONTRACT_INVALID, 'receipt body is invalid', {
      issues: toIssues(parsed.error.issues),
    });
  }
  if (signSecretKey.length !== 64) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'signing secret key must be 64 bytes');
  }
  if (keyId(signSecretKey.subarray(32), 'Ed25519') !== parsed.data.by.kid) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'receipt by.kid does not match the signing key');
  }
  const bodyBytes = utf8(JSON.stringify(parsed.data));
  const signature = ed25519Sign(receiptSigningInput(bodyBytes), signSecretKey);
  return utf8(JSON.stringify({ r: b64uEncode(bodyBytes), s: b64uEncode(signature) }));
}
