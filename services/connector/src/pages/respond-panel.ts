import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import type { InboxItem } from '../inbox-store.ts';
import { RespondRequest, respondNotification } from '../respond-notification.ts';
import { timeCell } from './inbox-rows.ts';
import { ID } from './notification-page.ts';
import { REASON_CODES, reasonLabel, st } from './statement-text.ts';

/** Roles that may accept, decline or action a notification. */
export const RESPONDERS = [Role.frontdoor, Role.manager] as const;

function csrfField(csrf: string | null): SafeHtml | string {
  return csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : '';
}

function reasonForm(
  item: InboxItem,
  lang: Lang,
  csrf: string | null,
  status: 'declined' | 'actioned',
): SafeHtml {
  const label = status === 'declined' ? st(lang, 'reason') : st(lang, 'outcome');
  return html`<form method="post" action="/inbox/${item.id}/respond" class="respond-${status}">
${csrfField(csrf)}<input type="hidden" name="status" value="${status}">
<label>${label} <select name="reason" id="${status}-reason" required>
${REASON_CODES[status].map((code) => html`<option value="${code}">${reasonLabel(code, lang)}</option>`)}
</select></label>
<label>${st(lang, 'note')} <textarea name="note" id="${status}-note" maxlength="1000" rows="2"></textarea></label>
<button type="submit" id="${status === 'declined' ? 'decline' : 'action'}">${status === 'declined' ? st(lang, 'decline') : st(lang, 'action')}</button>
</form>`;
}

/**
 * The recall notice of a notification the sender recalled: its details were destroyed here, and
 * whoever acknowledged it before is named, so what they read can be acted on.
 */
export function recallNotice(item: InboxItem, lang: Lang): SafeHtml {
  if (!item.recalled) return html``;
  return html`<section id="recall-notice" class="summary-panel warning" role="alert">
<h2>${st(lang, 'recalledBySender')}</h2>
<p>${reasonLabel(item.recalled.reason, lang)}, ${timeCell(item.recalled.at, lang)}</p>
<p>${st(lang, 'recalledHint')}</p>
${
  item.acknowledgedBy
    ? html`<p class="recalled-after-ack"><strong>${st(lang, 'recalledAfterAck')} ${item.acknowledgedBy}.</strong> ${st(lang, 'actOnWhatWasRead')}</p>`
    : ''
}
</section>`;
}

/**
 * This agency's responses to a notification so far and, for the roles that may respond, the
 * accept, decline and outcome forms the order rule still allows. Nothing once it is recalled.
 */
export function respondPanel(
  ctx: AgencyContext,
  item: InboxItem,
  lang: Lang,
  csrf: string | null,
  roles: readonly string[],
): SafeHtml {
  if (item.recalled) return html``;
  const made = ctx.store
    .statementsMade(item.id)
    .filter((s) => s.status === 'accepted' || s.status === 'declined' || s.status === 'actioned');
  const answered = made.some((s) => s.status === 'accepted' || s.status === 'declined');
  const may = roles.some((r) => (RESPONDERS as readonly string[]).includes(r));
  return html`<section id="respond-panel" class="summary-panel">
<h2>${st(lang, 'responses')}</h2>
${
  made.length
    ? html`<ul class="responses">${made.map(
        (s) =>
          html`<li data-status="${s.status}"><strong>${st(lang, s.status as 'accepted')}</strong>${s.reason ? html`: ${reasonLabel(s.reason, lang)}` : ''} — ${st(lang, 'by')} ${s.actor ?? '—'}, ${timeCell(s.at, lang)}</li>`,
      )}</ul>`
    : html`<p class="muted">${st(lang, 'noResponses')}</p>`
}
${
  may
    ? html`${
        answered
          ? ''
          : html`<form method="post" action="/inbox/${item.id}/respond">${csrfField(csrf)}<input type="hidden" name="status" value="accepted"><button type="submit" id="accept">${st(lang, 'accept')}</button></form>
${reasonForm(item, lang, csrf, 'declined')}`
      }
${reasonForm(item, lang, csrf, 'actioned')}`
    : ''
}
</section>`;
}

/** `POST /inbox/{id}/respond`: the signed-in worker accepts, declines or actions a notification. */
export function respondRoute(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.post(`/inbox/${ID}/respond`, async (c) => {
    const principal = c.var.principal;
    requireRole(principal, RESPONDERS);
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const note = typeof form.note === 'string' && form.note.trim() !== '' ? form.note : undefined;
    const parsed = RespondRequest.safeParse(
      form.status === 'accepted'
        ? { status: 'accepted' }
        : { status: form.status, reason: form.reason, ...(note === undefined ? {} : { note }) },
    );
    if (!parsed.success) throw new CwtchError(ErrorCode.BAD_REQUEST, 'choose a response and its reason');
    try {
      await respondNotification(ctx, id, principal.name, parsed.data);
    } catch (e) {
      // Someone answered first, or the sender recalled it: the page shows what stands.
      if (!isCwtchError(e, ErrorCode.CONFLICT)) throw e;
    }
    return c.redirect(`/inbox/${id}`, 303);
  });
}
