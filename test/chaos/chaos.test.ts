import { describe, it } from 'vitest';
import { chaosScenario, currentRegion } from './harness.ts';

const kill = (pid: number): void => {
  process.kill(pid, 'SIGKILL');
};

describe('chaos: nothing lost, nothing doubled (processes killed with SIGKILL mid-run)', () => {
  it('nats-server killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario(async (run) => kill((await currentRegion(run)).nats.pid));
  });
  it('the recipient connector killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario(async (run) => kill((await currentRegion(run)).agencies['swansea-cs']!.pid));
  });
  it('the audit service killed and restarted (the log stays gapless and its root verifies)', {
    timeout: 300_000,
  }, async () => {
    await chaosScenario(async (run) => kill((await currentRegion(run)).audit.pid));
  });
  it('a 3-node cluster with replicas 3: one node killed and restarted', { timeout: 300_000 }, async () => {
    await chaosScenario(
      async (run) => kill((await currentRegion(run)).nats.nodes![1]!.pid),
      ['--cluster', '3'],
    );
  });
});
