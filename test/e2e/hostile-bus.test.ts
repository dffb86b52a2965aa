import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  connectBus,
  inboxPrefixOf,
  jetstream,
  type NatsConnection,
  publishDurable,
  shareSubject,
} from '@cwtch/bus';
import { initCrypto, parsePrivateKeyFile, sealEnvelope } from '@cwtch/crypto';
import { DirectoryView, verifyDirectory } from '@cwtch/directory';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInProcessMemory } from '../support/process-memory.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { subjectReferenceIn } from '../support/subject.ts';

const region = useRegion();
let run: RunningRegion;
let nc: NatsConnection;
let view: DirectoryView;

beforeAll(async () => {
  await initCrypto();
  run = region();
  // A compromised agency: hillside's own NATS credentials, which may publish cwtch.share.*.hillside.
  nc = await connectBus({
    servers: run.region.nats.url,
    name: 'hostile-test',
    nkeySeedFile: run.region.agencies.hillside!.natsCreds!,
    inboxPrefix: inboxPrefixOf('hillside'),
  });
  const signed = new Uint8Array(await readFile(join(run.dataDir, 'directory.signed.json')));
  view = new DirectoryView(
    verifyDirectory(signed, new Uint8Array(Buffer.from(run.region.trust.governanceKey, 'base64url'))),
  );
});
afterAll(async () => {
  await nc?.close();
});

const keysOf = async (agency: string) => {
  const dir = join(run.dataDir, 'agencies', agency, 'keys');
  const [first] = (await readdir(dir)).sort();
  return parsePrivateKeyFile(await readFile(join(dir, first!), 'utf8')).keys;
};
const inboxIds = async (agency: string) => {
  const a = run.region.agencies[agency]!;
  return (
    await createConnectorClient({ baseUrl: a.connector, token: a.tokens.system }).inbox({ limit: 500 })
  ).map((i) => i.id);
};
const rejections = async (agency: string) => {
  const a = run.region.agencies[agency]!;
  const res = await fetch(`${a.connector}/v1/rejections`, {
    headers: { authorization: `Bearer ${a.tokens.manager}` },
  });
  return ((await res.json()) as { items: { messageId: string | null; code: string }[] }).items;
};
const auditRejections = async () => {
  const res = await fetch(`${run.region.audit.url}/v1/rejections`, {
    headers: { authorization: `Bearer ${run.region.audit.token}` },
  });
  return (
    (await res.json()) as { items: { id: string | null; code: string; subject: string; sha256: string }[] }
  ).items;
};

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

/** A genuine envelope from hillside to swansea-cs, sealed outside any connector. */
async function genuineEnvelope() {
  const hillside = await keysOf('hillside');
  const now = Date.now();
  const agreement = view.agreementFor('hillside', 'swansea-cs', 'care-home-transition')!;
  return sealEnvelope({
    iat: now,
    exp: now + 3_600_000,
    kind: 'care-home-transition',
    sv: 1,
    agreement: agreement.id,
    purpose: 'placement_notification',
    basis: agreement.lawfulBasis,
    priority: 'high',
    respondBy: null,
    subject: await subjectReferenceIn(run, 'care-home-transition', await example('care-home-transition')),
    plaintext: new TextEncoder().encode(JSON.stringify(await example('care-home-transition'))),
    sender: { agency: 'hillside', kid: hillside.signing.kid, signSecretKey: hillside.signing.secretKey },
    recipients: [view.currentKey('swansea-cs', 'enc', now)],
  });
}

describe('envelopes published straight onto the bus', () => {
  it('a forged signature never reaches an inbox and the audit service records SIGNATURE_INVALID', async () => {
    const sealed = await genuineEnvelope();
    const wire = JSON.parse(new TextDecoder().decode(sealed.bytes)) as { s: string };
    wire.s = (wire.s[0] === 'A' ? 'B' : 'A') + wire.s.slice(1);
    const forged = new TextEncoder().encode(JSON.stringify(wire));
    const before = (await rejections('swansea-cs')).filter((r) => r.code === 'SIGNATURE_INVALID').length;
    await publishDurable(jetstream(nc), shareSubject('swansea-cs', 'hillside'), forged, {
      msgId: `forged-${sealed.id}`,
    });
    // Nothing vouches for a forgery's claimed id and sender: the records of it stand alone.
    const logged = await eventually(
      async () =>
        (await auditRejections()).find(
          (r) => r.sha256 === sha256Of(forged) && r.code === 'SIGNATURE_INVALID',
        ),
      15_000,
      'audit rejection',
    );
    expect(logged.id).toBeNull();
    await eventually(
      async () =>
        (await rejections('swansea-cs')).filter((r) => r.code === 'SIGNATURE_INVALID' && r.messageId === null)
          .length > before,
      15_000,
      'connector rejection',
    );
    expect(await inboxIds('swansea-cs')).not.toContain(sealed.id);

    // Kept for operators in the dead-letter stream, with its reason.
    const { DEAD_LETTER_STREAM, jetstreamManager: manager } = await import('@cwtch/bus');
    const operator = await connectBus({
      servers: run.region.nats.url,
      name: 'operator-test',
      nkeySeedFile: join(run.dataDir, 'secrets', 'nats', 'operator.nk'),
    });
    const last = await (await manager(operator)).streams.getMessage(DEAD_LETTER_STREAM, {
      last_by_subj: 'cwtch.dlq.swansea-cs',
    });
    expect(last?.header.get('Cwtch-Reason')).toBe('SIGNATURE_INVALID');
    expect(JSON.parse(last!.string()).s).toBe(wire.s);
    await operator.close();
  });

  it('a copy sent to an agency the envelope does not address never reaches its inbox (SUBJECT_MISMATCH on both sides)', async () => {
    const sealed = await genuineEnvelope();
    const before = (await rejections('npt-cs')).filter((r) => r.code === 'SUBJECT_MISMATCH').length;
    await publishDurable(jetstream(nc), shareSubject('npt-cs', 'hillside'), sealed.bytes, {
      msgId: `misrouted-${sealed.id}`,
    });
    await eventually(
      async () =>
        (await auditRejections()).find(
          (r) => r.sha256 === sha256Of(sealed.bytes) && r.code === 'SUBJECT_MISMATCH' && r.id === null,
        ),
      15_000,
      'audit rejection',
    );
    await eventually(
      async () => (await rejections('npt-cs')).filter((r) => r.code === 'SUBJECT_MISMATCH').length > before,
      15_000,
      'connector rejection',
    );
    expect(await inboxIds('npt-cs')).not.toContain(sealed.id);
  });

  it('a replayed id is stored once; the replay is refused (REPLAYED) and recorded by the audit service', async () => {
    const sealed = await genuineEnvelope();
    const js = jetstream(nc);
    await publishDurable(js, shareSubject('swansea-cs', 'hillside'), sealed.bytes, {
      msgId: `original-${sealed.id}`,
    });
    await eventually(
      async () => (await inboxIds('swansea-cs')).includes(sealed.id),
      15_000,
      'the original in the inbox',
    );
    await publishDurable(js, shareSubject('swansea-cs', 'hillside'), sealed.bytes, {
      msgId: `replay-${sealed.id}`,
    });
    await eventually(
      async () => (await auditRejections()).find((r) => r.id === sealed.id && r.code === 'REPLAYED'),
      15_000,
      'audit rejection',
    );
    await eventually(
      async () =>
        (await rejections('swansea-cs')).find((r) => r.messageId === sealed.id && r.code === 'REPLAYED'),
      15_000,
      'connector rejection',
    );
    expect((await inboxIds('swansea-cs')).filter((id) => id === sealed.id)).toHaveLength(1);
  });
});

describe('key custody', () => {
  it("the audit service's process holds no agency's private encryption key (the connector's does)", async () => {
    const needles: Buffer[] = [];
    for (const agency of Object.keys(run.region.agencies)) {
      const secret = (await keysOf(agency)).encryption.secretKey;
      needles.push(Buffer.from(secret), Buffer.from(Buffer.from(secret).toString('base64url')));
    }
    // Control: the scanner finds swansea-cs's key in swansea-cs's own connector.
    const own = await keysOf('swansea-cs');
    const inConnector = await findInProcessMemory(run.region.agencies['swansea-cs']!.pid, [
      Buffer.from(own.encryption.secretKey),
    ]);
    expect(inConnector).toBe(true);
    expect(await findInProcessMemory(run.region.audit.pid, needles)).toBe(false);
  });
});

describe('witnesses', () => {
  it('a checkpoint inconsistent with one a witness cosigned is refused and reported as a fork by every witness', async () => {
    const { signCheckpoint, formatCheckpoint } = await import('@cwtch/audit-log');
    const { CHECKPOINT_SUBJECT } = await import('@cwtch/bus');
    const health = async (agency: string) =>
      (await (await fetch(`${run.region.agencies[agency]!.connector}/healthz`)).json()) as {
        status: string;
        witness: { state: string; size: number };
      };
    // Every witness has cosigned a genuine checkpoint first.
    await fetch(`${run.region.audit.url}/v1/checkpoint`, {
      headers: { authorization: `Bearer ${run.region.audit.token}` },
    });
    const agencies = Object.keys(run.region.agencies);
    const cosigned = new Map<string, number>();
    for (const a of agencies)
      cosigned.set(
        a,
        (
          await eventually(
            async () => ((await health(a)).witness.size > 0 ? health(a) : undefined),
            15_000,
            `${a} cosigning`,
          )
        ).witness.size,
      );

    // The log key itself signs a rewritten history: same size as one the witnesses cosigned, another root.
    const seed = new Uint8Array(
      Buffer.from((await readFile(join(run.dataDir, 'secrets', 'log.key'), 'utf8')).trim(), 'base64url'),
    );
    const size = cosigned.get('npt-cs')!;
    const forged = signCheckpoint(
      formatCheckpoint({ origin: 'cwtch.example/audit/v1', size, root: new Uint8Array(32).fill(7) }),
      'cwtch.example/audit/v1',
      seed,
    );
    const operator = await connectBus({
      servers: run.region.nats.url,
      name: 'rogue-operator',
      nkeySeedFile: join(run.dataDir, 'secrets', 'nats', 'operator.nk'),
    });
    operator.publish(CHECKPOINT_SUBJECT, forged);
    // And a bigger one that extends nothing the witnesses saw.
    operator.publish(
      CHECKPOINT_SUBJECT,
      signCheckpoint(
        formatCheckpoint({
          origin: 'cwtch.example/audit/v1',
          size: size + 1000,
          root: new Uint8Array(32).fill(9),
        }),
        'cwtch.example/audit/v1',
        seed,
      ),
    );
    await operator.flush();
    await operator.close();

    for (const a of agencies) {
      const h = await eventually(
        async () => ((await health(a)).witness.state === 'fork' ? health(a) : undefined),
        15_000,
        `${a} reporting the fork`,
      );
      expect(h.status).toBe('log-fork');
      // It kept the genuine history it had cosigned (which may have grown meanwhile), not the forgery.
      expect(h.witness.size).toBeGreaterThanOrEqual(cosigned.get(a)!);
      expect(h.witness.size).toBeLessThan(size + 1000);
      const res = await fetch(`${run.region.agencies[a]!.connector}/healthz`);
      expect(res.status).toBe(503);
    }
    const npt = run.region.agencies['npt-cs']!;
    const metrics = await (
      await fetch(`${npt.connector}/metrics`, { headers: { authorization: `Bearer ${npt.tokens.system}` } })
    ).text();
    const forks = /^cwtch_witness_forks_total(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1];
    expect(forks, 'cwtch_witness_forks_total in /metrics').toBeDefined();
    expect(Number(forks)).toBeGreaterThanOrEqual(1);
  });
});
