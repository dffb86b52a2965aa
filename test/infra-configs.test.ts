import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../infra/scripts/check-nats-configs.sh', import.meta.url));

describe('production NATS configurations in infra/', () => {
  it('render, pass nats-server -t, and run: a 3-node TLS cluster with JetStream R3, a leaf node, a single node', () => {
    const run = () => spawnSync('bash', [script], { encoding: 'utf8', timeout: 120_000 });
    let r = run();
    // Its free ports can be taken by a parallel test's servers between choosing and binding.
    if (r.status !== 0 && `${r.stdout}${r.stderr}`.includes('address already in use')) r = run();
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-3000)).toBe(0);
  });
});
