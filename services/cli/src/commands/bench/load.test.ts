import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { offerLoad } from './load.ts';

/** A stand-in connector: answers each POST /v1/notifications after `delayMs`, refusing kind "bad". */
async function connector(delayMs: number) {
  const seen: { at: number; token: string | undefined; body: { kind: string; recipients: string[] } }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const body = JSON.parse(raw) as { kind: string; recipients: string[] };
      seen.push({ at: performance.timeOrigin + performance.now(), token: req.headers.authorization, body });
      setTimeout(() => {
        inFlight--;
        const refused = body.kind === 'bad';
        res.writeHead(refused ? 422 : 202, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            refused
              ? { error: { code: 'CONTRACT_INVALID', message: 'no' } }
              : { id: randomUUID(), recipients: body.recipients },
          ),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, server, mostInFlight: () => mostInFlight };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

describe('offerLoad', () => {
  it('offers a fixed rate from its worker thread, taking the sends in turn, and records each accepted one', async () => {
    const c = await connector(5);
    servers.push(c.server);
    const progress: number[] = [];
    const result = await offerLoad(
      [
        { baseUrl: c.url, token: 'one', request: { kind: 'k', recipients: ['a'] } },
        { baseUrl: c.url, token: 'two', request: { kind: 'bad', recipients: ['b'] } },
      ],
      { kind: 'fixed', rate: 200, seconds: 0.5 },
      (n) => progress.push(n),
    );
    expect(c.seen).toHaveLength(100);
    expect(c.seen.slice(0, 4).map((s) => s.token)).toEqual([
      'Bearer one',
      'Bearer two',
      'Bearer one',
      'Bearer two',
    ]);
    expect(result.refused).toBe(50);
    expect(result.records).toHaveLength(50);
    expect(new Set(result.records.map((r) => r.id)).size).toBe(50);
    // Each answer took the stand-in's 5 ms (less a timer's rounding) to come.
    expect(result.records.every((r) => r.recipients[0] === 'a' && r.acceptMs >= 4)).toBe(true);
    // Paced: the hundredth send is offered about half a second after the first, not at once.
    const span = c.seen.at(-1)!.at - c.seen[0]!.at;
    expect(span).toBeGreaterThan(400);
    // `started` is on the clock the records are on (epoch milliseconds), whichever thread reads it.
    expect(c.seen[0]!.at - result.started).toBeGreaterThan(-5);
    expect(c.seen[0]!.at - result.started).toBeLessThan(2000);
    expect(progress[0]).toBe(0);
  });

  it('at saturation keeps exactly the given number of sends in flight until the count is sent', async () => {
    const c = await connector(20);
    servers.push(c.server);
    const result = await offerLoad(
      [{ baseUrl: c.url, token: 't', request: { kind: 'k', recipients: ['a'] } }],
      {
        kind: 'saturation',
        count: 60,
        concurrency: 6,
      },
    );
    expect(result.records).toHaveLength(60);
    expect(result.refused).toBe(0);
    expect(c.mostInFlight()).toBe(6);
  });

  it('refuses a load with nothing to send', async () => {
    await expect(offerLoad([], { kind: 'saturation', count: 1, concurrency: 1 })).rejects.toThrow(
      'at least one send',
    );
  });
});
