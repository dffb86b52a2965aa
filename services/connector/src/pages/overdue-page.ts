import { html, type PageEnv, Role, requireRole } from '@cwtch/http';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { lateAsRecipient } from '../escalation.ts';
import type { InboxItem } from '../inbox-store.ts';
import { connectorPage } from './connector-page.ts';
import { ew, ourContact, sentLateRows } from './escalation-view.ts';
import { inboxRows, inboxTable } from './inbox-rows.ts';
import { langOf, t } from './page-text.ts';

/**
 * Notifications whose respond-by has passed while this agency still owes the sender an answer
 * (not acknowledged, or a handover neither accepted nor declined), most overdue first.
 */
export function overdueItems(ctx: AgencyContext, now: number): InboxItem[] {
  return ctx.store
    .list({ limit: 5000 })
    .filter((i) => i.respondBy !== null && i.respondBy < now && lateAsRecipient(ctx, i))
    .sort((a, b) => (a.respondBy ?? 0) - (b.respondBy ?? 0));
}

/**
 * `GET /overdue`: the managers' view of the escalation ladder (DESIGN §6a), live like the inbox:
 * this agency's late notifications with every step taken and who was alerted, its escalation
 * contact, and the shares it sent that a recipient has left unanswered, with the contact to call.
 * `GET /overdue/rows` and `GET /overdue/sent`: the live parts alone.
 */
export function overduePage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/overdue', (c) => {
    requireRole(c.var.principal, [Role.manager]);
    const lang = langOf(c);
    const now = Date.now();
    const items = overdueItems(ctx, now);
    const body = html`<h1>${t(lang, 'overdue')}</h1>
<p class="hint">${t(lang, 'overdueHint')}</p>
${ourContact(ctx, lang)}
<div id="live-announcer" class="live" role="status" aria-live="polite"></div>
${inboxTable(ctx, items, lang, now, '/overdue/rows', t(lang, 'overdue'))}
<h2>${ew(lang, 'sentLate')}</h2>
<p class="hint">${ew(lang, 'sentLateHint')}</p>
${sentLateRows(ctx, lang, now)}`;
    return connectorPage(c, ctx, { title: t(lang, 'overdue'), body, lang, section: 'overdue' });
  });

  pages.get('/overdue/rows', (c) => {
    requireRole(c.var.principal, [Role.manager]);
    const now = Date.now();
    return c.html(String(inboxRows(ctx, overdueItems(ctx, now), langOf(c), now, '/overdue/rows')));
  });

  pages.get('/overdue/sent', (c) => {
    requireRole(c.var.principal, [Role.manager]);
    return c.html(String(sentLateRows(ctx, langOf(c), Date.now())));
  });
}
