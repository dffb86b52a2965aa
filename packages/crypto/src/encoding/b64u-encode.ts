/**
 * Unpadded base64url (RFC 4648 §5) of `bytes`.
 *
 * @example
 * ```ts
 * b64uEncode(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function b64uEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
