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
  return ((await res.json()) as { items: { id: string | null; code: string; subject: string }[] }).items;
};

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
    subject: null,
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
    await publishDurable(
      jetstream(nc),
      shareSubject('swansea-cs', 'hillside'),
      new TextEncoder().encode(JSON.stringify(wire)),
      { msgId: `forged-${sealed.id}` },
    );
    await eventually(
      async () => (await auditRejections()).find((r) => r.id === sealed.id && r.code === 'SIGNATURE_INVALID'),
      15_000,
      'audit rejection',
    );
    await eventually(
      async () =>
        (await rejections('swansea-cs')).find(
          (r) => r.messageId === sealed.id && r.code === 'SIGNATURE_INVALID',
        ),
      15_000,
      'connector rejection',
    );
    expect(await inboxIds('swansea-cs')).not.toContain(sealed.id);
  });

  it('a copy sent to an agency the envelope does not address never reaches its inbox (NOT_ADDRESSED_TO_ME)', async () => {
    const sealed = await genuineEnvelope();
    await publishDurable(jetstream(nc), shareSubject('npt-cs', 'hillside'), sealed.bytes, {
      msgId: `misrouted-${sealed.id}`,
    });
    await eventually(
      async () => (await auditRejections()).find((r) => r.id === sealed.id && r.code === 'SUBJECT_MISMATCH'),
      15_000,
      'audit rejection',
    );
    await eventually(
      async () =>
        (await rejections('npt-cs')).find(
          (r) => r.messageId === sealed.id && r.code === 'NOT_ADDRESSED_TO_ME',
        ),
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
