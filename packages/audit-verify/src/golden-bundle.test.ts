import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Trust } from './trust.ts';
import { verifyBundle } from './verify-bundle.ts';

/**
 * An evidence bundle exported from a real `cwtch dev` region after the attack suite
 * (`test/attack/evidence.test.ts` with `CWTCH_WRITE_GOLDEN=1`), checked in byte for byte: the
 * verifier must keep accepting what the services really write, not only bundles its own test
 * builder makes.
 */
const dir = new URL('./fixtures/golden/', import.meta.url);
const lines = readFileSync(new URL('bundle.jsonl', dir), 'utf8').split('\n').filter(Boolean);
const trust = Trust.parse(JSON.parse(readFileSync(new URL('trust.json', dir), 'utf8')));
const header = JSON.parse(lines[0]!) as { exportedAt: number; size: number };
const now = header.exportedAt + 60_000;

const entry = (line: string) =>
  JSON.parse(Buffer.from((JSON.parse(line) as { e: string }).e, 'base64').toString()) as {
    t: string;
    reason?: string;
    id?: string | null;
  };
const entries = lines.slice(1).filter((l) => (JSON.parse(l) as { e?: string }).e !== undefined);

describe('the golden bundle from a real region', () => {
  it('verifies with its pinned keys, every check run', async () => {
    const report = await verifyBundle(lines, trust, { now });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('VERIFIED');
    expect(report.summary.root).toBe(report.summary.checkpointRoot);
    expect(report.summary.entries).toBe(header.size);
    expect(report.summary.cosignatures.valid).toBeGreaterThanOrEqual(report.summary.cosignatures.required);
  });

  it('gives the same report with its signatures checked in a worker thread', async () => {
    const inline = await verifyBundle(lines, trust, { now, workers: 0 });
    expect(await verifyBundle(lines, trust, { now, workers: 1 })).toEqual(inline);
  });

  it('holds what the attacks left: refused shares with signed receipts, and rejections that stand alone', async () => {
    const kinds = entries.map((l) => entry(l).t);
    expect(kinds).toContain('msg');
    expect(kinds).toContain('rcpt');
    const rejections = entries.map(entry).filter((e) => e.t === 'reject');
    const reasons = new Set(rejections.map((e) => e.reason));
    for (const code of [
      'SUBJECT_MISMATCH',
      'RECEIPT_UNLINKED',
      'REPLAYED',
      'RECEIPT_INVALID',
      'ENVELOPE_MALFORMED',
    ])
      expect(reasons, code).toContain(code);
    for (const r of rejections.filter(
      (e) => e.reason === 'SUBJECT_MISMATCH' || e.reason === 'ENVELOPE_MALFORMED',
    ))
      expect(r.id).toBeNull();
  });

  it('one changed byte in any entry is found', async () => {
    const at = 1 + Math.floor(entries.length / 2);
    const changed = [...lines];
    const line = JSON.parse(changed[at]!) as { i: number; e: string };
    const bytes = Buffer.from(line.e, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x01, bytes.length - 3);
    changed[at] = JSON.stringify({ ...line, e: bytes.toString('base64') });
    const report = await verifyBundle(changed, trust, { now });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toContain('ROOT_MISMATCH');
  });
});
