import { z } from 'zod';
import { testNhsNumbersAllowed } from './allow-test-nhs-numbers.ts';
import { identifierIssue } from './identifier-issue.ts';

/** Weights for digits 1–9 of the modulus 11 check (reference §3.1). */
const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
/** Ten digits, or the display form `NNN NNN NNNN` with one kind of separator (space or hyphen) used twice. */
const ACCEPTED_FORM = /^(\d{3})([ -]?)(\d{3})\2(\d{4})$/;

/**
 * The modulus 11 check digit for the first nine digits of an NHS number, or `null` when the
 * check comes to 10 (such numbers are never issued) or the input is not nine digits.
 */
export function nhsCheckDigit(nineDigits: string): number | null {
  if (!/^\d{9}$/.test(nineDigits)) return null;
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += Number(nineDigits[i]) * weight;
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/**
 * Normalises an NHS number to its ten digits. Accepts ten bare digits or the display form
 * `NNN NNN NNNN` (or `NNN-NNN-NNNN`), with surrounding white space; anything else (other
 * groupings, mixed separators, letters) gives `null`. Does not check the check digit.
 */
export function normaliseNhsNumber(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const match = ACCEPTED_FORM.exec(input.trim());
  if (!match) return null;
  return `${match[1]}${match[3]}${match[4]}`;
}

/**
 * True when `input` is an NHS number in an accepted form whose tenth digit is the modulus 11
 * check digit of the first nine. Never throws.
 *
 * @example isValidNhsNumber('943 476 5919') // true
 */
export function isValidNhsNumber(input: unknown): boolean {
  const digits = normaliseNhsNumber(input);
  if (digits === null) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** True for numbers in the never-issued test range 999 000 0000 – 999 999 9999 (reference §3.1). */
export function isNhsTestRange(input: unknown): boolean {
  const digits = normaliseNhsNumber(input);
  return digits?.startsWith('999') ?? false;
}

/**
 * Ten-digit strings that pass modulus 11 but are typed where the number is unknown: every
 * repeated digit (`0000000000`, `1111111111`, … all pass, since the weights sum to 54 ≡ −1
 * mod 11) and the runs `0123456789` and `9876543210` (`1234567890` fails the check anyway).
 * None can be a real number, and accepting one would file different children under one subject.
 */
export const PLACEHOLDER_NHS_NUMBERS: ReadonlySet<string> = new Set([
  ...[...'0123456789'].map((digit) => digit.repeat(10)),
  '0123456789',
  '9876543210',
]);

/** True when `input` normalises to a placeholder NHS number ({@link PLACEHOLDER_NHS_NUMBERS}). Never throws. */
export function isPlaceholderNhsNumber(input: unknown): boolean {
  const digits = normaliseNhsNumber(input);
  return digits !== null && PLACEHOLDER_NHS_NUMBERS.has(digits);
}

/**
 * An NHS number (England, Wales, Isle of Man): ten digits passing the modulus 11 check; the
 * display form `NNN NNN NNNN` is accepted and the parsed value is the ten digits. Placeholders
 * are refused (NHS_NUMBER_PLACEHOLDER), and so is the test range 999… (NHS_NUMBER_TEST_RANGE)
 * unless `allowTestNhsNumbers` turned it on for a demo region. Issuing ranges are
 * deliberately not enforced (reference §3.1: the published ranges are inconsistent).
 */
export const NhsNumber = z
  .string()
  .max(32, 'must be an NHS number')
  .superRefine((value, ctx) => {
    const digits = normaliseNhsNumber(value);
    if (digits === null) ctx.addIssue(identifierIssue('NHS_NUMBER_FORMAT'));
    else if (!isValidNhsNumber(digits)) ctx.addIssue(identifierIssue('NHS_NUMBER_CHECK_DIGIT'));
    else if (PLACEHOLDER_NHS_NUMBERS.has(digits)) ctx.addIssue(identifierIssue('NHS_NUMBER_PLACEHOLDER'));
    else if (isNhsTestRange(digits) && !testNhsNumbersAllowed()) {
      ctx.addIssue(identifierIssue('NHS_NUMBER_TEST_RANGE'));
    }
  })
  .transform((value) => normaliseNhsNumber(value) ?? value)
  .meta({ description: 'NHS number: 10 digits passing the modulus 11 check, or NNN NNN NNNN' });
export type NhsNumber = z.infer<typeof NhsNumber>;
