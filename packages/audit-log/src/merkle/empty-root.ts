import { hash } from 'node:crypto';

/** Root of the empty tree, `SHA-256("")` (a fresh copy on every call). */
export function emptyRoot(): Uint8Array {
  return hash('sha256', Buffer.alloc(0), 'buffer');
}
