import { html, type PageEnv, Role, requireRole } from '@cwtch/http';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import type { InboxItem } from '../inbox-store.ts';
import { connectorPage } from './connector-page.ts';
import { inboxRows, inboxTable } from './inbox-rows.ts';
import { langOf, t } from './page-text.ts';

/** Unacknowledged notifications whose respond-by time has passed, most overdue first. */
export function overdueItems(ctx: AgencyContext, now: number): InboxItem[] {
  return ctx.store
    .list({ status: 'new', limit: 5000 })
    .filter((i) => i.respondBy !== null && i.respondBy < now)
    .sort((a, b) => (a.respondBy ?? 0) - (b.respondBy ?? 0));
}

/** `GET /overdue`: the manager's view of escalations (live, like the inbox); `GET /overdue/rows`. */
export function overduePage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/overdue', (c) => {
    requireRole(c.var.principal, [Role.manager]);
    const lang = langOf(c);
    const now = Date.now();
    const body = html`<h1>${t(lang, 'overdue')}</h1>
<p class="hint">${t(lang, 'overdueHint')}</p>
<div id="live-announcer" class="live" role="status" aria-live="polite"></div>
${inboxTable(ctx, overdueItems(ctx, now), lang, now, '/overdue/rows', t(lang, 'overdue'))}`;
    return connectorPage(c, ctx, { title: t(lang, 'overdue'), body, lang, section: 'overdue' });
  });

  pages.get('/overdue/rows', (c) => {
    requireRole(c.var.principal, [Role.manager]);
    const now = Date.now();
    return c.html(String(inboxRows(ctx, overdueItems(ctx, now), langOf(c), now, '/overdue/rows')));
  });
}
