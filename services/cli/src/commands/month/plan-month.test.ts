import { allowTestNhsNumbers, checkSenderRules, KindName, parseNotification } from '@cwtch/contracts';
import { monthOf, monthRange } from '@cwtch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_AGREEMENTS } from '../../region/demo-region.ts';
import { SENDERS } from './payload-base.ts';
import { DEFAULT_MONTH_SEED, loadExamples, MONTH_KINDS, type MonthPlan, planMonth } from './plan-month.ts';

const NOW = Date.parse('2026-07-19T14:05:00Z');
let examples: Awaited<ReturnType<typeof loadExamples>>;
let plan: MonthPlan;

beforeAll(async () => {
  allowTestNhsNumbers(true);
  examples = await loadExamples();
  plan = planMonth({ seed: DEFAULT_MONTH_SEED, now: NOW, examples });
});
afterAll(() => allowTestNhsNumbers(false));

const typeOf = (id: string) => DEMO_AGENCIES.find((a) => a.id === id)?.type;

describe('planMonth', () => {
  it('is the same plan for the same seed and a different one for another seed', () => {
    expect(planMonth({ seed: DEFAULT_MONTH_SEED, now: NOW, examples })).toEqual(plan);
    const other = planMonth({ seed: DEFAULT_MONTH_SEED + 1, now: NOW, examples });
    expect(other.notifications.map((n) => n.payload)).not.toEqual(plan.notifications.map((n) => n.payload));
  });

  it('plans dozens of children and hundreds of notifications of every kind, in the current London month', () => {
    expect(plan.month).toBe('2026-07');
    expect(plan.children.filter((c) => !c.adult).length).toBeGreaterThanOrEqual(40);
    expect(plan.children.filter((c) => !c.adult).length).toBeLessThanOrEqual(60);
    expect(plan.notifications.length).toBeGreaterThanOrEqual(200);
    expect(new Set(plan.notifications.map((n) => n.kind))).toEqual(new Set(MONTH_KINDS));
    expect(MONTH_KINDS).toEqual(KindName.options.filter((k) => k !== 'board-statistics'));
    const { start } = monthRange(plan.month);
    for (const n of plan.notifications) {
      const at = Date.parse(n.occurredAt);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThanOrEqual(NOW);
      expect(monthOf(at)).toBe('2026-07');
      expect(n.payload.occurredAt).toBe(n.occurredAt);
    }
    const ids = plan.notifications.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = plan.notifications.map((n) => Date.parse(n.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('covers the demo areas and agencies, with test NHS numbers and children aged 10 to 17', () => {
    expect(new Set(plan.children.map((c) => c.home))).toEqual(
      new Set(['W06000011', 'W06000012', 'W06000006', 'E08000027']),
    );
    for (const c of plan.children) {
      expect(c.nhsNumber).toMatch(/^999\d{7}$/);
      if (!c.adult) expect(c.age).toBeGreaterThanOrEqual(10);
      if (!c.adult) expect(c.age).toBeLessThanOrEqual(17);
    }
    expect(new Set(plan.children.map((c) => c.nhsNumber)).size).toBe(plan.children.length);
    const senders = new Set(plan.notifications.map((n) => n.from));
    expect(senders).toEqual(new Set(Object.keys(SENDERS)));
    const named = new Set(plan.notifications.flatMap((n) => n.to ?? []));
    for (const id of [
      'swansea-cs',
      'npt-cs',
      'wrexham-cs',
      'dudley-cs',
      'south-wales-police',
      'north-wales-police',
      'west-midlands-police',
      'swansea-bay-health',
      'barnardos-cymru',
      'hillside',
    ])
      expect(named).toContain(id);
    expect(named).not.toContain('wg-board');
  });

  it('gives every payload that meets its contract and its sender rules, about the planned child', () => {
    for (const n of plan.notifications) {
      const parsed = parseNotification(n.kind, n.payload);
      expect(parsed.ok ? [] : parsed.issues, `${n.id} ${n.kind}`).toEqual([]);
      if (!parsed.ok) continue;
      expect(checkSenderRules(parsed.kind, parsed.value, typeOf(n.from)!), `${n.id} ${n.kind}`).toEqual([]);
      const child = plan.children.find((c) => c.id === n.child);
      const subject = (n.payload as { subject?: { identifiers: { value: string }[] } }).subject;
      expect(subject?.identifiers[0]?.value).toBe(child?.nhsNumber);
      // Nothing of the example's child is left over.
      expect(JSON.stringify(n.payload)).not.toMatch(/Cerys|9434765919|448120/);
    }
  });

  it('names only recipients that one demo agreement lets the sender reach for the kind and purpose', () => {
    for (const n of plan.notifications) {
      if (n.to === null) continue;
      expect(n.to.length, n.id).toBeGreaterThan(0);
      const agreement = DEMO_AGREEMENTS.find(
        (a) =>
          a.kinds.includes(n.kind) &&
          a.purposes.includes(n.purpose) &&
          a.senders.includes(n.from) &&
          n.to!.every((to) => a.recipients.includes(to)),
      );
      expect(agreement, `${n.id} ${n.kind} ${n.from} → ${n.to.join(', ')}`).toBeDefined();
      for (const r of n.responses) expect(n.to).toContain(r.agency);
    }
  });

  it('asks for some answers: respond-by times, handovers and responses', () => {
    expect(plan.notifications.filter((n) => n.respondInMs !== null).length).toBeGreaterThan(20);
    expect(plan.notifications.filter((n) => n.handover).length).toBeGreaterThan(5);
    const statuses = new Set(plan.notifications.flatMap((n) => n.responses.map((r) => r.status)));
    expect(statuses).toEqual(new Set(['accepted', 'declined', 'actioned']));
  });
});
