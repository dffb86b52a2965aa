import type { CwtchError } from '@cwtch/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { disclose } from './disclose.ts';
import { cekOf, editEntry, type Scenario, scenario } from './test-scenario.ts';

let s: Scenario;
let lines: string[];
let cek1: Uint8Array;
let cek3: Uint8Array;

/** The code disclose throws with. */
async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    return (e as CwtchError).code;
  }
  return 'NO_ERROR';
}

beforeAll(async () => {
  s = await scenario();
  lines = s.builder.lines();
  cek1 = cekOf(s.m1, s.wrexham, s.cs);
  cek3 = cekOf(s.m3, s.police, s.wrexham);
});

describe('disclose', () => {
  it('opens exactly the share whose content key a recipient disclosed', async () => {
    const opened = await disclose(lines, { id: s.m1.id, cek: cek1 }, s.builder.trust());
    expect(new TextDecoder().decode(opened.plaintext)).toBe('first concern');
    expect(opened.header).toEqual(s.m1.header);
    expect(opened).toMatchObject({ index: 1, seq: 1 });
    const copy = await disclose(
      lines,
      { id: s.m1.id, cek: cek1, recipient: 'wrexham-cs' },
      s.builder.trust(),
    );
    expect(copy).toMatchObject({ index: 2, seq: 2 });
    const third = await disclose(lines, { id: s.m3.id, cek: cek3 }, s.builder.trust());
    expect(new TextDecoder().decode(third.plaintext)).toBe('third concern');
  });

  it("refuses another share's content key: KEY_COMMITMENT_MISMATCH", async () => {
    expect(await codeOf(disclose(lines, { id: s.m1.id, cek: cek3 }, s.builder.trust()))).toBe(
      'KEY_COMMITMENT_MISMATCH',
    );
  });

  it('NOT_FOUND for an unlogged id, a recipient without a copy, or an envelope not retained', async () => {
    const trust = s.builder.trust();
    const id = 'A'.repeat(22);
    expect(await codeOf(disclose(lines, { id, cek: cek1 }, trust))).toBe('NOT_FOUND');
    expect(await codeOf(disclose(lines, { id: s.m1.id, cek: cek1, recipient: 'swansea-cs' }, trust))).toBe(
      'NOT_FOUND',
    );
    const withoutEnvelopes = lines.filter((l) => !l.startsWith('{"envelope"'));
    expect(await codeOf(disclose(withoutEnvelopes, { id: s.m1.id, cek: cek1 }, trust))).toBe('NOT_FOUND');
  });

  it('refuses a bundle whose entries or checkpoint do not verify, and a short key', async () => {
    const trust = s.builder.trust();
    const tampered = editEntry(lines, 6, (b) =>
      Buffer.from(b.toString().replace('SIGNATURE_INVALID', 'EXPIRED')),
    );
    expect(await codeOf(disclose(tampered, { id: s.m1.id, cek: cek1 }, trust))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(disclose(s.builder.lines(1), { id: s.m1.id, cek: cek1 }, trust))).toBe(
      'SIGNATURE_INVALID',
    );
    expect(await codeOf(disclose(lines, { id: s.m1.id, cek: cek1.subarray(1) }, trust))).toBe('BAD_REQUEST');
  });
});
