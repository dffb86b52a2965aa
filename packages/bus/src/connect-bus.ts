import { readFile } from 'node:fs/promises';
import { CwtchError, ErrorCode, type Logger, silentLogger } from '@cwtch/runtime';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { credsAuth, nkeyAuth } from './nkey-native.ts';

/** How to reach NATS. */
export interface BusOptions {
  readonly servers: string | readonly string[];
  /** Client name shown by the server (`cwtch-connector-swansea-cs`, ...). */
  readonly name: string;
  /** Path to a NATS `.creds` file, when the server requires one. */
  readonly credsFile?: string | undefined;
  /** Path to a file holding this client's nkey seed (`SU...`), when the server uses nkey users. */
  readonly nkeySeedFile?: string | undefined;
  /** Reply-subject prefix; with per-user permissions it must be the user's own (`_INBOX_<name>`). */
  readonly inboxPrefix?: string | undefined;
  /** CA certificate file for a `tls://` server. */
  readonly caFile?: string | undefined;
  readonly user?: string | undefined;
  readonly pass?: string | undefined;
  readonly logger?: Logger;
  /** Give up the first connection attempt after this long (ms). */
  readonly connectTimeoutMs?: number;
  /** Keep retrying the first connection (default true: services wait for their server). */
  readonly waitOnFirstConnect?: boolean;
}

/**
 * Connects to NATS and keeps reconnecting for ever once connected, logging status changes.
 *
 * @example
 * const nc = await connectBus({ servers: 'nats://127.0.0.1:4222', name: 'cwtch-audit' });
 */
export async function connectBus(options: BusOptions): Promise<NatsConnection> {
  const logger = options.logger ?? silentLogger;
  const authenticator = options.credsFile
    ? credsAuth(await readFile(options.credsFile, 'utf8'))
    : options.nkeySeedFile
      ? nkeyAuth(await readFile(options.nkeySeedFile, 'utf8'))
      : undefined;
  let nc: NatsConnection;
  try {
    nc = await connect({
      // A cluster is written as one comma-separated URL list in region.json and config.
      servers: (typeof options.servers === 'string' ? [options.servers] : [...options.servers]).flatMap((s) =>
        s.split(','),
      ),
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      // Otherwise every request and JetStream publish builds an Error (a stack trace) up front, in
      // case it times out: measurable CPU on the hot path. Our errors name the operation themselves.
      noAsyncTraces: true,
      timeout: options.connectTimeoutMs ?? 10_000,
      waitOnFirstConnect: options.waitOnFirstConnect ?? true,
      ...(authenticator ? { authenticator } : {}),
      ...(options.inboxPrefix ? { inboxPrefix: options.inboxPrefix } : {}),
      ...(options.caFile ? { tls: { caFile: options.caFile } } : {}),
      ...(options.user ? { user: options.user, pass: options.pass ?? '' } : {}),
    });
  } catch (cause) {
    throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, `cannot connect to NATS at ${String(options.servers)}`, {
      cause,
    });
  }
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error') {
        logger.info({ nats: s.type }, 'nats status');
      }
    }
  })();
  return nc;
}
