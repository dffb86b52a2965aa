import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { Hono } from 'hono';
import { acknowledgeNotification } from '../acknowledge-notification.ts';
import type { AgencyContext } from '../agency-context.ts';
import type { InboxItem } from '../inbox-store.ts';
import { agencyName, connectorPage } from './connector-page.ts';
import { escalationPanel } from './escalation-view.ts';
import { READERS } from './inbox-page.ts';
import { childName, deadlineCell, inboxTable, priorityBadge, timeCell } from './inbox-rows.ts';
import { kindSummary, kindTitle, knownKind, langOf, purposeText, t } from './page-text.ts';
import { type LeadFact, leadFacts, payloadView } from './payload-view.ts';
import { recallNotice, respondPanel, respondRoute } from './respond-panel.ts';

/** Message ids in page paths: the only thing about a share a URL ever holds. */
export const ID = ':id{[A-Za-z0-9_-]{22}}';

function ackPanel(item: InboxItem, lang: Lang, csrf: string | null, note?: string): SafeHtml {
  const action = `/inbox/${item.id}/acknowledge`;
  return html`<section id="ack-panel" class="summary-panel" data-id="${item.id}" aria-live="polite">
${
  item.status === 'acknowledged'
    ? html`<p class="ok"><strong>${t(lang, 'acknowledgedBy')} <span class="ack-by">${item.acknowledgedBy}</span></strong>, ${
        item.acknowledgedAt === null ? '' : timeCell(item.acknowledgedAt, lang)
      }</p>`
    : html`<p>${t(lang, 'notYetAcknowledged')}</p>
<form method="post" action="${action}" hx-post="${action}" hx-target="#ack-panel" hx-swap="outerHTML">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<button type="submit" id="acknowledge">${t(lang, 'acknowledge')}</button></form>`
}
${note ? html`<p class="muted">${note}</p>` : ''}
</section>`;
}

/**
 * The first screen of a notification: what it asks (actions, respond-by, risk), who else was
 * told, and the acknowledge and respond buttons.
 */
function actionPanel(
  ctx: AgencyContext,
  item: InboxItem,
  lang: Lang,
  csrf: string | null,
  roles: readonly string[],
): SafeHtml {
  const kind = knownKind(item.kind);
  const { actions, risk } = item.recalled ? { actions: [], risk: [] } : leadFacts(item.payload, lang, kind);
  const fact = (f: LeadFact) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`;
  const told = item.to.map(
    (a) =>
      html`<li data-agency="${a}">${agencyName(ctx, a, lang)}${a === ctx.agency ? html` (${t(lang, 'you')})` : ''}</li>`,
  );
  return html`<section id="what-to-do" class="summary-panel what-to-do" aria-labelledby="what-to-do-h">
<h2 id="what-to-do-h">${t(lang, 'whatToDo')}</h2>
<dl class="fields lead-facts">
${actions.length ? actions.map(fact) : item.recalled ? '' : html`<dt>${t(lang, 'actionsAsked')}</dt><dd>${t(lang, 'noActionsAsked')}</dd>`}
<dt>${t(lang, 'respondBy')}</dt><dd>${deadlineCell(item, lang, Date.now())}</dd>
<dt>${t(lang, 'priority')}</dt><dd>${priorityBadge(item.priority, lang)}</dd>
${risk.map(fact)}
<dt>${t(lang, 'whoWasTold')}</dt><dd><ul class="recipients">${told}</ul></dd>
</dl>
${item.recalled ? '' : ackPanel(item, lang, csrf)}
${respondPanel(ctx, item, lang, csrf, roles)}
</section>`;
}

function summary(ctx: AgencyContext, item: InboxItem, lang: Lang): SafeHtml {
  const rows: [string, SafeHtml | string][] = [
    [t(lang, 'from'), agencyName(ctx, item.from, lang)],
    [t(lang, 'child'), childName(item.payload)],
    [t(lang, 'received'), timeCell(item.receivedAt, lang)],
    [t(lang, 'purpose'), purposeText(item.kind, item.purpose, lang)],
    [t(lang, 'agreement'), item.agreement],
  ];
  return html`<dl class="fields summary-panel">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/**
 * `GET /inbox/{id}`: one notification, led by what it asks of the reader (actions, respond-by,
 * risk, who else was told, acknowledge and respond), then every field under English or Welsh
 * labels, and the other shares about the same child in this inbox (by subject
 * reference); `POST /inbox/{id}/acknowledge`: acknowledge it as the signed-in worker.
 */
export function notificationPage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get(`/inbox/${ID}`, (c) => {
    requireRole(c.var.principal, READERS);
    const lang = langOf(c);
    const item = ctx.store.get(c.req.param('id'));
    if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
    const related = item.subject
      ? ctx.store.list({ subject: item.subject, limit: 100 }).filter((i) => i.id !== item.id)
      : [];
    const title = kindTitle(item.kind, lang);
    const body = html`<p><a href="/">← ${t(lang, 'inbox')}</a></p>
<h1>${title}</h1>
<p class="kind-summary">${kindSummary(item.kind, item.payload, lang)}</p>
${recallNotice(item, lang)}
${actionPanel(ctx, item, lang, c.var.session.csrf, c.var.principal.roles)}
${escalationPanel(ctx, item, lang)}
${summary(ctx, item, lang)}
${
  item.recalled
    ? ''
    : html`<h2>${t(lang, 'details')}</h2>
<div class="payload">${payloadView(item.payload, lang, knownKind(item.kind))}</div>`
}
<h2 id="related">${t(lang, 'otherShares')}</h2>
${
  related.length
    ? inboxTable(ctx, related, lang, Date.now(), undefined, t(lang, 'otherShares'))
    : html`<p class="muted">${t(lang, 'noOtherShares')}</p>`
}`;
    return connectorPage(c, ctx, { title, body, lang });
  });

  pages.post(`/inbox/${ID}/acknowledge`, async (c) => {
    const principal = c.var.principal;
    requireRole(principal, [Role.frontdoor, Role.manager, Role.system]);
    const lang = langOf(c);
    const id = c.req.param('id');
    let note: string | undefined;
    try {
      await acknowledgeNotification(ctx, id, principal.name);
    } catch (e) {
      if (!isCwtchError(e, ErrorCode.CONFLICT)) throw e;
      note = e.message;
    }
    if (!c.req.header('hx-request')) return c.redirect(`/inbox/${id}`, 303);
    const item = ctx.store.get(id);
    if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
    return c.html(String(ackPanel(item, lang, c.var.session.csrf, note)));
  });

  respondRoute(pages, ctx);

  pages.get(`/inbox/${ID}/ack-panel`, (c) => {
    requireRole(c.var.principal, READERS);
    const item = ctx.store.get(c.req.param('id'));
    if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
    return c.html(String(ackPanel(item, langOf(c), c.var.session.csrf)));
  });
}
