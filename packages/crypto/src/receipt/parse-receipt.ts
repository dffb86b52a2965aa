import { hotSchema, ReceiptBody, ReceiptWire } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { parseCanonicalJson } from '../internal/parse-canonical-json.ts';
import { decodeUtf8, utf8 } from '../internal/utf8.ts';
import type { ParsedReceipt } from './types.ts';

/** Options of {@link parseReceipt}. */
export interface ParseReceiptOptions {
  /** Largest receipt accepted, in bytes (default 16 KiB: a sealed note of the longest length fits). */
  readonly maxBytes?: number;
}

const INVALID = ErrorCode.RECEIPT_INVALID;
const CODES = { syntax: INVALID, schema: INVALID, canonical: INVALID } as const;

/**
 * Structural checks of a received receipt: size, strict canonical `{r, s}`, canonical base64url,
 * a 64-byte signature and a strict canonical body. Throws `RECEIPT_INVALID` for any input bytes (and
 * `BAD_REQUEST` only for an invalid `maxBytes`).
 */
export function parseReceipt(bytes: Uint8Array, options: ParseReceiptOptions = {}): ParsedReceipt {
  const maxBytes = checkedMaxBytes(options);
  if (bytes.length > maxBytes) throw new CwtchError(INVALID, 'receipt is too large');
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new CwtchError(INVALID, 'receipt is not UTF-8');
  return parseMembers(parseCanonicalJson(text, hotSchema(ReceiptWire), CODES, 'receipt'), bytes);
}

/**
 * The same checks as {@link parseReceipt} for a receipt held as its two members, as a share-log
 * entry keeps it: `{r, s}` is the receipt whose canonical bytes are `{"r":"<r>","s":"<s>"}` (base64url
 * needs no escaping), without writing them out and parsing them again.
 */
export function parseReceiptMembers(
  members: { readonly r: unknown; readonly s: unknown },
  options: ParseReceiptOptions = {},
): ParsedReceipt {
  const maxBytes = checkedMaxBytes(options);
  const wire = hotSchema(ReceiptWire).safeParse({ r: members.r, s: members.s });
  if (!wire.success) throw new CwtchError(INVALID, 'receipt does not match its schema');
  const bytes = utf8(`{"r":"${wire.data.r}","s":"${wire.data.s}"}`);
  if (bytes.length > maxBytes) throw new CwtchError(INVALID, 'receipt is too large');
  return parseMembers(wire.data, bytes);
}

function checkedMaxBytes(options: ParseReceiptOptions): number {
  const maxBytes = options.maxBytes ?? 16_384;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'maxBytes must be a non-negative integer');
  }
  return maxBytes;
}

/** Signature and body of a receipt whose wire passed its schema. */
function parseMembers(wire: ReceiptWire, bytes: Uint8Array): ParsedReceipt {
  const signature = b64uDecode(wire.s, INVALID);
  if (signature.length !== 64) throw new CwtchError(INVALID, 'receipt signature must be 64 bytes');
  const bodyBytes = b64uDecode(wire.r, INVALID);
  const bodyText = decodeUtf8(bodyBytes);
  if (bodyText === undefined) throw new CwtchError(INVALID, 'receipt body is not UTF-8');
  const body = parseCanonicalJson(bodyText, hotSchema(ReceiptBody), CODES, 'receipt body');
  return { bytes, body, bodyBytes, signature };
}
