import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { type EnvelopeHeader, type ReceiptBody, ReceiptStatus } from '@cwtch/contracts';
import { b64uEncode, sha256 } from '@cwtch/crypto';
import { checkpointInBackground, monthRange, type WalCheckpoints } from '@cwtch/runtime';
import type { LoggedShares } from './check-event.ts';
import type { Entry } from './entries.ts';
import { type Contribution, contributionOf, FigureTallies } from './figure-tallies.ts';
import type { LogFigures } from './log-figures.ts';
import { SqliteLeafStore } from './sqlite-leaf-store.ts';

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

/** The tables' version: an index file of another is rebuilt. */
const SCHEMA_VERSION = '2';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shares (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, subject TEXT,
  kind TEXT NOT NULL, logged_at INTEGER NOT NULL, respond_by INTEGER, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS shares_subject ON shares (subject, seq);
CREATE INDEX IF NOT EXISTS shares_kind ON shares (kind, seq);
CREATE INDEX IF NOT EXISTS shares_logged ON shares (logged_at);
CREATE INDEX IF NOT EXISTS shares_respond_by ON shares (respond_by);
CREATE TABLE IF NOT EXISTS parties (agency TEXT NOT NULL, share INTEGER NOT NULL, kind TEXT NOT NULL,
  logged_at INTEGER NOT NULL, PRIMARY KEY (agency, share)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS parties_kind ON parties (agency, kind, logged_at);
CREATE TABLE IF NOT EXISTS statuses (status TEXT NOT NULL, share INTEGER NOT NULL,
  PRIMARY KEY (status, share)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS receipt_times (logged_at INTEGER NOT NULL, share INTEGER NOT NULL,
  PRIMARY KEY (logged_at, share)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts (k TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS early (id TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS early_id ON early (id);
CREATE TABLE IF NOT EXISTS rejections (i INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (seq INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS serials (serial INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS last_sent (k TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
`;

/** The tree head the index was last committed at: its size and root (base64). */
export interface IndexHead {
  readonly size: number;
  readonly root: string;
}

/**
 * The query index derived from the log, in SQLite (a file in the audit's data folder, or memory):
 * every entry goes through {@link ShareIndex.add} in order, live and when rebuilt from the AUDIT
 * stream, so it can always be rebuilt; it also holds the tree's leaf and node hashes
 * ({@link ShareIndex.leaves}) and the tree head it was committed at, so a restart catches up from
 * there instead of replaying the log.
 */
export class ShareIndex implements LoggedShares {
  readonly db: DatabaseSync;
  /** The Merkle tree's stored hashes, committed with the index rows of the same entries. */
  readonly leaves: SqliteLeafStore;
  readonly #sql = new Map<string, StatementSync>();
  /** Shares changed in the open transaction, with the statuses they had before it. */
  readonly #dirty = new Map<
    string,
    { seq: number; share: Mutable; before: readonly ShareStatusFilter[]; figures: Contribution | undefined }
  >();
  /** The figures per month, kept as shares change. */
  readonly #tallies: FigureTallies;

  /** How long a batch's rows may wait for their commit (0: each transaction commits at once). */
  readonly #commitAfterMs: number;
  readonly #onCommitFailed: (err: unknown) => void;
  /** Transactions running now (a nested one runs inside its caller's). */
  #depth = 0;
  #commitTimer: NodeJS.Timeout | undefined;
  #checkpoints: WalCheckpoints | undefined;

  /**
   * Opens (or creates) the index at `file`; in memory by default. With `commitAfterMs`, the
   * batches of that many milliseconds share one commit: the index is derived from the stream and
   * caught up from it on start, so a batch not committed yet is never lost, and the disk writes
   * each page a batch touches once per commit rather than once per batch (the log's tail and the
   * tables' indexes are the same few pages from one entry to the next). A commit that fails is
   * handed to `onCommitFailed` (thrown by default): the index no longer holds what the tree does.
   */
  constructor(
    file = ':memory:',
    options: {
      commitAfterMs?: number;
      onCommitFailed?: (err: unknown) => void;
      backgroundCheckpoints?: { onFailed: (reason: string) => void };
    } = {},
  ) {
    this.#commitAfterMs = options.commitAfterMs ?? 0;
    this.#onCommitFailed =
      options.onCommitFailed ??
      ((err) => {
        throw err;
      });
    this.db = new DatabaseSync(file);
    // The stream is the record: an index row lost in a crash is caught up from it on start.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;');
    this.db.exec(SCHEMA);
    // Checkpoints on a worker thread of their own, never inside a commit on this one.
    if (options.backgroundCheckpoints)
      this.#checkpoints = checkpointInBackground(this.db, file, options.backgroundCheckpoints);
    this.leaves = new SqliteLeafStore(this.db);
    this.#tallies = new FigureTallies(this.db, (sql) => this.#q(sql));
    // A file written by another version of these tables is rebuilt from the stream.
    if (this.#schema() !== SCHEMA_VERSION) {
      this.reset();
      this.#q("INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', ?)").run(SCHEMA_VERSION);
    }
  }

  #q(sql: string): StatementSync {
    let s = this.#sql.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#sql.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `fn` as one unit for a batch of entries: all of it is written, or none. It commits at
   * once, or with `commitAfterMs` within that time, together with the batches after it (each a
   * savepoint of the transaction they share).
   */
  transaction<T>(fn: () => T): T {
    const later = this.#commitAfterMs > 0;
    // Inside a transaction already: it is the caller's unit (one it waits to commit, when `later`).
    if (this.#depth > 0 || (!later && this.db.isTransaction)) return fn();
    if (!this.db.isTransaction) this.db.exec('BEGIN');
    if (later) this.db.exec('SAVEPOINT batch');
    this.#depth++;
    try {
      const out = fn();
      this.#flush();
      if (later) {
        this.db.exec('RELEASE batch');
        this.#commitTimer ??= setTimeout(() => this.#commitNow(), this.#commitAfterMs).unref();
      } else this.db.exec('COMMIT');
      return out;
    } catch (e) {
      this.#dirty.clear();
      // A statement that failed may have ended the transaction already (SQLite rolls back on some).
      if (this.db.isTransaction) this.db.exec(later ? 'ROLLBACK TO batch; RELEASE batch' : 'ROLLBACK');
      throw e;
    } finally {
      this.#depth--;
    }
  }

  /** Commits the batches waiting for their commit, if any (never a batch still being written). */
  commit(): void {
    if (this.#depth > 0) return;
    clearTimeout(this.#commitTimer);
    this.#commitTimer = undefined;
    if (this.db.isOpen && this.db.isTransaction) this.db.exec('COMMIT');
  }

  #commitNow(): void {
    try {
      this.commit();
    } catch (err) {
      this.#onCommitFailed(err);
    }
  }

  /** The tree head recorded with the last commit, if any. */
  head(): IndexHead | undefined {
    const row = this.#q("SELECT v FROM meta WHERE k = 'head'").get() as { v: string } | undefined;
    return row ? (JSON.parse(row.v) as IndexHead) : undefined;
  }

  setHead(head: IndexHead): void {
    this.#q("INSERT OR REPLACE INTO meta (k, v) VALUES ('head', ?)").run(JSON.stringify(head));
  }

  /** Forgets everything (before a rebuild from the stream). */
  reset(): void {
    this.transaction(() => {
      for (const t of ['meta', 'shares', 'parties', 'statuses', 'receipt_times', 'counts', 'early'])
        this.db.exec(`DELETE FROM ${t}`);
      for (const t of ['rejections', 'sources', 'serials', 'last_sent']) this.db.exec(`DELETE FROM ${t}`);
      this.leaves.clear();
      this.#tallies.clear();
    });
    this.#q("INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', ?)").run(SCHEMA_VERSION);
  }

  /** Commits what waits for its commit, and closes the file. */
  close(): void {
    this.commit();
    this.#checkpoints?.stop();
    this.db.close();
  }

  /** True when the SHARES event at `seq` is already in the log. */
  logged(seq: number): boolean {
    return this.#q('SELECT 1 FROM sources WHERE seq = ?').get(seq) !== undefined;
  }

  add(e: Entry): void {
    this.transaction(() => this.#add(e));
  }

  #add(e: Entry): void {
    if ('src' in e) this.#q('INSERT OR IGNORE INTO sources (seq) VALUES (?)').run(e.src.seq);
    if (e.t === 'key') this.#q('INSERT OR IGNORE INTO serials (serial) VALUES (?)').run(e.serial);
    else if (e.t === 'msg') {
      const headerBytes = Buffer.from(e.h, 'base64url');
      const h = JSON.parse(new TextDecoder().decode(headerBytes)) as EnvelopeHeader;
      const known = this.#row(h.id);
      const share: Mutable = known?.share ?? {
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
      const before = known && !this.#dirty.has(h.id) ? statusesOf(share) : [];
      share.copies.push({ to: e.src.subj.split('.')[2] ?? '', index: e.i, loggedAt: e.ts });
      const seq = known?.seq ?? e.i;
      if (!known) {
        this.#q(
          'INSERT INTO shares (seq, id, subject, kind, logged_at, respond_by, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(seq, share.id, share.subject, share.kind, e.ts, share.respondBy, '');
        for (const agency of new Set([share.from, ...share.to])) {
          this.#q('INSERT INTO parties (agency, share, kind, logged_at) VALUES (?, ?, ?, ?)').run(
            agency,
            seq,
            share.kind,
            e.ts,
          );
          this.#count(`agency ${agency}`, 1);
        }
      }
      this.#q(
        'INSERT INTO last_sent (k, at) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET at = max(at, excluded.at)',
      ).run(`${share.from} ${share.kind}`, e.ts);
      const early = this.#q('SELECT rowid, json FROM early WHERE id = ?').all(h.id) as {
        rowid: number;
        json: string;
      }[];
      for (const row of early) {
        const r = JSON.parse(row.json) as { receipt: IndexedReceipt; body: ReceiptBody };
        if (!answers(share, r.body)) continue;
        attach(share, r.receipt);
        this.#q('INSERT OR IGNORE INTO receipt_times (logged_at, share) VALUES (?, ?)').run(
          r.receipt.loggedAt,
          seq,
        );
        this.#q('DELETE FROM early WHERE rowid = ?').run(row.rowid);
      }
      this.#save(seq, share, before, known?.figures);
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
      const known = this.#row(body.id);
      // Only a recipient's receipt over the share's own hashes is part of it.
      if (known && answers(known.share, body)) {
        const before = this.#dirty.has(body.id) ? [] : statusesOf(known.share);
        attach(known.share, receipt);
        this.#q('INSERT OR IGNORE INTO receipt_times (logged_at, share) VALUES (?, ?)').run(e.ts, known.seq);
        this.#save(known.seq, known.share, before, known.figures);
      } else if (!known) {
        this.#q('INSERT INTO early (id, json) VALUES (?, ?)').run(body.id, JSON.stringify({ receipt, body }));
      }
    } else {
      const rejection: IndexedRejection = {
        index: e.i,
        loggedAt: e.ts,
        code: e.reason,
        subject: e.src.subj,
        id: e.id,
        from: e.from,
        sha256: e.sha256,
      };
      this.#q('INSERT INTO rejections (i, json) VALUES (?, ?)').run(e.i, JSON.stringify(rejection));
    }
  }

  #schema(): string | undefined {
    return (this.#q("SELECT v FROM meta WHERE k = 'schema'").get() as { v: string } | undefined)?.v;
  }

  /** A share as stored, with what it added to the figures as it was read (before any change). */
  #row(id: string): { seq: number; share: Mutable; figures?: Contribution | undefined } | undefined {
    const dirty = this.#dirty.get(id);
    if (dirty) return dirty;
    const stored = this.#stored(id);
    return stored && { ...stored, figures: contributionOf(stored.share) };
  }

  #stored(id: string): { seq: number; share: Mutable } | undefined {
    const row = this.#q('SELECT seq, json FROM shares WHERE id = ?').get(id) as
      | { seq: number; json: string }
      | undefined;
    return row && { seq: row.seq, share: JSON.parse(row.json) as Mutable };
  }

  /** Marks the share changed: it is stored, once, when the transaction commits. */
  #save(
    seq: number,
    share: Mutable,
    before: readonly ShareStatusFilter[],
    figures: Contribution | undefined,
  ): void {
    if (!this.#dirty.has(share.id)) this.#dirty.set(share.id, { seq, share, before, figures });
  }

  /** Stores the changed shares and keeps their status rows (what `?status=` finds) current. */
  #flush(): void {
    for (const { seq, share, before, figures } of this.#dirty.values()) {
      this.#q('UPDATE shares SET json = ? WHERE seq = ?').run(JSON.stringify(share), seq);
      this.#tallies.replace(seq, figures, share);
      const after = statusesOf(share);
      for (const s of before)
        if (!after.includes(s)) {
          this.#q('DELETE FROM statuses WHERE status = ? AND share = ?').run(s, seq);
          this.#count(`status ${s}`, -1);
        }
      for (const s of after)
        if (!before.includes(s)) {
          this.#q('INSERT INTO statuses (status, share) VALUES (?, ?)').run(s, seq);
          this.#count(`status ${s}`, 1);
        }
    }
    this.#dirty.clear();
  }

  #count(k: string, by: number): void {
    this.#q('INSERT INTO counts (k, n) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = n + excluded.n').run(
      k,
      by,
    );
  }

  #counted(k: string): number {
    return (this.#q('SELECT n FROM counts WHERE k = ?').get(k) as { n: number } | undefined)?.n ?? 0;
  }

  /** When `agency` last sent a share of `kind` (the logged time, ms), or null if the log holds none. */
  lastSent(agency: string, kind: string): number | null {
    const row = this.#q('SELECT at FROM last_sent WHERE k = ?').get(`${agency} ${kind}`) as
      | { at: number }
      | undefined;
    return row?.at ?? null;
  }

  hasDirectory(serial: number): boolean {
    return this.#q('SELECT 1 FROM serials WHERE serial = ?').get(serial) !== undefined;
  }

  get(id: string): IndexedShare | undefined {
    return (this.#dirty.get(id) ?? this.#stored(id))?.share;
  }

  /** Every share, in the order its first copy was logged. */
  *shares(): IterableIterator<IndexedShare> {
    for (const row of this.#q('SELECT json FROM shares ORDER BY seq').iterate() as Iterable<{ json: string }>)
      yield JSON.parse(row.json) as IndexedShare;
  }

  /**
   * The log's figures for `month` (`YYYY-MM`, London; RangeError when malformed), as
   * {@link logFigures} computes them from every share, read from tallies kept as the log grows.
   */
  figures(month: string, at: { readonly now: number; readonly logSize: number }): LogFigures {
    monthRange(month);
    return this.#tallies.figures(month, at);
  }

  /**
   * Shares matching every filter, in log order: the newest `limit`. Starts from the narrowest
   * table the query allows (the subject, the status or the agency, by their counts).
   */
  query(q: ShareQuery, limit = 1000): IndexedShare[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const on = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    let from = 'shares s';
    let order = 's.seq';
    const byStatus =
      q.status !== undefined &&
      (q.agency === undefined || this.#counted(`status ${q.status}`) < this.#counted(`agency ${q.agency}`));
    if (q.subject !== undefined) on('s.subject = ?', q.subject);
    else if (
      q.kind === undefined &&
      q.agency === undefined &&
      !byStatus &&
      (q.since ?? q.until) !== undefined
    )
      // A period alone: the newest `limit` logged in it (the writer logs in time order).
      order = 's.logged_at DESC, s.seq';
    else if (byStatus) {
      from = 'statuses t JOIN shares s ON s.seq = t.share';
      order = 't.share';
      on('t.status = ?', q.status as string);
    } else if (q.agency !== undefined) {
      from = 'parties p JOIN shares s ON s.seq = p.share';
      // With a kind, its (agency, kind, logged time) index: the newest of them first.
      order = q.kind === undefined ? 'p.share' : 'p.logged_at DESC, p.share';
      on('p.agency = ?', q.agency);
      if (q.kind !== undefined) on('p.kind = ?', q.kind);
      if (q.since !== undefined) on('p.logged_at >= ?', q.since);
      if (q.until !== undefined) on('p.logged_at < ?', q.until);
    }
    if (q.agency !== undefined && !from.startsWith('parties'))
      on('EXISTS (SELECT 1 FROM parties WHERE agency = ? AND share = s.seq)', q.agency);
    if (q.status !== undefined && !from.startsWith('statuses'))
      on('EXISTS (SELECT 1 FROM statuses WHERE status = ? AND share = s.seq)', q.status);
    if (q.kind !== undefined) on('s.kind = ?', q.kind);
    if (q.since !== undefined) on('s.logged_at >= ?', q.since);
    if (q.until !== undefined) on('s.logged_at < ?', q.until);
    const sql = `SELECT s.json FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT ?`;
    const rows = this.#q(sql).all(...args, Math.min(limit, Number.MAX_SAFE_INTEGER)) as { json: string }[];
    const out = rows.reverse().map((r) => JSON.parse(r.json) as IndexedShare);
    return order.includes('logged_at') ? out.sort((a, b) => firstIndex(a) - firstIndex(b)) : out;
  }

  rejections(): readonly IndexedRejection[] {
    return (this.#q('SELECT json FROM rejections ORDER BY i').all() as { json: string }[]).map(
      (r) => JSON.parse(r.json) as IndexedRejection,
    );
  }
}

type Mutable = IndexedShare & {
  copies: IndexedShare['copies'];
  receipts: IndexedReceipt[];
  statements: IndexedShare['statements'];
};

const firstIndex = (s: IndexedShare) => s.copies[0]?.index ?? 0;

/** Every `?status=` filter the share matches now. */
function statusesOf(share: IndexedShare): ShareStatusFilter[] {
  return SHARE_STATUS_FILTERS.filter((s) => matchesStatus(share, s));
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
