import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectBus } from '@cwtch/bus';
import { keyId } from '@cwtch/crypto';
import { ed25519PublicKey, publishDirectory, signDirectory } from '@cwtch/directory';
import { describe, expect, it } from 'vitest';
import { clientOf, regionDirectory } from '../attack/support.ts';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

const THRESHOLD_MS = 3000;
// A short silence threshold, polls and pull expiry, so a frozen connector shows within seconds.
const region = useRegion({
  env: {
    CWTCH_SILENCE_THRESHOLD_MS: String(THRESHOLD_MS),
    CWTCH_COLLECTION_POLL_MS: '500',
    CWTCH_PULL_EXPIRES_MS: '1000',
  },
});

interface AuditHealth {
  silent: { agency: string; silentForMs: number; backlog: number }[];
  lateFeeds: { agency: string; kind: string; everyHours: number; lastAt: string | null }[];
}

async function auditHealth(run: RunningRegion): Promise<AuditHealth> {
  return (await (await fetch(`${run.region.audit.url}/healthz`)).json()) as AuditHealth;
}

/** When the connector of `agency` last heard from the audit service who is collecting (ms). */
async function heardAt(run: RunningRegion, agency: string): Promise<number> {
  const res = await fetch(`${run.region.agencies[agency]!.connector}/healthz`);
  const { collection } = (await res.json()) as { collection: { at: string | null } };
  return collection.at === null ? 0 : Date.parse(collection.at);
}

/** Waits until `agency`'s connector holds an answer the audit service made after `since`. */
async function heardSince(run: RunningRegion, agency: string, since: number): Promise<void> {
  await eventually(async () => (await heardAt(run, agency)) > since, 10_000, `${agency} to hear again`);
}

async function auditMetrics(run: RunningRegion) {
  const res = await fetch(`${run.region.audit.url}/metrics`, {
    headers: { authorization: `Bearer ${run.region.audit.token}` },
  });
  return parsePrometheusText(await res.text());
}

async function page(url: string, token: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('silence: a recipient that stops collecting, an expected feed that does not arrive', () => {
  it('a recipient connector frozen longer than the threshold: the next send to it answers with the silence warning', async () => {
    const run = region();
    const swansea = run.region.agencies['swansea-cs']!;
    const sender = clientOf(run, 'swansea-cs');
    const payload = await example('cse-protocol-entry');
    const send = () =>
      sender.send({ kind: 'cse-protocol-entry', payload, recipients: ['south-wales-police', 'npt-cs'] });

    await eventually(
      async () => (await auditHealth(run)).silent.length === 0,
      10_000,
      'every agency collecting',
    );
    await heardSince(run, 'swansea-cs', Date.now());
    expect((await send()).warnings).toBeUndefined();

    const pid = run.region.agencies['south-wales-police']!.pid;
    process.kill(pid, 'SIGSTOP');
    let warned: Awaited<ReturnType<typeof send>>;
    try {
      const listed = await eventually(
        async () => (await auditHealth(run)).silent.find((a) => a.agency === 'south-wales-police'),
        20_000,
        'the operator’s health view to list the frozen connector',
      );
      expect(listed.silentForMs).toBeGreaterThan(THRESHOLD_MS);
      expect((await auditHealth(run)).silent.map((a) => a.agency)).toEqual(['south-wales-police']);
      await heardSince(run, 'swansea-cs', Date.now());

      warned = await send();
      expect(warned.warnings).toEqual([
        {
          code: 'RECIPIENT_NOT_COLLECTING',
          agency: 'south-wales-police',
          silentForMs: expect.any(Number),
          message: expect.stringMatching(/^south-wales-police has not collected its inbox for \d+ s: /),
        },
      ]);
      expect(warned.warnings![0]!.silentForMs).toBeGreaterThan(THRESHOLD_MS);

      // The sender's outbox page says so, in English and Welsh, for the frozen recipient only.
      const en = await page(`${swansea.connector}/outbox/${warned.id}?lang=en`, swansea.tokens.frontdoor!);
      const notice = en.slice(en.indexOf('id="not-collecting"'));
      expect(notice).toContain('data-agency="south-wales-police"');
      expect(notice).toContain('has not collected its notifications for');
      expect(notice.slice(0, notice.indexOf('</div>'))).not.toContain('data-agency="npt-cs"');
      const cy = await page(`${swansea.connector}/outbox/${warned.id}?lang=cy`, swansea.tokens.frontdoor!);
      expect(cy).toContain('wedi casglu ei hysbysiadau ers');

      // The operator sees the backlog waiting for it, and the gauge.
      await eventually(
        async () =>
          ((await auditHealth(run)).silent.find((a) => a.agency === 'south-wales-police')?.backlog ?? 0) >= 1,
        10_000,
        'the backlog of the frozen agency',
      );
      const metrics = await auditMetrics(run);
      expect(
        sampleValue(metrics, 'cwtch_agency_collection_silent_seconds', { agency: 'south-wales-police' }),
      ).toBeGreaterThan(THRESHOLD_MS / 1000);
      expect(sampleValue(metrics, 'cwtch_agency_collection_silent_seconds', { agency: 'npt-cs' })).toBe(0);
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    // Back: it collects what waited, the operator's list empties, and sends carry no warning.
    const police = clientOf(run, 'south-wales-police');
    await eventually(
      async () => (await police.inbox()).some((i) => i.id === warned.id),
      20_000,
      'the share that waited',
    );
    await eventually(async () => (await auditHealth(run)).silent.length === 0, 20_000, 'the list to empty');
    await heardSince(run, 'swansea-cs', Date.now());
    expect((await send()).warnings).toBeUndefined();
  });

  it('an expected feed that does not arrive is listed for the operator until a share of it does', async () => {
    const run = region();
    const feed = { agency: 'barnardos-cymru', kind: 'return-home-interview', everyHours: 0.002 } as const;
    // The governance key signs a directory that names a feed due every 7.2 seconds (as the
    // operator's `cwtch directory` would), published to the running region.
    const { directory } = await regionDirectory(run);
    const seed = new Uint8Array(
      Buffer.from(
        (await readFile(join(run.dataDir, 'secrets', 'governance.key'), 'utf8')).trim(),
        'base64url',
      ),
    );
    const publicKey = ed25519PublicKey(seed);
    const signed = signDirectory(
      {
        ...directory,
        serial: directory.serial + 1,
        issuedAt: Date.now(),
        feeds: [...(directory.feeds ?? []), feed],
      },
      { kid: keyId(publicKey, 'Ed25519'), publicKey, secretKey: seed },
    );
    const nc = await connectBus({
      servers: run.region.nats.url,
      name: 'silence-test-operator',
      nkeySeedFile: join(run.dataDir, 'secrets', 'nats', 'operator.nk'),
    });
    try {
      await publishDirectory(nc, signed);
    } finally {
      await nc.drain();
    }

    const late = await eventually(
      async () => (await auditHealth(run)).lateFeeds.find((f) => f.agency === feed.agency),
      30_000,
      'the feed to be late',
    );
    expect(late).toEqual({ ...feed, lastAt: null });
    // The demo's weekly feed of the same kind gives way to the shorter period; its other feed is not late.
    expect((await auditHealth(run)).lateFeeds).toHaveLength(1);
    const auditConsole = await page(`${run.region.audit.url}/`, run.region.audit.token);
    expect(auditConsole).toContain('id="late-feeds"');
    expect(auditConsole).toMatch(/data-agency="barnardos-cymru" data-kind="return-home-interview"/);
    expect(
      sampleValue(await auditMetrics(run), 'cwtch_feed_late', { agency: feed.agency, kind: feed.kind }),
    ).toBe(1);

    const sent = await clientOf(run, 'barnardos-cymru').send({
      kind: 'return-home-interview',
      payload: await example('return-home-interview'),
      recipients: ['swansea-cs'],
    });
    expect(sent.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sent.recipients).toEqual(['swansea-cs']);
    await eventually(
      async () => !(await auditHealth(run)).lateFeeds.some((f) => f.agency === feed.agency),
      10_000,
      'the feed to arrive',
    );
    // Late again a period after its last share, which the view now names.
    const again = await eventually(
      async () => (await auditHealth(run)).lateFeeds.find((f) => f.agency === feed.agency),
      30_000,
      'the feed to be late again',
    );
    expect(again.lastAt).not.toBeNull();
  });
});
