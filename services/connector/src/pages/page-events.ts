import { type PageEnv, requireRole } from '@cwtch/http';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AgencyContext } from '../agency-context.ts';
import { READERS } from './inbox-page.ts';

/** The events a page hears about, each with ids and routing metadata only (no payload). */
const EVENTS = ['notification', 'acknowledged', 'receipt', 'escalated'] as const;

/** A heartbeat this often lets the page notice a frozen connector (it allows about two missed). */
const PING_MS = 5_000;

/** Most arrivals replayed to a page that comes back; beyond them its table refresh shows the rest. */
const REPLAY_LIMIT = 50;

let counter = 0;

/** An event id: the wall-clock time it was sent, then a per-process counter (`1767225600000.42`). */
function nextId(now = Date.now()): string {
  counter += 1;
  return `${now}.${counter}`;
}

/** The time in a page's `Last-Event-ID` (header, or `?last=` when the page reconnects itself). */
export function lastSeenAt(lastEventId: string | undefined): number | undefined {
  const ms = Number((lastEventId ?? '').split('.')[0]);
  return lastEventId && Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

/**
 * `GET /events`: server-sent events for the signed-in pages (the session cookie authenticates
 * it, as `EventSource` cannot send a bearer token): `ready`, then `notification` (id, kind, from,
 * priority), `acknowledged` (id), `receipt` (id, agency, status) and `escalated` (id, side,
 * agency, step), and a `ping` every 5 s. Each carries an `id:`; a page that reconnects with
 * `Last-Event-ID` (or `?last=`) first hears a `notification` for each inbox item received after
 * it, from the store, so an arrival while it was away (even across a restart) still cues it. The
 * page script fetches what changed, and refreshes its tables on every reconnect.
 */
export function pageEvents(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/events', (c) => {
    requireRole(c.var.principal, READERS);
    const since = lastSeenAt(c.req.header('last-event-id') ?? c.req.query('last'));
    return streamSSE(c, async (stream) => {
      const send = (event: string, data: unknown) =>
        stream.writeSSE({ event, data: JSON.stringify(data), id: nextId() });
      const listeners = EVENTS.map((event) => {
        const listener = (data: unknown) => void send(event, data);
        ctx.events.on(event, listener);
        return [event, listener] as const;
      });
      stream.onAbort(() => {
        for (const [event, listener] of listeners) ctx.events.off(event, listener);
      });
      await stream.writeSSE({ event: 'ready', data: '{}', id: nextId(), retry: 2000 });
      if (since !== undefined) {
        const missed = ctx.store
          .list({ limit: REPLAY_LIMIT })
          .filter((i) => i.receivedAt > since && !i.recalled)
          .reverse();
        for (const i of missed)
          await send('notification', {
            id: i.id,
            kind: i.kind,
            from: i.from,
            priority: i.priority,
            receivedAt: i.receivedAt,
          });
      }
      while (!stream.aborted) {
        await stream.sleep(PING_MS);
        await stream.writeSSE({ event: 'ping', data: '{}', id: nextId() });
      }
    });
  });
}
