import { type EnvelopeHeader, type ReceiptBody, ReceiptStatus } from '@cwtch/contracts';
import { b64uEncode, sha256 } from '@cwtch/crypto';
import type { LoggedShares } from './check-event.ts';
import type { Entry } from './entries.ts';

/** A receipt (a statement between the share's parties) as the index keeps it. */
export interface IndexedReceipt {
  /** The signer. */
  readonly agency: string;
  /** The addressee: the sender for a recipient's statements, a recipient for the sender's. */
  readonly to: string;
  readonly status: ReceiptStatus;
  readonly at: number;
  readonly actor: string | null;
  readonly reason: string | null;
  /** The review date of an `embargoed` statement (docs/protocol.md §7); absent on the others. */
  readonly until?: number;
  readonly index: number;
  readonly loggedAt: number;
}

/** A rejection as the index keeps it: a record of its own, never part of a share. */
export interface IndexedRejection {
  readonly index: number;
  readonly loggedAt: number;
  readonly code: string;
  readonly subject: string;
  /** Message id and agency, only when a signature vouches for them (docs/protocol.md). */
  readonly id: string | null;
  readonly from: string | null;
  readonly sha256: string;
}

/** One share (one message id) with every logged copy and every receipt its recipients signed. */
export interface IndexedShare {
  readonly id: string;
  readonly kind: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string | null;
  readonly issuedAt: number;
  readonly purpose: string;
  readonly agreement: string;
  readonly basis: string;
  readonly priority: string;
  readonly respondBy: number | null;
  /** base64url SHA-256 of the header bytes, as receipts carry it. */
  readonly headerHash: string;
  readonly bodyHash: string;
  /** Key ids: the sender's signing key and each recipient's encryption key. */
  readonly keys: { readonly from: string; readonly to: readonly { agency: string; kid: string }[] };
  readonly copies: { to: string; index: number; loggedAt: number }[];
  readonly receipts: IndexedReceipt[];
  /** The receipts as statements, for the order rule (the same objects' fields). */
  readonly statements: { by: string; to: string; status: ReceiptStatus; reason: string | null }[];
}

/** Filters of `GET /v1/shares`. */
export interface ShareQuery {
  readonly subject?: string | undefined;
  readonly agency?: string | undefined;
  readonly kind?: string | undefined;
  readonly since?: number | undefined;
  readonly until?: number | undefined;
  /** `unacknowledged`: delivered to someone who has not acknowledged. */
  readonly status?: ShareStatusFilter | undefined;
}

const text = (b64u: string) => new TextDecoder().decode(Buffer.from(b64u, 'base64url'));

/**
 * The query index derived from the log: every entry goes through {@link ShareIndex.add} in
 * order, at start-up (replaying the AUDIT stream) and live, so it can always be rebuilt.
 */
export class ShareIndex implements LoggedShares {
  readonly #shares = new Map<string, IndexedShare>();
  readonly #rejections: IndexedRejection[] = [];
  /** Secondary indexes: share ids by subject reference and by agency (sender or recipient). */
  readonly #bySubject = new Map<string, IndexedShare[]>();
  readonly #byAgency = new Map<string, IndexedShare[]>();
  /** Shares delivered to someone who has not acknowledged yet (kept current as receipts arrive). */
  readonly #unacknowledged = new Set<IndexedShare>();
  /** Receipts logged before their share (only in logs written before receipts were linked on entry). */
  readonly #early = new Map<string, { receipt: IndexedReceipt; body: ReceiptBody }[]>();
  readonly #directorySerials = new Set<number>();
  /** SHARES sequences already logged: a redelivered event is acknowledged, never logged twice. */
  readonly #loggedSources = new Set<number>();
  /** When each agency last sent each kind (logged time of the newest copy), for expected feeds. */
  readonly #lastSent = new Map<string, number>();

  /** True when the SHARES event at `seq` is already in the log. */
  logged(seq: number): boolean {
    return this.#loggedSources.has(seq);
  }

  add(e: Entry): void {
    if ('src' in e) this.#loggedSources.add(e.src.seq);
    if (e.t === 'key') this.#directorySerials.add(e.serial);
    else if (e.t === 'msg') {
      const headerBytes = Buffer.from(e.h, 'base64url');
      const h = JSON.parse(new TextDecoder().decode(headerBytes)) as EnvelopeHeader;
      let share = this.#shares.get(h.id);
      if (!share) {
        share = {
          id: h.id,
          kind: h.kind,
          from: h.from.agency,
          to: h.to.map((t) => t.agency),
          subject: h.subject,
          issuedAt: h.iat,
          purpose: h.purpose,
          agreement: h.agreement,
          basis: h.basis,
          priority: h.priority,
          respondBy: h.respondBy,
          headerHash: b64uEncode(sha256(headerBytes)),
          bodyHash: e.b,
          keys: { from: h.from.kid, to: h.to },
          copies: [],
          receipts: [],
          statements: [],
        };
        this.#shares.set(h.id, share);
        if (share.subject) push(this.#bySubject, share.subject, share);
        for (const agency of new Set([share.from, ...share.to])) push(this.#byAgency, agency, share);
      }
      share.copies.push({ to: e.src.subj.split('.')[2] ?? '', index: e.i, loggedAt: e.ts });
      const sent = `${share.from} ${share.kind}`;
      this.#lastSent.set(sent, Math.max(this.#lastSent.get(sent) ?? 0, e.ts));
      const early = this.#early.get(h.id);
      if (early) {
        const rest = early.filter((r) => !answers(share, r.body));
        for (const r of early) if (!rest.includes(r)) attach(share, r.receipt);
        if (rest.length > 0) this.#early.set(h.id, rest);
        else this.#early.delete(h.id);
      }
      this.#track(share);
    } else if (e.t === 'rcpt') {
      const body = JSON.parse(text(e.r)) as ReceiptBody;
      const receipt: IndexedReceipt = {
        agency: body.by.agency,
        to: body.to,
        status: body.status,
        at: body.at,
        actor: body.actor,
        reason: body.reason,
        ...(body.until === undefined ? {} : { until: body.until }),
        index: e.i,
        loggedAt: e.ts,
      };
      const share = this.#shares.get(body.id);
      // Only a recipient's receipt over the share's own hashes is part of it.
      if (share && answers(share, body)) {
        attach(share, receipt);
        this.#track(share);
      } else if (!share) {
        const list = this.#early.get(body.id) ?? [];
        list.push({ receipt, body });
        this.#early.set(body.id, list);
      }
    } else {
      this.#rejections.push({
        index: e.i,
        loggedAt: e.ts,
        code: e.reason,
        subject: e.src.subj,
        id: e.id,
        from: e.from,
        sha256: e.sha256,
      });
    }
  }

  #track(share: IndexedShare): void {
    if (matchesStatus(share, 'unacknowledged')) this.#unacknowledged.add(share);
    else this.#unacknowledged.delete(share);
  }

  /** When `agency` last sent a share of `kind` (the logged time, ms), or null if the log holds none. */
  lastSent(agency: string, kind: string): number | null {
    return this.#lastSent.get(`${agency} ${kind}`) ?? null;
  }

  hasDirectory(serial: number): boolean {
    return this.#directorySerials.has(serial);
  }

  get(id: string): IndexedShare | undefined {
    return this.#shares.get(id);
  }

  /** Every share, in the order its first copy was logged. */
  shares(): IterableIterator<IndexedShare> {
    return this.#shares.values();
  }

  query(q: ShareQuery, limit = 1000): IndexedShare[] {
    const out: IndexedShare[] = [];
    // Start from the narrowest index the query allows; shares sit in each list in log order.
    const list = q.subject
      ? (this.#bySubject.get(q.subject) ?? [])
      : q.status === 'unacknowledged'
        ? [...this.#unacknowledged]
        : q.agency
          ? (this.#byAgency.get(q.agency) ?? [])
          : [...this.#shares.values()];
    // Lists are in log order, so a period is a slice found by binary search.
    const from = q.since === undefined ? 0 : firstLoggedAtOrAfter(list, q.since);
    const to = q.until === undefined ? list.length : firstLoggedAtOrAfter(list, q.until);
    for (let k = from; k < to; k++) {
      const s = list[k]!;
      if (q.subject && s.subject !== q.subject) continue;
      if (q.agency && s.from !== q.agency && !s.to.includes(q.agency)) continue;
      if (q.kind && s.kind !== q.kind) continue;
      const loggedAt = s.copies[0]?.loggedAt ?? 0;
      if (q.since !== undefined && loggedAt < q.since) continue;
      if (q.until !== undefined && loggedAt >= q.until) continue;
      if (q.status && !matchesStatus(s, q.status)) continue;
      out.push(s);
    }
    return out.sort((a, b) => (a.copies[0]?.index ?? 0) - (b.copies[0]?.index ?? 0)).slice(-limit);
  }

  rejections(): readonly IndexedRejection[] {
    return this.#rejections;
  }
}

/** True when `body` is a receipt by one of the share's logged recipients, to its sender, over its hashes. */
function answers(share: IndexedShare, body: ReceiptBody): boolean {
  const parties = (recipient: string, sender: string) =>
    sender === share.from && share.copies.some((c) => c.to === recipient);
  return (
    body.hh === share.headerHash &&
    body.b === share.bodyHash &&
    (parties(body.by.agency, body.to) || parties(body.to, body.by.agency))
  );
}

/** Adds a receipt to its share's timeline and to the statements the order rule reads. */
function attach(share: IndexedShare, receipt: IndexedReceipt): void {
  share.receipts.push(receipt);
  share.statements.push({
    by: receipt.agency,
    to: receipt.to,
    status: receipt.status,
    reason: receipt.reason,
  });
}

function firstLoggedAtOrAfter(list: readonly IndexedShare[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((list[mid]!.copies[0]?.loggedAt ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function push(map: Map<string, IndexedShare[]>, key: string, share: IndexedShare): void {
  const list = map.get(key);
  if (list) list.push(share);
  else map.set(key, [share]);
}

/**
 * What `?status=` asks of a share: every copy `delivered` or `acknowledged`; some copy delivered
 * and not yet `unacknowledged`; or some statement of that status logged about it (`rejected`,
 * `accepted`, `declined`, `actioned`, `escalated` by either party, `recalled`, `deleted`,
 * `embargoed`: ever, in force or not).
 */
export type ShareStatusFilter = ReceiptStatus | 'unacknowledged';
export const SHARE_STATUS_FILTERS: readonly [ShareStatusFilter, ...ShareStatusFilter[]] = [
  'unacknowledged',
  ...ReceiptStatus.options,
];

function matchesStatus(s: IndexedShare, status: ShareStatusFilter): boolean {
  const has = (agency: string, st: string) => s.receipts.some((r) => r.agency === agency && r.status === st);
  switch (status) {
    case 'delivered':
      return s.to.every((a) => has(a, 'delivered'));
    case 'acknowledged':
      return s.to.every((a) => has(a, 'acknowledged'));
    case 'unacknowledged':
      return s.to.some((a) => has(a, 'delivered') && !has(a, 'acknowledged'));
    case 'rejected':
      return s.receipts.some((r) => r.status === 'rejected');
    default:
      return s.statements.some((r) => r.status === status);
  }
}
