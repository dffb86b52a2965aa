import { randomBytes } from 'node:crypto';
import { sha256 } from '@cwtch/crypto';
import { decodeEntry, type EntryBody, encodeEntry } from './entries.ts';
import { ShareIndex } from './share-index.ts';

// Tests of this service only; not exported.
const b64u = (x: string | Uint8Array) => Buffer.from(x).toString('base64url');
const kid = b64u(randomBytes(32));

/** A share log built entry by entry into a fresh index, as the service replays the AUDIT stream. */
export function logOf(index = new ShareIndex()) {
  const hashes = new Map<string, { hh: string; b: string }>();
  let i = 0;
  const add = (body: EntryBody, ts: number) => {
    index.add(decodeEntry(encodeEntry(body, i, ts, ts)));
    i += 1;
  };
  return {
    index,
    get size() {
      return i;
    },
    /** Logs one copy per recipient at `loggedAt`; returns the share's id. */
    share(o: {
      from: string;
      to: string[];
      kind: string;
      priority: string;
      loggedAt: number;
      respondBy?: number;
    }) {
      const id = b64u(randomBytes(16));
      const header = {
        v: 1,
        typ: 'cwtch.notification.v1',
        suite: 'CWTCH1',
        id,
        iat: o.loggedAt,
        exp: o.loggedAt + 86_400_000,
        from: { agency: o.from, kid },
        to: o.to.map((agency) => ({ agency, kid })),
        kind: o.kind,
        sv: 1,
        agreement: 'isp',
        purpose: 'p',
        basis: 'b',
        priority: o.priority,
        respondBy: o.respondBy ?? null,
        subject: null,
        n: '',
        kc: '',
      };
      const h = new TextEncoder().encode(JSON.stringify(header));
      const b = b64u(randomBytes(32));
      hashes.set(id, { hh: b64u(sha256(h)), b });
      for (const to of o.to)
        add(
          {
            t: 'msg',
            src: { seq: i + 1, subj: `cwtch.share.${to}.${o.from}` },
            h: b64u(h),
            b,
            s: b64u(randomBytes(64)),
          },
          o.loggedAt,
        );
      return id;
    },
    /** Logs a statement by `by` to `to` about share `id`, signed at `signedAt`. */
    say(id: string, by: string, to: string, status: string, signedAt: number, reason: string | null = null) {
      const { hh, b } = hashes.get(id)!;
      const r = {
        v: 1,
        typ: 'cwtch.receipt.v1',
        id,
        status,
        by: { agency: by, kid },
        to,
        at: signedAt,
        hh,
        b,
      };
      add(
        {
          t: 'rcpt',
          src: { seq: i + 1, subj: `cwtch.receipt.${to}.${by}` },
          r: b64u(JSON.stringify({ ...r, actor: status === 'delivered' ? null : 'duty', reason })),
          s: b64u(randomBytes(64)),
        },
        signedAt + 100,
      );
    },
  };
}
