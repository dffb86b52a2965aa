import { describe, expect, it } from 'vitest';
import { checkSenderRules } from '../check-sender-rules.ts';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const KIND = 'return-home-interview';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);
const expectRefusedAt = refusalChecker(KIND);
const without = (payload: unknown, ...keys: string[]) =>
  keys.reduce<unknown>((p, key) => edited(p, [key], REMOVE), payload) as Record<string, unknown>;

describe('return-home-interview v1', () => {
  it('accepts the example, from the independent service, and a debrief not offered with its reason', () => {
    expect(parse(example).ok).toBe(true);
    let notOffered = without(example, 'offeredAt', 'accepted', 'heldAt', 'conductedBy', 'withinTimescale');
    notOffered = edited(
      edited(notOffered, ['offered'], 'no'),
      ['notOfferedReason'],
      'Child moved to Wrexham',
    );
    expect(parse(notOffered).ok).toBe(true);
  });

  it('links the missing episode by its share or its police reference', () => {
    const bare = edited(
      edited(example, ['missingEpisode', 'ref'], REMOVE),
      ['missingEpisode', 'policeRef'],
      REMOVE,
    );
    expectRefusedAt(bare, ['missingEpisode', 'ref'], /police reference/);
  });

  it('leaves out acceptance, times and interviewers when no interview was offered, and says why', () => {
    const notOffered = edited(example, ['offered'], 'no');
    for (const key of ['offeredAt', 'accepted', 'heldAt', 'conductedBy']) {
      expectRefusedAt(notOffered, [key], /no interview was offered/);
    }
    expectRefusedAt(notOffered, ['notOfferedReason'], /required/);
    expectRefusedAt(edited(example, ['notOfferedReason'], 'x'), ['notOfferedReason'], /left out/);
  });

  it('needs accepted when offered; a declined interview has no time or interviewers; a reason only when declined', () => {
    expectRefusedAt(without(example, 'accepted'), ['accepted'], /required/);
    const declined = edited(example, ['accepted'], 'no');
    expectRefusedAt(declined, ['heldAt'], /declined/);
    expectRefusedAt(declined, ['conductedBy'], /declined/);
    expectRefusedAt(edited(example, ['declinedReason'], 'x'), ['declinedReason'], /declined/);
  });

  it('names who held it, and when', () => {
    expectRefusedAt(without(example, 'conductedBy'), ['conductedBy'], /who held/);
    expectRefusedAt(edited(example, ['conductedBy'], []), ['conductedBy'], /who held/);
    expectRefusedAt(without(example, 'heldAt', 'withinTimescale'), ['heldAt'], /conductedBy/);
  });

  it('orders episode end, offer, interview and notice', () => {
    expectRefusedAt(edited(example, ['offeredAt'], '2025-03-09T01:00:00+00:00'), ['offeredAt'], /endedAt/);
    const early = edited(example, ['heldAt'], '2025-03-09T10:00:00+00:00');
    expectRefusedAt(early, ['heldAt'], /offeredAt/);
    expectRefusedAt(edited(example, ['heldAt'], '2025-03-09T01:00:00+00:00'), ['heldAt'], /endedAt/);
    expectRefusedAt(edited(example, ['occurredAt'], '2025-03-09T01:00:00+00:00'), ['occurredAt'], /endedAt/);
  });

  it('checks "within the timescale" against the times (72 hours unless stated)', () => {
    const late = edited(example, ['heldAt'], '2025-03-12T09:00:00+00:00');
    expectRefusedAt(edited(late, ['occurredAt'], '2025-03-12T10:00:00+00:00'), ['withinTimescale'], /agree/);
    const stated = edited(
      edited(late, ['withinTimescale'], false),
      ['occurredAt'],
      '2025-03-12T10:00:00+00:00',
    );
    expect(parse(stated).ok).toBe(true);
    expectRefusedAt(edited(stated, ['timescaleHours'], 96), ['withinTimescale'], /timescaleHours/);
    expect(parse(edited(without(stated, 'timescaleHours'), ['withinTimescale'], false)).ok).toBe(true);
  });

  it('records exploitation indicators only when present, and no onward action beside "none"', () => {
    expectRefusedAt(edited(example, ['exploitationIndicators', 'present'], false), [
      'exploitationIndicators',
      'present',
    ]);
    expectRefusedAt(edited(example, ['onwardActions'], ['none', 'nrm_referral']), ['onwardActions'], /none/);
    expectRefusedAt(edited(example, ['onwardActions', 0], 'lecture'), ['onwardActions', 0]);
  });

  it('may be sent by children’s services, police or the independent service, not by a children’s home', () => {
    const parsed = parse(example);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(checkSenderRules(KIND, parsed.value, 'voluntary')).toEqual([]);
    const fromHome = checkSenderRules(KIND, parsed.value, 'childrens-home');
    expect(fromHome).toContainEqual(expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' }));
  });
});
