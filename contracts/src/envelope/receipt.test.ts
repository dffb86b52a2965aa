import { describe, expect, it } from 'vitest';
import { receiptBody } from './receipt.test-support.ts';
import { ACTOR_MAX_LENGTH, normaliseActor, ReceiptBody, UNNAMED_ACTOR } from './receipt.ts';

describe('normaliseActor', () => {
  it('keeps an ordinary name as it is', () => {
    expect(normaliseActor('Swansea front door')).toBe('Swansea front door');
    expect(normaliseActor('Siân Prosser-Ó Briain')).toBe('Siân Prosser-Ó Briain');
  });

  it('collapses whitespace and removes controls, bidirectional overrides and lone surrogates', () => {
    expect(normaliseActor('  Ann\t\n  Jones\u00a0 ')).toBe('Ann Jones');
    expect(normaliseActor('Ann\u0000\u0007 Jones\u009b')).toBe('Ann Jones');
    expect(normaliseActor('Ann \u202eJones\u202c \u2066x\u2069')).toBe('Ann Jones x');
    expect(normaliseActor('Ann\ud800 Jones\udfff')).toBe('Ann Jones');
    expect(normaliseActor('Sia\u0302n')).toBe('Siân');
  });

  it('names nobody "unnamed" rather than refusing', () => {
    expect(normaliseActor('')).toBe(UNNAMED_ACTOR);
    expect(normaliseActor(' \u0000\t\u202e ')).toBe(UNNAMED_ACTOR);
  });

  it('cuts a long name to the limit on a code-point boundary, with an ellipsis', () => {
    const long = normaliseActor('x'.repeat(300));
    expect(long).toHaveLength(ACTOR_MAX_LENGTH);
    expect(long.endsWith('\u2026')).toBe(true);
    // 64 emoji are 128 code units: a cut at 127 would split the last one in half.
    const emoji = normaliseActor('😀'.repeat(100));
    expect(emoji.length).toBeLessThanOrEqual(ACTOR_MAX_LENGTH);
    expect(emoji).toBe(`${'😀'.repeat(63)}\u2026`);
    expect(normaliseActor(`${'a'.repeat(126)} bcd`)).toBe(`${'a'.repeat(126)}\u2026`);
  });

  it('always yields an actor the receipt contract accepts', () => {
    const names = [
      'x'.repeat(300),
      '😀'.repeat(200),
      '\u0000'.repeat(500),
      ` ${'é'.repeat(129)} `,
      'a\ud800'.repeat(90),
    ];
    for (const name of names) {
      expect(ReceiptBody.safeParse(receiptBody(name)).success).toBe(false);
      expect(ReceiptBody.safeParse(receiptBody(normaliseActor(name))).success).toBe(true);
    }
  });
});

describe('ReceiptBody reasons and notes by status', () => {
  const base = {
    v: 1 as const,
    typ: 'cwtch.receipt.v1' as const,
    id: 'A'.repeat(22),
    by: { agency: 'swansea-cs', kid: 'K'.repeat(43) },
    to: 'hillside',
    at: 1_767_225_600_000,
    hh: 'h'.repeat(43),
    b: 'b'.repeat(43),
    actor: null,
  };
  const issues = (body: object) => {
    const r = ReceiptBody.safeParse({ ...base, ...body });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes each status with the reason its list allows, and a note only where one may be', () => {
    expect(issues({ status: 'delivered', reason: null })).toEqual([]);
    expect(issues({ status: 'declined', reason: 'NOT_OUR_AREA', note: 'c2VhbGVk' })).toEqual([]);
    expect(issues({ status: 'actioned', reason: 'CHILD_LOCATED' })).toEqual([]);
    expect(issues({ status: 'recalled', reason: 'MISDIRECTED', note: 'c2VhbGVk' })).toEqual([]);
    expect(issues({ status: 'escalated', reason: 'ESCALATION_STEP_2' })).toEqual([]);
    expect(issues({ status: 'rejected', reason: 'EXPIRED' })).toEqual([]);
    expect(
      issues({ status: 'embargoed', reason: 'CRIMINAL_INVESTIGATION', actor: 'DS Rhys Morgan', until: 1 }),
    ).toEqual([]);
  });

  it('takes a review date and an owner on embargoed and nowhere else', () => {
    expect(issues({ status: 'embargoed', reason: 'OTHER', actor: 'Owner' })).toEqual([
      'until: embargoed needs a review date',
    ]);
    expect(issues({ status: 'embargoed', reason: 'OTHER', actor: null, until: 1 })).toEqual([
      'actor: embargoed names its owner',
    ]);
    expect(issues({ status: 'embargoed', reason: 'MISDIRECTED', actor: 'Owner', until: 1 })).toEqual([
      'reason: is not a reason embargoed may give',
    ]);
    expect(issues({ status: 'recalled', reason: 'MISDIRECTED', until: 1 })).toEqual([
      'until: recalled has no review date',
    ]);
  });

  it('refuses a missing or foreign reason, a reason where none belongs, and a misplaced note', () => {
    expect(issues({ status: 'declined', reason: null })).toEqual(['reason: declined needs a reason']);
    expect(issues({ status: 'actioned', reason: 'EXPIRED' })).toEqual([
      'reason: is not a reason actioned may give',
    ]);
    expect(issues({ status: 'accepted', reason: 'OTHER' })).toEqual(['reason: accepted takes no reason']);
    expect(issues({ status: 'acknowledged', reason: null, note: 'c2VhbGVk' })).toEqual([
      'note: acknowledged carries no note',
    ]);
  });
});
