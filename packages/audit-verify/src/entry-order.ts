import { FindingCode, type FindingSink } from './finding.ts';

/**
 * Follows entry indices line by line and names what breaks the sequence 0, 1, ..., size - 1:
 * a duplicated index, an index beyond the checkpoint size, an index arriving late (out of order)
 * and, at the end, every index that never came (missing, collapsed into ranges). After a jump it
 * resynchronises on the new index, so one deleted line is one finding, not one per later entry.
 */
export class EntryOrder {
  readonly #size: number;
  readonly #seen: Uint8Array;
  readonly #beyond = new Set<number>();
  // Ranges [start, end] skipped by a jump and not (yet) filled by a late entry.
  #gaps: [number, number][] = [];
  #next = 0;

  constructor(size: number) {
    this.#size = size;
    this.#seen = new Uint8Array(Math.ceil(size / 8));
  }

  /** Records the entry at line position `position` claiming leaf index `index`. */
  see(index: number, position: number, sink: FindingSink): void {
    if (index >= this.#size) {
      const again = this.#beyond.has(index);
      this.#beyond.add(index);
      sink.add(
        index,
        again ? FindingCode.ENTRY_DUPLICATED : FindingCode.ENTRY_BEYOND_SIZE,
        again
          ? `entry ${index} appears again (position ${position})`
          : `entry ${index} (position ${position}) is beyond the checkpoint size ${this.#size}`,
      );
      this.#next = Math.max(this.#next, index + 1);
      return;
    }
    const byte = Math.floor(index / 8);
    const bit = 1 << (index % 8);
    if (((this.#seen[byte] ?? 0) & bit) !== 0) {
      sink.add(index, FindingCode.ENTRY_DUPLICATED, `entry ${index} appears again (position ${position})`);
      return;
    }
    this.#seen[byte] = (this.#seen[byte] ?? 0) | bit;
    if (index < this.#next) {
      this.#fill(index);
      sink.add(
        index,
        FindingCode.ENTRY_OUT_OF_ORDER,
        `entry ${index} comes after entry ${this.#next - 1} (position ${position})`,
      );
      return;
    }
    if (index > this.#next) this.#gaps.push([this.#next, index - 1]);
    this.#next = index + 1;
  }

  /** Reports the indices below the checkpoint size that never came. */
  finish(sink: FindingSink): void {
    if (this.#next < this.#size) this.#gaps.push([this.#next, this.#size - 1]);
    for (const [start, end] of this.#gaps) {
      sink.add(
        start,
        FindingCode.ENTRY_MISSING,
        start === end ? `entry ${start} is missing` : `entries ${start} to ${end} are missing`,
      );
    }
    this.#gaps = [];
  }

  #fill(index: number): void {
    const at = this.#gaps.findIndex(([start, end]) => start <= index && index <= end);
    if (at < 0) return;
    const [start, end] = this.#gaps[at] as [number, number];
    const rest: [number, number][] = [];
    if (start < index) rest.push([start, index - 1]);
    if (index < end) rest.push([index + 1, end]);
    this.#gaps.splice(at, 1, ...rest);
  }
}
