// Benchmark (not a test): the audit service's start, end to end, on an N-entry log (default
// 1,000,000). Starts a nats-server, provisions the region's streams, publishes a signed directory
// and N entries to AUDIT (the directory's own entry first, then synthetic shares and receipts)
// with a log-signed checkpoint every 10,000 entries, then starts the real service (main.ts) and
// times process start → listening → /healthz → an auditor's /v1/shares and /v1/checkpoint: first
// without an index file (the rebuild from the stream, which writes it), then twice with it.
// Run: node --import tsx services/audit/src/bench-start.ts [N] [DIR] [CHECKPOINT_EVERY]
// (DIR '' for a temporary folder; a smaller CHECKPOINT_EVERY stands for a longer history: a log
// growing slowly is signed every 60 s, so it holds more checkpoints for the same entries.)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCheckpoint, MemoryLeafStore, MerkleTree, signCheckpoint } from '@cwtch/audit-log';
import {
  AUDIT_SUBJECT,
  CHECKPOINT_SUBJECT,
  connectBus,
  freePort,
  jetstream,
  jetstreamManager,
  provisionBus,
  publishBatch,
  publishDurable,
  startNatsServer,
  stopProcess,
} from '@cwtch/bus';
import { generateAgencyKeys, initCrypto, keyId } from '@cwtch/crypto';
import { type Directory, ed25519PublicKey, publishDirectory, signDirectory } from '@cwtch/directory';
import { AUDIT_AUDIENCE, createDevIssuer } from '@cwtch/http';
import { BENCH_AGENCIES, syntheticLog } from './bench-log.ts';
import { encodeEntry } from './entries.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] || mkdtempSync(join(tmpdir(), 'cwtch-bench-start-'));
const ORIGIN = 'cwtch.example/audit/v1';
const CHECKPOINT_EVERY = Number(process.argv[4] || 10_000);
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await initCrypto();
mkdirSync(join(dir, 'secrets'), { recursive: true });
// The build is not what is measured: a lazier fsync only makes it quicker.
const server = await startNatsServer({ dataDir: join(dir, 'nats'), syncInterval: '2m' });
const nc = await connectBus({ servers: server.url, name: 'bench-start' });
await provisionBus(await jetstreamManager(nc), { agencies: BENCH_AGENCIES });

// The region's trust: governance, log and subject keys, a signed directory, an auditor's token.
const governanceSeed = new Uint8Array(randomBytes(32));
const governanceKey = ed25519PublicKey(governanceSeed);
const governance = {
  kid: keyId(governanceKey, 'Ed25519'),
  publicKey: governanceKey,
  secretKey: governanceSeed,
};
const dirKey = (kid: string, x: Uint8Array, use: 'sig' | 'enc') => ({
  ...{ kid, kty: 'OKP' as const, crv: use === 'sig' ? ('Ed25519' as const) : ('X25519' as const) },
  ...{ x: b64u(x), use, nbf: Date.now() - 86_400_000, exp: null, status: 'active' as const },
  ...{ revokedAt: null, reason: null },
});
const directory: Directory = {
  ...{ v: 1, typ: 'cwtch.directory.v1', region: 'bench', serial: 1, issuedAt: Date.now() },
  agencies: BENCH_AGENCIES.map((id) => {
    const keys = generateAgencyKeys();
    return {
      ...{ id, name: id, type: 'childrens-services' as const, codes: [], areas: [] },
      keys: [
        dirKey(keys.signing.kid, keys.signing.publicKey, 'sig'),
        dirKey(keys.encryption.kid, keys.encryption.publicKey, 'enc'),
      ],
    };
  }),
  agreements: [],
  routes: [],
};
const signedDirectory = signDirectory(directory, governance);
await publishDirectory(nc, signedDirectory);
const logSeed = new Uint8Array(randomBytes(32));
const secret = (name: string, text: string) => {
  const file = join(dir, 'secrets', name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
};
const issuer = await createDevIssuer();
const token = await issuer.sign({
  ...{ agency: 'region', roles: ['auditor'], name: 'Regional auditor', sub: 'region/auditor' },
  audience: AUDIT_AUDIENCE,
});
const env = {
  PATH: process.env.PATH ?? '',
  CWTCH_NATS_URL: server.url,
  CWTCH_GOVERNANCE_KEY: b64u(governanceKey),
  CWTCH_LOG_KEY_FILE: secret('log.key', b64u(logSeed)),
  CWTCH_SUBJECT_KEY_FILE: secret('subject.key', b64u(randomBytes(32))),
  CWTCH_LOG_ORIGIN: ORIGIN,
  CWTCH_JWT_ISSUER: issuer.issuer,
  CWTCH_JWKS_FILE: secret('jwks.json', JSON.stringify(issuer.jwks)),
  CWTCH_DATA_DIR: join(dir, 'audit'),
  CWTCH_LOG_LEVEL: 'info',
};

// The log: the directory's entry (so the service has nothing to append), then the shares.
const t0 = performance.now();
const js = jetstream(nc);
const tree = new MerkleTree(new MemoryLeafStore());
const { d, kid, s } = JSON.parse(new TextDecoder().decode(signedDirectory)) as Record<string, string>;
const keyEntry = encodeEntry({ t: 'key', serial: 1, d: d!, kid: kid!, s: s! }, 0, Date.now(), Date.now());
let batch = [{ data: keyEntry, msgId: 'key-1' }];
let checkpoints = 0;
const store = async () => {
  const first = tree.size;
  for (const m of batch) tree.appendEntry(m.data);
  await publishBatch(js, AUDIT_SUBJECT, batch, { expectLastSequence: first });
  batch = [];
  // Every multiple of CHECKPOINT_EVERY this batch passed, and the final size.
  const sizes = [];
  for (let k = Math.floor(first / CHECKPOINT_EVERY) + 1; k * CHECKPOINT_EVERY <= tree.size; k++)
    sizes.push(k * CHECKPOINT_EVERY);
  if (tree.size === N && sizes.at(-1) !== N) sizes.push(N);
  for (const size of sizes) {
    const text = formatCheckpoint({ origin: ORIGIN, size, root: tree.rootAt(size) });
    const note = new TextEncoder().encode(signCheckpoint(text, ORIGIN, logSeed));
    await publishDurable(js, CHECKPOINT_SUBJECT, note, { msgId: `cp-${size}` });
    checkpoints++;
  }
};
for (const data of syntheticLog(N - 1, 1).entries) {
  batch.push({ data, msgId: `src-${tree.size + batch.length + 1}` });
  if (batch.length === 1000) await store();
}
if (batch.length > 0) await store();
const built = performance.now() - t0;
console.log(
  `built a ${N.toLocaleString()}-entry AUDIT stream with ${checkpoints.toLocaleString()} signed checkpoints in ${secs(built)} (${Math.round(N / (built / 1000)).toLocaleString()} entries/s)`,
);
await nc.drain();

/** Milliseconds from spawn to each thing the service logs or answers. */
interface Start {
  loaded?: number;
  indexed?: number;
  restored?: number;
  listening?: number;
  healthz?: number;
  shares?: number;
  checkpoint?: number;
  /** The entry the index caught up from (0: replayed the whole stream). */
  from?: number;
  size?: number;
  exit?: string;
}

/** Starts main.ts with `extra` env; resolves when it exits (after `until` resolves, it is stopped). */
async function start(extra: Record<string, string>, probe: boolean): Promise<Start> {
  const port = await freePort();
  const t = performance.now();
  // As cwtch dev and the systemd units start it: Node 24 strips the types itself.
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN], {
    env: { ...env, CWTCH_PORT: String(port), ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Start = {};
  const at = () => Math.round(performance.now() - t);
  let listening!: () => void;
  const listened = new Promise<void>((r) => (listening = r));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n')) {
      const line = JSON.parse(text.slice(0, nl)) as { msg?: string; from?: number };
      text = text.slice(nl + 1);
      if (line.msg === 'share log index up to date') {
        out.indexed = at();
        out.from = line.from ?? 0;
      } else if (line.msg === 'log consistent with the last signed checkpoint') out.restored = at();
      else if (line.msg === 'audit service listening') {
        out.listening = at();
        listening();
      }
    }
  });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  if (!probe) {
    await exited;
    out.loaded = at();
    return out;
  }
  await Promise.race([listened, exited.then(() => Promise.reject(new Error(`the service exited: ${err}`)))]);
  const base = `http://127.0.0.1:${port}`;
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res;
  };
  out.size = ((await (await get('/healthz')).json()) as { size: number }).size;
  out.healthz = at();
  await (await get(`/v1/shares?agency=${BENCH_AGENCIES[0]}&limit=100`, auth)).json();
  out.shares = at();
  await (await get('/v1/checkpoint', auth)).text();
  out.checkpoint = at();
  await stopProcess(child);
  return out;
}

const show = (label: string, r: Start) =>
  console.log(
    `${label.padEnd(34)} listening ${r.listening} ms (index up to date ${r.indexed} ms from entry ${r.from?.toLocaleString()}, checkpoint replay ${r.restored} ms)  /healthz ${r.healthz} ms  /v1/shares ${r.shares} ms  /v1/checkpoint ${r.checkpoint} ms  (size ${r.size?.toLocaleString()})`,
  );
// What loading the service's code costs alone: main.ts with no config exits once its imports ran.
const bare = await start({ CWTCH_GOVERNANCE_KEY: '' }, false);
console.log(`${'loading main.ts and its imports'.padEnd(34)} ${bare.loaded} ms (exits on a config error)`);
rmSync(join(dir, 'audit'), { recursive: true, force: true });
show('start without an index (rebuild)', await start({}, true));
show('start with the index', await start({}, true));
show('start with the index, again', await start({}, true));
await server.stop();
if (!process.argv[3]) rmSync(dir, { recursive: true, force: true });
