import { concatBytes, u32be } from '../internal/bytes.ts';
import { utf8 } from '../internal/utf8.ts';

const RECEIPT_LABEL = utf8('CWTCH1-RCPT\0');

/** The bytes Ed25519 signs for a receipt: `"CWTCH1-RCPT" || 0x00 || u32be(|R|) || R`. */
export function receiptSigningInput(bodyBytes: Uint8Array): Uint8Array {
  return concatBytes([RECEIPT_LABEL, u32be(bodyBytes.length), bodyBytes]);
}
