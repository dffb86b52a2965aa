import { describe, expect, it } from 'vitest';
import {
  isNhsTestRange,
  isValidNhsNumber,
  NhsNumber,
  nhsCheckDigit,
  normaliseNhsNumber,
} from './nhs-number.ts';

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
});
