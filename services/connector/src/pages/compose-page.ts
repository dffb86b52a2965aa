import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { authorityName, exampleAsOfToday, KindName, kinds, Priority } from '@cwtch/contracts';
import { CSRF_FIELD, html, type Lang, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import { CwtchError, type Issue, isCwtchError } from '@cwtch/runtime';
import type { Context, Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import type { RouteAnswer } from '../route-notification.ts';
import { dryRun, sendNotification } from '../send-notification.ts';
import { agencyName, connectorPage } from './connector-page.ts';
import { type FormBody, formPayload } from './form-payload.ts';
import { fromLondonLocal } from './london-time.ts';
import { kindTitle, langOf } from './page-text.ts';
import { plainIssue } from './plain-issue.ts';
import { schemaForm } from './schema-form.ts';
import { kindSchema } from './schema-node.ts';

const SENDERS = [Role.frontdoor, Role.manager, Role.system] as const;
const require = createRequire(import.meta.url);

const W = {
  choose: { en: 'Which kind of notification?', cy: 'Pa fath o hysbysiad?' },
  recipients: { en: 'Recipients', cy: 'Derbynwyr' },
  recipientsHint: {
    en: 'Only agencies a sharing agreement covers are listed; the usual route is ticked. Tick none to send to the agencies serving the areas the notification names.',
    cy: "Dim ond asiantaethau y mae cytundeb rhannu yn eu cwmpasu a restrir; mae'r llwybr arferol wedi'i dicio. Peidiwch â thicio dim i anfon at yr asiantaethau sy'n gwasanaethu'r ardaloedd a enwir yn yr hysbysiad.",
  },
  route: { en: 'Find who serves these areas', cy: "Canfod pwy sy'n gwasanaethu'r ardaloedd hyn" },
  routeTitle: { en: 'Who this will go to', cy: 'At bwy yr aiff hwn' },
  routeHint: {
    en: 'Found from the areas the notification names; they are ticked above. Nothing has been sent yet.',
    cy: "Wedi'u canfod o'r ardaloedd a enwir yn yr hysbysiad; maent wedi'u ticio uchod. Nid oes dim wedi'i anfon eto.",
  },
  agreement: { en: 'Sharing agreement', cy: 'Cytundeb rhannu' },
  leftOut: { en: 'Left out', cy: 'Wedi’u gadael allan' },
  noAgreement: { en: 'no sharing agreement covers it', cy: 'nid oes cytundeb rhannu yn ei gwmpasu' },
  'front-door': { en: 'front door for', cy: 'drws ffrynt ar gyfer' },
  police: { en: 'police for', cy: 'heddlu ar gyfer' },
  'health-board': { en: 'health board for', cy: 'bwrdd iechyd ar gyfer' },
  rule: { en: 'the usual route for this kind', cy: "y llwybr arferol i'r math hwn" },
  home: { en: 'home', cy: 'cartref' },
  host: { en: 'host', cy: 'lletyol' },
  responsible: { en: 'responsible', cy: 'cyfrifol' },
  area: { en: 'missing from', cy: 'ar goll o' },
  'found-at': { en: 'found in', cy: 'wedi’i ganfod yn' },
  priority: { en: 'Priority', cy: 'Blaenoriaeth' },
  respondBy: { en: 'Respond by (optional)', cy: 'Ymateb erbyn (dewisol)' },
  send: { en: 'Send', cy: 'Anfon' },
  usual: { en: 'Usual for this kind', cy: "Arferol i'r math hwn" },
  example: { en: 'Start from the example (demo data)', cy: "Dechrau o'r enghraifft (data demo)" },
  problem: { en: 'There is a problem', cy: 'Mae problem' },
} as const;

/**
 * Kinds this agency may send (an agreement names it, and the kind allows its type of agency) and,
 * per kind, the agencies some agreement lets it send them to.
 */
function sendable(ctx: AgencyContext): Map<KindName, string[]> {
  const out = new Map<KindName, Set<string>>();
  const type = ctx.directory.view.agency(ctx.agency)?.type;
  for (const a of ctx.directory.view.directory.agreements) {
    if (!a.senders.includes(ctx.agency)) continue;
    for (const k of a.kinds) {
      const kind = KindName.safeParse(k);
      if (!kind.success || type === undefined || !kinds[kind.data].senders.includes(type)) continue;
      // Figures computed at the edge (the board's) are never typed in.
      if (kinds[kind.data].computed) continue;
      const set = out.get(kind.data) ?? new Set<string>();
      for (const r of a.recipients) if (r !== ctx.agency) set.add(r);
      out.set(kind.data, set);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/** The sender block as the directory knows this agency, so `sender.agencyType` always matches. */
function senderDefaults(ctx: AgencyContext): Record<string, unknown> {
  const me = ctx.directory.view.agency(ctx.agency);
  const code = me?.codes[0];
  return {
    agencyType: me?.type,
    ...(code ? { org: { scheme: code.scheme, value: code.value, name: me?.name } } : {}),
  };
}

/** A kind's contract example, its dates moved so that it happens today (demo sign-in only). */
function example(kind: KindName): Record<string, unknown> {
  const file = require.resolve(`@cwtch/contracts/examples/${kind}.json`);
  return exampleAsOfToday(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, Date.now());
}

interface ComposeState {
  kind: KindName;
  values: unknown;
  recipients: readonly string[];
  priority: string | undefined;
  respondBy: string;
  issues: readonly Issue[];
  problem?: string | undefined;
  grow: ReadonlySet<string>;
  route?: RouteAnswer | undefined;
}

/** Why routing named an agency, in words: "front door for Dudley (home, responsible)". */
function reasonsText(because: RouteAnswer['recipients'][number]['because'], lang: Lang): string {
  const parts = new Map<string, string[]>();
  for (const b of because) {
    const key = b.area ? `${W[b.role][lang]} ${authorityName(b.area.la, lang) ?? b.area.la}` : W.rule[lang];
    const roles = parts.get(key) ?? [];
    if (b.area && !roles.includes(W[b.area.role][lang])) roles.push(W[b.area.role][lang]);
    parts.set(key, roles);
  }
  return [...parts].map(([k, roles]) => (roles.length ? `${k} (${roles.join(', ')})` : k)).join('; ');
}

/** The dry run's answer: who a send will reach, why, under which agreement, and who is left out. */
function routePanel(s: ComposeState, lang: Lang): SafeHtml {
  if (!s.route) return html``;
  const r = s.route;
  return html`<section class="route-answer" id="route-answer" role="status" aria-live="polite"><h2>${W.routeTitle[lang]}</h2>
<p class="hint">${W.routeHint[lang]}</p>
<ul>${r.recipients.map((x) => html`<li data-agency="${x.agency}"><strong>${x.name}</strong>: ${reasonsText(x.because, lang)}</li>`)}</ul>
<p>${W.agreement[lang]}: ${r.agreement.title} (${r.agreement.id})</p>
${
  r.skipped.some((x) => x.reason === 'NO_AGREEMENT')
    ? html`<p>${W.leftOut[lang]}: ${r.skipped
        .filter((x) => x.reason === 'NO_AGREEMENT')
        .map((x) => `${x.name} (${W.noAgreement[lang]})`)
        .join('; ')}</p>`
    : ''
}</section>`;
}

function errorSummary(s: ComposeState, lang: Lang): SafeHtml {
  if (s.issues.length === 0 && !s.problem) return html``;
  // Focus moves here on a failed send (autofocus, no script), so a screen reader starts with it.
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus aria-labelledby="error-summary-title"><h2 id="error-summary-title">${W.problem[lang]}</h2>
${s.problem && s.issues.length === 0 ? html`<p>${s.problem}</p>` : ''}
<ul>${s.issues.map((i) => {
    const name = i.path.join('.');
    const text = plainIssue(i, s.kind, lang);
    return name ? html`<li><a href="#f-${name}">${text}</a></li>` : html`<li>${text}</li>`;
  })}</ul></div>`;
}

function form(
  ctx: AgencyContext,
  c: Context<PageEnv>,
  s: ComposeState,
  lang: Lang,
  status: 200 | 400 | 403 | 422,
) {
  const allowed = sendable(ctx).get(s.kind) ?? [];
  const errors = new Map<string, string[]>();
  for (const i of s.issues)
    errors.set(i.path.join('.'), [...(errors.get(i.path.join('.')) ?? []), plainIssue(i, s.kind, lang)]);
  const csrf = c.var.session.csrf;
  const body = html`<h1>${kindTitle(s.kind, lang)}</h1>
${errorSummary(s, lang)}
<form method="post" action="/compose" novalidate class="compose">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<input type="hidden" name="_kind" value="${s.kind}">
<fieldset id="f-recipients"><legend>${W.recipients[lang]}</legend><p class="hint">${W.recipientsHint[lang]}</p>
${allowed.map((a) => html`<label class="check"><input type="checkbox" name="_to" value="${a}"${s.recipients.includes(a) ? html` checked` : ''}> ${agencyName(ctx, a, lang)}</label>`)}
</fieldset>
<div class="field"><label for="f-priority">${W.priority[lang]}</label><select id="f-priority" name="_priority"><option value="">${W.usual[lang]}: ${kinds[s.kind].priority}</option>${Priority.options.map(
    (p) => html`<option value="${p}"${s.priority === p ? html` selected` : ''}>${p}</option>`,
  )}</select></div>
<div class="field"><label for="f-respondBy">${W.respondBy[lang]}</label><input id="f-respondBy" name="_respondBy" type="datetime-local" step="1" value="${s.respondBy}"></div>
${schemaForm(kindSchema(s.kind), { values: s.values, errors, grow: s.grow, lang, kind: s.kind })}
${routePanel(s, lang)}
<p><button type="submit" id="route" name="_route" value="1" class="secondary">${W.route[lang]}</button> <button type="submit" id="send">${W.send[lang]}</button></p>
</form>`;
  return connectorPage(c, ctx, { title: kindTitle(s.kind, lang), body, lang, section: 'compose', status });
}

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/**
 * `GET /compose`: choose a kind, then fill a form generated from its contract; `POST /compose`:
 * send it through the same path as the API (contract, sender rules, agreements), showing the
 * contract's field-level messages beside the fields, or go to the new share's outbox page.
 */
export function composePage(pages: Hono<PageEnv>, ctx: AgencyContext, options: { demo: boolean }): void {
  pages.get('/compose', (c) => {
    requireRole(c.var.principal, SENDERS);
    const lang = langOf(c);
    const kind = KindName.safeParse(c.req.query('kind'));
    const sendableKinds = sendable(ctx);
    if (!kind.success || !sendableKinds.has(kind.data)) {
      const body = html`<h1>${W.choose[lang]}</h1><ul class="kinds">${[...sendableKinds.keys()].map(
        (k) =>
          html`<li><a href="/compose?kind=${k}">${kindTitle(k, lang)}</a>${options.demo ? html` · <a href="/compose?kind=${k}&amp;example=1">${W.example[lang]}</a>` : ''}</li>`,
      )}</ul>`;
      return connectorPage(c, ctx, { title: W.choose[lang], body, lang, section: 'compose' });
    }
    const base = options.demo && c.req.query('example') === '1' ? example(kind.data) : {};
    const values = { ...base, sender: { ...(base.sender as object | undefined), ...senderDefaults(ctx) } };
    const state = {
      kind: kind.data,
      values,
      recipients: ctx.directory.view.routeFor(ctx.agency, kind.data),
      priority: undefined,
      respondBy: '',
      issues: [],
      grow: new Set<string>(),
    };
    return form(ctx, c, state, lang, 200);
  });

  pages.post('/compose', async (c) => {
    requireRole(c.var.principal, SENDERS);
    const lang = langOf(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const kind = KindName.safeParse(body._kind);
    if (!kind.success || !sendable(ctx).has(kind.data)) return c.redirect('/compose', 303);
    const values = formPayload(kindSchema(kind.data), body) ?? {};
    const priority = Priority.safeParse(body._priority);
    const respondBy = list(body._respondBy)[0] ?? '';
    const state: ComposeState = {
      kind: kind.data,
      values,
      recipients: list(body._to),
      priority: priority.success ? priority.data : undefined,
      respondBy,
      issues: [],
      grow: new Set(list(body._add)),
    };
    if (state.grow.size > 0) return form(ctx, c, state, lang, 200);
    try {
      if (list(body._route).length > 0) {
        const route = dryRun(ctx, { kind: kind.data, payload: values });
        return form(
          ctx,
          c,
          { ...state, route, recipients: route.recipients.map((r) => r.agency) },
          lang,
          200,
        );
      }
      const at = respondBy ? Date.parse(fromLondonLocal(respondBy)) : undefined;
      const sent = await sendNotification(ctx, {
        kind: kind.data,
        payload: values,
        recipients: state.recipients,
        respondBy: at !== undefined && !Number.isNaN(at) ? at : undefined,
        priority: state.priority as Priority | undefined,
      });
      return c.redirect(`/outbox/${sent.id}`, 303);
    } catch (e) {
      if (!(e instanceof CwtchError) || !isCwtchError(e)) throw e;
      if (e.code === 'BUS_UNAVAILABLE' || e.code === 'INTERNAL') throw e;
      const status = e.code === 'NO_AGREEMENT' ? 403 : e.code === 'NO_ROUTE_FOR_AREA' ? 422 : 400;
      return form(ctx, c, { ...state, issues: e.issues ?? [], problem: e.message }, lang, status);
    }
  });
}
