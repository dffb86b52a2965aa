import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leafHash, rootOf } from '@cwtch/audit-log';
import {
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  BATCH_FROM,
  jetstream,
  jetstreamManager,
  publishDurable,
} from '@cwtch/bus';
import { describe, expect, it } from 'vitest';
import { AuditLogWriter } from './audit-log-writer.ts';
import { ShareIndex } from './share-index.ts';
import { useTestBus } from './test-bus.ts';

const bus = useTestBus(['a-one', 'b-two']);
const key = (serial: number) => ({ t: 'key' as const, serial, d: 'e30', kid: `k${serial}`, s: 'c2ln' });

async function stored(from: number, to: number): Promise<Uint8Array[]> {
  const jsm = await jetstreamManager(bus.connection('audit'));
  const out: Uint8Array[] = [];
  for (let seq = from; seq <= to; seq++)
    out.push((await jsm.streams.getMessage(AUDIT_STREAM, { seq }))!.data);
  return out;
}

describe('AuditLogWriter', () => {
  it('stores entries staged together in order, each at its own position, before the tree and index see them', async () => {
    const index = new ShareIndex();
    const writer = new AuditLogWriter(jetstream(bus.connection('audit')), index);
    const appends = Array.from({ length: 300 }, (_, n) => writer.append(key(n + 1), Date.now()));
    // Staged, not stored: checked against, but not yet in the tree or the index.
    expect(writer.staged.hasDirectory(300)).toBe(true);
    expect(index.hasDirectory(300)).toBe(false);
    expect(writer.tree.size).toBe(0);
    expect(await Promise.all(appends)).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(index.hasDirectory(300)).toBe(true);
    const bytes = await stored(1, 300);
    expect(bytes.map((b) => JSON.parse(new TextDecoder().decode(b)).i)).toEqual(
      Array.from({ length: 300 }, (_, n) => n),
    );
    expect(Buffer.from(writer.tree.root())).toEqual(Buffer.from(rootOf(bytes.map((b) => leafHash(b)))));
  });

  it(`stores fewer than ${BATCH_FROM} entries staged together each in a publish of its own, in place`, async () => {
    const jsm = await jetstreamManager(bus.connection('audit'));
    const writer = new AuditLogWriter(jetstream(bus.connection('audit')), new ShareIndex());
    await writer.rebuild();
    const size = writer.tree.size;
    // The first goes alone; the rest are staged while it is in flight and go together.
    const appends = Array.from({ length: BATCH_FROM - 1 }, (_, n) => writer.append(key(500 + n), Date.now()));
    expect(await Promise.all(appends)).toEqual(Array.from({ length: BATCH_FROM - 1 }, (_, n) => size + n));
    const bytes = await stored(size + 1, size + BATCH_FROM - 1);
    expect(bytes.map((b) => JSON.parse(new TextDecoder().decode(b)).serial)).toEqual(
      Array.from({ length: BATCH_FROM - 1 }, (_, n) => 500 + n),
    );
    expect((await jsm.streams.info(AUDIT_STREAM)).state.last_seq).toBe(writer.tree.size);
  });

  it('entries published at once, each expecting its place: once one is refused, none after it lands', async () => {
    const js = jetstream(bus.connection('audit'));
    const jsm = await jetstreamManager(bus.connection('audit'));
    // A stream of its own: the share log must hold entries only.
    await jsm.streams.add({ name: 'CHAIN', subjects: ['chain.test'] });
    try {
      // The third expects a place the second does not leave: it and everything after it are refused.
      const expects = [0, 1, 7, 3, 4];
      const outcomes = await Promise.allSettled(
        expects.map((expectLastSequence, n) =>
          publishDurable(js, 'chain.test', new TextEncoder().encode(`${n}`), {
            msgId: `chain-${n}`,
            expectLastSequence,
            attempts: 1,
          }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'rejected',
        'rejected',
      ]);
      expect((await jsm.streams.info('CHAIN')).state.last_seq).toBe(2);
    } finally {
      await jsm.streams.delete('CHAIN');
    }
  });

  it('comes up from its index file, catches up from the stream, and rebuilds an index that differs from the stream', async () => {
    const js = jetstream(bus.connection('audit'));
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-audit-index-'));
    const file = join(dir, 'audit-index.sqlite');
    try {
      const first = new ShareIndex(file);
      const a = new AuditLogWriter(js, first);
      expect(await a.rebuild()).toBe('caught-up');
      await Promise.all(Array.from({ length: 20 }, (_, n) => a.append(key(5000 + n), Date.now())));
      first.close();
      // Entries stored after the index file's last commit (another run that died before its commit).
      const other = new AuditLogWriter(js, new ShareIndex());
      await other.rebuild();
      await Promise.all(Array.from({ length: 5 }, (_, n) => other.append(key(6000 + n), Date.now())));
      const root = Buffer.from(other.tree.root());

      const again = new ShareIndex(file);
      const b = new AuditLogWriter(js, again);
      expect(b.tree.size).toBe(other.tree.size - 5);
      expect(await b.rebuild()).toBe('caught-up');
      expect(b.tree.size).toBe(other.tree.size);
      expect(Buffer.from(b.tree.root())).toEqual(root);
      expect(again.hasDirectory(6004)).toBe(true);
      // The last leaf no longer the stream's entry: the index is rebuilt from the stream.
      again.db.prepare('UPDATE leaves SET hash = zeroblob(32) WHERE i = ?').run(b.tree.size - 1);
      again.close();
      const c = new AuditLogWriter(js, new ShareIndex(file));
      expect(await c.rebuild()).toBe('rebuilt');
      expect(Buffer.from(c.tree.root())).toEqual(root);
      expect(Buffer.from(c.tree.inclusionProof(3)[0]!)).toEqual(
        Buffer.from(other.tree.inclusionProof(3)[0]!),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an index that commits later and dies before its commit comes up behind and catches up from the stream', async () => {
    const js = jetstream(bus.connection('audit'));
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-audit-index-'));
    const file = join(dir, 'audit-index.sqlite');
    try {
      const first = new ShareIndex(file, { commitAfterMs: 60_000 });
      const a = new AuditLogWriter(js, first);
      await a.rebuild();
      first.commit();
      const committed = a.tree.size;
      await Promise.all(Array.from({ length: 7 }, (_, n) => a.append(key(7000 + n), Date.now())));
      const root = Buffer.from(a.tree.root());
      // Killed: the connection goes without its commit, as a process that dies takes it.
      first.db.close();
      const again = new ShareIndex(file);
      const b = new AuditLogWriter(js, again);
      expect(b.tree.size).toBe(committed);
      expect(await b.rebuild()).toBe('caught-up');
      expect(Buffer.from(b.tree.root())).toEqual(root);
      expect(again.hasDirectory(7006)).toBe(true);
      again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails closed when another writer appended: the whole batch is refused and nothing after it is taken', async () => {
    const js = jetstream(bus.connection('audit'));
    const jsm = await jetstreamManager(bus.connection('audit'));
    const writer = new AuditLogWriter(js, new ShareIndex());
    await writer.rebuild();
    const size = writer.tree.size;
    await writer.append(key(1000), Date.now());
    await publishDurable(js, AUDIT_SUBJECT, new TextEncoder().encode('{"v":1}'), { msgId: 'intruder' });
    const batch = Array.from({ length: 10 }, (_, n) => writer.append(key(2000 + n), Date.now()));
    const results = await Promise.allSettled(batch);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/wrong last sequence|disagree/);
    await expect(writer.append(key(3000), Date.now())).rejects.toThrow();
    expect((await jsm.streams.info(AUDIT_STREAM)).state.last_seq).toBe(size + 2);
    expect(writer.tree.size).toBe(size + 1);
  });
});
