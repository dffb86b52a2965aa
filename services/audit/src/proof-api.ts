import { AUDIT_API, type NatsConnection } from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import type { AuditLogWriter } from './audit-log-writer.ts';
import type { Checkpointer } from './checkpointer.ts';
import type { CollectionAnswer } from './collection-watch.ts';
import { FiguresRequest, type LogFigures } from './log-figures.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Parses `{a, b}` non-negative integers from a request body, or null. */
function pair(data: Uint8Array, a: string, b: string): [number, number] | null {
  try {
    const o = JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>;
    const x = o[a];
    const y = o[b];
    return Number.isSafeInteger(x) && Number.isSafeInteger(y) && (x as number) >= 0 && (y as number) >= 0
      ? [x as number, y as number]
      : null;
  } catch {
    return null;
  }
}

/** The month a `.figures` request asks for, or null. */
function monthIn(data: Uint8Array): string | null {
  try {
    const r = FiguresRequest.safeParse(JSON.parse(new TextDecoder().decode(data)));
    return r.success ? r.data.month : null;
  } catch {
    return null;
  }
}

/**
 * The read-only proof service on NATS (crypto reference §3.3) that witnesses use:
 * `cwtch.audit.api.checkpoint` → the latest signed note; `.consistency {from, to}` and
 * `.inclusion {index, size}` → `{hashes}` (standard base64) or `{error}`. Connectors also ask
 * `.collection` → `{at, agencies: {<id>: {lastCollectedAt, backlog, silentForMs}}}` (times in ms),
 * each agency's collection of its inbox, to warn a sender at send time, and `.figures {month}` →
 * what the log knows of each agency that month ({@link LogFigures}), for the board's connector.
 */
export function serveProofApi(
  nc: NatsConnection,
  writer: AuditLogWriter,
  checkpoints: Checkpointer,
  logger: Logger = silentLogger,
  collection?: () => CollectionAnswer,
  figures?: (month: string) => LogFigures,
) {
  const reply = (respond: (data: string) => boolean, body: unknown): void => {
    respond(JSON.stringify(body));
  };
  const sub = nc.subscribe('cwtch.audit.api.>', {
    callback: (err, msg) => {
      if (err) {
        logger.warn({ err }, 'proof api subscription error');
        return;
      }
      const respond = (d: string) => msg.respond(d);
      const tree = writer.tree;
      if (msg.subject === AUDIT_API.checkpoint) {
        const cp = checkpoints.latest;
        return reply(respond, cp ? { note: checkpoints.noteOf(cp) } : { error: 'no checkpoint yet' });
      }
      if (msg.subject === AUDIT_API.consistency) {
        const p = pair(msg.data, 'from', 'to');
        if (!p || p[0] > p[1] || p[1] > tree.size)
          return reply(respond, { error: 'need 0 <= from <= to <= log size' });
        return reply(respond, { hashes: tree.consistencyProof(p[0], p[1]).map(b64) });
      }
      if (msg.subject === AUDIT_API.inclusion) {
        const p = pair(msg.data, 'index', 'size');
        if (!p || p[0] >= p[1] || p[1] > tree.size)
          return reply(respond, { error: 'need index < size <= log size' });
        return reply(respond, { hashes: tree.inclusionProof(p[0], p[1]).map(b64) });
      }
      if (msg.subject === AUDIT_API.collection)
        return reply(respond, collection ? collection() : { error: 'collection is not watched here' });
      if (msg.subject === AUDIT_API.figures) {
        const month = monthIn(msg.data);
        if (!figures) return reply(respond, { error: 'figures are not computed here' });
        return reply(respond, month ? figures(month) : { error: 'need {"month": "YYYY-MM"}' });
      }
      return reply(respond, { error: 'unknown request' });
    },
  });
  const cosigs = nc.subscribe('cwtch.audit.cosig.*', {
    callback: (err, msg) => {
      if (!err && !checkpoints.addCosignature(msg.string()))
        logger.warn({ subject: msg.subject }, 'cosignature refused');
    },
  });
  return () => {
    sub.unsubscribe();
    cosigs.unsubscribe();
  };
}
