import type { RegionFile } from '@cwtch/contracts';
import { connectorAudience, type DevIssuer } from '@cwtch/http';
import { type ConnectorClient, CwtchApiError, createConnectorClient } from '@cwtch/sdk';
import { demoUsers } from '../demo.ts';
import type { MonthPlan, PlannedNotification } from './plan-month.ts';
import { hashChoice } from './random.ts';

/** One recipient's copy as played: when it was acknowledged (null: left waiting) and what it answered. */
export interface PlayedCopy {
  readonly agency: string;
  readonly acknowledgedAt: string | null;
  readonly responses: readonly {
    readonly status: string;
    readonly reason: string | null;
    readonly at: string;
  }[];
}

/** A planned notification once sent: its share id, the recipients the connector answered with, and each copy's fate. */
export interface PlayedNotification extends Omit<PlannedNotification, 'payload'> {
  readonly shareId: string;
  readonly sentAt: string;
  /** The respond-by the share carries: the request's, or the payload's own (a transition's planned arrival). */
  readonly respondBy: string | null;
  /** As sent (the 202 answer): the named recipients, or those routing chose. */
  readonly recipients: readonly string[];
  readonly copies: readonly PlayedCopy[];
}

/** Share of copies left unacknowledged, so that some respond-by times pass and the ladder climbs. */
const UNACKNOWLEDGED = 0.1;
/** How long after sending a recipient acknowledges: a few seconds, as a front door would. */
const ACK_DELAY_MS = [300, 6_000] as const;

/** Runs at most `n` tasks at once (a 2-core machine hosts the whole region). */
function limit(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function delivered(client: ConnectorClient, id: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.get(id);
      return;
    } catch (e) {
      if (!(e instanceof CwtchApiError && e.status === 404) || Date.now() > deadline) throw e;
    }
    await sleep(250);
  }
}

/** Whether the recipient `agency` acknowledges planned notification `n`, and after how long. */
export function ackPlan(
  seed: number,
  n: PlannedNotification,
  agency: string,
): { ack: boolean; delayMs: number } {
  const answers = n.responses.some((r) => r.agency === agency);
  const ack = answers || hashChoice(seed, `${n.id}|${agency}|ack`) >= UNACKNOWLEDGED;
  const [min, max] = ACK_DELAY_MS;
  return { ack, delayMs: min + Math.floor(hashChoice(seed, `${n.id}|${agency}|delay`) * (max - min)) };
}

/**
 * Sends the plan's notifications in order through each sender's connector (the SDK, with its
 * system token; three at a time), then at each recipient, after a few seconds, acknowledges
 * about nine copies in ten (as the demo person of its front door when the dev issuer is at
 * hand) and gives the planned answers: handovers accepted or declined, intelligence actioned.
 * Resolves with every notification as played, and those whose send was refused (the rest go on).
 */
export async function playMonth(options: {
  readonly region: RegionFile;
  readonly plan: MonthPlan;
  readonly issuer?: DevIssuer | undefined;
  readonly log?: (line: string) => void;
}): Promise<{ played: PlayedNotification[]; failed: { id: string; kind: string; error: string }[] }> {
  const { region, plan, issuer } = options;
  const agency = (id: string) => {
    const a = region.agencies[id];
    if (!a) throw new Error(`the region has no agency ${id}`);
    return a;
  };
  const senders = new Map<string, ConnectorClient>();
  const sender = (id: string) => {
    let c = senders.get(id);
    if (!c) {
      c = createConnectorClient({ baseUrl: agency(id).connector, token: agency(id).tokens.system });
      senders.set(id, c);
    }
    return c;
  };
  const people = demoUsers(Object.keys(region.agencies));
  const readers = new Map<string, Promise<ConnectorClient>>();
  const reader = (id: string) => {
    let c = readers.get(id);
    if (!c) {
      const person = people.find((u) => u.agency === id && u.roles.includes('frontdoor'));
      c = (async () => {
        const token =
          issuer && person
            ? await issuer.sign({ ...person, audience: connectorAudience(id), ttlSeconds: 900 })
            : agency(id).tokens.frontdoor;
        return createConnectorClient({ baseUrl: agency(id).connector, token });
      })();
      readers.set(id, c);
    }
    return c;
  };
  const sends = limit(3);
  const answers = limit(4);
  const followUps: Promise<void>[] = [];
  const played: PlayedNotification[] = [];
  const failed: { id: string; kind: string; error: string }[] = [];

  const answer = async (
    n: PlannedNotification,
    id: string,
    to: string,
    copy: { acknowledgedAt: string | null; responses: PlayedCopy['responses'][number][] },
  ) => {
    const client = await reader(to);
    await delivered(client, id);
    const ack = await client.acknowledge(id);
    copy.acknowledgedAt = ack.acknowledgedAt;
    for (const r of n.responses.filter((x) => x.agency === to)) {
      const request =
        r.status === 'accepted'
          ? ({ status: 'accepted' } as const)
          : ({ status: r.status, reason: r.reason ?? 'OTHER' } as const);
      const res = await client.respond(id, request);
      copy.responses.push({ status: res.status, reason: res.reason, at: res.at });
    }
  };

  let sent = 0;
  await Promise.all(
    plan.notifications.map((n) =>
      sends(async () => {
        const sentAt = Date.now();
        const res = await sender(n.from)
          .send({
            kind: n.kind,
            payload: n.payload,
            ...(n.to ? { recipients: [...n.to] } : {}),
            purpose: n.purpose,
            ...(n.respondInMs !== null ? { respondBy: new Date(sentAt + n.respondInMs).toISOString() } : {}),
          })
          .catch((e: unknown) => {
            failed.push({ id: n.id, kind: n.kind, error: (e as Error).message });
            options.log?.(`  ${n.id} ${n.kind} from ${n.from} was refused: ${(e as Error).message}`);
            return null;
          });
        if (!res) return;
        const respondBy =
          n.respondInMs !== null
            ? new Date(sentAt + n.respondInMs).toISOString()
            : n.facts.kind === 'care-home-transition'
              ? new Date(Date.parse(n.facts.plannedArrivalAt)).toISOString()
              : null;
        const copies = res.recipients.map((to) => ({
          agency: to,
          acknowledgedAt: null as string | null,
          responses: [] as PlayedCopy['responses'][number][],
        }));
        const { payload: _, ...rest } = n;
        played.push({
          ...rest,
          shareId: res.id,
          sentAt: new Date(sentAt).toISOString(),
          respondBy,
          recipients: res.recipients,
          copies,
        });
        for (const copy of copies) {
          const { ack, delayMs } = ackPlan(plan.seed, n, copy.agency);
          if (!ack) continue;
          followUps.push(
            sleep(delayMs)
              .then(() => answers(() => answer(n, res.id, copy.agency, copy)))
              .catch((e: unknown) => options.log?.(`  ${n.id} at ${copy.agency}: ${(e as Error).message}`)),
          );
        }
        sent++;
        if (sent % 50 === 0) options.log?.(`  ${sent} of ${plan.notifications.length} sent`);
      }),
    ),
  );
  await Promise.all(followUps);
  const order = new Map(plan.notifications.map((n, i) => [n.id, i]));
  return { played: played.sort((a, b) => order.get(a.id)! - order.get(b.id)!), failed };
}
