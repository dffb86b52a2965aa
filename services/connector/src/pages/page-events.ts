import { type PageEnv, requireRole } from '@cwtch/http';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AgencyContext } from '../agency-context.ts';
import { READERS } from './inbox-page.ts';

/** The events a page hears about, each with ids and routing metadata only (no payload). */
const EVENTS = ['notification', 'acknowledged', 'receipt', 'escalated'] as const;

/**
 * `GET /events`: server-sent events for the signed-in pages (the session cookie authenticates
 * it, as `EventSource` cannot send a bearer token): `notification` (id, kind, from, priority),
 * `acknowledged` (id), `receipt` (id, agency, status) and `escalated` (id, side, agency, step). The
 * page script fetches what changed.
 */
export function pageEvents(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/events', (c) => {
    requireRole(c.var.principal, READERS);
    return streamSSE(c, async (stream) => {
      const listeners = EVENTS.map((event) => {
        const listener = (data: unknown) => void stream.writeSSE({ event, data: JSON.stringify(data) });
        ctx.events.on(event, listener);
        return [event, listener] as const;
      });
      stream.onAbort(() => {
        for (const [event, listener] of listeners) ctx.events.off(event, listener);
      });
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 2000 });
      while (!stream.aborted) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: 'ping', data: '{}' });
      }
    });
  });
}
