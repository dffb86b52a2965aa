import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { formatCheckpoint } from './format-checkpoint.ts';
import { parseCheckpoint } from './parse-checkpoint.ts';

const root = new Uint8Array(leafHash(Buffer.from('root')));
const rootB64 = Buffer.from(root).toString('base64');

describe('checkpoint text', () => {
  it('formats origin, decimal size and base64 root, each line ending in a newline', () => {
    expect(formatCheckpoint({ origin: 'cwtch.example/audit/v1', size: 20852163, root })).toBe(
      `cwtch.example/audit/v1\n20852163\n${rootB64}\n`,
    );
    expect(formatCheckpoint({ origin: 'o', size: 0, root }).split('\n')[1]).toBe('0');
    expect(formatCheckpoint({ origin: 'o', size: 2 ** 53 - 1, root }).split('\n')[1]).toBe(
      '9007199254740991',
    );
  });

  it('round-trips, extension lines included', () => {
    for (const checkpoint of [
      { origin: 'cwtch.example/audit/v1', size: 7, root },
      { origin: 'o', size: 2 ** 32 + 5, root, extensions: ['ext one', 'ext two'] },
    ]) {
      const parsed = parseCheckpoint(formatCheckpoint(checkpoint));
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && parsed.value).toEqual(checkpoint);
    }
  });

  it.each([
    ['leading zero', `o\n07\n${rootB64}\n`],
    ['sign', `o\n+7\n${rootB64}\n`],
    ['negative size', `o\n-1\n${rootB64}\n`],
    ['hex size', `o\n0x10\n${rootB64}\n`],
    ['empty origin', `\n7\n${rootB64}\n`],
    ['missing root', 'o\n7\n'],
    ['short root', `o\n7\n${Buffer.alloc(31).toString('base64')}\n`],
    ['url-safe root', `o\n7\n${Buffer.alloc(32, 0xfb).toString('base64url')}=\n`],
    ['no final newline', `o\n7\n${rootB64}`],
    ['empty extension line', `o\n7\n${rootB64}\n\next\n`],
    ['carriage return', `o\r\n7\n${rootB64}\n`],
  ])('refuses %s', (_name, text) => {
    const parsed = parseCheckpoint(text);
    expect(parsed.ok || parsed.error.code).toBe('CONTRACT_INVALID');
  });

  it('refuses sizes beyond 2^53 - 1 as too large rather than rounding them', () => {
    const parsed = parseCheckpoint(`o\n18446744073709551615\n${rootB64}\n`);
    expect(parsed.ok || parsed.error.code).toBe('TOO_LARGE');
  });

  it('refuses to format what it could not parse', () => {
    expect(() => formatCheckpoint({ origin: 'two\nlines', size: 1, root })).toThrow();
    expect(() => formatCheckpoint({ origin: 'o', size: -1, root })).toThrow();
    expect(() => formatCheckpoint({ origin: 'o', size: 1.5, root })).toThrow();
    expect(() => formatCheckpoint({ origin: 'o', size: 1, root: root.subarray(1) })).toThrow();
    expect(() => formatCheckpoint({ origin: 'o', size: 1, root, extensions: [''] })).toThrow();
  });
});
