import { KindName } from '@cwtch/contracts';
import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { isCwtchError } from '@cwtch/runtime';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SHARE_STATUS_FILTERS, type ShareIndex, type ShareQuery } from '../share-index.ts';
import { auditLang, auditPage, sharesTable } from './audit-page.ts';
import { type AuditAgency, type AuditWord, agencyLabels, aw, codeWord, kindLabel } from './audit-words.ts';
import { type CheckpointTrust, checkpointPanel } from './checkpoint-panel.ts';
import { collectionPanel, type SilenceWatch } from './collection-panel.ts';

/** What the search page needs: the index, a subject resolver, and the agencies to filter by. */
export interface SearchDeps {
  readonly index: ShareIndex;
  /** An NHS number (keyed here, never stored or logged) or a subject reference → the reference. */
  readonly subjectRef: (subject: string) => string;
  readonly agencies: () => readonly AuditAgency[];
  readonly trust: CheckpointTrust;
  /** Agencies not collecting and late feeds, shown under the results when watched. */
  readonly silence?: SilenceWatch | undefined;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const day = z.iso.date().optional();

const Search = z.object({
  subject: z.string().max(64).optional(),
  agency: z.string().max(64).optional(),
  kind: KindName.optional(),
  since: day,
  until: day,
  status: z.enum(SHARE_STATUS_FILTERS).optional(),
});
type Search = z.infer<typeof Search>;

function select(
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
  lang: Lang,
  value?: string,
): SafeHtml {
  return html`<div><label for="s-${name}">${label}</label><select id="s-${name}" name="${name}"><option value="">${aw(lang, 'any')}</option>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select></div>`;
}

function form(
  deps: SearchDeps,
  lang: Lang,
  csrf: string | null,
  s: Partial<Search>,
  error?: string,
): SafeHtml {
  const w = (key: AuditWord) => aw(lang, key);
  const agencies = deps.agencies();
  // The filter lists names (Welsh where the directory has them), unlike the tables' ids.
  const agencyName = (a: AuditAgency) => (lang === 'cy' ? (a.nameCy ?? a.name) : a.name);
  return html`<form class="filters" method="post" action="/search" aria-label="${w('searchLabel')}">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<div><label for="s-subject">${w('subject')}</label>
<input id="s-subject" name="subject" type="text" autocomplete="off" spellcheck="false" size="28" value="${s.subject ?? ''}"${error ? html` aria-invalid="true" aria-describedby="s-error"` : ''}></div>
${select(
  'agency',
  w('agency'),
  agencies.map((a) => [a.id, agencyName(a)] as const),
  lang,
  s.agency,
)}
${select(
  'kind',
  w('kind'),
  KindName.options.map((k) => [k, kindLabel(k, lang)] as const),
  lang,
  s.kind,
)}
<div><label for="s-since">${w('since')}</label><input id="s-since" name="since" type="date" value="${s.since ?? ''}"></div>
<div><label for="s-until">${w('until')}</label><input id="s-until" name="until" type="date" value="${s.until ?? ''}"></div>
${select(
  'status',
  w('status'),
  SHARE_STATUS_FILTERS.map((v) => [v, codeWord(v, lang)] as const),
  lang,
  s.status,
)}
<div><button type="submit" id="search">${w('search')}</button></div>
${error ? html`<p class="field-error" id="s-error" role="alert">${error}</p>` : ''}
</form>
<p class="hint">${w('searchHint')}</p>`;
}

function page(
  c: Context<PageEnv>,
  deps: SearchDeps,
  lang: Lang,
  s: Partial<Search>,
  results: SafeHtml,
  error?: string,
) {
  const csrf = c.var.session.csrf;
  const body = html`<h1>${aw(lang, 'shareLog')}</h1>
${form(deps, lang, csrf, s, error)}
<section aria-labelledby="results-heading"><h2 id="results-heading">${aw(lang, 'shares')}</h2>${results}</section>
${deps.silence ? collectionPanel(deps.silence, Date.now(), lang, agencyLabels(deps.agencies(), lang)) : ''}
${checkpointPanel(deps.trust, csrf, undefined, lang)}`;
  return auditPage(c, { title: aw(lang, 'shareLog'), body, lang, status: error ? 400 : 200 });
}

/**
 * `GET /`: the auditor console: the newest shares, the search form, the latest checkpoint;
 * `POST /search`: search by NHS number or subject reference, agency, kind, period and status
 * (a POST, so an NHS number never lands in a URL, a log line or the browser history).
 */
export function searchPage(pages: Hono<PageEnv>, deps: SearchDeps): void {
  pages.get('/', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const lang = auditLang(c);
    const recent = deps.index.query({}).slice(-25).reverse();
    const names = agencyLabels(deps.agencies(), lang);
    return page(c, deps, lang, {}, sharesTable(recent, aw(lang, 'newest'), lang, names));
  });

  pages.post('/search', async (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const lang = auditLang(c);
    const body = await c.req.parseBody();
    const raw = Object.fromEntries(
      ['subject', 'agency', 'kind', 'since', 'until', 'status'].map((k) => [k, blank(body[k])]),
    );
    const parsed = Search.safeParse(raw);
    if (!parsed.success) return page(c, deps, lang, {}, html``, aw(lang, 'badSearch'));
    const s = parsed.data;
    let subject: string | undefined;
    try {
      subject = s.subject ? deps.subjectRef(s.subject) : undefined;
    } catch (e) {
      if (!isCwtchError(e)) throw e;
      return page(c, deps, lang, s, html``, e.message);
    }
    const query: ShareQuery = {
      subject,
      agency: s.agency,
      kind: s.kind,
      since: s.since ? Date.parse(`${s.since}T00:00:00Z`) : undefined,
      until: s.until ? Date.parse(`${s.until}T00:00:00Z`) + 86_400_000 : undefined,
      status: s.status,
    };
    const found = deps.index.query(query).reverse();
    const caption = `${found.length} ${aw(lang, found.length === 1 ? 'share' : 'sharesWord')} ${aw(lang, 'found')}`;
    return page(c, deps, lang, s, sharesTable(found, caption, lang, agencyLabels(deps.agencies(), lang)));
  });
}
