import { describe, it } from 'vitest';
import { chaosScenario } from './harness.ts';

describe('chaos: nothing lost, nothing doubled (processes killed with SIGKILL mid-run)', () => {
  it('nats-server killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario({ name: 'nats-server', pidOf: (r) => r.nats.pid });
  });
  it('the recipient connector killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario({ name: 'the swansea-cs connector', pidOf: (r) => r.agencies['swansea-cs']!.pid });
  });
  it('the audit service killed and restarted (the log stays gapless and its root verifies)', {
    timeout: 300_000,
  }, async () => {
    await chaosScenario({ name: 'the audit service', pidOf: (r) => r.audit.pid });
  });
  it('a 3-node cluster with replicas 3: one node killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario({ name: 'cluster node 2', pidOf: (r) => r.nats.nodes![1]!.pid }, ['--cluster', '3']);
  });
});
