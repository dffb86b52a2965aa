import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorityName, CHILDRENS_SERVICES_AUTHORITIES } from './authorities.ts';
import { isValidHealthBoardCode } from './health-board-code.ts';
import { identifierIssueCode } from './identifier-issue.ts';
import { isValidLocalAuthorityCode } from './local-authority-code.ts';
import { isValidNationalInsuranceNumber } from './national-insurance-number.ts';
import { isPlaceholderNhsNumber, isValidNhsNumber, NhsNumber, nhsCheckDigit } from './nhs-number.ts';
import { organisationName } from './organisation-name.ts';
import { isValidPoliceForceCode } from './police-force-code.ts';
import { forceCovers, policeForceFor } from './police-force-for.ts';
import { POLICE_FORCES, policeForceName } from './police-forces.ts';
import { isPseudoPostcode, isValidPostcode, normalisePostcode, POSTCODE_PATTERN } from './postcode.ts';
import { isValidUpn, upnCheckLetter } from './upn.ts';

const RUNS = { seed: 20250314, numRuns: 200 } as const;
const validators = [
  isValidNhsNumber,
  isPlaceholderNhsNumber,
  isValidUpn,
  isValidPostcode,
  isPseudoPostcode,
  isValidLocalAuthorityCode,
  isValidHealthBoardCode,
  isValidPoliceForceCode,
  isValidNationalInsuranceNumber,
];

describe('identifier validators (property-based)', () => {
  it('never throw and always answer a boolean, whatever the input', () => {
    const input = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything());
    fc.assert(
      fc.property(input, (value) => {
        for (const validate of validators) expect(typeof validate(value)).toBe('boolean');
        expect(typeof forceCovers(value, value)).toBe('boolean');
        expect(typeof forceCovers('BTP', value)).toBe('boolean');
        for (const lang of ['en', 'cy'] as const) {
          expect(['string', 'undefined']).toContain(typeof authorityName(value, lang));
          expect(['string', 'undefined']).toContain(typeof policeForceName(value, lang));
        }
        expect(['string', 'undefined']).toContain(typeof policeForceFor(value));
        expect(['object', 'undefined']).toContain(typeof organisationName(value));
      }),
      RUNS,
    );
  });

  it('NHS numbers: appending the check digit gives a valid number and any single-digit change is caught', () => {
    const nine = fc.stringMatching(/^\d{9}$/);
    fc.assert(
      fc.property(nine, fc.nat(9), fc.integer({ min: 1, max: 9 }), (prefix, position, delta) => {
        const check = nhsCheckDigit(prefix);
        fc.pre(check !== null);
        const valid = `${prefix}${check}`;
        expect(isValidNhsNumber(valid)).toBe(true);
        const digit = (Number(valid[position]) + delta) % 10;
        const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(isValidNhsNumber(changed)).toBe(false);
      }),
      RUNS,
    );
  });

  it('UPNs: the computed check letter validates and any single-digit change is caught', () => {
    const rest = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(rest, fc.nat(11), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const upn = `${upnCheckLetter(digits)}${digits}`;
        expect(isValidUpn(upn)).toBe(true);
        const digit = (Number(digits[position]) + delta) % 10;
        const changed = `${upn[0]}${digits.slice(0, position)}${digit}${digits.slice(position + 1)}`;
        expect(isValidUpn(changed)).toBe(false);
      }),
      RUNS,
    );
  });

  it('postcodes: any case and spacing of a valid postcode normalises to it, and normalising again changes nothing', () => {
    // Valid postcodes in normalised form, then written the ways people type them.
    const written = fc
      .stringMatching(POSTCODE_PATTERN)
      .chain((postcode) =>
        fc.tuple(
          fc.constant(postcode),
          fc.array(fc.boolean(), { minLength: postcode.length, maxLength: postcode.length }),
          fc.array(fc.constantFrom('', '', ' ', '  ', '\t'), {
            minLength: postcode.length + 1,
            maxLength: postcode.length + 1,
          }),
        ),
      )
      .map(([postcode, lower, gaps]) => {
        const chars = [...postcode.replace(' ', '')].map((c, i) => (lower[i] ? c.toLowerCase() : c));
        return { postcode, typed: chars.map((c, i) => `${gaps[i]}${c}`).join('') + gaps[chars.length] };
      })
      .filter(({ typed }) => typed.length <= 16);
    let checked = 0;
    fc.assert(
      fc.property(written, ({ postcode, typed }) => {
        const once = normalisePostcode(typed);
        expect(once).toBe(postcode);
        expect(normalisePostcode(once)).toBe(once);
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThanOrEqual(RUNS.numRuns);
  });

  it('authority → force: of the 43 territorial forces, exactly the one the table names covers each authority', () => {
    const territorial = POLICE_FORCES.filter(
      (f) => f.jurisdiction === 'england' || f.jurisdiction === 'wales',
    );
    fc.assert(
      fc.property(fc.constantFrom(...CHILDRENS_SERVICES_AUTHORITIES), (authority) => {
        const covering = territorial.filter((force) => forceCovers(force.code, authority.code));
        expect(covering.map((force) => force.code)).toEqual([policeForceFor(authority.code)]);
        expect(forceCovers('BTP', authority.code)).toBe(true);
      }),
      RUNS,
    );
  });

  it('NHS numbers: a valid number in the test range is refused by default, whatever its digits', () => {
    const six = fc.stringMatching(/^\d{6}$/);
    fc.assert(
      fc.property(six, (middle) => {
        const check = nhsCheckDigit(`999${middle}`);
        fc.pre(check !== null && !isPlaceholderNhsNumber(`999${middle}${check}`));
        const result = NhsNumber.safeParse(`999${middle}${check}`);
        const issue = result.error?.issues[0];
        expect(issue && identifierIssueCode(issue)).toBe('NHS_NUMBER_TEST_RANGE');
      }),
      RUNS,
    );
  });

  it('BFPO numbers: any case and spacing normalises to BFPO and the number', () => {
    const typed = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('BFPO', 'bfpo', 'Bfpo'),
        fc.constantFrom('', ' ', '  ', '\t'),
        fc.constantFrom('', ' '),
      )
      .map(([n, word, gap, pad]) => ({ n, text: `${pad}${word}${gap}${n}${pad}` }));
    fc.assert(
      fc.property(typed, ({ n, text }) => {
        expect(normalisePostcode(text)).toBe(`BFPO ${n}`);
        expect(normalisePostcode(normalisePostcode(text))).toBe(`BFPO ${n}`);
      }),
      RUNS,
    );
  });
});
