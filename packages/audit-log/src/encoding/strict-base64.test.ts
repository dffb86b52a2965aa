import { describe, expect, it } from 'vitest';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.ts';

describe('decodeStrictBase64', () => {
  it('takes the canonical text of any bytes back to them', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(decodeStrictBase64(encodeBase64(bytes))).toEqual(bytes);
    }
  });

  it.each([
    ['the URL-safe alphabet', '-_8='],
    ['no padding', 'Zm8'],
    ['too much padding', 'Zg==='],
    ['whitespace', 'Zm9v YmFy'],
    ['a newline', 'Zm9v\nYmFy'],
    ['non-zero unused bits', 'Zh=='],
    ['padding inside', 'Zg==Zm8='],
    ['a character outside the alphabet', 'Zm9*'],
  ])('refuses %s', (_, text) => {
    expect(decodeStrictBase64(text)).toBeUndefined();
  });
});
