import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import type { OutboxItem } from '../inbox-store.ts';
import { handover, openedNote } from '../outbox-view.ts';
import { RecallRequest, recallShare } from '../recall-share.ts';
import { agencyName } from './connector-page.ts';
import { recipientEscalations } from './escalation-view.ts';
import { timeCell } from './inbox-rows.ts';
import { ID } from './notification-page.ts';
import { REASON_CODES, reasonLabel, st } from './statement-text.ts';

type Recipient = OutboxItem['recipients'][number];

/** One recipient's responses, escalations, its recall and its proof of deletion, for the sender's own users. */
export function responsesCell(ctx: AgencyContext, r: Recipient, lang: Lang): SafeHtml {
  const lines: SafeHtml[] = r.statements.map((s) => {
    const note = s.status === 'deleted' ? null : openedNote(ctx, s.note);
    return html`<li data-status="${s.status}"><strong>${st(lang, s.status as 'accepted')}</strong>${s.reason ? html`: ${reasonLabel(s.reason, lang)}` : ''}${s.actor ? html` — ${st(lang, 'by')} ${s.actor}` : ''}, ${timeCell(s.at, lang)}${note ? html`<br><q class="note">${note}</q>` : ''}</li>`;
  });
  lines.push(...recipientEscalations(ctx, r.agency, r.escalations, lang));
  if (r.recalled)
    lines.unshift(
      html`<li data-status="recalled"><strong>${st(lang, 'recalled')}</strong>: ${reasonLabel(r.recalled.reason ?? 'OTHER', lang)}, ${timeCell(r.recalled.at, lang)}</li>`,
    );
  return lines.length ? html`<ul class="responses">${lines}</ul>` : html`—`;
}

/** Who took over a handover and when, or that it is still open. */
export function handoverPanel(ctx: AgencyContext, o: OutboxItem, lang: Lang): SafeHtml {
  const took = handover(o);
  return took
    ? html`<p class="handover ok"><strong>${st(lang, 'takenOverBy')} ${agencyName(ctx, took.agency, lang)}</strong>${took.by ? html` (${took.by})` : ''}, ${timeCell(took.at, lang)}</p>`
    : html`<p class="handover muted">${st(lang, 'handoverOpen')}</p>`;
}

/** The recall form, for the sender's managers and system, until every copy is recalled. */
export function recallForm(
  o: OutboxItem,
  lang: Lang,
  csrf: string | null,
  roles: readonly string[],
): SafeHtml {
  if (!roles.includes(Role.manager) && !roles.includes(Role.system)) return html``;
  if (o.recipients.every((r) => r.recalled || r.rejected)) return html``;
  return html`<form method="post" action="/outbox/${o.id}/recall" id="recall-form" class="summary-panel">
<h2>${st(lang, 'recall')}</h2><p class="hint">${st(lang, 'recallHint')}</p>
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<label>${st(lang, 'reason')} <select name="reason" id="recall-reason" required>
${REASON_CODES.recalled.map((code) => html`<option value="${code}">${reasonLabel(code, lang)}</option>`)}
</select></label>
<label>${st(lang, 'note')} <textarea name="note" maxlength="1000" rows="2"></textarea></label>
<button type="submit" id="recall">${st(lang, 'recall')}</button>
</form>`;
}

/** `POST /outbox/{id}/recall`: a manager recalls a share from the outbox page. */
export function recallRoute(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.post(`/outbox/${ID}/recall`, async (c) => {
    requireRole(c.var.principal, [Role.manager, Role.system]);
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const note = typeof form.note === 'string' && form.note.trim() !== '' ? form.note : undefined;
    const parsed = RecallRequest.safeParse({ reason: form.reason, ...(note === undefined ? {} : { note }) });
    if (!parsed.success) throw new CwtchError(ErrorCode.BAD_REQUEST, 'choose why the share is recalled');
    try {
      await recallShare(ctx, id, parsed.data);
    } catch (e) {
      if (!isCwtchError(e, ErrorCode.CONFLICT)) throw e;
    }
    return c.redirect(`/outbox/${id}`, 303);
  });
}
