import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  connectBus,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  publishDurable,
  SHARES_STREAM,
  shareSubject,
} from '@cwtch/bus';
import {
  type AgencyKeys,
  initCrypto,
  parsePrivateKeyFile,
  sealEnvelope,
  verifyLoggedShare,
} from '@cwtch/crypto';
import { DirectoryView, verifyDirectory } from '@cwtch/directory';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from '../support/cli.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { subjectReferenceIn } from '../support/subject.ts';

const region = useRegion();
let run: RunningRegion;
let swansea: NatsConnection;

const connectAs = (agency: string) =>
  connectBus({
    servers: run.region.nats.url,
    name: `test-${agency}`,
    nkeySeedFile: run.region.agencies[agency]!.natsCreds!,
    inboxPrefix: inboxPrefixOf(agency),
  });

beforeAll(async () => {
  await initCrypto();
  run = region();
  swansea = await connectAs('swansea-cs');
});
afterAll(async () => {
  await swansea?.close();
});

/** Fails with a clear message if the server has not answered in 30 s (a bound for a broken run, not a timing check). */
function within30s<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the server in 30 s: ${what}`)), 30_000);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Subscribes and waits for the server's refusal: the message of the error it closes the subscription with. */
async function refusedSubscription(nc: NatsConnection, subject: string): Promise<string> {
  const started = performance.now();
  const sub = nc.subscribe(subject);
  const outcome = await within30s(`subscribe ${subject}`, sub.closed);
  console.log(
    `subscribe ${subject}: closed by the server after ${Math.round(performance.now() - started)} ms`,
  );
  return outcome instanceof Error ? outcome.message : 'closed without an error';
}

/**
 * Subscribes to the agency's own reply prefix and waits for a JetStream reply routed to it: the
 * server handles the subscription before the request, so the reply arriving shows it was allowed.
 */
async function openSubscription(nc: NatsConnection, prefix: string): Promise<void> {
  const started = performance.now();
  const sub = nc.subscribe(`${prefix}.>`, { max: 1 });
  nc.publish(`$JS.API.CONSUMER.INFO.${SHARES_STREAM}.inbox-swansea-cs`, undefined, {
    reply: `${prefix}.probe`,
  });
  const received = (async () => {
    for await (const m of sub) return m.subject;
    throw new Error(`the subscription ended without a message: ${String(await sub.closed)}`);
  })();
  expect(await within30s(`a reply on ${prefix}.probe`, received)).toBe(`${prefix}.probe`);
  console.log(
    `subscribe ${prefix}.>: open, a reply arrived after ${Math.round(performance.now() - started)} ms`,
  );
}

/** Runs `f` and prints how long the server took to answer. */
async function timed<T>(what: string, f: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await f();
  } finally {
    console.log(`${what}: answered after ${Math.round(performance.now() - started)} ms`);
  }
}

describe('least privilege on the wire (swansea-cs credentials)', () => {
  it("refuses publishing as another agency, reading another's subjects, consumers or stream messages", async () => {
    const js = jetstream(swansea);
    // The server's own refusal, not a missing acknowledgement: a timeout here fails.
    await expect(
      timed('publish as south-wales-police', () =>
        js.publish(shareSubject('x', 'south-wales-police'), new Uint8Array([1]), {
          msgID: 'spoof-1',
          timeout: 30_000,
        }),
      ),
    ).rejects.toThrow(/Permissions Violation for Publish to "cwtch\.share\.x\.south-wales-police"/);
    expect(await refusedSubscription(swansea, 'cwtch.share.south-wales-police.>')).toMatch(
      /Permissions Violation for Subscription/,
    );
    await expect(js.consumers.get(SHARES_STREAM, 'inbox-south-wales-police')).rejects.toThrow(
      /Permissions Violation/,
    );
    const jsm = await jetstreamManager(swansea, { checkAPI: false });
    await expect(
      jsm.consumers.add(SHARES_STREAM, {
        durable_name: 'sneaky',
        filter_subject: 'cwtch.share.south-wales-police.*',
      }),
    ).rejects.toThrow(/Permissions Violation/);
    await expect(
      timed('STREAM.MSG.GET', () =>
        swansea.request(`$JS.API.STREAM.MSG.GET.${SHARES_STREAM}`, JSON.stringify({ seq: 1 }), {
          timeout: 30_000,
        }),
      ),
    ).rejects.toThrow(/Permissions Violation/);
    // Every agency's backlog and activity: the audit service's to read, no agency's.
    await expect(
      timed('CONSUMER.LIST', () =>
        swansea.request(`$JS.API.CONSUMER.LIST.${SHARES_STREAM}`, '{}', { timeout: 30_000 }),
      ),
    ).rejects.toThrow(/Permissions Violation/);
    await expect(
      timed('DIRECT.GET', () =>
        swansea.request(`$JS.API.DIRECT.GET.${SHARES_STREAM}`, JSON.stringify({ seq: 1 }), {
          timeout: 30_000,
        }),
      ),
    ).rejects.toThrow(/Permissions Violation/);
  });

  it('allows the same actions on its own subjects and consumer', async () => {
    const js = jetstream(swansea);
    const ack = await publishDurable(
      js,
      shareSubject('npt-cs', 'swansea-cs'),
      new TextEncoder().encode('not an envelope'),
      {
        msgId: `own-${Date.now()}`,
        attempts: 1,
      },
    );
    expect(ack.seq).toBeGreaterThan(0);
    const own = await js.consumers.get(SHARES_STREAM, 'inbox-swansea-cs');
    expect((await own.info()).name).toBe('inbox-swansea-cs');
  });

  it("keeps replies private: no agency can subscribe to another's inbox prefix or the default one", async () => {
    expect(await refusedSubscription(swansea, `${inboxPrefixOf('npt-cs')}.>`)).toMatch(
      /Permissions Violation/,
    );
    expect(await refusedSubscription(swansea, '_INBOX.>')).toMatch(/Permissions Violation/);
    expect(await refusedSubscription(swansea, '>')).toMatch(/Permissions Violation/);
    await openSubscription(swansea, inboxPrefixOf('swansea-cs'));
  });
});

describe('sending through the connector', () => {
  it('refuses a recipient that is not in the directory with 400 UNKNOWN_RECIPIENT, and publishes nothing', async () => {
    const hillside = run.region.agencies.hillside!;
    const client = createConnectorClient({ baseUrl: hillside.connector, token: hillside.tokens.system });
    const operator = await connectBus({
      servers: run.region.nats.url,
      name: 'test-operator',
      nkeySeedFile: join(run.dataDir, 'secrets', 'nats', 'operator.nk'),
    });
    const stored = async () =>
      (
        await (
          await jetstreamManager(operator)
        ).streams.info(SHARES_STREAM, { subjects_filter: 'cwtch.share.*.hillside' })
      ).state.subjects ?? {};
    try {
      const before = await stored();
      const payload = await example('care-home-transition');
      for (const recipients of [['zz-nobody'], ['swansea-cs', 'zz-nobody']]) {
        const refusal = await client.send({ kind: 'care-home-transition', payload, recipients }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(refusal, `recipients ${recipients.join(',')}`).toMatchObject({
          status: 400,
          code: 'UNKNOWN_RECIPIENT',
        });
      }
      expect(await stored()).toEqual(before);
      // The same request to a known recipient goes through (so the unknown one was the cause).
      await expect(
        client.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] }),
      ).resolves.toMatchObject({ recipients: ['swansea-cs'] });
    } finally {
      await operator.close();
    }
  });
});

describe('key lifecycle', () => {
  const dataArgs = () => ['--data', run.dataDir];
  const governance = () => new Uint8Array(Buffer.from(run.region.trust.governanceKey, 'base64url'));
  const directoryNow = async () =>
    new DirectoryView(
      verifyDirectory(
        new Uint8Array(await readFile(join(run.dataDir, 'directory.signed.json'))),
        governance(),
      ),
    );
  const keyFiles = async (agency: string): Promise<AgencyKeys[]> => {
    const dir = join(run.dataDir, 'agencies', agency, 'keys');
    const files = (await readdir(dir)).sort();
    return Promise.all(
      files.map(async (f) => parsePrivateKeyFile(await readFile(join(dir, f), 'utf8')).keys),
    );
  };
  const allAt = async (serial: number) => {
    for (const a of Object.values(run.region.agencies)) {
      await eventually(
        async () =>
          ((await (await fetch(`${a.connector}/healthz`)).json()) as { directorySerial: number })
            .directorySerial >= serial,
        15_000,
        'directory change',
      );
    }
  };
  const client = (agency: string) => {
    const a = run.region.agencies[agency]!;
    return createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
  };
  const auditJson = async <T>(path: string): Promise<T> =>
    (await (
      await fetch(`${run.region.audit.url}${path}`, {
        headers: { authorization: `Bearer ${run.region.audit.token}` },
      })
    ).json()) as T;
  type Share = {
    id: string;
    keys: { from: string; to: { agency: string; kid: string }[] };
    copies: { index: number }[];
  };

  /** An envelope from hillside to swansea-cs sealed by hand with the given keys. */
  async function sealByHand(signing: AgencyKeys['signing'], toKid: string, toKey: Uint8Array) {
    const now = Date.now();
    return sealEnvelope({
      iat: now,
      exp: now + 3_600_000,
      kind: 'care-home-transition',
      sv: 1,
      agreement: 'waspi-dda-secure-placements-2026',
      purpose: 'placement_notification',
      basis: 'UK GDPR 6(1)(c)',
      priority: 'high',
      respondBy: null,
      subject: await subjectReferenceIn(run, 'care-home-transition', await example('care-home-transition')),
      plaintext: new TextEncoder().encode(JSON.stringify(await example('care-home-transition'))),
      sender: { agency: 'hillside', kid: signing.kid, signSecretKey: signing.secretKey },
      recipients: [{ agency: 'swansea-cs', kid: toKid, publicKey: toKey }],
    });
  }

  it('rotate: new shares use the new keys; shares sealed to the old key still open', async () => {
    const payload = await example('care-home-transition');
    const before = await client('hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs'],
    });
    const [hillsideOld] = await keyFiles('hillside');
    const [swanseaOld] = await keyFiles('swansea-cs');
    const inFlight = await sealByHand(
      hillsideOld!.signing,
      swanseaOld!.encryption.kid,
      swanseaOld!.encryption.publicKey,
    );

    expect(
      (await cwtch(['directory', 'rotate', '--agency', 'hillside', '--use', 'sig', ...dataArgs()])).code,
    ).toBe(0);
    expect(
      (await cwtch(['directory', 'rotate', '--agency', 'swansea-cs', '--use', 'enc', ...dataArgs()])).code,
    ).toBe(0);
    const view = await directoryNow();
    await allAt(view.serial);
    const newSig = view.currentKey('hillside', 'sig', Date.now()).kid;
    const newEnc = view.currentKey('swansea-cs', 'enc', Date.now()).kid;
    expect(newSig).not.toBe(hillsideOld!.signing.kid);
    expect(newEnc).not.toBe(swanseaOld!.encryption.kid);

    const after = await client('hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs'],
    });
    const share = await eventually(
      async () =>
        (await auditJson<{ items: Share[] }>(`/v1/shares?agency=hillside`)).items.find(
          (s) => s.id === after.id,
        ),
      15_000,
      'logged share',
    );
    expect(share.keys.from).toBe(newSig);
    expect(share.keys.to).toEqual([{ agency: 'swansea-cs', kid: newEnc }]);
    const oldShare = (await auditJson<{ items: Share[] }>(`/v1/shares?agency=hillside`)).items.find(
      (s) => s.id === before.id,
    )!;
    expect(oldShare.keys.from).toBe(hillsideOld!.signing.kid);

    const nc = await connectAs('hillside');
    await publishDurable(jetstream(nc), shareSubject('swansea-cs', 'hillside'), inFlight.bytes, {
      msgId: `inflight-${inFlight.id}`,
    });
    await nc.close();
    const item = await eventually(
      async () => (await client('swansea-cs').inbox({ limit: 500 })).find((i) => i.id === inFlight.id),
      15_000,
      'old-key share in the inbox',
    );
    expect(item.payload).toEqual(payload);
    await eventually(
      async () => (await client('swansea-cs').inbox({ limit: 500 })).find((i) => i.id === after.id),
      15_000,
      'new-key share in the inbox',
    );
  });

  it('revoke: a share signed with the revoked key is refused and flagged; earlier logged shares still verify', async () => {
    const [hillsideOld] = await keyFiles('hillside');
    const oldKid = hillsideOld!.signing.kid;
    const logged = (await auditJson<{ items: Share[] }>(`/v1/shares?agency=hillside`)).items.find(
      (s) => s.keys.from === oldKid,
    )!;
    expect(logged).toBeDefined();

    const res = await cwtch([
      'directory',
      'revoke',
      '--kid',
      oldKid,
      '--reason',
      'key compromise suspected',
      ...dataArgs(),
    ]);
    expect(res.code).toBe(0);
    const view = await directoryNow();
    await allAt(view.serial);

    const swanseaKey = view.currentKey('swansea-cs', 'enc', Date.now());
    const forgedLater = await sealByHand(hillsideOld!.signing, swanseaKey.kid, swanseaKey.publicKey);
    const nc = await connectAs('hillside');
    await publishDurable(jetstream(nc), shareSubject('swansea-cs', 'hillside'), forgedLater.bytes, {
      msgId: `revoked-${forgedLater.id}`,
    });
    await nc.close();

    const swansea = run.region.agencies['swansea-cs']!;
    // A revoked key vouches for nothing: both records of the refusal stand alone, without its claims.
    await eventually(
      async () => {
        const r = await fetch(`${swansea.connector}/v1/rejections`, {
          headers: { authorization: `Bearer ${swansea.tokens.manager}` },
        });
        return ((await r.json()) as { items: { messageId: string | null; code: string }[] }).items.find(
          (x) => x.messageId === null && x.code === 'SENDER_KEY_REVOKED',
        );
      },
      15_000,
      'recipient refusal',
    );
    const forgedSha = createHash('sha256').update(forgedLater.bytes).digest('base64url');
    await eventually(
      async () =>
        (
          await auditJson<{ items: { id: string | null; code: string; sha256: string }[] }>('/v1/rejections')
        ).items.find((x) => x.sha256 === forgedSha && x.id === null && x.code === 'SENDER_KEY_REVOKED'),
      15_000,
      'audit flag',
    );
    expect((await client('swansea-cs').inbox({ limit: 500 })).map((i) => i.id)).not.toContain(forgedLater.id);

    // The share logged before the revocation still verifies against the directory as it is now,
    // judged at the time the bus stored it.
    const { entry } = await auditJson<{ entry: { t: string; h: string; b: string; s: string; bt: number } }>(
      `/v1/entries/${logged.copies[0]!.index}`,
    );
    expect(entry.t).toBe('msg');
    const header = verifyLoggedShare(entry, (agency, kid) => view.signingKey(agency, kid, entry.bt));
    expect(header.id).toBe(logged.id);
    expect(() => view.signingKey('hillside', oldKid, Date.now())).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_REVOKED' }),
    );

    // The directory's history is in the share log too.
    const checkpoint = await (
      await fetch(`${run.region.audit.url}/v1/checkpoint`, {
        headers: { authorization: `Bearer ${run.region.audit.token}` },
      })
    ).text();
    expect(checkpoint).toMatch(/^cwtch\.example\/audit\/v1\n\d+\n/);
  });
});
