import { KindName } from '@cwtch/contracts';
import { CSRF_FIELD, html, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { isCwtchError } from '@cwtch/runtime';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SHARE_STATUS_FILTERS, type ShareIndex, type ShareQuery } from '../share-index.ts';
import { auditPage, sharesTable } from './audit-page.ts';
import { type CheckpointTrust, checkpointPanel } from './checkpoint-panel.ts';
import { collectionPanel, type SilenceWatch } from './collection-panel.ts';

/** What the search page needs: the index, a subject resolver, and the agencies to filter by. */
export interface SearchDeps {
  readonly index: ShareIndex;
  /** An NHS number (keyed here, never stored or logged) or a subject reference → the reference. */
  readonly subjectRef: (subject: string) => string;
  readonly agencies: () => readonly { readonly id: string; readonly name: string }[];
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
  value?: string,
): SafeHtml {
  return html`<div><label for="s-${name}">${label}</label><select id="s-${name}" name="${name}"><option value="">Any</option>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select></div>`;
}

function form(deps: SearchDeps, csrf: string | null, s: Partial<Search>, error?: string): SafeHtml {
  return html`<form class="filters" method="post" action="/search" aria-label="Search the share log">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<div><label for="s-subject">NHS number or subject reference</label>
<input id="s-subject" name="subject" type="text" autocomplete="off" spellcheck="false" size="28" value="${s.subject ?? ''}"${error ? html` aria-invalid="true" aria-describedby="s-error"` : ''}></div>
${select(
  'agency',
  'Agency',
  deps.agencies().map((a) => [a.id, a.name] as const),
  s.agency,
)}
${select(
  'kind',
  'Kind',
  KindName.options.map((k) => [k, k] as const),
  s.kind,
)}
<div><label for="s-since">From (date)</label><input id="s-since" name="since" type="date" value="${s.since ?? ''}"></div>
<div><label for="s-until">To (date)</label><input id="s-until" name="until" type="date" value="${s.until ?? ''}"></div>
${select(
  'status',
  'Status',
  SHARE_STATUS_FILTERS.map((v) => [v, v] as const),
  s.status,
)}
<div><button type="submit" id="search">Search</button></div>
${error ? html`<p class="field-error" id="s-error" role="alert">${error}</p>` : ''}
</form>
<p class="hint">Searching by NHS number sends it in the form body, never in the address: the service keys it into the
region's pseudonymous subject reference and keeps nothing.</p>`;
}

function page(c: Context<PageEnv>, deps: SearchDeps, s: Partial<Search>, results: SafeHtml, error?: string) {
  const csrf = c.var.session.csrf;
  const body = html`<h1>Share log</h1>
${form(deps, csrf, s, error)}
<section aria-labelledby="results-heading"><h2 id="results-heading">Shares</h2>${results}</section>
${deps.silence ? collectionPanel(deps.silence) : ''}
${checkpointPanel(deps.trust, csrf)}`;
  return auditPage(c, { title: 'Share log', body, status: error ? 400 : 200 });
}

/**
 * `GET /`: the auditor console: the newest shares, the search form, the latest checkpoint;
 * `POST /search`: search by NHS number or subject reference, agency, kind, period and status
 * (a POST, so an NHS number never lands in a URL, a log line or the browser history).
 */
export function searchPage(pages: Hono<PageEnv>, deps: SearchDeps): void {
  pages.get('/', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const recent = deps.index.query({}).slice(-25).reverse();
    return page(c, deps, {}, sharesTable(recent, 'The 25 newest shares'));
  });

  pages.post('/search', async (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const body = await c.req.parseBody();
    const raw = Object.fromEntries(
      ['subject', 'agency', 'kind', 'since', 'until', 'status'].map((k) => [k, blank(body[k])]),
    );
    const parsed = Search.safeParse(raw);
    if (!parsed.success)
      return page(c, deps, {}, html``, 'Check the search fields: one of them is not valid.');
    const s = parsed.data;
    let subject: string | undefined;
    try {
      subject = s.subject ? deps.subjectRef(s.subject) : undefined;
    } catch (e) {
      if (!isCwtchError(e)) throw e;
      return page(c, deps, s, html``, e.message);
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
    return page(
      c,
      deps,
      s,
      sharesTable(found, `${found.length} share${found.length === 1 ? '' : 's'} found`),
    );
  });
}
