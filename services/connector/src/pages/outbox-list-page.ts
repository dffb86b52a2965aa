import { html, type PageEnv, requireRole } from '@cwtch/http';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { recipientStatus } from '../outbox-view.ts';
import { agencyName, connectorPage } from './connector-page.ts';
import { READERS } from './inbox-page.ts';
import { timeCell } from './inbox-rows.ts';
import { handoverPanel } from './outbox-statements.ts';
import { kindTitle, langOf, t } from './page-text.ts';
import { st } from './statement-text.ts';

/** `GET /outbox`: the shares this agency sent, newest first, with each recipient's latest status. */
export function outboxListPage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/outbox', (c) => {
    requireRole(c.var.principal, READERS);
    const lang = langOf(c);
    const items = ctx.store.outboxList(200);
    const word = (s: ReturnType<typeof recipientStatus>) =>
      s === 'sent' || s === 'delivered' || s === 'acknowledged' || s === 'rejected'
        ? t(lang, s)
        : st(lang, s);
    const body = html`<h1>${st(lang, 'sentNotifications')}</h1>
<table class="outbox-list"><caption>${st(lang, 'sentNotifications')}</caption>
<thead><tr><th scope="col">${t(lang, 'created')}</th><th scope="col">${t(lang, 'kind')}</th><th scope="col">${st(lang, 'recipients')}</th><th scope="col">${st(lang, 'takenOverBy')}</th></tr></thead>
<tbody id="outbox-list">
${
  items.length === 0
    ? html`<tr><td colspan="4" class="muted">${t(lang, 'none')}</td></tr>`
    : items.map(
        (o) => html`<tr data-id="${o.id}">
<td>${timeCell(o.createdAt, lang)}</td>
<td><a href="/outbox/${o.id}">${kindTitle(o.kind, lang)}</a></td>
<td><ul class="recipients">${o.recipients.map((r) => {
          const s = recipientStatus(r);
          return html`<li data-agency="${r.agency}" data-status="${s}">${agencyName(ctx, r.agency, lang)}: <span class="status-${s}">${word(s)}</span></li>`;
        })}</ul></td>
<td>${handoverPanel(ctx, o, lang)}</td>
</tr>`,
      )
}
</tbody></table>`;
    return connectorPage(c, ctx, { title: st(lang, 'sentNotifications'), body, lang, section: 'outbox' });
  });
}
