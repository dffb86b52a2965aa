import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

/** What the case system's endpoint saw of one POST. */
interface Delivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

// The case system's endpoint on 127.0.0.1: it records every POST and answers as `answer` says.
const deliveries: Delivery[] = [];
let answer: (res: ServerResponse) => void = (res) => res.writeHead(500).end();
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    answer(res);
  });
});
const env: Record<string, string> = {
  CWTCH_WEBHOOK_RETRY_MIN_MS: '200',
  CWTCH_WEBHOOK_RETRY_MAX_MS: '1000',
  CWTCH_WEBHOOK_TIMEOUT_MS: '2000',
};
beforeAll(async () => {
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  env.CWTCH_WEBHOOK_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cases/webhook`;
});
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});
const region = useRegion({ env });

/** The Standard Webhooks check, written as a case system would write it (README). */
function verified(secret: string, d: Delivery): boolean {
  const [id, ts, sig] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
    String(d.headers[h]),
  );
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const mac = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${d.body}`).digest('base64')}`;
  return (
    Math.abs(Date.now() / 1000 - Number(ts)) < 300 &&
    String(sig)
      .split(' ')
      .some((s) => s.length === mac.length && timingSafeEqual(Buffer.from(s), Buffer.from(mac)))
  );
}

const client = (r: RunningRegion, agency: string) =>
  createConnectorClient({
    baseUrl: r.region.agencies[agency]!.connector,
    token: r.region.agencies[agency]!.tokens.system,
  });

describe('webhooks to a case system through a real region (issue 13 item 9)', () => {
  it('a share to Swansea reaches its case system signed, after a 500 and a connector restart, once', async () => {
    const r = region();
    const swansea = r.region.agencies['swansea-cs']!;
    const secret = (
      await readFile(join(r.dataDir, 'agencies', 'swansea-cs', 'webhook-secret'), 'utf8')
    ).trim();
    const payload = await example('care-home-transition');
    const sent = await client(r, 'hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs'],
    });
    const eventId = `${sent.id}.received`;
    const ofIt = () => deliveries.filter((d) => d.headers['webhook-id'] === eventId);

    // The case system fails the first attempt; then the connector dies with the event queued.
    await eventually(() => ofIt().length >= 1, 20_000, 'a first attempt');
    process.kill(swansea.pid, 'SIGKILL');
    await eventually(
      async () => {
        const now = JSON.parse(
          await readFile(join(r.dataDir, 'region.json'), 'utf8'),
        ) as RunningRegion['region'];
        return now.agencies['swansea-cs']!.pid !== swansea.pid;
      },
      20_000,
      'the connector restarted',
    );
    answer = (res) => res.writeHead(204).end();
    const failed = ofIt().length;
    await eventually(() => ofIt().length > failed, 20_000, 'an attempt after the restart');

    const attempts = ofIt();
    // The failed attempt and the one that succeeded carry the same webhook-id, so a receiver dedupes.
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    const last = attempts.at(-1)!;
    expect(attempts.every((d) => verified(secret, d))).toBe(true);
    expect(
      verified(secret, { ...last, body: last.body.replace('"care-home-transition"', '"missing-episode"') }),
    ).toBe(false);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ id: eventId, type: 'notification.received' });
    expect(body.data).toEqual(JSON.parse(JSON.stringify(await client(r, 'swansea-cs').get(sent.id))));

    // Once accepted it is never sent again: the next share arrives, the first does not.
    const next = await client(r, 'hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs'],
    });
    await eventually(
      () => deliveries.some((d) => d.headers['webhook-id'] === `${next.id}.received`),
      20_000,
      'next',
    );
    expect(ofIt()).toHaveLength(attempts.length);
    const health = (await (await fetch(`${swansea.connector}/healthz`)).json()) as {
      webhooks: { queued: number };
    };
    expect(health.webhooks.queued).toBe(0);
  });
});
