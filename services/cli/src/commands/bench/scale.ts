import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUDIT_STREAM,
  connectBus,
  DeliverPolicy,
  inboxConsumer,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  parseSubject,
  provisionBus,
  publishDurable,
  receiptSubject,
  renderAuthorization,
  SHARES_STREAM,
  shareSubject,
  startNatsServer,
} from '@cwtch/bus';
import { exampleAsOfToday, kinds, parseNotification } from '@cwtch/contracts';
import {
  type AgencyKeys,
  authenticateCopy,
  b64uDecode,
  b64uEncode,
  DEFAULT_MAX_TTL_MS,
  initCrypto,
  openEnvelope,
  parseReceipt,
  sealEnvelope,
  sha256,
  signReceipt,
  subjectReference,
  verifyReceipt,
} from '@cwtch/crypto';
import { type Agreement, type Directory, type DirectoryKey, DirectoryView } from '@cwtch/directory';
import { regionUsers } from '../../region/federation.ts';
import {
  firstAgencyKeys,
  loadGovernanceKey,
  loadRegionFiles,
  type RegionFiles,
  saveDirectory,
} from '../../region/region-files.ts';
import { connectOperator, startDevRegion } from '../dev.ts';
import { readExample } from '../example.ts';
import { loggedDelivery } from './pipeline.ts';
import { cpuSeconds, type Memory, memoryOf, progress } from './stats.ts';

/** What one point of the scale curve measured. */
export interface ScalePoint {
  readonly agencies: number;
  readonly agreements: number;
  /** The nats-server authorization block: bytes, and allow entries over all users. */
  readonly authorizationBytes: number;
  readonly permissionEntries: number;
  /** Server start until it accepts clients, with that configuration. */
  readonly serverStartMs: number;
  /** Streams and one inbox consumer per agency. */
  readonly provisionMs?: number;
  /**
   * The region up as `cwtch dev` starts it, without connectors: nats-server, its streams and
   * consumers, the signed directory in its bucket, and the audit service answering.
   */
  readonly regionStartMs?: number;
  /** Every simulated agency connected with its own nkey. */
  readonly connectMs?: number;
  /**
   * Shares sealed and signed by their senders, authenticated, opened and receipted by their
   * recipients, with the share and its delivered receipt both in the share log.
   */
  readonly notifications?: number;
  readonly notificationsPerSecond?: number;
  readonly natsCpuMsPerNotification?: number;
  readonly auditCpuMsPerNotification?: number;
  /** nats-server's memory once every agency is connected and the traffic logged (or at a failure). */
  readonly natsMemory?: Memory;
  /** The audit service's memory, then. */
  readonly auditMemory?: Memory;
  /** Why the point stopped short, such as the server's consumer limit. */
  readonly failed?: string;
}

/** Simulated agencies `sim-0001`…, in partnerships of `group` under one agreement each. */
export function simulatedRegion(
  agencies: number,
  group: number,
): { ids: string[]; agreements: { senders: string[]; recipients: string[] }[] } {
  const ids = Array.from({ length: agencies }, (_, i) => `sim-${String(i + 1).padStart(4, '0')}`);
  const agreements = [];
  for (let i = 0; i < ids.length; i += group) {
    const members = ids.slice(i, i + group);
    agreements.push({ senders: members, recipients: members });
  }
  return { ids, agreements };
}

/** The peer an agency sends to in the scale run: the next member of its partnership. */
export function peerOf(ids: readonly string[], index: number, group: number): string {
  const start = index - (index % group);
  const size = Math.min(group, ids.length - start);
  return ids[start + ((index - start + 1) % size)]!;
}

/** What the simulated agencies send: one kind under each partnership's agreement. */
const SIMULATED_KIND = 'missing-episode';

/**
 * The signed directory of a simulated region: each agency with the keys generated for it (their
 * private halves written to its key folder, as `cwtch dev` keeps a demo agency's), and one
 * sharing agreement per partnership. Answers the agencies and their keys.
 */
export async function writeSimulatedRegion(
  dataDir: string,
  agencies: number,
  group: number,
): Promise<{ ids: string[]; keys: Map<string, AgencyKeys> }> {
  await initCrypto();
  const { ids, agreements } = simulatedRegion(agencies, group);
  const now = Date.now();
  const keys = new Map<string, AgencyKeys>();
  const directoryKeys = new Map<string, DirectoryKey[]>();
  for (const id of ids) {
    const first = await firstAgencyKeys(dataDir, id, now);
    keys.set(id, first.keys);
    directoryKeys.set(id, first.directoryKeys);
  }
  const directory: Directory = {
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'cwtch-bench-scale',
    serial: 1,
    issuedAt: now,
    agencies: ids.map((id, i) => ({
      id,
      name: `Simulated agency ${i + 1}`,
      type: 'childrens-services',
      codes: [],
      areas: [],
      keys: directoryKeys.get(id)!,
    })),
    agreements: agreements.map((g, i) => ({
      id: `sim-isp-${String(i + 1).padStart(4, '0')}`,
      title: `Simulated partnership ${i + 1}: missing children`,
      framework: 'WASPI',
      type: 'ISP',
      senders: g.senders,
      recipients: g.recipients,
      kinds: [SIMULATED_KIND],
      purposes: ['safeguarding_child_at_risk'],
      lawfulBasis: 'UK GDPR 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18; SSWBA 2014 s164',
    })),
    routes: [],
    feeds: [],
  };
  await saveDirectory(dataDir, directory, await loadGovernanceKey(dataDir));
  return { ids, keys };
}

/** One simulated agency: its keys and its own NATS connection, speaking the protocol a connector speaks. */
interface SimulatedAgency {
  readonly id: string;
  readonly keys: AgencyKeys;
  readonly nc: NatsConnection;
}

/** The share every simulated agency sends: the kind's example, dated today, as a connector prepares it. */
async function simulatedShare(subjectKey: Uint8Array) {
  const parsed = parseNotification(
    SIMULATED_KIND,
    exampleAsOfToday(await readExample(SIMULATED_KIND), Date.now()),
  );
  if (!parsed.ok) throw new Error(`the ${SIMULATED_KIND} example does not meet its contract`);
  const contract = kinds[parsed.kind];
  const identifier = contract.subjectIdentifier(parsed.value);
  return {
    kind: parsed.kind,
    version: parsed.version,
    priority: contract.priority,
    respondBy: contract.respondBy?.(parsed.value) ?? null,
    subject: identifier ? subjectReference(subjectKey, identifier) : null,
    plaintext: new TextEncoder().encode(JSON.stringify(parsed.value)),
  };
}

/** Seals and signs `share` to `to` under their agreement and publishes it, durably, as a connector does. */
async function sendShare(
  from: SimulatedAgency,
  to: string,
  agreement: Agreement,
  view: DirectoryView,
  share: Awaited<ReturnType<typeof simulatedShare>>,
): Promise<void> {
  const now = Date.now();
  const sealed = sealEnvelope({
    iat: now,
    exp: now + DEFAULT_MAX_TTL_MS,
    kind: share.kind,
    sv: share.version,
    agreement: agreement.id,
    purpose: agreement.purposes[0]!,
    basis: agreement.lawfulBasis,
    priority: share.priority,
    respondBy: share.respondBy,
    subject: share.subject,
    plaintext: share.plaintext,
    sender: { agency: from.id, kid: from.keys.signing.kid, signSecretKey: from.keys.signing.secretKey },
    recipients: [view.currentKey(to, 'enc', now)],
  });
  await publishDurable(jetstream(from.nc), shareSubject(to, from.id), sealed.bytes, {
    msgId: `${sealed.id}.${to}`,
  });
}

/**
 * Serves the agency's inbox until it has taken `count` share copies and `count` receipts about its
 * own shares. Each copy is authenticated against the directory and opened, then a signed
 * `delivered` receipt goes to its sender before the copy is acked; each receipt's signature is
 * checked. Throws on anything that fails a check: the bench must not count what a connector
 * would refuse.
 */
async function serveInbox(me: SimulatedAgency, count: number, view: DirectoryView, onCopy: () => void) {
  const js = jetstream(me.nc);
  const consumer = await js.consumers.get(SHARES_STREAM, inboxConsumer(me.id));
  const enc = me.keys.encryption;
  const left = { share: count, receipt: count };
  // A copy not acked within the consumer's ack wait comes again, as it would to a connector under
  // load: it is receipted again (the same message id, so stored once) and counted once.
  const seen = { share: new Set<string>(), receipt: new Set<string>() };
  while (left.share + left.receipt > 0) {
    // A long wait: a thousand agencies share this one process, and a fetch gives up after two of
    // its heartbeats (half its wait each) go unseen while the event loop is busy sealing.
    const batch = await consumer.fetch({ max_messages: left.share + left.receipt, expires: 30_000 });
    let got = 0;
    for await (const m of batch) {
      const route = parseSubject(m.subject);
      const busTime = Math.floor(m.info.timestampNanos / 1e6);
      const signingKey = (agency: string, kid: string) => view.signingKey(agency, kid, busTime);
      if (route?.type === 'receipt') {
        const receipt = verifyReceipt(parseReceipt(m.data), signingKey);
        if (!seen.receipt.has(receipt.body.id)) {
          seen.receipt.add(receipt.body.id);
          left.receipt--;
        }
      } else if (route?.type === 'share') {
        const copy = authenticateCopy(m.data, route, signingKey);
        if (!copy.ok) throw new Error(`${me.id} refused a copy from ${route.from}: ${copy.code}`);
        const h = copy.envelope.header;
        openEnvelope(copy.envelope, {
          me: { agency: me.id, kid: enc.kid, publicKey: enc.publicKey, secretKey: enc.secretKey },
        });
        const receipt = signReceipt(
          {
            v: 1,
            typ: 'cwtch.receipt.v1',
            id: h.id,
            status: 'delivered',
            by: { agency: me.id, kid: me.keys.signing.kid },
            to: h.from.agency,
            at: Date.now(),
            hh: b64uEncode(sha256(copy.envelope.headerBytes)),
            b: b64uEncode(copy.envelope.bodyHash),
            actor: null,
            reason: null,
          },
          me.keys.signing.secretKey,
        );
        await publishDurable(js, receiptSubject(h.from.agency, me.id), receipt, {
          msgId: `rcpt.${h.id}.${me.id}.delivered`,
        });
        if (!seen.share.has(h.id)) {
          seen.share.add(h.id);
          left.share--;
          onCopy();
        }
      } else throw new Error(`${me.id} took ${m.subject} from its inbox`);
      m.ack();
      got++;
    }
    if (got === 0)
      throw new Error(
        `${me.id} found ${count - left.share} of its ${count} shares and ${count - left.receipt} of its ${count} receipts`,
      );
  }
}

/**
 * The copies the share log logs as delivered between two of its sequence numbers, read from the
 * AUDIT stream itself (every entry, in order), and the time the last of them was stored.
 */
async function loggedDeliveries(nc: NatsConnection, from: number, to: number) {
  const logged = new Set<string>();
  let lastLoggedAt = 0;
  if (to < from) return { logged, lastLoggedAt };
  const consumer = await jetstream(nc).consumers.get(AUDIT_STREAM, {
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: from,
  });
  const messages = await consumer.consume();
  for await (const m of messages) {
    const copy = loggedDelivery(m.string());
    if (copy) {
      logged.add(`${copy.id} ${copy.agency}`);
      lastLoggedAt = Math.max(lastLoggedAt, m.info.timestampNanos / 1e6);
    }
    if (m.seq >= to) break;
  }
  await messages.close();
  return { logged, lastLoggedAt };
}

/** The last error the audit service logged (its folder goes when the point ends), if any. */
async function lastFatal(logFile: string): Promise<string | undefined> {
  const lines = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) >= 50) return [entry.msg, entry.err?.message].filter(Boolean).join(': ');
    } catch {
      // not one of the service's JSON lines
    }
  }
  return undefined;
}

/**
 * Starts nats-server alone with the region's authorization, times its start and the streams and
 * inbox consumers it provisions, and stops it: the figures of the configuration on its own.
 */
async function probeServer(files: RegionFiles, authorization: string, ids: string[], syncInterval: string) {
  const dir = join(files.dataDir, 'probe');
  const t0 = performance.now();
  const server = await startNatsServer({ dataDir: dir, syncInterval, extraConfig: authorization });
  const serverStartMs = Math.round(performance.now() - t0);
  try {
    const nc = await connectBus({
      servers: server.url,
      name: 'operator',
      nkeySeedFile: files.nats.get('operator')!.seedFile,
    });
    try {
      const t1 = performance.now();
      await provisionBus(await jetstreamManager(nc), { agencies: ids });
      return { serverStartMs, provisionMs: Math.round(performance.now() - t1) };
    } catch (e) {
      const memory = memoryOf(server.process.pid ?? 0);
      return {
        serverStartMs,
        failed: `provisioning: ${e instanceof Error ? e.message : String(e)}`,
        ...(memory ? { natsMemory: memory } : {}),
      };
    } finally {
      await nc.close().catch(() => {});
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One point of the scale curve. A region of `agencies` simulated agencies in partnerships of
 * `group`: their keys, a signed directory with an agreement per partnership, an nkey user each
 * with the permissions `cwtch dev` gives (measured first on a nats-server of their own, start and
 * provisioning), then the region as `cwtch dev` runs it without connectors (nats-server, the
 * directory, the audit service). Every agency connects with its own credentials and sends
 * `perAgency` real shares to a partner, which authenticates, opens and receipts them; the point
 * ends when the share log holds every delivered receipt.
 */
export async function scalePoint(options: {
  agencies: number;
  group: number;
  perAgency: number;
  syncInterval: string;
}): Promise<ScalePoint> {
  const dir = await mkdtemp(join(tmpdir(), `cwtch-bench-scale-${options.agencies}-`));
  const label = `scale: ${options.agencies} agencies`;
  const connections: NatsConnection[] = [];
  let stopRegion: (() => Promise<void>) | undefined;
  try {
    const { ids, keys } = await writeSimulatedRegion(dir, options.agencies, options.group);
    const files = await loadRegionFiles(dir);
    const users = regionUsers(files);
    const authorization = renderAuthorization(users);
    const config = {
      agencies: ids.length,
      agreements: files.directory.agreements.length,
      authorizationBytes: Buffer.byteLength(authorization),
      permissionEntries: users.reduce(
        (sum, u) => sum + (u.permissions ? u.permissions.publish.length + u.permissions.subscribe.length : 0),
        0,
      ),
    };
    const probe = await probeServer(files, authorization, ids, options.syncInterval);
    if ('failed' in probe) return { ...config, ...probe };

    const t0 = performance.now();
    let started: Awaited<ReturnType<typeof startDevRegion>>;
    try {
      started = await startDevRegion({
        dataDir: dir,
        syncInterval: options.syncInterval,
        connectors: false,
        log: () => {},
      });
    } catch (e) {
      const reason = (await lastFatal(join(dir, 'logs', 'audit.log'))) ?? String(e);
      return { ...config, ...probe, failed: `the region did not start: ${reason}` };
    }
    stopRegion = started.stop;
    const regionStartMs = Math.round(performance.now() - t0);
    const { region } = started;
    const view = new DirectoryView(files.directory);
    const operator = await connectOperator(files, region.nats.url);
    connections.push(operator);
    const t1 = performance.now();
    const agencies: SimulatedAgency[] = [];
    for (const [i, id] of ids.entries()) {
      const nc = await connectBus({
        servers: region.nats.url,
        name: id,
        nkeySeedFile: files.nats.get(id)!.seedFile,
        inboxPrefix: inboxPrefixOf(id),
      });
      connections.push(nc);
      agencies.push({ id, keys: keys.get(id)!, nc });
      if (i % 50 === 0) progress(`${label}, connecting`, i, ids.length);
    }
    progress(`${label}, connecting`, ids.length, ids.length);
    const connectMs = Math.round(performance.now() - t1);

    const share = await simulatedShare(b64uDecode((await readFile(files.subjectKeyFile, 'utf8')).trim()));
    const total = ids.length * options.perAgency;
    const jsm = await jetstreamManager(operator);
    const lastSeq = async () => (await jsm.streams.info(AUDIT_STREAM)).state.last_seq;
    const logStart = await lastSeq();
    const pids = { nats: region.nats.pid, audit: region.audit.pid };
    const cpuBefore = { nats: cpuSeconds(pids.nats), audit: cpuSeconds(pids.audit) };
    let received = 0;
    const t2 = Date.now();
    await Promise.all([
      ...agencies.map(async (a, i) => {
        const to = peerOf(ids, i, options.group);
        const agreement = files.directory.agreements.find(
          (g) => g.senders.includes(a.id) && g.recipients.includes(to),
        )!;
        for (let k = 0; k < options.perAgency; k++) await sendShare(a, to, agreement, view, share);
      }),
      ...agencies.map((a) =>
        serveInbox(a, options.perAgency, view, () => {
          if (++received % 500 === 0) progress(label, received, total);
        }),
      ),
    ]);
    progress(label, total, total);
    // Each share and its delivered receipt make an entry: wait for them, then take the CPU figures.
    const deadline = Date.now() + 120_000;
    while ((await lastSeq()) < logStart + 2 * total && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const cpu = {
      nats: cpuSeconds(pids.nats) - cpuBefore.nats,
      audit: cpuSeconds(pids.audit) - cpuBefore.audit,
    };
    const { logged, lastLoggedAt } = await loggedDeliveries(operator, logStart + 1, await lastSeq());
    const per = (seconds: number) => Math.round((seconds * 1000 * 100) / Math.max(1, logged.size)) / 100;
    const natsMemory = memoryOf(pids.nats);
    const auditMemory = memoryOf(pids.audit);
    return {
      ...config,
      ...probe,
      regionStartMs,
      connectMs,
      notifications: logged.size,
      notificationsPerSecond: Math.round(logged.size / (Math.max(lastLoggedAt - t2, 1) / 1000)),
      natsCpuMsPerNotification: per(cpu.nats),
      auditCpuMsPerNotification: per(cpu.audit),
      ...(natsMemory ? { natsMemory } : {}),
      ...(auditMemory ? { auditMemory } : {}),
      ...(logged.size < total
        ? { failed: `the share log held ${logged.size} of ${total} deliveries after 2 minutes` }
        : {}),
    };
  } finally {
    for (const c of connections) await c.close().catch(() => {});
    await stopRegion?.();
    await rm(dir, { recursive: true, force: true });
  }
}
