import { isMonth, monthRange } from '@cwtch/runtime';
import { z } from 'zod';
import type { IndexedShare } from './share-index.ts';

/** What `GET /v1/figures` takes as its query and `cwtch.audit.api.figures` as its body. */
export const FiguresRequest = z.strictObject({
  month: z.string().refine(isMonth, 'must be a calendar month, YYYY-MM'),
});

/** Shares of one kind by the priority their header declared. */
export interface PriorityCounts {
  routine: number;
  high: number;
  urgent: number;
}

/** What the log knows about one agency in one month (metadata only: no payload is ever read). */
export interface AgencyFigures {
  /** Shares this agency sent, by kind and priority. */
  readonly sent: Record<string, PriorityCounts>;
  /** Copies logged to this agency, by kind and priority. */
  readonly received: Record<string, PriorityCounts>;
  /** Its acknowledged copies: from the copy being logged to its signed acknowledgement. */
  readonly acknowledgement: { count: number; medianMs: number | null; p90Ms: number | null };
  /** Its copies whose respond-by passed in the month, and how many were acknowledged by then. */
  readonly respondBy: { due: number; met: number };
  /** `escalated` statements logged in the month that it signed, and that were addressed to it. */
  readonly escalations: { signed: number; received: number };
  /** `rejected` receipts it signed and were logged in the month, by reason code. */
  readonly rejections: Record<string, number>;
}

/** The answer to `GET /v1/figures?month=` and `cwtch.audit.api.figures`. */
export interface LogFigures {
  readonly month: string;
  readonly generatedAt: string;
  /** Entries in the log when the figures were computed. */
  readonly logSize: number;
  readonly agencies: Record<string, AgencyFigures>;
}

/**
 * The nearest-rank percentile of ascending `sorted` (non-empty): the smallest value with at
 * least `p`% of the values at or below it, `sorted[ceil(p/100 × n) − 1]`. Always one of the
 * values, never an interpolation, so a median of two is the lower one.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export const PRIORITIES = ['routine', 'high', 'urgent'] as const;

/** An agency's figures from `agencies`, added with nothing counted yet when absent. */
export function figuresBy(agencies: Map<string, AgencyFigures>): (agency: string) => AgencyFigures {
  return (agency) => {
    let a = agencies.get(agency);
    if (!a) {
      a = {
        sent: {},
        received: {},
        acknowledgement: { count: 0, medianMs: null, p90Ms: null },
        respondBy: { due: 0, met: 0 },
        escalations: { signed: 0, received: 0 },
        rejections: {},
      };
      agencies.set(agency, a);
    }
    return a;
  };
}

/**
 * Figures per agency for `month` (`YYYY-MM`, London wall clock; throws RangeError on a malformed
 * month). A share belongs to the month its first copy was logged in: its sent and received counts
 * and acknowledgement times are that month's. A respond-by counts in the month it falls in, once it
 * has passed (`now`); it is met when the recipient's signed acknowledgement is at or before it.
 * Escalations and rejections count in the month their statement was logged. Times to acknowledge
 * use the recipient's signed time less the audit's logged time of the copy, at least 0 (clocks
 * differ).
 */
export function logFigures(
  shares: Iterable<IndexedShare>,
  month: string,
  at: { readonly now: number; readonly logSize: number },
): LogFigures {
  const { start, end } = monthRange(month);
  const inMonth = (t: number) => t >= start && t < end;
  const agencies = new Map<string, AgencyFigures>();
  const waits = new Map<string, number[]>();
  const of = figuresBy(agencies);
  const count = (byKind: Record<string, PriorityCounts>, kind: string, priority: string) => {
    const counts = byKind[kind] ?? { routine: 0, high: 0, urgent: 0 };
    byKind[kind] = counts;
    if ((PRIORITIES as readonly string[]).includes(priority)) counts[priority as keyof PriorityCounts] += 1;
  };

  for (const s of shares) {
    const first = s.copies[0];
    if (!first) continue;
    const ofMonth = inMonth(first.loggedAt);
    const due = s.respondBy !== null && inMonth(s.respondBy) && s.respondBy <= at.now;
    if (ofMonth) count(of(s.from).sent, s.kind, s.priority);
    const seen = new Set<string>();
    for (const copy of s.copies) {
      // One copy per recipient: a second logged copy to the same agency adds nothing.
      if (seen.has(copy.to)) continue;
      seen.add(copy.to);
      const ack = firstAcknowledgement(s, copy.to);
      if (ofMonth) {
        const a = of(copy.to);
        count(a.received, s.kind, s.priority);
        if (ack !== null) list(waits, copy.to).push(Math.max(0, ack - copy.loggedAt));
      }
      if (due) {
        const a = of(copy.to);
        a.respondBy.due += 1;
        if (ack !== null && ack <= (s.respondBy as number)) a.respondBy.met += 1;
      }
    }
    for (const r of s.receipts) {
      if (!inMonth(r.loggedAt)) continue;
      if (r.status === 'escalated') {
        of(r.agency).escalations.signed += 1;
        of(r.to).escalations.received += 1;
      } else if (r.status === 'rejected') {
        const rejections = of(r.agency).rejections;
        const code = r.reason ?? 'UNKNOWN';
        rejections[code] = (rejections[code] ?? 0) + 1;
      }
    }
  }

  for (const [agency, ms] of waits) {
    ms.sort((x, y) => x - y);
    of(agency).acknowledgement.count = ms.length;
    of(agency).acknowledgement.medianMs = nearestRank(ms, 50);
    of(agency).acknowledgement.p90Ms = nearestRank(ms, 90);
  }
  return {
    month,
    generatedAt: new Date(at.now).toISOString(),
    logSize: at.logSize,
    agencies: Object.fromEntries([...agencies].sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/** The earliest time `agency` signed an acknowledgement of the share, or null. */
function firstAcknowledgement(s: IndexedShare, agency: string): number | null {
  let first: number | null = null;
  for (const r of s.receipts)
    if (r.agency === agency && r.status === 'acknowledged' && (first === null || r.at < first)) first = r.at;
  return first;
}

function list(map: Map<string, number[]>, key: string): number[] {
  const l = map.get(key) ?? [];
  map.set(key, l);
  return l;
}
