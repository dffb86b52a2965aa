import { leafHash, rootOf } from '@cwtch/audit-log';
import { AUDIT_STREAM, AUDIT_SUBJECT, jetstream, jetstreamManager, publishDurable } from '@cwtch/bus';
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
