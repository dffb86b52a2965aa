import { AUDIT_SUBJECT, type NatsConnection, receiptSubject } from '@cwtch/bus';
import type { RegionFile } from '@cwtch/contracts';
import { createConnectorClient } from '@cwtch/sdk';
import { cpuSeconds, type Percentiles, percentiles, progress, totalCpu } from './stats.ts';

/** What one pipeline run measured. */
export interface PipelineResult {
  readonly label: string;
  readonly notifications: number;
  readonly refused: number;
  readonly seconds: number;
  /** Completed notifications (audit entry of the delivered receipt written) per second. */
  readonly notificationsPerSecond: number;
  /** HTTP send → 202. */
  readonly acceptMs: Percentiles;
  /** HTTP send → stored in the recipient's inbox (its signed delivered receipt published). */
  readonly sendToInboxMs: Percentiles;
  /** HTTP send → the delivered receipt's entry appended to the share log. */
  readonly endToEndMs: Percentiles;
  /** CPU milliseconds, all region processes together, per notification. */
  readonly cpuMsPerNotification: number;
  /** The same, per process (nats-server, audit, each busy connector). */
  readonly cpuMsPerNotificationBy: Readonly<Record<string, number>>;
}

/** How to load the pipeline: a fixed offered rate for a time, or as fast as `concurrency` allows. */
export type Load =
  | { readonly kind: 'fixed'; readonly rate: number; readonly seconds: number }
  | { readonly kind: 'saturation'; readonly count: number; readonly concurrency: number };

const text = (b64u: string) => new TextDecoder().decode(Buffer.from(b64u, 'base64url'));

/**
 * The full pipeline: hillside's connector takes an HTTP send, seals and publishes; swansea-cs's
 * opens it, stores it, and receipts it; the audit service logs both. Completion is observed on
 * the bus (the receipt, then the log entry for it) by an operator connection.
 */
export async function pipelineRun(
  region: RegionFile,
  nc: NatsConnection,
  payload: unknown,
  load: Load,
): Promise<PipelineResult> {
  const label =
    load.kind === 'fixed'
      ? `pipeline at ${load.rate}/s`
      : `pipeline saturation (${load.concurrency} in flight)`;
  const a = region.agencies;
  const hillside = createConnectorClient({
    baseUrl: a.hillside!.connector,
    token: a.hillside!.tokens.system,
  });
  const sentAt = new Map<string, number>();
  const acceptMs: number[] = [];
  const inboxAt = new Map<string, number>();
  const loggedAt = new Map<string, number>();
  const receipts = nc.subscribe(receiptSubject('hillside', 'swansea-cs'), {
    callback: (_e, m) => {
      const body = JSON.parse(text((JSON.parse(m.string()) as { r: string }).r)) as {
        id: string;
        status: string;
      };
      if (body.status === 'delivered') inboxAt.set(body.id, performance.now());
    },
  });
  const entries = nc.subscribe(AUDIT_SUBJECT, {
    callback: (_e, m) => {
      const entry = JSON.parse(m.string()) as { t: string; r?: string };
      if (entry.t !== 'rcpt' || !entry.r) return;
      const body = JSON.parse(text(entry.r)) as { id: string; status: string; by: { agency: string } };
      if (body.status === 'delivered' && body.by.agency === 'swansea-cs')
        loggedAt.set(body.id, performance.now());
    },
  });
  const named: Record<string, number> = {
    'nats-server': region.nats.pid,
    audit: region.audit.pid,
    ...Object.fromEntries(Object.entries(a).map(([id, x]) => [id, x.pid])),
  };
  const pids = Object.values(named);
  const cpuBefore = totalCpu(pids);
  const cpuBeforeBy = Object.fromEntries(Object.entries(named).map(([k, pid]) => [k, cpuSeconds(pid)]));
  let refused = 0;
  const sendOne = async () => {
    const t0 = performance.now();
    try {
      const { id } = await hillside.send({
        kind: 'care-home-transition',
        payload,
        recipients: ['swansea-cs'],
      } as never);
      sentAt.set(id, t0);
      acceptMs.push(performance.now() - t0);
    } catch {
      refused++;
    }
  };
  const started = performance.now();
  if (load.kind === 'fixed') {
    const total = Math.round(load.rate * load.seconds);
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / load.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(sendOne());
      if (i % 100 === 0) progress(label, i, total);
    }
    await Promise.all(inFlight);
    progress(label, total, total);
  } else {
    let next = 0;
    const worker = async () => {
      while (next < load.count) {
        next++;
        await sendOne();
        if (next % 100 === 0) progress(label, next, load.count);
      }
    };
    await Promise.all(Array.from({ length: load.concurrency }, worker));
    progress(label, load.count, load.count);
  }
  const deadline = Date.now() + 120_000;
  while ([...sentAt.keys()].some((id) => !loggedAt.has(id)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const finished = Math.max(...[...loggedAt.values()], performance.now() - 1);
  const cpu = totalCpu(pids) - cpuBefore;
  const cpuBy = Object.entries(named)
    .map(([k, pid]) => [k, cpuSeconds(pid) - (cpuBeforeBy[k] ?? 0)] as const)
    .filter(([, s]) => s > 0.05);
  receipts.unsubscribe();
  entries.unsubscribe();
  const ids = [...sentAt.keys()].filter((id) => loggedAt.has(id));
  const seconds = (finished - started) / 1000;
  return {
    label,
    notifications: ids.length,
    refused,
    seconds: Math.round(seconds * 100) / 100,
    notificationsPerSecond: Math.round(ids.length / seconds),
    acceptMs: percentiles(acceptMs),
    sendToInboxMs: percentiles(
      ids.filter((id) => inboxAt.has(id)).map((id) => inboxAt.get(id)! - sentAt.get(id)!),
    ),
    endToEndMs: percentiles(ids.map((id) => loggedAt.get(id)! - sentAt.get(id)!)),
    cpuMsPerNotification: Math.round(((cpu * 1000) / Math.max(1, ids.length)) * 100) / 100,
    cpuMsPerNotificationBy: Object.fromEntries(
      cpuBy.map(([k, s]) => [k, Math.round(((s * 1000) / Math.max(1, ids.length)) * 100) / 100]),
    ),
  };
}
