import { describe, expect, it } from 'vitest';
import { isPseudoPostcode, isValidPostcode, normalisePostcode, Postcode } from './postcode.ts';

/** The widely copied "official gov.uk" regex, with its `[AZa-z]` typo (reference §3.3). */
const TYPO_REGEX =
  /^([Gg][Ii][Rr] 0[Aa]{2})|((([A-Za-z][0-9]{1,2})|(([A-Za-z][A-Ha-hJ-Yj-y][0-9]{1,2})|(([AZa-z][0-9][A-Za-z])|([A-Za-z][A-Ha-hJ-Yj-y][0-9]?[A-Za-z]))))\s?[0-9][A-Za-z]{2})$/;

describe('UK postcode (BS 7666, reference §3.3)', () => {
  it.each([
    'CF10 3NQ',
    'SA1 1AA',
    'NP20 2DW',
    'LL55 1SH',
    'SW1A 2AA',
    'EC1A 1BB',
    'W1A 0AX',
    'GIR 0AA',
    'BX1 1LT',
  ])('accepts %s', (postcode) => expect(isValidPostcode(postcode)).toBe(true));

  it.each([
    'QA1 1AA',
    'SA1 1AI',
    'VA1 1AA',
    'XA1 1AA',
    'AI1 1AA',
    'AJ1 1AA',
    'AZ1 1AA',
    'W1I 0AX',
    'SW1C 2AA',
    'SA1 1CA',
    'SA1',
    '1AA',
  ])('refuses %s', (postcode) => expect(isValidPostcode(postcode)).toBe(false));

  it('trap: the typo regex wrongly refuses ANA outward codes like W1A; this validator accepts them', () => {
    expect(TYPO_REGEX.test('W1A 0AX')).toBe(false);
    expect(TYPO_REGEX.test('E1W 1AA')).toBe(false);
    expect(isValidPostcode('W1A 0AX')).toBe(true);
    expect(isValidPostcode('E1W 1AA')).toBe(true);
  });

  it('normalises case and spacing to one space before the inward code', () => {
    expect(normalisePostcode('sa1  1aa')).toBe('SA1 1AA');
    expect(normalisePostcode('SA11AA')).toBe('SA1 1AA');
    expect(normalisePostcode(' cf103nq ')).toBe('CF10 3NQ');
    expect(Postcode.parse('np202dw')).toBe('NP20 2DW');
  });

  it('refuses NHS pseudo-postcodes (ZZ99) unless asked for them explicitly', () => {
    expect(isValidPostcode('ZZ99 3VZ')).toBe(false);
    expect(isPseudoPostcode('zz993vz')).toBe(true);
    expect(isPseudoPostcode('SA1 1AA')).toBe(false);
  });

  it('never throws on non-strings or long strings', () => {
    for (const value of [undefined, null, 42, {}, 'S'.repeat(100_000)])
      expect(isValidPostcode(value)).toBe(false);
  });

  it.each([
    ['BFPO 123', 'BFPO 123'],
    ['bfpo 1', 'BFPO 1'],
    ['BFPO2000', 'BFPO 2000'],
    ['  bfpo   57 ', 'BFPO 57'],
  ])('accepts the BFPO address %s as %s', (typed, normalised) => {
    expect(isValidPostcode(typed)).toBe(true);
    expect(normalisePostcode(typed)).toBe(normalised);
    expect(Postcode.parse(typed)).toBe(normalised);
  });

  it.each(['BFPO', 'BFPO 0', 'BFPO 012', 'BFPO 12345', 'BFPO 12A', 'BFP0 123', 'BF PO 123'])(
    'refuses the malformed BFPO %s',
    (typed) => expect(isValidPostcode(typed)).toBe(false),
  );
});
