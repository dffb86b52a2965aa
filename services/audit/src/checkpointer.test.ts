import { generateKeyPairSync } from 'node:crypto';
import { cosignCheckpoint, formatSignatureLine } from '@cwtch/audit-log';
import {
  CHECKPOINT_SUBJECT,
  cosignatureSubject,
  type JetStreamClient,
  jetstream,
  type NatsConnection,
  publishDurable,
} from '@cwtch/bus';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogWriter } from './audit-log-writer.ts';
import { Checkpointer, type CheckpointPolicy } from './checkpointer.ts';
import { serveProofApi } from './proof-api.ts';
import { ShareIndex } from './share-index.ts';
import { useTestBus } from './test-bus.ts';

const ORIGIN = 'cwtch.example/audit/test';

function ed25519Key(): { seed: Uint8Array; publicKey: Uint8Array } {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return {
    seed: new Uint8Array(Buffer.from(jwk.d!, 'base64url')),
    publicKey: new Uint8Array(Buffer.from(jwk.x!, 'base64url')),
  };
}

function policyOf(
  origin: string,
  secretKey: Uint8Array,
  witnesses: readonly { name: string; publicKey: Uint8Array }[],
): CheckpointPolicy {
  const pinned = witnesses.map((w) => ({ name: w.name, publicKey: w.publicKey }));
  return { origin, secretKey, intervalMs: 60_000, maxEntries: 1000, witnesses: pinned };
}

/** A JetStream client whose checkpoint publishes resolve only when `release` is called. */
function delayCheckpointAcks(js: JetStreamClient): { js: JetStreamClient; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const publish: JetStreamClient['publish'] = async (subject, data, opts) => {
    const ack = await js.publish(subject, data, opts);
    if (subject === CHECKPOINT_SUBJECT) await gate;
    return ack;
  };
  const delayed = new Proxy(js, {
    get: (target, prop) => {
      if (prop === 'publish') return publish;
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { js: delayed, release };
}

const bus = useTestBus(['a-one', 'b-two'], ['audit', 'witnesses']);
let nc: NatsConnection;
let witnessNc: NatsConnection;

beforeAll(() => {
  nc = bus.connection('audit');
  witnessNc = bus.connection('witnesses');
});

describe('Checkpointer', () => {
  it('keeps cosignatures that arrive before its own record of the checkpoint is acknowledged', async () => {
    const logKey = ed25519Key();
    const witnesses = ['a-one', 'b-two'].map((agency) => ({
      agency,
      name: `${agency}.witness.test`,
      ...ed25519Key(),
    }));
    const writer = new AuditLogWriter(jetstream(nc), new ShareIndex());
    for (let serial = 1; serial <= 3; serial++)
      await writer.append({ t: 'key', serial, d: 'e30', kid: `k${serial}`, s: 'c2ln' }, Date.now());

    const { js, release } = delayCheckpointAcks(jetstream(nc));
    const policy = policyOf(ORIGIN, logKey.seed, witnesses);
    const checkpoints = new Checkpointer(js, writer, policy);
    await checkpoints.restore();
    const stopProofApi = serveProofApi(nc, writer, checkpoints);

    // The audit service has taken every cosignature (through its real subscription) once this resolves.
    let taken = 0;
    let allTaken!: (results: boolean[]) => void;
    const delivered = new Promise<boolean[]>((r) => {
      allTaken = r;
    });
    const results: boolean[] = [];
    const add = checkpoints.addCosignature.bind(checkpoints);
    checkpoints.addCosignature = (json: string) => {
      const ok = add(json);
      results.push(ok);
      if (++taken === witnesses.length) allTaken(results);
      return ok;
    };

    // Witnesses that cosign the moment they see the checkpoint on the bus.
    const sub = witnessNc.subscribe(CHECKPOINT_SUBJECT, {
      callback: (_err, msg) => {
        const text = msg.string().slice(0, msg.string().indexOf('\n\n') + 1);
        for (const w of witnesses) {
          const line = formatSignatureLine(cosignCheckpoint(text, w.name, w.seed));
          void publishDurable(
            jetstream(witnessNc),
            cosignatureSubject(w.agency),
            new TextEncoder().encode(JSON.stringify({ checkpoint: text, signature: line })),
            { msgId: `cosig-${w.agency}-3` },
          );
        }
      },
    });

    await witnessNc.flush();
    const ticked = checkpoints.tick(true);
    // Every cosignature is delivered while the checkpoint's own store is still unacknowledged.
    expect(await delivered).toEqual([true, true]);
    expect(checkpoints.latest).toBeUndefined();
    release();
    await ticked;

    const cp = checkpoints.latest!;
    expect(cp.size).toBe(3);
    expect([...cp.cosignatures.keys()].sort()).toEqual(witnesses.map((w) => w.name).sort());
    expect(checkpoints.latestWithQuorum(2)?.size).toBe(3);
    expect(checkpoints.noteOf(cp).split('\n— ')).toHaveLength(4);
    expect(checkpoints.witnessTally().get(witnesses[0]!.name)).toEqual({ cosignatures: 1, cosignedSize: 3 });

    // A restart replays the same history to the same cosigned checkpoint.
    const again = new Checkpointer(jetstream(nc), writer, policy);
    await again.restore();
    expect(again.latestWithQuorum(2)?.size).toBe(3);
    sub.unsubscribe();
    stopProofApi();
  });

  it('takes cosignatures from the stream, so one published while it was not listening is not lost', async () => {
    const logKey = ed25519Key();
    const witness = { agency: 'a-one', name: 'a-one.witness.follow', ...ed25519Key() };
    const writer = new AuditLogWriter(jetstream(nc), new ShareIndex());
    await writer.rebuild();
    await writer.append({ t: 'key', serial: 4, d: 'e30', kid: 'k4', s: 'c2ln' }, Date.now());
    const checkpoints = new Checkpointer(jetstream(nc), writer, policyOf(ORIGIN, logKey.seed, [witness]));
    await checkpoints.restore();
    await checkpoints.tick(true);
    const text = checkpoints.latest!.text;
    // No subscription is listening: the cosignature exists only in the stream.
    await publishDurable(
      jetstream(witnessNc),
      cosignatureSubject(witness.agency),
      new TextEncoder().encode(
        JSON.stringify({
          checkpoint: text,
          signature: formatSignatureLine(cosignCheckpoint(text, witness.name, witness.seed)),
        }),
      ),
      { msgId: `cosig-follow-${checkpoints.latest!.size}` },
    );
    const add = checkpoints.addCosignature.bind(checkpoints);
    const taken = new Promise<boolean>((resolve) => {
      checkpoints.addCosignature = (json: string) => {
        const ok = add(json);
        if (json.includes(witness.name)) resolve(ok);
        return ok;
      };
    });
    await checkpoints.followCosignatures();
    expect(await taken).toBe(true);
    expect(checkpoints.latestWithQuorum(1)?.size).toBe(checkpoints.latest!.size);
    checkpoints.stop();
  });

  it('refuses a cosignature by an unpinned witness or over text this log did not sign', async () => {
    const logKey = ed25519Key();
    const pinned = ed25519Key();
    const stranger = ed25519Key();
    const writer = new AuditLogWriter(jetstream(nc), new ShareIndex());
    const checkpoints = new Checkpointer(
      jetstream(nc),
      writer,
      policyOf(`${ORIGIN}/2`, logKey.seed, [{ name: 'pinned.witness.test', publicKey: pinned.publicKey }]),
    );
    const text = `${ORIGIN}/2\n1\n${Buffer.alloc(32).toString('base64')}\n`;
    const cosig = (name: string, seed: Uint8Array, body = text) =>
      JSON.stringify({
        checkpoint: body,
        signature: formatSignatureLine(cosignCheckpoint(body, name, seed)),
      });
    expect(checkpoints.addCosignature(cosig('stranger.witness.test', stranger.seed))).toBe(false);
    expect(checkpoints.addCosignature(cosig('pinned.witness.test', stranger.seed))).toBe(false);
    expect(
      checkpoints.addCosignature(cosig('pinned.witness.test', pinned.seed, text.replace('/2', '/9'))),
    ).toBe(false);
    expect(checkpoints.addCosignature('{"checkpoint": 1}')).toBe(false);
    expect(Object.fromEntries(checkpoints.refusedCosignatures())).toEqual({
      'unknown-witness': 1,
      invalid: 1,
      'unknown-checkpoint': 1,
      malformed: 1,
    });
  });
});
