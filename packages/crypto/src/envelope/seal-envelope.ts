import { EnvelopeHeader, HEADER_TYPE, hotSchema, SUITE } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { ed25519Sign } from '../ed25519/sign-ed25519.ts';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { getSodium } from '../init-crypto.ts';
import { toIssues } from '../internal/to-issues.ts';
import { utf8 } from '../internal/utf8.ts';
import { keyId } from '../keys/key-id.ts';
import { nodeRandomSource, type RandomSource } from '../random-source.ts';
import { SIZES } from './constants.ts';
import { keyCommitment } from './key-commitment.ts';
import { sealBox } from './seal-box.ts';
import { computeBodyHash, envelopeSigningInput } from './signing-input.ts';

/** Header members the sender chooses; the rest (`v`, `typ`, `suite`, `id`, `from`, `to`, `n`, `kc`) are set by sealing. */
export type EnvelopeRouting = Omit<EnvelopeHeader, 'v' | 'typ' | 'suite' | 'id' | 'from' | 'to' | 'n' | 'kc'>;

/** The sending agency and its signing key. */
export interface EnvelopeSender {
  readonly agency: string;
  /** Key id of the signing key; must be the thumbprint of its public half. */
  readonly kid: string;
  /** 64-byte libsodium Ed25519 secret key. */
  readonly signSecretKey: Uint8Array;
}

/** A recipient agency and its current encryption key, as resolved in the key directory. */
export interface EnvelopeRecipient {
  readonly agency: string;
  /** Key id of the X25519 key; must be the thumbprint of `publicKey`. */
  readonly kid: string;
  /** 32-byte X25519 public key. */
  readonly publicKey: Uint8Array;
}

/** Input of {@link sealEnvelope}. */
export interface SealEnvelopeInput extends EnvelopeRouting {
  readonly plaintext: Uint8Array;
  readonly sender: EnvelopeSender;
  /** In wrap order; one entry per agency. */
  readonly recipients: readonly EnvelopeRecipient[];
  /** Defaults to node:crypto; inject fixed bytes only for test vectors. */
  readonly random?: RandomSource;
}

/** A sealed envelope. */
export interface SealedEnvelope {
  /** The envelope as sent: UTF-8 of `{"h","k","c","s"}`. */
  readonly bytes: Uint8Array;
  readonly header: EnvelopeHeader;
  /** `H`, the signed header bytes. */
  readonly headerBytes: Uint8Array;
  /** Message id (`header.id`). */
  readonly id: string;
  /** `B = SHA-256(W_1 || ... || W_k || C)`. */
  readonly bodyHash: Uint8Array;
}

const RESERVED = ['v', 'typ', 'suite', 'id', 'from', 'to', 'n', 'kc'] as const;

function bad(message: string): CwtchError {
  return new CwtchError(ErrorCode.BAD_REQUEST, message);
}

function take(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) {
    throw new CwtchError(ErrorCode.INTERNAL, `random source gave a wrong-sized ${what}`);
  }
  return bytes;
}

function checkParties(sender: EnvelopeSender, recipients: readonly EnvelopeRecipient[]): void {
  if (sender.signSecretKey.length !== 64) throw bad('signing secret key must be 64 bytes');
  if (keyId(sender.signSecretKey.subarray(32), 'Ed25519') !== sender.kid) {
    throw bad('sender kid does not match its signing key');
  }
  if (recipients.length === 0) throw new CwtchError(ErrorCode.NO_RECIPIENTS, 'no recipients');
  const agencies = new Set<string>();
  for (const recipient of recipients) {
    if (agencies.has(recipient.agency)) throw bad('a recipient agency is listed twice');
    agencies.add(recipient.agency);
    if (recipient.publicKey.length !== 32) throw bad('recipient public key must be 32 bytes');
    if (keyId(recipient.publicKey, 'X25519') !== recipient.kid) {
      throw bad('recipient kid does not match its key');
    }
  }
}

/**
 * Seals `plaintext` for every recipient under CWTCH1 (reference §2.7): one XChaCha20-Poly1305
 * ciphertext with the exact header bytes as associated data, the content key sealed to each
 * recipient, and the sender's Ed25519 signature over header and body hash.
 *
 * @example
 * ```ts
 * const sealed = sealEnvelope({
 *   iat: Date.now(), exp: Date.now() + 86_400_000, kind: 'concern', sv: 1, agreement: 'isa-2025-07',
 *   purpose: 'safeguarding', basis: 'Children Act 1989 s47', priority: 'high', respondBy: null, subject: null,
 *   plaintext: utf8Payload,
 *   sender: { agency: 'swansea-cs', kid: keys.signing.kid, signSecretKey: keys.signing.secretKey },
 *   recipients: [{ agency: 'swansea-police', kid: theirs.kid, publicKey: theirs.publicKey }],
 * });
 * ```
 */
export function sealEnvelope(input: SealEnvelopeInput): SealedEnvelope {
  const sodium = getSodium();
  const { plaintext, sender, recipients, random = nodeRandomSource, ...routing } = input;
  for (const member of RESERVED) {
    if (member in routing) throw bad(`header member ${member} is set by sealing`);
  }
  checkParties(sender, recipients);

  const id = take(random.messageId(), SIZES.id, 'message id');
  const nonce = take(random.nonce(), SIZES.nonce, 'nonce');
  const cek = take(random.contentKey(), SIZES.cek, 'content key');
  try {
    const candidate = {
      ...routing,
      v: 1,
      typ: HEADER_TYPE,
      suite: SUITE,
      id: b64uEncode(id),
      from: { agency: sender.agency, kid: sender.kid },
      to: recipients.map((r) => ({ agency: r.agency, kid: r.kid })),
      n: b64uEncode(nonce),
      kc: b64uEncode(keyCommitment(cek)),
    };
    const parsed = hotSchema(EnvelopeHeader).safeParse(candidate);
    if (!parsed.success) {
      throw new CwtchError(ErrorCode.CONTRACT_INVALID, 'envelope header is invalid', {
        issues: toIssues(parsed.error.issues),
      });
    }
    const header = parsed.data;
    if (header.exp <= header.iat) throw new CwtchError(ErrorCode.CONTRACT_INVALID, 'exp must be after iat');
    // The schema's output has its members in schema order, which is the canonical order.
    const headerBytes = utf8(JSON.stringify(header));
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      headerBytes,
      null,
      nonce,
      cek,
    );
    const wrappedKeys = recipients.map((r, i) =>
      sealBox(
        cek,
        r.publicKey,
        random.ephemeralSeed && take(random.ephemeralSeed(i), SIZES.ephemeralSeed, 'ephemeral seed'),
      ),
    );
    const bodyHash = computeBodyHash(wrappedKeys, ciphertext);
    const signature = ed25519Sign(envelopeSigningInput(headerBytes, bodyHash), sender.signSecretKey);
    const wire = {
      h: b64uEncode(headerBytes),
      k: wrappedKeys.map(b64uEncode),
      c: b64uEncode(ciphertext),
      s: b64uEncode(signature),
    };
    return { bytes: utf8(JSON.stringify(wire)), header, headerBytes, id: header.id, bodyHash };
  } finally {
    sodium.memzero(cek);
  }
}
