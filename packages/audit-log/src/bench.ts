// Benchmark of the share log's Merkle tree; a script, not a test. Prints its figures.
//   npx tsx packages/audit-log/src/bench.ts [--leaves 1000000] [--samples 2000]
import { cpus, loadavg } from 'node:os';
import { argv, memoryUsage, version } from 'node:process';
import { leafHash } from './merkle/leaf-hash.ts';
import { MerkleFrontier } from './merkle/merkle-frontier.ts';
import { rootOf } from './merkle/root-of.ts';
import { verifyConsistency } from './proof/verify-consistency.ts';
import { verifyInclusion } from './proof/verify-inclusion.ts';
import { MemoryLeafStore } from './store/memory-leaf-store.ts';
import { MerkleTree } from './store/merkle-tree.ts';

function option(name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 2) throw new Error(`--${name} needs a whole number >= 2`);
  return value;
}

const LEAVES = option('leaves', 1_000_000);
const SAMPLES = option('samples', 2_000);

const now = (): number => performance.now();
const rate = (count: number, ms: number): string =>
  `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`;
const randomBelow = (n: number): number => Math.floor(Math.random() * n);
function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number): string =>
    `${((sorted[Math.floor((sorted.length - 1) * p)] ?? 0) * 1000).toFixed(1)} µs`;
  return `p50 ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`;
}
function timeEach<T>(count: number, make: () => T, run: (input: T) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const input = make();
    const start = now();
    run(input);
    times.push(now() - start);
  }
  return times;
}

console.log(
  `@cwtch/audit-log bench: ${LEAVES.toLocaleString('en')} leaves, ${SAMPLES} samples per proof kind`,
);
console.log(
  `node ${version}, ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// Entries about the size of a real audit entry (~200 bytes of JSON).
const entryFor = (i: number): Buffer =>
  Buffer.from(
    `{"v":1,"t":"msg","i":${i},"ts":${1_763_800_000_000 + i},"src":{"seq":${i + 1},"subj":"cwtch.share.la-b.police-a"},` +
      `"h":"${'h'.repeat(43)}","b":"${'b'.repeat(43)}","s":"${'s'.repeat(40)}"}`,
  );

// Entries are built in chunks outside the timer, so the figure is the hashing alone.
const CHUNK = 10_000;
const leaves: Uint8Array[] = new Array(LEAVES);
let hashingMs = 0;
for (let base = 0; base < LEAVES; base += CHUNK) {
  const entries = Array.from({ length: Math.min(CHUNK, LEAVES - base) }, (_, i) => entryFor(base + i));
  const chunkStart = now();
  entries.forEach((entry, i) => {
    leaves[base + i] = leafHash(entry);
  });
  hashingMs += now() - chunkStart;
}
console.log(`leaf hashing (~200-byte entry -> SHA-256(0x00||entry)): ${rate(LEAVES, hashingMs)}`);

let start: number;
let ms: number;
start = now();
const frontier = new MerkleFrontier();
for (const leaf of leaves) frontier.append(leaf);
ms = now() - start;
console.log(`frontier append (O(log n) state): ${rate(LEAVES, ms)} (${ms.toFixed(0)} ms)`);

const store = new MemoryLeafStore();
const tree = new MerkleTree(store);
start = now();
for (const leaf of leaves) tree.append(leaf);
ms = now() - start;
console.log(`tree append (store + frontier + node cache): ${rate(LEAVES, ms)} (${ms.toFixed(0)} ms)`);

const frontierRoot = tree.root();
const ROOT_RUNS = 1_000;
start = now();
for (let i = 0; i < ROOT_RUNS; i += 1) tree.root();
console.log(
  `root from frontier: ${(((now() - start) / ROOT_RUNS) * 1000).toFixed(1)} µs (mean of ${ROOT_RUNS})`,
);
const storeRoot = tree.rootAt(LEAVES);
const pastRoot = tree.rootAt(LEAVES - 12_345);
start = now();
for (let i = 0; i < ROOT_RUNS; i += 1) tree.rootAt(LEAVES);
console.log(
  `root from store (cached subtrees): ${(((now() - start) / ROOT_RUNS) * 1000).toFixed(1)} µs (mean)`,
);
const pastSizes = Array.from({ length: ROOT_RUNS }, () => 1 + randomBelow(LEAVES));
start = now();
for (const size of pastSizes) tree.rootAt(size);
console.log(
  `root at a random past size from store: ${(((now() - start) / ROOT_RUNS) * 1000).toFixed(1)} µs (mean)`,
);
start = now();
const recursiveRoot = rootOf(leaves);
console.log(`root recomputed from all leaf hashes (recursive): ${(now() - start).toFixed(0)} ms`);
if (![storeRoot, recursiveRoot].every((r) => Buffer.from(r).equals(frontierRoot)) || pastRoot.length !== 32) {
  throw new Error('roots disagree');
}

const inclusion = timeEach(
  SAMPLES,
  () => randomBelow(LEAVES),
  (index) => tree.inclusionProof(index),
);
console.log(`inclusion proof at size ${LEAVES}: ${percentiles(inclusion)}`);
const inclusionPast = timeEach(
  SAMPLES,
  () => {
    const size = 1 + randomBelow(LEAVES);
    return [randomBelow(size), size] as const;
  },
  ([index, size]) => tree.inclusionProof(index, size),
);
console.log(`inclusion proof at a random past size: ${percentiles(inclusionPast)}`);
const consistency = timeEach(
  SAMPLES,
  () => 1 + randomBelow(LEAVES - 1),
  (first) => tree.consistencyProof(first),
);
console.log(`consistency proof m -> ${LEAVES}: ${percentiles(consistency)}`);

const inclusionCases = Array.from({ length: SAMPLES }, () => {
  const index = randomBelow(LEAVES);
  return { index, leaf: leaves[index] as Uint8Array, proof: tree.inclusionProof(index) };
});
start = now();
for (const c of inclusionCases) {
  if (!verifyInclusion(c.leaf, c.index, LEAVES, c.proof, frontierRoot)) throw new Error('inclusion failed');
}
ms = now() - start;
console.log(`verifyInclusion (${inclusionCases[0]?.proof.length ?? 0}-ish hashes): ${rate(SAMPLES, ms)}`);

const consistencyCases = Array.from({ length: SAMPLES }, () => {
  const first = 1 + randomBelow(LEAVES - 1);
  return { first, root: tree.rootAt(first), proof: tree.consistencyProof(first) };
});
start = now();
for (const c of consistencyCases) {
  if (!verifyConsistency(c.first, LEAVES, c.root, frontierRoot, c.proof))
    throw new Error('consistency failed');
}
ms = now() - start;
console.log(`verifyConsistency: ${rate(SAMPLES, ms)}`);

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const mem = memoryUsage();
console.log(`memory: rss ${mb(mem.rss)}, heap ${mb(mem.heapUsed)}, buffers ${mb(mem.arrayBuffers)}`);
