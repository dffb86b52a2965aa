/**
 * Decodes standard base64 (RFC 4648 section 4, with padding) and refuses anything else. Node's own
 * decoder skips invalid characters and takes the URL-safe alphabet too, which would let two texts
 * carry the same bytes; so the text must be exactly what encoding its bytes gives back, the one
 * canonical text (alphabet, padding and zero unused bits), checked faster than by a pattern.
 */
export function decodeStrictBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // A view of the decoder's output: a copy would cost more than decoding (entries, notes, keys).
  return bytes.toString('base64') === text
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    : undefined;
}

/** Encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
