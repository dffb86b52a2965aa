/**
 * Decodes standard base64 (RFC 4648 section 4, with padding) and refuses anything else.
 * Node's own decoder skips invalid characters, which would let two texts carry the same bytes.
 */
export function decodeStrictBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Re-encoding catches non-zero padding bits, the one ambiguity the pattern lets through.
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

/** Encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
