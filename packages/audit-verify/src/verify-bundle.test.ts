import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundleLines } from './read-bundle-lines.ts';
import { codesAt, editEntry, type Scenario, scenario } from './test-scenario.ts';
import { verifyBundle } from './verify-bundle.ts';

let s: Scenario;
let lines: string[];
const NOW = 1_767_225_600_000 + 86_400_000;
/** Verifies on this thread and with a worker pool; the two reports must be the same, findings in order. */
const verify = async (bundle: string[], trust = s.builder.trust()) => {
  const inline = await verifyBundle(bundle, trust, { now: NOW, receiptGraceMs: 0, workers: 0 });
  const pooled = await verifyBundle(bundle, trust, { now: NOW, receiptGraceMs: 0, workers: 1 });
  expect(pooled).toEqual(inline);
  return pooled;
};

beforeAll(async () => {
  s = await scenario();
  lines = s.builder.lines();
});

describe('verifyBundle on an untouched bundle', () => {
  it('verifies with zero findings and counts what it read', async () => {
    const progress: [number, number][] = [];
    const report = await verifyBundle(lines, s.builder.trust(), {
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, verdict: 'VERIFIED', findingCount: 0 });
    expect(report.summary).toMatchObject({
      ...{ entries: 13, shares: 5, receipts: 5, rejections: 1, directoryStatements: 2, directorySerial: 2 },
      ...{
        envelopes: 5,
        checkpointSize: 13,
        logSignatureValid: true,
        cosignatures: { valid: 3, required: 2 },
      },
    });
    expect(report.summary.root).toBe(report.summary.checkpointRoot);
    expect(report.rejections).toEqual([
      {
        index: 6,
        reason: 'SIGNATURE_INVALID',
        subject: 'cwtch.share.swansea-cs.wrexham-cs',
        id: null,
        from: null,
      },
    ]);
    expect(progress.at(-1)).toEqual([13, 13]);
  });

  it('root-only: checkpoint, order and root, without parsing entries', async () => {
    const trust = s.builder.trust();
    const clean = await verifyBundle(lines, trust, { now: NOW, rootOnly: true });
    expect(clean).toMatchObject({ ok: true, summary: { entries: 13, shares: 0 } });
    const deleted = await verifyBundle(
      lines.filter((_, n) => n !== 6),
      trust,
      { now: NOW, rootOnly: true },
    );
    expect(deleted.findings.map((f) => `${f.code}@${f.index}`)).toEqual([
      'SIZE_MISMATCH@null',
      'ROOT_MISMATCH@null',
      'ENTRY_MISSING@5',
    ]);
  });

  it('reads the same bundle from a file line by line', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'audit-verify-')), 'bundle.jsonl');
    await writeFile(path, `${lines.join('\r\n')}\n`);
    const report = await verifyBundle(readBundleLines(path), s.builder.trust(), { now: NOW });
    expect(report.findings).toEqual([]);
    expect(report.summary.entries).toBe(13);
  });
});

describe('verifyBundle names a tampered entry', () => {
  it('a changed byte inside the signed part of any signed entry: its signature check and the root', async () => {
    const field = { key: '"d":"', msg: '"h":"', rcpt: '"r":"' } as const;
    for (let k = 0; k < 13; k += 1) {
      if (k === 6) continue; // the reject entry carries no signature: see the next test
      const bundle = editEntry(lines, k, (bytes) => {
        const text = bytes.toString();
        const t = JSON.parse(text).t as keyof typeof field;
        const at = text.indexOf(field[t]) + field[t].length + 20;
        const out = Buffer.from(bytes);
        out[at] = out[at] === 0x41 ? 0x42 : 0x41;
        return out;
      });
      const report = await verify(bundle);
      expect(codesAt(report.findings, null), `entry ${k}`).toContain('ROOT_MISMATCH');
      expect(codesAt(report.findings, k).length, `entry ${k}`).toBeGreaterThan(0);
    }
  });

  it('a byte that breaks the JSON of any entry: ENTRY_INVALID at that index', async () => {
    for (let k = 0; k < 13; k += 1) {
      const report = await verify(
        editEntry(lines, k, (b) => Buffer.concat([Buffer.from('['), b.subarray(1)])),
      );
      expect(codesAt(report.findings, k)).toContain('ENTRY_INVALID');
      expect(codesAt(report.findings, null)).toContain('ROOT_MISMATCH');
    }
  });

  it('a change no signature covers (audit time, a reject reason) is caught by the root alone', async () => {
    const ts = await verify(
      editEntry(lines, 6, (b) => Buffer.from(b.toString().replace(/"ts":\d+/, '"ts":1767225606004'))),
    );
    expect(codesAt(ts.findings, null)).toEqual(['ROOT_MISMATCH']);
    const reason = await verify(
      editEntry(lines, 6, (b) => Buffer.from(b.toString().replace('SIGNATURE_INVALID', 'EXPIRED'))),
    );
    expect(reason.findings.map((f) => f.code)).toEqual(['ROOT_MISMATCH']);
  });

  it('a deleted entry: ENTRY_MISSING at its index, its orphaned receipt, the count and the root', async () => {
    const report = await verify(lines.filter((_, n) => n !== 6));
    expect(codesAt(report.findings, 5)).toEqual(['ENTRY_MISSING']);
    expect(codesAt(report.findings, 7)).toEqual(['RECEIPT_ORPHAN']);
    // The deleted share's retained envelope now matches no logged share.
    expect(codesAt(report.findings, null)).toEqual(['ENVELOPE_MISMATCH', 'SIZE_MISMATCH', 'ROOT_MISMATCH']);
  });

  it('two entries swapped: ENTRY_OUT_OF_ORDER at the one that came late', async () => {
    const bundle = [...lines];
    [bundle[4], bundle[5]] = [bundle[5] as string, bundle[4] as string];
    const report = await verify(bundle);
    expect(codesAt(report.findings, 3)).toContain('ENTRY_OUT_OF_ORDER');
    expect(codesAt(report.findings, null)).toEqual(['ROOT_MISMATCH']);
  });

  it('an inserted entry: ENTRY_DUPLICATED (same index) or ENTRY_BEYOND_SIZE (new index)', async () => {
    const forged = (i: number, seq: number) => {
      const src = { seq, subj: 'cwtch.share.swansea-cs.wrexham-cs' };
      const body = { reason: 'EXPIRED', sha256: 'A'.repeat(43), id: null, from: null };
      const entry = { v: 1, t: 'reject', i, ts: 1_767_225_605_003, bt: 1_767_225_605_000, src, ...body };
      return JSON.stringify({ i, e: Buffer.from(JSON.stringify(entry)).toString('base64') });
    };
    const within = await verify([...lines.slice(0, 6), forged(5, 5), ...lines.slice(6)]);
    expect(codesAt(within.findings, 5)).toContain('ENTRY_DUPLICATED');
    expect(codesAt(within.findings, null)).toEqual(['SIZE_MISMATCH', 'ROOT_MISMATCH']);
    const beyond = await verify([...lines.slice(0, 14), forged(13, 1000), ...lines.slice(14)]);
    expect(codesAt(beyond.findings, 13)).toEqual(['ENTRY_BEYOND_SIZE']);
    expect(codesAt(beyond.findings, null)).toEqual(['SIZE_MISMATCH', 'ROOT_MISMATCH']);
  });

  it('a duplicated line: ENTRY_DUPLICATED and DUPLICATE_SHARE at its index', async () => {
    const report = await verify([...lines.slice(0, 11), lines[10] as string, ...lines.slice(11)]);
    expect(codesAt(report.findings, 9)).toEqual(
      expect.arrayContaining(['ENTRY_DUPLICATED', 'DUPLICATE_SHARE', 'SOURCE_DUPLICATED']),
    );
    expect(codesAt(report.findings, null)).toEqual(['SIZE_MISMATCH', 'ROOT_MISMATCH']);
  });

  it('an entry whose own index differs from its line: ENTRY_INDEX_MISMATCH', async () => {
    const bundle = [...lines];
    bundle[3] = (bundle[3] as string).replace('{"i":2,', '{"i":7,');
    const report = await verify(bundle);
    expect(codesAt(report.findings, 2)).toContain('ENTRY_INDEX_MISMATCH');
  });

  it('a line that is neither entry nor envelope, and a changed retained envelope', async () => {
    const envelope = JSON.parse(lines[14] as string) as { envelope: { seq: number; b: string } };
    const other = { envelope: { seq: 1000, b: envelope.envelope.b } };
    const report = await verify([...lines, '{"x":1}', JSON.stringify(other)]);
    expect(report.findings.map((f) => f.code)).toEqual(['LINE_INVALID', 'ENVELOPE_MISMATCH']);
  });
});
