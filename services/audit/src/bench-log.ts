// Benchmarks only (not exported): a synthetic share log, entry bytes as the writer encodes them.
import { randomBytes } from 'node:crypto';
import { KindName } from '@cwtch/contracts';
import { sha256 } from '@cwtch/crypto';
import { type EntryBody, encodeEntry } from './entries.ts';

/** The demo region's agencies, the senders and recipients of the synthetic shares. */
export const BENCH_AGENCIES = [
  'swansea-cs',
  'npt-cs',
  'south-wales-police',
  'swansea-bay-health',
  'barnardos-cymru',
  'hillside',
  'wrexham-cs',
  'north-wales-police',
] as const;
export const BENCH_KINDS = KindName.options;

const CHILDREN = 20_000;
const b64u = (x: string | Uint8Array) => Buffer.from(x).toString('base64url');
export const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;

/**
 * `count` entries from position `first`: shares between the agencies every 2 s from `start`
 * (30 days ago), each followed by its `delivered` receipt and two in three by `acknowledged`,
 * about 20,000 children. Signatures are random bytes: the index and tree never check them.
 */
export function syntheticLog(count: number, first = 0) {
  const subjects = Array.from({ length: CHILDREN }, () => b64u(randomBytes(32)));
  const kid = b64u(randomBytes(32));
  const start = Date.now() - 30 * 86_400_000;
  const log = { subjects, start, shares: 0, entries: entries() };
  function* entries(): Generator<Uint8Array> {
    const end = first + count;
    let i = first;
    for (let n = 0; i < end; n++) {
      log.shares = n + 1;
      const from = pick(BENCH_AGENCIES, n * 7);
      const to = pick(BENCH_AGENCIES, n * 7 + 3);
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
        kind: pick(BENCH_KINDS, n),
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
      const hh = b64u(sha256(new TextEncoder().encode(JSON.stringify(header))));
      const entry = (body: EntryBody) => encodeEntry(body, i++, ts + 10, ts);
      yield entry({
        t: 'msg',
        src: { seq: i + 1, subj: `cwtch.share.${to}.${from}` },
        h: b64u(JSON.stringify(header)),
        b,
        s: b64u(randomBytes(64)),
      });
      const receipt = (status: string) =>
        entry({
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
              hh,
              b,
              actor: null,
              reason: null,
            }),
          ),
          s: b64u(randomBytes(64)),
        });
      if (i < end) yield receipt('delivered');
      if (i < end && n % 3 !== 0) yield receipt('acknowledged');
    }
  }
  return log;
}
