import { describe, expect, it } from 'vitest';
import { AuditEntry } from './audit-entry.ts';

const b64 = (n: number) => 'A'.repeat(n);

describe('AuditEntry', () => {
  it('accepts a msg entry shaped as in the crypto reference', () => {
    const entry = {
      v: 1,
      t: 'msg',
      i: 0,
      ts: 1741963200000,
      bt: 1741963199990,
      src: { seq: 1, subj: 'cwtch.share.wrexham-cs.swansea-cs' },
      h: b64(200),
      b: b64(43),
      s: b64(86),
    };
    expect(AuditEntry.safeParse(entry).success).toBe(true);
    expect(AuditEntry.safeParse({ ...entry, src: { seq: 1, subj: 'cwtch.receipt.a-b.c-d' } }).success).toBe(
      false,
    );
  });

  it('accepts a reject entry with a reason code and refuses unknown types', () => {
    const reject = {
      v: 1,
      t: 'reject',
      i: 7,
      ts: 1741963200000,
      bt: 1741963199990,
      src: { seq: 9, subj: 'cwtch.share.npt-cs.swansea-cs' },
      reason: 'SIGNATURE_INVALID',
      id: null,
      from: null,
      sha256: b64(43),
    };
    expect(AuditEntry.safeParse(reject).success).toBe(true);
    expect(AuditEntry.safeParse({ ...reject, t: 'other' }).success).toBe(false);
  });
});
