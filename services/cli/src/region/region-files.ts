import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createNkeyUser, nkeyPublicKey } from '@cwtch/bus';
import {
  type AgencyKeys,
  generateAgencyKeys,
  initCrypto,
  keyId,
  serialisePrivateKeyFile,
} from '@cwtch/crypto';
import {
  type Directory,
  type DirectoryKey,
  ed25519PublicKey,
  type GovernanceKey,
  signDirectory,
  verifyDirectory,
} from '@cwtch/directory';
import { createDevIssuer, type DevIssuer } from '@cwtch/http';
import { DEMO_FEEDS } from './demo-feeds.ts';
import { DEMO_AGENCIES, DEMO_AGREEMENTS, DEMO_ROUTES } from './demo-region.ts';

/** Writes a file atomically with the given mode (0600, like everything in a data folder), its folders 0700. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, file);
}

/** The trimmed content of `file`, written first (0600) with `create()` when missing. */
export async function loadOrCreate(file: string, create: () => string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const value = create();
  await writeFileAtomic(file, `${value}\n`);
  return value;
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const fromB64u = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

/** A fresh Ed25519 key as a base64url 32-byte seed. */
function newEd25519Seed(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return String(privateKey.export({ format: 'jwk' }).d);
}

/** The key name an agency's witness cosigns as (the connector uses the same). */
export function witnessName(agency: string): string {
  return `${agency}.witness.cwtch.example`;
}

/** Everything the demo region keeps in its data folder (paths and loaded public material). */
export interface RegionFiles {
  readonly dataDir: string;
  readonly governance: GovernanceKey;
  readonly logPublicKey: Uint8Array;
  readonly logKeyFile: string;
  readonly subjectKeyFile: string;
  readonly jwksFile: string;
  readonly issuer: DevIssuer;
  /** NATS nkey users: seed file and public key, for the operator, the audit service and each agency. */
  readonly nats: ReadonlyMap<string, { seedFile: string; publicKey: string }>;
  /** Each agency's witness key: seed file and public key (pinned by auditors). */
  readonly witnesses: ReadonlyMap<string, { seedFile: string; publicKey: Uint8Array }>;
  /** The pinned witness keys as one JSON file, for the audit service. */
  readonly witnessKeysFile: string;
  readonly signedDirectory: Uint8Array;
  readonly directory: Directory;
}

/** Where an agency's private key files live (one file per generation; the connector loads them all). */
export function agencyKeysDir(dataDir: string, agency: string): string {
  return join(dataDir, 'agencies', agency, 'keys');
}

/** Writes a new private key file for `agency` (0600) and returns its path. */
export async function writeAgencyKeys(dataDir: string, agency: string, keys: AgencyKeys): Promise<string> {
  const file = join(
    agencyKeysDir(dataDir, agency),
    `${Date.now()}-${keys.signing.kid.slice(0, 8)}-${keys.encryption.kid.slice(0, 8)}.json`,
  );
  await writeFileAtomic(file, serialisePrivateKeyFile(agency, keys));
  return file;
}

/** A directory entry for a public key, valid from `nbf`. */
export function directoryKey(publicKey: Uint8Array, crv: 'Ed25519' | 'X25519', nbf: number): DirectoryKey {
  return {
    kid: keyId(publicKey, crv),
    kty: 'OKP',
    crv,
    x: b64u(publicKey),
    use: crv === 'Ed25519' ? 'sig' : 'enc',
    nbf,
    exp: null,
    status: 'active',
    revokedAt: null,
    reason: null,
  };
}

/** The signed directory file of a data folder. */
export function signedDirectoryFile(dataDir: string): string {
  return join(dataDir, 'directory.signed.json');
}

/** Signs `directory` with the governance key and writes it as the region's current directory. */
export async function saveDirectory(
  dataDir: string,
  directory: Directory,
  governance: GovernanceKey,
): Promise<Uint8Array> {
  const signed = signDirectory(directory, governance);
  await writeFileAtomic(signedDirectoryFile(dataDir), signed);
  return signed;
}

/** Where a data folder keeps its governance key. */
export function governanceKeyFile(dataDir: string): string {
  return join(dataDir, 'secrets', 'governance.key');
}

/** The governance key of a data folder (created on first use). */
export async function loadGovernanceKey(dataDir: string): Promise<GovernanceKey> {
  const seed = fromB64u(await loadOrCreate(governanceKeyFile(dataDir), newEd25519Seed));
  const publicKey = ed25519PublicKey(seed);
  return { kid: keyId(publicKey, 'Ed25519'), publicKey, secretKey: seed };
}

/**
 * Which demo agencies a region holds when the demo runs as several regions (`cwtch dev
 * --regions`): its name and its own agencies. Without one, a region holds every demo agency.
 */
export interface RegionPlan {
  readonly region: string;
  readonly agencies: readonly string[];
  /**
   * The key of subject references shared by the federation's regions (base64url), so a child's
   * reference is the same on both sides of a border: a recipient checks it, an auditor in either
   * region finds the share by the child's NHS number.
   */
  readonly subjectKey?: string;
}

/** The agencies of a directory that belong to its own region (not admitted from another). */
export function homeAgencies(directory: Directory): Directory['agencies'] {
  return directory.agencies.filter((a) => a.region === undefined);
}

/**
 * The demo's agreements, routes and feeds kept to `home`'s agencies: parties elsewhere dropped,
 * and an agreement or route left with no sender or no recipient dropped with them.
 */
export function demoStatements(home: ReadonlySet<string>) {
  const keep = (ids: readonly string[]) => ids.filter((id) => home.has(id));
  return {
    agreements: DEMO_AGREEMENTS.map((g) => ({
      ...g,
      senders: keep(g.senders),
      recipients: keep(g.recipients),
    })).filter((g) => g.senders.length > 0 && g.recipients.length > 0),
    routes: DEMO_ROUTES.filter((r) => home.has(r.from))
      .map((r) => ({ ...r, to: keep(r.to) }))
      .filter((r) => r.to.length > 0),
    feeds: DEMO_FEEDS.filter((f) => home.has(f.agency)).map((f) => ({ ...f })),
  };
}

/**
 * A new agency's first key pairs: generated, their private halves written to its key folder, and
 * their public halves as its directory keys, valid from a minute before `now`.
 */
export async function firstAgencyKeys(
  dataDir: string,
  agency: string,
  now: number,
): Promise<{ keys: AgencyKeys; directoryKeys: DirectoryKey[] }> {
  const keys = generateAgencyKeys();
  await writeAgencyKeys(dataDir, agency, keys);
  return {
    keys,
    directoryKeys: [
      directoryKey(keys.signing.publicKey, 'Ed25519', now - 60_000),
      directoryKey(keys.encryption.publicKey, 'X25519', now - 60_000),
    ],
  };
}

/** The demo directory, with a fresh key pair per agency (written to each agency's key folder). */
async function createDemoDirectory(dataDir: string, plan?: RegionPlan): Promise<Directory> {
  const now = Date.now();
  const agencies = [];
  const home = new Set(plan?.agencies ?? DEMO_AGENCIES.map((a) => a.id));
  for (const a of DEMO_AGENCIES.filter((x) => home.has(x.id))) {
    const { directoryKeys } = await firstAgencyKeys(dataDir, a.id, now);
    agencies.push({ ...a, codes: [...a.codes], areas: [...a.areas], keys: directoryKeys });
  }
  return {
    v: 1,
    typ: 'cwtch.directory.v1',
    region: plan?.region ?? 'cwtch-demo',
    serial: 1,
    issuedAt: now,
    agencies,
    ...demoStatements(home),
  };
}

/** Reads and verifies the data folder's signed directory. */
export async function loadDirectory(
  dataDir: string,
  governance: GovernanceKey,
): Promise<{ signed: Uint8Array; directory: Directory }> {
  const signed = new Uint8Array(await readFile(signedDirectoryFile(dataDir)));
  return { signed, directory: verifyDirectory(signed, governance.publicKey) };
}

/**
 * Loads the region's keys from `dataDir`, creating any that are missing (secrets 0600, generated
 * here at run time, never in git). The signed directory in the folder is the source of truth once
 * it exists (rotations and revocations change it); the first start creates the demo directory.
 */
export async function loadRegionFiles(dataDir: string, plan?: RegionPlan): Promise<RegionFiles> {
  await initCrypto();
  const secrets = join(dataDir, 'secrets');
  const governance = await loadGovernanceKey(dataDir);
  const logKeyFile = join(secrets, 'log.key');
  const logPublicKey = ed25519PublicKey(fromB64u(await loadOrCreate(logKeyFile, newEd25519Seed)));
  const subjectKeyFile = join(secrets, 'subject.key');
  await loadOrCreate(subjectKeyFile, () => plan?.subjectKey ?? b64u(randomBytes(32)));
  const issuerFile = join(secrets, 'issuer.jwk.json');
  const issuer = await createDevIssuer(
    existsSync(issuerFile) ? JSON.parse(await readFile(issuerFile, 'utf8')) : undefined,
  );
  if (!existsSync(issuerFile)) await writeFileAtomic(issuerFile, `${JSON.stringify(issuer.privateJwk)}\n`);
  const jwksFile = join(dataDir, 'jwks.json');
  await writeFileAtomic(jwksFile, `${JSON.stringify(issuer.jwks, null, 2)}\n`);

  if (!existsSync(signedDirectoryFile(dataDir)))
    await saveDirectory(dataDir, await createDemoDirectory(dataDir, plan), governance);
  const { signed, directory } = await loadDirectory(dataDir, governance);
  // Agencies another region admits (cross-region statements) run there: no keys, users or witnesses here.
  const own = homeAgencies(directory);
  for (const a of own) {
    const dir = agencyKeysDir(dataDir, a.id);
    if (!existsSync(dir) || (await readdir(dir)).length === 0)
      throw new Error(`no private keys for ${a.id} in ${dir}`);
  }

  const nats = new Map<string, { seedFile: string; publicKey: string }>();
  for (const name of ['operator', 'audit', ...own.map((a) => a.id)]) {
    const seedFile = join(secrets, 'nats', `${name}.nk`);
    const seed = await loadOrCreate(seedFile, () => createNkeyUser().seed);
    nats.set(name, { seedFile, publicKey: nkeyPublicKey(seed) });
  }
  const witnesses = new Map<string, { seedFile: string; publicKey: Uint8Array }>();
  for (const a of own) {
    const seedFile = join(secrets, 'witness', `${a.id}.key`);
    witnesses.set(a.id, {
      seedFile,
      publicKey: ed25519PublicKey(fromB64u(await loadOrCreate(seedFile, newEd25519Seed))),
    });
  }
  const witnessKeysFile = join(dataDir, 'witnesses.json');
  const pinned = [...witnesses].map(([id, w]) => ({ name: witnessName(id), publicKey: b64u(w.publicKey) }));
  await writeFileAtomic(witnessKeysFile, `${JSON.stringify(pinned, null, 2)}\n`);
  return {
    dataDir,
    governance,
    logPublicKey,
    logKeyFile,
    subjectKeyFile,
    jwksFile,
    issuer,
    nats,
    witnesses,
    witnessKeysFile,
    signedDirectory: signed,
    directory,
  };
}
