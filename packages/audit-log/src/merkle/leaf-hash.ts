import { hash } from 'node:crypto';

/** Size in bytes of every hash in the log (SHA-256). */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);

/**
 * RFC 9162 leaf hash: `SHA-256(0x00 || entry)` over the exact entry bytes.
 *
 * @example
 * ```ts
 * const h = leafHash(new TextEncoder().encode('{"v":1,"t":"msg","i":0}'));
 * ```
 */
export function leafHash(entry: Uint8Array): Uint8Array {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, entry]), 'buffer');
}
