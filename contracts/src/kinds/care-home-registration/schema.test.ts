import { describe, expect, it } from 'vitest';
import { checkSenderRules } from '../check-sender-rules.ts';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { kinds, parseNotification } from '../registry.ts';

const KIND = 'care-home-registration';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);
const expectRefusedAt = refusalChecker(KIND);
const set = (path: (string | number)[], value: unknown, payload: unknown = example) =>
  edited(payload, path, value);

describe('care-home-registration v1', () => {
  it('accepts a home registered in Swansea by CIW, and one in Dudley by Ofsted', () => {
    expect(parse(example).ok).toBe(true);
    let dudley = set(['regulator'], 'ofsted');
    dudley = set(['settingRef'], { scheme: 'ofsted_urn', value: 'SC123456' }, dudley);
    dudley = set(['hostLa'], 'E08000027', dudley);
    dudley = set(['hostPfa'], 'E23000014', dudley);
    dudley = set(['hostLhb'], REMOVE, dudley);
    dudley = set(['address', 'postcode'], 'DY1 1HF', dudley);
    expect(parse(dudley)).toMatchObject({ ok: true });
  });

  it('needs a registration reference once registered, of the regulator’s scheme', () => {
    expectRefusedAt(set(['settingRef'], REMOVE), ['settingRef'], /registered/);
    expect(parse(set(['event'], 'application_received', set(['settingRef'], REMOVE))).ok).toBe(true);
    expectRefusedAt(
      set(['settingRef'], { scheme: 'ofsted_urn', value: 'SC123456' }),
      ['settingRef', 'scheme'],
      /ciw_ref/,
    );
  });

  it('takes CIW for homes in Wales and Ofsted for homes in England', () => {
    const ofstedInWales = set(
      ['settingRef'],
      { scheme: 'ofsted_urn', value: 'SC123456' },
      set(['regulator'], 'ofsted'),
    );
    expectRefusedAt(ofstedInWales, ['regulator'], /Wales/);
  });

  it('names the previous provider for, and only for, a change of provider', () => {
    expectRefusedAt(set(['event'], 'change_of_provider'), ['previousProvider'], /change of provider/);
    const previous = { name: 'Former Care Ltd' };
    expect(parse(set(['previousProvider'], previous, set(['event'], 'change_of_provider'))).ok).toBe(true);
    expectRefusedAt(set(['previousProvider'], previous), ['previousProvider'], /only for/);
  });

  it('gives a closure reason only when closing or cancelled', () => {
    expectRefusedAt(set(['closureReason'], 'Staffing'), ['closureReason'], /closure/);
    expect(parse(set(['closureReason'], 'Staffing', set(['event'], 'closure'))).ok).toBe(true);
  });

  it('marks a confidential address OFFICIAL-SENSITIVE and never puts it in the inbox summary', () => {
    expectRefusedAt(set(['handling', 'marking'], REMOVE), ['handling', 'marking'], /confidential/);
    expect(parse(set(['addressConfidential'], false, set(['handling', 'marking'], REMOVE))).ok).toBe(true);
    const parsed = parse(example);
    if (!parsed.ok) throw new Error('example does not parse');
    for (const lang of ['en', 'cy'] as const) {
      const summary = kinds[KIND].summary(parsed.value, lang);
      expect(summary).toContain('Tŷ Gwennol');
      expect(summary).not.toMatch(/Heol|SA2/);
    }
  });

  it('checks the host police force and health board against the host authority', () => {
    expectRefusedAt(set(['hostPfa'], 'W15000001'), ['hostPfa'], /police force for that local authority/);
    expectRefusedAt(set(['hostLhb'], '7A1'), ['hostLhb'], /covers hostLa/);
    const english = set(['hostPfa'], 'E23000014', set(['hostLa'], 'E08000027', set(['regulator'], 'ofsted')));
    expectRefusedAt(english, ['hostLhb'], /Wales/);
  });

  it('keeps ages in order and the location assessment no later than the notice', () => {
    expectRefusedAt(set(['ageRange'], { from: 16, to: 12 }), ['ageRange', 'to'], /from/);
    expectRefusedAt(set(['locationAssessment', 'completedAt'], '2025-04-02'), [
      'locationAssessment',
      'completedAt',
    ]);
    expectRefusedAt(set(['event'], 'opened'), ['event']);
  });

  it('routes to the host authority, from a regulator or a provider only', () => {
    const parsed = parse(example);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(kinds[KIND].areas(parsed.value)).toEqual([{ role: 'host', la: 'W06000011' }]);
    expect(checkSenderRules(KIND, parsed.value, 'childrens-home')).toEqual([]);
    const fromLa = checkSenderRules(
      KIND,
      edited(parsed.value, ['sender', 'agencyType'], 'childrens-services'),
      'childrens-services',
    );
    expect(fromLa).toContainEqual(expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' }));
  });
});
