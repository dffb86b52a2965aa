import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyObject, x25519PublicKey, x25519PublicKeyObject } from './key-objects.ts';

const rawX25519 = () => x25519PublicKey(generateKeyPairSync('x25519').publicKey);

describe('raw public key import', () => {
  const limit = Error.stackTraceLimit;
  afterEach(() => {
    Error.stackTraceLimit = limit;
  });

  it('imports the key it is given and leaves stack traces as they were', () => {
    Error.stackTraceLimit = 17;
    const raw = rawX25519();
    const key = x25519PublicKeyObject(raw, false);
    expect(Buffer.from(x25519PublicKey(key))).toEqual(Buffer.from(raw));
    expect(Error.stackTraceLimit).toBe(17);
    expect(new Error('after').stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('still refuses a key that is not one, and leaves stack traces as they were', () => {
    Error.stackTraceLimit = 17;
    expect(() => x25519PublicKeyObject(new Uint8Array(31), false)).toThrow();
    expect(publicKeyObject(new Uint8Array(5))).toBeUndefined();
    expect(Error.stackTraceLimit).toBe(17);
  });
});
