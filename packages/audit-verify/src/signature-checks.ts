import type { AuditEntry } from '@cwtch/contracts';
import { ed25519Verify, envelopeSigningInput, receiptSigningInput } from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { parseJsonBytes } from './bundle-lines.ts';
import type { SignatureJob } from './signature-jobs.ts';
import type { SignaturePool } from './signature-pool.ts';

const MEMO_LIMIT = 4096;

interface Checked extends SignatureJob {
  valid: boolean | undefined;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
// Lenient and quick: a job read wrongly only misses, and its check then runs in full on this thread.
const decode = (text: string): Uint8Array => Buffer.from(text, 'base64url');

/** The signer an entry names (`from` of a share's header, `by` of a receipt), unverified. */
function namedSigner(value: unknown, member: 'from' | 'by'): { agency: string; kid: string } | undefined {
  const named = (value as Record<string, { agency?: unknown; kid?: unknown } | undefined> | null)?.[member];
  return typeof named?.agency === 'string' && typeof named.kid === 'string'
    ? { agency: named.agency, kid: named.kid }
    : undefined;
}

/**
 * What a share's or a receipt's signature check will be, read ahead from the entry and the
 * directory of that point; undefined when an earlier step of the check will fail anyway.
 */
export function signatureJob(entry: AuditEntry, view: DirectoryView | undefined): SignatureJob | undefined {
  if (view === undefined || (entry.t !== 'msg' && entry.t !== 'rcpt')) return undefined;
  try {
    const signature = decode(entry.s);
    const bytes = decode(entry.t === 'msg' ? entry.h : entry.r);
    const signer = namedSigner(parseJsonBytes(bytes), entry.t === 'msg' ? 'from' : 'by');
    if (signer === undefined) return undefined;
    const { publicKey } = view.signingKey(signer.agency, signer.kid, entry.bt);
    if (signature.length !== 64 || publicKey.length !== 32) return undefined;
    const message =
      entry.t === 'msg' ? envelopeSigningInput(bytes, decode(entry.b)) : receiptSigningInput(bytes);
    return { signature, message, publicKey };
  } catch {
    return undefined;
  }
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
