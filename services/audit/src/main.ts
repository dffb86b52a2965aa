import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AUDIT_CONSUMER,
  connectBus,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  SHARES_STREAM,
} from '@cwtch/bus';
import { initCrypto } from '@cwtch/crypto';
import { DirectoryWatcher } from '@cwtch/directory';
import { AUDIT_AUDIENCE, createPageAuth, createTokenVerifier, PagesConfig } from '@cwtch/http';
import { createLogger, onStopSignals, parseConfig } from '@cwtch/runtime';
import { serve } from '@hono/node-server';
import { createAuditApp } from './app.ts';
import { AuditLogWriter } from './audit-log-writer.ts';
import { Checkpointer } from './checkpointer.ts';
import { CollectionWatch, readInboxConsumerStates } from './collection-watch.ts';
import { AuditConfig } from './config.ts';
import { consumeStaged } from './consume-staged.ts';
import { FeedWatch } from './feed-watch.ts';
import { catchUpInOrder, eventLogger } from './log-events.ts';
import { auditBusFigures } from './metrics.ts';
import { serveProofApi } from './proof-api.ts';
import { ShareIndex } from './share-index.ts';

// Everything this process creates is owner-only (0600 files, 0700 folders).
process.umask(0o077);
const config = parseConfig(AuditConfig, process.env);
const pagesConfig = parseConfig(PagesConfig, process.env);
const logger = createLogger('audit', config.CWTCH_LOG_LEVEL);
const readKey = async (file: string) =>
  new Uint8Array(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url'));

await initCrypto();
const subjectKey = await readKey(config.CWTCH_SUBJECT_KEY_FILE);
const logSecretKey = await readKey(config.CWTCH_LOG_KEY_FILE);
const jwks = JSON.parse(await readFile(config.CWTCH_JWKS_FILE, 'utf8'));

const nc = await connectBus({
  servers: config.CWTCH_NATS_URL,
  name: 'cwtch-audit',
  credsFile: config.CWTCH_NATS_CREDS,
  nkeySeedFile: config.CWTCH_NATS_NKEY_FILE,
  caFile: config.CWTCH_NATS_CA_FILE,
  inboxPrefix: inboxPrefixOf('audit'),
  logger,
});
const js = jetstream(nc);
if (config.CWTCH_DATA_DIR) await mkdir(config.CWTCH_DATA_DIR, { recursive: true });
// The index commits the batches of a quarter of a second together: at a steady trickle that is
// one commit where there were dozens, each rewriting the same pages (the stream is the record).
const index = new ShareIndex(
  config.CWTCH_DATA_DIR ? join(config.CWTCH_DATA_DIR, 'audit-index.sqlite') : ':memory:',
  {
    commitAfterMs: 250,
    onCommitFailed: (err) => {
      // The tree holds entries the index file does not: a restart catches the file up from the stream.
      logger.fatal({ err }, 'cannot commit the share log index');
      process.exit(70);
    },
    backgroundCheckpoints: {
      onFailed: (reason) =>
        logger.warn(
          { reason },
          'background checkpoints of the share log index stopped; commits checkpoint again',
        ),
    },
  },
);
const writer = new AuditLogWriter(js, index, logger);
const loaded = await writer.rebuild();

const witnesses = config.CWTCH_WITNESS_KEYS_FILE
  ? (
      JSON.parse(await readFile(config.CWTCH_WITNESS_KEYS_FILE, 'utf8')) as {
        name: string;
        publicKey: string;
      }[]
    ).map((w) => ({
      name: w.name,
      publicKey: new Uint8Array(Buffer.from(w.publicKey, 'base64url')),
    }))
  : [];
const checkpoints = new Checkpointer(
  js,
  writer,
  {
    origin: config.CWTCH_LOG_ORIGIN,
    secretKey: logSecretKey,
    intervalMs: config.CWTCH_CHECKPOINT_INTERVAL_MS,
    maxEntries: config.CWTCH_CHECKPOINT_MAX_ENTRIES,
    witnesses,
  },
  logger,
);
try {
  await checkpoints.restore();
} catch (err) {
  // A stored index that does not reproduce a signed checkpoint is rebuilt from the stream; a
  // log rebuilt from the stream that does not is refused (fail closed).
  if (loaded === 'rebuilt') throw err;
  logger.warn({ err }, 'stored index does not reproduce the last checkpoint: rebuilding it');
  await writer.rebuild({ fresh: true });
  await checkpoints.restore();
}
const directory = new DirectoryWatcher(
  new Uint8Array(Buffer.from(config.CWTCH_GOVERNANCE_KEY, 'base64url')),
  logger,
);
const jsm = await jetstreamManager(nc);
// Silence (DESIGN §6a): who has stopped collecting its inbox, which expected feed has not arrived.
const collection = new CollectionWatch({
  read: () => readInboxConsumerStates(jsm),
  agencies: () => directory.view.directory.agencies.map((a) => a.id),
  thresholdMs: config.CWTCH_SILENCE_THRESHOLD_MS,
  logger,
});
const feeds = new FeedWatch({
  feeds: () => directory.view.directory.feeds ?? [],
  lastSent: (agency, kind) => index.lastSent(agency, kind),
  logger,
});
const stopProofApi = serveProofApi(
  nc,
  writer,
  checkpoints,
  logger,
  () => collection.answer(),
  (month) => index.figures(month, { now: Date.now(), logSize: writer.tree.size }),
);
checkpoints.start();
await checkpoints.followCosignatures();

const logDirectory = (signed: Uint8Array, serial: number) => {
  if (writer.staged.hasDirectory(serial)) return;
  const w = JSON.parse(new TextDecoder().decode(signed)) as { d: string; kid: string; s: string };
  writer.append({ t: 'key', serial, d: w.d, kid: w.kid, s: w.s }, Date.now()).catch((err) => {
    logger.fatal({ err }, 'cannot append to the share log');
    process.exit(70);
  });
};
directory.onChange((view, signed) => logDirectory(signed, view.serial));
await directory.start(nc);

const logEvent = eventLogger({
  writer,
  directory,
  logger,
  fatal: (err) => {
    // Fail closed: a log that cannot be appended to in order must not pretend to work.
    logger.fatal({ err }, 'cannot append to the share log');
    process.exit(70);
  },
});
const caughtUp = await catchUpInOrder(jsm, async (e) => (await logEvent(e)).stored, writer);
if (caughtUp > 0)
  logger.info({ events: caughtUp }, 'logged the events left unacknowledged by the last run, in order');
// Events are staged in order and acknowledged once the batch holding their entries is stored.
const consumer = consumeStaged(
  js,
  SHARES_STREAM,
  AUDIT_CONSUMER,
  (msg) =>
    logEvent({
      seq: msg.seq,
      subject: msg.subject,
      data: msg.data,
      busTime: Math.floor(msg.info.timestampNanos / 1e6),
    }),
  { logger, maxMessages: 512 },
);
const watchSilence = () =>
  void collection
    .poll()
    .then(() => feeds.check())
    .catch((err) => logger.warn({ err }, 'cannot watch collection and feeds'));
watchSilence();
const silenceTimer = setInterval(watchSilence, config.CWTCH_COLLECTION_POLL_MS);

const busFigures = auditBusFigures(js, () => directory.view.directory.agencies.map((a) => a.id));
const pages = {
  auth: await createPageAuth(pagesConfig, {
    service: 'audit',
    audience: AUDIT_AUDIENCE,
    api: { issuer: config.CWTCH_JWT_ISSUER, jwks },
    devUsers: (u) => u.roles.includes('auditor'),
  }),
  witnesses,
  agencies: () =>
    directory.view.directory.agencies.map((a) => ({ id: a.id, name: a.name, nameCy: a.nameCy })),
};
const app = createAuditApp({
  writer,
  index,
  subjectKey,
  logKey: { origin: config.CWTCH_LOG_ORIGIN, secretKey: logSecretKey },
  verifyToken: createTokenVerifier({ issuer: config.CWTCH_JWT_ISSUER, audience: AUDIT_AUDIENCE, jwks }),
  logger,
  checkpoints,
  exportQuorum: config.CWTCH_EXPORT_QUORUM,
  busMetrics: async () => [...(await busFigures()), ...collection.metrics(), ...feeds.metrics()],
  silence: { collection, feeds },
  pages,
  rateLimit: { capacity: config.CWTCH_RATE_LIMIT_BURST, refillPerSecond: config.CWTCH_RATE_LIMIT_PER_SECOND },
});
const server = serve(
  { fetch: app.fetch, hostname: config.CWTCH_HOST, port: config.CWTCH_PORT },
  async (info) => {
    logger.info({ port: info.port, size: writer.tree.size }, 'audit service listening');
    if (config.CWTCH_READY_FILE)
      await writeFile(config.CWTCH_READY_FILE, JSON.stringify({ port: info.port, pid: process.pid }));
  },
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  server.close();
  clearInterval(silenceTimer);
  checkpoints.stop();
  stopProofApi();
  await consumer.stop();
  directory.stop();
  await nc.drain().catch(() => undefined);
  index.close();
  process.exit(0);
}
onStopSignals((reason) => void stop(reason), { withParent: config.CWTCH_STOP_WITH_PARENT });
