import { describe, expect, it } from 'vitest';
import { checkSenderRules } from '../check-sender-rules.ts';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const KIND = 'abduction-warning-notice';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);
const expectRefusedAt = refusalChecker(KIND);
const set = (path: (string | number)[], value: unknown, payload: unknown = example) =>
  edited(payload, path, value);
const breach = { at: '2025-03-20T22:10:00+00:00', description: 'Seen with Cerys in a car in Townhill' };

describe('abduction-warning-notice v1', () => {
  it('accepts a served notice, and a breach listed after service', () => {
    expect(parse(example)).toMatchObject({ ok: true });
    const breached = set(['breaches'], [breach], set(['event'], 'breached'));
    expect(parse(set(['occurredAt'], '2025-03-20T23:00:00+00:00', breached))).toMatchObject({ ok: true });
  });

  it('needs the time of service once served or breached, not before issue', () => {
    expectRefusedAt(set(['servedAt'], REMOVE), ['servedAt'], /served/);
    expect(parse(set(['event'], 'issued', set(['servedAt'], REMOVE)))).toMatchObject({ ok: true });
    expectRefusedAt(set(['servedAt'], '2025-03-18T13:00:00+00:00'), ['servedAt'], /issuedAt/);
    expectRefusedAt(set(['occurredAt'], '2025-03-18T13:00:00+00:00'), ['occurredAt'], /issuedAt/);
  });

  it('lists the breach when breached, each after service', () => {
    expectRefusedAt(set(['event'], 'breached'), ['breaches'], /breach/);
    const early = set(
      ['breaches'],
      [{ ...breach, at: '2025-03-18T15:00:00+00:00' }],
      set(['event'], 'breached'),
    );
    expectRefusedAt(early, ['breaches', 0, 'at'], /servedAt/);
    const unserved = set(['servedAt'], REMOVE, set(['event'], 'withdrawn', set(['breaches'], [breach])));
    expectRefusedAt(unserved, ['breaches', 0, 'at'], /servedAt/);
  });

  it('takes the under-16 notice for a child under 16 only, the s49 notice for a child in care or protection', () => {
    const sixteen = set(['subject', 'dateOfBirth'], '2009-01-10', set(['expiresOn'], REMOVE));
    expectRefusedAt(sixteen, ['cawnType'], /16 or over/);
    const s49 = set(['cawnType'], 'looked_after_under_18_ca1989_s49', sixteen);
    expect(parse(s49)).toMatchObject({ ok: true });
    expectRefusedAt(
      set(['subject', 'careStatus'], 'cp_plan', s49),
      ['subject', 'careStatus'],
      /looked_after/,
    );
    const onOrder = set(
      ['subject', 'legalStatus'],
      { scheme: 'ssda903', code: 'C2' },
      set(['subject', 'careStatus'], 'cp_plan', s49),
    );
    expect(parse(onOrder)).toMatchObject({ ok: true });
  });

  it('lapses no later than the birthday that ends it, and not before issue', () => {
    expectRefusedAt(set(['expiresOn'], '2026-05-13'), ['expiresOn'], /birthday/);
    expect(
      parse(set(['expiresOn'], '2028-05-12', set(['cawnType'], 'looked_after_under_18_ca1989_s49'))),
    ).toMatchObject({ ok: true });
    expectRefusedAt(set(['expiresOn'], '2025-03-17'), ['expiresOn'], /issuedAt/);
  });

  it('names the adult served, who is an adult', () => {
    expectRefusedAt(set(['adultServed'], { dob: '1994-08-02' }), ['adultServed', 'names'], /name/);
    expectRefusedAt(set(['adultServed', 'dob'], '2008-01-01'), ['adultServed', 'dob'], /adult/);
  });

  it('is sent by police only, with the Part 3 basis', () => {
    const parsed = parse(example);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(checkSenderRules(KIND, parsed.value, 'police')).toEqual([]);
    const fromLa = checkSenderRules(
      KIND,
      set(['sender', 'agencyType'], 'childrens-services', parsed.value),
      'childrens-services',
    );
    expect(fromLa).toContainEqual(expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' }));
    const noPart3 = checkSenderRules(KIND, set(['lawfulBasis', 'dpaPart3'], REMOVE, parsed.value), 'police');
    expect(noPart3).toContainEqual(expect.objectContaining({ code: 'REQUIRED_FOR_SENDER' }));
  });
});
