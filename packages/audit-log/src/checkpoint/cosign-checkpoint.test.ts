import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { archeCheckpoint } from '../fixtures/signed-notes.ts';
import { leafHash } from '../merkle/leaf-hash.ts';
import { ed25519PublicKey } from '../note/ed25519-keys.ts';
import { formatSignedNote, parseSignedNote } from '../note/signed-note.ts';
import { newKeyPair } from '../note/test-keys.ts';
import { parseVerifierKey } from '../note/verifier-key.ts';
import { cosignCheckpoint } from './cosign-checkpoint.ts';
import { formatCheckpoint } from './format-checkpoint.ts';
import { signCheckpoint } from './sign-checkpoint.ts';
import { verifyCheckpoint } from './verify-checkpoint.ts';
import { verifyCosignature } from './verify-cosignature.ts';

const ORIGIN = 'cwtch.example/audit/v1';
const WITNESS = 'agency-a.example/witness';
const log = newKeyPair();
const witness = newKeyPair();
const witnessKey = { name: WITNESS, publicKey: witness.publicKey };
const text = formatCheckpoint({ origin: ORIGIN, size: 42, root: leafHash(Buffer.from('root')) });
const logNote = signCheckpoint(text, ORIGIN, log.seed);
const TIME = 1_763_800_000;

function cosigned(time = TIME, secretKey: Uint8Array = witness.seed): string {
  const parsed = parseSignedNote(logNote);
  if (!parsed.ok) throw parsed.error;
  const cosig = cosignCheckpoint(parsed.value.text, WITNESS, secretKey, time);
  return formatSignedNote({ text: parsed.value.text, signatures: [...parsed.value.signatures, cosig] });
}

describe('witness cosignatures', () => {
  it('round-trips and returns the witness time', () => {
    const note = cosigned();
    const result = verifyCosignature(note, witnessKey);
    if (!result.ok) throw result.error;
    expect(result.value.time).toBe(TIME);
    expect(result.value.checkpoint.size).toBe(42);
    expect(verifyCheckpoint(note, { name: ORIGIN, publicKey: log.publicKey }).ok).toBe(true);
  });

  it('signs "cosignature/v1\\ntime <t>\\n" + checkpoint text, carried as key id || u64be(time) || signature', () => {
    const cosig = cosignCheckpoint(text, WITNESS, witness.seed, TIME);
    expect(cosig.signature).toHaveLength(8 + 64);
    const bytes = Buffer.from(cosig.signature);
    expect(bytes.readBigUInt64BE(0)).toBe(BigInt(TIME));
    const message = Buffer.from(`cosignature/v1\ntime ${TIME}\n${text}`);
    const key = ed25519PublicKey(witness.publicKey);
    if (key === undefined) throw new Error('key');
    expect(verify(null, message, key, bytes.subarray(8))).toBe(true);
  });

  it('is deterministic and accepts a libsodium secret key', () => {
    expect(cosigned(TIME, witness.sodiumSecretKey)).toBe(cosigned());
  });

  it('refuses a cosignature whose time was changed', () => {
    const parsed = parseSignedNote(cosigned());
    if (!parsed.ok) throw parsed.error;
    const signatures = parsed.value.signatures.map((s) => {
      if (s.name !== WITNESS) return s;
      const bytes = Buffer.from(s.signature);
      bytes.writeBigUInt64BE(BigInt(TIME + 1), 0);
      return { ...s, signature: new Uint8Array(bytes) };
    });
    const result = verifyCosignature(formatSignedNote({ ...parsed.value, signatures }), witnessKey);
    expect(result.ok || result.error.code).toBe('SIGNATURE_INVALID');
  });

  it('refuses a changed checkpoint, an unknown witness and a missing cosignature', () => {
    expect(verifyCosignature(cosigned().replace('\n42\n', '\n43\n'), witnessKey).ok).toBe(false);
    expect(verifyCosignature(cosigned(), { name: WITNESS, publicKey: newKeyPair().publicKey }).ok).toBe(
      false,
    );
    expect(verifyCosignature(logNote, witnessKey).ok).toBe(false);
  });

  it('keeps the two signature types apart: a note signature is no cosignature and vice versa', () => {
    const asLog = signCheckpoint(text, WITNESS, witness.seed);
    expect(verifyCosignature(asLog, witnessKey).ok).toBe(false);
    expect(verifyCheckpoint(cosigned(), witnessKey, { origin: ORIGIN }).ok).toBe(false);
  });

  it('refuses to cosign text that is not a checkpoint, bad names and bad times', () => {
    expect(() => cosignCheckpoint('hello\n', WITNESS, witness.seed, TIME)).toThrow();
    expect(() => cosignCheckpoint(text, 'bad name', witness.seed, TIME)).toThrow();
    expect(() => cosignCheckpoint(text, WITNESS, witness.seed, -1)).toThrow();
  });

  it('verifies the real cosignatures of four public witnesses on an arche2025h1 checkpoint', () => {
    for (const vkey of archeCheckpoint.witnessKeys) {
      const key = parseVerifierKey(vkey);
      if (!key.ok) throw key.error;
      const result = verifyCosignature(archeCheckpoint.note, key.value);
      if (!result.ok) throw result.error;
      expect(result.value.time).toBe(archeCheckpoint.cosignedAt);
      expect(verifyCosignature(archeCheckpoint.note.replace('1432088532', '1432088531'), key.value).ok).toBe(
        false,
      );
    }
  });
});
