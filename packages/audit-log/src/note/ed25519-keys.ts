import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

// DER headers that turn raw RFC 8032 keys into PKCS#8 and SPKI structures node:crypto can import.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** Size of a raw Ed25519 public key and of a seed. */
export const ED25519_KEY_SIZE = 32;

/**
 * An Ed25519 private KeyObject from a raw 32-byte seed or a libsodium 64-byte secret key
 * (`seed || publicKey`); for the latter the public half must match the seed.
 */
export function ed25519PrivateKey(secretKey: Uint8Array): KeyObject {
  if (secretKey.byteLength !== ED25519_KEY_SIZE && secretKey.byteLength !== 2 * ED25519_KEY_SIZE) {
    throw new CwtchError(
      ErrorCode.BAD_REQUEST,
      'an Ed25519 secret key is a 32-byte seed or 64 bytes seed||pk',
    );
  }
  const seed = secretKey.subarray(0, ED25519_KEY_SIZE);
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  if (secretKey.byteLength === 2 * ED25519_KEY_SIZE) {
    const expected = Buffer.from(secretKey.subarray(ED25519_KEY_SIZE));
    if (!expected.equals(rawPublicKey(key))) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'the public half of the Ed25519 secret key does not match');
    }
  }
  return key;
}

/** An Ed25519 public KeyObject from a raw 32-byte key; `undefined` when it cannot be imported. */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject | undefined {
  if (publicKey.byteLength !== ED25519_KEY_SIZE) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** The raw 32-byte public key of an Ed25519 private or public KeyObject. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(SPKI_ED25519.length));
}
