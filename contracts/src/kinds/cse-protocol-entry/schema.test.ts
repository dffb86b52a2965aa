import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, issueAt, loadExample, REMOVE } from '../load-example.ts';
import { parseNotification } from '../registry.ts';

const KIND = 'cse-protocol-entry';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);

/** Expects a refusal with an issue at `path` (and a message matching `message`). */
const expectRefusedAt = refusalChecker(KIND);

describe('cse-protocol-entry v1', () => {
  it('refuses a young person who is 18 at occurredAt, unless a care leaver', () => {
    const adult = edited(example, ['subject', 'dateOfBirth'], '2007-03-14');
    expectRefusedAt(adult, ['subject', 'dateOfBirth'], /under 18/);
    expect(parse(edited(adult, ['subject', 'dateOfBirth'], '2007-03-15')).ok).toBe(true);
    expect(parse(edited(adult, ['subject', 'careStatus'], 'care_leaver')).ok).toBe(true);
  });

  it('refuses a date of birth after occurredAt', () => {
    expectRefusedAt(
      edited(example, ['subject', 'dateOfBirth'], '2025-04-01'),
      ['subject', 'dateOfBirth'],
      /after/,
    );
  });

  it('trap: refuses an NHS number from the nhs-number README (fails modulus 11)', () => {
    const payload = edited(example, ['subject', 'identifiers', 0, 'value'], '999 123 4560');
    expectRefusedAt(payload, ['subject', 'identifiers', 0, 'value'], /modulus 11/);
  });

  it('trap: refuses the vendor worked-example UPN Q207000016049', () => {
    const payload = edited(example, ['subject', 'identifiers', 1, 'value'], 'Q207000016049');
    expectRefusedAt(payload, ['subject', 'identifiers', 1, 'value'], /check letter/);
  });

  it('refuses two NHS numbers for one child', () => {
    const ids = [
      { type: 'nhs_number', value: '9434765919' },
      { type: 'nhs_number', value: '9990000018' },
    ];
    expectRefusedAt(
      edited(example, ['subject', 'identifiers'], ids),
      ['subject', 'identifiers', 1],
      /only one/,
    );
  });

  it('refuses a SERAF category that does not match the score band, unless overridden', () => {
    const moderate = edited(example, ['riskAssessment', 'category'], 'moderate');
    expectRefusedAt(moderate, ['riskAssessment', 'category'], /SERAF band/);
    const overridden = edited(
      moderate,
      ['riskAssessment', 'overrideReason'],
      'Protective factors: engaged with youth worker.',
    );
    expect(parse(overridden).ok).toBe(true);
  });

  it('refuses a SERAF score that is not the breakdown total', () => {
    expectRefusedAt(edited(example, ['riskAssessment', 'score'], 16), ['riskAssessment', 'score'], /total/);
  });

  it('has a category list per tool: SERAF bands are not valid for another tool', () => {
    const local = {
      tool: 'local_exploitation_screening',
      toolVersion: 'WGSB 2024',
      assessedAt: '2025-03-13',
      assessorAgency: { scheme: 'ons_gss_lad', value: 'W06000011', name: 'Swansea Council' },
      category: 'significant',
    };
    expectRefusedAt(edited(example, ['riskAssessment'], local), ['riskAssessment', 'category']);
    expect(parse(edited(example, ['riskAssessment'], { ...local, category: 'high' })).ok).toBe(true);
  });

  it('needs previouslyOnProtocol for previous periods, and ordered dates', () => {
    expectRefusedAt(
      edited(example, ['previouslyOnProtocol'], false),
      ['previousProtocolPeriods'],
      /previouslyOnProtocol/,
    );
    const reversed = edited(example, ['previousProtocolPeriods', 0, 'to'], '2023-01-01');
    expectRefusedAt(reversed, ['previousProtocolPeriods', 0, 'to'], /before from/);
    const future = edited(example, ['previousProtocolPeriods', 0], { from: '2025-06-01' });
    expectRefusedAt(future, ['previousProtocolPeriods', 0, 'from'], /occurredAt/);
  });

  it('orders the missing history and family group conference dates', () => {
    const missing = edited(example, ['missingSummary', 'lastMissingDate'], '2024-10-01');
    expectRefusedAt(missing, ['missingSummary', 'lastMissingDate'], /firstMissingDate/);
    const fgc = edited(example, ['familyGroupConferences', 0], { offered: '2025-03-20', held: '2025-03-19' });
    expectRefusedAt(fgc, ['familyGroupConferences', 0, 'held']);
    expectRefusedAt(edited(example, ['familyGroupConferences', 0], {}), ['familyGroupConferences', 0]);
  });

  it('needs at least one form of exploitation, each once', () => {
    expectRefusedAt(edited(example, ['exploitationTypes'], []), ['exploitationTypes']);
    expectRefusedAt(
      edited(example, ['exploitationTypes'], ['cse', 'cse']),
      ['exploitationTypes', 1],
      /twice/,
    );
  });

  it('refuses CAWN notices listed when none was issued', () => {
    expectRefusedAt(edited(example, ['cawn', 'issued'], false), ['cawn', 'noticeIds'], /empty/);
  });

  it('refuses anything above OFFICIAL', () => {
    expectRefusedAt(
      edited(example, ['handling', 'classification'], 'SECRET'),
      ['handling', 'classification'],
      /OFFICIAL/,
    );
  });

  it('needs Schedule 1 conditions and an appropriate policy document where the law does', () => {
    const noSch1 = edited(example, ['lawfulBasis', 'dpa2018Sch1'], REMOVE);
    expectRefusedAt(noSch1, ['lawfulBasis', 'dpa2018Sch1'], /9\(2\)\(g\)/);
    const noApd = edited(example, ['lawfulBasis', 'appropriatePolicyDocumentRef'], REMOVE);
    expectRefusedAt(noApd, ['lawfulBasis', 'appropriatePolicyDocumentRef'], /Part 2/);
  });

  it('accepts a ZZ99 pseudo-postcode only when the address says so', () => {
    const pseudo = edited(example, ['subject', 'address', 'postcode'], 'ZZ99 3VZ');
    expectRefusedAt(pseudo, ['subject', 'address', 'postcode'], /postcode/);
    expect(parse(edited(pseudo, ['subject', 'address', 'pseudoPostcode'], true)).ok).toBe(true);
    expectRefusedAt(edited(example, ['subject', 'address', 'postcode'], 'SA1 1AI'), [
      'subject',
      'address',
      'postcode',
    ]);
  });

  it('refuses unknown fields by name', () => {
    const result = parse(edited(example, ['subject', 'nhsNumber'], '9434765919'));
    expect(result).toMatchObject({ ok: false, code: 'CONTRACT_INVALID' });
    expect(issueAt(result, ['subject', 'nhsNumber'])?.message).toMatch(/not a field/);
  });
});
