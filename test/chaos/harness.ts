import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RegionFile } from '@cwtch/contracts';
import { createConnectorClient } from '@cwtch/sdk';
import { expect } from 'vitest';
import { sendUntil } from '../support/load.ts';
import {
  alive,
  eventually,
  example,
  type RunningRegion,
  removeDataDir,
  startRegion,
  tempDataDir,
} from '../support/region.ts';

/** How many notifications each scenario keeps in flight (CWTCH_CHAOS_COUNT; 1,000 for the full run). */
export const CHAOS_COUNT = Number(process.env.CWTCH_CHAOS_COUNT ?? 300);
/** Fewer sends than this and the kill could not land mid-run with sends after it. */
const MIN_CHAOS_COUNT = 10;

/** The process a scenario kills: its name and where region.json says its pid is. */
export interface ChaosTarget {
  readonly name: string;
  readonly pidOf: (region: RegionFile) => number;
}

/** The region's current state (pids change as the supervisor restarts what was killed). */
export async function currentRegion(run: RunningRegion): Promise<RegionFile> {
  return RegionFile.parse(JSON.parse(await readFile(join(run.dataDir, 'region.json'), 'utf8')));
}

/**
 * One chaos scenario: hillside sends CHAOS_COUNT care-home transitions to swansea-cs while the
 * target is killed with SIGKILL once, 30% of the way in. The kill must have happened with sends
 * still to come, and the supervisor must have restarted the target under a new pid. Afterwards
 * every notification that got a 202 must be in Swansea's inbox exactly once, receipted as
 * delivered, and in the share log exactly once.
 */
export async function chaosScenario(
  target: ChaosTarget,
  args: string[] = [],
): Promise<{ refused: Map<string, number> }> {
  if (!Number.isInteger(CHAOS_COUNT) || CHAOS_COUNT < MIN_CHAOS_COUNT) {
    throw new Error(
      `CWTCH_CHAOS_COUNT must be an integer of at least ${MIN_CHAOS_COUNT}, not ${CHAOS_COUNT}`,
    );
  }
  const dataDir = await tempDataDir();
  const run = await startRegion(dataDir, args, {
    CWTCH_RATE_LIMIT_BURST: '1000000',
    CWTCH_RATE_LIMIT_PER_SECOND: '1000000',
  });
  try {
    const a = run.region.agencies;
    const hillside = createConnectorClient({
      baseUrl: a.hillside!.connector,
      token: a.hillside!.tokens.system,
    });
    const swansea = createConnectorClient({
      baseUrl: a['swansea-cs']!.connector,
      token: a['swansea-cs']!.tokens.system,
    });
    const payload = await example('care-home-transition');
    let struck: Promise<{ pid: number; acceptedBefore: number }> | undefined;
    const { accepted, refused } = await sendUntil(
      hillside,
      { kind: 'care-home-transition', payload, recipients: ['swansea-cs'] },
      CHAOS_COUNT,
      {
        onProgress: (n) => {
          if (!struck && n >= CHAOS_COUNT * 0.3) {
            struck = (async () => {
              const pid = target.pidOf(await currentRegion(run));
              process.kill(pid, 'SIGKILL');
              return { pid, acceptedBefore: n };
            })();
          }
        },
      },
    );
    expect(struck, `${target.name} was never killed`).toBeDefined();
    const kill = await struck!;
    expect(kill.acceptedBefore, 'sends accepted before the kill').toBeLessThan(CHAOS_COUNT);
    expect(accepted).toHaveLength(CHAOS_COUNT);
    // The supervisor noticed the death and started the target again under a new pid.
    const restarted = await eventually(
      async () => {
        const pid = target.pidOf(await currentRegion(run));
        return pid !== kill.pid && alive(pid) ? pid : undefined;
      },
      60_000,
      `${target.name} restarted after the kill`,
    );
    expect(alive(kill.pid), `the killed ${target.name} (pid ${kill.pid})`).toBe(false);
    console.log(
      `${target.name}: pid ${kill.pid} killed after ${kill.acceptedBefore} of ${CHAOS_COUNT} accepted sends, restarted as pid ${restarted}; refused meanwhile: ${JSON.stringify(Object.fromEntries(refused))}`,
    );

    // Every 202 is in the inbox, exactly once.
    const ids = await eventually(
      async () => {
        const items = (await swansea.inbox({ limit: 5000 })).map((i) => i.id);
        return accepted.every((id) => items.includes(id)) ? items : undefined;
      },
      120_000,
      'every accepted notification in the inbox',
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => accepted.includes(id))).toHaveLength(accepted.length);

    // Receipted, and logged exactly once.
    const audit = async () => {
      const r = await currentRegion(run);
      const res = await fetch(`${r.audit.url}/v1/shares?agency=hillside&limit=100000`, {
        headers: { authorization: `Bearer ${r.audit.token}` },
      });
      return (
        (await res.json()) as {
          size: number;
          items: { id: string; copies: { to: string }[]; receipts: { agency: string; status: string }[] }[];
        }
      ).items;
    };
    const shares = await eventually(
      async () => {
        const items = new Map((await audit()).map((s) => [s.id, s]));
        const done = accepted.every((id) =>
          items.get(id)?.receipts.some((r) => r.agency === 'swansea-cs' && r.status === 'delivered'),
        );
        return done ? items : undefined;
      },
      120_000,
      'every notification logged and receipted',
    );
    for (const id of accepted) {
      const s = shares.get(id)!;
      expect(s.copies.filter((c) => c.to === 'swansea-cs')).toHaveLength(1);
      expect(s.receipts.filter((r) => r.agency === 'swansea-cs' && r.status === 'delivered')).toHaveLength(1);
    }
    await expectLogVerifies(run);
    return { refused };
  } finally {
    await run.stop();
    await removeDataDir(dataDir);
  }
}

/** The share log is gapless and its root verifies: an exported bundle passes the offline verifier. */
export async function expectLogVerifies(run: RunningRegion): Promise<void> {
  const { verifyBundle } = await import('@cwtch/audit-verify');
  const r = await currentRegion(run);
  const auth = { headers: { authorization: `Bearer ${r.audit.token}` } };
  const { size } = (await (await fetch(`${r.audit.url}/v1/shares?kind=none`, auth)).json()) as {
    size: number;
  };
  // A checkpoint the witnesses cosigned that covers the whole log as it stands now.
  const bundle = await eventually(
    async () => {
      const res = await fetch(`${r.audit.url}/v1/export`, auth);
      if (!res.ok) return undefined;
      const text = await res.text();
      return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { size: number }).size >= size
        ? text
        : undefined;
    },
    60_000,
    'a cosigned checkpoint covering the log',
  );
  const lines = (async function* () {
    yield* bundle.split('\n').filter((l) => l.length > 0);
  })();
  const report = await verifyBundle(lines, trustOf(r));
  expect(report.findings.map((f) => `${f.code} at ${f.index}: ${f.message}`)).toEqual([]);
}

/** The pinned keys of a region, as the offline verifier takes them. */
export function trustOf(r: RegionFile) {
  return {
    governanceKey: r.trust.governanceKey,
    logKey: r.trust.logKey,
    logOrigin: r.trust.logOrigin ?? 'cwtch.example/audit/v1',
    witnesses: r.trust.witnesses ?? [],
    quorum: r.trust.quorum ?? 2,
  };
}
