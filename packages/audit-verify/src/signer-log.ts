import type { DirectoryView } from '@cwtch/directory';
import { FindingCode, type FindingSink } from './finding.ts';

/** Entries signed with one key: leaf indices and bus times, in log order. */
interface Uses {
  readonly agency: string;
  readonly kid: string;
  readonly indices: number[];
  readonly times: number[];
}

/**
 * Remembers which key signed each verified share and receipt, so that once the whole log is read
 * the final directory can be asked whether it revokes a key at or before the bus time of an entry
 * that key signed: a signature made after a compromise declared later (reference §2.10).
 */
export class SignerLog {
  readonly #uses = new Map<string, Uses>();

  /** Records that `agency`'s key `kid` signed the entry at `index`, judged at bus time `bt`. */
  record(agency: string, kid: string, index: number, bt: number): void {
    const key = `${agency} ${kid}`;
    let uses = this.#uses.get(key);
    if (uses === undefined) {
      uses = { agency, kid, indices: [], times: [] };
      this.#uses.set(key, uses);
    }
    uses.indices.push(index);
    uses.times.push(bt);
  }

  /** Flags every recorded entry whose key `final` marks revoked with `revokedAt <= bt`. */
  finish(final: DirectoryView | undefined, sink: FindingSink): void {
    if (final === undefined) return;
    for (const uses of this.#uses.values()) {
      const key = final
        .agency(uses.agency)
        ?.keys.find((k) => k.kid === uses.kid && k.use === 'sig' && k.status === 'revoked');
      if (key === undefined || key.revokedAt === null) continue;
      const revokedAt = key.revokedAt;
      uses.times.forEach((bt, n) => {
        if (bt < revokedAt) return;
        sink.add(
          uses.indices[n] ?? null,
          FindingCode.SIGNED_AFTER_COMPROMISE,
          `signed by ${uses.agency} key ${uses.kid}, which directory ${final.serial} revokes from ` +
            `${new Date(revokedAt).toISOString()}${key.reason === null ? '' : ` (${key.reason})`}`,
        );
      });
    }
    this.#uses.clear();
  }
}
