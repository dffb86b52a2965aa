import { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  connectBus,
  inboxConsumer,
  inboxPrefixOf,
  jetstream,
  PublishGroup,
  runBatchConsumer,
  SHARES_STREAM,
} from '@cwtch/bus';
import { initCrypto } from '@cwtch/crypto';
import { DirectoryWatcher } from '@cwtch/directory';
import { connectorAudience, createPageAuth, createTokenVerifier, PagesConfig } from '@cwtch/http';
import { createLogger, OWNER_ONLY_UMASK, onStopSignals, parseConfig, repairOwnerOnly } from '@cwtch/runtime';
import { serve } from '@hono/node-server';
import type { AgencyContext } from './agency-context.ts';
import { createApp } from './app.ts';
import { logFiguresClient } from './board/log-figures-client.ts';
import { scheduleBoardStatistics } from './board/send-board-statistics.ts';
import { CollectionState } from './collection-state.ts';
import { ConnectorConfig } from './config.ts';
import { watchEscalations } from './escalation.ts';
import { flushReceipts } from './flush-receipts.ts';
import { InboxStore } from './inbox-store.ts';
import { Keyring } from './keyring.ts';
import { Metrics } from './metrics.ts';
import { receiveMessages, sendReceipt } from './receive-share.ts';
import { flushStatements } from './send-statement.ts';
import { startWebhooks } from './webhook/start-webhooks.ts';
import { Witness, witnessName } from './witness.ts';

// Everything this process and its children create is owner-only (the inbox holds plaintext).
process.umask(OWNER_ONLY_UMASK);
const config = parseConfig(ConnectorConfig, process.env);
const pagesConfig = parseConfig(PagesConfig, process.env);
const logger = createLogger('connector', config.CWTCH_LOG_LEVEL).child({ agency: config.CWTCH_AGENCY });

// A folder an older version wrote with looser modes is made owner-only before anything opens it.
const repaired = await repairOwnerOnly(config.CWTCH_AGENCY_DIR);
if (repaired.length > 0) logger.warn({ count: repaired.length }, 'made the agency folder owner-only');

await initCrypto();
const keyring = new Keyring(join(config.CWTCH_AGENCY_DIR, 'keys'), config.CWTCH_AGENCY);
await keyring.load();
const subjectKey = new Uint8Array(
  Buffer.from((await readFile(config.CWTCH_SUBJECT_KEY_FILE, 'utf8')).trim(), 'base64url'),
);
const jwks = JSON.parse(await readFile(config.CWTCH_JWKS_FILE, 'utf8'));

const nc = await connectBus({
  servers: config.CWTCH_NATS_URL,
  name: `cwtch-connector-${config.CWTCH_AGENCY}`,
  credsFile: config.CWTCH_NATS_CREDS,
  nkeySeedFile: config.CWTCH_NATS_NKEY_FILE,
  caFile: config.CWTCH_NATS_CA_FILE,
  inboxPrefix: inboxPrefixOf(config.CWTCH_AGENCY),
  logger,
});
const directory = new DirectoryWatcher(
  new Uint8Array(Buffer.from(config.CWTCH_GOVERNANCE_KEY, 'base64url')),
  logger,
);
// A rotation adds a key file before the directory names the key: reload the keyring on every change.
directory.onChange(
  () => void keyring.load().catch((err) => logger.error({ err }, 'cannot reload the keyring')),
);
// Behind a leaf node the region's JetStream is in its own domain: inbox and directory go there.
const js = jetstream(nc, config.CWTCH_NATS_DOMAIN ? { domain: config.CWTCH_NATS_DOMAIN } : {});
// A leaf node whose link is down answers nothing for the region: wait for it rather than exit.
for (let attempt = 0; ; attempt++) {
  try {
    await directory.start(js);
    break;
  } catch (err) {
    if (!config.CWTCH_NATS_DOMAIN) throw err;
    if (attempt % 10 === 0) logger.warn({ err }, 'cannot read the directory yet; retrying');
    await new Promise((r) => setTimeout(r, 1000));
  }
}
const store = new InboxStore(join(config.CWTCH_AGENCY_DIR, 'inbox.sqlite'), {
  webhooks: config.CWTCH_WEBHOOK_URL !== undefined,
  backgroundCheckpoints: {
    onFailed: (reason) =>
      logger.warn({ reason }, 'background checkpoints of the inbox store stopped; commits checkpoint again'),
  },
});
const collection = new CollectionState(nc, {
  thresholdMs: config.CWTCH_SILENCE_THRESHOLD_MS,
  refreshMs: config.CWTCH_COLLECTION_POLL_MS,
  logger,
});
collection.start();

const ctx: AgencyContext = {
  agency: config.CWTCH_AGENCY,
  keyring,
  directory,
  js,
  publisher: new PublishGroup(js, { logger }),
  store,
  subjectKey,
  maxTtlMs: config.CWTCH_MAX_TTL_DAYS * 86_400_000,
  logger,
  metrics: new Metrics(),
  events: new EventEmitter().setMaxListeners(1000),
  collection,
  logFigures: logFiguresClient(nc),
};

// Receipts decided before a crash or outage but never published go out every few seconds, each
// on its own (one that fails waits for the next round without holding up the rest).
let flushing = false;
const flushTimer = setInterval(() => {
  if (flushing) return;
  flushing = true;
  flushReceipts(ctx, (item, status, extra) => sendReceipt(ctx, item, status, extra))
    .then(() => flushStatements(ctx))
    .catch((err) => logger.warn({ err }, 'receipt flush failed'))
    .finally(() => {
      flushing = false;
    });
}, 5000);

// Respond-by times that pass unanswered climb the ladder; stored state, so restarts resume it.
const stopEscalations = watchEscalations(
  ctx,
  { step2AfterMs: config.CWTCH_ESCALATION_STEP2_MS },
  config.CWTCH_ESCALATION_CHECK_MS,
);

// Last month's figures go to the board once the month is over (see board/send-board-statistics.ts).
const stopBoardSchedule =
  config.CWTCH_BOARD_SCHEDULE_MS > 0
    ? scheduleBoardStatistics(ctx, config.CWTCH_BOARD_SCHEDULE_MS)
    : () => {};

const witness =
  config.CWTCH_WITNESS_KEY_FILE && config.CWTCH_LOG_KEY
    ? new Witness(
        nc,
        js,
        store,
        {
          agency: config.CWTCH_AGENCY,
          name: witnessName(config.CWTCH_AGENCY),
          secretKey: new Uint8Array(
            Buffer.from((await readFile(config.CWTCH_WITNESS_KEY_FILE, 'utf8')).trim(), 'base64url'),
          ),
          log: {
            name: config.CWTCH_LOG_ORIGIN,
            publicKey: new Uint8Array(Buffer.from(config.CWTCH_LOG_KEY, 'base64url')),
          },
        },
        ctx.metrics,
        logger,
      )
    : undefined;
await witness?.start();
const webhooks = await startWebhooks(ctx, config);

// Whatever has arrived is taken as one batch: one commit and one fsync for every copy stored.
const consumer = runBatchConsumer(
  js,
  SHARES_STREAM,
  inboxConsumer(config.CWTCH_AGENCY),
  (msgs) => receiveMessages(ctx, msgs),
  { logger, expiresMs: config.CWTCH_PULL_EXPIRES_MS },
);

const pages = await createPageAuth(pagesConfig, {
  service: config.CWTCH_AGENCY,
  audience: connectorAudience(config.CWTCH_AGENCY),
  agency: config.CWTCH_AGENCY,
  api: { issuer: config.CWTCH_JWT_ISSUER, jwks },
  devUsers: (u) => u.agency === config.CWTCH_AGENCY && !u.roles.includes('auditor'),
});
const app = createApp(
  ctx,
  createTokenVerifier({
    issuer: config.CWTCH_JWT_ISSUER,
    audience: connectorAudience(config.CWTCH_AGENCY),
    jwks,
  }),
  {
    maxBodyBytes: config.CWTCH_MAX_BODY_BYTES,
    rateLimit: {
      capacity: config.CWTCH_RATE_LIMIT_BURST,
      refillPerSecond: config.CWTCH_RATE_LIMIT_PER_SECOND,
    },
    witness,
    webhooks,
    pages,
  },
);
const server = serve(
  { fetch: app.fetch, hostname: config.CWTCH_HOST, port: config.CWTCH_PORT },
  async (info) => {
    logger.info({ port: info.port }, 'connector listening');
    if (config.CWTCH_READY_FILE)
      await writeFile(config.CWTCH_READY_FILE, JSON.stringify({ port: info.port, pid: process.pid }));
  },
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  clearInterval(flushTimer);
  stopEscalations();
  stopBoardSchedule();
  collection.stop();
  witness?.stop();
  server.close();
  await webhooks?.stop();
  await consumer.stop();
  await nc.drain().catch(() => undefined);
  directory.stop();
  store.close();
  process.exit(0);
}
onStopSignals((reason) => void stop(reason), { withParent: config.CWTCH_STOP_WITH_PARENT });
