import { afterEach, describe, expect, it } from 'vitest';
import { allowTestNhsNumbers } from './allow-test-nhs-numbers.ts';
import { identifierIssueCode } from './identifier-issue.ts';
import {
  isNhsTestRange,
  isPlaceholderNhsNumber,
  isValidNhsNumber,
  NhsNumber,
  nhsCheckDigit,
  normaliseNhsNumber,
  PLACEHOLDER_NHS_NUMBERS,
} from './nhs-number.ts';

/** The one issue `NhsNumber` raises for `value`: its code, and whether its message quotes the input. */
function refusal(value: string) {
  const result = NhsNumber.safeParse(value);
  expect(result.success, value).toBe(false);
  const issues = result.error?.issues ?? [];
  expect(issues).toHaveLength(1);
  expect(issues[0]?.path).toEqual([]);
  expect(issues[0]?.message).not.toContain(value);
  return issues[0] ? identifierIssueCode(issues[0]) : undefined;
}

describe('NHS number (reference §3.1)', () => {
  it.each(['9434765919', '9434765870', '6541003238', '6716689966'])(
    'accepts the published valid number %s',
    (n) => {
      expect(isValidNhsNumber(n)).toBe(true);
    },
  );

  it.each(['9990000018', '9990000026', '9990000034', '9990000042', '9990000050', '9990000069'])(
    'accepts the synthetic test-range number %s and flags it as test range',
    (n) => {
      expect(isValidNhsNumber(n)).toBe(true);
      expect(isNhsTestRange(n)).toBe(true);
    },
  );

  it.each(['9434765871', '0000000001'])('refuses %s (check digit wrong)', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });

  it('trap: the nhs-number crate README examples fail modulus 11 and are refused', () => {
    expect(isValidNhsNumber('999 123 4560')).toBe(false);
    expect(isValidNhsNumber('987 654 4321')).toBe(false);
  });

  it('refuses numbers whose check comes to 10 (never issued)', () => {
    // 6 × 2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no tenth digit can be valid.
    const prefix = '000000006';
    expect(nhsCheckDigit(prefix)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${prefix}${d}`)).toBe(false);
  });

  it('accepts the display form NNN NNN NNNN (space or hyphen) and normalises to 10 digits', () => {
    expect(normaliseNhsNumber(' 943 476 5919 ')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(NhsNumber.parse('943 476 5919')).toBe('9434765919');
  });

  it('refuses other groupings, mixed separators and stray characters', () => {
    for (const form of [
      '94 34 76 59 19',
      '943 476-5919',
      '943  476 5919',
      '943.476.5919',
      '943476591',
      '94347659190',
      'NHS9434765919',
    ]) {
      expect(isValidNhsNumber(form), form).toBe(false);
    }
  });

  it('never throws on non-strings', () => {
    for (const value of [undefined, null, 9434765919, {}, [], Symbol('x')])
      expect(isValidNhsNumber(value)).toBe(false);
  });

  it('gives a format message and a check-digit message without echoing the input', () => {
    const shape = NhsNumber.safeParse('12345');
    const check = NhsNumber.safeParse('9434765871');
    expect(shape.error?.issues[0]?.message).toMatch(/10 digits/);
    expect(check.error?.issues[0]?.message).toMatch(/modulus 11/);
    expect(JSON.stringify(check.error?.issues)).not.toContain('9434765871');
  });

  it('gives the format and check-digit refusals codes', () => {
    expect(refusal('12345')).toBe('NHS_NUMBER_FORMAT');
    expect(refusal('9434765871')).toBe('NHS_NUMBER_CHECK_DIGIT');
  });
});

describe('NHS number placeholders', () => {
  it('every repeated digit and the runs 0123456789 and 9876543210 pass modulus 11 yet are refused', () => {
    const repeated = [...'0123456789'].map((d) => d.repeat(10));
    expect([...PLACEHOLDER_NHS_NUMBERS].sort()).toEqual([...repeated, '0123456789', '9876543210'].sort());
    for (const placeholder of PLACEHOLDER_NHS_NUMBERS) {
      expect(isValidNhsNumber(placeholder), placeholder).toBe(true);
      expect(isPlaceholderNhsNumber(placeholder), placeholder).toBe(true);
      expect(refusal(placeholder), placeholder).toBe('NHS_NUMBER_PLACEHOLDER');
    }
    // The ascending run with 0 last fails the check digit, so it needs no rule of its own.
    expect(isValidNhsNumber('1234567890')).toBe(false);
  });

  it('refuses a placeholder in display form too', () => {
    expect(refusal('000 000 0000')).toBe('NHS_NUMBER_PLACEHOLDER');
    expect(refusal('111-111-1111')).toBe('NHS_NUMBER_PLACEHOLDER');
    expect(isPlaceholderNhsNumber('943 476 5919')).toBe(false);
    expect(NhsNumber.safeParse('943 476 5919').success).toBe(true);
  });
});

describe('NHS test range (999…) only in a demo region', () => {
  afterEach(() => allowTestNhsNumbers(false));

  it('refuses a valid test-range number by default, with NHS_NUMBER_TEST_RANGE', () => {
    expect(refusal('9990000018')).toBe('NHS_NUMBER_TEST_RANGE');
    expect(refusal('999 000 0026')).toBe('NHS_NUMBER_TEST_RANGE');
  });

  it('accepts it once the demo region allows test numbers, and refuses it again when it stops', () => {
    allowTestNhsNumbers(true);
    expect(NhsNumber.parse('999 000 0018')).toBe('9990000018');
    // A placeholder inside the test range stays refused.
    expect(refusal('9999999999')).toBe('NHS_NUMBER_PLACEHOLDER');
    allowTestNhsNumbers(false);
    expect(refusal('9990000018')).toBe('NHS_NUMBER_TEST_RANGE');
  });
});
