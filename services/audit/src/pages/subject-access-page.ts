import { type KindName, kinds } from '@cwtch/contracts';
import {
  CSRF_FIELD,
  html,
  type Lang,
  type PageEnv,
  Role,
  requireRole,
  type SafeHtml,
  wordsOf,
} from '@cwtch/http';
import { isCwtchError } from '@cwtch/runtime';
import type { Context, Hono } from 'hono';
import type { ShareIndex } from '../share-index.ts';
import { type SubjectAccessReport, subjectAccessReport } from '../subject-access.ts';
import { auditLang, auditPage } from './audit-page.ts';
import type { AuditAgency } from './audit-words.ts';

/** What the subject access page needs: the index, the subject resolver and the agencies' names. */
export interface SubjectAccessDeps {
  readonly index: ShareIndex;
  /** An NHS number (keyed here, never stored or logged) or a subject reference → the reference. */
  readonly subjectRef: (subject: string) => string;
  readonly agencies: () => readonly AuditAgency[];
}

/** The words of the report, in English and Welsh: it is a document for the child or family. */
const WORDS = {
  title: ['Subject access report', 'Adroddiad mynediad gwrthrych'],
  heading: [
    'Subject access report: information shared about a child',
    'Adroddiad mynediad gwrthrych: gwybodaeth a rannwyd am blentyn',
  ],
  subject: ['Subject', 'Gwrthrych'],
  nhsEnding: ['NHS number ending', 'Rhif GIG yn gorffen â'],
  reference: ['Subject reference', 'Cyfeirnod y gwrthrych'],
  produced: ['Produced', 'Cynhyrchwyd'],
  producedBy: ['Produced by', 'Cynhyrchwyd gan'],
  source: ['Source', 'Ffynhonnell'],
  log: [
    'The regional share log (signed and independently verifiable)',
    'Log rhannu’r rhanbarth (wedi’i lofnodi ac yn bosibl ei wirio’n annibynnol)',
  ],
  intro: [
    'Each row is one occasion when an agency shared information about this child with other agencies under a sharing agreement: who shared, with whom, when, and why. The log never holds what was shared; each agency can give its own records.',
    'Mae pob rhes yn un achlysur pan rannodd asiantaeth wybodaeth am y plentyn hwn ag asiantaethau eraill dan gytundeb rhannu: pwy a rannodd, gyda phwy, pryd, a pham. Nid yw’r log byth yn dal yr hyn a rannwyd; gall pob asiantaeth roi ei chofnodion ei hun.',
  ],
  shares: ['Shares', 'Rhannu'],
  when: ['When', 'Pryd'],
  what: ['What', 'Beth'],
  from: ['Shared by', 'Rhannwyd gan'],
  to: ['Shared with', 'Rhannwyd gyda'],
  agreement: ['Sharing agreement', 'Cytundeb rhannu'],
  purpose: ['Purpose', 'Diben'],
  basis: ['Lawful basis', 'Sail gyfreithlon'],
  none: [
    'The share log holds no shares about this child.',
    'Nid yw’r log rhannu yn dal unrhyw rannu am y plentyn hwn.',
  ],
  withheld: ['Some entries are withheld until', 'Mae rhai cofnodion wedi’u hatal tan'],
  withheldWhy: [
    'They will be reviewed by then. The law allows information to be withheld for a time where giving it could prejudice the prevention or detection of crime or put someone at risk.',
    'Byddant yn cael eu hadolygu erbyn hynny. Mae’r gyfraith yn caniatáu atal gwybodaeth am gyfnod lle gallai ei rhoi niweidio atal neu ganfod trosedd neu roi rhywun mewn perygl.',
  ],
  formIntro: [
    'For a subject access request: every share about one child that the log holds (who shared what kind of information with whom, when, and under which agreement), as a document to print. Shares a sender has embargoed are left out, and the report says only that some entries are withheld until a review date.',
    'Ar gyfer cais mynediad gwrthrych: pob rhannu am un plentyn sydd yn y log (pwy a rannodd pa fath o wybodaeth â phwy, pryd, a than ba gytundeb), fel dogfen i’w hargraffu. Mae rhannu y mae anfonwr wedi’i atal yn cael ei adael allan, ac mae’r adroddiad yn dweud yn unig fod rhai cofnodion wedi’u hatal tan ddyddiad adolygu.',
  ],
  produceLabel: ['Produce a subject access report', 'Cynhyrchu adroddiad mynediad gwrthrych'],
  subjectField: ['NHS number or subject reference', 'Rhif GIG neu gyfeirnod y gwrthrych'],
  reportLang: ['Language of the report', 'Iaith yr adroddiad'],
  produce: ['Produce the report', 'Cynhyrchu’r adroddiad'],
  enterSubject: ['Enter an NHS number or a subject reference.', 'Rhowch rif GIG neu gyfeirnod gwrthrych.'],
  formHint: [
    "The NHS number goes in the form body, never in the address, and is never stored or logged: the service keys it into the region's pseudonymous subject reference.",
    'Mae’r rhif GIG yn mynd yng nghorff y ffurflen, byth yn y cyfeiriad, ac ni chaiff byth ei storio na’i gofnodi: mae’r gwasanaeth yn ei droi’n gyfeirnod ffugenwol y rhanbarth ar gyfer y gwrthrych.',
  ],
  print: [
    'Print this page, or save it as a PDF, from your browser.',
    'Argraffwch y dudalen hon, neu ei chadw fel PDF, o’ch porwr.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

const w = wordsOf(WORDS);
const formats = (lang: Lang, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { ...o, timeZone: 'Europe/London' });

function time(ms: number, lang: Lang, o: Intl.DateTimeFormatOptions): SafeHtml {
  return html`<time datetime="${new Date(ms).toISOString()}">${formats(lang, o).format(ms)}</time>`;
}

function form(lang: Lang, csrf: string | null, error?: string): SafeHtml {
  return html`<h1>${w(lang, 'title')}</h1>
<p>${w(lang, 'formIntro')}</p>
<form class="filters no-print" method="post" action="/subject-access" aria-label="${w(lang, 'produceLabel')}">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<div><label for="sa-subject">${w(lang, 'subjectField')}</label>
<input id="sa-subject" name="subject" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="28" required${error ? html` aria-invalid="true" aria-describedby="sa-error"` : ''}></div>
<div><label for="sa-lang">${w(lang, 'reportLang')}</label><select id="sa-lang" name="lang">
<option value="en">English</option><option value="cy" lang="cy"${lang === 'cy' ? html` selected` : ''}>Cymraeg</option></select></div>
<div><button type="submit" id="produce">${w(lang, 'produce')}</button></div>
${error ? html`<p class="field-error" id="sa-error" role="alert">${error}</p>` : ''}
</form>
<p class="hint">${w(lang, 'formHint')}</p>`;
}

/** The report as a document, in `lang`. */
export function reportDocument(
  r: SubjectAccessReport,
  o: { lang: Lang; nhsEnding: string | null; by: string; agencyName: (id: string) => string },
): SafeHtml {
  const { lang } = o;
  const kindTitle = (kind: string) =>
    Object.hasOwn(kinds, kind) ? kinds[kind as KindName].title[lang === 'cy' ? 'cy' : 'en'] : kind;
  const subject = o.nhsEnding ? `${w(lang, 'nhsEnding')} ${o.nhsEnding}` : r.subject;
  const rows = r.entries.map(
    (e) => html`<tr data-id="${e.id}">
<td>${time(e.loggedAt, lang, { dateStyle: 'medium', timeStyle: 'short' })}</td><td>${kindTitle(e.kind)}</td>
<td>${o.agencyName(e.from)}</td><td>${e.to.map((a, i) => html`${i ? ', ' : ''}${o.agencyName(a)}`)}</td>
<td><code>${e.agreement}</code></td><td>${e.purpose}</td><td>${e.lawfulBasis}</td></tr>`,
  );
  return html`<article class="report" id="subject-access-report" lang="${lang}">
<h1>${w(lang, 'heading')}</h1>
<dl class="fields summary-panel">
<dt>${w(lang, 'subject')}</dt><dd id="report-subject">${subject}</dd>
<dt>${w(lang, 'reference')}</dt><dd><code>${r.subject}</code></dd>
<dt>${w(lang, 'produced')}</dt><dd>${time(r.generatedAt, lang, { dateStyle: 'long', timeStyle: 'short' })}</dd>
<dt>${w(lang, 'producedBy')}</dt><dd>${o.by}</dd>
<dt>${w(lang, 'source')}</dt><dd>${w(lang, 'log')}</dd>
</dl>
<p>${w(lang, 'intro')}</p>
${
  r.entries.length
    ? html`<table id="report-entries"><caption>${w(lang, 'shares')}</caption>
<thead><tr>${(['when', 'what', 'from', 'to', 'agreement', 'purpose', 'basis'] as const).map((k) => html`<th scope="col">${w(lang, k)}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p id="report-empty">${w(lang, 'none')}</p>`
}
${
  r.withheldUntil === null
    ? ''
    : html`<p class="summary-panel" id="report-withheld"><strong>${w(lang, 'withheld')} ${time(r.withheldUntil, lang, { dateStyle: 'long' })}.</strong> ${w(lang, 'withheldWhy')}</p>`
}
<p class="hint no-print">${w(lang, 'print')}</p>
</article>`;
}

/** Only the last four digits of an NHS number, for the printed document. */
function nhsEnding(subject: string): string | null {
  const digits = subject.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits.slice(-4) : null;
}

/**
 * `GET /subject-access`: the form; `POST /subject-access`: the subject access report for one
 * child as a printable document, in English or Welsh (a POST, so an NHS number never lands in a
 * URL, a log line or the browser history). Auditors only.
 */
export function subjectAccessPage(pages: Hono<PageEnv>, deps: SubjectAccessDeps): void {
  const page = (c: Context<PageEnv>, body: SafeHtml, o: { lang?: Lang; status?: 200 | 400 } = {}) =>
    auditPage(c, { title: w(o.lang ?? 'en', 'title'), body, ...o });

  pages.get('/subject-access', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const lang = auditLang(c);
    return page(c, form(lang, c.var.session.csrf), { lang });
  });

  pages.post('/subject-access', async (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const body = await c.req.parseBody();
    const lang: Lang = body.lang === 'cy' ? 'cy' : 'en';
    // The form again, when it must be, in the console's language rather than the report's.
    const consoleLang = auditLang(c);
    const again = (error: string) =>
      page(c, form(consoleLang, c.var.session.csrf, error), { lang: consoleLang, status: 400 });
    const entered = typeof body.subject === 'string' ? body.subject.trim() : '';
    if (entered === '' || entered.length > 64) return again(w(consoleLang, 'enterSubject'));
    let subject: string;
    try {
      subject = deps.subjectRef(entered);
    } catch (e) {
      if (!isCwtchError(e)) throw e;
      return again(e.message);
    }
    const names = new Map(
      deps.agencies().map((a) => [a.id, (lang === 'cy' ? a.nameCy : undefined) ?? a.name]),
    );
    const report = subjectAccessReport(deps.index, subject, Date.now());
    const doc = reportDocument(report, {
      lang,
      nhsEnding: nhsEnding(entered),
      by: c.var.principal.name,
      agencyName: (id) => names.get(id) ?? id,
    });
    return page(c, doc, { lang });
  });
}
