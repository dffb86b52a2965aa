import { describe, expect, it } from 'vitest';
import { unusedBitsZero } from './unused-bits.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Every text of one to three characters of the alphabet (the third after 'A', 'q' or '9'). */
function* texts(alphabet: string): Generator<string> {
  for (const a of alphabet) {
    yield a;
    for (const b of alphabet) {
      yield a + b;
      if ('Aq9'.includes(a)) for (const c of alphabet) yield a + b + c;
    }
  }
}

describe('unusedBitsZero', () => {
  it.each([
    ['base64url', `${LETTERS}-_`],
    ['base64', `${LETTERS}+/`],
  ] as const)(
    'holds exactly when decoding and encoding again gives the same text (%s)',
    (encoding, alphabet) => {
      let checked = 0;
      for (const tail of texts(alphabet)) {
        const text = `Zm9v${tail}`;
        const again = Buffer.from(text, encoding).toString(encoding).replace(/=+$/, '');
        expect(unusedBitsZero(text, text.length), text).toBe(again === text);
        checked += 1;
      }
      expect(checked).toBe(64 + 64 * 64 + 3 * 64 * 64);
    },
  );

  it('refuses a lone character after the last group of four and any set unused bit', () => {
    expect(unusedBitsZero('Zm9vY', 5)).toBe(false);
    expect(unusedBitsZero('Zm9', 3)).toBe(false); // 'fo' is Zm8
    expect(unusedBitsZero('Zm8', 3)).toBe(true);
    expect(unusedBitsZero('Zh==', 2)).toBe(false); // 'f' is Zg
    expect(unusedBitsZero('Zg==', 2)).toBe(true);
    expect(unusedBitsZero('_w', 2)).toBe(true);
    expect(unusedBitsZero('/x', 2)).toBe(false);
  });
});
