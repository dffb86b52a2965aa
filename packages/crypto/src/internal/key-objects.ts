import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type KeyObject,
  timingSafeEqual,
} from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uEncode } from '../encoding/b64u-encode.ts';

// DER headers that turn raw RFC 8032 (Ed25519) and RFC 7748 (X25519) secret keys into the PKCS#8
// structures node:crypto imports.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const PUBLIC_CACHE_LIMIT = 4096;

/** Secret keys held in arrays: each imported once per array, again if the array's bytes change. */
class KeysByArray {
  readonly #cache = new WeakMap<Uint8Array, { readonly bytes: Buffer; readonly key: KeyObject }>();

  get(array: Uint8Array, load: () => KeyObject): KeyObject {
    const cached = this.#cache.get(array);
    if (cached !== undefined && cached.bytes.length === array.length && timingSafeEqual(cached.bytes, array))
      return cached.key;
    const key = load();
    this.#cache.set(array, { bytes: Buffer.from(array), key });
    return key;
  }
}

/** Public keys by value (the same keys recur on every message), at most a few thousand. */
class KeysByValue {
  readonly #cache = new Map<string, KeyObject>();

  get(bytes: Uint8Array, load: () => KeyObject): KeyObject {
    const id = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    const cached = this.#cache.get(id);
    if (cached !== undefined) return cached;
    const key = load();
    if (this.#cache.size >= PUBLIC_CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(id, key);
    return key;
  }
}

/**
 * Imports a raw secret key behind its PKCS#8 header, wiping the DER copy made for the import.
 * (The KeyObject's own copy lives in OpenSSL until the object is collected: node:crypto cannot
 * wipe it.)
 */
function importPkcs8(header: Buffer, raw: Uint8Array): KeyObject {
  const der = Buffer.concat([header, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/**
 * Runs `work` with V8's stack capture off. node:crypto's key import (Node 24) asks whether its
 * argument is a KeyObject, then a CryptoKey, by catching the TypeError each native check throws,
 * and each such error walks the stack for its trace: three quarters of importing a key (24 → 7 µs
 * measured). Those errors are caught inside node:crypto; one the import itself throws (a bad key)
 * reaches the caller without a stack, and every caller turns it into a coded error.
 */
function withoutStackTraces<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Imports a raw public key as a JWK (`kty: OKP`): node:crypto makes it from the raw bytes, without
 * OpenSSL's DER decoder, which costs more here than the rest of a key agreement's set-up. Each
 * envelope opened imports its ephemeral key this way.
 */
const importRawPublic = (crv: 'Ed25519' | 'X25519', raw: Uint8Array): KeyObject =>
  withoutStackTraces(() => createPublicKey({ key: { kty: 'OKP', crv, x: b64uEncode(raw) }, format: 'jwk' }));

/** A KeyObject's raw public key, read from its public JWK (no DER encoder, no secret exported). */
const rawPublic = (key: KeyObject): Buffer => {
  const { x } = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new CwtchError(ErrorCode.INTERNAL, 'key has no public half');
  return Buffer.from(x, 'base64url');
};

const signingKeys = new KeysByArray();
const verifyingKeys = new KeysByValue();
const hmacKeys = new KeysByArray();
const agreementKeys = new KeysByArray();
const peerKeys = new KeysByValue();

/**
 * The private KeyObject of a libsodium 64-byte secret key (`seed || publicKey`), imported once per
 * key array and re-imported if the array's bytes change. Throws `BAD_REQUEST` on a wrong length or
 * a public half that is not the seed's.
 */
export function privateKeyObject(secretKey: Uint8Array): KeyObject {
  if (secretKey.length !== 64) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'signing secret key must be 64 bytes');
  }
  return signingKeys.get(secretKey, () => {
    const key = importPkcs8(PKCS8_ED25519, secretKey.subarray(0, 32));
    if (!timingSafeEqual(rawPublic(key), secretKey.subarray(32))) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'the public half of the signing secret key does not match');
    }
    return key;
  });
}

/** The public KeyObject of a raw 32-byte key, cached by value; `undefined` when it cannot be imported. */
export function publicKeyObject(publicKey: Uint8Array): KeyObject | undefined {
  try {
    return verifyingKeys.get(publicKey, () => importRawPublic('Ed25519', publicKey));
  } catch {
    return undefined;
  }
}

/**
 * The secret (HMAC) KeyObject of a key array, imported once per array and re-imported if its
 * bytes change: `createHmac` with raw bytes imports the key again on every call.
 */
export function secretKeyObject(secret: Uint8Array): KeyObject {
  return hmacKeys.get(secret, () => createSecretKey(Buffer.from(secret)));
}

/**
 * An X25519 secret key as a KeyObject: an agency's long-lived one (`held`) imported once per key
 * array, an ephemeral one (new with every envelope) each time, and not kept.
 */
export function x25519PrivateKeyObject(secret: Uint8Array, held: boolean): KeyObject {
  const load = () => importPkcs8(PKCS8_X25519, secret);
  return held ? agreementKeys.get(secret, load) : load();
}

/**
 * A raw X25519 public key as a KeyObject: a recipient's (`cache`) imported once per value, as it
 * recurs on every send; an ephemeral one, from an envelope, each time and not kept.
 */
export function x25519PublicKeyObject(publicKey: Uint8Array, cache: boolean): KeyObject {
  const load = () => importRawPublic('X25519', publicKey);
  return cache ? peerKeys.get(publicKey, load) : load();
}

/** The raw 32-byte public key of an X25519 KeyObject, private or public. */
export function x25519PublicKey(key: KeyObject): Uint8Array {
  return rawPublic(key);
}
