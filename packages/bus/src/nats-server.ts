import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

/** The oldest server with `sync_interval` and per-message TTL (DESIGN §7). */
const MIN_VERSION: readonly [number, number] = [2, 12];

/** Where setup.sh unpacks the Debian package. */
const TOOLS_BIN = fileURLToPath(new URL('../../../.tools/nats/usr/sbin/nats-server', import.meta.url));

/** Version of a nats-server binary, or null when it cannot be run. */
export function natsServerVersion(bin: string): string | null {
  try {
    const out = execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

function recentEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
}

/**
 * Finds a nats-server >= 2.12 (atomic batches): `explicit` (from NATS_SERVER_BIN), the project's tools folder,
 * then PATH. Throws with the fix when none is recent enough.
 */
export function findNatsServer(explicit?: string): string {
  const candidates = [explicit, TOOLS_BIN, 'nats-server'].filter((c): c is string => !!c);
  const seen: string[] = [];
  for (const bin of candidates) {
    if (bin.includes('/') && !existsSync(bin)) continue;
    const version = natsServerVersion(bin);
    if (version && recentEnough(version)) return bin;
    if (version) seen.push(`${bin} is ${version}`);
  }
  throw new CwtchError(
    ErrorCode.CONFIG_INVALID,
    `no nats-server >= ${MIN_VERSION.join('.')} found (${seen.join('; ') || 'none installed'}); run infra/scripts/setup.sh or set NATS_SERVER_BIN`,
  );
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Options for a local nats-server. */
export interface NatsServerOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly bin?: string;
  /** `always` (fsync every write; the default) or a Go duration such as `2m` (server default). */
  readonly syncInterval?: string;
  /** The authorization block (nkey users and their permissions). */
  readonly extraConfig?: string;
  /** Serve clients over TLS with this certificate. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** Monitoring port (loopback); a free one when absent. */
  readonly monitorPort?: number;
  /** Join a loopback cluster: this node's route port and every node's route port. */
  readonly cluster?: { readonly name: string; readonly port: number; readonly routes: readonly number[] };
  readonly serverName?: string;
  /** The JetStream domain of this server (leaf nodes reach its JetStream as `$JS.<domain>.API`). */
  readonly jetstreamDomain?: string;
  /** A configuration already written (with this `port` and `monitorPort`), e.g. a leaf node's. */
  readonly configFile?: string;
}

/** A running nats-server. */
export interface NatsServerHandle {
  readonly url: string;
  readonly port: number;
  /** The server's monitoring endpoint (`/healthz`, `/jsz`, `/varz`). */
  readonly monitorUrl: string;
  readonly process: ChildProcess;
  readonly configFile: string;
  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** The single-node template `cwtch dev` renders (infra/nats/single-node.conf.tmpl). */
const SINGLE_NODE_TEMPLATE = fileURLToPath(
  new URL('../../../infra/nats/single-node.conf.tmpl', import.meta.url),
);

/** Fills `{{NAME}}` placeholders; throws if one is left unfilled. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const out = template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  const left = /\{\{([A-Z0-9_]+)\}\}/.exec(out.replace(/^#.*$/gm, ''));
  if (left) throw new CwtchError(ErrorCode.CONFIG_INVALID, `template placeholder ${left[1]} has no value`);
  return out;
}

/** Writes the server configuration for a data folder from the project's single-node template. */
export async function writeNatsConfig(
  options: NatsServerOptions & { port: number; monitorPort: number },
): Promise<string> {
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'nats-server.conf');
  const tls = options.tls
    ? `tls {\n  cert_file: ${JSON.stringify(options.tls.certFile)}\n  key_file: ${JSON.stringify(options.tls.keyFile)}\n  timeout: 5\n}`
    : '';
  const conf = renderTemplate(await readFile(SINGLE_NODE_TEMPLATE, 'utf8'), {
    SERVER_NAME: options.serverName ?? 'cwtch-dev',
    CLIENT_PORT: String(options.port),
    MONITOR_PORT: String(options.monitorPort),
    STORE_DIR: options.dataDir,
    SYNC_INTERVAL: options.syncInterval ?? 'always',
    TLS_BLOCK: tls,
    AUTHORIZATION_BLOCK: options.extraConfig ?? '',
    CLUSTER_BLOCK: options.cluster
      ? [
          'cluster {',
          `  name: ${JSON.stringify(options.cluster.name)}`,
          `  listen: "127.0.0.1:${options.cluster.port}"`,
          `  routes: [${options.cluster.routes.map((p) => `"nats-route://127.0.0.1:${p}"`).join(', ')}]`,
          '}',
        ].join('\n')
      : '',
  });
  // The template's jetstream block takes the domain, when there is one, after its last setting.
  const withDomain = options.jetstreamDomain
    ? conf.replace(/^(\s*sync_interval: .*)$/m, `$1\n  domain: ${JSON.stringify(options.jetstreamDomain)}`)
    : conf;
  if (options.jetstreamDomain && withDomain === conf)
    throw new CwtchError(ErrorCode.CONFIG_INVALID, 'the single-node template has no sync_interval line');
  await writeFile(
    file,
    `# Written by Cwtch from infra/nats/single-node.conf.tmpl at each start.\n${withDomain}`,
    {
      mode: 0o600,
    },
  );
  return file;
}

/** Starts nats-server with JetStream in `dataDir` and resolves once it accepts clients. */
export async function startNatsServer(options: NatsServerOptions): Promise<NatsServerHandle> {
  const bin = options.bin ?? findNatsServer();
  const port = options.port ?? (await freePort());
  const monitorPort = options.monitorPort ?? (await freePort());
  const configFile = options.configFile ?? (await writeNatsConfig({ ...options, port, monitorPort }));
  const child = spawn(bin, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nats-server did not start:\n${log.slice(-2000)}`)),
      20_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code}:\n${log.slice(-2000)}`));
    });
  });
  child.stderr?.resume();
  return {
    url: `${options.tls ? 'tls' : 'nats'}://127.0.0.1:${port}`,
    port,
    monitorUrl: `http://127.0.0.1:${monitorPort}`,
    process: child,
    configFile,
    stop: (graceMs = 5000) => stopProcess(child, graceMs),
  };
}

/** Sends SIGTERM, waits for exit, and SIGKILLs after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
