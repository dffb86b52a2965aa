import { AUDIT_SUBJECT, type NatsConnection } from '@cwtch/bus';
import type { RegionFile } from '@cwtch/contracts';
import { createConnectorClient } from '@cwtch/sdk';
import { type Load, offerLoad, sendsIn } from './load.ts';
import { type BenchRoute, payloadKey } from './scenarios.ts';
import { cpuSeconds, type Memory, memoryOf, type Percentiles, percentiles, progress } from './stats.ts';

/** What one pipeline run measured. */
export interface PipelineResult {
  readonly label: string;
  readonly scenario: string;
  /** Sends every copy of which was logged as delivered. */
  readonly notifications: number;
  /** Copies (share, recipient) logged as delivered. */
  readonly deliveries: number;
  readonly refused: number;
  readonly seconds: number;
  /** Completed notifications (every copy's delivered receipt logged) per second. */
  readonly notificationsPerSecond: number;
  /** Delivered copies logged per second (the same as notifications/s with one recipient). */
  readonly deliveriesPerSecond: number;
  /** HTTP send → 202. */
  readonly acceptMs: Percentiles;
  /**
   * HTTP send → stored in a recipient's inbox, per copy: to the time its signed `delivered` receipt
   * states (taken by the recipient once the copy is committed), on the same machine's clock, so
   * that a pause in the bench's own process does not count as the pipeline's.
   */
  readonly sendToInboxMs: Percentiles;
  /** HTTP send → a copy's delivered receipt appended to the share log. */
  readonly endToEndMs: Percentiles;
  /** CPU milliseconds, all region processes together, per notification. */
  readonly cpuMsPerNotification: number;
  /** The same, per process (nats-server, audit, each busy connector). */
  readonly cpuMsPerNotificationBy: Readonly<Record<string, number>>;
  /** Resident and peak memory of every region process at the end of the run. */
  readonly memory: Readonly<Record<string, Memory>>;
}

const text = (b64u: string) => new TextDecoder().decode(Buffer.from(b64u, 'base64url'));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The copy a share-log entry (a message on AUDIT_SUBJECT) logs as delivered, as `{ id, agency }`
 * of its delivered receipt; undefined for any other entry.
 */
export function loggedDelivery(entryJson: string): { id: string; agency: string } | undefined {
  const entry = JSON.parse(entryJson) as { t: string; r?: string };
  if (entry.t !== 'rcpt' || !entry.r) return undefined;
  const body = JSON.parse(text(entry.r)) as { id: string; status: string; by: { agency: string } };
  return body.status === 'delivered' ? { id: body.id, agency: body.by.agency } : undefined;
}

/** Every region process by name: nats-server, audit, each agency's connector. */
export function regionProcesses(region: RegionFile): Record<string, number> {
  return {
    'nats-server': region.nats.pid,
    audit: region.audit.pid,
    ...Object.fromEntries(Object.entries(region.agencies).map(([id, x]) => [id, x.pid])),
  };
}

/** Every region process's memory now. */
export function regionMemory(region: RegionFile): Record<string, Memory> {
  return Object.fromEntries(
    Object.entries(regionProcesses(region)).flatMap(([k, pid]) => {
      const m = memoryOf(pid);
      return m ? [[k, m] as const] : [];
    }),
  );
}

/**
 * The full pipeline: each route's sender connector takes an HTTP send, seals and publishes; each
 * recipient's opens it, stores it, and receipts it; the audit service logs both. A copy is done
 * when the audit entry of its delivered receipt is on the bus, seen by an operator connection.
 */
export async function pipelineRun(
  region: RegionFile,
  nc: NatsConnection,
  routes: readonly BenchRoute[],
  payloads: ReadonlyMap<string, unknown>,
  load: Load,
  scenario: string,
): Promise<PipelineResult> {
  const label =
    load.kind === 'fixed'
      ? `${scenario}: pipeline at ${load.rate}/s`
      : `${scenario}: pipeline saturation (${load.concurrency} in flight)`;
  const key = (id: string, agency: string) => `${id} ${agency}`;
  const inboxAt = new Map<string, number>();
  const loggedAt = new Map<string, number>();
  const receipts = nc.subscribe('cwtch.receipt.>', {
    callback: (_e, m) => {
      const body = JSON.parse(text((JSON.parse(m.string()) as { r: string }).r)) as {
        id: string;
        status: string;
        by: { agency: string };
        at: number;
      };
      // The first: a copy redelivered under load may be receipted again with a later time, a
      // publish JetStream drops as a duplicate (same message id) but core subscribers still see.
      const k = key(body.id, body.by.agency);
      if (body.status === 'delivered' && !inboxAt.has(k)) inboxAt.set(k, body.at);
    },
  });
  const entries = nc.subscribe(AUDIT_SUBJECT, {
    callback: (_e, m) => {
      const copy = loggedDelivery(m.string());
      if (copy) loggedAt.set(key(copy.id, copy.agency), performance.timeOrigin + performance.now());
    },
  });
  const named = regionProcesses(region);
  const cpuBeforeBy = Object.fromEntries(Object.entries(named).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const total = sendsIn(load);
  const offered = await offerLoad(
    routes.map((route) => {
      const a = region.agencies[route.from]!;
      return {
        baseUrl: a.connector,
        token: a.tokens.system,
        request: { kind: route.kind, payload: payloads.get(payloadKey(route)), recipients: [...route.to] },
      };
    }),
    load,
    (started) => progress(label, started, total),
  );
  progress(label, total, total);
  const { records, refused, started } = offered;
  // Each send's record (its start on the wall clock receipts state their times in, and on the
  // high-resolution clock as epoch milliseconds, which this thread's log-entry times are in too).
  const sentAt = new Map(records.map((r) => [r.id, r]));
  const copies = records.flatMap((r) => r.recipients.map((agency) => key(r.id, agency)));
  const deadline = Date.now() + 120_000;
  while (copies.some((k) => !loggedAt.has(k)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const done = copies.filter((k) => loggedAt.has(k));
  const finished = Math.max(...done.map((k) => loggedAt.get(k)!), started + 1);
  const memory = regionMemory(region);
  const cpuBy = Object.entries(named).map(
    ([k, pid]) => [k, cpuSeconds(pid) - (cpuBeforeBy[k] ?? 0)] as const,
  );
  const cpu = cpuBy.reduce((sum, [, s]) => sum + s, 0);
  receipts.unsubscribe();
  entries.unsubscribe();
  const complete = records.filter((r) => r.recipients.every((agency) => loggedAt.has(key(r.id, agency))));
  const sent = (k: string) => sentAt.get(k.slice(0, k.indexOf(' ')))!;
  const seconds = (finished - started) / 1000;
  const perNotification = (s: number) => round2((s * 1000) / Math.max(1, complete.length));
  return {
    label,
    scenario,
    notifications: complete.length,
    deliveries: done.length,
    refused,
    seconds: round2(seconds),
    notificationsPerSecond: Math.round(complete.length / seconds),
    deliveriesPerSecond: Math.round(done.length / seconds),
    acceptMs: percentiles(records.map((r) => r.acceptMs)),
    sendToInboxMs: percentiles(
      done.filter((k) => inboxAt.has(k)).map((k) => Math.max(0, inboxAt.get(k)! - sent(k).wall)),
    ),
    endToEndMs: percentiles(done.map((k) => loggedAt.get(k)! - sent(k).at)),
    cpuMsPerNotification: perNotification(cpu),
    cpuMsPerNotificationBy: Object.fromEntries(
      cpuBy.filter(([, s]) => s > 0.05).map(([k, s]) => [k, perNotification(s)]),
    ),
    memory,
  };
}

/** A route the region refused when probed, and why. */
export interface RefusedRoute {
  readonly route: BenchRoute;
  readonly reason: string;
}

/**
 * Sends one notification on each route (a warm-up too): the routes the region takes, and the
 * refused. With `onePerSender`, a sender's later routes are tried only while none was taken, and
 * refusals are kept only for senders left without a route.
 */
export async function probeRoutes(
  region: RegionFile,
  routes: readonly BenchRoute[],
  payloads: ReadonlyMap<string, unknown>,
  onePerSender = false,
): Promise<{ usable: BenchRoute[]; refused: RefusedRoute[] }> {
  const usable: BenchRoute[] = [];
  let refused: RefusedRoute[] = [];
  for (const route of routes) {
    if (onePerSender && usable.some((r) => r.from === route.from)) continue;
    const a = region.agencies[route.from]!;
    const client = createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
    try {
      await client.send({
        kind: route.kind,
        payload: payloads.get(payloadKey(route)),
        recipients: [...route.to],
      } as never);
      usable.push(route);
    } catch (e) {
      refused.push({ route, reason: e instanceof Error ? e.message.slice(0, 200) : String(e) });
    }
  }
  if (onePerSender) refused = refused.filter((r) => !usable.some((u) => u.from === r.route.from));
  return { usable, refused };
}
