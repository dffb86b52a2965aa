import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { monthOf } from '@cwtch/runtime';
import {
  type AgencyFigures,
  figuresBy,
  type LogFigures,
  nearestRank,
  PRIORITIES,
  type PriorityCounts,
} from './log-figures.ts';
import type { IndexedShare } from './share-index.ts';

/** What one share adds to the figures: counters, times to acknowledge and respond-by dates. */
export interface Contribution {
  readonly counts: [month: string, agency: string, field: string][];
  readonly waits: [month: string, agency: string, ms: number][];
  readonly dues: [month: string, agency: string, respondBy: number, met: number][];
}

// Clocks change on the hour: the month of an hour is the month of every instant in it.
const months = new Map<number, string>();
function monthAt(ms: number): string {
  const hour = Math.floor(ms / 3_600_000);
  let m = months.get(hour);
  if (m === undefined) {
    m = monthOf(ms);
    if (months.size > 100_000) months.clear();
    months.set(hour, m);
  }
  return m;
}

/**
 * What `share` adds to every month's figures, by the rules of {@link logFigures} (its reference):
 * sent and received counts and times to acknowledge in the month of its first copy, respond-by in
 * the month it falls in, escalations and rejections in the month they were logged.
 */
export function contributionOf(s: IndexedShare): Contribution {
  const out: Contribution = { counts: [], waits: [], dues: [] };
  const first = s.copies[0];
  if (!first) return out;
  const month = monthAt(first.loggedAt);
  out.counts.push([month, s.from, `sent ${s.priority} ${s.kind}`]);
  const seen = new Set<string>();
  for (const copy of s.copies) {
    if (seen.has(copy.to)) continue;
    seen.add(copy.to);
    let ack: number | null = null;
    for (const r of s.receipts)
      if (r.agency === copy.to && r.status === 'acknowledged' && (ack === null || r.at < ack)) ack = r.at;
    out.counts.push([month, copy.to, `received ${s.priority} ${s.kind}`]);
    if (ack !== null) out.waits.push([month, copy.to, Math.max(0, ack - copy.loggedAt)]);
    if (s.respondBy !== null)
      out.dues.push([monthAt(s.respondBy), copy.to, s.respondBy, ack !== null && ack <= s.respondBy ? 1 : 0]);
  }
  for (const r of s.receipts) {
    const at = monthAt(r.loggedAt);
    if (r.status === 'escalated') {
      out.counts.push([at, r.agency, 'escalated-signed']);
      out.counts.push([at, r.to, 'escalated-received']);
    } else if (r.status === 'rejected') out.counts.push([at, r.agency, `rejected ${r.reason ?? 'UNKNOWN'}`]);
  }
  return out;
}

/** Whether two lists of rows hold the same rows in the same order. */
function sameRows(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  return a.length === b.length && a.every((row, i) => row.every((cell, j) => cell === b[i]![j]));
}

/**
 * The log's figures per month kept as it grows (in the index's SQLite file): counters, each
 * copy's time to acknowledge and each respond-by, replaced whenever a share changes, so a month's
 * figures are read, never recomputed from its shares.
 */
export class FigureTallies {
  /** Sorted times to acknowledge of the months asked for, kept current once loaded. */
  readonly #waits = new Map<string, Map<string, number[]>>();

  /** `q` prepares a statement once (the index's cache of them). */
  private readonly db: DatabaseSync;
  private readonly q: (sql: string) => StatementSync;

  constructor(db: DatabaseSync, q: (sql: string) => StatementSync) {
    this.db = db;
    this.q = q;
    db.exec(`CREATE TABLE IF NOT EXISTS fig_counts (month TEXT NOT NULL, agency TEXT NOT NULL,
        field TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (month, agency, field)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fig_waits (share INTEGER NOT NULL, month TEXT NOT NULL,
        agency TEXT NOT NULL, ms INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS fig_waits_share ON fig_waits (share);
      CREATE INDEX IF NOT EXISTS fig_waits_month ON fig_waits (month, agency, ms);
      CREATE TABLE IF NOT EXISTS fig_dues (share INTEGER NOT NULL, month TEXT NOT NULL,
        agency TEXT NOT NULL, respond_by INTEGER NOT NULL, met INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS fig_dues_share ON fig_dues (share);
      CREATE INDEX IF NOT EXISTS fig_dues_month ON fig_dues (month, agency, respond_by);`);
  }

  /** Forgets every tally (with the rest of the index, before a rebuild). */
  clear(): void {
    this.db.exec('DELETE FROM fig_counts; DELETE FROM fig_waits; DELETE FROM fig_dues;');
    this.#waits.clear();
  }

  /**
   * Replaces what share `seq` added (`before`, its {@link contributionOf} as it was) with what it
   * adds now. Only what changed is written: a counter by the difference, times to acknowledge and
   * respond-by dates only when they differ (a `delivered` receipt changes none of them).
   */
  replace(seq: number, before: Contribution | undefined, after: IndexedShare): void {
    const now = contributionOf(after);
    const counts = new Map<string, { month: string; agency: string; field: string; by: number }>();
    const tally = ([month, agency, field]: Contribution['counts'][number], by: number) => {
      const key = `${month}\u0000${agency}\u0000${field}`;
      const c = counts.get(key);
      if (c) c.by += by;
      else counts.set(key, { month, agency, field, by });
    };
    for (const c of before?.counts ?? []) tally(c, -1);
    for (const c of now.counts) tally(c, 1);
    for (const c of counts.values()) if (c.by !== 0) this.#count(c.month, c.agency, c.field, c.by);
    if (!sameRows(before?.waits ?? [], now.waits)) {
      if (before) {
        for (const [month, agency, ms] of before.waits) this.#cached(month, agency, ms, -1);
        this.q('DELETE FROM fig_waits WHERE share = ?').run(seq);
      }
      for (const [month, agency, ms] of now.waits) {
        this.q('INSERT INTO fig_waits (share, month, agency, ms) VALUES (?, ?, ?, ?)').run(
          seq,
          month,
          agency,
          ms,
        );
        this.#cached(month, agency, ms, 1);
      }
    }
    if (!sameRows(before?.dues ?? [], now.dues)) {
      if (before) this.q('DELETE FROM fig_dues WHERE share = ?').run(seq);
      for (const [month, agency, respondBy, met] of now.dues)
        this.q('INSERT INTO fig_dues (share, month, agency, respond_by, met) VALUES (?, ?, ?, ?, ?)').run(
          seq,
          month,
          agency,
          respondBy,
          met,
        );
    }
  }

  #count(month: string, agency: string, field: string, by: number): void {
    this.q(
      'INSERT INTO fig_counts (month, agency, field, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n',
    ).run(month, agency, field, by);
  }

  /** Keeps a loaded month's sorted times current: adds (`1`) or removes (`-1`) one. */
  #cached(month: string, agency: string, ms: number, change: 1 | -1): void {
    const byAgency = this.#waits.get(month);
    if (!byAgency) return;
    const list = byAgency.get(agency) ?? [];
    byAgency.set(agency, list);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    if (change === 1) list.splice(lo, 0, ms);
    else if (list[lo] === ms) list.splice(lo, 1);
  }

  #waitsOf(month: string): Map<string, number[]> {
    let byAgency = this.#waits.get(month);
    if (!byAgency) {
      byAgency = new Map();
      const rows = this.q('SELECT agency, ms FROM fig_waits WHERE month = ? ORDER BY agency, ms').all(
        month,
      ) as {
        agency: string;
        ms: number;
      }[];
      for (const r of rows) {
        const list = byAgency.get(r.agency) ?? [];
        byAgency.set(r.agency, list);
        list.push(r.ms);
      }
      this.#waits.set(month, byAgency);
    }
    return byAgency;
  }

  /** The month's figures as {@link logFigures} would compute them from every share. */
  figures(month: string, at: { readonly now: number; readonly logSize: number }): LogFigures {
    const agencies = new Map<string, AgencyFigures>();
    const of = figuresBy(agencies);
    const rows = this.q('SELECT agency, field, n FROM fig_counts WHERE month = ? AND n > 0').all(month) as {
      agency: string;
      field: string;
      n: number;
    }[];
    for (const { agency, field, n } of rows) {
      const a = of(agency);
      const [what, rest] = [field.slice(0, field.indexOf(' ')), field.slice(field.indexOf(' ') + 1)];
      if (field === 'escalated-signed') a.escalations.signed += n;
      else if (field === 'escalated-received') a.escalations.received += n;
      else if (what === 'rejected') a.rejections[rest] = (a.rejections[rest] ?? 0) + n;
      else {
        const priority = rest.slice(0, rest.indexOf(' '));
        const kind = rest.slice(rest.indexOf(' ') + 1);
        const byKind = what === 'sent' ? a.sent : a.received;
        const counts: PriorityCounts = byKind[kind] ?? { routine: 0, high: 0, urgent: 0 };
        byKind[kind] = counts;
        if ((PRIORITIES as readonly string[]).includes(priority))
          counts[priority as keyof PriorityCounts] += n;
      }
    }
    const dues = this.q(
      'SELECT agency, count(*) AS due, sum(met) AS met FROM fig_dues WHERE month = ? AND respond_by <= ? GROUP BY agency',
    ).all(month, at.now) as { agency: string; due: number; met: number }[];
    for (const d of dues) Object.assign(of(d.agency).respondBy, { due: d.due, met: d.met });
    for (const [agency, ms] of this.#waitsOf(month)) {
      if (ms.length === 0) continue;
      Object.assign(of(agency).acknowledgement, {
        count: ms.length,
        medianMs: nearestRank(ms, 50),
        p90Ms: nearestRank(ms, 90),
      });
    }
    return {
      month,
      generatedAt: new Date(at.now).toISOString(),
      logSize: at.logSize,
      agencies: Object.fromEntries([...agencies].sort(([x], [y]) => (x < y ? -1 : 1))),
    };
  }
}
