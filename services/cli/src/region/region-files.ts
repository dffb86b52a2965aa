import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type AgencyKeys,
  generateAgencyKeys,
  initCrypto,
  keyId,
  parsePrivateKeyFile,
  serialisePrivateKeyFile,
} from '@cwtch/crypto';
import { type Directory, type GovernanceKey, signDirectory } from '@cwtch/directory';
import { createDevIssuer, type DevIssuer } from '@cwtch/http';
import { DEMO_AGENCIES, DEMO_AGREEMENTS, DEMO_ROUTES } from './demo-region.ts';

/** Writes a file atomically with the given mode (0600 for secrets). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, file);
}

async function loadOrCreate(file: string, create: () => string): Promise<string> {
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

/** The Ed25519 public key of a 32-byte seed. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  const priv = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return fromB64u(String(createPublicKey(priv).export({ format: 'jwk' }).x));
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
  readonly agencies: ReadonlyMap<string, { dir: string; keys: AgencyKeys }>;
  readonly signedDirectory: Uint8Array;
  readonly directory: Directory;
}

/**
 * Loads the region's keys from `dataDir`, creating any that are missing (secrets 0600, generated
 * here at run time, never in git), and signs the directory, raising its serial when it changed.
 */
export async function loadRegionFiles(dataDir: string): Promise<RegionFiles> {
  await initCrypto();
  const secrets = join(dataDir, 'secrets');
  const govSeed = fromB64u(await loadOrCreate(join(secrets, 'governance.key'), newEd25519Seed));
  const govPublic = ed25519PublicKey(govSeed);
  const governance: GovernanceKey = {
    kid: keyId(govPublic, 'Ed25519'),
    publicKey: govPublic,
    secretKey: govSeed,
  };
  const logKeyFile = join(secrets, 'log.key');
  const logPublicKey = ed25519PublicKey(fromB64u(await loadOrCreate(logKeyFile, newEd25519Seed)));
  const subjectKeyFile = join(secrets, 'subject.key');
  await loadOrCreate(subjectKeyFile, () => b64u(randomBytes(32)));
  const issuerFile = join(secrets, 'issuer.jwk.json');
  const issuer = await createDevIssuer(
    existsSync(issuerFile) ? JSON.parse(await readFile(issuerFile, 'utf8')) : undefined,
  );
  if (!existsSync(issuerFile)) await writeFileAtomic(issuerFile, `${JSON.stringify(issuer.privateJwk)}\n`);
  const jwksFile = join(dataDir, 'jwks.json');
  await writeFileAtomic(jwksFile, `${JSON.stringify(issuer.jwks, null, 2)}\n`, 0o644);

  const agencies = new Map<string, { dir: string; keys: AgencyKeys }>();
  for (const a of DEMO_AGENCIES) {
    const dir = join(dataDir, 'agencies', a.id);
    const file = join(dir, 'keys.json');
    if (!existsSync(file)) await writeFileAtomic(file, serialisePrivateKeyFile(a.id, generateAgencyKeys()));
    agencies.set(a.id, { dir, keys: parsePrivateKeyFile(await readFile(file, 'utf8')).keys });
  }

  const statePath = join(dataDir, 'directory-state.json');
  const state = existsSync(statePath)
    ? (JSON.parse(await readFile(statePath, 'utf8')) as { serial: number; createdAt: number; body: string })
    : { serial: 0, createdAt: Date.now(), body: '' };
  const key = (pk: Uint8Array, crv: 'Ed25519' | 'X25519') => ({
    kid: keyId(pk, crv),
    kty: 'OKP' as const,
    crv,
    x: b64u(pk),
    use: crv === 'Ed25519' ? ('sig' as const) : ('enc' as const),
    nbf: state.createdAt - 60_000,
    exp: null,
    status: 'active' as const,
    revokedAt: null,
    reason: null,
  });
  const body = {
    agencies: DEMO_AGENCIES.map((a) => {
      const k = agencies.get(a.id)!.keys;
      return {
        ...a,
        codes: [...a.codes],
        areas: [...a.areas],
        keys: [key(k.signing.publicKey, 'Ed25519'), key(k.encryption.publicKey, 'X25519')],
      };
    }),
    agreements: DEMO_AGREEMENTS.map((g) => ({ ...g })),
    routes: DEMO_ROUTES.map((r) => ({ ...r })),
  };
  const bodyText = JSON.stringify(body);
  const serial = bodyText === state.body ? state.serial : state.serial + 1;
  const directory: Directory = {
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'cwtch-demo',
    serial,
    issuedAt: Date.now(),
    ...body,
  };
  const signedFile = join(dataDir, 'directory.signed.json');
  if (serial !== state.serial || !existsSync(signedFile)) {
    await writeFileAtomic(signedFile, signDirectory(directory, governance), 0o644);
    await writeFileAtomic(
      statePath,
      JSON.stringify({ serial, createdAt: state.createdAt, body: bodyText }),
      0o644,
    );
  }
  const signedDirectory = new Uint8Array(await readFile(signedFile));
  return {
    dataDir,
    governance,
    logPublicKey,
    logKeyFile,
    subjectKeyFile,
    jwksFile,
    issuer,
    agencies,
    signedDirectory,
    directory,
  };
}
