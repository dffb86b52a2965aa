// Benchmark (not a test): builds a share log of N entries (default 1,000,000) into the query index
// and the Merkle tree exactly as the audit service does (a rebuild from the stream, without the
// stream), in the index file it keeps in its data folder; then times opening that file again (the
// index and tree part of a start) and every auditor query shape, p50 and p95.
// Run: node --import tsx services/audit/src/bench-index.ts [N] [DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MerkleTree } from '@cwtch/audit-log';
import { BENCH_AGENCIES as AGENCIES, BENCH_KINDS as KINDS, pick, syntheticLog } from './bench-log.ts';
import { decodeEntry } from './entries.ts';
import { SHARE_STATUS_FILTERS, ShareIndex } from './share-index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'cwtch-bench-index-'));
const file = join(dir, 'audit-index.sqlite');
const log = syntheticLog(N);
const { subjects, start } = log;

let index = new ShareIndex(file);
let tree = new MerkleTree(index.leaves);
let pending: Uint8Array[] = [];
const commit = () => {
  index.transaction(() => {
    for (const bytes of pending) {
      tree.appendEntry(bytes);
      index.add(decodeEntry(bytes));
    }
    index.setHead({ size: tree.size, root: Buffer.from(tree.root()).toString('base64') });
  });
  pending = [];
};
const t0 = performance.now();
let i = 0;
for (const bytes of log.entries) {
  pending.push(bytes);
  if (pending.length >= 1000) commit();
  i++;
}
commit();
const built = (performance.now() - t0) / 1000;
console.log(
  `built ${i.toLocaleString()} entries (${log.shares.toLocaleString()} shares) in ${built.toFixed(1)} s: ${Math.round(i / built).toLocaleString()} entries/s into index + tree; root ${Buffer.from(tree.root()).toString('base64').slice(0, 12)}…`,
);
index.close();
// A start: open the file, bring the tree up from its stored nodes, check it against its head.
const s0 = performance.now();
index = new ShareIndex(file);
tree = new MerkleTree(index.leaves);
const head = index.head();
if (head?.size !== tree.size || head.root !== Buffer.from(tree.root()).toString('base64'))
  throw new Error('the reopened index does not reproduce its tree head');
console.log(
  `start-up: index and tree of ${tree.size.toLocaleString()} entries open in ${(performance.now() - s0).toFixed(0)} ms (was a rebuild)`,
);
console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);

function time(label: string, q: () => unknown, runs = 1000): void {
  const samples: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    const out = q() as unknown[];
    samples.push(performance.now() - s);
    found += out.length;
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(3);
  console.log(
    `${label.padEnd(58)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (avg ${Math.round(found / runs)} shares)`,
  );
}
let r = 0;
time('by subject (one child, every agency)', () => index.query({ subject: pick(subjects, r++ * 31) }));
time(
  'by agency + kind + 7-day period',
  () =>
    index.query({
      agency: pick(AGENCIES, r++),
      kind: pick(KINDS, r),
      since: start + 86_400_000 * (r % 20),
      until: start + 86_400_000 * ((r % 20) + 7),
    }),
  200,
);
time('by agency', () => index.query({ agency: pick(AGENCIES, r++) }), 200);
time('by kind', () => index.query({ kind: pick(KINDS, r++) }), 200);
time(
  'since/until (one day)',
  () => index.query({ since: start + 86_400_000 * (r % 8), until: start + 86_400_000 * ((r++ % 8) + 1) }),
  200,
);
for (const status of SHARE_STATUS_FILTERS) time(`by status ${status}`, () => index.query({ status }), 50);
time(
  'by agency, delivered but never acknowledged',
  () => index.query({ agency: pick(AGENCIES, r++), status: 'unacknowledged' }, 1000),
  100,
);
time('delivered but never acknowledged (all)', () => index.query({ status: 'unacknowledged' }), 100);
const month = new Date(start + 86_400_000 * 3).toISOString().slice(0, 7);
// The first ask of a month loads its times to acknowledge; later ones read them as kept.
time(
  `figures for ${month}, first ask`,
  () => Object.keys(index.figures(month, { now: Date.now(), logSize: i }).agencies),
  1,
);
time(
  `figures for ${month}`,
  () => Object.keys(index.figures(month, { now: Date.now(), logSize: i }).agencies),
  100,
);
time('inclusion proof at full size', () => tree.inclusionProof(r++ % i, i));
time('consistency proof from a random earlier size', () => tree.consistencyProof(1 + (r++ % (i - 1)), i));
index.close();
if (process.argv[3] === undefined) rmSync(dir, { recursive: true, force: true });
