import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RegionFile } from '@cwtch/contracts';
import { demoIssuer } from './demo.ts';
import { DEFAULT_MONTH_SEED, loadExamples, type MonthPlan, planMonth } from './month/plan-month.ts';
import { type PlayedNotification, playMonth } from './month/play-month.ts';

export { DEFAULT_MONTH_SEED, type MonthPlan, planMonth } from './month/plan-month.ts';
export type { PlayedNotification } from './month/play-month.ts';

/** `cwtch demo --help`. */
export const DEMO_HELP = `cwtch demo: play traffic into a running demo region (started by cwtch dev)

  cwtch demo [--region FILE]
      the stories of DESIGN §1: a child found far from home, the missing episode, partner
      intelligence, the exploitation protocol, the secure home's transition

  cwtch demo --month [--region FILE] [--seed N] [--force]
      a synthetic month of traffic, so the board's sheet and charts mean something: 40–60
      children (and a few care leavers) of Swansea, Neath Port Talbot, Wrexham and Dudley, and
      a few hundred notifications of every kind from every demo agency, dated from the 1st of
      the current month (London time) up to now. Recipients acknowledge after a few seconds;
      about one copy in ten is left waiting and some respond-by times pass, so the escalation
      ladder climbs; some handovers are accepted or declined. The plan (every notification's
      share id, recipients and the coded facts the board's figures count) is written as
      demo-month-YYYY-MM.json beside region.json. The plan is fixed by --seed (default
      ${DEFAULT_MONTH_SEED}) and the moment it runs. A region that already has this month's plan
      refuses a second one (the board's figures would count both) unless --force is given.

  --region FILE   region.json of the running region (default .cwtch/dev/region.json)
`;

/** The plan file as `cwtch demo --month` writes it beside region.json. */
export interface MonthPlanFile {
  readonly format: 'cwtch-demo-month/1';
  readonly month: string;
  readonly seed: number;
  readonly plannedAt: string;
  /** `planned` before playing, `played` once every send went, `incomplete` when some were refused. */
  readonly status: 'planned' | 'played' | 'incomplete';
  readonly playedAt: string | null;
  readonly children: MonthPlan['children'];
  /** In sending order; once played, each with its share id, recipients and copies. */
  readonly notifications: readonly (
    | Omit<MonthPlan['notifications'][number], 'payload'>
    | PlayedNotification
  )[];
  readonly refused: readonly { readonly id: string; readonly kind: string; readonly error: string }[];
}

/** Where the month's plan goes: beside region.json. */
export function monthPlanPath(regionFile: string, month: string): string {
  return join(dirname(resolve(regionFile)), `demo-month-${month}.json`);
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/** The run in figures: the summary `cwtch demo --month` prints. */
export function summariseMonth(plan: MonthPlan, played: readonly PlayedNotification[]) {
  const byKind: Record<string, number> = {};
  for (const n of played) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const copies = played.flatMap((n) => n.copies);
  const answered = (status: string) =>
    copies.filter((c) => c.responses.some((r) => r.status === status)).length;
  const overdue = played.filter((n) => {
    if (n.respondBy === null) return false;
    const due = Date.parse(n.respondBy);
    const taken = n.copies.some((c) => c.responses.some((r) => r.status === 'accepted'));
    return n.copies.some(
      (c) =>
        c.acknowledgedAt === null ||
        Date.parse(c.acknowledgedAt) > due ||
        (n.handover &&
          !taken &&
          !c.responses.some((r) => r.status === 'accepted' || r.status === 'declined')),
    );
  });
  return {
    children: plan.children.filter((c) => !c.adult).length,
    careLeavers: plan.children.filter((c) => c.adult).length,
    notifications: played.length,
    byKind,
    copies: copies.length,
    acknowledged: copies.filter((c) => c.acknowledgedAt !== null).length,
    waiting: copies.filter((c) => c.acknowledgedAt === null).length,
    withRespondBy: played.filter((n) => n.respondBy !== null).length,
    overdue: overdue.length,
    accepted: answered('accepted'),
    declined: answered('declined'),
    actioned: answered('actioned'),
  };
}

/** `cwtch demo --month`: plans the current month and plays it into the running region. */
export async function demoMonthCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      month: { type: 'boolean' },
      region: { type: 'string', default: '.cwtch/dev/region.json' },
      seed: { type: 'string', default: String(DEFAULT_MONTH_SEED) },
      force: { type: 'boolean' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  const regionFile = values.region!;
  const region = RegionFile.parse(JSON.parse(await readFile(regionFile, 'utf8')));
  const started = Date.now();
  const plan = planMonth({ seed, now: started, examples: await loadExamples() });
  const file = monthPlanPath(regionFile, plan.month);
  if (existsSync(file) && !values.force) {
    throw new Error(
      `${plan.month} was already played into this region (${file}); the board's figures would count it twice. Use --force to play it again.`,
    );
  }
  const base = {
    format: 'cwtch-demo-month/1' as const,
    month: plan.month,
    seed,
    plannedAt: plan.plannedAt,
    children: plan.children,
  };
  await writeJson(file, {
    ...base,
    status: 'planned',
    playedAt: null,
    notifications: plan.notifications.map(({ payload: _, ...n }) => n),
    refused: [],
  } satisfies MonthPlanFile);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `Playing a month of traffic for ${plan.month} (seed ${seed}): ${plan.notifications.length} notifications planned`,
  );
  const { played, failed } = await playMonth({ region, plan, issuer: await demoIssuer(regionFile), log });
  await writeJson(file, {
    ...base,
    status: failed.length > 0 ? 'incomplete' : 'played',
    playedAt: new Date().toISOString(),
    notifications: played,
    refused: failed,
  } satisfies MonthPlanFile);
  const s = summariseMonth(plan, played);
  log(`  ${s.children} children and ${s.careLeavers} care leavers; ${s.notifications} notifications sent:`);
  for (const [kind, count] of Object.entries(s.byKind).sort(([a], [b]) => a.localeCompare(b)))
    log(`    ${kind.padEnd(26)} ${count}`);
  log(`  ${s.acknowledged} of ${s.copies} copies acknowledged; ${s.waiting} left waiting`);
  log(
    `  ${s.overdue} of ${s.withRespondBy} shares with a respond-by left overdue (the escalation ladder climbs for them)`,
  );
  log(`  handovers: ${s.accepted} accepted, ${s.declined} declined; ${s.actioned} actioned`);
  if (failed.length > 0) log(`  ${failed.length} refused (listed in the plan file)`);
  log(`  plan: ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (failed.length > 0)
    throw new Error(`${failed.length} of ${plan.notifications.length} notifications were refused`);
}
