import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { type TestAgency, testAgency } from '../test-support.ts';
import { openNote, sealNote } from './seal-note.ts';

let hillside: TestAgency;
let npt: TestAgency;

beforeAll(async () => {
  await initCrypto();
  [hillside, npt] = ['hillside', 'npt-cs'].map(testAgency) as [TestAgency, TestAgency];
});

describe('sealNote / openNote', () => {
  it('only the addressee opens a note, and each sealing differs', () => {
    const text = 'Referred to Dudley MASH by phone — Siân';
    const a = sealNote(text, hillside.keys.encryption.publicKey);
    expect(a).not.toBe(sealNote(text, hillside.keys.encryption.publicKey));
    expect(openNote(a, hillside.keys.encryption)).toBe(text);
    expect(() => openNote(a, npt.keys.encryption)).toThrow(
      expect.objectContaining({ code: 'DECRYPTION_FAILED' }),
    );
  });

  it('refuses an empty note, one over the limit, and a lone surrogate', () => {
    const pk = hillside.keys.encryption.publicKey;
    for (const bad of ['', 'x'.repeat(1001), 'a\ud800b'])
      expect(() => sealNote(bad, pk)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(openNote(sealNote('x'.repeat(1000), pk), hillside.keys.encryption)).toHaveLength(1000);
  });
});
