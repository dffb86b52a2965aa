import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EntryBody, encodeEntry } from './entries.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../../docs/protocol-vectors.json', import.meta.url), 'utf8'),
) as { log: { entries: { entry: string }[] } };

describe('encodeEntry', () => {
  it('writes the entries of docs/protocol-vectors.json byte for byte: v, t, i, ts, bt, then the body', () => {
    for (const { entry } of vectors.log.entries) {
      const { v: _v, i, ts, bt, ...body } = JSON.parse(entry) as { v: 1; i: number; ts: number; bt: number };
      expect(new TextDecoder().decode(encodeEntry(body as EntryBody, i, ts, bt))).toBe(entry);
    }
  });
});
