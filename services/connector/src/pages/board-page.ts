import { authorityName } from '@cwtch/contracts';
import { html, type Lang, type PageEnv, requireRole, type SafeHtml, wordsOf } from '@cwtch/http';
import { CwtchError, ErrorCode, isMonth, monthOf, monthRange, previousMonth } from '@cwtch/runtime';
import type { Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { boardView, isBoard, rowLabel } from '../board/board-routes.ts';
import {
  type BoardSheet,
  boardSheet,
  cellText,
  REGION,
  type ReconciliationLine,
  reportsByMonth,
  sheetCsv,
} from '../board/board-sheet.ts';
import { breakdownLabel } from '../board/breakdown-labels.ts';
import type { LogFigures } from '../board/log-figures-client.ts';
import { agencyName, connectorPage } from './connector-page.ts';
import { READERS } from './inbox-page.ts';
import { formatTime, kindTitle, langOf } from './page-text.ts';

type Pair = readonly [en: string, cy: string];
const W = {
  title: ['Board data sheet', 'Taflen ddata’r bwrdd'],
  month: ['Month', 'Mis'],
  show: ['Show', 'Dangos'],
  csv: ['Download as CSV', 'Lawrlwytho fel CSV'],
  item: ['Data item', 'Eitem ddata'],
  region: ['Region', 'Rhanbarth'],
  reporters: ['Figures from', 'Ffigurau gan'],
  computed: ['computed', 'cyfrifwyd'],
  missing: ['No figures yet from', 'Dim ffigurau eto gan'],
  none: [
    'No agency has sent figures for this month yet.',
    'Nid oes unrhyw asiantaeth wedi anfon ffigurau ar gyfer y mis hwn eto.',
  ],
  suppressionNote: [
    '"<5": fewer than five, withheld so that no child can be recognised; "12+": some parts withheld; "–": not reported.',
    '"<5": llai na phump, wedi’u hatal fel na ellir adnabod unrhyw blentyn; "12+": rhai rhannau wedi’u hatal; "–": heb ei adrodd.',
  ],
  trend: ['Twelve months, region', 'Deuddeg mis, y rhanbarth'],
  byType: [
    'Children entering the protocol, by type of exploitation (region)',
    'Plant sy’n dechrau ar y protocol, yn ôl math o gamfanteisio (rhanbarth)',
  ],
  timeliness: ['Timeliness per agency (from the share log)', 'Prydlondeb fesul asiantaeth (o’r log rhannu)'],
  respondByMet: ['respond-by times met', 'amseroedd ymateb a fodlonwyd'],
  medianAck: ['median time to acknowledge', 'amser canolrif i gydnabod'],
  noTimeliness: ['No respond-by time fell due this month.', 'Ni ddaeth unrhyw amser ymateb i ben y mis hwn.'],
  reconciliation: ['Reconciliation with the share log', 'Cysoni â’r log rhannu'],
  reconHint: [
    'Each agency’s count of the notifications it sent, by kind, against the share log’s own count.',
    'Cyfrif pob asiantaeth o’r hysbysiadau a anfonodd, yn ôl math, o’i gymharu â chyfrif y log rhannu ei hun.',
  ],
  allAgree: ['Every figure the log can count agrees.', 'Mae pob ffigur y gall y log ei gyfrif yn cytuno.'],
  differ: ['figures differ from the share log', 'ffigur yn wahanol i’r log rhannu'],
  logUnavailable: [
    'The share log could not be asked: reconciliation and timeliness are not shown. Try again shortly.',
    'Nid oedd modd holi’r log rhannu: ni ddangosir cysoni na phrydlondeb. Rhowch gynnig arall arni cyn hir.',
  ],
  agency: ['Agency', 'Asiantaeth'],
  kind: ['Kind', 'Math'],
  allKinds: ['all kinds', 'pob math'],
  reported: ['Reported', 'Adroddwyd'],
  logged: ['In the log', 'Yn y log'],
  outcome: ['Outcome', 'Canlyniad'],
  agrees: ['agrees', 'yn cytuno'],
  'agrees-under-5': ['agrees (under 5)', 'yn cytuno (llai na 5)'],
  unchecked: ['withheld: checked in the total', 'wedi’i atal: wedi’i wirio yn y cyfanswm'],
  differs: ['differs', 'yn wahanol'],
  'not-reported': ['sent notifications but no figures', 'anfonodd hysbysiadau ond dim ffigurau'],
} as const satisfies Record<string, Pair>;
const w = wordsOf(W);

const columnName = (key: string, lang: Lang) =>
  key === REGION ? w(lang, 'region') : (authorityName(key, lang) ?? key);

function sheetTable(sheet: BoardSheet, lang: Lang): SafeHtml {
  if (sheet.reporters.length === 0) return html`<p class="muted">${w(lang, 'none')}</p>`;
  return html`<div class="table-scroll"><table class="board-sheet" id="board-sheet">
<caption>${w(lang, 'title')}: ${sheet.month}</caption>
<thead><tr><th scope="col">${w(lang, 'item')}</th>${sheet.columns.map((c) => html`<th scope="col" data-column="${c.key}">${columnName(c.key, lang)}</th>`)}</tr></thead>
<tbody>${sheet.rows.map(
    (r) => html`<tr data-item="${r.item}"${r.by === null ? '' : html` data-by="${r.by}" class="breakdown"`}>
<th scope="row">${r.by === null ? rowLabel(r.item, null, lang) : breakdownLabel(r.item, r.by, lang)}</th>
${sheet.columns.map((c) => html`<td data-column="${c.key}">${cellText(r.cells[c.key])}</td>`)}</tr>`,
  )}</tbody></table></div>
<p class="hint">${w(lang, 'suppressionNote')}</p>`;
}

/** A line chart in SVG (no script): one series per line, each with its own dash so colour is never alone. */
function trendChart(
  months: readonly string[],
  series: readonly { label: string; values: number[] }[],
): SafeHtml {
  const width = 640;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const max = Math.max(5, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (i * (width - left - 10)) / Math.max(1, months.length - 1);
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - 10);
  const dashes = ['', '6 4', '2 3'];
  const colours = ['#0b3d3a', '#a4111d', '#0b57a4'];
  return html`<svg class="chart" viewBox="0 0 ${width} ${height + 20 * series.length}" role="img" aria-label="${series.map((s) => s.label).join('; ')}">
<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#1b1b1b"/>
<text x="4" y="14" font-size="11">${max}</text><text x="4" y="${height - bottom}" font-size="11">0</text>
${months.map((m, i) => html`<text x="${x(i)}" y="${height - bottom + 16}" font-size="10" text-anchor="middle">${m.slice(2)}</text>`)}
${series.map(
  (
    s,
    n,
  ) => html`<polyline fill="none" stroke="${colours[n % 3]}" stroke-width="2" stroke-dasharray="${dashes[n % 3]}" points="${s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>
${s.values.map((v, i) => html`<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${colours[n % 3]}"><title>${months[i]}: ${v}</title></circle>`)}
<line x1="${left}" y1="${height + 8 + 20 * n}" x2="${left + 30}" y2="${height + 8 + 20 * n}" stroke="${colours[n % 3]}" stroke-width="2" stroke-dasharray="${dashes[n % 3]}"/>
<text x="${left + 36}" y="${height + 12 + 20 * n}" font-size="12">${s.label}</text>`,
)}</svg>`;
}

/** A horizontal bar chart in SVG, each bar labelled with its text (a withheld figure says "<5"). */
function barChart(bars: readonly { label: string; value: number; text: string }[]): SafeHtml {
  const width = 640;
  const row = 26;
  const labelWidth = 250;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return html`<svg class="chart" viewBox="0 0 ${width} ${row * bars.length + 10}" role="img" aria-label="${bars.map((b) => `${b.label}: ${b.text}`).join('; ')}">
${bars.map(
  (b, i) => html`<text x="0" y="${i * row + 17}" font-size="12">${b.label}</text>
<rect x="${labelWidth}" y="${i * row + 4}" width="${Math.max(1, (b.value / max) * (width - labelWidth - 60))}" height="${row - 10}" fill="#0b3d3a"/>
<text x="${labelWidth + Math.max(1, (b.value / max) * (width - labelWidth - 60)) + 6}" y="${i * row + 17}" font-size="12">${b.text}</text>`,
)}</svg>`;
}

function regionValue(sheet: BoardSheet, item: string, by: string | null = null): number {
  return sheet.rows.find((r) => r.item === item && r.by === by)?.cells[REGION]?.value ?? 0;
}

function charts(ctx: AgencyContext, sheet: BoardSheet, log: LogFigures | null, lang: Lang): SafeHtml {
  const months: string[] = [sheet.month];
  while (months.length < 12) months.unshift(previousMonth(months[0]!));
  const reports = reportsByMonth(ctx);
  const sheets = months.map((m) => (m === sheet.month ? sheet : boardSheet(ctx, m, reports)));
  const series = (['protocol_children_new', 'missing_episodes', 'absent_episodes'] as const).map((item) => ({
    label: rowLabel(item, null, lang),
    values: sheets.map((s) => regionValue(s, item)),
  }));
  const types = sheet.rows.filter((r) => r.item === 'protocol_children_new' && r.by !== null);
  const timely = Object.entries(log?.agencies ?? {})
    .filter(([, f]) => f.respondBy.due > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return html`<section class="charts" id="board-charts">
<h2>${w(lang, 'trend')}</h2>${trendChart(months, series)}
<h2>${w(lang, 'byType')}</h2>${
    types.length
      ? barChart(
          types.map((r) => ({
            label: breakdownLabel(r.item, r.by!, lang),
            value: r.cells[REGION]?.value ?? 0,
            text: cellText(r.cells[REGION]),
          })),
        )
      : html`<p class="muted">${w(lang, 'none')}</p>`
  }
<h2>${w(lang, 'timeliness')}</h2>${
    !log
      ? html`<p class="error" role="alert">${w(lang, 'logUnavailable')}</p>`
      : timely.length
        ? barChart(
            timely.map(([agency, f]) => {
              const pct = Math.round((100 * f.respondBy.met) / f.respondBy.due);
              const median =
                f.acknowledgement.medianMs === null
                  ? ''
                  : `; ${w(lang, 'medianAck')} ${Math.round(f.acknowledgement.medianMs / 60_000)} min`;
              return {
                label: agencyName(ctx, agency, lang),
                value: pct,
                text: `${pct}% ${w(lang, 'respondByMet')} (${f.respondBy.met}/${f.respondBy.due})${median}`,
              };
            }),
          )
        : html`<p class="muted">${w(lang, 'noTimeliness')}</p>`
  }</section>`;
}

function reconciliationPanel(
  ctx: AgencyContext,
  recon: { available: boolean; lines: readonly ReconciliationLine[] },
  lang: Lang,
): SafeHtml {
  if (!recon.available)
    return html`<section id="reconciliation"><h2>${w(lang, 'reconciliation')}</h2><p class="error" role="alert">${w(lang, 'logUnavailable')}</p></section>`;
  const differ = recon.lines.filter((l) => l.outcome === 'differs' || l.outcome === 'not-reported');
  return html`<section id="reconciliation" data-differences="${differ.length}"><h2>${w(lang, 'reconciliation')}</h2>
<p class="hint">${w(lang, 'reconHint')}</p>
<p class="${differ.length ? 'error' : 'ok'}" role="status">${differ.length ? `${differ.length} ${w(lang, 'differ')}` : w(lang, 'allAgree')}</p>
<div class="table-scroll"><table><thead><tr>${(['agency', 'kind', 'reported', 'logged', 'outcome'] as const).map((k) => html`<th scope="col">${w(lang, k)}</th>`)}</tr></thead>
<tbody>${recon.lines.map(
    (l) => html`<tr data-agency="${l.agency}" data-kind="${l.kind ?? ''}" data-outcome="${l.outcome}">
<td>${agencyName(ctx, l.agency, lang)}</td><td>${l.kind === null ? w(lang, 'allKinds') : kindTitle(l.kind, lang)}</td>
<td>${l.reported === null ? (l.outcome === 'not-reported' ? '–' : '<5') : l.reported}</td><td>${l.logged}</td>
<td class="${l.outcome === 'differs' || l.outcome === 'not-reported' ? 'error' : ''}">${w(lang, l.outcome)}</td></tr>`,
  )}</tbody></table></div></section>`;
}

function monthParam(value: string | undefined): string {
  const month = value ?? previousMonth(monthOf(Date.now()));
  if (!isMonth(month)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'month must be YYYY-MM');
  monthRange(month);
  return month;
}

/**
 * `GET /board` on a safeguarding board's connector: the month's sheet (rows: data items; columns:
 * authorities and the region), charts drawn as SVG on the server (no script, nothing from another
 * origin), the reconciliation with the share log, in English or Welsh; `GET /board.csv`: the sheet
 * as CSV for the board's analyst.
 */
export function boardPage(pages: Hono<PageEnv>, ctx: AgencyContext): void {
  pages.get('/board', async (c) => {
    requireRole(c.var.principal, READERS);
    if (!isBoard(ctx))
      throw new CwtchError(ErrorCode.NOT_FOUND, "this connector is not a safeguarding board's");
    const lang = langOf(c);
    const month = monthParam(c.req.query('month'));
    const view = await boardView(ctx, month);
    const sheet = view.sheet;
    const body = html`<h1>${w(lang, 'title')}</h1>
<form method="get" action="/board" class="month-form"><label for="month">${w(lang, 'month')}</label>
<input id="month" name="month" type="month" value="${month}"> <button type="submit" class="secondary">${w(lang, 'show')}</button>
<a href="/board.csv?month=${month}" id="csv" download>${w(lang, 'csv')}</a></form>
${
  sheet.reporters.length
    ? html`<p>${w(lang, 'reporters')}: ${sheet.reporters.map((r, i) => html`${i ? ', ' : ''}${agencyName(ctx, r.agency, lang)} (${w(lang, 'computed')} ${formatTime(Date.parse(r.generatedAt), lang)})`)}</p>`
    : ''
}
${sheet.missing.length ? html`<p class="hint" id="missing">${w(lang, 'missing')}: ${sheet.missing.map((a) => agencyName(ctx, a, lang)).join(', ')}</p>` : ''}
${sheetTable(sheet, lang)}
${charts(ctx, sheet, view.log, lang)}
${reconciliationPanel(ctx, view.reconciliation, lang)}`;
    return connectorPage(c, ctx, { title: `${w(lang, 'title')} ${month}`, body, lang, section: 'board' });
  });

  pages.get('/board.csv', (c) => {
    requireRole(c.var.principal, READERS);
    if (!isBoard(ctx))
      throw new CwtchError(ErrorCode.NOT_FOUND, "this connector is not a safeguarding board's");
    const month = monthParam(c.req.query('month'));
    const lang = langOf(c);
    return c.body(
      sheetCsv(boardSheet(ctx, month), (item, by) => rowLabel(item, by, lang)),
      200,
      {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="board-sheet-${month}.csv"`,
      },
    );
  });
}
