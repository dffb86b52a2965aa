import { describe, expect, it } from 'vitest';
import { archeCheckpoint } from '../fixtures/signed-notes.ts';
import { leafHash } from '../merkle/leaf-hash.ts';
import { newKeyPair } from '../note/test-keys.ts';
import { parseVerifierKey } from '../note/verifier-key.ts';
import { verifyInclusion } from '../proof/verify-inclusion.ts';
import { MerkleTree } from '../store/merkle-tree.ts';
import { formatCheckpoint } from './format-checkpoint.ts';
import { signCheckpoint } from './sign-checkpoint.ts';
import { verifyCheckpoint } from './verify-checkpoint.ts';

const ORIGIN = 'cwtch.example/audit/v1';
const log = newKeyPair();
const logKey = { name: ORIGIN, publicKey: log.publicKey };

const replaceLine = (note: string, index: number, line: string): string =>
  note
    .split('\n')
    .map((l, i) => (i === index ? line : l))
    .join('\n');
// Changes a character in the middle of the signature's base64, inside the Ed25519 signature bytes.
const flipSignatureChar = (line: string): string => {
  const at = line.length - 20;
  return `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
};

function signedLog(size: number): { tree: MerkleTree; note: string } {
  const tree = new MerkleTree();
  for (let i = 0; i < size; i += 1) tree.appendEntry(Buffer.from(`{"v":1,"i":${i}}`));
  const note = signCheckpoint(
    formatCheckpoint({ origin: ORIGIN, size, root: tree.root() }),
    ORIGIN,
    log.seed,
  );
  return { tree, note };
}

describe('checkpoint signatures', () => {
  it('round-trips: the verified checkpoint anchors an inclusion proof', () => {
    const { tree, note } = signedLog(10);
    expect(note).toMatch(
      /^cwtch\.example\/audit\/v1\n10\n[A-Za-z0-9+/]{43}=\n\n— cwtch\.example\/audit\/v1 \S{92}\n$/,
    );
    const result = verifyCheckpoint(note, logKey);
    if (!result.ok) throw result.error;
    const { size, root } = result.value.checkpoint;
    expect(size).toBe(10);
    const proof = tree.inclusionProof(2, size);
    expect(verifyInclusion(leafHash(Buffer.from('{"v":1,"i":2}')), 2, size, proof, root)).toBe(true);
    expect(verifyInclusion(leafHash(Buffer.from('{"v":1,"i":9}')), 2, size, proof, root)).toBe(false);
  });

  it('signs with a libsodium 64-byte secret key to the same note', () => {
    const text = formatCheckpoint({ origin: ORIGIN, size: 0, root: new MerkleTree().root() });
    expect(signCheckpoint(text, ORIGIN, log.sodiumSecretKey)).toBe(signCheckpoint(text, ORIGIN, log.seed));
  });

  it.each([
    ['a changed size', (n: string) => n.replace('\n10\n', '\n11\n')],
    ['a changed root', (n: string) => replaceLine(n, 2, Buffer.alloc(32, 7).toString('base64'))],
    ['a changed origin', (n: string) => n.replaceAll('cwtch.example/audit/v1', 'cwtch.example/audit/v2')],
    ['a flipped signature byte', (n: string) => replaceLine(n, 4, flipSignatureChar(n.split('\n')[4] ?? ''))],
    ['an appended line', (n: string) => n.replace('\n\n', '\nextension\n\n')],
  ])('refuses a note with %s', (_name, tamper) => {
    const { note } = signedLog(10);
    const tampered = tamper(note);
    expect(tampered).not.toBe(note);
    expect(verifyCheckpoint(tampered, logKey).ok).toBe(false);
  });

  it('refuses another key, another origin and text that is not a checkpoint', () => {
    const { note } = signedLog(3);
    expect(verifyCheckpoint(note, { name: ORIGIN, publicKey: newKeyPair().publicKey }).ok).toBe(false);
    const otherOrigin = verifyCheckpoint(note, logKey, { origin: 'cwtch.example/audit/v2' });
    expect(otherOrigin.ok || otherOrigin.error.code).toBe('CONTRACT_INVALID');
    expect(() => signCheckpoint('hello\n', ORIGIN, log.seed)).toThrow();
  });

  it('verifies a real checkpoint of the transparency-dev arche2025h1 log', () => {
    const key = parseVerifierKey(archeCheckpoint.logKey);
    if (!key.ok) throw key.error;
    const result = verifyCheckpoint(archeCheckpoint.note, key.value);
    if (!result.ok) throw result.error;
    expect(result.value.checkpoint.size).toBe(archeCheckpoint.size);
    expect(result.value.note.signatures).toHaveLength(6);
    expect(verifyCheckpoint(archeCheckpoint.note.replace('1432088532', '1432088533'), key.value).ok).toBe(
      false,
    );
  });
});
