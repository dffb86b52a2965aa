import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint, verifyConsistency } from '@cwtch/audit-log';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from '../support/cli.ts';
import {
  eventually,
  example,
  type RunningRegion,
  removeDataDir,
  startRegion,
  tempDataDir,
} from '../support/region.ts';

/**
 * The disaster drill (issue 15): a region's JetStream store is lost; the operator restores it from
 * a `cwtch backup` with `cwtch restore` and starts the region again. The share log must verify,
 * its new checkpoints must extend the one the witnesses cosigned before, and every inbox must
 * resume without losing or doubling a notification.
 */

let run: RunningRegion | undefined;
let dataDir = '';
let backupDir = '';
afterAll(async () => {
  await run?.stop();
  if (dataDir) await removeDataDir(dataDir);
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

const region = () => {
  if (!run) throw new Error('the region is not running');
  return run;
};
const client = (agency: string, role: 'system' | 'frontdoor' = 'system') => {
  const a = region().region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
};
const audit = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${region().region.audit.url}${path}`, {
    headers: { authorization: `Bearer ${region().region.audit.token}` },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
};
const regionFile = () => join(dataDir, 'region.json');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timings: Record<string, string> = {};

/** The signed checkpoint of an export: its size and root, from the note's text. */
function checkpointOf(bundle: string): { size: number; root: Uint8Array; note: string } {
  const header = JSON.parse(bundle.slice(0, bundle.indexOf('\n'))) as { checkpoint: string };
  const body = header.checkpoint.slice(0, header.checkpoint.indexOf('\n\n') + 1);
  const parsed = parseCheckpoint(body);
  if (!parsed.ok) throw new Error(`the export's checkpoint does not parse: ${parsed.error.message}`);
  return { size: parsed.value.size, root: parsed.value.root, note: header.checkpoint };
}

/**
 * Exports until the export's checkpoint (cosigned by the witnesses: the audit service exports only
 * one with its quorum) covers the whole log and the log has stopped growing.
 */
async function exportCoveringTheLog(name: string, atLeast = 0): Promise<string> {
  const file = join(dataDir, `${name}.jsonl`);
  return eventually(
    async () => {
      const { size } = await audit<{ size: number }>('/v1/shares?kind=none');
      const res = await cwtch(['audit', 'export', '--region', regionFile(), '--out', file]);
      if (res.code !== 0) return undefined;
      const text = await readFile(file, 'utf8');
      const cp = checkpointOf(text);
      return cp.size === size && size > atLeast ? text : undefined;
    },
    60_000,
    `a cosigned checkpoint covering the whole log (${name})`,
  );
}

const sent: { id: string; from: string; to: string[]; acknowledged: boolean }[] = [];
let before: { size: number; root: Uint8Array; note: string };

beforeAll(async () => {
  dataDir = await tempDataDir();
  backupDir = await mkdtemp(join(tmpdir(), 'cwtch-backup-'));
  run = await startRegion(dataDir);
});

describe('disaster drill: the JetStream store lost, restored from a backup', () => {
  it('traffic between agencies, a checkpoint the witnesses cosigned, then a backup', async () => {
    const stories: [string, string, string[], boolean][] = [
      ['hillside', 'care-home-transition', ['swansea-cs', 'south-wales-police'], true],
      [
        'swansea-cs',
        'cse-protocol-entry',
        ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'],
        true,
      ],
      ['barnardos-cymru', 'intelligence-form', ['south-wales-police'], false],
      ['swansea-cs', 'missing-episode', ['south-wales-police'], false],
      ['north-wales-police', 'out-of-area-move', ['wrexham-cs'], true],
      ['hillside', 'care-home-transition', ['swansea-cs'], false],
    ];
    for (const [from, kind, to, acknowledged] of stories) {
      const { id } = await client(from).send({ kind, payload: await example(kind), recipients: to });
      sent.push({ id, from, to, acknowledged });
    }
    for (const s of sent) {
      for (const agency of s.to) {
        await eventually(
          async () => (await client(agency).inbox({ limit: 500 })).some((i) => i.id === s.id),
          20_000,
          `${s.id} in ${agency}'s inbox`,
        );
        if (s.acknowledged) await client(agency, 'frontdoor').acknowledge(s.id);
      }
    }
    // Every receipt has reached its sender, so it is in the log: the region is quiet.
    for (const s of sent)
      await eventually(
        async () =>
          (await client(s.from).outbox(s.id)).recipients.every(
            (r) => r.status === (s.acknowledged ? 'acknowledged' : 'delivered'),
          ),
        20_000,
        `${s.id}'s receipts in ${s.from}'s outbox`,
      );

    const bundle = await exportCoveringTheLog('before');
    before = checkpointOf(bundle);
    // A share and its receipts per recipient at least: the log holds them all.
    expect(before.size).toBeGreaterThan(sent.reduce((n, s) => n + 1 + 2 * s.to.length, 0));
    const verified = await cwtch([
      'audit',
      'verify',
      join(dataDir, 'before.jsonl'),
      '--region',
      regionFile(),
    ]);
    expect(verified.stdout).toMatch(/VERIFIED/);
    expect(verified.code).toBe(0);

    const started = Date.now();
    const backup = await cwtch(['backup', '--region', regionFile(), '--out', backupDir]);
    timings.backup = seconds(Date.now() - started);
    expect(backup.code, backup.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')) as {
      streams: { name: string; file: string; messages: number; lastSeq: number }[];
    };
    expect(manifest.streams.map((s) => s.name)).toEqual(
      expect.arrayContaining(['SHARES', 'AUDIT', 'AUDIT_CHECKPOINTS', 'DEADLETTER', 'KV_cwtch-directory']),
    );
    // The log stream holds one message per entry: the backup has every entry the witnesses cosigned.
    expect(manifest.streams.find((s) => s.name === 'AUDIT')?.lastSeq).toBeGreaterThanOrEqual(before.size);
    for (const f of ['manifest.json', ...manifest.streams.map((s) => s.file)])
      expect((await stat(join(backupDir, f))).mode & 0o777, f).toBe(0o600);
  });

  it('the store is destroyed; a changed backup file is refused; the untouched backup is restored', async () => {
    expect(await region().stop()).toBe(0);
    run = undefined;
    const store = join(dataDir, 'nats', 'jetstream');
    expect(existsSync(store)).toBe(true);
    await rm(store, { recursive: true, force: true });

    // One byte of the log's snapshot changed: refused before anything starts.
    const tampered = await mkdtemp(join(tmpdir(), 'cwtch-backup-tampered-'));
    try {
      for (const f of await readdir(backupDir)) await copyFile(join(backupDir, f), join(tampered, f));
      const bytes = await readFile(join(tampered, 'AUDIT.snapshot'));
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      await writeFile(join(tampered, 'AUDIT.snapshot'), bytes);
      const refused = await cwtch(['restore', '--data', dataDir, '--from', tampered]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/BACKUP_CHECKSUM_MISMATCH: AUDIT\.snapshot/);
      expect(existsSync(store)).toBe(false);
    } finally {
      await rm(tampered, { recursive: true, force: true });
    }

    // From another folder: the command needs no workspace around it.
    const started = Date.now();
    const restored = await cwtch(['restore', '--data', dataDir, '--from', backupDir], { cwd: tmpdir() });
    timings.restore = seconds(Date.now() - started);
    expect(restored.code, restored.stderr).toBe(0);
    for (const name of ['SHARES', 'AUDIT', 'AUDIT_CHECKPOINTS', 'DEADLETTER', 'KV_cwtch-directory'])
      expect(restored.stdout).toMatch(new RegExp(`${name} .* as in the manifest`));

    // A second restore over the restored store is refused: it only fills a lost store.
    const again = await cwtch(['restore', '--data', dataDir, '--from', backupDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/STREAM_NOT_EMPTY/);
  });

  it('started again: every inbox holds each earlier notification exactly once, as it was', async () => {
    const started = Date.now();
    run = await startRegion(dataDir);
    timings.restart = seconds(Date.now() - started);
    const inboxes = new Map<string, { id: string; status: string }[]>();
    for (const agency of new Set(sent.flatMap((s) => s.to)))
      inboxes.set(
        agency,
        await eventually(
          async () => {
            const items = await client(agency).inbox({ limit: 500 });
            return sent.filter((s) => s.to.includes(agency)).every((s) => items.some((i) => i.id === s.id))
              ? items
              : undefined;
          },
          20_000,
          `${agency}'s inbox after the restore`,
        ),
      );
    for (const s of sent) {
      for (const agency of s.to) {
        const copies = inboxes.get(agency)!.filter((i) => i.id === s.id);
        expect(copies, `${s.id} at ${agency}`).toHaveLength(1);
        expect(copies[0]!.status).toBe(s.acknowledged ? 'acknowledged' : 'new');
      }
    }
  });

  it('a notification sent after the restore arrives exactly once and is receipted', async () => {
    const payload = await example('missing-episode');
    const { id } = await client('swansea-cs').send({
      kind: 'missing-episode',
      payload,
      recipients: ['south-wales-police'],
    });
    await eventually(
      async () => (await client('swansea-cs').outbox(id)).recipients.every((r) => r.status === 'delivered'),
      20_000,
      'the delivered receipt back at swansea-cs',
    );
    await client('south-wales-police', 'frontdoor').acknowledge(id);
    await eventually(
      async () =>
        (await client('swansea-cs').outbox(id)).recipients.every((r) => r.status === 'acknowledged'),
      20_000,
      'the acknowledged receipt back at swansea-cs',
    );
    const items = await client('south-wales-police').inbox({ limit: 500 });
    expect(items.filter((i) => i.id === id)).toHaveLength(1);
    // Nothing from before the drill came back a second time either.
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    sent.push({ id, from: 'swansea-cs', to: ['south-wales-police'], acknowledged: true });
  });

  it('the share log verifies, and its new cosigned checkpoint extends the one cosigned before the loss', async () => {
    const started = Date.now();
    // The log can grow past the old checkpoint with escalation steps of the old shares before the
    // audit service reaches the new share: wait for every share sent, then for a checkpoint over it.
    await eventually(
      async () => {
        const { items } = await audit<{ items: { id: string }[] }>('/v1/shares?limit=500');
        return sent.every((s) => items.some((i) => i.id === s.id));
      },
      30_000,
      'every share sent in the share log',
    );
    const bundle = await exportCoveringTheLog('after', before.size);
    timings['cosigned checkpoint after the new share'] = seconds(Date.now() - started);
    const after = checkpointOf(bundle);
    expect(after.size).toBeGreaterThan(before.size);

    const verified = await cwtch(['audit', 'verify', join(dataDir, 'after.jsonl'), '--region', regionFile()]);
    expect(verified.stdout).toMatch(/VERIFIED/);
    expect(verified.code).toBe(0);

    // RFC 9162 consistency from the checkpoint the witnesses cosigned before to the new one.
    const { hashes } = await audit<{ hashes: string[] }>(
      `/v1/proof/consistency?from=${before.size}&to=${after.size}`,
    );
    const proof = hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
    expect(verifyConsistency(before.size, after.size, before.root, after.root, proof)).toBe(true);
    // The proof is about these two trees: another first root fails it.
    const other = new Uint8Array(before.root);
    other[0] = other[0]! ^ 0xff;
    expect(verifyConsistency(before.size, after.size, other, after.root, proof)).toBe(false);
    // The earlier checkpoint's entries are the same bytes in both exports.
    const entries = (text: string) =>
      text
        .split('\n')
        .slice(1, 1 + before.size)
        .map((l) => (JSON.parse(l) as { e: string }).e);
    const first = await readFile(join(dataDir, 'before.jsonl'), 'utf8');
    expect(entries(bundle)).toEqual(entries(first));
    // The log holds each share once, and each recipient's delivered and acknowledged receipts once
    // (an overdue share's escalation steps are statements of their own, one per step).
    const { items } = await audit<{
      items: { id: string; receipts: { agency: string; status: string }[] }[];
    }>('/v1/shares?limit=500');
    for (const s of sent) {
      const logged = items.filter((i) => i.id === s.id);
      expect(logged, s.id).toHaveLength(1);
      const receipts = logged[0]!.receipts
        .filter((r) => r.status === 'delivered' || r.status === 'acknowledged')
        .map((r) => `${r.agency} ${r.status}`);
      expect(new Set(receipts).size, `${s.id}: ${receipts.join(', ')}`).toBe(receipts.length);
      expect(receipts).toHaveLength(s.to.length * (s.acknowledged ? 2 : 1));
    }
    console.log(
      `disaster drill: log of ${before.size} entries before, ${after.size} after; ${JSON.stringify(timings)}`,
    );
  });
});
