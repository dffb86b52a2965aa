/**
 * Benchmark of the offline verifier (not a test): builds a bundle of N realistic entries (shares
 * to two recipients each, with both receipts, a directory statement first), writes it to a file,
 * and times full verification and root-only checks over the file, read line by line.
 *
 *   npx tsx packages/audit-verify/src/bench.ts [entries=100000] [workers=one per core]
 *   node --expose-gc --import tsx packages/audit-verify/src/bench.ts 100000   # cleaner heap figures
 * Workers 0 checks every signature on the main thread, for comparison.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '@cwtch/crypto';
import { readBundleLines } from './read-bundle-lines.ts';
import { party } from './test-scenario.ts';
import { BundleBuilder, directoryOf } from './test-support.ts';
import type { Trust } from './trust.ts';
import { verifyBundle } from './verify-bundle.ts';

const target = Number(process.argv[2] ?? 100_000);
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
if (!Number.isSafeInteger(target) || target < 5) throw new Error('usage: bench.ts [entries >= 5] [workers]');

await initCrypto();

/** Builds the bundle file; the builder and its lines are garbage once this returns. */
async function build(path: string): Promise<{ trust: Trust; now: number }> {
  const agencies = ['swansea-cs', 'swansea-police', 'wrexham-cs', 'cardiff-cs', 'bcuhb', 'gwent-police'];
  const parties = agencies.map(party);
  const builder = new BundleBuilder();
  const started = performance.now();
  builder.keyStatement(directoryOf(parties, 1));
  for (let n = 0; builder.entries.length + 4 <= target; n += 1) {
    const from = parties[n % parties.length];
    const to = [parties[(n + 1) % parties.length], parties[(n + 3) % parties.length]];
    if (from === undefined || to[0] === undefined || to[1] === undefined) throw new Error('unreachable');
    const text = `{"kind":"concern","n":${n},"note":"${'x'.repeat(300)}"}`;
    const sealed = builder.seal(from, [to[0], to[1]], text);
    builder.share(sealed, to[0].agency, n % 10 === 0);
    builder.share(sealed, to[1].agency, false);
    builder.receipt(to[0], sealed);
    builder.receipt(to[1], sealed);
    if (n % 7 === 0 && builder.entries.length < target) builder.receipt(to[1], sealed, 'acknowledged');
  }
  while (builder.entries.length < target) builder.reject('cwtch.share.swansea-cs.wrexham-cs', 'EXPIRED');
  await writeFile(path, `${builder.lines().join('\n')}\n`);
  const size = (await stat(path)).size;
  console.log(
    `built ${target} entries (${builder.envelopes.length} envelopes retained), ` +
      `${(size / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { trust: builder.trust(), now: builder.clock + 60_000 };
}

const dir = await mkdtemp(join(tmpdir(), 'audit-verify-bench-'));
const path = join(dir, 'bundle.jsonl');
const { trust, now } = await build(path);
for (const rootOnly of [false, true]) {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let peakHeap = 0;
  const onProgress = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const options = { now, rootOnly, onProgress, ...(workers === undefined ? {} : { workers }) };
  const report = await verifyBundle(readBundleLines(path), trust, options);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (!report.ok) throw new Error(`bench bundle did not verify: ${JSON.stringify(report.findingCounts)}`);
  console.log(
    `${rootOnly ? 'root-only' : `full (${workers ?? availableParallelism()} workers)`}: ${report.summary.entries} entries in ${seconds.toFixed(2)} s = ` +
      `${Math.round(report.summary.entries / seconds)} entries/s ` +
      `(CPU of all threads ${((used.user + used.system) / 1e6).toFixed(2)} s, peak heap ${(peakHeap / 1e6).toFixed(0)} MB)`,
  );
}
await rm(dir, { recursive: true, force: true });
