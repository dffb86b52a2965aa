import { join } from 'node:path';
import {
  connectBus,
  DEAD_LETTER_STREAM,
  deadLetterSubject,
  HEADER_ALLOWANCE_BYTES,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  publishDurable,
  readBusUsage,
  SHARES_STREAM,
  shareSubject,
} from '@cwtch/bus';
import { DEFAULT_MAX_ENVELOPE_BYTES } from '@cwtch/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { clientOf, connectAs, exportAndVerify, regionDirectory } from './support.ts';

/**
 * Issue 9, item 5: a hostile agency (hillside, with its own real NATS credentials) tries to fill
 * the bus. The region runs with a small per-pair quota so the test stays small; every refusal is
 * the server's own (permissions, stream limits), nothing valid is lost, and the export verifies.
 */
const PER_PAIR = 5;
const region = useRegion({ env: { CWTCH_BUS_MAX_MESSAGES_PER_PAIR: String(PER_PAIR) } });
let run: RunningRegion;
let hillside: NatsConnection;
let operator: NatsConnection;

beforeAll(async () => {
  run = region();
  hillside = await connectAs(run, 'hillside');
  operator = await connectBus({
    servers: run.region.nats.url,
    name: 'attack-operator',
    nkeySeedFile: join(run.dataDir, 'secrets', 'nats', 'operator.nk'),
  });
});
afterAll(async () => {
  await hillside?.close();
  await operator?.close();
});

let junk = 0;
const publishJunk = (subject: string, size = 64) =>
  publishDurable(jetstream(hillside), subject, new Uint8Array(size).fill(0x7a), {
    msgId: `junk-${++junk}-${Date.now()}`,
    attempts: 1,
    timeoutMs: 10_000,
  });
const storedSubjects = async () =>
  (await (await jetstreamManager(operator)).streams.info(SHARES_STREAM, { subjects_filter: '>' })).state
    .subjects ?? {};

describe('bus storage is bounded (hillside with its own NATS credentials)', () => {
  it('cannot publish to an agency that does not exist, nor to one no agreement lets it send to', async () => {
    // Every agency no agreement lets hillside send to, read from the region's own signed directory.
    const view = await regionDirectory(run);
    const barred = [
      'zz-nobody',
      ...view.directory.agencies
        .map((a) => a.id)
        .filter(
          (id) =>
            id !== 'hillside' &&
            !view.directory.agreements.some(
              (a) => a.senders.includes('hillside') && a.recipients.includes(id),
            ),
        ),
    ];
    // The board takes figures from every partner: what it may never receive is refused at its
    // connector (no agreement covers an identifiable kind), test/e2e/share.test.ts.
    expect(barred).toContain('barnardos-cymru');
    for (const to of barred) {
      const subject = shareSubject(to, 'hillside');
      // nats-server's own refusal (a timeout would not match), final: no retry.
      await expect(publishJunk(subject)).rejects.toMatchObject({
        code: 'NO_AGREEMENT',
        cause: expect.objectContaining({ message: `Permissions Violation for Publish to "${subject}"` }),
      });
    }
    const stored = Object.keys(await storedSubjects());
    for (const to of barred) expect(stored).not.toContain(shareSubject(to, 'hillside'));
  });

  it('cannot store a message larger than an envelope may be', async () => {
    const subject = shareSubject('wrexham-cs', 'hillside');
    await expect(
      publishJunk(subject, DEFAULT_MAX_ENVELOPE_BYTES + HEADER_ALLOWANCE_BYTES + 1),
    ).rejects.toMatchObject({
      code: 'ENVELOPE_TOO_LARGE',
      message: expect.stringContaining('message size exceeds maximum allowed'),
    });
    expect(await storedSubjects()).not.toHaveProperty(subject);
  });

  it('filling its quota for one recipient fails closed for hillside, loudly, and for no one else', async () => {
    const hillsideApi = clientOf(run, 'hillside');
    const care = await example('care-home-transition');
    // A genuine share first: it must survive the flood.
    const before = await hillsideApi.send({
      kind: 'care-home-transition',
      payload: care,
      recipients: ['npt-cs'],
    });
    const pair = shareSubject('npt-cs', 'hillside');
    let flooded = 0;
    const refusal = await (async () => {
      for (let i = 0; i < PER_PAIR + 5; i++) {
        try {
          await publishJunk(pair);
          flooded++;
        } catch (e) {
          return e as { code?: string; message?: string };
        }
      }
      return undefined;
    })();
    expect(refusal).toMatchObject({ code: 'BUS_STORAGE_FULL' });
    expect(refusal?.message).toContain(pair);
    expect(refusal?.message).toContain('maximum messages per subject exceeded');
    expect(flooded).toBe(PER_PAIR - 1);

    // Its own API now refuses a share to that recipient with 507, naming it, and counts it.
    await expect(
      hillsideApi.send({ kind: 'care-home-transition', payload: care, recipients: ['npt-cs'] }),
    ).rejects.toMatchObject({
      status: 507,
      code: 'BUS_STORAGE_FULL',
      message: expect.stringContaining('npt-cs'),
    });
    const metrics = await (
      await fetch(`${run.region.agencies.hillside!.connector}/metrics`, {
        headers: { authorization: `Bearer ${run.region.agencies.hillside!.tokens.system}` },
      })
    ).text();
    expect(metrics).toMatch(/cwtch_bus_storage_full_total\{recipient="npt-cs"\} 1/);

    // Everyone else goes on: another sender to the same recipient, and hillside to another recipient.
    const swansea = await clientOf(run, 'swansea-cs').send({
      kind: 'missing-episode',
      payload: await example('missing-episode'),
      recipients: ['npt-cs'],
    });
    const other = await hillsideApi.send({
      kind: 'care-home-transition',
      payload: care,
      recipients: ['swansea-cs'],
    });
    const inbox = (agency: string) => clientOf(run, agency).inbox({ limit: 500 });
    await eventually(
      async () => {
        const ids = (await inbox('npt-cs')).map((i) => i.id);
        return ids.includes(before.id) && ids.includes(swansea.id);
      },
      30_000,
      'both genuine shares in npt-cs inbox',
    );
    await eventually(
      async () => (await inbox('swansea-cs')).some((i) => i.id === other.id),
      30_000,
      "hillside's share to swansea-cs",
    );

    // Nothing stored was dropped: the pair holds exactly its quota, the genuine share first.
    expect((await storedSubjects())[pair]).toBe(PER_PAIR);
    const jsm = await jetstreamManager(operator);
    expect((await jsm.streams.info(SHARES_STREAM)).state.first_seq).toBe(1);
    const first = await jsm.direct.getMessage(SHARES_STREAM, { next_by_subj: pair, seq: 1 });
    expect(first?.header.get('Nats-Msg-Id')).toBe(`${before.id}.npt-cs`);
  });

  it('keeps one dead-letter copy per refused junk message, and shows the pair and backlog in the usage metrics', async () => {
    const jsm = await jetstreamManager(operator);
    const dead = await eventually(
      async () => {
        const info = await jsm.streams.info(DEAD_LETTER_STREAM, { subjects_filter: '>' });
        const n = info.state.subjects?.[deadLetterSubject('npt-cs')] ?? 0;
        return n >= PER_PAIR - 1 ? n : undefined;
      },
      30_000,
      'npt-cs dead letters for the junk',
    );
    expect(dead).toBe(PER_PAIR - 1);
    const usage = await readBusUsage(jsm, Object.keys(run.region.agencies));
    expect(usage.maxMessagesPerPair).toBe(PER_PAIR);
    expect(usage.pairs).toContainEqual({ type: 'share', to: 'npt-cs', from: 'hillside', messages: PER_PAIR });
    expect(usage.agencies.find((a) => a.agency === 'npt-cs')).toMatchObject({
      pending: 0,
      deadLetters: PER_PAIR - 1,
    });
  });

  it('the full export still verifies', async () => {
    const result = await exportAndVerify(run);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 90_000);
});
