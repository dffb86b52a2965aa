import { join } from 'node:path';
import { createConnectorClient } from '@cwtch/sdk';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion({ args: ['--tls'] });

describe('the region over TLS', () => {
  it('serves NATS only over TLS, and a share still goes end to end', async () => {
    const run = region();
    expect(run.region.nats.url).toMatch(/^tls:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(run.region.nats.url).port);
    // A client that does not speak TLS is refused.
    await expect(
      connect({ servers: `nats://127.0.0.1:${port}`, tls: null, timeout: 2000, reconnect: false }),
    ).rejects.toThrow();
    // One that trusts the wrong CA is refused too (the system store does not know the test CA).
    await expect(
      connect({ servers: `tls://127.0.0.1:${port}`, timeout: 2000, reconnect: false }),
    ).rejects.toThrow();
    // With the region's CA, an agency's credentials work.
    const nc = await connect({
      servers: run.region.nats.url,
      tls: { caFile: join(run.dataDir, 'secrets', 'tls', 'ca.pem') },
      timeout: 3000,
      reconnect: false,
      authenticator: (await import('@nats-io/transport-node')).nkeyAuthenticator(
        new TextEncoder().encode(
          (
            await (
              await import('node:fs/promises')
            ).readFile(run.region.agencies.hillside!.natsCreds!, 'utf8')
          ).trim(),
        ),
      ),
      inboxPrefix: '_INBOX_hillside',
    });
    await nc.close();

    const a = run.region.agencies;
    const hillside = createConnectorClient({
      baseUrl: a.hillside!.connector,
      token: a.hillside!.tokens.system,
    });
    const swansea = createConnectorClient({
      baseUrl: a['swansea-cs']!.connector,
      token: a['swansea-cs']!.tokens.frontdoor,
    });
    const payload = await example('care-home-transition');
    const { id } = await hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });
    const item = await eventually(
      async () => (await swansea.inbox()).find((i) => i.id === id),
      15_000,
      'the share over TLS',
    );
    expect(item.payload).toEqual(payload);
    await eventually(
      async () => (await hillside.outbox(id)).recipients[0]?.status === 'delivered',
      15_000,
      'delivered receipt over TLS',
    );
  });
});
