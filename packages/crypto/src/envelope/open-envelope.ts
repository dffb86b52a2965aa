import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { getSodium } from '../init-crypto.ts';
import { SIZES } from './constants.ts';
import { decryptContent } from './decrypt-content.ts';
import { openBox } from './seal-box.ts';
import type { VerifiedEnvelope } from './types.ts';

/** The recipient's identity and encryption key pair. */
export interface RecipientKey {
  readonly agency: string;
  /** Key id of the X25519 key (as named in `header.to`). */
  readonly kid: string;
  /** 32-byte X25519 public key. */
  readonly publicKey: Uint8Array;
  /** 32-byte X25519 secret key. */
  readonly secretKey: Uint8Array;
}

/** Options of {@link openEnvelope}. */
export interface OpenEnvelopeOptions {
  readonly me: RecipientKey;
}

/** The opened content. */
export interface OpenedEnvelope {
  readonly plaintext: Uint8Array;
  /** The content key: keep it only to disclose this one message in a dispute, else `memzero` it. */
  readonly cek: Uint8Array;
}

/**
 * Opens a verified envelope for `me` (open steps 6-8): finds the one `to` entry naming this agency
 * and key (`NOT_ADDRESSED_TO_ME`), unwraps the CEK (`DECRYPTION_FAILED` unless 32 bytes come out),
 * checks the key commitment in constant time (`KEY_COMMITMENT_MISMATCH`) and decrypts with the
 * header bytes as associated data (`DECRYPTION_FAILED`). Time and replay checks are the caller's.
 *
 * @example
 * ```ts
 * const parsed = parseEnvelope(bytes);
 * const verified = verifyEnvelope(parsed, { resolveSigningKey });
 * checkTimes(verified.header, Date.now());
 * const { plaintext } = openEnvelope(verified, { me });
 * ```
 */
export function openEnvelope(envelope: VerifiedEnvelope, options: OpenEnvelopeOptions): OpenedEnvelope {
  const sodium = getSodium();
  const { me } = options;
  if (me.publicKey.length !== 32 || me.secretKey.length !== 32) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'recipient keys must be 32 bytes');
  }
  const index = envelope.header.to.findIndex((p) => p.agency === me.agency && p.kid === me.kid);
  const wrapped = envelope.wrappedKeys[index];
  if (index < 0 || wrapped === undefined) {
    throw new CwtchError(ErrorCode.NOT_ADDRESSED_TO_ME, 'envelope is not addressed to this agency and key');
  }
  let cek: Uint8Array;
  try {
    cek = openBox(wrapped, me);
  } catch {
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'decryption failed');
  }
  if (cek.length !== SIZES.cek) {
    sodium.memzero(cek);
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'decryption failed');
  }
  try {
    return { plaintext: decryptContent(envelope, cek), cek };
  } catch (e) {
    sodium.memzero(cek);
    throw e;
  }
}
