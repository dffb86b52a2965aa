import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type RegionFile, shiftDates } from '@cwtch/contracts';
import { connectorAudience, createDevIssuer, type DevIssuer, type DevUser } from '@cwtch/http';
import { createConnectorClient } from '@cwtch/sdk';
import { readExample } from './example.ts';
import { loadRegion, regionPath } from './region-client.ts';

/** The named people of the demo region: a front-door worker and a manager per agency. */
const PEOPLE: Readonly<Record<string, readonly [front: [string, string], manager: [string, string]]>> = {
  'swansea-cs': [
    ['Siân Hughes', 'Social worker, front door'],
    ['Owain Davies', 'Team manager, front door'],
  ],
  'npt-cs': [
    ['Megan Rees', 'Social worker, front door'],
    ['Huw Jenkins', 'Team manager, front door'],
  ],
  'south-wales-police': [
    ['DC Rhys Powell', 'Public protection unit'],
    ['DS Carys Lloyd', 'Public protection unit sergeant'],
  ],
  'swansea-bay-health': [
    ['Nia Roberts', 'Safeguarding nurse'],
    ['Dr Alun Griffiths', 'Named doctor for safeguarding'],
  ],
  'barnardos-cymru': [
    ['Lowri Thomas', 'Project worker, exploitation service'],
    ['Gethin Morgan', 'Service manager'],
  ],
  hillside: [
    ['Ffion Jones', 'Duty manager'],
    ['Dafydd Thomas', 'Registered manager'],
  ],
  'wrexham-cs': [
    ['Elin Parry', 'Social worker, front door'],
    ['Gareth Wyn', 'Team manager, front door'],
  ],
  'north-wales-police': [
    ['PC Iwan Hughes', 'Missing person coordinator'],
    ['DS Bethan Owen', 'Public protection unit sergeant'],
  ],
  'dudley-cs': [
    ['Priya Sharma', 'Social worker, Dudley MASH'],
    ['Mark Bennett', 'Team manager, Dudley MASH'],
  ],
  'west-midlands-police': [
    ['DC Kevin Walsh', 'Missing persons unit'],
    ['DS Joanne Clarke', 'Public protection unit sergeant'],
  ],
  'wg-board': [
    ['Mererid Lewis', 'Board support officer'],
    ['Aled Price', 'Board business manager'],
  ],
};
const AUDITORS: readonly [string, string][] = [
  ['Anna Baker', 'Regional auditor'],
  ['Tomos Ellis', 'Information governance auditor'],
];

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The demo users `cwtch dev` offers on each sign-in page, for these agencies and the region's auditors. */
export function demoUsers(agencies: readonly string[]): DevUser[] {
  const users: DevUser[] = [];
  for (const agency of agencies) {
    const [front, manager] = PEOPLE[agency] ?? [
      [`${agency} front door`, 'Front door'],
      [`${agency} manager`, 'Manager'],
    ];
    users.push({
      sub: `${agency}/${slug(front[0])}`,
      name: front[0],
      agency,
      roles: ['frontdoor'],
      title: front[1],
    });
    users.push({
      sub: `${agency}/${slug(manager[0])}`,
      name: manager[0],
      agency,
      roles: ['manager'],
      title: manager[1],
    });
  }
  for (const [name, title] of AUDITORS)
    users.push({ sub: `region/${slug(name)}`, name, agency: 'region', roles: ['auditor'], title });
  return users;
}

const DAY = 86_400_000;
/** The examples tell one story in March 2025; the demo moves it so that its last day is today. */
const STORY_DAY = Date.UTC(2025, 2, 14);

async function example(kind: string, days: number): Promise<Record<string, unknown>> {
  return shiftDates(await readExample(kind), days) as Record<string, unknown>;
}

/** One share of a story: who sends what to whom, and who acknowledges it at once. */
interface Step {
  readonly story: string;
  readonly from: string;
  readonly kind: string;
  readonly to: readonly string[];
  readonly acknowledgedBy: readonly string[];
  /** A respond-by this soon after sending (the escalation a manager sees when it passes). */
  readonly respondInMs?: number;
}

const STEPS: readonly Step[] = [
  {
    story: 'Found far from home: North Wales Police tell both areas',
    from: 'north-wales-police',
    kind: 'out-of-area-move',
    to: ['swansea-cs', 'south-wales-police', 'wrexham-cs'],
    acknowledgedBy: ['south-wales-police'],
    respondInMs: 60_000,
  },
  {
    story: 'The missing episode, with the return interview',
    from: 'swansea-cs',
    kind: 'missing-episode',
    to: ['south-wales-police', 'north-wales-police'],
    acknowledgedBy: ['south-wales-police'],
  },
  {
    story: 'Partner intelligence straight to the police',
    from: 'barnardos-cymru',
    kind: 'intelligence-form',
    to: ['south-wales-police'],
    acknowledgedBy: [],
  },
  {
    story: 'Back on the exploitation protocol: partners told',
    from: 'swansea-cs',
    kind: 'cse-protocol-entry',
    to: ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'],
    acknowledgedBy: ['south-wales-police', 'swansea-bay-health'],
  },
  {
    story: "The secure home's transition, before the move",
    from: 'hillside',
    kind: 'care-home-transition',
    to: ['swansea-cs', 'south-wales-police', 'wrexham-cs', 'north-wales-police'],
    acknowledgedBy: ['north-wales-police'],
  },
];

/** What the demo sent: one line per share. */
export interface DemoShare {
  readonly story: string;
  readonly id: string;
  readonly from: string;
  readonly kind: string;
  readonly to: readonly string[];
  readonly acknowledgedBy: readonly string[];
}

async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Plays the stories of DESIGN §1 into a running region through each agency's connector (the
 * SDK, as a case system would): a child found far from home, the missing episode, partner
 * intelligence, the exploitation protocol, the secure home's transition. Some recipients
 * acknowledge at once (as the named demo people when the data folder's dev issuer is at hand);
 * the rest stay waiting, so the inboxes show both.
 */
export async function playDemo(options: {
  readonly region: RegionFile;
  readonly issuer?: DevIssuer | undefined;
  readonly now?: number;
  readonly log?: (line: string) => void;
}): Promise<DemoShare[]> {
  const { region, issuer } = options;
  const now = options.now ?? Date.now();
  const days = Math.floor((now - STORY_DAY) / DAY);
  const agency = (id: string) => {
    const a = region.agencies[id];
    if (!a) throw new Error(`the region has no agency ${id}`);
    return a;
  };
  const people = demoUsers(Object.keys(region.agencies));
  const ackToken = async (id: string) => {
    const person = people.find((u) => u.agency === id && u.roles.includes('frontdoor'));
    if (!issuer || !person) return agency(id).tokens.frontdoor;
    return issuer.sign({ ...person, audience: connectorAudience(id), ttlSeconds: 600 });
  };
  const shares: DemoShare[] = [];
  for (const step of STEPS) {
    const payload = await example(step.kind, days);
    const sender = createConnectorClient({
      baseUrl: agency(step.from).connector,
      token: agency(step.from).tokens.system,
    });
    const { id } = await sender.send({
      kind: step.kind,
      payload,
      recipients: [...step.to],
      ...(step.respondInMs ? { respondBy: new Date(now + step.respondInMs).toISOString() } : {}),
    });
    for (const to of step.acknowledgedBy) {
      const reader = createConnectorClient({ baseUrl: agency(to).connector, token: await ackToken(to) });
      await until(() => reader.get(id), `${step.kind} in ${to}'s inbox`);
      await reader.acknowledge(id);
    }
    shares.push({
      story: step.story,
      id,
      from: step.from,
      kind: step.kind,
      to: step.to,
      acknowledgedBy: step.acknowledgedBy,
    });
    options.log?.(`  ${step.story}: ${step.kind} ${step.from} → ${step.to.join(', ')} (${id})`);
  }
  return shares;
}

/** The dev issuer of the data folder holding `regionFile`, if readable (named people acknowledge). */
export async function demoIssuer(regionFile: string): Promise<DevIssuer | undefined> {
  const file = join(dirname(regionFile), 'secrets', 'issuer.jwk.json');
  return existsSync(file) ? createDevIssuer(JSON.parse(await readFile(file, 'utf8'))) : undefined;
}

/** `cwtch demo --region FILE`: plays the demo stories into a running region. */
export async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { region: { type: 'string' }, data: { type: 'string' } },
  });
  const file = regionPath(values);
  const region = await loadRegion(file);
  process.stdout.write('Playing the demo stories (DESIGN §1):\n');
  await playDemo({ region, issuer: await demoIssuer(file), log: (l) => process.stdout.write(`${l}\n`) });
}
