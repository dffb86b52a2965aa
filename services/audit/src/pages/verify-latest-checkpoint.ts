import { createPrivateKey, createPublicKey } from 'node:crypto';
import { verifyCheckpoint, verifyCosignature } from '@cwtch/audit-log';
import type { SignedCheckpoint, WitnessKey } from '../checkpointer.ts';

/** One signer's verdict on a checkpoint. */
export interface SignerVerdict {
  readonly name: string;
  readonly role: 'log' | 'witness';
  /** `valid`, `missing` (no signature from this key yet) or `invalid`. */
  readonly outcome: 'valid' | 'missing' | 'invalid';
  readonly detail: string;
  /** A witness's cosigning time (ms), when valid. */
  readonly at?: number;
}

/** The result of verifying a checkpoint note against the pinned keys. */
export interface CheckpointVerdict {
  readonly size: number;
  readonly signers: readonly SignerVerdict[];
  readonly cosigned: number;
  readonly quorum: number;
  /** The log signature verifies and no signature from a pinned key fails. */
  readonly ok: boolean;
  /** At least `quorum` pinned witnesses have cosigned (they do so within seconds of signing). */
  readonly quorumMet: boolean;
}

/** The Ed25519 public key of a 32-byte seed. */
export function publicKeyOfSeed(seed: Uint8Array): Uint8Array {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  });
  return new Uint8Array(Buffer.from(String(jwk.x), 'base64url'));
}

/**
 * Verifies a signed checkpoint note as an auditor would, with nothing but pinned public keys:
 * the log's signature (origin line included) and each pinned witness's cosignature.
 */
export function verifyLatestCheckpoint(
  note: string,
  cp: SignedCheckpoint,
  trust: {
    readonly origin: string;
    readonly logKey: Uint8Array;
    readonly witnesses: readonly WitnessKey[];
    readonly quorum: number;
  },
): CheckpointVerdict {
  const log = verifyCheckpoint(note, { name: trust.origin, publicKey: trust.logKey });
  const signers: SignerVerdict[] = [
    log.ok
      ? {
          name: trust.origin,
          role: 'log',
          outcome: 'valid',
          detail: `signs size ${log.value.checkpoint.size}`,
        }
      : { name: trust.origin, role: 'log', outcome: 'invalid', detail: log.error.message },
  ];
  for (const w of trust.witnesses) {
    const r = verifyCosignature(note, w);
    if (r.ok)
      signers.push({
        name: w.name,
        role: 'witness',
        outcome: 'valid',
        detail: 'cosigned',
        at: r.value.time * 1000,
      });
    else if (/has no cosignature/.test(r.error.message))
      signers.push({ name: w.name, role: 'witness', outcome: 'missing', detail: 'no cosignature yet' });
    else signers.push({ name: w.name, role: 'witness', outcome: 'invalid', detail: r.error.message });
  }
  const cosigned = signers.filter((s) => s.role === 'witness' && s.outcome === 'valid').length;
  const anyInvalid = signers.some((s) => s.outcome === 'invalid');
  return {
    size: cp.size,
    signers,
    cosigned,
    quorum: trust.quorum,
    ok: log.ok && !anyInvalid,
    quorumMet: cosigned >= trust.quorum,
  };
}
