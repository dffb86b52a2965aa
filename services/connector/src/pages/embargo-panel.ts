import { EmbargoReason } from '@cwtch/contracts';
import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { EmbargoRequest, embargoShare, outboxEmbargo } from '../embargo-share.ts';
import type { OutboxItem } from '../inbox-store.ts';
import { ID } from './notification-page.ts';
import { reasonLabel, st } from './statement-text.ts';

const dates = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long', timeZone: 'Europe/London' }),
};
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** A day on London's wall clock, as words and as `YYYY-MM-DD` in `datetime`. */
function dayCell(ms: number, lang: Lang): SafeHtml {
  return html`<time datetime="${londonDay.format(ms)}">${dates[lang === 'cy' ? 'cy' : 'en'].format(ms)}</time>`;
}

/**
 * The share's embargo for subject access (docs/protocol.md §7) on the sender's outbox page: the
 * one in force, if any, and for managers and system the form that sets, moves or lifts it.
 */
export function embargoPanel(
  ctx: AgencyContext,
  o: OutboxItem,
  lang: Lang,
  csrf: string | null,
  roles: readonly string[],
): SafeHtml {
  const now = Date.now();
  const e = outboxEmbargo(ctx, o.id, now);
  const status = e
    ? html`<p class="embargo warning" id="embargo-status"><strong>${st(lang, 'embargoedUntil')} ${dayCell(e.until, lang)}</strong>: ${reasonLabel(e.reason, lang)}; ${st(lang, 'ownedBy')}: ${e.owner}</p>`
    : html``;
  if (!roles.includes(Role.manager) && !roles.includes(Role.system)) return status;
  const hidden = csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : '';
  const lift = e
    ? html`<form method="post" action="/outbox/${o.id}/embargo" id="embargo-lift-form">${hidden}
<input type="hidden" name="reason" value="${e.reason}"><input type="hidden" name="owner" value="${e.owner}">
<input type="hidden" name="reviewBy" value="${londonDay.format(now)}">
<button type="submit" id="embargo-lift">${st(lang, 'liftEmbargo')}</button></form>`
    : html``;
  return html`<section class="summary-panel" id="embargo-panel" aria-labelledby="embargo-heading">
<h2 id="embargo-heading">${st(lang, 'embargo')}</h2>${status}<p class="hint">${st(lang, 'embargoHint')}</p>
<form method="post" action="/outbox/${o.id}/embargo" id="embargo-form">${hidden}
<label>${st(lang, 'reason')} <select name="reason" id="embargo-reason" required>
${EmbargoReason.options.map((code) => html`<option value="${code}"${code === e?.reason ? html` selected` : ''}>${reasonLabel(code, lang)}</option>`)}
</select></label>
<label>${st(lang, 'owner')} <input name="owner" id="embargo-owner" required maxlength="128" autocomplete="off" value="${e?.owner ?? ''}"></label>
<label>${st(lang, 'reviewBy')} <input type="date" name="reviewBy" id="embargo-review" required min="${londonDay.format(now + 86_400_000)}"></label>
<button type="submit" id="embargo">${st(lang, e ? 'moveEmbargo' : 'embargoButton')}</button>
</form>${lift}</section>`;
}

/** `POST /outbox/{id}/embargo`: a manager sets, moves or lifts a share's embargo from the outbox page. */
export function embargoRoute(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.post(`/outbox/${ID}/embargo`, async (c) => {
    requireRole(c.var.principal, [Role.manager, Role.system]);
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const parsed = EmbargoRequest.safeParse({
      reason: form.reason,
      owner: form.owner,
      reviewBy: form.reviewBy,
    });
    if (!parsed.success)
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'give the reason, the owner and a review date');
    await embargoShare(ctx, id, parsed.data);
    return c.redirect(`/outbox/${id}`, 303);
  });
}
