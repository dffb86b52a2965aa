/** Curves of agency keys: Ed25519 signs, X25519 receives sealed content keys. */
export type KeyCurve = 'Ed25519' | 'X25519';

/** An Ed25519 signing key pair in libsodium form (secret key = 32-byte seed || public key). */
export interface SigningKeyPair {
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  /** 32 bytes. */
  readonly publicKey: Uint8Array;
  /** 64 bytes (libsodium `crypto_sign` secret key). */
  readonly secretKey: Uint8Array;
}

/** An X25519 encryption key pair. */
export interface EncryptionKeyPair {
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  /** 32 bytes. */
  readonly publicKey: Uint8Array;
  /** 32 bytes (the X25519 scalar). */
  readonly secretKey: Uint8Array;
}

/** One agency's two key pairs; CWTCH1 never uses one key for both roles. */
export interface AgencyKeys {
  readonly signing: SigningKeyPair;
  readonly encryption: EncryptionKeyPair;
}
