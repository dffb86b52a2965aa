import {
  html,
  type Lang,
  type PageEnv,
  Role,
  requireRole,
  type SafeHtml,
  type WordPair,
  wordsOf,
} from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { IndexedShare, ShareIndex } from '../share-index.ts';
import { auditLang, auditPage, recipientStates, when } from './audit-page.ts';
import { type AuditAgency, type AuditWord, agencyLabels, aw, codeWord, kindLabel } from './audit-words.ts';

/** One line of a share's timeline. */
interface Event {
  readonly at: number;
  readonly what: string;
  readonly detail: SafeHtml;
  readonly index?: number;
}

/** The words of a timeline's details, in English and Welsh. */
const DETAIL = {
  by: ['by', 'gan'],
  signedWithKey: ['signed with key', 'wedi’i lofnodi â’r allwedd'],
  copyFor: ['copy for', 'copi i'],
  writtenToLog: ['written to the share log', 'wedi’i ysgrifennu i’r log rhannu'],
  to: ['to', 'at'],
  reviewDate: ['review date', 'dyddiad adolygu'],
  proofOfDeletion: ['signed proof of deletion', 'prawf dileu wedi’i lofnodi'],
  statement: ['signed statement', 'datganiad wedi’i lofnodi'],
  receipt: ['signed receipt', 'derbynneb wedi’i llofnodi'],
  respondByPassed: [
    'respond-by passed; not acknowledged by',
    'aeth yr amser ymateb heibio; heb ei gydnabod gan',
  ],
} as const satisfies Record<string, WordPair>;
const dw = wordsOf(DETAIL);

/**
 * Every logged event of a share in time order: sent (signed by the sender), each copy logged,
 * each receipt its recipients signed (delivered, acknowledged with the worker's name, rejected with
 * its reason), and a respond-by that passed without an acknowledgement. Events nobody authentic
 * signed for this share are never part of it (they are listed under the log's rejections).
 * Details are in `lang`, with agencies shown by `name`; `what` stays the event's code.
 */
export function timeline(
  s: IndexedShare,
  now: number,
  lang: Lang = 'en',
  name: (id: string) => string = (id) => id,
): Event[] {
  const w = (key: keyof typeof DETAIL) => dw(lang, key);
  const events: Event[] = [
    {
      at: s.issuedAt,
      what: 'sent',
      detail: html`${w('by')} <strong>${name(s.from)}</strong>, ${w('signedWithKey')} <code>${s.keys.from}</code>`,
    },
    ...s.copies.map((c) => ({
      at: c.loggedAt,
      what: 'logged',
      detail: html`${w('copyFor')} <strong>${name(c.to)}</strong> ${w('writtenToLog')}`,
      index: c.index,
    })),
    ...s.receipts.map((r) => ({
      at: r.at,
      what: r.status,
      // A sender's statement (a recall) names the recipient it is addressed to; a note stays sealed.
      detail: html`${w('by')} <strong>${name(r.agency)}</strong>${r.to !== s.from ? html` ${w('to')} <strong>${name(r.to)}</strong>` : ''}${r.actor ? html` (${r.actor})` : ''}${r.reason ? html`: ${r.reason}` : ''}${r.until === undefined ? '' : html`, ${w('reviewDate')} ${when(r.until, lang)}`}, ${r.status === 'deleted' ? w('proofOfDeletion') : r.agency === s.from ? w('statement') : w('receipt')}`,
      index: r.index,
    })),
  ];
  if (s.respondBy !== null && s.respondBy < now) {
    const waiting = recipientStates(s).filter((r) => r.state !== 'acknowledged' && r.state !== 'rejected');
    if (waiting.length)
      events.push({
        at: s.respondBy,
        what: 'overdue',
        detail: html`${w('respondByPassed')} ${waiting.map((r) => name(r.agency)).join(', ')}`,
      });
  }
  return events.sort((a, b) => a.at - b.at);
}

/** `GET /shares/{id}`: one share's routing metadata and timeline (never its payload: the log has none). */
export function sharePage(
  pages: Hono<PageEnv>,
  index: ShareIndex,
  agencies: () => readonly AuditAgency[],
): void {
  pages.get('/shares/:id{[A-Za-z0-9_-]{22}}', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const s = index.get(c.req.param('id'));
    if (!s) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in the log');
    const lang = auditLang(c);
    const w = (key: AuditWord) => aw(lang, key);
    const name = agencyLabels(agencies(), lang);
    const meta: [string, SafeHtml | string][] = [
      [w('kind'), kindLabel(s.kind, lang)],
      [w('from'), name(s.from)],
      [w('to'), s.to.map(name).join(', ')],
      [w('purpose'), s.purpose],
      [w('agreement'), s.agreement],
      [w('basis'), s.basis],
      [w('priority'), codeWord(s.priority, lang)],
      [w('respondBy'), s.respondBy === null ? '—' : when(s.respondBy, lang)],
      [w('reference'), html`<code>${s.subject ?? '—'}</code>`],
      [w('bodyHash'), html`<code>${s.bodyHash}</code>`],
      [
        w('recipientKeys'),
        html`${s.keys.to.map((k, i) => html`${i ? ', ' : ''}${name(k.agency)} <code>${k.kid}</code>`)}`,
      ],
    ];
    const body = html`<p><a href="/">← ${w('shareLog')}</a></p>
<h1>${w('shareHeading')} <code>${s.id}</code></h1>
<dl class="fields summary-panel">${meta.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p class="hint">${w('metadataOnly')}</p>
<h2>${w('timeline')}</h2>
<ol class="timeline" id="timeline">${timeline(s, Date.now(), lang, name).map(
      (e) =>
        html`<li data-event="${e.what}">${when(e.at, lang)} <strong class="event">${codeWord(e.what, lang)}</strong> ${e.detail}${e.index === undefined ? '' : html` <span class="muted">(${w('logEntry')} ${e.index})</span>`}</li>`,
    )}</ol>`;
    return auditPage(c, { title: `${w('shareHeading')} ${s.id}`, body, lang });
  });
}
