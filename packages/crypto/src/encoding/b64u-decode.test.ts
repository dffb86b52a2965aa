import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../test-support.ts';
import { b64uDecode } from './b64u-decode.ts';
import { b64uEncode } from './b64u-encode.ts';

describe('b64uEncode / b64uDecode', () => {
  it('round-trip any bytes, unpadded and URL-safe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = b64uEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(b64uDecode(text)).toEqual(bytes);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('encode subarrays by their own bytes only', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect(b64uEncode(whole.subarray(1, 3))).toBe(b64uEncode(new Uint8Array([2, 3])));
  });

  it('match RFC 4648 test vectors', () => {
    expect(b64uEncode(new TextEncoder().encode('foobar'))).toBe('Zm9vYmFy');
    expect(b64uEncode(new TextEncoder().encode('fo'))).toBe('Zm8');
    expect(b64uEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it.each([
    ['padding', 'Zm8='],
    ['the standard alphabet', '+/8'],
    ['whitespace', 'Zm9v YmFy'],
    ['a newline', 'Zm9v\nYmFy'],
    ['non-zero trailing bits', 'Zm9'],
    ['an impossible length', 'Zm9vY'],
    ['non-ASCII', 'Zm9vé'],
  ])('refuse %s', (_, text) => {
    expectCode(() => b64uDecode(text), 'CONTRACT_INVALID');
  });

  it('throw the code the caller asks for', () => {
    expectCode(() => b64uDecode('Zm8=', 'ENVELOPE_MALFORMED'), 'ENVELOPE_MALFORMED');
  });

  it('decode to a plain Uint8Array', () => {
    expect(Object.getPrototypeOf(b64uDecode('Zm8'))).toBe(Uint8Array.prototype);
  });
});
