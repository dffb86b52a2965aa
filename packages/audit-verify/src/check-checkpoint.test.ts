import { b64uEncode } from '@cwtch/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { codesAt, type Scenario, scenario } from './test-scenario.ts';
import { keysFor } from './test-support.ts';
import type { Trust } from './trust.ts';
import { verifyBundle } from './verify-bundle.ts';

let s: Scenario;
let lines: string[];
const NOW = 1_767_225_600_000 + 86_400_000;
const verify = (bundle: string[], trust: Trust = s.builder.trust()) =>
  verifyBundle(bundle, trust, { now: NOW });

/** The bundle with its header's checkpoint note rewritten. */
function withNote(bundle: string[], edit: (note: string) => string): string[] {
  const header = JSON.parse(bundle[0] ?? '') as { checkpoint: string };
  return [JSON.stringify({ ...header, checkpoint: edit(header.checkpoint) }), ...bundle.slice(1)];
}

/** Changes one base64 character inside the signature of the note line signed by `name`. */
const breakLine = (name: string) => (note: string) =>
  note
    .split('\n')
    .map((line) => {
      if (!line.startsWith(`\u2014 ${name} `)) return line;
      const at = line.length - 20;
      return `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
    })
    .join('\n');

beforeAll(async () => {
  s = await scenario();
  lines = s.builder.lines();
});

describe('checkpoint and cosignatures', () => {
  it('a tampered checkpoint size: log signature, every cosignature, the quorum and the count fail', async () => {
    const report = await verify(withNote(lines, (note) => note.replace('\n13\n', '\n12\n')));
    expect(codesAt(report.findings, null)).toEqual([
      'CHECKPOINT_INVALID',
      'SIZE_MISMATCH',
      'COSIGNATURE_INVALID',
      'COSIGNATURE_INVALID',
      'COSIGNATURE_INVALID',
      'QUORUM_NOT_MET',
      'SIZE_MISMATCH',
    ]);
    expect(codesAt(report.findings, 12)).toEqual(['ENTRY_BEYOND_SIZE']);
  });

  it('a checkpoint with a different root: CHECKPOINT_INVALID and ROOT_MISMATCH', async () => {
    const root = Buffer.alloc(32, 7).toString('base64');
    const report = await verify(
      withNote(lines, (note) => note.replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${root}\n`)),
    );
    expect(report.findingCounts).toEqual({
      CHECKPOINT_INVALID: 1,
      COSIGNATURE_INVALID: 3,
      QUORUM_NOT_MET: 1,
      ROOT_MISMATCH: 1,
    });
  });

  it('too few cosignatures: QUORUM_NOT_MET with one, none with two', async () => {
    const one = await verify(s.builder.lines(1));
    expect(one.findings.map((f) => f.code)).toEqual(['QUORUM_NOT_MET']);
    expect(one.summary.cosignatures).toEqual({ valid: 1, required: 2 });
    expect((await verify(s.builder.lines(2))).ok).toBe(true);
  });

  it('a wrong log key in the trust file: CHECKPOINT_INVALID', async () => {
    const trust = { ...s.builder.trust(), logKey: b64uEncode(keysFor('other log').signing.publicKey) };
    const report = await verify(lines, trust);
    expect(report.findings.map((f) => f.code)).toEqual(['CHECKPOINT_INVALID']);
    expect(report.summary.logSignatureValid).toBe(false);
  });

  it('a bad cosignature from a pinned witness is a finding; an unknown witness is ignored', async () => {
    const bad = await verify(withNote(lines, breakLine('w2.example/witness')));
    expect(bad.findings.map((f) => f.code)).toEqual(['COSIGNATURE_INVALID']);
    expect(bad.summary.cosignatures).toEqual({ valid: 2, required: 2 });
    const trust = s.builder.trust();
    const pinned = { ...trust, witnesses: trust.witnesses.filter((w) => w.name !== 'w3.example/witness') };
    const ignored = await verify(withNote(lines, breakLine('w3.example/witness')), pinned);
    expect(ignored.findings).toEqual([]);
  });

  it('a broken log signature line is refused', async () => {
    const report = await verify(withNote(lines, breakLine('cwtch.example/audit/v1')));
    expect(report.findings.map((f) => f.code)).toEqual(['CHECKPOINT_INVALID']);
  });

  it('a bundle for another origin, a malformed header, an empty bundle, a malformed trust file', async () => {
    const header = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    const other = await verify([
      JSON.stringify({ ...header, origin: 'other.example/log' }),
      ...lines.slice(1),
    ]);
    expect(other.findings.map((f) => f.code)).toEqual(['ORIGIN_MISMATCH']);
    const malformed = await verify([JSON.stringify({ ...header, typ: 'x' }), ...lines.slice(1)]);
    expect(malformed.findings.map((f) => f.code)).toEqual(['HEADER_INVALID']);
    expect((await verify([])).findings.map((f) => f.code)).toEqual(['HEADER_INVALID']);
    const trust = { ...s.builder.trust(), quorum: 4 };
    const refused = await verify(lines, trust);
    expect(refused.findings).toMatchObject([{ index: null, code: 'TRUST_INVALID' }]);
    expect(refused.findings[0]?.message).toContain('quorum');
  });
});
