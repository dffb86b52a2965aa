import { hash } from 'node:crypto';

/**
 * Signature type bytes of C2SP signed-note that this package uses, hashed into key ids:
 * `ed25519` for note signatures (the log's checkpoint signature), `cosignatureV1` for
 * timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature).
 */
export const NoteKeyType = { ed25519: 0x01, cosignatureV1: 0x04 } as const;
export type NoteKeyType = (typeof NoteKeyType)[keyof typeof NoteKeyType];

/** `SHA-256(name || 0x0A || type || publicKey)[0:4]` read as a big-endian uint32. */
export function noteKeyId(name: string, type: NoteKeyType, publicKey: Uint8Array): number {
  const digest = hash(
    'sha256',
    Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey]),
    'buffer',
  );
  return digest.readUInt32BE(0);
}
