import { ed25519Verify, receiptSigningInput } from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import type { ReadEntry } from './entry-verifier.ts';
import type { SignatureJob } from './signature-jobs.ts';
import type { SignaturePool } from './signature-pool.ts';

const MEMO_LIMIT = 4096;

interface Checked extends SignatureJob {
  valid: boolean | undefined;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/**
 * What a share's or a receipt's signature check will be, from what `EntryVerifier.read`
 * parsed and the directory of that point; undefined when an earlier step of the check will fail
 * anyway (the check then runs, and fails, on the main thread).
 */
export function signatureJob(read: ReadEntry, view: DirectoryView | undefined): SignatureJob | undefined {
  const bt = read.entry?.bt;
  if (view === undefined || bt === undefined) return undefined;
  try {
    if (read.share?.ok === true) {
      const { header, signature, signingInput } = read.share.value;
      const { publicKey } = view.signingKey(header.from.agency, header.from.kid, bt);
      return publicKey.length === 32 ? { signature, message: signingInput, publicKey } : undefined;
    }
    if (read.receipt?.ok === true) {
      const { body, bodyBytes, signature } = read.receipt.value;
      const { publicKey } = view.signingKey(body.by.agency, body.by.kid, bt);
      return publicKey.length === 32
        ? { signature, message: receiptSigningInput(bodyBytes), publicKey }
        : undefined;
    }
  } catch {
    // A key the directory refuses: the check reports it in order.
  }
  return undefined;
}

/**
 * Ed25519 results worked out ahead, in a pool of workers, and looked up in log order by
 * {@link check}: exactly the signature, message and key, or the check runs here. The same
 * signature over the same bytes (one share logged for each recipient) is checked once.
 */
export class SignatureChecks {
  readonly #pool: SignaturePool | undefined;
  readonly #memo = new Map<string, Checked>();
  #batch: Checked[] = [];
  /** Checks run on this thread, not in a worker. */
  inline = 0;

  constructor(pool: SignaturePool | undefined) {
    this.#pool = pool;
  }

  /** Queues a check for the next {@link dispatch} unless the same one is queued or done. */
  request(job: SignatureJob): void {
    const id = Buffer.from(job.signature).toString('base64');
    const known = this.#memo.get(id);
    if (known !== undefined && same(known.message, job.message) && same(known.publicKey, job.publicKey))
      return;
    // A copy: a decoded signature can be a view into a shared 8 KiB pool it would keep alive.
    const checked: Checked = { ...job, signature: new Uint8Array(job.signature), valid: undefined };
    this.#memo.delete(id);
    this.#memo.set(id, checked);
    if (this.#memo.size > MEMO_LIMIT) {
      const oldest = this.#memo.keys().next();
      if (oldest.done !== true) this.#memo.delete(oldest.value);
    }
    this.#batch.push(checked);
  }

  /** Sends the queued checks to the pool; resolves once their results are in (or left to {@link check}). */
  async dispatch(): Promise<void> {
    const batch = this.#batch;
    this.#batch = [];
    if (this.#pool === undefined || batch.length === 0) return;
    try {
      const results = await this.#pool.check(batch);
      batch.forEach((checked, n) => {
        checked.valid = results[n] === 1;
      });
    } catch {
      // A failed worker leaves its checks to this thread.
    }
  }

  /** A `SignatureCheck`: the worked-out result for exactly these bytes, or a check here. */
  readonly check = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => {
    const known = this.#memo.get(Buffer.from(signature).toString('base64'));
    if (
      known?.valid !== undefined &&
      same(known.signature, signature) &&
      same(known.message, message) &&
      same(known.publicKey, publicKey)
    ) {
      return known.valid;
    }
    this.inline += 1;
    return ed25519Verify(signature, message, publicKey);
  };
}
