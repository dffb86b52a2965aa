import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AppendableLeafStore } from '@cwtch/audit-log';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

/**
 * The tree's leaf hashes and every complete-subtree hash in SQLite (the audit's index file), so
 * the tree comes up from its stored nodes in O(log n) reads instead of rehashing the log.
 */
export class SqliteLeafStore implements AppendableLeafStore {
  #size: number;
  readonly #append: StatementSync;
  readonly #leaf: StatementSync;
  readonly #getNode: StatementSync;
  readonly #setNode: StatementSync;

  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS leaves (i INTEGER PRIMARY KEY, hash BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, i INTEGER NOT NULL, hash BLOB NOT NULL,
        PRIMARY KEY (level, i)) WITHOUT ROWID;`);
    this.#append = db.prepare('INSERT INTO leaves (i, hash) VALUES (?, ?)');
    this.#leaf = db.prepare('SELECT hash FROM leaves WHERE i = ?');
    this.#getNode = db.prepare('SELECT hash FROM nodes WHERE level = ? AND i = ?');
    this.#setNode = db.prepare('INSERT OR REPLACE INTO nodes (level, i, hash) VALUES (?, ?, ?)');
    const last = db.prepare('SELECT max(i) AS i FROM leaves').get() as { i: number | null };
    this.#size = last.i === null ? 0 : last.i + 1;
  }

  /** Forgets every hash (before a rebuild). */
  clear(): void {
    this.#db.exec('DELETE FROM leaves; DELETE FROM nodes;');
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }

  append(leafHash: Uint8Array): void {
    this.#append.run(this.#size, leafHash);
    this.#size += 1;
  }

  leafHash(index: number): Uint8Array {
    const row = index < this.#size ? (this.#leaf.get(index) as { hash: Uint8Array } | undefined) : undefined;
    if (!row) throw new CwtchError(ErrorCode.NOT_FOUND, `no leaf at index ${index}`);
    return new Uint8Array(row.hash);
  }

  getNode(level: number, index: number): Uint8Array | undefined {
    const row = this.#getNode.get(level, index) as { hash: Uint8Array } | undefined;
    return row ? new Uint8Array(row.hash) : undefined;
  }

  setNode(level: number, index: number, hash: Uint8Array): void {
    this.#setNode.run(level, index, hash);
  }
}
