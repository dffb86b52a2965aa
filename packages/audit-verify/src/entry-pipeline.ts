import type { EntryLine } from './bundle-lines.ts';
import type { EntryVerifier, ReadEntry } from './entry-verifier.ts';
import { type SignatureChecks, signatureJob } from './signature-checks.ts';

const BATCH = 256;
const IN_FLIGHT = 4;

/**
 * Runs an {@link EntryVerifier} with its signature checks worked out ahead: entries are read
 * (decoded, hashed, parsed) and their checks sent to the workers a batch at a time, while earlier
 * batches are applied strictly in log order with the results looked up. A key statement changes
 * the directory later entries are judged by, so every entry before it is applied first.
 */
export class EntryPipeline {
  readonly #verifier: EntryVerifier;
  readonly #checks: SignatureChecks | undefined;
  readonly #applied: () => void;
  #batch: ReadEntry[] = [];
  readonly #queue: { readonly reads: ReadEntry[]; readonly ready: Promise<void> }[] = [];

  /** `checks` undefined: each entry is applied as it comes; `applied` runs after each entry. */
  constructor(verifier: EntryVerifier, checks: SignatureChecks | undefined, applied: () => void) {
    this.#verifier = verifier;
    this.#checks = checks;
    this.#applied = applied;
  }

  /** Takes the next entry line of the bundle. */
  async push(line: EntryLine): Promise<void> {
    const read = this.#verifier.read(line);
    if (this.#checks === undefined || read.entry?.t === 'key') {
      await this.flush();
      this.#verifier.apply(read);
      this.#applied();
      return;
    }
    const job = signatureJob(read, this.#verifier.directory.current);
    if (job !== undefined) this.#checks.request(job);
    this.#batch.push(read);
    if (this.#batch.length < BATCH) return;
    this.#send();
    while (this.#queue.length > IN_FLIGHT) await this.#applyOldest();
  }

  /** Applies every entry taken so far. */
  async flush(): Promise<void> {
    this.#send();
    while (this.#queue.length > 0) await this.#applyOldest();
  }

  #send(): void {
    if (this.#batch.length === 0 || this.#checks === undefined) return;
    this.#queue.push({ reads: this.#batch, ready: this.#checks.dispatch() });
    this.#batch = [];
  }

  async #applyOldest(): Promise<void> {
    const next = this.#queue.shift();
    if (next === undefined) return;
    await next.ready;
    for (const read of next.reads) {
      this.#verifier.apply(read);
      this.#applied();
    }
  }
}
