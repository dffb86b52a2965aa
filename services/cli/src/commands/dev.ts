import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  connectBus,
  findNatsServer,
  jetstreamManager,
  Kvm,
  provisionBus,
  renderAuthorization,
  type StreamSource,
} from '@cwtch/bus';
import type { RegionFile } from '@cwtch/contracts';
import { publishDirectory, verifyDirectory } from '@cwtch/directory';
import { AUDIT_AUDIENCE, connectorAudience, DEV_ISSUER } from '@cwtch/http';
import { mkdirOwnerOnly, repairOwnerOnly } from '@cwtch/runtime';
import { ensureBundle } from '../bundle/build-bundle.ts';
import { BUNDLED_SERVICES, type BundledService, sourceEntry } from '../bundle/bundle-state.ts';
import { regionUsers } from '../region/federation.ts';
import { LeafAgencies, REGION_DOMAIN } from '../region/leaf-node.ts';
import { busLimitsFromEnv } from '../region/nats-authorization.ts';
import { NatsNodes } from '../region/nats-nodes.ts';
import {
  homeAgencies,
  loadRegionFiles,
  type RegionFiles,
  type RegionPlan,
  witnessName,
  writeFileAtomic,
} from '../region/region-files.ts';
import { type ServiceSpec, type ServiceState, Supervisor } from '../region/supervisor.ts';
import { watchDirectory } from '../region/watch-directory.ts';
import { demoUsers } from './demo.ts';

const LOG_ORIGIN = 'cwtch.example/audit/v1';
/** Cosignatures an evidence bundle's checkpoint needs in the demo region. */
const EXPORT_QUORUM = 2;
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** Options of `cwtch dev`. */
export interface DevOptions {
  readonly dataDir: string;
  /** `always` (default, durable) or a Go duration such as `2m`. */
  readonly syncInterval?: string;
  /** Serve NATS over TLS with a local CA made in the data folder (the production shape). */
  readonly tls?: boolean;
  /** Run a loopback JetStream cluster of this many nats-servers with replicas to match (e.g. 3). */
  readonly cluster?: number;
  readonly log?: (line: string) => void;
  /** This region's share of the demo agencies, when the demo runs as several regions. */
  readonly plan?: RegionPlan;
  /** Taking part in a federation of regions (`cwtch dev --regions`, services/cli/src/commands/dev-regions.ts). */
  readonly federation?: {
    /** The region's cluster and gateway name. */
    readonly clusterName: string;
    /** nats-server's accounts and gateway blocks for this region's files (replacing `authorization`). */
    readonly natsConfig: (files: RegionFiles) => string;
    /**
     * What SHARES takes from the other regions at start: none, until every region is up (a source
     * that cannot start is retried by nats-server with a growing delay, a minute and more).
     */
    readonly sharesSources: readonly StreamSource[];
  };
  /** Agencies whose connector runs behind its own leaf node (`--leaf`; one region server only). */
  readonly leaf?: readonly string[];
  /** Tests only: the leaf nodes' remote URL (a relay to the region's leaf-node listener). */
  readonly leafHubUrl?: string;
  /**
   * Start the agencies' connectors (the default). `false`: nats-server and the audit service only,
   * for agencies that speak to the bus themselves (the bench's simulated agencies, which hold their
   * own keys and credentials from the data folder).
   */
  readonly connectors?: boolean;
}

async function previousPorts(file: string): Promise<{ services: Record<string, number> }> {
  if (!existsSync(file)) return { services: {} };
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as RegionFile;
    const port = (url: string) => Number(new URL(url).port);
    const services: Record<string, number> = { audit: port(r.audit.url) };
    for (const [id, a] of Object.entries(r.agencies)) services[`connector-${id}`] = port(a.connector);
    return { services };
  } catch {
    return { services: {} };
  }
}

/** Connects with the operator's NATS credentials (streams, consumers, directory publication). */
export function connectOperator(files: RegionFiles, natsUrl: string, caFile?: string) {
  return connectBus({
    servers: natsUrl,
    name: 'cwtch-operator',
    nkeySeedFile: files.nats.get('operator')!.seedFile,
    caFile,
  });
}

/** nats-server's authorization block for the region: one nkey user each, with DESIGN §5's permissions. */
function regionAuthorization(files: RegionFiles): string {
  return renderAuthorization(regionUsers(files));
}

const MAKE_TEST_CA = fileURLToPath(new URL('../../../../infra/scripts/make-test-ca.sh', import.meta.url));

/** A local CA and a server certificate for 127.0.0.1 in `dir` (made once, with openssl). */
async function ensureTestCa(dir: string): Promise<{ dir: string; caFile: string }> {
  const caFile = join(dir, 'ca.pem');
  if (!existsSync(caFile)) {
    const r = spawnSync('bash', [MAKE_TEST_CA, '--days', '30', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot make the test CA: ${r.stderr}`);
  }
  return { dir, caFile };
}

/** Publishes the signed directory unless the bucket already holds this serial or a newer one. */
async function ensureDirectory(
  files: RegionFiles,
  natsUrl: string,
  replicas: number,
  caFile?: string,
  federation?: DevOptions['federation'],
): Promise<void> {
  // A new cluster elects its JetStream leaders a few seconds after the servers are up, and a node
  // may die and be restarted meanwhile: every step is idempotent, so the whole of it, connection
  // included, is retried until JetStream answers.
  const limits = busLimitsFromEnv(process.env);
  for (let attempt = 0; ; attempt++) {
    try {
      const nc = await connectOperator(files, natsUrl, caFile);
      try {
        await provisionBus(await jetstreamManager(nc), {
          agencies: homeAgencies(files.directory).map((a) => a.id),
          replicas,
          limits,
          ...(federation
            ? { sharesSources: federation.sharesSources, placementCluster: federation.clusterName }
            : {}),
        });
        const kv = await new Kvm(nc).create('cwtch-directory', { history: 64, replicas });
        const current = await kv.get('current');
        const serial = current?.value.length
          ? verifyDirectory(current.value, files.governance.publicKey).serial
          : 0;
        if (serial < files.directory.serial) await publishDirectory(nc, files.signedDirectory, { replicas });
        return;
      } finally {
        await nc.drain().catch(() => undefined);
      }
    } catch (e) {
      if (attempt >= 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * `cwtch dev`: starts the demo region in `dataDir` (nats-server with JetStream, keys, signed
 * directory, every connector and the audit service), writes region.json once all answer, and
 * supervises. Resolves with a `stop` that brings everything down.
 */
export async function startDevRegion(
  options: DevOptions,
): Promise<{ region: RegionFile; stop: () => Promise<void> }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = resolve(options.dataDir);
  // A folder an older version wrote with looser modes is made owner-only before anything starts.
  const repaired = await repairOwnerOnly(dataDir);
  if (repaired.length > 0) log(`made ${repaired.length} files and folders in ${dataDir} owner-only`);
  await mkdirOwnerOnly(join(dataDir, 'logs'));
  const regionFile = join(dataDir, 'region.json');
  const ports = await previousPorts(regionFile);
  log(`cwtch dev: preparing keys and the signed directory in ${dataDir} (the first start creates them)`);
  const files = await loadRegionFiles(dataDir, options.plan);
  const natsConfig = options.federation?.natsConfig ?? regionAuthorization;
  const logOrigin = options.plan ? `cwtch.example/${options.plan.region}/audit/v1` : LOG_ORIGIN;
  const bin = findNatsServer(process.env.NATS_SERVER_BIN);

  const tls = options.tls ? await ensureTestCa(join(dataDir, 'secrets', 'tls')) : undefined;
  const replicas = options.cluster ?? 1;
  // The region's record and its writer exist before any child does: a child that dies and is
  // restarted during start-up updates the record (written once everything answers).
  const region: RegionFile = {
    nats: { url: '', pid: 0, nodes: [] },
    audit: {
      url: '',
      pid: 0,
      token: await files.issuer.sign({
        agency: 'region',
        roles: ['auditor'],
        name: 'Regional auditor',
        sub: 'region/auditor',
        audience: AUDIT_AUDIENCE,
      }),
    },
    agencies: {},
    trust: {
      governanceKey: b64u(files.governance.publicKey),
      logKey: b64u(files.logPublicKey),
      logOrigin,
      witnesses: [...files.witnesses].map(([id, w]) => ({
        name: witnessName(id),
        publicKey: b64u(w.publicKey),
      })),
      quorum: EXPORT_QUORUM,
    },
    ...(options.plan
      ? {
          federation: {
            region: options.plan.region,
            pins: Object.fromEntries(
              (files.directory.regions ?? []).map((s) => [
                s.region,
                { governanceKey: s.governanceKey, agencies: [...s.agencies] },
              ]),
            ),
          },
        }
      : {}),
  };
  let ready = false;
  const writeRegion = async () => {
    if (ready) await writeFileAtomic(regionFile, `${JSON.stringify(region, null, 2)}\n`, 0o600);
  };
  // Agencies behind their own leaf node: mutual TLS to the region with the test CA, always.
  const leaves = options.leaf?.length
    ? new LeafAgencies(files, options.leaf, tls ?? (await ensureTestCa(join(dataDir, 'secrets', 'tls'))), {
        bin,
        log,
        onChange: (agency, state) => {
          const a = region.agencies[agency];
          if (a) a.leaf = state;
          void writeRegion();
        },
        ...(options.leafHubUrl ? { hubUrl: options.leafHubUrl } : {}),
      })
    : undefined;
  if (leaves && (replicas > 1 || options.federation))
    throw new Error('--leaf runs with one region server (not with --cluster or --regions)');
  await leaves?.prepare();
  const hubConfig = (f: RegionFiles) => (leaves ? leaves.hubConfig(f) : natsConfig(f));
  const natsChanged = () => {
    region.nats = { url: nats.urls, pid: nats.nodes[0]?.pid ?? 0, nodes: nats.nodes };
    void writeRegion();
  };
  const nats = new NatsNodes(
    join(dataDir, 'nats'),
    replicas,
    {
      bin,
      syncInterval: options.syncInterval ?? 'always',
      extraConfig: hubConfig(files),
      ...(tls
        ? { tls: { certFile: join(tls.dir, 'server.pem'), keyFile: join(tls.dir, 'server-key.pem') } }
        : {}),
      ...(leaves ? { jetstreamDomain: REGION_DOMAIN } : {}),
    },
    log,
    natsChanged,
    options.federation?.clusterName,
  );
  // Built while nats-server starts, when the source changed since the last build.
  const entries = serviceEntries(log);
  log(`cwtch dev: starting nats-server${replicas > 1 ? ` (${replicas} nodes)` : ''}`);
  await nats.start();
  // A new directory (an agreement changed) changes the agencies' NATS permissions: reload them.
  const unwatch = watchDirectory(
    files,
    async (directory) => {
      await nats.reload(hubConfig({ ...files, directory }));
      await leaves?.reload(directory);
    },
    log,
  );
  natsChanged();
  await ensureDirectory(files, nats.urls, replicas, tls?.caFile, options.federation);
  if (leaves) {
    log(`cwtch dev: starting the leaf nodes of ${leaves.agencies.join(', ')}`);
    await leaves.start(() => connectOperator(files, nats.urls, tls?.caFile));
  }

  // Dev sign-in: the named demo users, with tokens minted by the dev issuer (never in production).
  const devUsersFile = join(dataDir, 'demo-users.json');
  const users = demoUsers(homeAgencies(files.directory).map((a) => a.id));
  await writeFileAtomic(devUsersFile, `${JSON.stringify({ users }, null, 2)}\n`);
  const common = {
    CWTCH_SIGN_IN: 'dev',
    CWTCH_DEV_ISSUER_KEY_FILE: join(dataDir, 'secrets', 'issuer.jwk.json'),
    CWTCH_DEV_USERS_FILE: devUsersFile,
    CWTCH_NATS_URL: nats.urls,
    ...(tls ? { CWTCH_NATS_CA_FILE: tls.caFile } : {}),
    CWTCH_GOVERNANCE_KEY: b64u(files.governance.publicKey),
    CWTCH_SUBJECT_KEY_FILE: files.subjectKeyFile,
    CWTCH_JWT_ISSUER: DEV_ISSUER,
    CWTCH_JWKS_FILE: files.jwksFile,
  };
  const onChange = (name: string, s: ServiceState) => {
    const url = `http://127.0.0.1:${s.port}`;
    if (name === 'audit') region.audit = { ...region.audit, url, pid: s.pid };
    else {
      const a = region.agencies[name.replace(/^connector-/, '')];
      if (a) Object.assign(a, { connector: url, pid: s.pid });
    }
    void writeRegion();
  };
  const supervisor = new Supervisor(join(dataDir, 'run'), onChange, log);
  const entry = await entries;
  const specs: ServiceSpec[] = [
    {
      name: 'audit',
      entry: entry.audit,
      logFile: join(dataDir, 'logs', 'audit.log'),
      env: {
        ...common,
        CWTCH_LOG_KEY_FILE: files.logKeyFile,
        CWTCH_LOG_ORIGIN: logOrigin,
        CWTCH_WITNESS_KEYS_FILE: files.witnessKeysFile,
        CWTCH_EXPORT_QUORUM: String(EXPORT_QUORUM),
        // The demo signs a checkpoint every 2 s while the log grows, so a first look sees them.
        CWTCH_CHECKPOINT_INTERVAL_MS: process.env.CWTCH_CHECKPOINT_INTERVAL_MS ?? '2000',
        CWTCH_NATS_NKEY_FILE: files.nats.get('audit')!.seedFile,
        // Its index (derived from the log, rebuilt from it when missing): a restart catches up.
        CWTCH_DATA_DIR: join(dataDir, 'audit'),
      },
    },
  ];
  for (const agency of options.connectors === false ? [] : homeAgencies(files.directory)) {
    const dir = join(dataDir, 'agencies', agency.id);
    const token = (role: 'system' | 'frontdoor' | 'manager', name: string) =>
      files.issuer.sign({
        agency: agency.id,
        roles: [role],
        name,
        sub: `${agency.id}/${role}`,
        audience: connectorAudience(agency.id),
      });
    region.agencies[agency.id] = {
      name: agency.name,
      connector: '',
      pid: 0,
      tokens: {
        system: await token('system', `${agency.name} case system`),
        frontdoor: await token('frontdoor', `${agency.name} front door`),
        manager: await token('manager', `${agency.name} team manager`),
      },
      natsCreds: files.nats.get(agency.id)!.seedFile,
      ...(leaves?.state(agency.id) ? { leaf: leaves.state(agency.id)! } : {}),
    };
    specs.push({
      name: `connector-${agency.id}`,
      entry: entry.connector,
      logFile: join(dataDir, 'logs', `connector-${agency.id}.log`),
      env: {
        ...common,
        CWTCH_AGENCY: agency.id,
        CWTCH_AGENCY_DIR: dir,
        // The demo region's children carry NHS test numbers (999…); a live region refuses them.
        CWTCH_ALLOW_TEST_NHS_NUMBERS: 'true',
        CWTCH_LOG_KEY: b64u(files.logPublicKey),
        CWTCH_LOG_ORIGIN: logOrigin,
        CWTCH_WITNESS_KEY_FILE: files.witnesses.get(agency.id)!.seedFile,
        CWTCH_NATS_NKEY_FILE: files.nats.get(agency.id)!.seedFile,
        ...leaves?.connectorEnv(agency.id),
      },
    });
  }
  try {
    log(`cwtch dev: starting the audit service and ${specs.length - 1} connectors`);
    await Promise.all(specs.map((s) => supervisor.start(s, ports.services[s.name] ?? 0)));
  } catch (e) {
    await supervisor.stopAll();
    unwatch();
    await leaves?.stop();
    await nats.stop();
    throw e;
  }
  ready = true;
  await writeRegion();
  return {
    region,
    async stop() {
      unwatch();
      await supervisor.stopAll();
      await leaves?.stop();
      await nats.stop();
    },
  };
}

/** Stops `what` on Ctrl-C or SIGTERM (once, however many signals come), then exits 0. */
export function stopOnSignal(stop: () => Promise<void>, what: string): void {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`stopping ${what}...\n`);
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/**
 * The services' entry points: their bundles, built first when the source changed since the last
 * build (about a second each), so that a region starts from the code as it is now. A bundle that
 * does not build is said in the log and the service runs from its source.
 */
async function serviceEntries(log: (line: string) => void): Promise<Record<BundledService, string>> {
  const entries: Partial<Record<BundledService, string>> = {};
  for (const service of BUNDLED_SERVICES) {
    try {
      const { entry, built } = await ensureBundle(service);
      if (built) log(`cwtch dev: built the ${service} bundle (${built})`);
      entries[service] = entry;
    } catch (e) {
      log(`cwtch dev: the ${service} bundle did not build (${(e as Error).message}); running it from source`);
      entries[service] = sourceEntry(service);
    }
  }
  return entries as Record<BundledService, string>;
}
