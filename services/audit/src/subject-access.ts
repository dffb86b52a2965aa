import { embargoInForce } from '@cwtch/contracts';
import { z } from 'zod';
import type { IndexedReceipt, IndexedShare, ShareIndex } from './share-index.ts';

/** `POST /v1/subject-access` body: the child's NHS number (any spacing) or subject reference. */
export const SubjectAccessRequest = z.strictObject({ subject: z.string().trim().min(1).max(64) });

/** One share about the subject, as a subject access report lists it: who shared what with whom, when, and why. */
export interface SubjectAccessEntry {
  readonly id: string;
  readonly kind: string;
  readonly from: string;
  readonly to: readonly string[];
  /** When the log recorded its first copy (epoch ms). */
  readonly loggedAt: number;
  readonly agreement: string;
  readonly purpose: string;
  readonly lawfulBasis: string;
}

/**
 * A subject access report (docs/protocol.md §7, "Embargo"): the subject's shares that no embargo
 * withholds, oldest first, and when any is withheld, only the latest review date among them;
 * never how many are withheld, which, why or by whom (tipping off).
 */
export interface SubjectAccessReport {
  /** The subject reference the report is for (never the NHS number). */
  readonly subject: string;
  readonly generatedAt: number;
  readonly entries: readonly SubjectAccessEntry[];
  /** Set when some entries are withheld: the date until which they are (epoch ms). */
  readonly withheldUntil: number | null;
}

/** The embargo in force on a logged share at `now`: the sender's last `embargoed` statement, while its review date is ahead. */
export function embargoOf(share: IndexedShare, now: number): IndexedReceipt | null {
  return embargoInForce(
    share.receipts.filter((r) => r.agency === share.from),
    now,
  );
}

/**
 * Builds the subject access report for a subject reference from the index at `now`. A reference
 * the log does not know gives an empty report, exactly like one whose shares are all withheld
 * but for the `withheldUntil` line.
 */
export function subjectAccessReport(index: ShareIndex, subject: string, now: number): SubjectAccessReport {
  const entries: SubjectAccessEntry[] = [];
  let withheldUntil: number | null = null;
  for (const s of index.query({ subject }, Number.MAX_SAFE_INTEGER)) {
    const embargo = embargoOf(s, now);
    if (embargo?.until !== undefined) {
      withheldUntil = Math.max(withheldUntil ?? 0, embargo.until);
      continue;
    }
    entries.push({
      id: s.id,
      kind: s.kind,
      from: s.from,
      to: s.to,
      loggedAt: s.copies[0]?.loggedAt ?? s.issuedAt,
      agreement: s.agreement,
      purpose: s.purpose,
      lawfulBasis: s.basis,
    });
  }
  return { subject, generatedAt: now, entries, withheldUntil };
}
