import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectBus, type NatsConnection } from '@cwtch/bus';
import { authorityName, RegionFile } from '@cwtch/contracts';
import { generateAgencyKeys, initCrypto, parsePrivateKeyFile } from '@cwtch/crypto';
import { type Directory, publishDirectory } from '@cwtch/directory';
import { joinDashValues } from '../cli-args.ts';
import { UsageError } from '../cli-errors.ts';
import {
  agencyKeysDir,
  directoryKey,
  governanceKeyFile,
  loadDirectory,
  loadGovernanceKey,
  saveDirectory,
  signedDirectoryFile,
  writeAgencyKeys,
} from '../region/region-files.ts';

const DAY_MS = 86_400_000;
/** How long the operator's connection waits for a busy server, and for each JetStream request. */
const PUBLISH_TIMEOUT_MS = 20_000;

/** Whether `e`, or an error it was caused by, is a refused TCP connection: nothing listens there. */
function refused(e: unknown): boolean {
  for (let c = e as { code?: unknown; cause?: unknown } | undefined; c; c = c.cause as typeof c) {
    if (c.code === 'ECONNREFUSED') return true;
  }
  return false;
}

/**
 * Publishes a newly signed directory to the region running on this folder. False when none runs
 * there (no region file, or nothing listening at its NATS address). A region that answers but
 * does not take the directory is an error that says so: a revocation that is signed but not yet
 * in force must never look like one that is.
 */
async function publishIfRunning(dataDir: string, signed: Uint8Array): Promise<boolean> {
  const regionFile = join(dataDir, 'region.json');
  const operatorSeed = join(dataDir, 'secrets', 'nats', 'operator.nk');
  if (!existsSync(regionFile) || !existsSync(operatorSeed)) return false;
  const region = RegionFile.parse(JSON.parse(await readFile(regionFile, 'utf8')));
  const caFile = join(dataDir, 'secrets', 'tls', 'ca.pem');
  let nc: NatsConnection;
  try {
    nc = await connectBus({
      servers: region.nats.url,
      name: 'cwtch-operator-directory',
      nkeySeedFile: operatorSeed,
      // A refused connection answers at once; the wait is only for a server that is there but busy.
      connectTimeoutMs: PUBLISH_TIMEOUT_MS,
      ...(existsSync(caFile) ? { caFile } : {}),
      waitOnFirstConnect: false,
    });
  } catch (e) {
    if (refused(e)) return false;
    throw new DirectoryNotPublished(region.nats.url, e);
  }
  try {
    await publishDirectory(nc, signed, { timeoutMs: PUBLISH_TIMEOUT_MS });
  } catch (e) {
    throw new DirectoryNotPublished(region.nats.url, e);
  } finally {
    await nc.drain().catch(() => undefined);
  }
  return true;
}

/** The region at `url` answered but did not take the directory; the signed file is saved. */
class DirectoryNotPublished extends Error {
  override readonly name = 'DirectoryNotPublished';
  constructor(url: string, cause: unknown) {
    const reason = (cause as Error)?.message ?? String(cause);
    super(`the running region at ${url} did not take it (${reason})`, { cause });
  }
}

function rotate(
  directory: Directory,
  agency: string,
  use: 'sig' | 'enc',
  publicKey: Uint8Array,
  now: number,
  overlapMs: number,
): Directory {
  const a = directory.agencies.find((x) => x.id === agency);
  if (!a) throw new Error(`no agency "${agency}" in the directory`);
  const keys = a.keys.map((k) =>
    k.use === use && k.status === 'active' && (k.exp === null || k.exp > now + overlapMs)
      ? { ...k, exp: now + overlapMs }
      : k,
  );
  keys.push(directoryKey(publicKey, use === 'sig' ? 'Ed25519' : 'X25519', now));
  return { ...directory, agencies: directory.agencies.map((x) => (x.id === agency ? { ...x, keys } : x)) };
}

function revoke(directory: Directory, kid: string, at: number, reason: string): Directory {
  let found = false;
  const agencies = directory.agencies.map((a) => ({
    ...a,
    keys: a.keys.map((k) => {
      if (k.kid !== kid) return k;
      found = true;
      return { ...k, status: 'revoked' as const, revokedAt: at, reason };
    }),
  }));
  if (!found) throw new Error(`no key "${kid}" in the directory`);
  return { ...directory, agencies };
}

function show(directory: Directory): string {
  const t = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
  const lines = [
    `directory serial ${directory.serial}, region ${directory.region}, issued ${t(directory.issuedAt)}`,
  ];
  for (const a of directory.agencies) {
    lines.push(
      `${a.id} (${a.type}): ${a.name}${a.region ? ` [region ${a.region}, admitted by its statement]` : ''}`,
    );
    // The areas it serves: what follow-the-child routing reads (DESIGN §6a).
    lines.push(
      `  serves ${a.areas.map((la) => (authorityName(la, 'en') ? `${authorityName(la, 'en')} ${la}` : la)).join(', ')}`,
    );
    if (a.escalation) {
      const e = a.escalation;
      lines.push(`  escalation: ${e.name}${e.phone ? `, ${e.phone}` : ''}${e.hours ? ` (${e.hours})` : ''}`);
    }
    for (const k of a.keys) {
      const state = k.status === 'revoked' ? `revoked at ${t(k.revokedAt)}: ${k.reason ?? ''}` : 'active';
      lines.push(`  ${k.use} ${k.kid} from ${t(k.nbf)} until ${t(k.exp)} ${state}`);
    }
  }
  if (directory.feeds?.length) {
    lines.push('expected feeds:');
    for (const f of directory.feeds)
      lines.push(`  ${f.agency} sends ${f.kind} at least every ${f.everyHours} h`);
  }
  lines.push('agreements:');
  for (const g of directory.agreements) {
    lines.push(
      `  ${g.id} (${g.type}) ${g.senders.join(',')} -> ${g.recipients.join(',')}: ${g.kinds.join(', ')} [${g.purposes.join(', ')}]`,
    );
  }
  for (const r of directory.regions ?? []) {
    lines.push(`cross-region statement: ${r.region}`);
    lines.push(`  pinned governance key ${r.governanceKey} (kid ${r.governanceKid})`);
    lines.push(
      `  its agencies admitted: ${r.agencies.join(', ')} (keys from its directory serial ${r.fromSerial})`,
    );
    lines.push(`  kinds that may cross: ${r.kinds.join(', ')}; under agreement ${r.agreement}`);
  }
  return `${lines.join('\n')}\n`;
}

const DIRECTORY_OPTIONS = {
  data: { type: 'string', default: '.cwtch/dev' },
  agency: { type: 'string' },
  use: { type: 'string' },
  kid: { type: 'string' },
  at: { type: 'string' },
  reason: { type: 'string' },
  'overlap-days': { type: 'string', default: '7' },
  json: { type: 'boolean' },
} as const;

/**
 * `cwtch directory show|rotate|revoke|publish --data DIR`: key lifecycle, every change a new directory
 * serial signed by the governance key, published to a running region (whose connectors pick it up
 * without a restart) and appended to the share log by the audit service.
 */
export async function directoryCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    // A key id is a base64url thumbprint: it may begin with a dash.
    args: joinDashValues(rest, ['kid'], Object.keys(DIRECTORY_OPTIONS)),
    options: DIRECTORY_OPTIONS,
  });
  const dataDir = resolve(values.data!);
  if (!existsSync(signedDirectoryFile(dataDir)))
    throw new Error(`no region in ${dataDir}: start it once with cwtch dev`);
  // A directory is only ever signed with the key that signed it: never make a new one here.
  const keyFile = governanceKeyFile(dataDir);
  if (!existsSync(keyFile))
    throw new Error(
      `no governance key at ${keyFile}: the directory of ${dataDir} is signed with a key kept elsewhere (offline); run this where it is`,
    );
  await initCrypto();
  const governance = await loadGovernanceKey(dataDir);
  const { directory, signed: current } = await loadDirectory(dataDir, governance);
  const now = Date.now();
  let next: Directory;
  if (verb === 'show') {
    process.stdout.write(values.json ? `${JSON.stringify(directory, null, 2)}\n` : show(directory));
    return;
  } else if (verb === 'publish') {
    if (!(await publishSaved(dataDir, directory.serial, current)))
      throw new Error(
        `no region runs on ${dataDir} (nothing answers at its NATS address); it publishes directory serial ${directory.serial} at its next start`,
      );
    process.stdout.write(`directory serial ${directory.serial} published to the running region\n`);
    return;
  } else if (verb === 'rotate') {
    const use = values.use;
    if (!values.agency || (use !== 'sig' && use !== 'enc'))
      throw new Error('rotate needs --agency A --use sig|enc');
    const dir = agencyKeysDir(dataDir, values.agency);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    const latest = parsePrivateKeyFile(await readFile(join(dir, files.at(-1)!), 'utf8')).keys;
    const fresh = generateAgencyKeys();
    const merged =
      use === 'sig'
        ? { signing: fresh.signing, encryption: latest.encryption }
        : { signing: latest.signing, encryption: fresh.encryption };
    // The private key is on disk before any directory names it.
    await writeAgencyKeys(dataDir, values.agency, merged);
    const publicKey = use === 'sig' ? fresh.signing.publicKey : fresh.encryption.publicKey;
    next = rotate(directory, values.agency, use, publicKey, now, Number(values['overlap-days']) * DAY_MS);
  } else if (verb === 'revoke') {
    if (!values.kid || !values.reason) throw new Error('revoke needs --kid K --reason R [--at ISO-TIME]');
    const at = values.at ? Date.parse(values.at) : now;
    if (Number.isNaN(at)) throw new Error('--at must be an ISO 8601 time');
    next = revoke(directory, values.kid, at, values.reason);
  } else {
    throw new UsageError(
      `${verb ? `unknown directory command "${verb}"; ` : ''}usage: cwtch directory show|rotate|revoke|publish --data DIR ... (cwtch directory --help)`,
    );
  }
  next = { ...next, serial: directory.serial + 1, issuedAt: now };
  const signed = await saveDirectory(dataDir, next, governance);
  const published = await publishSaved(dataDir, next.serial, signed);
  process.stdout.write(
    `directory serial ${next.serial} signed${published ? ' and published to the running region' : '; the region publishes it at its next start'}\n`,
  );
}

/**
 * {@link publishIfRunning} for a serial saved in `dataDir`; a region that does not take it is an
 * error saying the serial is saved but not in force, and how to publish it again.
 */
async function publishSaved(dataDir: string, serial: number, signed: Uint8Array): Promise<boolean> {
  try {
    return await publishIfRunning(dataDir, signed);
  } catch (e) {
    if (!(e instanceof DirectoryNotPublished)) throw e;
    throw new Error(
      `directory serial ${serial} is saved in ${dataDir}, but ${e.message}: it is not in force yet. ` +
        `Publish it with cwtch directory publish --data ${dataDir} (or restart the region)`,
      { cause: e },
    );
  }
}
