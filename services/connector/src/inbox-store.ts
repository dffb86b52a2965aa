import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { BoardFact, ReceiptStatus } from '@cwtch/contracts';
import { checkpointInBackground, type ErrorCode, type WalCheckpoints } from '@cwtch/runtime';
import { WebhookQueue, WebhookType } from './webhook/webhook-queue.ts';

/** One notification in this agency's inbox (plaintext rests only here). */
export interface InboxItem {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly receivedAt: number;
  readonly issuedAt: number;
  readonly priority: string;
  readonly respondBy: number | null;
  readonly subject: string | null;
  readonly purpose: string;
  readonly agreement: string;
  readonly headerHash: string;
  readonly bodyHash: string;
  readonly payload: unknown;
  readonly status: 'new' | 'acknowledged';
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  /** Set once the sender recalled it: the payload is destroyed, a tombstone keeps header and hashes. */
  readonly recalled: { at: number; reason: string; by: string } | null;
}

/** A statement this agency signed about a share (as a recipient or as the sender), kept until published. */
export interface StatementOut {
  readonly key: string;
  readonly id: string;
  readonly addressee: string;
  readonly status: ReceiptStatus;
  readonly at: number;
  readonly actor: string | null;
  readonly reason: string | null;
  readonly bytes: Uint8Array;
  readonly sent: boolean;
}

/** A statement another party made about a share this agency sent, as recorded (the note still sealed). */
export interface StatementIn {
  readonly status: ReceiptStatus;
  readonly at: number;
  readonly actor: string | null;
  readonly reason: string | null;
  readonly note: string | null;
}

/** A verified statement another party signed about a share, as the store records it. */
export interface SignedStatement {
  readonly id: string;
  /** Its signer. */
  readonly agency: string;
  readonly status: ReceiptStatus;
  readonly at: number;
  readonly actor: string | null;
  readonly reason: string | null;
  readonly headerHash: string;
  readonly bodyHash: string;
}

/** A share this agency sent, as the board's figures see it (no payload: its derived facts). */
export interface SentFacts {
  readonly kind: string;
  readonly at: number;
  readonly subject: string | null;
  readonly facts: readonly BoardFact[];
}

/** One step of an escalation ladder, by either party of a share (an `escalated` statement). */
export interface Escalation {
  readonly by: string;
  readonly to: string;
  readonly step: string;
  readonly at: number;
  /** Who was alerted. */
  readonly alerted: string | null;
}

/** A share this agency sent, with what each recipient has said about it. */
export interface OutboxItem {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: number;
  /** The share's respond-by, when it has one: the sender's escalation ladder starts there. */
  readonly respondBy: number | null;
  /** A handover (DESIGN §6a): open until a recipient accepts. */
  readonly handover: boolean;
  readonly headerHash: string;
  readonly bodyHash: string;
  readonly recipients: readonly {
    agency: string;
    delivered: { at: number } | null;
    acknowledged: { at: number; by: string | null } | null;
    rejected: { at: number; reason: string | null } | null;
    /** Every accepted, declined, actioned and deleted statement from this recipient, oldest first. */
    statements: readonly StatementIn[];
    /** This agency's recall from this recipient, if any. */
    recalled: { at: number; reason: string | null } | null;
    /** Escalation steps about this recipient: ours (`sender`) and its own (`recipient`), oldest first. */
    escalations: readonly {
      side: 'sender' | 'recipient';
      step: string;
      at: number;
      alerted: string | null;
    }[];
  }[];
}

/** A notification just opened, as it is stored. */
export type NewInboxItem = Omit<InboxItem, 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'recalled'> & {
  expiresAt: number;
  envelope: Uint8Array;
};

type Row = Record<string, string | number | null>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS inbox (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, kind TEXT NOT NULL, sender TEXT NOT NULL, recipients TEXT NOT NULL,
  received_at INTEGER NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, priority TEXT NOT NULL,
  respond_by INTEGER, subject TEXT, purpose TEXT NOT NULL, agreement TEXT NOT NULL, header_hash TEXT NOT NULL,
  body_hash TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'new', acknowledged_at INTEGER,
  acknowledged_by TEXT, delivered_receipt_sent INTEGER NOT NULL DEFAULT 0, ack_receipt_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS inbox_received ON inbox (received_at);
CREATE INDEX IF NOT EXISTS inbox_subject ON inbox (subject);
CREATE TABLE IF NOT EXISTS rejected (
  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, sender TEXT, message_id TEXT, code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at INTEGER NOT NULL, header_hash TEXT NOT NULL,
  body_hash TEXT NOT NULL, recipients TEXT NOT NULL, published INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS witness_state (
  id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, root TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS witness_fork (at INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox_receipt (
  id TEXT NOT NULL, agency TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT, reason TEXT,
  PRIMARY KEY (id, agency, status)
);
CREATE TABLE IF NOT EXISTS statement_out (
  key TEXT PRIMARY KEY, id TEXT NOT NULL, addressee TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL,
  actor TEXT, reason TEXT, bytes BLOB NOT NULL, sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS statement_out_id ON statement_out (id);
CREATE TABLE IF NOT EXISTS statement_in (
  id TEXT NOT NULL, agency TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT, reason TEXT,
  note TEXT, UNIQUE (id, agency, status, at, reason)
);
`;

const toStatementOut = (r: Row): StatementOut => ({
  key: String(r.key),
  id: String(r.id),
  addressee: String(r.addressee),
  status: String(r.status) as ReceiptStatus,
  at: Number(r.at),
  actor: r.actor === null ? null : String(r.actor),
  reason: r.reason === null ? null : String(r.reason),
  bytes: new Uint8Array(r.bytes as unknown as Uint8Array),
  sent: r.sent === 1,
});

function toInboxItem(r: Row): InboxItem {
  return {
    id: String(r.id),
    seq: Number(r.seq),
    kind: String(r.kind),
    from: String(r.sender),
    to: JSON.parse(String(r.recipients)) as string[],
    receivedAt: Number(r.received_at),
    issuedAt: Number(r.issued_at),
    priority: String(r.priority),
    respondBy: r.respond_by === null ? null : Number(r.respond_by),
    subject: r.subject === null ? null : String(r.subject),
    purpose: String(r.purpose),
    agreement: String(r.agreement),
    headerHash: String(r.header_hash),
    bodyHash: String(r.body_hash),
    payload: JSON.parse(String(r.payload)),
    status: r.status === 'acknowledged' ? 'acknowledged' : 'new',
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by === null ? null : String(r.acknowledged_by),
    recalled:
      r.recalled_at === null || r.recalled_at === undefined
        ? null
        : { at: Number(r.recalled_at), reason: String(r.recall_reason), by: String(r.sender) },
  };
}

/** Refusals decided before a copy's sender was authenticated (nothing vouches for their claims). */
const PRE_AUTHENTICATION_CODES = [
  'ENVELOPE_MALFORMED',
  'ENVELOPE_TOO_LARGE',
  'HEADER_NOT_CANONICAL',
  'SUBJECT_MISMATCH',
  'SENDER_KEY_UNKNOWN',
  'SENDER_KEY_REVOKED',
  'SENDER_KEY_EXPIRED',
  'SIGNATURE_INVALID',
] as const satisfies readonly ErrorCode[];

/** What a synchronous wait of a few milliseconds waits on (nothing ever wakes it). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Inbox rows with a receipt decided but not yet published (the partial index says the same). */
const RECEIPT_PENDING = "delivered_receipt_sent = 0 OR (status = 'acknowledged' AND ack_receipt_sent = 0)";

/**
 * Opens the write-ahead log `file` for syncing, once its directory entry is on disk too (SQLite
 * syncs the folder on its own first sync of a new log; the group commit's syncs are ours).
 */
async function openWal(file: string): Promise<FileHandle> {
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return open(file, 'r');
}

/**
 * The agency's durable store at its edge (embedded SQLite): inbox, seen message ids (replay
 * protection survives restarts), rejections, and the outbox with its receipts.
 */
export class InboxStore {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #group: {
    write: () => unknown;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
    durable: boolean;
  }[] = [];
  /** Webhook events for the case system, queued with the inbox writes they report. */
  readonly webhooks: WebhookQueue;
  readonly #queueWebhooks: boolean;
  /** Receipts this process is signing and publishing now (`id status`), until marked sent. */
  readonly #receiptsOnTheirWay = new Set<string>();
  /** The write-ahead log's file (null for an in-memory store, which has nothing to sync). */
  readonly #walFile: string | null;
  #wal: Promise<FileHandle> | undefined;
  /** The WAL sync running or last run; the next one starts after it. */
  #syncRunning: Promise<void> = Promise.resolve();
  /** The WAL sync that starts once the running one ends: every commit made meanwhile waits for it. */
  #syncWaiting: Promise<void> | undefined;

  readonly #syncWal: (walFile: string) => Promise<void>;
  readonly #checkpoints: WalCheckpoints | undefined;

  /**
   * With `webhooks`, every notification stored is queued for the case system's webhook too.
   * `syncWal` replaces the fdatasync of the write-ahead log (a test holds or fails it). With
   * `backgroundCheckpoints`, a worker thread checkpoints the write-ahead log, never a commit on
   * this thread; should the worker fail, commits checkpoint again as SQLite does by default and
   * `onFailed` hears why.
   */
  constructor(
    file: string,
    options: {
      webhooks?: boolean;
      syncWal?: (walFile: string) => Promise<void>;
      backgroundCheckpoints?: { intervalMs?: number; onFailed: (reason: string) => void };
    } = {},
  ) {
    this.#db = new DatabaseSync(file);
    this.#walFile = file === '' || file === ':memory:' ? null : `${file}-wal`;
    this.#syncWal = options.syncWal ?? ((walFile) => this.#datasync(walFile));
    this.#queueWebhooks = options.webhooks === true;
    // secure_delete: a recalled payload's bytes are overwritten, not left in free pages.
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
    this.#db.exec(SCHEMA);
    const columns = (this.#stmt('PRAGMA table_info(inbox)').all() as Row[]).map((c) => c.name);
    if (!columns.includes('envelope')) this.#db.exec('ALTER TABLE inbox ADD COLUMN envelope BLOB');
    if (!columns.includes('recalled_at'))
      this.#db.exec(
        'ALTER TABLE inbox ADD COLUMN recalled_at INTEGER; ALTER TABLE inbox ADD COLUMN recall_reason TEXT',
      );
    this.#db.exec('CREATE INDEX IF NOT EXISTS rejected_by_message ON rejected (message_id)');
    // Escalation ladders (DESIGN §6a): what is still watched, so a restart resumes every deadline.
    if (!columns.includes('watch_done'))
      this.#db.exec('ALTER TABLE inbox ADD COLUMN watch_done INTEGER NOT NULL DEFAULT 0');
    const outboxColumns = (this.#stmt('PRAGMA table_info(outbox)').all() as Row[]).map((c) => c.name);
    // The board's figures are counted from what a share's sender derived at send time (its kind's
    // board facts and the subject reference), never from a payload: the outbox keeps no plaintext.
    if (!outboxColumns.includes('facts'))
      this.#db.exec('ALTER TABLE outbox ADD COLUMN subject TEXT; ALTER TABLE outbox ADD COLUMN facts TEXT');
    this.#db.exec(
      'CREATE TABLE IF NOT EXISTS board_sent (month TEXT PRIMARY KEY, id TEXT NOT NULL, at INTEGER NOT NULL)',
    );
    if (!outboxColumns.includes('respond_by'))
      this.#db.exec(
        'ALTER TABLE outbox ADD COLUMN respond_by INTEGER; ALTER TABLE outbox ADD COLUMN handover INTEGER NOT NULL DEFAULT 0; ALTER TABLE outbox ADD COLUMN watch_done INTEGER NOT NULL DEFAULT 0',
      );
    this.#db.exec(
      'CREATE INDEX IF NOT EXISTS inbox_watch ON inbox (watch_done, respond_by); CREATE INDEX IF NOT EXISTS outbox_watch ON outbox (watch_done, respond_by)',
    );
    // The receipt flush looks every few seconds for what is still to publish: an index of just
    // those rows, so the look never reads the whole inbox (payloads and envelopes) off disk.
    this.#db.exec(
      `CREATE INDEX IF NOT EXISTS inbox_receipt_pending ON inbox (received_at) WHERE ${RECEIPT_PENDING};
       CREATE INDEX IF NOT EXISTS statement_out_pending ON statement_out (at) WHERE sent = 0`,
    );
    // A refusal names its message id and sender only when a signature vouches for them; rows
    // written before that rule held the claims of unauthenticated copies too.
    this.#db.exec(
      `UPDATE rejected SET message_id = NULL, sender = NULL WHERE message_id IS NOT NULL AND code IN (${PRE_AUTHENTICATION_CODES.map((c) => `'${c}'`).join(',')})`,
    );
    this.webhooks = new WebhookQueue(this.#db);
    if (options.backgroundCheckpoints) {
      // A recall's truncating checkpoint waits (busy handler) for the worker to stop reading the
      // log; the worker's checkpoint lock it waits out itself (#truncateLog).
      this.#db.exec('PRAGMA busy_timeout = 5000');
      this.#checkpoints = checkpointInBackground(this.#db, file, options.backgroundCheckpoints);
    }
  }

  /**
   * Runs `write` in one transaction: all of it is stored, or none. Inside a group commit it is a
   * savepoint of the group's transaction, with the same all-or-nothing effect.
   */
  #atomically<T>(write: () => T): T {
    const nested = this.#db.isTransaction;
    this.#db.exec(nested ? 'SAVEPOINT w' : 'BEGIN IMMEDIATE');
    try {
      const result = write();
      this.#db.exec(nested ? 'RELEASE w' : 'COMMIT');
      return result;
    } catch (e) {
      this.#db.exec(nested ? 'ROLLBACK TO w; RELEASE w' : 'ROLLBACK');
      throw e;
    }
  }

  /** A prepared statement, compiled once per store. */
  #stmt(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Group commit: runs `write` in the next transaction with every other write asked for in the
   * same turn of the event loop, so that one commit (and one fsync) covers them all, and resolves
   * once that commit is on disk. Each write is all-or-nothing on its own (a savepoint): one that
   * throws rejects its own promise only. `durable: false` is for markers that a restart may
   * re-derive (a receipt sent, a copy published): committed without an fsync of its own, it
   * becomes durable with the next durable commit.
   *
   * The commit itself writes the write-ahead log without syncing it; the sync (fdatasync of the
   * WAL file) runs on libuv's thread pool, so the event loop goes on opening and checking the next
   * copies while the disk works. A durable write resolves only once a sync that started after its
   * commit has finished: on disk, exactly as with `synchronous = FULL`. Commits made while a sync
   * runs share the next one.
   */
  soon<T>(write: () => T, options: { durable?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#group.push({
        write,
        resolve: resolve as (v: unknown) => void,
        reject,
        durable: options.durable !== false,
      });
      if (this.#group.length === 1) setImmediate(() => void this.#commitGroup());
    });
  }

  async #commitGroup(): Promise<void> {
    const group = this.#group;
    this.#group = [];
    if (!this.#db.isOpen) {
      for (const g of group) g.reject(new Error('the inbox store is closed'));
      return;
    }
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    // WAL with NORMAL: the commit appends to the log and does not sync it; #synced() does.
    this.#db.exec('PRAGMA synchronous = NORMAL');
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const g of group) {
        this.#db.exec('SAVEPOINT g');
        try {
          results.push({ ok: true, value: g.write() });
          this.#db.exec('RELEASE g');
        } catch (error) {
          this.#db.exec('ROLLBACK TO g; RELEASE g');
          results.push({ ok: false, error });
        }
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      for (const g of group) g.reject(error);
      return;
    } finally {
      this.#db.exec('PRAGMA synchronous = FULL');
    }
    if (group.some((g) => g.durable)) {
      try {
        await this.#synced();
      } catch (error) {
        // Committed, but not known to be on disk: no write of the group may count as durable.
        for (const g of group) g.reject(error);
        return;
      }
    }
    group.forEach((g, i) => {
      const r = results[i]!;
      if (r.ok) g.resolve(r.value);
      else g.reject(r.error);
    });
  }

  /** Resolves once a sync of the write-ahead log that started after this call has finished. */
  #synced(): Promise<void> {
    const walFile = this.#walFile;
    if (walFile === null) return Promise.resolve();
    if (!this.#syncWaiting) {
      const next = this.#syncRunning
        .catch(() => undefined)
        .then(async () => {
          // From here on a commit needs a later sync than this one.
          this.#syncWaiting = undefined;
          await this.#syncWal(walFile);
        });
      this.#syncWaiting = next;
      this.#syncRunning = next;
    }
    return this.#syncWaiting;
  }

  async #datasync(walFile: string): Promise<void> {
    this.#wal ??= openWal(walFile).catch((error: unknown) => {
      this.#wal = undefined;
      throw error;
    });
    await (await this.#wal).datasync();
  }

  close(): void {
    this.#checkpoints?.stop();
    this.#db.close();
    // A FileHandle closes once the sync it is running has finished.
    void this.#wal?.then((h) => h.close()).catch(() => undefined);
  }

  /** The stored item for a message id (any stream sequence), if any. */
  get(id: string): (InboxItem & { deliveredReceiptSent: boolean; ackReceiptSent: boolean }) | undefined {
    const r = this.#stmt('SELECT * FROM inbox WHERE id = ?').get(id) as Row | undefined;
    return r
      ? {
          ...toInboxItem(r),
          deliveredReceiptSent: r.delivered_receipt_sent === 1,
          ackReceiptSent: r.ack_receipt_sent === 1,
        }
      : undefined;
  }

  /** Stores an opened notification; false if the id is already stored. */
  insert(item: NewInboxItem): boolean {
    return this.#atomically(() => {
      const stored = this.#insert(item);
      if (stored && this.#queueWebhooks) this.webhooks.add(WebhookType.received, item.id, item.receivedAt);
      return stored;
    });
  }

  #insert(item: NewInboxItem): boolean {
    const res = this.#stmt(
      `INSERT OR IGNORE INTO inbox (id, seq, kind, sender, recipients, received_at, issued_at, expires_at, priority,
         respond_by, subject, purpose, agreement, header_hash, body_hash, payload, envelope) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      item.id,
      item.seq,
      item.kind,
      item.from,
      JSON.stringify(item.to),
      item.receivedAt,
      item.issuedAt,
      item.expiresAt,
      item.priority,
      item.respondBy,
      item.subject,
      item.purpose,
      item.agreement,
      item.headerHash,
      item.bodyHash,
      JSON.stringify(item.payload),
      item.envelope,
    );
    return res.changes === 1;
  }

  /** The envelope as received (kept as evidence, and to disclose its content key). */
  envelope(id: string): Uint8Array | undefined {
    const r = this.#stmt('SELECT envelope FROM inbox WHERE id = ?').get(id) as
      | { envelope: Uint8Array | null }
      | undefined;
    return r?.envelope ? new Uint8Array(r.envelope) : undefined;
  }

  /**
   * Sends a receipt this process decided (`send` signs and publishes it) and then marks it sent.
   * While it is on its way, {@link pendingReceipts} passes it over and a second call for the same
   * receipt does nothing (false), so the receipt flush or a redelivered copy does not sign and
   * publish it again. If `send` fails, the receipt stays pending for the flush, and the error is
   * the caller's.
   */
  async sendReceiptOnce(id: string, status: ReceiptStatus, send: () => Promise<void>): Promise<boolean> {
    const key = `${id} ${status}`;
    if (this.#receiptsOnTheirWay.has(key)) return false;
    this.#receiptsOnTheirWay.add(key);
    try {
      await send();
      await this.soon(() => this.markReceiptSent(id, status), { durable: false });
      return true;
    } finally {
      this.#receiptsOnTheirWay.delete(key);
    }
  }

  markReceiptSent(id: string, status: ReceiptStatus): void {
    const column = status === 'delivered' ? 'delivered_receipt_sent' : 'ack_receipt_sent';
    this.#stmt(`UPDATE inbox SET ${column} = 1 WHERE id = ?`).run(id);
  }

  /**
   * Items whose receipts were decided but not yet published (a crash or outage in between), less
   * those {@link sendReceiptOnce} has on their way now.
   */
  pendingReceipts(): { item: InboxItem; status: ReceiptStatus }[] {
    const rows = this.#stmt(`SELECT * FROM inbox WHERE ${RECEIPT_PENDING} LIMIT 500`).all() as Row[];
    return rows.flatMap((r) => {
      const item = toInboxItem(r);
      const out: { item: InboxItem; status: ReceiptStatus }[] = [];
      if (r.delivered_receipt_sent === 0) out.push({ item, status: 'delivered' });
      if (item.status === 'acknowledged' && r.ack_receipt_sent === 0)
        out.push({ item, status: 'acknowledged' });
      return out.filter((p) => !this.#receiptsOnTheirWay.has(`${p.item.id} ${p.status}`));
    });
  }

  /** Records who acknowledged; false when it was already acknowledged. */
  acknowledge(id: string, by: string, at: number): boolean {
    const res = this.#stmt(
      `UPDATE inbox SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND status = 'new'`,
    ).run(at, by, id);
    return res.changes === 1;
  }

  /**
   * Destroys a recalled notification's plaintext: the payload and the retained envelope go, the
   * row stays as a tombstone (header fields and hashes). With secure_delete and a truncated WAL
   * no copy of the text is left in the database files. False when unknown or already recalled.
   */
  recall(id: string, at: number, reason: string): boolean {
    const res = this.#stmt(
      `UPDATE inbox SET payload = '{}', envelope = NULL, recalled_at = ?, recall_reason = ? WHERE id = ? AND recalled_at IS NULL`,
    ).run(at, reason, id);
    const fresh = res.changes === 1;
    // Again for a repeated recall: the one before may have stopped before its truncation.
    if (fresh || this.#stmt('SELECT 1 FROM inbox WHERE id = ? AND recalled_at IS NOT NULL').get(id))
      this.#truncateLog();
    return fresh;
  }

  /**
   * Checkpoints the whole write-ahead log into the database file and truncates it to nothing.
   * A background checkpoint holds the checkpoint lock for a few milliseconds, during which SQLite
   * answers busy at once (no busy handler for that lock): wait and try again, for at most 5 s,
   * then fail rather than let a recall say done while the log may still hold the destroyed text.
   */
  #truncateLog(): void {
    const deadline = Date.now() + 5000;
    for (;;) {
      const { busy } = this.#stmt('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number };
      if (busy === 0) return;
      if (Date.now() > deadline)
        throw new Error('the write-ahead log could not be truncated after the recall');
      Atomics.wait(PAUSE, 0, 0, 2);
    }
  }

  /** Stores a signed statement before it is published; false when one with this key exists. */
  addStatement(s: Omit<StatementOut, 'sent'>): boolean {
    const res = this.#stmt(
      'INSERT OR IGNORE INTO statement_out (key, id, addressee, status, at, actor, reason, bytes) VALUES (?,?,?,?,?,?,?,?)',
    ).run(s.key, s.id, s.addressee, s.status, s.at, s.actor, s.reason, s.bytes);
    return res.changes === 1;
  }

  markStatementSent(key: string): void {
    this.#stmt('UPDATE statement_out SET sent = 1 WHERE key = ?').run(key);
  }

  /** The statements this agency signed about one share, oldest first. */
  statementsMade(id: string): StatementOut[] {
    return (this.#stmt('SELECT * FROM statement_out WHERE id = ? ORDER BY at, rowid').all(id) as Row[]).map(
      toStatementOut,
    );
  }

  /** Signed statements not yet published (a crash or outage in between), oldest first. */
  pendingStatements(): StatementOut[] {
    return (
      this.#stmt('SELECT * FROM statement_out WHERE sent = 0 ORDER BY at, rowid LIMIT 500').all() as Row[]
    ).map(toStatementOut);
  }

  list(filter: {
    status?: string | undefined;
    kind?: string | undefined;
    subject?: string | undefined;
    limit: number;
  }): InboxItem[] {
    const conditions = (['status', 'kind', 'subject'] as const).filter((k) => filter[k]);
    const where = conditions.map((k) => `${k} = ?`);
    const args = conditions.map((k) => filter[k] as string);
    const sql = `SELECT * FROM inbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, seq DESC LIMIT ${Math.trunc(filter.limit)}`;
    return (this.#stmt(sql).all(...args) as Row[]).map(toInboxItem);
  }

  /**
   * The inbox in the order it was stored, after position `after` (0: from the first): what a
   * case system mirrors through `GET /v1/inbox?after=CURSOR`. The position is SQLite's rowid,
   * which only grows because inbox rows are never deleted (a recall keeps a tombstone) and the
   * store never runs VACUUM; `last` is the position of the last row read (`after` if none).
   */
  page(filter: {
    after: number;
    status?: string | undefined;
    kind?: string | undefined;
    subject?: string | undefined;
    limit: number;
  }): { items: InboxItem[]; last: number } {
    const conditions = (['status', 'kind', 'subject'] as const).filter((k) => filter[k]);
    const where = ['rowid > ?', ...conditions.map((k) => `${k} = ?`)];
    const args = [Math.trunc(filter.after), ...conditions.map((k) => filter[k] as string)];
    const sql = `SELECT rowid AS position, * FROM inbox WHERE ${where.join(' AND ')} ORDER BY rowid LIMIT ${Math.trunc(filter.limit)}`;
    const rows = this.#stmt(sql).all(...args) as Row[];
    return { items: rows.map(toInboxItem), last: rows.length ? Number(rows.at(-1)!.position) : filter.after };
  }

  count(): number {
    return Number((this.#stmt('SELECT count(*) AS n FROM inbox').get() as Row).n);
  }

  recordRejection(seq: number, code: string, sender: string | null, messageId: string | null): void {
    this.#stmt('INSERT OR IGNORE INTO rejected (seq, at, sender, message_id, code) VALUES (?,?,?,?,?)').run(
      seq,
      Date.now(),
      sender,
      messageId,
      code,
    );
  }

  /** Stream sequence of the first refused copy of `messageId` whose sender was authentic, if any. */
  refusedCopy(messageId: string): number | undefined {
    const r = this.#stmt('SELECT seq FROM rejected WHERE message_id = ? ORDER BY seq LIMIT 1').get(
      messageId,
    ) as Row | undefined;
    return r ? Number(r.seq) : undefined;
  }

  rejections(): { seq: number; at: number; sender: string | null; messageId: string | null; code: string }[] {
    return (this.#stmt('SELECT * FROM rejected ORDER BY seq').all() as Row[]).map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      sender: r.sender === null ? null : String(r.sender),
      messageId: r.message_id === null ? null : String(r.message_id),
      code: String(r.code),
    }));
  }

  /** The last checkpoint this agency's witness cosigned. */
  witnessState(): { size: number; root: string; text: string; at: number } | undefined {
    const r = this.#stmt('SELECT * FROM witness_state WHERE id = 1').get() as Row | undefined;
    return r
      ? { size: Number(r.size), root: String(r.root), text: String(r.text), at: Number(r.at) }
      : undefined;
  }

  setWitnessState(s: { size: number; root: string; text: string; at: number }): void {
    this.#stmt(
      'INSERT INTO witness_state (id, size, root, text, at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, root = excluded.root, text = excluded.text, at = excluded.at',
    ).run(s.size, s.root, s.text, s.at);
  }

  /** The first fork the witness saw, if any: once seen it stays recorded. */
  witnessFork(): { at: number; reason: string } | null {
    const r = this.#stmt('SELECT * FROM witness_fork ORDER BY at LIMIT 1').get() as Row | undefined;
    return r ? { at: Number(r.at), reason: String(r.reason) } : null;
  }

  recordWitnessFork(reason: string): void {
    this.#stmt('INSERT INTO witness_fork (at, reason) VALUES (?, ?)').run(Date.now(), reason);
  }

  addOutbox(o: {
    id: string;
    kind: string;
    createdAt: number;
    headerHash: string;
    bodyHash: string;
    recipients: readonly string[];
    respondBy?: number | null;
    handover?: boolean;
    subject?: string | null;
    facts?: readonly BoardFact[];
  }): void {
    this.#stmt(
      'INSERT INTO outbox (id, kind, created_at, header_hash, body_hash, recipients, respond_by, handover, watch_done, subject, facts) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    ).run(
      o.id,
      o.kind,
      o.createdAt,
      o.headerHash,
      o.bodyHash,
      JSON.stringify(o.recipients),
      o.respondBy ?? null,
      o.handover ? 1 : 0,
      o.respondBy ? 0 : 1,
      o.subject ?? null,
      JSON.stringify(o.facts ?? []),
    );
  }

  /** What the board's figures count of the shares sent before `until`: kind, time, subject and facts. */
  sentFacts(until: number): SentFacts[] {
    return (
      this.#stmt(
        'SELECT kind, created_at, subject, facts FROM outbox WHERE created_at < ? ORDER BY created_at, rowid',
      ).all(until) as Row[]
    ).map((r) => ({
      kind: String(r.kind),
      at: Number(r.created_at),
      subject: r.subject === null || r.subject === undefined ? null : String(r.subject),
      facts: r.facts ? (JSON.parse(String(r.facts)) as BoardFact[]) : [],
    }));
  }

  /** The board-statistics share sent for `month`, if any. */
  boardSent(month: string): { id: string; at: number } | undefined {
    const r = this.#stmt('SELECT id, at FROM board_sent WHERE month = ?').get(month) as Row | undefined;
    return r ? { id: String(r.id), at: Number(r.at) } : undefined;
  }

  markBoardSent(month: string, id: string, at: number): void {
    this.#stmt(
      'INSERT INTO board_sent (month, id, at) VALUES (?,?,?) ON CONFLICT (month) DO UPDATE SET id = excluded.id, at = excluded.at',
    ).run(month, id, at);
  }

  /** Inbox items whose respond-by has passed and whose ladder is still watched, oldest deadline first. */
  watchedInbox(now: number, limit = 500): InboxItem[] {
    return (
      this.#stmt(
        `SELECT * FROM inbox WHERE watch_done = 0 AND respond_by IS NOT NULL AND respond_by <= ? ORDER BY respond_by LIMIT ${Math.trunc(limit)}`,
      ).all(now) as Row[]
    ).map(toInboxItem);
  }

  /** Shares sent whose respond-by has passed and whose ladder is still watched, oldest deadline first. */
  watchedOutbox(now: number, limit = 500): OutboxItem[] {
    const ids = this.#stmt(
      `SELECT id FROM outbox WHERE watch_done = 0 AND respond_by IS NOT NULL AND respond_by <= ? ORDER BY respond_by LIMIT ${Math.trunc(limit)}`,
    ).all(now) as Row[];
    return ids.flatMap((r) => this.outbox(String(r.id)) ?? []);
  }

  /** Stops watching a ladder: every party answered, or its last step was taken. */
  endWatch(table: 'inbox' | 'outbox', id: string): void {
    this.#stmt(`UPDATE ${table} SET watch_done = 1 WHERE id = ?`).run(id);
  }

  /** Every escalation step either party took about one share (`self`: this agency), oldest first. */
  escalations(id: string, self: string): Escalation[] {
    const made = this.statementsMade(id)
      .filter((s) => s.status === 'escalated')
      .map((s) => ({ by: self, to: s.addressee, step: s.reason ?? '', at: s.at, alerted: s.actor }));
    const heard = (
      this.#stmt(`SELECT * FROM statement_in WHERE id = ? AND status = 'escalated' ORDER BY at, rowid`).all(
        id,
      ) as Row[]
    ).map((r) => ({
      by: String(r.agency),
      to: self,
      step: r.reason === null ? '' : String(r.reason),
      at: Number(r.at),
      alerted: r.actor === null ? null : String(r.actor),
    }));
    return [...made, ...heard].sort((a, b) => a.at - b.at);
  }

  /**
   * Records the sender's statement about a notification in this inbox (an escalation or an
   * embargo); false when no stored item of that sender has these hashes.
   */
  addStatementFromSender(r: SignedStatement): boolean {
    const item = this.get(r.id);
    if (!item || item.from !== r.agency || item.headerHash !== r.headerHash || item.bodyHash !== r.bodyHash)
      return false;
    this.#stmt(
      'INSERT OR IGNORE INTO statement_in (id, agency, status, at, actor, reason, note) VALUES (?,?,?,?,?,?,NULL)',
    ).run(r.id, r.agency, r.status, r.at, r.actor, r.reason);
    return true;
  }

  markPublished(id: string): void {
    this.#stmt('UPDATE outbox SET published = 1 WHERE id = ?').run(id);
  }

  /** Records a verified receipt for a share this agency sent; false if unknown share or recipient. */
  addReceipt(
    r: SignedStatement & {
      /** A sealed note (opened only when shown to this agency's users). */
      note?: string | undefined;
    },
  ): boolean {
    const o = this.#stmt('SELECT * FROM outbox WHERE id = ?').get(r.id) as Row | undefined;
    if (!o || o.header_hash !== r.headerHash || o.body_hash !== r.bodyHash) return false;
    if (!(JSON.parse(String(o.recipients)) as string[]).includes(r.agency)) return false;
    this.#stmt(
      'INSERT OR IGNORE INTO outbox_receipt (id, agency, status, at, actor, reason) VALUES (?,?,?,?,?,?)',
    ).run(r.id, r.agency, r.status, r.at, r.actor, r.reason);
    this.#stmt(
      'INSERT OR IGNORE INTO statement_in (id, agency, status, at, actor, reason, note) VALUES (?,?,?,?,?,?,?)',
    ).run(r.id, r.agency, r.status, r.at, r.actor, r.reason, r.note ?? null);
    return true;
  }

  /** The shares this agency sent, newest first. */
  outboxList(limit: number): OutboxItem[] {
    const ids = this.#stmt(
      `SELECT id FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ${Math.trunc(limit)}`,
    ).all() as Row[];
    return ids.flatMap((r) => this.outbox(String(r.id)) ?? []);
  }

  outbox(id: string): OutboxItem | undefined {
    const o = this.#stmt('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    if (!o) return undefined;
    const receipts = this.#stmt('SELECT * FROM outbox_receipt WHERE id = ?').all(id) as Row[];
    const find = (agency: string, status: string) =>
      receipts.find((r) => r.agency === agency && r.status === status);
    const statements = this.#stmt(
      `SELECT * FROM statement_in WHERE id = ? AND status IN ('accepted','declined','actioned','deleted') ORDER BY at, rowid`,
    ).all(id) as Row[];
    const mine = this.statementsMade(id);
    const recalls = mine.filter((s) => s.status === 'recalled');
    const made = mine.filter((s) => s.status === 'escalated');
    const heard = this.#stmt(
      `SELECT * FROM statement_in WHERE id = ? AND status = 'escalated' ORDER BY at, rowid`,
    ).all(id) as Row[];
    return {
      id,
      kind: String(o.kind),
      createdAt: Number(o.created_at),
      respondBy: o.respond_by === null || o.respond_by === undefined ? null : Number(o.respond_by),
      handover: o.handover === 1,
      headerHash: String(o.header_hash),
      bodyHash: String(o.body_hash),
      recipients: (JSON.parse(String(o.recipients)) as string[]).map((agency) => {
        const d = find(agency, 'delivered');
        const a = find(agency, 'acknowledged');
        const x = find(agency, 'rejected');
        return {
          agency,
          delivered: d ? { at: Number(d.at) } : null,
          acknowledged: a ? { at: Number(a.at), by: a.actor === null ? null : String(a.actor) } : null,
          rejected: x ? { at: Number(x.at), reason: x.reason === null ? null : String(x.reason) } : null,
          statements: statements
            .filter((s) => s.agency === agency)
            .map((s) => ({
              status: String(s.status) as ReceiptStatus,
              at: Number(s.at),
              actor: s.actor === null ? null : String(s.actor),
              reason: s.reason === null ? null : String(s.reason),
              note: s.note === null ? null : String(s.note),
            })),
          recalled: ((r) => (r ? { at: r.at, reason: r.reason } : null))(
            recalls.find((s) => s.addressee === agency),
          ),
          escalations: [
            ...made
              .filter((s) => s.addressee === agency)
              .map((s) => ({ side: 'sender' as const, step: s.reason ?? '', at: s.at, alerted: s.actor })),
            ...heard
              .filter((s) => s.agency === agency)
              .map((s) => ({
                side: 'recipient' as const,
                step: s.reason === null ? '' : String(s.reason),
                at: Number(s.at),
                alerted: s.actor === null ? null : String(s.actor),
              })),
          ].sort((a, b) => a.at - b.at),
        };
      }),
    };
  }
}
