import {
  html,
  type Lang,
  type PageEnv,
  type PageSession,
  pageShell,
  requestLang,
  type SafeHtml,
} from '@cwtch/http';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { IndexedShare } from '../share-index.ts';
import { aw, codeWord, kindLabel } from './audit-words.ts';

/** The masthead name of the auditor console. */
export const AUDIT_SERVICE_NAME = 'Regional share log';

/**
 * The console's language: `?lang=` (then remembered in the same cookie the connector pages use),
 * else that cookie, else English.
 */
export function auditLang(c: Context): Lang {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'cy')
    setCookie(c, 'cwtch_lang', asked, { path: '/', sameSite: 'Strict', httpOnly: true, maxAge: 31_536_000 });
  return requestLang(c);
}

/**
 * Renders an auditor console page in the shared shell, with the language switch: the shell and
 * navigation follow the chosen language; a document for someone outside, such as a subject
 * access report, carries its own language.
 */
export function auditPage(
  c: Context<PageEnv>,
  o: { title: string; body: SafeHtml; status?: 200 | 400 | 404; lang?: Lang },
): Response {
  const session = c.var.session as PageSession | undefined;
  const lang = o.lang ?? auditLang(c);
  const cy = lang === 'cy';
  const page = pageShell({
    title: o.title,
    service: cy ? 'Log rhannu rhanbarthol' : AUDIT_SERVICE_NAME,
    lang,
    langSwitch: true,
    body: o.body,
    principal: session?.principal,
    csrf: session?.csrf,
    nav: session
      ? [
          { href: '/', label: cy ? 'Chwilio’r log' : 'Search the log', current: c.req.path === '/' },
          {
            href: '/subject-access',
            label: cy ? 'Mynediad gwrthrych' : 'Subject access',
            current: c.req.path === '/subject-access',
          },
        ]
      : [],
  });
  return c.html(String(page), o.status ?? 200);
}

/** A time in Europe/London in `lang`, with the exact instant kept in `datetime`. */
export function when(ms: number, lang: Lang = 'en'): SafeHtml {
  const text = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/London',
  }).format(ms);
  return html`<time datetime="${new Date(ms).toISOString()}">${text}</time>`;
}

/** Each recipient's furthest state from the signed receipts: rejected, acknowledged, delivered or sent. */
export function recipientStates(s: IndexedShare): { agency: string; state: string; actor: string | null }[] {
  return s.to.map((agency) => {
    const mine = s.receipts.filter((r) => r.agency === agency);
    const find = (status: string) => mine.find((r) => r.status === status);
    const rejected = find('rejected');
    const ack = find('acknowledged');
    if (rejected) return { agency, state: 'rejected', actor: null };
    if (ack) return { agency, state: 'acknowledged', actor: ack.actor };
    return { agency, state: find('delivered') ? 'delivered' : 'sent', actor: null };
  });
}

/**
 * A table of shares in `lang`: routing metadata and receipts only; the log holds no payload.
 * `name` shows an agency id (see `agencyLabels`).
 */
export function sharesTable(
  shares: readonly IndexedShare[],
  caption: string,
  lang: Lang = 'en',
  name: (id: string) => string = (id) => id,
): SafeHtml {
  if (shares.length === 0) return html`<p class="muted" id="results-empty">${aw(lang, 'noMatch')}</p>`;
  const heads = (['loggedCol', 'kind', 'from', 'recipients', 'priority', 'shareCol'] as const).map(
    (k) => html`<th scope="col">${aw(lang, k)}</th>`,
  );
  return html`<table id="results"><caption>${caption}</caption>
<thead><tr>${heads}</tr></thead>
<tbody>${shares.map(
    (s) => html`<tr data-id="${s.id}">
<td>${when(s.copies[0]?.loggedAt ?? s.issuedAt, lang)}</td><td>${kindLabel(s.kind, lang)}</td><td>${name(s.from)}</td>
<td><ul class="plain">${recipientStates(s).map(
      (r) =>
        html`<li>${name(r.agency)}: <span class="status-${r.state}">${codeWord(r.state, lang)}</span>${r.actor ? html` (${r.actor})` : ''}</li>`,
    )}</ul></td>
<td>${codeWord(s.priority, lang)}</td><td><a href="/shares/${s.id}">${aw(lang, 'timelineLink')}<span class="visually-hidden"> ${aw(lang, 'ofShare')} ${s.id}</span></a></td>
</tr>`,
  )}</tbody></table>`;
}
