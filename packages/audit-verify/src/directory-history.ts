import type { AuditKeyEntry } from '@cwtch/contracts';
import { DirectoryView, verifyDirectory } from '@cwtch/directory';
import { isCwtchError } from '@cwtch/runtime';
import { FindingCode, type FindingSink } from './finding.ts';

/** The signed directory wire `{d, kid, s}` a `key` entry carries, as the bytes `verifyDirectory` reads. */
export function signedDirectoryBytes(entry: Pick<AuditKeyEntry, 'd' | 'kid' | 's'>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ d: entry.d, kid: entry.kid, s: entry.s }));
}

/**
 * The key directory as it stood at each point of the log: every `key` entry is verified with the
 * pinned governance key and, when its serial increases, replaces the current directory. Shares
 * and receipts are judged against {@link current}; the last one standing is {@link current} at the end.
 */
export class DirectoryHistory {
  readonly #governanceKey: Uint8Array;
  #current: DirectoryView | undefined;
  #statements = 0;

  constructor(governanceKey: Uint8Array) {
    this.#governanceKey = governanceKey;
  }

  /** The directory of the latest verified key statement so far, if any. */
  get current(): DirectoryView | undefined {
    return this.#current;
  }

  /** Number of key statements seen (valid or not). */
  get statements(): number {
    return this.#statements;
  }

  /** Verifies a key statement and applies it; findings name the entry `index`. */
  apply(entry: AuditKeyEntry, index: number, sink: FindingSink): void {
    this.#statements += 1;
    let view: DirectoryView;
    try {
      view = new DirectoryView(verifyDirectory(signedDirectoryBytes(entry), this.#governanceKey));
    } catch (e) {
      const code = isCwtchError(e) ? e.code : FindingCode.ENTRY_INVALID;
      sink.add(index, code, `key statement does not verify: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (view.serial !== entry.serial) {
      sink.add(
        index,
        FindingCode.KEY_SERIAL_INVALID,
        `key entry says serial ${entry.serial}, its signed directory ${view.serial}`,
      );
    }
    const previous = this.#current?.serial;
    if (previous !== undefined && view.serial <= previous) {
      sink.add(
        index,
        FindingCode.KEY_SERIAL_INVALID,
        `directory serial ${view.serial} does not increase on ${previous}; statement not applied`,
      );
      return;
    }
    this.#current = view;
  }
}
