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

/** Resolves with the error a subscription is closed with, or 'open' if it stays open. */
async function subscribeOutcome(nc: NatsConnection, subject: string): Promise<string> {
  const sub = nc.subscribe(subject);
  await nc.flush();
  const outcome = await Promise.race([
    sub.closed,
    new Promise<string>((r) => setTimeout(() => r('open'), 1500)),
  ]);
  sub.unsubscribe();
  return outcome instanceof Error ? outcome.message : String(outcome);
}

describe('least privilege on the wire (swansea-cs credentials)', () => {
  it("refuses publishing as another agency, reading another's subjects, consumers or stream messages", async () => {
    const js = jetstream(swansea);
    await expect(
      publishDurable(js, shareSubject('x', 'south-wales-police'), new Uint8Array([1]), {
        msgId: 'spoof-1',
        attempts: 1,
        timeoutMs: 1500,
      }),
    ).rejects.toMatchObject({ code: 'BUS_UNAVAILABLE' });
    expect(await subscribeOutcome(swansea, 'cwtch.share.south-wales-police.>')).toMatch(
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
      swansea.request(`$JS.API.STREAM.MSG.GET.${SHARES_STREAM}`, JSON.stringify({ seq: 1 }), {
        timeout: 1500,
      }),
    ).rejects.toThrow(/Permissions Violation/);
    await expect(
      swansea.request(`$JS.API.DIRECT.GET.${SHARES_STREAM}`, JSON.stringify({ seq: 1 }), { timeout: 1500 }),
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
    expect(await subscribeOutcome(swansea, `${inboxPrefixOf('npt-cs')}.>`)).toMatch(/Permissions Violation/);
    expect(await subscribeOutcome(swansea, '_INBOX.>')).toMatch(/Permissions Violation/);
    expect(await subscribeOutcome(swansea, '>')).toMatch(/Permissions Violation/);
    expect(await subscribeOutcome(swansea, `${inboxPrefixOf('swansea-cs')}.>`)).toBe('open');
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
