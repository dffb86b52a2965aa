import { unusedBitsZero } from '@cwtch/runtime';

const ALPHABET = /^[A-Za-z0-9+/]*(={0,2})$/;

/**
 * Decodes standard base64 (RFC 4648 section 4, with padding) and refuses anything else: only the
 * standard alphabet, padding to a multiple of four, and zero unused bits. Node's own decoder skips
 * invalid characters, which would let two texts carry the same bytes.
 */
export function decodeStrictBase64(text: string): Uint8Array | undefined {
  const match = text.length % 4 === 0 ? ALPHABET.exec(text) : null;
  if (match === null || !unusedBitsZero(text, text.length - (match[1]?.length ?? 0))) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
