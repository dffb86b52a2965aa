/** One Ed25519 check to run: what the entry's signature must cover, with whose key. */
export interface SignatureJob {
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** Packs jobs into one buffer (`u32be |m| || pk || sig || m` each), to post as a single message. */
export function packJobs(jobs: readonly SignatureJob[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const job of jobs) size += 4 + 32 + 64 + job.message.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const job of jobs) {
    view.setUint32(at, job.message.length);
    out.set(job.publicKey, at + 4);
    out.set(job.signature, at + 36);
    out.set(job.message, at + 100);
    at += 100 + job.message.length;
  }
  return out;
}

/** Calls `each` with the n-th job of a buffer {@link packJobs} wrote. */
export function unpackJobs(
  packed: Uint8Array,
  each: (n: number, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => void,
): void {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  let at = 0;
  for (let n = 0; at < packed.length; n += 1) {
    const length = view.getUint32(at);
    const publicKey = packed.subarray(at + 4, at + 36);
    const signature = packed.subarray(at + 36, at + 100);
    each(n, signature, packed.subarray(at + 100, at + 100 + length), publicKey);
    at += 100 + length;
  }
}
