import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  auditPermissions,
  type FederatedRegion,
  type NatsUser,
  renderAccounts,
  sharesSources,
} from '@cwtch/bus';
import { type CrossRegionStatement, type Directory, verifyDirectory } from '@cwtch/directory';
import { DEMO_AGENCIES, DEMO_AGREEMENTS } from './demo-region.ts';
import { agencyNatsPermissions } from './nats-authorization.ts';
import {
  homeAgencies,
  loadOrCreate,
  loadRegionFiles,
  type RegionFiles,
  type RegionPlan,
  saveDirectory,
} from './region-files.ts';

/** The agreement every share across the demo's border travels under (Dudley's minutes). */
export const CROSS_BORDER_AGREEMENT = 'waspi-isp-cross-border-missing-2026';

/** The English demo region's agencies; the Welsh region holds every other demo agency. */
const WEST_MIDLANDS = ['dudley-cs', 'west-midlands-police'];

/** The demo's regions by name (DESIGN §9: `cwtch dev --regions wales,west-midlands`). */
export const DEMO_REGIONS: Readonly<Record<string, readonly string[]>> = {
  wales: DEMO_AGENCIES.map((a) => a.id).filter((id) => !WEST_MIDLANDS.includes(id)),
  'west-midlands': WEST_MIDLANDS,
};

/** The plans of the regions named in `--regions` (at least two, each a demo region, none twice). */
export function regionPlans(names: readonly string[]): RegionPlan[] {
  const unknown = names.filter((n) => !DEMO_REGIONS[n]);
  if (unknown.length > 0)
    throw new Error(
      `unknown region ${unknown.join(', ')}: the demo has ${Object.keys(DEMO_REGIONS).join(', ')}`,
    );
  if (new Set(names).size !== names.length || names.length < 2)
    throw new Error('--regions needs two or more different regions, e.g. wales,west-midlands');
  return names.map((region) => ({ region, agencies: DEMO_REGIONS[region]! }));
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** A region's own agencies that are party to the cross-border agreement. */
function crossing(directory: Directory): string[] {
  const g = DEMO_AGREEMENTS.find((a) => a.id === CROSS_BORDER_AGREEMENT)!;
  const parties = new Set([...g.senders, ...g.recipients]);
  return homeAgencies(directory)
    .map((a) => a.id)
    .filter((id) => parties.has(id));
}

/**
 * Pins `other`'s governance key in `home`'s directory through a cross-region statement, and admits
 * `other`'s agencies party to the cross-border agreement, their keys taken from `other`'s signed
 * directory once it verified with that key. Signs and saves a new directory (serial + 1) only when
 * the statement or an admitted agency changed (a rotation or revocation over there), so two
 * regions pinning each other settle after one round.
 */
export async function pinRegion(home: RegionFiles, other: RegionFiles): Promise<boolean> {
  const theirs = verifyDirectory(other.signedDirectory, other.governance.publicKey);
  const admitted = new Set(crossing(theirs));
  const ours = crossing(home.directory);
  const foreign = homeAgencies(theirs)
    .filter((a) => admitted.has(a.id))
    .map((a) => ({ ...a, region: theirs.region }));
  const full = DEMO_AGREEMENTS.find((a) => a.id === CROSS_BORDER_AGREEMENT)!;
  const parties = new Set([...ours, ...admitted]);
  const statement: CrossRegionStatement = {
    region: theirs.region,
    governanceKey: b64u(other.governance.publicKey),
    governanceKid: other.governance.kid,
    agencies: [...admitted],
    kinds: [...full.kinds],
    agreement: CROSS_BORDER_AGREEMENT,
    fromSerial: theirs.serial,
  };
  const d = home.directory;
  const previous = d.regions?.find((s) => s.region === theirs.region);
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (
    previous &&
    same({ ...previous, fromSerial: 0 }, { ...statement, fromSerial: 0 }) &&
    same(
      d.agencies.filter((a) => a.region === theirs.region),
      foreign,
    )
  )
    return false;
  const agreement = {
    ...full,
    senders: full.senders.filter((id) => parties.has(id)),
    recipients: full.recipients.filter((id) => parties.has(id)),
  };
  const next: Directory = {
    ...d,
    serial: d.serial + 1,
    issuedAt: Date.now(),
    agencies: [...d.agencies.filter((a) => a.region !== theirs.region), ...foreign],
    agreements: [
      ...d.agreements.filter((g) => g.id !== CROSS_BORDER_AGREEMENT),
      ...(agreement.senders.length && agreement.recipients.length ? [agreement] : []),
    ],
    regions: [...(d.regions ?? []).filter((s) => s.region !== theirs.region), statement],
  };
  await saveDirectory(home.dataDir, next, home.governance);
  return true;
}

/** The NATS users of a region: its operator, its audit service and its own agencies, with their permissions. */
export function regionUsers(files: RegionFiles): NatsUser[] {
  const user = (name: string) => files.nats.get(name)!.publicKey;
  return [
    { name: 'operator', nkey: user('operator'), permissions: null },
    { name: 'audit', nkey: user('audit'), permissions: auditPermissions() },
    ...homeAgencies(files.directory).map((a) => ({
      name: a.id,
      nkey: user(a.id),
      permissions: agencyNatsPermissions(files.directory, a.id),
    })),
  ];
}

/** Each region as the bus sees it: its users, and which of its agencies may be addressed from which region. */
export function federatedRegions(all: readonly RegionFiles[]): FederatedRegion[] {
  return all.map((files) => {
    const receivesFrom: Record<string, string[]> = {};
    for (const s of files.directory.regions ?? []) receivesFrom[s.region] = crossing(files.directory);
    return { region: files.directory.region, users: regionUsers(files), receivesFrom };
  });
}

/** What a region's nats-server and provisioning need to take part: its accounts block and SHARES sources. */
export function federationConfig(all: readonly RegionFiles[], region: string) {
  const regions = federatedRegions(all);
  return { accounts: renderAccounts(regions), sources: sharesSources(regions, region) };
}

/**
 * Loads every region's files (creating the first time), and has each pin every other until no
 * directory changes: the regions' signed directories, each admitting the others' crossing agencies.
 */
export async function loadFederation(
  dataDirOf: (region: string) => string,
  given: readonly RegionPlan[],
  subjectKeyFile: string,
): Promise<RegionFiles[]> {
  const subjectKey = await loadOrCreate(subjectKeyFile, () => randomBytes(32).toString('base64url'));
  const plans = given.map((p) => ({ ...p, subjectKey }));
  let all = await Promise.all(plans.map((p) => loadRegionFiles(dataDirOf(p.region), p)));
  for (const files of all)
    if ((await readFile(files.subjectKeyFile, 'utf8')).trim() !== subjectKey)
      throw new Error(
        `${files.subjectKeyFile} differs from the federation's subject key ${subjectKeyFile}: subject references would not match across the border`,
      );
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (let i = 0; i < all.length; i++)
      for (let j = 0; j < all.length; j++)
        if (i !== j && (await pinRegion(all[i]!, all[j]!))) {
          changed = true;
          all[i] = await loadRegionFiles(dataDirOf(plans[i]!.region), plans[i]);
        }
    if (!changed) return all;
    all = await Promise.all(plans.map((p) => loadRegionFiles(dataDirOf(p.region), p)));
  }
  throw new Error('the regions’ directories did not settle after pinning each other three times');
}
