import { EnvelopeHeader, EnvelopeWire, hotSchema } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { parseCanonicalJson } from '../internal/parse-canonical-json.ts';
import { decodeUtf8 } from '../internal/utf8.ts';
import { DEFAULT_MAX_ENVELOPE_BYTES, SIZES } from './constants.ts';
import { computeBodyHash } from './signing-input.ts';
import type { ParsedEnvelope } from './types.ts';

/** Options of {@link parseEnvelope}. */
export interface ParseEnvelopeOptions {
  /** Largest envelope accepted, in bytes (default 1 MiB). */
  readonly maxBytes?: number;
}

const MALFORMED = ErrorCode.ENVELOPE_MALFORMED;

function malformed(message: string): CwtchError {
  return new CwtchError(MALFORMED, message);
}

function decodeSized(text: string, length: number, what: string): Uint8Array {
  const bytes = b64uDecode(text, MALFORMED);
  if (bytes.length !== length) throw malformed(`${what} must be ${length} bytes`);
  return bytes;
}

/**
 * Structural checks of a received envelope, needing no key (open steps 1-2 of reference §2.7):
 * size limit, strict and canonical `{h, k[], c, s}`, canonical base64url, lengths (`S` 64, `W_i` 80,
 * `C` at least 16 bytes), a strict canonical header (`HEADER_NOT_CANONICAL` otherwise), unique
 * recipient agencies, one wrapped key per recipient, `iat < exp`. Computes the body hash `B`.
 * Throws `ENVELOPE_TOO_LARGE`, `ENVELOPE_MALFORMED` or `HEADER_NOT_CANONICAL` for any input bytes
 * (and `BAD_REQUEST` only for an invalid `maxBytes`).
 *
 * @example
 * ```ts
 * const parsed = parseEnvelope(msg.data, { maxBytes: 256 * 1024 });
 * const verified = verifyEnvelope(parsed, { resolveSigningKey: directory.signingKey });
 * ```
 */
export function parseEnvelope(bytes: Uint8Array, options: ParseEnvelopeOptions = {}): ParsedEnvelope {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'maxBytes must be a non-negative integer');
  }
  if (bytes.length > maxBytes) throw new CwtchError(ErrorCode.ENVELOPE_TOO_LARGE, 'envelope is too large');
  const text = decodeUtf8(bytes);
  if (text === undefined) throw malformed('envelope is not UTF-8');
  const wire = parseCanonicalJson(
    text,
    hotSchema(EnvelopeWire),
    { syntax: MALFORMED, schema: MALFORMED, canonical: MALFORMED },
    'envelope',
  );

  const signature = decodeSized(wire.s, SIZES.signature, 'signature');
  const wrappedKeys = wire.k.map((k) => decodeSized(k, SIZES.wrappedKey, 'wrapped key'));
  const ciphertext = b64uDecode(wire.c, MALFORMED);
  if (ciphertext.length < SIZES.tag) throw malformed('ciphertext is shorter than its tag');
  const headerBytes = b64uDecode(wire.h, MALFORMED);

  const headerText = decodeUtf8(headerBytes);
  if (headerText === undefined) throw malformed('header is not UTF-8');
  const header = parseCanonicalJson(
    headerText,
    hotSchema(EnvelopeHeader),
    { syntax: MALFORMED, schema: MALFORMED, canonical: ErrorCode.HEADER_NOT_CANONICAL },
    'header',
  );
  if (new Set(header.to.map((p) => p.agency)).size !== header.to.length) {
    throw malformed('a recipient agency is listed twice');
  }
  if (header.to.length !== wrappedKeys.length) throw malformed('one wrapped key per recipient is required');
  if (header.exp <= header.iat) throw malformed('exp must be after iat');
  const nonce = decodeSized(header.n, SIZES.nonce, 'nonce');
  const keyCommitment = decodeSized(header.kc, SIZES.keyCommitment, 'key commitment');

  return {
    bytes,
    header,
    headerBytes,
    wrappedKeys,
    ciphertext,
    signature,
    nonce,
    keyCommitment,
    bodyHash: computeBodyHash(wrappedKeys, ciphertext),
  };
}
