import { describe, expect, it } from 'vitest';
import { goNote } from '../fixtures/signed-notes.ts';
import { NoteKeyType } from './note-key-id.ts';
import { newKeyPair } from './test-keys.ts';
import { formatVerifierKey, parseVerifierKey } from './verifier-key.ts';

describe('verifier keys', () => {
  it("parses Go's key and formats it back", () => {
    const parsed = parseVerifierKey(goNote.vkey);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      name: 'PeterNeumann',
      type: NoteKeyType.ed25519,
      keyId: 0xc74f20a3,
    });
    expect(formatVerifierKey(parsed.value.name, parsed.value.type, parsed.value.publicKey)).toBe(goNote.vkey);
  });

  it('round-trips cosignature keys, whose id differs from the same key as a note key', () => {
    const pair = newKeyPair();
    const cosigner = formatVerifierKey('witness.example/w1', NoteKeyType.cosignatureV1, pair.publicKey);
    const signer = formatVerifierKey('witness.example/w1', NoteKeyType.ed25519, pair.publicKey);
    expect(cosigner.split('+')[1]).not.toBe(signer.split('+')[1]);
    const parsed = parseVerifierKey(cosigner);
    expect(parsed.ok && parsed.value.type).toBe(NoteKeyType.cosignatureV1);
  });

  it.each([
    ['a wrong key id', goNote.vkey.replace('c74f20a3', 'c74f20a4')],
    ['an upper-case key id', goNote.vkey.replace('c74f20a3', 'C74F20A3')],
    ['no name', goNote.vkey.replace('PeterNeumann', '')],
    ['a short key', goNote.vkey.slice(0, -4)],
    ['an unsupported type', 'k+00000000+AhpdzYHFDw4TEHoMMW88SqogX7FZJqqvywxOIs1stdFE1g=='],
  ])('refuses a key with %s', (_name, vkey) => {
    expect(parseVerifierKey(vkey).ok).toBe(false);
  });
});
