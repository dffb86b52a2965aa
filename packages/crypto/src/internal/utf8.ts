const encoder = new TextEncoder();
// fatal: invalid UTF-8 throws; ignoreBOM: a BOM is kept, so it breaks JSON parsing and canonical checks.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding; returns undefined for invalid input instead of replacing characters. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
