import { describe, expect, it } from 'vitest';
import { goNote } from '../fixtures/signed-notes.ts';
import { signNote } from './sign-note.ts';
import { formatSignedNote, MAX_NOTE_SIGNATURES, parseSignedNote } from './signed-note.ts';
import { newKeyPair } from './test-keys.ts';
import { parseVerifierKey } from './verifier-key.ts';
import { verifyNote } from './verify-note.ts';

const goSeed = Buffer.from(goNote.skeySeedBase64, 'base64').subarray(1);
const goKey = (() => {
  const parsed = parseVerifierKey(goNote.vkey);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
})();

describe('signed notes', () => {
  it("reproduces Go's sumdb/note example byte for byte", () => {
    const signature = signNote(goNote.text, 'PeterNeumann', goSeed);
    expect(formatSignedNote({ text: goNote.text, signatures: [signature] })).toBe(goNote.note);
    expect(signature.keyId).toBe(0xc74f20a3);
  });

  it('accepts a libsodium 64-byte secret key and refuses one whose halves do not match', () => {
    const pair = newKeyPair();
    const a = signNote('hello\n', 'k', pair.seed);
    const b = signNote('hello\n', 'k', pair.sodiumSecretKey);
    expect(Buffer.from(a.signature).equals(b.signature)).toBe(true);
    const mismatched = Uint8Array.from(pair.sodiumSecretKey);
    mismatched[40] = ((mismatched[40] as number) + 1) % 256;
    expect(() => signNote('hello\n', 'k', mismatched)).toThrow(/does not match/);
    expect(() => signNote('hello\n', 'k', new Uint8Array(48))).toThrow(/32-byte seed/);
  });

  it("verifies Go's note and refuses it once a character changes", () => {
    expect(verifyNote(goNote.note, goKey).ok).toBe(true);
    const tampered = verifyNote(goNote.note.replace('cryptography', 'cryptographY'), goKey);
    expect(tampered.ok || tampered.error.code).toBe('SIGNATURE_INVALID');
  });

  it('parses and formats back to the same bytes', () => {
    const parsed = parseSignedNote(Buffer.from(goNote.note, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.text).toBe(goNote.text);
    expect(parsed.value.signatures[0]?.name).toBe('PeterNeumann');
    expect(formatSignedNote(parsed.value)).toBe(goNote.note);
  });

  it('ignores signatures from other keys, even with the same name or the same key id', () => {
    const me = newKeyPair();
    const other = newKeyPair();
    const text = 'log\n1\n';
    const mine = signNote(text, 'log.example', me.seed);
    const sameName = signNote(text, 'log.example', other.seed);
    const sameId = { ...signNote(text, 'other.example', other.seed), keyId: mine.keyId };
    const note = formatSignedNote({ text, signatures: [sameName, sameId, mine] });
    expect(verifyNote(note, { name: 'log.example', publicKey: me.publicKey }).ok).toBe(true);
    const unsigned = formatSignedNote({ text, signatures: [sameName, sameId] });
    const result = verifyNote(unsigned, { name: 'log.example', publicKey: me.publicKey });
    expect(result.ok || result.error.message).toMatch(/not signed by log\.example/);
  });

  it('refuses the whole note when any signature from the trusted key is bad', () => {
    const me = newKeyPair();
    const text = 'log\n1\n';
    const good = signNote(text, 'log.example', me.seed);
    const bad = {
      ...good,
      signature: Uint8Array.from(good.signature, (b, i) => (i === 0 ? (b + 1) % 256 : b)),
    };
    const note = formatSignedNote({ text, signatures: [good, bad] });
    expect(verifyNote(note, { name: 'log.example', publicKey: me.publicKey }).ok).toBe(false);
    const short = formatSignedNote({
      text,
      signatures: [{ ...good, signature: good.signature.slice(0, 63) }],
    });
    expect(verifyNote(short, { name: 'log.example', publicKey: me.publicKey }).ok).toBe(false);
  });

  it('accepts up to MAX_NOTE_SIGNATURES signature lines, at least the 16 C2SP requires', () => {
    const pair = newKeyPair();
    const signature = signNote('t\n', 'k', pair.seed);
    const many = (count: number): string =>
      formatSignedNote({ text: 't\n', signatures: Array.from({ length: count }, () => signature) });
    expect(MAX_NOTE_SIGNATURES).toBeGreaterThanOrEqual(16);
    expect(parseSignedNote(many(16)).ok).toBe(true);
    expect(parseSignedNote(many(MAX_NOTE_SIGNATURES)).ok).toBe(true);
    const tooMany = parseSignedNote(many(MAX_NOTE_SIGNATURES + 1));
    expect(tooMany.ok || tooMany.error.code).toBe('TOO_LARGE');
  });

  const sig =
    '— k x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';
  it.each([
    ['no blank line', `text\n${sig}\n`],
    ['no final newline', `text\n\n${sig}`],
    ['no signature', 'text\n\n'],
    ['carriage return', `text\r\n\n${sig}\n`],
    ['tab', `te\txt\n\n${sig}\n`],
    ['lone surrogate', `te\ud800xt\n\n${sig}\n`],
    ['hyphen instead of em dash', `text\n\n${sig.replace('—', '-')}\n`],
    ['plus in key name', `text\n\n${sig.replace('— k', '— k+1')}\n`],
    ['two spaces', `text\n\n${sig.replace('— k ', '— k  ')}\n`],
    ['no space', `text\n\n— kx08go\n`],
    ['unpadded base64', `text\n\n${sig.slice(0, -1)}\n`],
    ['non-canonical base64', 'text\n\n— k AAAAAAB=\n'],
    ['key id only', 'text\n\n— k AAAAAA==\n'],
    ['blank line among signatures', `text\n\n${sig}\n\n${sig}\nx\n`],
  ])('refuses a note with %s', (_name, note) => {
    const result = parseSignedNote(note);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.code).toBe('CONTRACT_INVALID');
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('te'), Buffer.from([0xff]), Buffer.from(`xt\n\n${sig}\n`)]);
    expect(parseSignedNote(bytes).ok).toBe(false);
  });

  it('refuses to sign text that is not a clean note', () => {
    const pair = newKeyPair();
    expect(() => signNote('no newline', 'k', pair.seed)).toThrow();
    expect(() => signNote('bad\r\n', 'k', pair.seed)).toThrow();
    expect(() => signNote('ok\n', 'has space', pair.seed)).toThrow();
    expect(() => signNote('ok\n', '', pair.seed)).toThrow();
  });
});
