import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addSharesSources,
  agencyLeafPermissions,
  agencyLocalLeafPermissions,
  agreementPeers,
  auditPermissions,
  connectBus,
  freePort,
  jetstreamManager,
  leafDomain,
  leafOutboxStream,
  leafSharesSource,
  type NatsConnection,
  type NatsServerHandle,
  type NatsUser,
  provisionLeafOutbox,
  renderAuthorization,
  startNatsServer,
  writeLeafNodeConfig,
} from '@cwtch/bus';
import type { Directory } from '@cwtch/directory';
import { agencyNatsPermissions, busLimitsFromEnv } from './nats-authorization.ts';
import { type RegionFiles, writeFileAtomic } from './region-files.ts';

/** The region's JetStream domain when agencies sit behind leaf nodes: they reach SHARES through it. */
export const REGION_DOMAIN = 'cwtch-region';

/** What region.json records of an agency's leaf node. */
export interface LeafState {
  readonly url: string;
  readonly pid: number;
  readonly domain: string;
}

/** The region's test CA (`cwtch dev` makes it in the data folder). */
export interface TestCa {
  readonly dir: string;
  readonly caFile: string;
}

/** Waits until a leaf node's monitoring endpoint shows its link (false after 30 s). */
async function linked(monitorUrl: string): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const leafz = await fetch(`${monitorUrl}/leafz`)
      .then((r) => r.json() as Promise<{ leafnodes?: number }>)
      .catch(() => ({ leafnodes: 0 }));
    if ((leafz.leafnodes ?? 0) > 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const peersOf = (directory: Directory, agency: string) =>
  agreementPeers(directory.agreements, agency, new Set(directory.agencies.map((a) => a.id)));

/**
 * The agencies that `cwtch dev --leaf` runs behind their own leaf node: each a nats-server with
 * JetStream in its own domain and an outbox stream, linked to the region's leaf-node listener over
 * mutual TLS as the agency's nkey user, supervised (restarted on the same ports and store if it
 * dies). The region's side: a leaf-node listener, a JetStream domain, the leaf variant of each
 * such agency's permissions, and a SHARES source per outbox.
 */
export class LeafAgencies {
  readonly #handles = new Map<string, NatsServerHandle>();
  #hubPort = 0;
  #directory: Directory;
  #stopping = false;

  private readonly files: RegionFiles;
  readonly agencies: readonly string[];
  private readonly ca: TestCa;
  private readonly options: {
    readonly bin: string;
    readonly log: (line: string) => void;
    /** Told when a leaf node starts or restarts (its pid changes). */
    readonly onChange: (agency: string, state: LeafState) => void;
    /** Tests: the leaf nodes connect here (a relay) instead of to the region's listener. */
    readonly hubUrl?: string;
  };

  constructor(
    files: RegionFiles,
    agencies: readonly string[],
    ca: TestCa,
    options: {
      readonly bin: string;
      readonly log: (line: string) => void;
      /** Told when a leaf node starts or restarts (its pid changes). */
      readonly onChange: (agency: string, state: LeafState) => void;
      /** Tests: the leaf nodes connect here (a relay) instead of to the region's listener. */
      readonly hubUrl?: string;
    },
  ) {
    this.files = files;
    this.agencies = agencies;
    this.ca = ca;
    this.options = options;
    this.#directory = files.directory;
    const known = new Set(files.directory.agencies.map((a) => a.id));
    for (const a of agencies)
      if (!known.has(a)) throw new Error(`--leaf ${a}: no such agency in the directory`);
  }

  /** Picks (or reuses, from nats/leafnodes.json) the region's leaf-node port. */
  async prepare(): Promise<void> {
    const file = join(this.files.dataDir, 'nats', 'leafnodes.json');
    const saved = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as { port?: number }) : {};
    this.#hubPort = saved.port ?? (await freePort());
    await writeFileAtomic(file, JSON.stringify({ port: this.#hubPort }));
  }

  /**
   * The region's authorization (DESIGN §5's users, the leaf agencies with the leaf variant of
   * their permissions) and its leaf-node listener.
   */
  hubConfig(files: RegionFiles): string {
    const nkey = (name: string) => files.nats.get(name)!.publicKey;
    const users: NatsUser[] = [
      { name: 'operator', nkey: nkey('operator'), permissions: null },
      { name: 'audit', nkey: nkey('audit'), permissions: auditPermissions() },
      ...files.directory.agencies.map(({ id }) => ({
        name: id,
        nkey: nkey(id),
        permissions: this.agencies.includes(id)
          ? agencyLeafPermissions(id, peersOf(files.directory, id), {
              region: REGION_DOMAIN,
              leaf: leafDomain(id),
              outbox: leafOutboxStream(id),
            })
          : agencyNatsPermissions(files.directory, id),
      })),
    ];
    const tls = (name: string) => JSON.stringify(join(this.ca.dir, name));
    return [
      renderAuthorization(users),
      'leafnodes {',
      `  listen: "127.0.0.1:${this.#hubPort}"`,
      // Leaf nodes know the region by the URLs they are given, not by what it gossips.
      '  no_advertise: true',
      `  tls { cert_file: ${tls('server.pem')}, key_file: ${tls('server-key.pem')}, ca_file: ${tls('ca.pem')}, verify: true, timeout: 5 }`,
      '}',
    ].join('\n');
  }

  #dir(agency: string): string {
    return join(this.files.dataDir, 'agencies', agency, 'leaf');
  }

  #authorization(agency: string): string {
    return renderAuthorization([
      { name: 'operator', nkey: this.files.nats.get('operator')!.publicKey, permissions: null },
      {
        name: agency,
        nkey: this.files.nats.get(agency)!.publicKey,
        permissions: agencyLocalLeafPermissions(agency, peersOf(this.#directory, agency), REGION_DOMAIN),
      },
    ]);
  }

  async #ports(agency: string): Promise<{ port: number; monitorPort: number }> {
    const file = join(this.#dir(agency), 'ports.json');
    if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
    const ports = { port: await freePort(), monitorPort: await freePort() };
    await writeFileAtomic(file, JSON.stringify(ports));
    return ports;
  }

  async #write(agency: string): Promise<{ configFile: string; port: number; monitorPort: number }> {
    const ports = await this.#ports(agency);
    const configFile = await writeLeafNodeConfig({
      dataDir: this.#dir(agency),
      serverName: `cwtch-leaf-${agency}`,
      ...ports,
      domain: leafDomain(agency),
      hubUrls: [this.options.hubUrl ?? `tls://127.0.0.1:${this.#hubPort}`],
      tls: {
        caFile: this.ca.caFile,
        certFile: join(this.ca.dir, 'client.pem'),
        keyFile: join(this.ca.dir, 'client-key.pem'),
      },
      nkeySeed: await readFile(this.files.nats.get(agency)!.seedFile, 'utf8'),
      authorization: this.#authorization(agency),
    });
    return { configFile, ...ports };
  }

  async #start(agency: string): Promise<NatsServerHandle> {
    const { configFile, port, monitorPort } = await this.#write(agency);
    const handle = await startNatsServer({
      dataDir: this.#dir(agency),
      bin: this.options.bin,
      configFile,
      port,
      monitorPort,
    });
    this.#handles.set(agency, handle);
    this.options.onChange(agency, this.state(agency)!);
    handle.process.once('exit', (code, signal) => {
      if (this.#stopping) return;
      this.options.log(`leaf node of ${agency} died (${signal ?? code}); restarting on port ${port}`);
      const again = (attempt: number) =>
        setTimeout(
          () =>
            void this.#start(agency).catch((e: unknown) => {
              this.options.log(`leaf node of ${agency} restart failed: ${(e as Error).message}`);
              if (!this.#stopping) again(attempt + 1);
            }),
          Math.min(5000, 200 * 2 ** attempt),
        );
      again(0);
    });
    return handle;
  }

  /**
   * Starts every leaf node, provisions its outbox, waits (30 s at most) for its link to the
   * region, and has the region's SHARES (provisioned already) source each outbox. Sources are
   * added once the links are up because nats-server backs off a source that fails to start.
   */
  async start(operator: () => Promise<NatsConnection>): Promise<void> {
    const limits = busLimitsFromEnv(process.env);
    await Promise.all(
      this.agencies.map(async (agency) => {
        const handle = await this.#start(agency);
        const nc = await connectBus({
          servers: handle.url,
          name: `cwtch-operator-leaf-${agency}`,
          nkeySeedFile: this.files.nats.get('operator')!.seedFile,
        });
        try {
          await provisionLeafOutbox(await jetstreamManager(nc), agency, { limits });
        } finally {
          await nc.drain().catch(() => undefined);
        }
        if (!(await linked(handle.monitorUrl)))
          this.options.log(`leaf node of ${agency}: no link to the region yet (it keeps trying)`);
      }),
    );
    const nc = await operator();
    try {
      await addSharesSources(await jetstreamManager(nc), this.agencies.map(leafSharesSource));
    } finally {
      await nc.drain().catch(() => undefined);
    }
  }

  state(agency: string): LeafState | undefined {
    const h = this.#handles.get(agency);
    return h ? { url: h.url, pid: h.process.pid ?? 0, domain: leafDomain(agency) } : undefined;
  }

  /** The connector's settings for an agency behind its leaf node (none for the others). */
  connectorEnv(agency: string): Record<string, string> {
    const s = this.state(agency);
    // The leaf listens on loopback without TLS: the region's CA, if any, is not for it.
    return s ? { CWTCH_NATS_URL: s.url, CWTCH_NATS_DOMAIN: REGION_DOMAIN, CWTCH_NATS_CA_FILE: '' } : {};
  }

  /** A new directory: each leaf's local permissions follow its agreements (SIGHUP, no restart). */
  async reload(directory: Directory): Promise<void> {
    this.#directory = directory;
    for (const [agency, handle] of this.#handles) {
      await this.#write(agency);
      handle.process.kill('SIGHUP');
    }
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#handles.values()].map((h) => h.stop(10_000)));
  }
}
