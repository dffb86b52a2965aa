import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type KeyObject,
  timingSafeEqual,
} from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

// DER headers that turn raw RFC 8032 keys into the PKCS#8 and SPKI structures node:crypto imports.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const PUBLIC_CACHE_LIMIT = 4096;

const privateKeys = new WeakMap<Uint8Array, { readonly bytes: Buffer; readonly key: KeyObject }>();
const publicKeys = new Map<string, KeyObject>();
const secretKeys = new WeakMap<Uint8Array, { readonly bytes: Buffer; readonly key: KeyObject }>();

/**
 * The private KeyObject of a libsodium 64-byte secret key (`seed || publicKey`), imported once per
 * key array and re-imported if the array's bytes change. Throws `BAD_REQUEST` on a wrong length or
 * a public half that is not the seed's.
 */
export function privateKeyObject(secretKey: Uint8Array): KeyObject {
  if (secretKey.length !== 64) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'signing secret key must be 64 bytes');
  }
  const cached = privateKeys.get(secretKey);
  if (cached !== undefined && timingSafeEqual(cached.bytes, secretKey)) return cached.key;
  const der = Buffer.concat([PKCS8_ED25519, secretKey.subarray(0, 32)]);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (!timingSafeEqual(spki.subarray(SPKI_ED25519.length), secretKey.subarray(32))) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'the public half of the signing secret key does not match');
  }
  privateKeys.set(secretKey, { bytes: Buffer.from(secretKey), key });
  return key;
}

/** The public KeyObject of a raw 32-byte key, cached by value; `undefined` when it cannot be imported. */
export function publicKeyObject(publicKey: Uint8Array): KeyObject | undefined {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64');
  const cached = publicKeys.get(id);
  if (cached !== undefined) return cached;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
  if (publicKeys.size >= PUBLIC_CACHE_LIMIT) publicKeys.clear();
  publicKeys.set(id, key);
  return key;
}

/**
 * The secret (HMAC) KeyObject of a key array, imported once per array and re-imported if its
 * bytes change: `createHmac` with raw bytes imports the key again on every call.
 */
export function secretKeyObject(secret: Uint8Array): KeyObject {
  const cached = secretKeys.get(secret);
  if (cached !== undefined && cached.bytes.length === secret.length && timingSafeEqual(cached.bytes, secret))
    return cached.key;
  const bytes = Buffer.from(secret);
  const key = createSecretKey(bytes);
  secretKeys.set(secret, { bytes, key });
  return key;
}
