import { KindName } from '@cwtch/contracts';
import { html, type Lang, type PageEnv, Role, requireRole } from '@cwtch/http';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AgencyContext } from '../agency-context.ts';
import { connectorPage } from './connector-page.ts';
import { INBOX_SORTS, type InboxSort, sortInbox, sortLabel } from './inbox-order.ts';
import { inboxRows, inboxTable } from './inbox-rows.ts';
import { kindTitle, langOf, t } from './page-text.ts';

/** Roles that may read the inbox pages (`system` for scripts with a bearer token). */
export const READERS = [Role.frontdoor, Role.manager, Role.system] as const;

const Filters = z.object({
  status: z.enum(['new', 'acknowledged']).optional().catch(undefined),
  kind: KindName.optional().catch(undefined),
  priority: z.enum(['urgent', 'high', 'routine']).optional().catch(undefined),
  sort: z.enum(INBOX_SORTS).optional().catch(undefined),
});
type Filters = z.infer<typeof Filters>;

function filtersOf(c: Context): Filters {
  return Filters.parse({
    status: c.req.query('status') || undefined,
    kind: c.req.query('kind') || undefined,
    priority: c.req.query('priority') || undefined,
    sort: c.req.query('sort') || undefined,
  });
}

function query(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string') q.set(k, v);
  return q.size ? `?${q}` : '';
}

function items(ctx: AgencyContext, f: Filters, now: number) {
  const listed = ctx.store
    .list({ status: f.status, kind: f.kind, limit: 500 })
    .filter((i) => f.priority === undefined || i.priority === f.priority);
  return sortInbox(listed, f.sort ?? 'needs-action', now);
}

/** Links to each order, keeping the filters; the current one marked. */
function sortLinks(f: Filters, lang: Lang) {
  const current: InboxSort = f.sort ?? 'needs-action';
  return html`<nav class="sort-links" aria-label="${sortLabel('sortBy', lang)}"><span>${sortLabel('sortBy', lang)}:</span> ${INBOX_SORTS.map(
    (s) =>
      html`<a href="/${query({ ...f, sort: s === 'needs-action' ? undefined : s })}"${s === current ? html` aria-current="true"` : ''}>${sortLabel(s, lang)}</a> `,
  )}</nav>`;
}

function select(name: string, label: string, lang: Lang, options: [string, string][], value?: string) {
  return html`<div><label for="f-${name}">${label}</label>
<select id="f-${name}" name="${name}"><option value="">${t(lang, 'any')}</option>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select></div>`;
}

/**
 * `GET /`: the front door's inbox, what needs action first (overdue, then urgent, high, routine,
 * each newest first; `?sort=` respond-by, priority or received), with filters (status, kind,
 * priority; no child data in the URL), updated live by the page script; `GET /inbox/rows`: its rows alone.
 */
export function inboxPage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/', (c) => {
    requireRole(c.var.principal, READERS);
    const lang = langOf(c);
    const f = filtersOf(c);
    const now = Date.now();
    const filters = html`<form class="filters" method="get" action="/" aria-label="${t(lang, 'filters')}">
${select(
  'status',
  t(lang, 'status'),
  lang,
  [
    ['new', t(lang, 'new')],
    ['acknowledged', t(lang, 'acknowledged')],
  ],
  f.status,
)}
${select(
  'kind',
  t(lang, 'kind'),
  lang,
  KindName.options.map((k) => [k, kindTitle(k, lang)]),
  f.kind,
)}
${select(
  'priority',
  t(lang, 'priority'),
  lang,
  (['urgent', 'high', 'routine'] as const).map((p) => [p, t(lang, p)]),
  f.priority,
)}
${f.sort ? html`<input type="hidden" name="sort" value="${f.sort}">` : ''}
<div><button type="submit">${t(lang, 'filter')}</button></div>
</form>`;
    const body = html`<h1>${t(lang, 'inbox')}</h1>
<p class="hint">${t(lang, 'liveHint')}</p>
${filters}
<div id="alert-controls" class="alert-controls"></div>
${sortLinks(f, lang)}
<div id="live-announcer" class="live" role="status" aria-live="polite"></div>
${inboxTable(ctx, items(ctx, f, now), lang, now, `/inbox/rows${query(f)}`, sortLabel(f.sort ?? 'needs-action', lang))}`;
    return connectorPage(c, ctx, { title: t(lang, 'inbox'), body, lang, section: 'inbox' });
  });

  pages.get('/inbox/rows', (c) => {
    requireRole(c.var.principal, READERS);
    const lang = langOf(c);
    const f = filtersOf(c);
    const now = Date.now();
    return c.html(String(inboxRows(ctx, items(ctx, f, now), lang, now, `/inbox/rows${query(f)}`)));
  });
}
