import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUDIT_STREAM,
  CHECKPOINT_STREAM,
  connectBus,
  DEAD_LETTER_STREAM,
  DIRECTORY_BUCKET,
  findNatsServer,
  jetstreamManager,
  type NatsConnection,
  nkeyPublicKey,
  renderAuthorization,
  restoreStream,
  SHARES_STREAM,
  type StreamSnapshotInfo,
  snapshotStream,
} from '@cwtch/bus';
import { mkdirOwnerOnly, OWNER_FILE_MODE } from '@cwtch/runtime';
import { z } from 'zod';
import { UsageError } from '../cli-errors.ts';
import { NatsNodes } from '../region/nats-nodes.ts';
import { writeFileAtomic } from '../region/region-files.ts';
import { loadRegion, regionPath } from './region-client.ts';

/** The streams every region has: a backup without one of them is not a region's backup. */
export const REGION_STREAMS = [
  SHARES_STREAM,
  AUDIT_STREAM,
  CHECKPOINT_STREAM,
  DEAD_LETTER_STREAM,
  `KV_${DIRECTORY_BUCKET}`,
] as const;

const MANIFEST = 'manifest.json';
const MANIFEST_TYPE = 'cwtch.backup.v1';

/** A backup or restore refused: `code` says why, and the message what to do. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
  readonly code: string;

  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

const StreamEntry = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]+$/),
  file: z.string().regex(/^[A-Za-z0-9_-]+\.snapshot$/),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  messages: z.number().int().nonnegative(),
  firstSeq: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  /** The stream's durable consumers (inboxes, the audit service's): each must come back. */
  durables: z.array(z.string()),
  /** The stream's configuration and state as the server gave them with the snapshot. */
  config: z.looseObject({ name: z.string() }),
  state: z.looseObject({}),
});
type StreamEntry = z.infer<typeof StreamEntry>;

/** manifest.json of a backup folder. */
const Manifest = z.object({
  typ: z.literal(MANIFEST_TYPE),
  createdAt: z.string(),
  natsServer: z.string(),
  streams: z.array(StreamEntry).min(1),
});
type Manifest = z.infer<typeof Manifest>;

/** The operator's nkey seed file in a region's data folder (never copied into a backup). */
function operatorSeedFile(dataDir: string): string {
  const file = join(dataDir, 'secrets', 'nats', 'operator.nk');
  if (!existsSync(file))
    throw new BackupRefused(
      'OPERATOR_KEY_MISSING',
      `no operator NATS key at ${file}: is ${dataDir} the data folder of a region made by cwtch dev?`,
    );
  return file;
}

const isNotFound = (e: unknown) => /not found/i.test(String((e as Error)?.message ?? e));

/** `cwtch backup --out DIR [--region FILE | --data DIR]`. */
export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { region: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.out) throw new UsageError('backup needs --out DIR (cwtch backup --help)');
  const regionFile = resolve(regionPath(values));
  const region = await loadRegion(regionFile);
  const dataDir = dirname(regionFile);
  const out = resolve(values.out);
  if (existsSync(out) && (await readdir(out)).length > 0)
    throw new BackupRefused('BACKUP_EXISTS', `${out} is not empty: give a new folder for each backup`);
  const seedFile = operatorSeedFile(dataDir);
  await mkdirOwnerOnly(out);
  const nc = await connectBus({
    servers: region.nats.url,
    name: 'cwtch-backup',
    nkeySeedFile: seedFile,
    caFile: region.nats.url.startsWith('tls') ? join(dataDir, 'secrets', 'tls', 'ca.pem') : undefined,
    waitOnFirstConnect: false,
    connectTimeoutMs: 5000,
  });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    const missing = REGION_STREAMS.filter((s) => !names.includes(s));
    if (missing.length > 0)
      throw new BackupRefused(
        'STREAM_MISSING',
        `the region has no ${missing.join(', ')} stream: is ${region.nats.url} this region's NATS?`,
      );
    // One stream after another: the set is consistent only when the region is quiet (cwtch backup --help).
    const ordered = [
      ...REGION_STREAMS,
      ...names.filter((n) => !(REGION_STREAMS as readonly string[]).includes(n)).sort(),
    ];
    const streams: StreamEntry[] = [];
    for (const name of ordered) {
      const entry = await snapshotToFile(nc, name, out);
      streams.push(entry);
      process.stdout.write(
        `  ${name.padEnd(22)} ${String(entry.messages).padStart(7)} messages  last sequence ${entry.lastSeq}  ${entry.durables.length} durable consumers  ${entry.bytes} bytes\n`,
      );
    }
    const manifest: Manifest = {
      typ: MANIFEST_TYPE,
      createdAt: new Date().toISOString(),
      natsServer: nc.info?.version ?? 'unknown',
      streams,
    };
    await writeFileAtomic(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, OWNER_FILE_MODE);
    process.stdout.write(`backup of ${streams.length} streams in ${out} (${MANIFEST} lists them)\n`);
  } finally {
    await nc.drain().catch(() => undefined);
  }
}

/** Snapshots one stream into `out/NAME.snapshot` (0600), hashing as it writes. */
async function snapshotToFile(nc: NatsConnection, name: string, out: string): Promise<StreamEntry> {
  const file = `${name}.snapshot`;
  const handle = await open(join(out, file), 'wx', OWNER_FILE_MODE);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    // Ephemeral consumers (watchers) come and go; the durable ones are the state a restore must bring back.
    const durables = await durableConsumers(nc, name);
    const { config, state } = await snapshotStream(nc, name, async (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      await handle.write(chunk);
    });
    await handle.sync();
    return {
      name,
      file,
      bytes,
      sha256: hash.digest('hex'),
      messages: state.messages,
      firstSeq: state.first_seq,
      lastSeq: state.last_seq,
      durables,
      config: config as unknown as StreamEntry['config'],
      state: state as unknown as StreamEntry['state'],
    };
  } finally {
    await handle.close();
  }
}

async function durableConsumers(nc: NatsConnection, stream: string): Promise<string[]> {
  const names: string[] = [];
  for await (const c of (await jetstreamManager(nc)).consumers.list(stream))
    if (c.config.durable_name) names.push(c.name);
  return names.sort();
}

/**
 * The durables of `wanted` the stream lacks: in a cluster the restored consumers are assigned
 * after the stream, so they are looked for again for a while before any is called missing.
 */
async function missingDurables(nc: NatsConnection, stream: string, wanted: readonly string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const present = await durableConsumers(nc, stream);
    const lost = wanted.filter((d) => !present.includes(d));
    if (lost.length === 0 || Date.now() > deadline) return lost;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads a backup's manifest and checks every file against its sha256 and size. */
export async function checkBackup(dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST);
  if (!existsSync(file))
    throw new BackupRefused('BACKUP_INVALID', `no ${MANIFEST} in ${dir}: not a cwtch backup`);
  let parsed: ReturnType<typeof Manifest.safeParse>;
  try {
    parsed = Manifest.safeParse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    throw new BackupRefused('BACKUP_INVALID', `${file} is not JSON`);
  }
  if (!parsed.success) throw new BackupRefused('BACKUP_INVALID', `${file} is not a cwtch backup manifest`);
  const manifest = parsed.data;
  const missing = REGION_STREAMS.filter((s) => !manifest.streams.some((e) => e.name === s));
  if (missing.length > 0)
    throw new BackupRefused('BACKUP_INVALID', `the backup has no ${missing.join(', ')} stream`);
  for (const s of manifest.streams) {
    const path = join(dir, basename(s.file));
    if (!existsSync(path)) throw new BackupRefused('BACKUP_INVALID', `${s.file} is missing from ${dir}`);
    if (s.config.name !== s.name)
      throw new BackupRefused('BACKUP_INVALID', `${s.name}'s configuration names another stream`);
    if ((await sha256OfFile(path)) !== s.sha256)
      throw new BackupRefused(
        'BACKUP_CHECKSUM_MISMATCH',
        `${s.file} does not match the sha256 in ${MANIFEST}: the file was changed or damaged; nothing was restored`,
      );
  }
  return manifest;
}

/** Refuses while any process of the region's last run (its region.json) is alive. */
async function refuseIfRunning(dataDir: string): Promise<void> {
  const file = join(dataDir, 'region.json');
  if (!existsSync(file)) return;
  const region = await loadRegion(file);
  const pids = [
    ...(region.nats.nodes ?? []).map((n) => n.pid),
    region.nats.pid,
    region.audit.pid,
    ...Object.values(region.agencies).map((a) => a.pid),
  ].filter((pid) => pid > 0);
  const alive = pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  if (alive.length > 0)
    throw new BackupRefused(
      'REGION_RUNNING',
      `the region on ${dataDir} is running (process ${alive.join(', ')}): stop cwtch dev first; a restore runs with nothing else`,
    );
}

/** How many nats-servers the region runs: its saved ports, else the replicas the streams want. */
async function nodeCount(dataDir: string, manifest: Manifest): Promise<number> {
  const saved = join(dataDir, 'nats', 'nodes.json');
  if (existsSync(saved)) return (JSON.parse(await readFile(saved, 'utf8')) as unknown[]).length || 1;
  return Math.max(1, ...manifest.streams.map((s) => Number(s.config.num_replicas ?? 1)));
}

async function waitForJetStream(nc: NatsConnection): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
      return;
    } catch (e) {
      if (attempt >= 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** `cwtch restore --data DIR --from BACKUP`. */
export async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, from: { type: 'string' } },
  });
  if (!values.data || !values.from)
    throw new UsageError('restore needs --data DIR and --from BACKUP (cwtch restore --help)');
  const dataDir = resolve(values.data);
  const from = resolve(values.from);
  const manifest = await checkBackup(from);
  const seedFile = operatorSeedFile(dataDir);
  await refuseIfRunning(dataDir);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const seed = (await readFile(seedFile, 'utf8')).trim();
  // Only the operator may connect while the streams come back: no connector or service sees a half-restored store.
  const nats = new NatsNodes(
    join(dataDir, 'nats'),
    await nodeCount(dataDir, manifest),
    {
      bin: findNatsServer(process.env.NATS_SERVER_BIN),
      syncInterval: 'always',
      extraConfig: renderAuthorization([{ name: 'operator', nkey: nkeyPublicKey(seed), permissions: null }]),
    },
    log,
    () => undefined,
  );
  log(`cwtch restore: starting the region's nats-server on ${join(dataDir, 'nats')}, for the operator only`);
  await nats.start();
  try {
    const nc = await connectBus({ servers: nats.urls, name: 'cwtch-restore', nkeySeedFile: seedFile });
    try {
      await waitForJetStream(nc);
      await restoreAll(nc, manifest, from, log);
    } finally {
      await nc.drain().catch(() => undefined);
    }
  } finally {
    await nats.stop();
  }
  log(
    `restored ${manifest.streams.length} streams from ${from}; start the region with cwtch dev --data ${values.data}`,
  );
}

async function restoreAll(
  nc: NatsConnection,
  manifest: Manifest,
  from: string,
  log: (line: string) => void,
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  // Every check before any change: a refused restore leaves the store as it found it.
  const empty: string[] = [];
  for (const s of manifest.streams) {
    const info = await jsm.streams.info(s.name).catch((e: unknown) => {
      if (isNotFound(e)) return undefined;
      throw e;
    });
    if (!info) continue;
    if (info.state.messages > 0 || info.state.last_seq > 0)
      throw new BackupRefused(
        'STREAM_NOT_EMPTY',
        `stream ${s.name} already holds ${info.state.messages} messages (last sequence ${info.state.last_seq}): a restore only fills a lost store; nothing was restored`,
      );
    empty.push(s.name);
  }
  for (const name of empty) {
    await jsm.streams.delete(name);
    log(`  ${name}: an empty stream of that name was removed to make way for the backup's`);
  }
  for (const s of manifest.streams) {
    const chunks = createReadStream(join(from, basename(s.file)), { highWaterMark: 128 * 1024 });
    const snapshot = { config: s.config, state: s.state } as unknown as StreamSnapshotInfo;
    const info = await restoreStream(nc, snapshot, chunks);
    const lost = await missingDurables(nc, s.name, s.durables);
    if (info.state.messages !== s.messages || info.state.last_seq !== s.lastSeq || lost.length > 0)
      throw new BackupRefused(
        'RESTORE_MISMATCH',
        `stream ${s.name} came back with ${info.state.messages} messages, last sequence ${info.state.last_seq}` +
          `${lost.length > 0 ? `, without consumers ${lost.join(', ')}` : ''}; the manifest says ${s.messages}, ${s.lastSeq}. ` +
          'The streams before it are restored: find the cause, remove the JetStream store again and restore anew',
      );
    log(
      `  ${s.name.padEnd(22)} ${String(s.messages).padStart(7)} messages  last sequence ${s.lastSeq}  ${s.durables.length} durable consumers: as in the manifest`,
    );
  }
}
