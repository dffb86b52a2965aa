import { describe, expect, it } from 'vitest';
import { checkSenderRules } from '../check-sender-rules.ts';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const KIND = 'nrm-referral';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);
const expectRefusedAt = refusalChecker(KIND);
const set = (path: (string | number)[], value: unknown, payload: unknown = example) =>
  edited(payload, path, value);

/** The same person as an adult of 19, referred with consent. */
const adult = [
  [['subject', 'dateOfBirth'], '2006-01-20'],
  [['personType'], 'adult'],
  [['consent'], 'given'],
  [['ictgReferral'], REMOVE],
] as const;
const asAdult = adult.reduce<unknown>((p, [path, value]) => set([...path], value, p), example);

describe('nrm-referral v1', () => {
  it('accepts a child referral with its guardian referral, and an adult referral with consent', () => {
    expect(parse(example)).toMatchObject({ ok: true });
    expect(parse(asAdult)).toMatchObject({ ok: true });
  });

  it('says child or adult as the date of birth does, unless the age is disputed', () => {
    expectRefusedAt(
      set(['personType'], 'adult', set(['consent'], 'given', set(['ictgReferral'], REMOVE))),
      ['personType'],
      /under 18/,
    );
    expectRefusedAt(set(['personType'], 'child', asAdult), ['personType'], /18 or over/);
    const disputed = set(
      ['ageDisputed'],
      true,
      set(
        ['ictgReferral'],
        example.ictgReferral,
        set(['consent'], 'not_required_child', set(['personType'], 'child', asAdult)),
      ),
    );
    expect(parse(disputed)).toMatchObject({ ok: true });
  });

  it('needs an ICTG referral for every child ("all NRM for children need an ICTA"), none for an adult', () => {
    expectRefusedAt(set(['ictgReferral'], REMOVE), ['ictgReferral'], /ICTG/);
    expectRefusedAt(set(['ictgReferral'], { made: false }), ['ictgReferral', 'made'], /reasonNotMade/);
    expect(
      parse(set(['ictgReferral'], { made: false, reasonNotMade: 'Guardian already allocated' })),
    ).toMatchObject({ ok: true });
    expectRefusedAt(set(['ictgReferral'], example.ictgReferral, asAdult), ['ictgReferral'], /children only/);
    expectRefusedAt(set(['ictgReferral', 'made'], false), ['ictgReferral', 'madeAt'], /left out/);
    expectRefusedAt(
      set(['ictgReferral', 'reasonNotMade'], 'x'),
      ['ictgReferral', 'reasonNotMade'],
      /left out/,
    );
  });

  it('records no consent for a child and consent for an adult', () => {
    expectRefusedAt(set(['consent'], 'given'), ['consent'], /not needed/);
    expectRefusedAt(set(['consent'], 'not_required_child', asAdult), ['consent'], /duty to notify/);
  });

  it('orders referral and decisions: conclusive grounds only after positive reasonable grounds', () => {
    expectRefusedAt(set(['referredAt'], '2025-03-15T10:00:00+00:00'), ['referredAt'], /occurredAt/);
    expectRefusedAt(
      set(['reasonableGrounds', 'decidedAt'], '2025-03-10'),
      ['reasonableGrounds', 'decidedAt'],
      /referredAt/,
    );
    const cg = { decision: 'positive', decidedAt: '2025-03-12' };
    const staged = set(['decisionStage'], 'cg_positive', set(['conclusiveGrounds'], cg));
    expectRefusedAt(staged, ['conclusiveGrounds', 'decidedAt'], /reasonableGrounds/);
    const negativeRg = set(
      ['reasonableGrounds', 'decision'],
      'negative',
      set(['conclusiveGrounds', 'decidedAt'], '2025-03-14', staged),
    );
    expectRefusedAt(negativeRg, ['conclusiveGrounds'], /positive reasonable grounds/);
  });

  it('keeps the stage in step with the decisions given', () => {
    expectRefusedAt(set(['decisionStage'], 'rg_negative'), ['decisionStage'], /negative/);
    expectRefusedAt(set(['decisionStage'], 'cg_positive'), ['decisionStage'], /conclusiveGrounds/);
    expectRefusedAt(set(['decisionStage'], 'submitted'), ['decisionStage'], /latest/);
    const cg = set(['conclusiveGrounds'], { decision: 'positive', decidedAt: '2025-03-14' });
    expectRefusedAt(cg, ['decisionStage'], /conclusive grounds stage/);
    expect(parse(set(['decisionStage'], 'cg_positive', cg))).toMatchObject({ ok: true });
  });

  it('needs at least one form of exploitation', () => {
    expectRefusedAt(set(['exploitationTypes'], []), ['exploitationTypes']);
  });

  it('may be sent by first responders among the agencies, not by a health board', () => {
    const parsed = parse(example);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(checkSenderRules(KIND, parsed.value, 'childrens-services')).toEqual([]);
    const fromHealth = checkSenderRules(
      KIND,
      set(['sender', 'agencyType'], 'health-board', parsed.value),
      'health-board',
    );
    expect(fromHealth).toContainEqual(expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' }));
  });
});
