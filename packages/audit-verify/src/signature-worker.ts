import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { unpackJobs } from './signature-jobs.ts';

// Only node:crypto here: loading @cwtch/crypto (zod, libsodium) would cost each worker a second.
// The check is `ed25519Verify` of @cwtch/crypto; signature-pool.test.ts holds the two side by side.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map<string, KeyObject | undefined>();

function publicKeyObject(publicKey: Uint8Array): KeyObject | undefined {
  const id = Buffer.from(publicKey).toString('base64');
  if (keys.has(id)) return keys.get(id);
  let key: KeyObject | undefined;
  try {
    key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
  } catch {
    key = undefined;
  }
  if (keys.size >= 4096) keys.clear();
  keys.set(id, key);
  return key;
}

/** Answers each packed batch of a {@link SignaturePool} with one byte per job, 1 when valid. */
parentPort?.on('message', (request: { id: number; buffer: ArrayBuffer; count: number }) => {
  const results = new Uint8Array(request.count);
  unpackJobs(new Uint8Array(request.buffer), (n, signature, message, publicKey) => {
    const key = publicKeyObject(publicKey);
    try {
      results[n] = key !== undefined && verify(null, message, key, signature) ? 1 : 0;
    } catch {
      results[n] = 0;
    }
  });
  parentPort?.postMessage({ id: request.id, results }, [results.buffer]);
});
