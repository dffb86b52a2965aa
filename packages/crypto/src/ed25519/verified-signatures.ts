import { ed25519Verify, type SignatureCheck } from './verify-ed25519.ts';

const DEFAULT_LIMIT = 4096;

const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/**
 * Ed25519 checks that remember the signatures that verified, by their exact signature, message and
 * key, so the same signature over the same bytes is checked once: a share sent to several
 * recipients reaches the audit service as one copy each, all signed alike. Only successes are
 * kept (copies of their bytes, at most `limit`, the oldest dropped first), so the answer is always
 * the one {@link ed25519Verify} gives; whether the key was valid at the time stays the caller's check.
 */
export class VerifiedSignatures {
  readonly #seen = new Map<string, { readonly message: Uint8Array; readonly publicKey: Uint8Array }>();
  readonly #limit: number;
  /** Checks answered from memory. */
  remembered = 0;

  constructor(limit = DEFAULT_LIMIT) {
    this.#limit = limit;
  }

  /** A {@link SignatureCheck}, for `verifyEnvelope`, `authenticateCopy` and the like. */
  readonly check: SignatureCheck = (signature, message, publicKey) => {
    const id = Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
    const known = this.#seen.get(id);
    if (known !== undefined && equal(known.message, message) && equal(known.publicKey, publicKey)) {
      this.remembered += 1;
      return true;
    }
    if (!ed25519Verify(signature, message, publicKey)) return false;
    if (this.#seen.size >= this.#limit) {
      const oldest = this.#seen.keys().next();
      if (oldest.done !== true) this.#seen.delete(oldest.value);
    }
    this.#seen.set(id, { message: message.slice(), publicKey: publicKey.slice() });
    return true;
  };
}
