import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/** Ed25519 detached signature with a raw key: a 32-byte seed or libsodium's 64-byte seed||pk. */
export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const seed = secretKey.subarray(0, 32);
  const d = Buffer.from(seed).toString('base64url');
  const x = secretKey.length === 64 ? Buffer.from(secretKey.subarray(32)).toString('base64url') : undefined;
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d, x: x ?? Buffer.from(ed25519PublicKey(seed)).toString('base64url') },
    format: 'jwk',
  });
  return new Uint8Array(sign(null, message, key));
}

/** The raw 32-byte Ed25519 public key of a 32-byte seed. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  const priv = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return new Uint8Array(Buffer.from(String(createPublicKey(priv).export({ format: 'jwk' }).x), 'base64url'));
}

/** Verifies an Ed25519 detached signature with a raw 32-byte public key; false on any failure. */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
