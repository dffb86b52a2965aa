import { html, type Lang, type SafeHtml, wordsOf } from '@cwtch/http';
import type { AgencyContext } from '../agency-context.ts';
import { escalationContact, lateRecipients } from '../escalation.ts';
import type { Escalation, InboxItem, OutboxItem } from '../inbox-store.ts';
import { agencyName } from './connector-page.ts';
import { timeCell } from './inbox-rows.ts';
import { kindTitle } from './page-text.ts';

/** The words of the escalation ladder on the connector's pages, in English and Welsh. */
const WORDS = {
  ESCALATION_STEP_1: ['Escalated (step 1)', 'Uwchgyfeiriwyd (cam 1)'],
  ESCALATION_STEP_2: ['Escalated again (step 2)', 'Uwchgyfeiriwyd eto (cam 2)'],
  alerted: ['alerted', 'rhybuddiwyd'],
  bySender: ['the sender is chasing an answer', 'mae’r anfonwr yn gofyn am ateb'],
  byRecipient: ['by the recipient', 'gan y derbynnydd'],
  call: ['Call', 'Ffoniwch'],
  ourContact: ['Our escalation contact', 'Ein cyswllt uwchgyfeirio'],
  noContact: ['none named in the directory', 'dim wedi’i enwi yn y cyfeiriadur'],
  escalations: ['Escalations', 'Uwchgyfeiriadau'],
  sentLate: [
    'Shares we sent still waiting for an answer after their respond-by',
    'Hysbysiadau a anfonwyd gennym sy’n dal i aros am ateb ar ôl eu hamser ymateb',
  ],
  sentLateHint: [
    'Each recipient below has not acknowledged in time (or not taken over a handover): phone its escalation contact.',
    'Nid yw pob derbynnydd isod wedi cydnabod mewn pryd (neu heb gymryd trosglwyddiad drosodd): ffoniwch ei gyswllt uwchgyfeirio.',
  ],
  noneLate: ['None.', 'Dim.'],
  waitingFor: ['waiting for', 'yn aros am'],
} as const satisfies Record<string, readonly [string, string]>;

export const ew = wordsOf(WORDS);

const stepWord = (step: string, lang: Lang) =>
  step === 'ESCALATION_STEP_1' || step === 'ESCALATION_STEP_2' ? ew(lang, step) : step;

/** This agency's escalation contact, as the overdue page names it. */
export function ourContact(ctx: AgencyContext, lang: Lang): SafeHtml {
  const contact = escalationContact(ctx.directory.view, ctx.agency);
  return html`<p class="escalation-contact"><strong>${ew(lang, 'ourContact')}:</strong> ${contact ?? ew(lang, 'noContact')}</p>`;
}

/** The escalation steps about one inbox item: ours (who we alerted) and the sender's. */
export function escalationPanel(ctx: AgencyContext, item: InboxItem, lang: Lang): SafeHtml {
  const steps = ctx.store.escalations(item.id, ctx.agency);
  if (steps.length === 0) return html``;
  return html`<section class="summary-panel escalations" id="escalations" aria-live="polite"><h2>${ew(lang, 'escalations')}</h2>
${escalationList(ctx, steps, lang)}</section>`;
}

/** A list of escalation steps as lines: step, when, and who was alerted (or who is chasing). */
export function escalationList(ctx: AgencyContext, steps: readonly Escalation[], lang: Lang): SafeHtml {
  return html`<ul class="escalations">${steps.map(
    (e) =>
      html`<li data-step="${e.step}" data-by="${e.by}"><strong class="escalated">${stepWord(e.step, lang)}</strong>, ${timeCell(e.at, lang)}${
        e.by === ctx.agency
          ? e.alerted
            ? html` — ${ew(lang, 'alerted')}: ${e.alerted}`
            : ''
          : html` — ${agencyName(ctx, e.by, lang)}: ${ew(lang, 'bySender')}`
      }</li>`,
  )}</ul>`;
}

/** One recipient's escalation steps on the sender's outbox: ours with its contact to call, and its own. */
export function recipientEscalations(
  ctx: AgencyContext,
  agency: string,
  steps: OutboxItem['recipients'][number]['escalations'],
  lang: Lang,
): SafeHtml[] {
  if (steps.length === 0) return [];
  const contact = escalationContact(ctx.directory.view, agency);
  return steps.map(
    (e) =>
      html`<li data-status="escalated" data-step="${e.step}"><strong class="escalated">${stepWord(e.step, lang)}</strong>${
        e.side === 'recipient' ? html` ${ew(lang, 'byRecipient')}` : ''
      }, ${timeCell(e.at, lang)}${e.side === 'sender' && contact ? html` — ${ew(lang, 'call')} ${contact}` : ''}</li>`,
  );
}

/** The sender's managers' view of its own late shares: each late recipient with its contact to call. */
export function sentLateRows(ctx: AgencyContext, lang: Lang, now: number): SafeHtml {
  const late = ctx.store
    .outboxList(500)
    .filter((o) => o.respondBy !== null && o.respondBy <= now)
    .flatMap((o) => lateRecipients(o).map((agency) => ({ o, agency })))
    .filter(({ o, agency }) => o.recipients.some((r) => r.agency === agency && r.escalations.length > 0));
  return html`<ul id="sent-overdue-rows" data-src="/overdue/sent" class="sent-overdue">${
    late.length === 0
      ? html`<li class="muted">${ew(lang, 'noneLate')}</li>`
      : late.map(({ o, agency }) => {
          const r = o.recipients.find((x) => x.agency === agency)!;
          const last = r.escalations.at(-1)!;
          const contact = escalationContact(ctx.directory.view, agency);
          return html`<li data-id="${o.id}" data-agency="${agency}"><a href="/outbox/${o.id}">${kindTitle(o.kind, lang)}</a>: ${ew(lang, 'waitingFor')} ${agencyName(ctx, agency, lang)} — <strong class="escalated">${stepWord(last.step, lang)}</strong>, ${timeCell(last.at, lang)}${contact ? html` — ${ew(lang, 'call')} ${contact}` : ''}</li>`;
        })
  }</ul>`;
}

/** The last escalation step of a notification past its respond-by, for its inbox row (empty otherwise). */
export function escalationMark(ctx: AgencyContext, item: InboxItem, lang: Lang, now: number): SafeHtml {
  if (item.respondBy === null || item.respondBy > now) return html``;
  const last = ctx.store.escalations(item.id, ctx.agency).at(-1);
  return last ? html`<br><strong class="escalated">${stepWord(last.step, lang)}</strong>` : html``;
}
