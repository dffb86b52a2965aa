import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { StreamConfig, StreamInfo, StreamState } from '@nats-io/jetstream';
import { createInbox, type Msg, type NatsConnection } from '@nats-io/transport-node';

/**
 * JetStream's own stream snapshot and restore (the protocol behind `nats stream backup` and
 * `nats stream restore`), which the @nats-io/jetstream 3.x client does not offer. A snapshot is
 * the server's archive of the stream's store, consumers and their state included; only the
 * server that made it reads it, and only through {@link restoreStream}.
 */

/** What a snapshot carries besides its bytes: the stream as it was when the snapshot began. */
export interface StreamSnapshotInfo {
  readonly config: StreamConfig;
  readonly state: StreamState;
}

/** Options of {@link snapshotStream} and {@link restoreStream}. */
export interface StreamBackupOptions {
  /** JetStream domain (a leaf node's), when the API is `$JS.<domain>.API`. */
  readonly domain?: string;
  /** Chunk size asked of the server, or sent to it (bytes; default 128 KiB). */
  readonly chunkSize?: number;
  /** How long to wait for the server's answer to a request, or for the next chunk (ms). */
  readonly timeoutMs?: number;
}

const DEFAULT_CHUNK = 128 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const apiPrefix = (domain?: string) => (domain ? `$JS.${domain}.API` : '$JS.API');

interface ApiAnswer {
  readonly error?: { readonly code?: number; readonly err_code?: number; readonly description?: string };
}

/** Parses a JetStream API answer, throwing its error as a CwtchError. */
function answer<T extends ApiAnswer>(msg: Msg, what: string): T {
  let body: T;
  try {
    body = JSON.parse(decoder.decode(msg.data)) as T;
  } catch (cause) {
    throw new CwtchError(ErrorCode.INTERNAL, `${what}: the server's answer is not JSON`, { cause });
  }
  if (body.error) {
    const { code, err_code, description } = body.error;
    // 10059: no such stream; 10058 and 10130: a stream of that name exists.
    const kind =
      err_code === 10059 || code === 404
        ? ErrorCode.NOT_FOUND
        : err_code === 10058 || err_code === 10130
          ? ErrorCode.CONFLICT
          : ErrorCode.INTERNAL;
    throw new CwtchError(kind, `${what}: ${description ?? 'refused'} (${err_code ?? code})`);
  }
  return body;
}

async function request(nc: NatsConnection, subject: string, data: Uint8Array, timeout: number, what: string) {
  try {
    return await nc.request(subject, data, { timeout });
  } catch (cause) {
    throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, `${what}: no answer from JetStream`, { cause });
  }
}

/**
 * Snapshots `stream` (messages, consumers and their delivery state; every message's checksum is
 * checked first), passing the archive to `write` chunk by chunk in order. Each chunk is
 * acknowledged only once `write` has resolved, so a slow writer slows the server down rather than
 * losing chunks. Resolves with the stream's configuration and state at the snapshot.
 *
 * @example
 * const out = createWriteStream('SHARES.snapshot');
 * const { state } = await snapshotStream(nc, 'SHARES', (chunk) => write(out, chunk));
 */
export async function snapshotStream(
  nc: NatsConnection,
  stream: string,
  write: (chunk: Uint8Array) => Promise<void> | void,
  options: StreamBackupOptions = {},
): Promise<StreamSnapshotInfo> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const what = `snapshot of stream ${stream}`;
  const deliver = createInbox();
  const sub = nc.subscribe(deliver);
  try {
    const req = {
      deliver_subject: deliver,
      chunk_size: options.chunkSize ?? DEFAULT_CHUNK,
      // Check every message's checksum before the snapshot: a damaged store is not backed up.
      jsck: true,
    };
    const reply = await request(
      nc,
      `${apiPrefix(options.domain)}.STREAM.SNAPSHOT.${stream}`,
      encoder.encode(JSON.stringify(req)),
      timeout,
      what,
    );
    const info = answer<ApiAnswer & { config: StreamConfig; state: StreamState }>(reply, what);
    const iterator = sub[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([
        iterator.next(),
        new Promise<'stalled'>((r) => setTimeout(() => r('stalled'), timeout).unref()),
      ]);
      if (next === 'stalled')
        throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, `${what}: no chunk for ${timeout} ms`);
      if (next.done) throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, `${what}: the connection closed`);
      const msg = next.value;
      if (msg.data.length === 0) {
        // The end: no status or 204 when complete; 408 (no flow, no interest) or 500 otherwise.
        const code = msg.headers?.code ?? 0;
        if (code !== 0 && code !== 204)
          throw new CwtchError(
            ErrorCode.INTERNAL,
            `${what} failed on the server: ${code} ${msg.headers?.description ?? ''}`.trim(),
          );
        return { config: info.config, state: info.state };
      }
      await write(msg.data);
      if (msg.reply) nc.publish(msg.reply);
    }
  } finally {
    sub.unsubscribe();
  }
}

/**
 * Restores a stream from a snapshot made by {@link snapshotStream}: the server creates the stream
 * (refusing with CONFLICT when one of that name exists) from `chunks`, sent one at a time, each
 * acknowledged, then an empty message to end. Resolves with the restored stream's information.
 */
export async function restoreStream(
  nc: NatsConnection,
  snapshot: StreamSnapshotInfo,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: StreamBackupOptions = {},
): Promise<StreamInfo> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const name = snapshot.config.name;
  const what = `restore of stream ${name}`;
  const reply = await request(
    nc,
    `${apiPrefix(options.domain)}.STREAM.RESTORE.${name}`,
    encoder.encode(JSON.stringify({ config: snapshot.config, state: snapshot.state })),
    timeout,
    what,
  );
  const { deliver_subject: deliver } = answer<ApiAnswer & { deliver_subject: string }>(reply, what);
  const max = Math.min(options.chunkSize ?? DEFAULT_CHUNK, nc.info?.max_payload ?? DEFAULT_CHUNK);
  const send = async (piece: Uint8Array) => {
    const ack = await request(nc, deliver, piece, timeout, what);
    // The server answers a chunk with nothing, or with its error.
    if (ack.data.length > 0) answer(ack, what);
  };
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += max) await send(chunk.subarray(at, at + max));
  }
  // The end of the archive: the server answers once the stream is restored (or not).
  const done = await request(nc, deliver, new Uint8Array(0), Math.max(timeout, 120_000), what);
  // The answer is a stream create response: the stream's information at its top level.
  const created = answer<ApiAnswer & Partial<StreamInfo>>(done, what);
  if (!created.config || !created.state)
    throw new CwtchError(ErrorCode.INTERNAL, `${what}: no stream information returned`);
  return created as StreamInfo;
}
