import { html, type Lang, type PageEnv, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import type { OutboxItem } from '../inbox-store.ts';
import { recipientStatus } from '../outbox-view.ts';
import { agencyName, connectorPage } from './connector-page.ts';
import { embargoPanel, embargoRoute } from './embargo-panel.ts';
import { READERS } from './inbox-page.ts';
import { timeCell } from './inbox-rows.ts';
import { ID } from './notification-page.ts';
import { handoverPanel, recallForm, recallRoute, responsesCell } from './outbox-statements.ts';
import { kindTitle, langOf, t } from './page-text.ts';
import { silenceNotice } from './silence-notice.ts';
import { st } from './statement-text.ts';

/** A status's word: the page's own words for receipts, the statement words for the rest. */
function statusWord(status: ReturnType<typeof recipientStatus>, lang: Lang): string {
  return status === 'sent' || status === 'delivered' || status === 'acknowledged' || status === 'rejected'
    ? t(lang, status)
    : st(lang, status);
}

function recipientRows(ctx: AgencyContext, o: OutboxItem, lang: Lang): SafeHtml {
  return html`<tbody id="outbox-recipients" data-src="/outbox/${o.id}/recipients" data-share="${o.id}">
${o.recipients.map((r) => {
  const status = recipientStatus(r);
  return html`<tr data-agency="${r.agency}">
<th scope="row">${agencyName(ctx, r.agency, lang)}</th>
<td class="status-${status}">${statusWord(status, lang)}${r.rejected?.reason ? html` (${r.rejected.reason})` : ''}</td>
<td>${r.delivered ? timeCell(r.delivered.at, lang) : '—'}</td>
<td>${r.acknowledged ? timeCell(r.acknowledged.at, lang) : '—'}</td>
<td class="ack-by">${r.acknowledged?.by ?? '—'}</td>
<td class="responses-cell">${responsesCell(ctx, r, lang)}</td>
</tr>`;
})}
</tbody>`;
}

function outboxOf(ctx: AgencyContext, id: string): OutboxItem {
  const o = ctx.store.outbox(id);
  if (!o) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in this outbox');
  return o;
}

/**
 * `GET /outbox/{id}`: a share this agency sent, with each recipient's signed receipts
 * (delivered, acknowledged and by whom, rejected, accepted, declined, actioned, deleted), who
 * took over a handover, a line for each recipient yet to receive it that has stopped collecting
 * its inbox, the recall form and the subject access embargo for managers, updated live as
 * receipts arrive;
 * `GET /outbox/{id}/recipients`: the rows alone.
 */
export function outboxPage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get(`/outbox/${ID}`, (c) => {
    requireRole(c.var.principal, READERS);
    const lang = langOf(c);
    const o = outboxOf(ctx, c.req.param('id'));
    const cols = ['recipient', 'status', 'deliveredAt', 'acknowledgedAt', 'acknowledgedBy'] as const;
    const roles = c.var.principal.roles;
    const body = html`<h1>${t(lang, 'outbox')}: ${kindTitle(o.kind, lang)}</h1>
<dl class="fields summary-panel"><dt>${t(lang, 'created')}</dt><dd>${timeCell(o.createdAt, lang)}</dd>
<dt>Id</dt><dd><code>${o.id}</code></dd></dl>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t(lang, 'to')}"><table><caption>${t(lang, 'to')}</caption>
<thead><tr>${cols.map((k) => html`<th scope="col">${t(lang, k)}</th>`)}<th scope="col">${st(lang, 'responses')}</th></tr></thead>
${recipientRows(ctx, o, lang)}
</table></div>
${silenceNotice(
  ctx,
  o.recipients.filter((r) => recipientStatus(r) === 'sent').map((r) => r.agency),
  lang,
)}
${handoverPanel(ctx, o, lang)}
${recallForm(o, lang, c.var.session.csrf, roles)}
${embargoPanel(ctx, o, lang, c.var.session.csrf, roles)}`;
    return connectorPage(c, ctx, { title: t(lang, 'outbox'), body, lang, section: 'outbox' });
  });

  recallRoute(pages, ctx);
  embargoRoute(pages, ctx);

  pages.get(`/outbox/${ID}/recipients`, (c) => {
    requireRole(c.var.principal, READERS);
    return c.html(String(recipientRows(ctx, outboxOf(ctx, c.req.param('id')), langOf(c))));
  });
}
