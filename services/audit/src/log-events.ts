import { AUDIT_CONSUMER, type JetStreamManager, SHARES_STREAM } from '@cwtch/bus';
import { VerifiedSignatures } from '@cwtch/crypto';
import type { DirectoryWatcher } from '@cwtch/directory';
import type { Logger } from '@cwtch/runtime';
import type { AuditLogWriter } from './audit-log-writer.ts';
import { checkEvent } from './check-event.ts';

/** One event of the SHARES stream: its sequence, subject, bytes and the time the bus stored it. */
export interface BusEvent {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly busTime: number;
}

/**
 * Checks one SHARES event and stages its entry, once: an event already logged is skipped. Resolves
 * once the entry is staged, with `stored`, which resolves once the entry is in the log (then, and
 * only then, may the event be acknowledged). Stage events one at a time, in stream order: a
 * receipt is linked to its share on entry, against every entry staged before it. Never fails for
 * an event it can judge (a retried event would be logged behind later ones); a log that cannot be
 * appended to is fatal.
 */
export function eventLogger(deps: {
  writer: AuditLogWriter;
  directory: DirectoryWatcher;
  logger: Logger;
  fatal: (err: unknown) => never;
}): (event: BusEvent) => Promise<{ stored: Promise<void> }> {
  const { writer, directory, logger } = deps;
  // One share sent to several recipients is several copies, all signed alike: checked once.
  const signatures = new VerifiedSignatures();
  return async (event) => {
    const before = writer.logged(event.seq);
    if (before === 'stored') return { stored: Promise.resolve() };
    if (before) return { stored: before.then(() => undefined) };
    const check = () =>
      checkEvent(
        event.data,
        { seq: event.seq, subj: event.subject },
        event.busTime,
        directory.view,
        writer.staged,
        signatures.check,
      );
    let body = check();
    // A key the audit's copy of the directory does not know yet may be a rotation still in flight.
    const refreshed = async () => directory.refresh().catch(() => false);
    if (body.t === 'reject' && body.reason === 'SENDER_KEY_UNKNOWN' && (await refreshed())) body = check();
    const stored = writer.append(body, event.busTime).then(
      () => {
        if (body.t === 'reject')
          logger.warn({ seq: event.seq, code: body.reason }, 'event rejected and logged');
      },
      (err) => deps.fatal(err),
    );
    return { stored };
  };
}

/**
 * Before consuming: logs, in stream order, every event the audit consumer had been handed but never
 * acknowledged (the service stopped mid-way). JetStream would redeliver those only after their ack
 * wait, behind newer events, so a receipt could be judged before its share; read them first, in
 * order, straight from the stream. Returns how many were logged.
 */
export async function catchUpInOrder(
  jsm: JetStreamManager,
  logEvent: (event: BusEvent) => Promise<unknown>,
  index: { logged(seq: number): unknown },
): Promise<number> {
  const info = await jsm.consumers.info(SHARES_STREAM, AUDIT_CONSUMER);
  let logged = 0;
  for (let seq = info.ack_floor.stream_seq + 1; seq <= info.delivered.stream_seq; seq += 1) {
    if (index.logged(seq)) continue;
    const stored = await jsm.streams.getMessage(SHARES_STREAM, { seq }).catch(() => null);
    if (stored === null) continue;
    await logEvent({ seq, subject: stored.subject, data: stored.data, busTime: stored.time.getTime() });
    logged += 1;
  }
  return logged;
}
