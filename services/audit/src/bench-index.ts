// Benchmark (not a test): builds a share log of N entries (default 1,000,000) into the query index
// and the Merkle tree exactly as the audit service does at start-up, then times auditor queries.
// Run: node --import tsx services/audit/src/bench-index.ts [N]
import { randomBytes } from 'node:crypto';
import { MerkleTree } from '@cwtch/audit-log';
import { KindName } from '@cwtch/contracts';
import { encodeEntry } from './entries.ts';
import { ShareIndex } from './share-index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const AGENCIES = [
  'swansea-cs',
  'npt-cs',
  'south-wales-police',
  'swansea-bay-health',
  'barnardos-cymru',
  'hillside',
  'wrexham-cs',
  'north-wales-police',
];
const KINDS = KindName.options;
const CHILDREN = 20_000;
const b64u = (x: string | Uint8Array) => Buffer.from(x).toString('base64url');
const subjects = Array.from({ length: CHILDREN }, () => b64u(randomBytes(32)));
const kid = b64u(randomBytes(32));
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;

const index = new ShareIndex();
const tree = new MerkleTree();
const t0 = performance.now();
const start = Date.now() - 30 * 86_400_000;
let i = 0;
let n = 0;
while (i < N) {
  const from = pick(AGENCIES, n * 7);
  const to = pick(AGENCIES, n * 7 + 3);
  const id = b64u(randomBytes(16));
  const ts = start + n * 2000;
  const header = {
    v: 1,
    typ: 'cwtch.notification.v1',
    suite: 'CWTCH1',
    id,
    iat: ts,
    exp: ts + 1,
    from: { agency: from, kid },
    to: [{ agency: to, kid }],
    kind: pick(KINDS, n),
    sv: 1,
    agreement: 'isp',
    purpose: 'p',
    basis: 'b',
    priority: 'high',
    respondBy: null,
    subject: pick(subjects, n * 13),
    n: '',
    kc: '',
  };
  const b = b64u(randomBytes(32));
  const add = (body: Parameters<typeof encodeEntry>[0]) => {
    const bytes = encodeEntry(body, i, ts + 10, ts);
    tree.appendEntry(bytes);
    index.add(JSON.parse(new TextDecoder().decode(bytes)));
    i++;
  };
  add({
    t: 'msg',
    src: { seq: i + 1, subj: `cwtch.share.${to}.${from}` },
    h: b64u(JSON.stringify(header)),
    b,
    s: b64u(randomBytes(64)),
  });
  const receipt = (status: string) =>
    add({
      t: 'rcpt',
      src: { seq: i + 1, subj: `cwtch.receipt.${from}.${to}` },
      r: b64u(
        JSON.stringify({
          v: 1,
          typ: 'cwtch.receipt.v1',
          id,
          status,
          by: { agency: to, kid },
          to: from,
          at: ts + 5,
          hh: b,
          b,
          actor: null,
          reason: null,
        }),
      ),
      s: b64u(randomBytes(64)),
    });
  if (i < N) receipt('delivered');
  if (i < N && n % 3 !== 0) receipt('acknowledged');
  n++;
}
const built = (performance.now() - t0) / 1000;
console.log(
  `built ${i.toLocaleString()} entries (${n.toLocaleString()} shares) in ${built.toFixed(1)} s: ${Math.round(i / built).toLocaleString()} entries/s into index + tree; root ${Buffer.from(tree.root()).toString('base64').slice(0, 12)}…`,
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
time(
  'by agency, delivered but never acknowledged',
  () => index.query({ agency: pick(AGENCIES, r++), status: 'unacknowledged' }, 1000),
  100,
);
time('inclusion proof at full size', () => tree.inclusionProof(r++ % i, i));
time('consistency proof from a random earlier size', () => tree.consistencyProof(1 + (r++ % (i - 1)), i));
