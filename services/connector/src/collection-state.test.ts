import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUDIT_API,
  connectBus,
  type NatsConnection,
  type NatsServerHandle,
  startNatsServer,
} from '@cwtch/bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionState, spanOf } from './collection-state.ts';

let dir = '';
let server: NatsServerHandle;
let nc: NatsConnection;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwtch-collection-'));
  server = await startNatsServer({ dataDir: dir });
  nc = await connectBus({ servers: server.url, name: 'collection-test' });
});
afterAll(async () => {
  await nc?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('CollectionState (real nats-server)', () => {
  it('warns about a recipient silent beyond the threshold, keeps the last answer when the audit service is gone', async () => {
    const state = new CollectionState(nc, { thresholdMs: 60_000, refreshMs: 200 });
    // Nothing heard yet: no warning, and the state says so.
    expect(await state.refresh()).toBe(false);
    expect(state.status()).toEqual({ at: null, stale: true });
    expect(state.warningsFor(['npt-cs'])).toEqual([]);

    // The audit service's side of the request, on the same bus.
    const audit = nc.subscribe(AUDIT_API.collection, {
      callback: (_err, msg) => {
        msg.respond(
          JSON.stringify({
            at: 5000,
            agencies: {
              'npt-cs': { lastCollectedAt: 4000, backlog: 0, silentForMs: 0 },
              'south-wales-police': { lastCollectedAt: 0, backlog: 3, silentForMs: 1_260_000 },
              'swansea-bay-health': { lastCollectedAt: 0, backlog: 0, silentForMs: 59_000 },
            },
          }),
        );
      },
    });
    expect(await state.refresh()).toBe(true);
    expect(state.status()).toEqual({ at: 5000, stale: false });
    expect(state.silentFor('south-wales-police')).toBe(1_260_000);
    expect(state.silentFor('swansea-bay-health')).toBeNull();
    expect(state.warningsFor(['npt-cs', 'south-wales-police', 'swansea-bay-health', 'unknown'])).toEqual([
      {
        code: 'RECIPIENT_NOT_COLLECTING',
        agency: 'south-wales-police',
        silentForMs: 1_260_000,
        message:
          'south-wales-police has not collected its inbox for 21 min: the share waits on the bus until it does; if it cannot wait, phone them',
      },
    ]);

    audit.unsubscribe();
    await nc.flush();
    expect(await state.refresh()).toBe(false);
    expect(state.status()).toEqual({ at: 5000, stale: true });
    expect(state.silentFor('south-wales-police')).toBe(1_260_000);
  });

  it('says how long in the units a person reads', () => {
    expect(spanOf(45_000)).toBe('45 s');
    expect(spanOf(20 * 60_000)).toBe('20 min');
    expect(spanOf(185 * 60_000)).toBe('3 h 5 min');
    expect(spanOf(3 * 86_400_000)).toBe('3 d');
  });
});
