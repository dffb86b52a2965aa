import {
  BOARD_ITEMS,
  type BoardFigure,
  BoardItem,
  BoardStatistics,
  childrensServicesAuthority,
} from '@cwtch/contracts';
import { monthRange } from '@cwtch/runtime';
import type { AgencyContext } from '../agency-context.ts';
import { type LogFigures, loggedSent } from './log-figures-client.ts';

/** The column of the region: every reporting agency's whole figure, summed. */
export const REGION = 'region';

/** One cell of the sheet: the sum of what the reporting agencies published, and how many withheld a part. */
export interface SheetCell {
  /** The sum of the published parts. */
  readonly value: number;
  /** Parts withheld by disclosure control (each under 5, or hidden to protect one that is). */
  readonly withheld: number;
  /** Agencies whose figures this cell adds up. */
  readonly parts: number;
}

/** A row of the sheet: one data item, whole (`by: null`) or one breakdown value. */
export interface SheetRow {
  readonly item: BoardItem;
  readonly by: string | null;
  readonly unit: 'children' | 'count';
  /** By column: an authority's ONS code, or {@link REGION}. */
  readonly cells: Readonly<Record<string, SheetCell>>;
}

/** An agency whose figures the sheet holds. */
export interface Reporter {
  readonly agency: string;
  readonly id: string;
  readonly generatedAt: string;
  readonly figures: readonly BoardFigure[];
}

/** The board's sheet for one month: rows are data items, columns authorities and the region. */
export interface BoardSheet {
  readonly month: string;
  readonly columns: readonly { readonly key: string; readonly name: string }[];
  readonly rows: readonly SheetRow[];
  readonly reporters: readonly Reporter[];
  /** Agencies an agreement lets report to this board that sent nothing for the month. */
  readonly missing: readonly string[];
}

/** The text of a cell: the figure, "<5" for one withheld part alone, "12+" when parts are withheld. */
export function cellText(cell: SheetCell | undefined): string {
  if (!cell || cell.parts === 0) return '–';
  if (cell.withheld === 0) return String(cell.value);
  return cell.value === 0 ? (cell.withheld === 1 ? '<5' : `<${5 * cell.withheld}`) : `${cell.value}+`;
}

/**
 * The board-statistics shares in this inbox, read once: for each month, the latest figures from
 * each agency (a later computation of the same month replaces an earlier one).
 */
export function reportsByMonth(ctx: AgencyContext): ReadonlyMap<string, Reporter[]> {
  const latest = new Map<string, Map<string, { id: string; figures: BoardStatistics }>>();
  for (const item of ctx.store.list({ kind: 'board-statistics', limit: 5000 })) {
    if (item.recalled) continue;
    const parsed = BoardStatistics.safeParse(item.payload);
    if (!parsed.success) continue;
    const month = latest.get(parsed.data.month) ?? new Map();
    const seen = month.get(item.from);
    if (!seen || seen.figures.generatedAt < parsed.data.generatedAt)
      month.set(item.from, { id: item.id, figures: parsed.data });
    latest.set(parsed.data.month, month);
  }
  return new Map(
    [...latest].map(([month, byAgency]) => [
      month,
      [...byAgency]
        .map(([agency, { id, figures }]) => ({
          agency,
          id,
          generatedAt: figures.generatedAt,
          figures: figures.figures,
        }))
        .sort((a, b) => a.agency.localeCompare(b.agency)),
    ]),
  );
}

/** Welsh authorities first, then English, each by name. */
function columnOrder(a: string, b: string): number {
  const x = childrensServicesAuthority(a);
  const y = childrensServicesAuthority(b);
  return (
    (x?.nation ?? 'z').localeCompare(y?.nation ?? 'z') * -1 ||
    (x?.name.en ?? a).localeCompare(y?.name.en ?? b)
  );
}

/**
 * Merges every agency's latest figures for `month` into one sheet (DESIGN §6b): each authority's
 * column adds up what the agencies published for that authority, the region's column their whole
 * figures. A withheld part stays withheld: the cell says so rather than guess it.
 */
export function boardSheet(
  ctx: AgencyContext,
  month: string,
  reports: ReadonlyMap<string, Reporter[]> = reportsByMonth(ctx),
): BoardSheet {
  monthRange(month);
  const reporters = reports.get(month) ?? [];
  const authorities = new Set<string>();
  const cells = new Map<string, { value: number; withheld: number; parts: number }>();
  for (const r of reporters) {
    for (const f of r.figures) {
      const column = f.authority ?? REGION;
      if (f.authority) authorities.add(f.authority);
      const k = `${f.item}|${f.by ?? ''}|${column}`;
      const cell = cells.get(k) ?? { value: 0, withheld: 0, parts: 0 };
      cell.parts++;
      if (f.value === null) cell.withheld++;
      else cell.value += f.value;
      cells.set(k, cell);
    }
  }
  const columns = [...authorities].sort(columnOrder);
  const rows: SheetRow[] = [];
  for (const item of BoardItem.options) {
    const bys = new Set<string>();
    for (const k of cells.keys()) {
      const [i, by] = k.split('|');
      if (i === item && by) bys.add(by);
    }
    for (const by of [null, ...[...bys].sort()]) {
      const row: Record<string, SheetCell> = {};
      for (const column of [...columns, REGION]) {
        const cell = cells.get(`${item}|${by ?? ''}|${column}`);
        if (cell) row[column] = cell;
      }
      if (by === null || Object.keys(row).length > 0)
        rows.push({ item, by, unit: BOARD_ITEMS[item].unit, cells: row });
    }
  }
  const reporting = new Set(reporters.map((r) => r.agency));
  const missing = ctx.directory.view.directory.agreements
    .filter(
      (a) => a.recipients.includes(ctx.agency) && (a.kinds as readonly string[]).includes('board-statistics'),
    )
    .flatMap((a) => a.senders)
    .filter((a, i, all) => all.indexOf(a) === i && !reporting.has(a))
    .sort();
  return {
    month,
    columns: [
      ...columns.map((key) => ({ key, name: childrensServicesAuthority(key)?.name.en ?? key })),
      { key: REGION, name: 'Region' },
    ],
    rows,
    reporters,
    missing,
  };
}

/** The sheet as CSV (RFC 4180): item, breakdown, unit, then a column per authority and the region. */
export function sheetCsv(sheet: BoardSheet, label: (item: BoardItem, by: string | null) => string): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const head = ['item', 'label', 'breakdown', 'unit', ...sheet.columns.map((c) => c.name)];
  const lines = [head.map(quote).join(',')];
  for (const row of sheet.rows) {
    lines.push(
      [
        row.item,
        label(row.item, row.by),
        row.by ?? '',
        row.unit,
        ...sheet.columns.map((c) => cellText(row.cells[c.key])),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One line of the reconciliation: an agency's reported shares of a kind against the share log's count. */
export interface ReconciliationLine {
  readonly agency: string;
  /** A kind, or null for all kinds together. */
  readonly kind: string | null;
  /** What the agency reported (null: withheld, `withheld` says why). */
  readonly reported: number | null;
  readonly withheld?: 'primary' | 'secondary' | undefined;
  readonly logged: number;
  /** agrees; agrees-under-5 (withheld, and the log's count is under 5); unchecked (withheld to
   * protect another figure: the all-kinds line checks it); differs; not-reported. */
  readonly outcome: 'agrees' | 'agrees-under-5' | 'unchecked' | 'differs' | 'not-reported';
}

/**
 * Checks every figure the log can count, shares of a kind an agency sent in the month, against the
 * share log (DESIGN §6b). The board's own figures shares are left out (they follow the figures).
 */
export function reconcile(
  sheet: BoardSheet,
  log: LogFigures | null,
): { available: boolean; lines: ReconciliationLine[] } {
  if (!log) return { available: false, lines: [] };
  const lines: ReconciliationLine[] = [];
  const skip = (kind: string) => kind === 'board-statistics';
  const reporting = new Set(sheet.reporters.map((r) => r.agency));
  for (const r of sheet.reporters) {
    const reported = new Map<string | null, BoardFigure>();
    for (const f of r.figures)
      if (f.item === 'shares_sent' && f.authority === null && (f.by === null || !skip(f.by)))
        reported.set(f.by, f);
    const kinds = new Set<string>([
      ...[...reported.keys()].filter((k): k is string => k !== null),
      ...Object.keys(log.agencies[r.agency]?.sent ?? {}).filter((k) => !skip(k)),
    ]);
    const totalLogged = [...kinds].reduce((n, k) => n + loggedSent(log, r.agency, k), 0);
    for (const kind of [...[...kinds].sort(), null]) {
      const f = reported.get(kind);
      const logged = kind === null ? totalLogged : loggedSent(log, r.agency, kind);
      const value = f === undefined ? 0 : f.value;
      const outcome =
        value !== null
          ? value === logged
            ? 'agrees'
            : 'differs'
          : f?.suppressed === 'primary'
            ? logged > 0 && logged < 5
              ? 'agrees-under-5'
              : 'differs'
            : 'unchecked';
      lines.push({ agency: r.agency, kind, reported: value, withheld: f?.suppressed, logged, outcome });
    }
  }
  for (const [agency, figures] of Object.entries(log.agencies)) {
    if (reporting.has(agency)) continue;
    const logged = Object.keys(figures.sent)
      .filter((k) => !skip(k))
      .reduce((n, k) => n + loggedSent(log, agency, k), 0);
    if (logged > 0) lines.push({ agency, kind: null, reported: null, logged, outcome: 'not-reported' });
  }
  return { available: true, lines };
}
