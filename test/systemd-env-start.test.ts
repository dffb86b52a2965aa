// The example env files and cwtch-service, run for real: the audit service and a connector start
// from infra/systemd/*.env.example (every setting as written, the unit's own Environment= lines,
// and only the host-specific values replaced) against a nats-server with TLS, nkey users and the
// region's permissions, as in production, and answer /healthz.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  agencyPermissions,
  auditPermissions,
  connectBus,
  createNkeyUser,
  jetstreamManager,
  type NatsServerHandle,
  nkeyPublicKey,
  provisionBus,
  renderAuthorization,
  startNatsServer,
  stopProcess,
} from '@cwtch/bus';
import { generateAgencyKeys, initCrypto, keyId, serialisePrivateKeyFile } from '@cwtch/crypto';
import { type Directory, ed25519PublicKey, publishDirectory, signDirectory } from '@cwtch/directory';
import { createDevIssuer } from '@cwtch/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const launcher = join(root, 'infra/systemd/cwtch-service');
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const AGENCIES = ['swansea-cs', 'npt-cs'];

const dir = mkdtempSync(join(tmpdir(), 'cwtch-env-start-'));
const secret = (name: string, text: string) => {
  const file = join(dir, 'secrets', name);
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
};
let server: NatsServerHandle;
let oidc: Server;
const children: ChildProcess[] = [];
const shared: Record<string, string> = {};

/** The settings an example file makes (its uncommented `NAME=value` lines). */
function exampleSettings(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of readFileSync(join(root, file), 'utf8').matchAll(/^(CWTCH_[A-Z0-9_]+)=(.*)$/gm))
    out[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
  return out;
}

/** The unit's `Environment=` lines, with systemd's specifiers as systemd would expand them here. */
function unitSettings(unit: string, specifiers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = /^Environment=(CWTCH_[A-Z0-9_]+|NODE_COMPILE_CACHE)=(.*)$/gm;
  for (const m of readFileSync(join(root, unit), 'utf8').matchAll(lines))
    out[m[1]!] = m[2]!.replace(/%([iSdC])/g, (_, s: string) => specifiers[s]!);
  return out;
}

/** Starts `service` through cwtch-service with `env` and resolves with its port once listening. */
async function start(service: 'audit' | 'connector', name: string, env: Record<string, string>) {
  const ready = join(dir, `${name}.ready.json`);
  const log = join(dir, `${name}.log`);
  const child = spawn(launcher, [service], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, CWTCH_PORT: '0', CWTCH_READY_FILE: ready },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => {
    output += c;
  });
  child.stderr!.on('data', (c: Buffer) => {
    output += c;
  });
  const deadline = Date.now() + 60_000;
  while (!existsSync(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      writeFileSync(log, output);
      throw new Error(`${name} did not start (exit ${child.exitCode}):\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 50));
  return (JSON.parse(readFileSync(ready, 'utf8')) as { port: number }).port;
}

beforeAll(async () => {
  await initCrypto();
  mkdirSync(join(dir, 'secrets'), { recursive: true });
  // TLS as the cluster template requires it (a throw-away CA for 127.0.0.1) and nkey users with
  // the permissions the region gives the audit service and each agency.
  const tls = join(dir, 'tls');
  const ca = spawnSync('bash', [join(root, 'infra/scripts/make-test-ca.sh'), tls], { encoding: 'utf8' });
  expect(ca.status, ca.stderr).toBe(0);
  const users = Object.fromEntries(['operator', 'audit', ...AGENCIES].map((n) => [n, createNkeyUser().seed]));
  server = await startNatsServer({
    dataDir: join(dir, 'nats'),
    tls: { certFile: join(tls, 'server.pem'), keyFile: join(tls, 'server-key.pem') },
    extraConfig: renderAuthorization([
      { name: 'operator', nkey: nkeyPublicKey(users.operator!), permissions: null },
      { name: 'audit', nkey: nkeyPublicKey(users.audit!), permissions: auditPermissions() },
      ...AGENCIES.map((a) => ({
        name: a,
        nkey: nkeyPublicKey(users[a]!),
        permissions: agencyPermissions(a, {
          sendsTo: AGENCIES.filter((x) => x !== a),
          receivesFrom: AGENCIES,
        }),
      })),
    ]),
  });
  const natsUrl = server.url.replace(/^nats:/, 'tls:');
  const nc = await connectBus({
    servers: natsUrl,
    name: 'env-start-operator',
    caFile: join(tls, 'ca.pem'),
    nkeySeedFile: secret('operator.nk', users.operator!),
  });
  await provisionBus(await jetstreamManager(nc), { agencies: AGENCIES });

  // The region's keys and its signed directory; each agency's private key file in its folder.
  const governanceSeed = new Uint8Array(randomBytes(32));
  const governance = {
    kid: keyId(ed25519PublicKey(governanceSeed), 'Ed25519'),
    publicKey: ed25519PublicKey(governanceSeed),
    secretKey: governanceSeed,
  };
  const now = Date.now();
  const key = (x: Uint8Array, use: 'sig' | 'enc') => ({
    ...{ kid: keyId(x, use === 'sig' ? 'Ed25519' : 'X25519'), kty: 'OKP' as const },
    ...{ crv: use === 'sig' ? ('Ed25519' as const) : ('X25519' as const), x: b64u(x), use },
    ...{ nbf: now - 60_000, exp: null, status: 'active' as const, revokedAt: null, reason: null },
  });
  const agencies = AGENCIES.map((id) => {
    const keys = generateAgencyKeys();
    // Where the connector unit's state folder (%S/cwtch/agencies/<agency>) is, with %S = dir/state.
    const keysDir = join(dir, 'state', 'cwtch', 'agencies', id, 'keys');
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(keysDir, 'first.json'), serialisePrivateKeyFile(id, keys), { mode: 0o600 });
    return {
      ...{ id, name: id, type: 'childrens-services' as const, codes: [], areas: [] },
      keys: [key(keys.signing.publicKey, 'sig'), key(keys.encryption.publicKey, 'enc')],
    };
  });
  const directory: Directory = {
    ...{ v: 1, typ: 'cwtch.directory.v1', region: 'env-start', serial: 1, issuedAt: now },
    ...{ agencies, agreements: [], routes: [] },
  };
  await publishDirectory(nc, signDirectory(directory, governance));
  await nc.drain();

  // The agencies' and auditors' identity provider, as far as starting needs: its discovery
  // document (OIDC sign-in reads it at start) and the key set of its API tokens.
  oidc = createServer((req, res) => {
    const issuer = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`;
    if (req.url !== '/.well-known/openid-configuration') return void res.writeHead(404).end();
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      }),
    );
  });
  await new Promise<void>((r) => oidc.listen(0, '127.0.0.1', () => r()));
  const issuer = await createDevIssuer();
  const logSeed = new Uint8Array(randomBytes(32));
  const provider = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`;
  Object.assign(shared, {
    // What names this machine instead of the example's hosts and /etc/cwtch paths.
    CWTCH_NATS_URL: natsUrl,
    CWTCH_NATS_CA_FILE: join(tls, 'ca.pem'),
    CWTCH_GOVERNANCE_KEY: b64u(governance.publicKey),
    CWTCH_JWT_ISSUER: issuer.issuer,
    CWTCH_JWKS_FILE: secret('jwks.json', JSON.stringify(issuer.jwks)),
    CWTCH_OIDC_ISSUER: provider,
    logSeed: b64u(logSeed),
    logKey: b64u(ed25519PublicKey(logSeed)),
    subjectKey: b64u(randomBytes(32)),
    auditSeed: users.audit!,
    ...Object.fromEntries(AGENCIES.map((a) => [`seed-${a}`, users[a]!])),
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map((c) => stopProcess(c, 8000)));
  oidc?.close();
  if (server) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the example env files, run through cwtch-service', () => {
  it('start the audit service and a connector against TLS NATS with nkey users; both answer /healthz', async () => {
    const host = (k: string) => shared[k]!;
    const hostValues = {
      CWTCH_NATS_URL: host('CWTCH_NATS_URL'),
      CWTCH_NATS_CA_FILE: host('CWTCH_NATS_CA_FILE'),
      CWTCH_GOVERNANCE_KEY: host('CWTCH_GOVERNANCE_KEY'),
      CWTCH_JWT_ISSUER: host('CWTCH_JWT_ISSUER'),
      CWTCH_JWKS_FILE: host('CWTCH_JWKS_FILE'),
      CWTCH_OIDC_ISSUER: host('CWTCH_OIDC_ISSUER'),
    };
    // The unit's credentials folder (%d): the files systemd would copy there.
    const credentials = (name: string, files: Record<string, string>) => {
      const d = join(dir, 'credentials', name);
      mkdirSync(d, { recursive: true, mode: 0o700 });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), `${text}\n`, { mode: 0o600 });
      return d;
    };
    const state = join(dir, 'state');
    const cache = join(dir, 'cache');
    const audit: Record<string, string> = {
      ...unitSettings('infra/systemd/cwtch-audit.service', {
        S: state,
        C: cache,
        d: credentials('audit', {
          'nats.nk': host('auditSeed'),
          'log.key': host('logSeed'),
          'subject.key': host('subjectKey'),
        }),
      }),
      ...exampleSettings('infra/systemd/audit.env.example'),
      ...hostValues,
      CWTCH_WITNESS_KEYS_FILE: secret('witnesses.json', '[]'),
    };
    expect(audit.CWTCH_DATA_DIR).toBe(join(state, 'cwtch', 'audit'));
    expect(audit.NODE_COMPILE_CACHE).toBe(join(cache, 'cwtch', 'compile-cache', 'audit'));
    const auditPort = await start('audit', 'audit', audit);
    const auditHealth = await fetch(`http://127.0.0.1:${auditPort}/healthz`);
    expect(auditHealth.status).toBe(200);
    expect(await auditHealth.json()).toMatchObject({ status: 'ok' });

    const agency = 'swansea-cs';
    const connector: Record<string, string> = {
      ...unitSettings('infra/systemd/cwtch-connector@.service', {
        i: agency,
        S: state,
        C: cache,
        d: credentials(agency, {
          'nats.nk': host(`seed-${agency}`),
          'witness.key': b64u(new Uint8Array(randomBytes(32))),
          'subject.key': host('subjectKey'),
        }),
      }),
      ...exampleSettings('infra/systemd/connector.env.example'),
      ...hostValues,
      CWTCH_LOG_KEY: host('logKey'),
    };
    expect(connector.CWTCH_AGENCY).toBe(agency);
    expect(connector.CWTCH_AGENCY_DIR).toBe(join(state, 'cwtch', 'agencies', agency));
    const port = await start('connector', agency, connector);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', agency, directorySerial: 1 });
    // The inbox is where the unit's state folder says.
    expect(existsSync(join(connector.CWTCH_AGENCY_DIR!, 'inbox.sqlite'))).toBe(true);
    // Node keeps the compiled modules in the unit's cache folder.
    expect(existsSync(connector.NODE_COMPILE_CACHE!)).toBe(true);
  }, 120_000);
});
