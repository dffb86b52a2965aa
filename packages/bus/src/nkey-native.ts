import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Authenticator } from '@nats-io/transport-node';

// NATS nkeys (github.com/nats-io/nkeys): base32 of a prefix, the 32-byte key and a CRC-16/XMODEM
// of both, little-endian. A seed's prefix is two bytes: 'S' (18 << 3) and the role of its key.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SEED = 18 << 3;
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

const CRC_TABLE = Uint16Array.from({ length: 256 }, (_, n) => {
  let crc = n << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ b) & 0xff]!;
  return crc;
}

function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const n = ALPHABET.indexOf(c);
    if (n < 0) return undefined;
    value = ((value << 5) | n) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** An nkey of `role` (its prefix byte) for a raw 32-byte key. */
function encodeKey(role: number, key: Uint8Array): string {
  const raw = new Uint8Array(35);
  raw[0] = role;
  raw.set(key, 1);
  const check = crc16(raw.subarray(0, 33));
  raw[33] = check & 0xff;
  raw[34] = check >> 8;
  return base32Encode(raw);
}

/** An nkey seed's role (the prefix byte of its public key) and its raw 32 bytes; throws if it is not one. */
function decodeSeed(seed: string): { role: number; raw: Uint8Array } {
  const text = seed.trim();
  const invalid = (why: string) => new CwtchError(ErrorCode.CONFIG_INVALID, `not an nkey seed: ${why}`);
  // 36 bytes are 58 base32 characters, unpadded.
  const bytes = text.length === 58 ? base32Decode(text) : undefined;
  if (bytes?.length !== 36) throw invalid('wrong length or alphabet');
  if ((bytes[34]! | (bytes[35]! << 8)) !== crc16(bytes.subarray(0, 34))) throw invalid('bad checksum');
  if ((bytes[0]! & 0xf8) !== SEED) throw invalid('no seed prefix');
  return { role: ((bytes[0]! & 7) << 5) | ((bytes[1]! & 0xf8) >> 3), raw: bytes.slice(2, 34) };
}

/** An nkey seed's public key and signing, through node:crypto's Ed25519 (native, byte-identical). */
export interface NkeySigner {
  readonly publicKey: string;
  sign(data: Uint8Array): Uint8Array;
}

/** The signer of an nkey seed (`SU…`, `SO…`, …). */
export function nkeySigner(seed: string): NkeySigner {
  const { role, raw } = decodeSeed(seed);
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, raw]),
    format: 'der',
    type: 'pkcs8',
  });
  raw.fill(0);
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  return {
    publicKey: encodeKey(role, Buffer.from(x!, 'base64url')),
    sign: (data) => new Uint8Array(sign(null, data, privateKey)),
  };
}

const USER = 20 << 3;

/** A fresh nkey user: the seed (secret, for the client's 0600 file) and the public key (for the server). */
export function createNkeyUser(): { seed: string; publicKey: string } {
  const raw = new Uint8Array(36);
  raw[0] = SEED | (USER >> 5);
  raw[1] = (USER & 31) << 3;
  raw.set(randomBytes(32), 2);
  const check = crc16(raw.subarray(0, 34));
  raw[34] = check & 0xff;
  raw[35] = check >> 8;
  const seed = base32Encode(raw);
  raw.fill(0);
  return { seed, publicKey: nkeyPublicKey(seed) };
}

/** The public nkey (`U…` for a user) of a seed. */
export function nkeyPublicKey(seed: string): string {
  return nkeySigner(seed).publicKey;
}

/**
 * NATS authentication by nkey: the public key and the server's nonce signed. The same answer as
 * the client's own `nkeyAuthenticator`, made with native Ed25519 once per key instead of the pure
 * JavaScript curve arithmetic (tens of milliseconds, and more while the code is cold) at every
 * connect.
 */
export function nkeyAuth(seed: string): Authenticator {
  const signer = nkeySigner(seed);
  return (nonce?: string) => ({
    nkey: signer.publicKey,
    sig: nonce ? Buffer.from(signer.sign(new TextEncoder().encode(nonce))).toString('base64') : '',
  });
}

const CREDS_BLOCK = /-{3,}[^\n]*-{3,}\n\s*(\S+)\s*\n\s*-{3,}[^\n]*-{3,}/g;

/** NATS authentication by a creds file: its user JWT, with {@link nkeyAuth} of its seed. */
export function credsAuth(creds: string): Authenticator {
  const [jwt, seed] = [...creds.matchAll(CREDS_BLOCK)].map((m) => m[1]!);
  if (!jwt || !seed) throw new CwtchError(ErrorCode.CONFIG_INVALID, 'not a NATS creds file: no JWT and seed');
  const nkey = nkeyAuth(seed);
  return (nonce?: string) => ({ jwt, ...nkey(nonce) });
}
