import { describe, expect, it } from 'vitest';
import type { ReceiptStatus } from './receipt.ts';
import { embargoInForce, type Statement, statementOrderIssue } from './statement-order.ts';

const share = { from: 'hillside', recipients: ['swansea-cs', 'south-wales-police'] };
const r = (status: ReceiptStatus, reason: string | null = null, by = 'swansea-cs'): Statement => ({
  by,
  to: 'hillside',
  status,
  reason,
});
const s = (status: ReceiptStatus, reason: string | null, to = 'swansea-cs'): Statement => ({
  by: 'hillside',
  to,
  status,
  reason,
});
const ok = (logged: Statement[], next: Statement) => {
  const issue = statementOrderIssue(share, logged, next);
  return issue === null ? null : `${issue.kind}: ${issue.message}`;
};

describe('statementOrderIssue', () => {
  it('accepts the whole life of a handover in order', () => {
    const life = [
      r('delivered'),
      r('acknowledged'),
      r('escalated', 'ESCALATION_STEP_1'),
      r('accepted'),
      r('actioned', 'CHILD_LOCATED'),
      r('actioned', 'STRATEGY_DISCUSSION'),
      s('recalled', 'MISDIRECTED'),
      r('deleted'),
    ];
    for (const [i, next] of life.entries()) expect(ok(life.slice(0, i), next), next.status).toBeNull();
  });

  it('refuses business statements before delivered, and a copy answered twice', () => {
    for (const status of ['acknowledged', 'accepted', 'declined', 'escalated'] as const)
      expect(ok([], r(status, status === 'declined' ? 'NOT_OUR_AREA' : null))).toMatch(
        /^order: .*before delivered/,
      );
    expect(ok([], r('actioned', 'OTHER'))).toMatch(/^order: .*before delivered/);
    expect(ok([r('delivered')], r('rejected', 'EXPIRED'))).toMatch(/already answered/);
    expect(ok([r('rejected', 'EXPIRED')], r('delivered'))).toMatch(/already answered/);
    expect(ok([r('delivered'), r('acknowledged')], r('acknowledged'))).toMatch(/already stated/);
  });

  it('lets one of accepted and declined answer a handover, once', () => {
    expect(ok([r('delivered'), r('accepted')], r('declined', 'NOT_OUR_AREA'))).toMatch(/already answered/);
    expect(ok([r('delivered'), r('declined', 'OTHER')], r('accepted'))).toMatch(/already answered/);
    // Each recipient answers for itself.
    expect(
      ok(
        [r('delivered'), r('accepted'), r('delivered', null, 'south-wales-police')],
        r('accepted', null, 'south-wales-police'),
      ),
    ).toBeNull();
  });

  it('needs the sender’s recall before a deletion, and recalls once per recipient', () => {
    expect(ok([r('delivered')], r('deleted'))).toMatch(/without a recall/);
    expect(ok([r('delivered'), s('recalled', 'MISDIRECTED', 'south-wales-police')], r('deleted'))).toMatch(
      /without a recall/,
    );
    expect(ok([s('recalled', 'MISDIRECTED')], s('recalled', 'OTHER'))).toMatch(/already recalled/);
    // Nothing but the deletion follows a recall to that recipient; the others answer as before.
    for (const next of [r('accepted'), r('acknowledged'), r('actioned', 'OTHER'), r('declined', 'OTHER')])
      expect(ok([r('delivered'), s('recalled', 'MISDIRECTED')], next)).toMatch(
        /^order: .*after the sender recalled/,
      );
    expect(
      ok(
        [r('delivered', null, 'south-wales-police'), s('recalled', 'MISDIRECTED')],
        r('accepted', null, 'south-wales-police'),
      ),
    ).toBeNull();
    expect(ok([s('escalated', 'ESCALATION_STEP_1')], s('escalated', 'ESCALATION_STEP_1'))).toMatch(
      /already stated/,
    );
    expect(ok([s('escalated', 'ESCALATION_STEP_1')], s('escalated', 'ESCALATION_STEP_2'))).toBeNull();
  });

  it('refuses statements from or to someone who is not a party, and the wrong side’s statuses', () => {
    expect(ok([], r('delivered', null, 'npt-cs'))).toMatch(/^unlinked: .*not a party/);
    expect(ok([], s('recalled', 'MISDIRECTED', 'npt-cs'))).toMatch(/^unlinked: .*not a party/);
    expect(ok([], { by: 'swansea-cs', to: 'south-wales-police', status: 'delivered', reason: null })).toMatch(
      /^unlinked: .*addressed to the sender/,
    );
    expect(ok([], s('delivered', null))).toMatch(/^unlinked: the sender cannot state delivered/);
    expect(ok([r('delivered')], r('recalled', 'MISDIRECTED'))).toMatch(
      /^unlinked: a recipient cannot state recalled/,
    );
  });

  it('lets the sender embargo a share to any recipient, any number of times, even after a recall', () => {
    expect(ok([], s('embargoed', 'CRIMINAL_INVESTIGATION'))).toBeNull();
    expect(
      ok([s('embargoed', 'CRIMINAL_INVESTIGATION')], s('embargoed', 'CRIMINAL_INVESTIGATION')),
    ).toBeNull();
    expect(
      ok([r('delivered'), s('recalled', 'MISDIRECTED'), r('deleted')], s('embargoed', 'OTHER')),
    ).toBeNull();
    // A recipient cannot embargo, and a non-party cannot be told.
    expect(ok([r('delivered')], r('embargoed', 'OTHER'))).toMatch(
      /^unlinked: a recipient cannot state embargoed/,
    );
    expect(ok([], s('embargoed', 'OTHER', 'npt-cs'))).toMatch(/^unlinked: .*not a party/);
    // An embargo changes nothing else: the recipient answers as before, the recall still stands once.
    expect(ok([s('embargoed', 'OTHER'), r('delivered')], r('accepted'))).toBeNull();
    expect(ok([s('embargoed', 'OTHER')], s('recalled', 'MISDIRECTED'))).toBeNull();
  });
});

describe('embargoInForce', () => {
  const e = (until: number) => ({ status: 'embargoed' as const, until });
  it('is the last embargoed statement while its review date is ahead, and nothing after it', () => {
    expect(embargoInForce([], 1000)).toBeNull();
    expect(embargoInForce([{ status: 'recalled' }], 1000)).toBeNull();
    expect(embargoInForce([e(2000)], 1000)).toEqual(e(2000));
    expect(embargoInForce([e(2000)], 2000)).toBeNull();
    // A later statement moves the review date, or lifts the embargo with a date already past.
    expect(embargoInForce([e(2000), e(5000)], 3000)).toEqual(e(5000));
    expect(embargoInForce([e(5000), e(900)], 1000)).toBeNull();
    expect(embargoInForce([e(5000), { status: 'escalated' }], 1000)).toEqual(e(5000));
  });
});
