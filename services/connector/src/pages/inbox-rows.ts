import { html, type Lang, type SafeHtml } from '@cwtch/http';
import type { AgencyContext } from '../agency-context.ts';
import type { InboxItem } from '../inbox-store.ts';
import { agencyName } from './connector-page.ts';
import { escalationMark } from './escalation-view.ts';
import { countdown, formatTime, kindSummary, kindTitle, t } from './page-text.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The child's name from a decrypted payload (`subject.name`), shown only in this agency's pages. */
export function childName(payload: unknown): string {
  const subject = isRecord(payload) ? payload.subject : undefined;
  const name = isRecord(subject) ? subject.name : undefined;
  if (!isRecord(name)) return '—';
  const full = [name.given, name.family].filter((p) => typeof p === 'string').join(' ');
  return typeof name.preferred === 'string' ? `${full} (${name.preferred})` : full || '—';
}

/** A time element the page script can keep current. */
export function timeCell(ms: number, lang: Lang): SafeHtml {
  return html`<time datetime="${new Date(ms).toISOString()}">${formatTime(ms, lang)}</time>`;
}

/** A respond-by countdown, red once overdue; the script re-renders it every 30 seconds. */
export function deadlineCell(item: InboxItem, lang: Lang, now: number): SafeHtml {
  if (item.respondBy === null) return html`<span class="muted">—</span>`;
  const { text, overdue } = countdown(item.respondBy, now, lang);
  const live = item.status === 'new';
  return html`<time datetime="${new Date(item.respondBy).toISOString()}"${live ? html` data-countdown` : ''} class="${overdue && live ? 'overdue' : ''}" title="${formatTime(item.respondBy, lang)}">${live ? text : formatTime(item.respondBy, lang)}</time>`;
}

/** A priority badge (not colour alone: the word is always there). */
export function priorityBadge(priority: string, lang: Lang): SafeHtml {
  const word =
    priority === 'urgent' || priority === 'high' || priority === 'routine' ? t(lang, priority) : priority;
  return html`<span class="badge ${priority}">${word}</span>`;
}

/**
 * The rows of an inbox table as one `tbody`. With `src` (the fragment URL that renders it again
 * with the same filters) it is live: the page script swaps it when something arrives.
 */
export function inboxRows(
  ctx: AgencyContext,
  items: readonly InboxItem[],
  lang: Lang,
  now: number,
  src: string | undefined,
): SafeHtml {
  return html`<tbody${src ? html` id="inbox-rows" data-src="${src}"` : ''}>
${
  items.length === 0
    ? html`<tr><td colspan="7" class="muted">${t(lang, 'none')}</td></tr>`
    : items.map(
        (i) => html`<tr data-id="${i.id}" data-priority="${i.priority}" class="priority-${i.priority}">
<td class="cell-priority" data-label="${t(lang, 'priority')}">${priorityBadge(i.priority, lang)}</td>
<td class="cell-kind" data-label="${t(lang, 'kind')}"><a href="/inbox/${i.id}">${kindTitle(i.kind, lang)}</a><br><span class="muted kind-summary">${kindSummary(i.kind, i.payload, lang)}</span></td>
<td class="cell-from" data-label="${t(lang, 'from')}">${agencyName(ctx, i.from, lang)}</td>
<td class="cell-child" data-label="${t(lang, 'child')}">${childName(i.payload)}</td>
<td class="cell-received" data-label="${t(lang, 'received')}">${timeCell(i.receivedAt, lang)}</td>
<td class="cell-respond-by" data-label="${t(lang, 'respondBy')}">${deadlineCell(i, lang, now)}</td>
<td class="status-${i.status} cell-status" data-label="${t(lang, 'status')}">${t(lang, i.status)}${i.acknowledgedBy ? html`<br><span class="muted">${i.acknowledgedBy}</span>` : ''}${escalationMark(ctx, i, lang, now)}</td>
</tr>`,
      )
}
</tbody>`;
}

/** The inbox table head and rows. */
export function inboxTable(
  ctx: AgencyContext,
  items: readonly InboxItem[],
  lang: Lang,
  now: number,
  src: string | undefined,
  caption: string,
): SafeHtml {
  const cols = ['priority', 'kind', 'from', 'child', 'received', 'respondBy', 'status'] as const;
  return html`<table class="inbox">
<caption>${caption}</caption>
<thead><tr>${cols.map((k) => html`<th scope="col">${t(lang, k)}</th>`)}</tr></thead>
${inboxRows(ctx, items, lang, now, src)}
</table>`;
}
