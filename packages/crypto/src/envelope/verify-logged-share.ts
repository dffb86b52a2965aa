import { EnvelopeHeader, hotSchema } from '@cwtch/contracts';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import { ed25519Verify, type SignatureCheck } from '../ed25519/verify-ed25519.ts';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { getSodium } from '../init-crypto.ts';
import { parseCanonicalJson } from '../internal/parse-canonical-json.ts';
import { decodeUtf8 } from '../internal/utf8.ts';
import { keyId } from '../keys/key-id.ts';
import { envelopeSigningInput } from './signing-input.ts';
import type { SigningKeyResolver } from './types.ts';

/** What the share log keeps of an envelope: header bytes, body hash and signature (base64url). */
export interface LoggedShare {
  readonly h: string;
  readonly b: string;
  readonly s: string;
}

/** A logged share whose encodings and canonical header passed {@link parseLoggedShare}. */
export interface ParsedLoggedShare {
  readonly header: EnvelopeHeader;
  /** `H`: the exact header bytes. */
  readonly headerBytes: Uint8Array;
  /** `B`: the 32-byte body hash. */
  readonly bodyHash: Uint8Array;
  /** The 64-byte Ed25519 signature over {@link signingInput}. */
  readonly signature: Uint8Array;
  /** The bytes it signs: `"CWTCH1-SIG" || 0x00 || u32be(|H|) || H || B`. */
  readonly signingInput: Uint8Array;
}

/**
 * The structural half of {@link verifyLoggedShare}, which needs no key: canonical base64url, the
 * hash and signature lengths, and a canonical header. Throws `ENVELOPE_MALFORMED` or
 * `HEADER_NOT_CANONICAL`.
 */
export function parseLoggedShare(entry: LoggedShare): ParsedLoggedShare {
  const headerBytes = b64uDecode(entry.h, ErrorCode.ENVELOPE_MALFORMED);
  const bodyHash = b64uDecode(entry.b, ErrorCode.ENVELOPE_MALFORMED);
  const signature = b64uDecode(entry.s, ErrorCode.ENVELOPE_MALFORMED);
  if (bodyHash.length !== 32 || signature.length !== 64)
    throw new CwtchError(ErrorCode.ENVELOPE_MALFORMED, 'wrong hash or signature length');
  const text = decodeUtf8(headerBytes);
  if (text === undefined) throw new CwtchError(ErrorCode.ENVELOPE_MALFORMED, 'header is not UTF-8');
  const header = parseCanonicalJson(
    text,
    hotSchema(EnvelopeHeader),
    {
      syntax: ErrorCode.ENVELOPE_MALFORMED,
      schema: ErrorCode.ENVELOPE_MALFORMED,
      canonical: ErrorCode.HEADER_NOT_CANONICAL,
    },
    'header',
  );
  return {
    header,
    headerBytes,
    bodyHash,
    signature,
    signingInput: envelopeSigningInput(headerBytes, bodyHash),
  };
}

/**
 * The key half of {@link verifyLoggedShare}: the sender's signature over `H || B` with the key the
 * resolver gives, for `parsed` as {@link parseLoggedShare} returned it (its signing input made from
 * its own `H` and `B`). Throws `SENDER_KEY_*` or `SIGNATURE_INVALID`.
 */
export function verifyParsedLoggedShare(
  parsed: ParsedLoggedShare,
  resolveSigningKey: SigningKeyResolver,
  checkSignature: SignatureCheck = ed25519Verify,
): EnvelopeHeader {
  getSodium();
  const { header } = parsed;
  let publicKey: Uint8Array;
  try {
    publicKey = resolveSigningKey(header.from.agency, header.from.kid).publicKey;
  } catch (e) {
    if (isCwtchError(e)) throw e;
    throw new CwtchError(ErrorCode.INTERNAL, 'signing key lookup failed', { cause: e });
  }
  if (publicKey.length !== 32 || keyId(publicKey, 'Ed25519') !== header.from.kid) {
    throw new CwtchError(ErrorCode.SENDER_KEY_UNKNOWN, 'resolved signing key does not match from.kid');
  }
  if (!checkSignature(parsed.signature, parsed.signingInput, publicKey)) {
    throw new CwtchError(ErrorCode.SIGNATURE_INVALID, 'logged signature is invalid');
  }
  return header;
}

/**
 * Re-verifies a share from its log entry alone, with no envelope and no decryption key: the
 * header must be canonical and the sender's signature over `H || B` must verify with the key the
 * resolver gives (judged, by the caller, at the entry's time). Returns the header.
 * `checkSignature` (default {@link ed25519Verify}) lets a caller supply results it computed elsewhere.
 * Throws `HEADER_NOT_CANONICAL`, `ENVELOPE_MALFORMED`, `SENDER_KEY_*` or `SIGNATURE_INVALID`.
 */
export function verifyLoggedShare(
  entry: LoggedShare,
  resolveSigningKey: SigningKeyResolver,
  checkSignature: SignatureCheck = ed25519Verify,
): EnvelopeHeader {
  return verifyParsedLoggedShare(parseLoggedShare(entry), resolveSigningKey, checkSignature);
}
