import { html, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { IndexedShare, ShareIndex } from '../share-index.ts';
import { auditPage, recipientStates, when } from './audit-page.ts';

/** One line of a share's timeline. */
interface Event {
  readonly at: number;
  readonly what: string;
  readonly detail: SafeHtml;
  readonly index?: number;
}

/**
 * Every logged event of a share in time order: sent (signed by the sender), each copy logged,
 * each receipt its recipients signed (delivered, acknowledged with the worker's name, rejected with
 * its reason), and a respond-by that passed without an acknowledgement. Events nobody authentic
 * signed for this share are never part of it (they are listed under the log's rejections).
 */
export function timeline(s: IndexedShare, now: number): Event[] {
  const events: Event[] = [
    {
      at: s.issuedAt,
      what: 'sent',
      detail: html`by <strong>${s.from}</strong>, signed with key <code>${s.keys.from}</code>`,
    },
    ...s.copies.map((c) => ({
      at: c.loggedAt,
      what: 'logged',
      detail: html`copy for <strong>${c.to}</strong> written to the share log`,
      index: c.index,
    })),
    ...s.receipts.map((r) => ({
      at: r.at,
      what: r.status,
      // A sender's statement (a recall) names the recipient it is addressed to; a note stays sealed.
      detail: html`by <strong>${r.agency}</strong>${r.to !== s.from ? html` to <strong>${r.to}</strong>` : ''}${r.actor ? html` (${r.actor})` : ''}${r.reason ? html`: ${r.reason}` : ''}${r.until === undefined ? '' : html`, review date ${when(r.until)}`}, ${r.status === 'deleted' ? 'signed proof of deletion' : r.agency === s.from ? 'signed statement' : 'signed receipt'}`,
      index: r.index,
    })),
  ];
  if (s.respondBy !== null && s.respondBy < now) {
    const waiting = recipientStates(s).filter((r) => r.state !== 'acknowledged' && r.state !== 'rejected');
    if (waiting.length)
      events.push({
        at: s.respondBy,
        what: 'overdue',
        detail: html`respond-by passed; not acknowledged by ${waiting.map((w) => w.agency).join(', ')}`,
      });
  }
  return events.sort((a, b) => a.at - b.at);
}

/** `GET /shares/{id}`: one share's routing metadata and timeline (never its payload: the log has none). */
export function sharePage(pages: Hono<PageEnv>, index: ShareIndex): void {
  pages.get('/shares/:id{[A-Za-z0-9_-]{22}}', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const s = index.get(c.req.param('id'));
    if (!s) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in the log');
    const meta: [string, SafeHtml | string][] = [
      ['Kind', s.kind],
      ['From', s.from],
      ['To', s.to.join(', ')],
      ['Purpose', s.purpose],
      ['Sharing agreement', s.agreement],
      ['Lawful basis', s.basis],
      ['Priority', s.priority],
      ['Respond by', s.respondBy === null ? '—' : when(s.respondBy)],
      ['Subject reference', html`<code>${s.subject ?? '—'}</code>`],
      ['Body hash', html`<code>${s.bodyHash}</code>`],
      [
        'Recipient keys',
        html`${s.keys.to.map((k, i) => html`${i ? ', ' : ''}${k.agency} <code>${k.kid}</code>`)}`,
      ],
    ];
    const body = html`<p><a href="/">← Share log</a></p>
<h1>Share <code>${s.id}</code></h1>
<dl class="fields summary-panel">${meta.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p class="hint">The share log holds routing metadata, hashes and signatures only: the payload is readable by its recipients alone.</p>
<h2>Timeline</h2>
<ol class="timeline" id="timeline">${timeline(s, Date.now()).map(
      (e) =>
        html`<li data-event="${e.what}">${when(e.at)} <strong class="event">${e.what}</strong> ${e.detail}${e.index === undefined ? '' : html` <span class="muted">(log entry ${e.index})</span>`}</li>`,
    )}</ol>`;
    return auditPage(c, { title: `Share ${s.id}`, body });
  });
}
