import { randomBytes } from 'node:crypto';
import { AckPolicy, StorageType } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';
import { restoreStream, type StreamSnapshotInfo, snapshotStream } from './stream-backup.ts';

const nats = useNatsServer();
const MESSAGES = 300;
/** Incompressible bodies, so the archive is as large as the messages. */
const bodies = Array.from({ length: MESSAGES + 1 }, () => new Uint8Array(randomBytes(1024)));

/** A stream of 300 distinct 1 KiB messages with a durable consumer that has acknowledged 120. */
async function fillStream(name: string): Promise<void> {
  const jsm = await jetstreamManager(nats().nc);
  await jsm.streams.add({
    name,
    subjects: [`${name.toLowerCase()}.>`],
    storage: StorageType.File,
    deny_delete: true,
    deny_purge: true,
  });
  const js = jetstream(nats().nc);
  for (let i = 1; i <= MESSAGES; i++) {
    await js.publish(`${name.toLowerCase()}.m.${i % 7}`, bodies[i], { msgID: `${name}-${i}` });
  }
  await jsm.consumers.add(name, { durable_name: 'reader', ack_policy: AckPolicy.Explicit });
  const consumer = await js.consumers.get(name, 'reader');
  const batch = await consumer.fetch({ max_messages: 120, expires: 5000 });
  for await (const m of batch) await m.ackAck();
}

async function snapshot(name: string): Promise<{ info: StreamSnapshotInfo; chunks: Uint8Array[] }> {
  const chunks: Uint8Array[] = [];
  const info = await snapshotStream(nats().nc, name, (c) => void chunks.push(new Uint8Array(c)), {
    chunkSize: 4096,
  });
  return { info, chunks };
}

describe('stream snapshot and restore', () => {
  it('restores a deleted stream with every message and its consumer where it had read to', async () => {
    await fillStream('DRILL');
    const { info, chunks } = await snapshot('DRILL');
    expect(info.state.messages).toBe(MESSAGES);
    expect(info.state.last_seq).toBe(MESSAGES);
    expect(info.config.name).toBe('DRILL');
    // Small chunks: the archive came in many acknowledged pieces.
    expect(chunks.length).toBeGreaterThan(MESSAGES / 4);

    const jsm = await jetstreamManager(nats().nc);
    await jsm.streams.delete('DRILL');
    await expect(jsm.streams.info('DRILL')).rejects.toThrow(/not found/);

    const restored = await restoreStream(nats().nc, info, chunks, { chunkSize: 2048 });
    expect(restored.state.messages).toBe(MESSAGES);
    expect(restored.state.last_seq).toBe(MESSAGES);
    expect(restored.config.deny_delete).toBe(true);
    const m = await jsm.streams.getMessage('DRILL', { seq: 200 });
    expect(m?.data).toEqual(bodies[200]);

    const consumer = await jsm.consumers.info('DRILL', 'reader');
    expect(consumer.ack_floor.stream_seq).toBe(120);
    expect(consumer.num_pending).toBe(MESSAGES - 120);
    const next = await (await jetstream(nats().nc).consumers.get('DRILL', 'reader')).next({ expires: 5000 });
    expect(next?.seq).toBe(121);
    next?.ack();
  });

  it('refuses to restore over a stream of the same name, leaving it as it was', async () => {
    const { info, chunks } = await snapshot('DRILL');
    await expect(restoreStream(nats().nc, info, chunks)).rejects.toMatchObject({ code: 'CONFLICT' });
    const jsm = await jetstreamManager(nats().nc);
    expect((await jsm.streams.info('DRILL')).state.messages).toBe(MESSAGES);
  });

  it('refuses a damaged archive and leaves no stream behind', async () => {
    const { info, chunks } = await snapshot('DRILL');
    const jsm = await jetstreamManager(nats().nc);
    const copy = { ...info, config: { ...info.config, name: 'DAMAGED', subjects: ['damaged.>'] } };
    const damaged = chunks.map((c) => new Uint8Array(c));
    const middle = damaged[Math.floor(damaged.length / 2)]!;
    for (let i = 0; i < middle.length; i += 7) middle[i] = middle[i]! ^ 0xff;
    await expect(restoreStream(nats().nc, copy, damaged)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/restore failed/),
    });
    await expect(jsm.streams.info('DAMAGED')).rejects.toThrow(/not found/);
  });

  it('says so when the stream to snapshot does not exist', async () => {
    await expect(snapshotStream(nats().nc, 'NO_SUCH', () => undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
