import { describe, expect, it } from 'vitest';
import type { Entry } from './entries.ts';
import { ShareIndex } from './share-index.ts';
import { subjectAccessReport } from './subject-access.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00Z');
const CHILD = 'c'.repeat(43);
const OTHER_CHILD = 'o'.repeat(43);
const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A log built by hand: the index trusts its entries (only the audit service writes them). */
function logOf() {
  const index = new ShareIndex();
  let i = 0;
  const headers = new Map<string, string>();
  return {
    index,
    share(id: string, o: { kind?: string; subject?: string; from?: string; to?: string[] } = {}) {
      const to = o.to ?? ['swansea-cs'];
      const h = b64u({
        v: 1,
        id: id.padEnd(22, 'x'),
        iat: NOW - 10 * DAY,
        exp: NOW + DAY,
        from: { agency: o.from ?? 'hillside', kid: 'k'.repeat(43) },
        to: to.map((agency) => ({ agency, kid: 'e'.repeat(43) })),
        kind: o.kind ?? 'care-home-transition',
        sv: 1,
        agreement: 'isa-wg-2024',
        purpose: 'safeguarding',
        basis: 'UK GDPR 6(1)(e); 9(2)(g)',
        priority: 'high',
        respondBy: null,
        subject: o.subject ?? CHILD,
      });
      headers.set(id, h);
      for (const recipient of to) {
        const seq = ++i;
        index.add({
          v: 1,
          t: 'msg',
          i: seq,
          ts: NOW - 9 * DAY + seq,
          bt: NOW - 9 * DAY + seq,
          src: { seq, subj: `cwtch.share.${recipient}.${o.from ?? 'hillside'}` },
          h,
          b: 'b'.repeat(43),
          s: 's'.repeat(86),
        } as Entry);
      }
    },
    embargo(id: string, until: number, o: { by?: string; to?: string } = {}) {
      const share = index.get(id.padEnd(22, 'x'))!;
      const seq = ++i;
      index.add({
        v: 1,
        t: 'rcpt',
        i: seq,
        ts: NOW - DAY + seq,
        bt: NOW - DAY + seq,
        src: { seq, subj: `cwtch.receipt.${o.to ?? 'swansea-cs'}.${o.by ?? 'hillside'}` },
        r: b64u({
          v: 1,
          typ: 'cwtch.receipt.v1',
          id: share.id,
          status: 'embargoed',
          by: { agency: o.by ?? 'hillside', kid: 'k'.repeat(43) },
          to: o.to ?? 'swansea-cs',
          at: NOW - DAY + seq,
          hh: share.headerHash,
          b: share.bodyHash,
          actor: 'DS Rhys Morgan',
          reason: 'CRIMINAL_INVESTIGATION',
          until,
        }),
        s: 's'.repeat(86),
      } as Entry);
    },
  };
}

describe('subjectAccessReport', () => {
  it('lists who shared what kind with whom, when and under which agreement, oldest first', () => {
    const log = logOf();
    log.share('one', { to: ['swansea-cs', 'south-wales-police'] });
    log.share('two', { kind: 'missing-episode', from: 'south-wales-police', to: ['hillside'] });
    log.share('elsewhere', { subject: OTHER_CHILD });
    const r = subjectAccessReport(log.index, CHILD, NOW);
    expect(r.withheldUntil).toBeNull();
    expect(r.entries.map((e) => [e.kind, e.from, e.to.join(' ')])).toEqual([
      ['care-home-transition', 'hillside', 'swansea-cs south-wales-police'],
      ['missing-episode', 'south-wales-police', 'hillside'],
    ]);
    expect(r.entries[0]).toMatchObject({
      agreement: 'isa-wg-2024',
      purpose: 'safeguarding',
      lawfulBasis: 'UK GDPR 6(1)(e); 9(2)(g)',
      loggedAt: NOW - 9 * DAY + 1,
    });
  });

  it('withholds an embargoed share and says only until when: the latest review date, never how many', () => {
    const log = logOf();
    log.share('open');
    log.share('secret');
    log.share('secret-too');
    log.embargo('secret', NOW + 30 * DAY);
    log.embargo('secret-too', NOW + 10 * DAY);
    const r = subjectAccessReport(log.index, CHILD, NOW);
    expect(r.entries.map((e) => e.id)).toEqual(['open'.padEnd(22, 'x')]);
    expect(r.withheldUntil).toBe(NOW + 30 * DAY);
    expect(Object.keys(r).sort()).toEqual(['entries', 'generatedAt', 'subject', 'withheldUntil']);
  });

  it('reports a share again once its review date passes or its sender lifts or moves the embargo', () => {
    const log = logOf();
    log.share('secret');
    log.embargo('secret', NOW + DAY);
    expect(subjectAccessReport(log.index, CHILD, NOW).entries).toEqual([]);
    expect(subjectAccessReport(log.index, CHILD, NOW + DAY).entries).toHaveLength(1);
    log.embargo('secret', NOW + 60 * DAY);
    expect(subjectAccessReport(log.index, CHILD, NOW + 2 * DAY).withheldUntil).toBe(NOW + 60 * DAY);
    log.embargo('secret', NOW - DAY);
    const lifted = subjectAccessReport(log.index, CHILD, NOW);
    expect(lifted.entries).toHaveLength(1);
    expect(lifted.withheldUntil).toBeNull();
  });

  it('heeds only the sender’s embargo; an unknown subject gives an empty report', () => {
    const log = logOf();
    log.share('theirs');
    log.embargo('theirs', NOW + DAY, { by: 'swansea-cs', to: 'hillside' });
    expect(subjectAccessReport(log.index, CHILD, NOW).entries).toHaveLength(1);
    expect(subjectAccessReport(log.index, 'n'.repeat(43), NOW)).toEqual({
      subject: 'n'.repeat(43),
      generatedAt: NOW,
      entries: [],
      withheldUntil: null,
    });
  });

  it('indexes embargoes from the log: the review date on the statement, ?status=embargoed finds them', () => {
    const log = logOf();
    log.share('open');
    log.share('secret');
    log.embargo('secret', NOW + DAY);
    expect(log.index.query({ status: 'embargoed' }).map((s) => s.id)).toEqual(['secret'.padEnd(22, 'x')]);
    expect(log.index.get('secret'.padEnd(22, 'x'))?.receipts[0]).toMatchObject({
      status: 'embargoed',
      actor: 'DS Rhys Morgan',
      until: NOW + DAY,
    });
  });
});
