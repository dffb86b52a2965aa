import { z } from 'zod';

/** Outward code shapes AN, ANN, ANA, AAN, AANN, AANA with the BS 7666 letter rules per position. */
const OUTWARD = '[A-PR-UWYZ](?:\\d{1,2}|\\d[A-HJKSTUW]|[A-HK-Y]\\d{1,2}|[A-HK-Y]\\d[ABEHMNPRVWXY])';
/** Inward code NAA; the letters are never C, I, K, M, O or V. */
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';

/**
 * BS 7666 postcode shape (Cabinet Office BS7666 v2.0 `PostCodeType`, translated from XSD
 * class subtraction to JavaScript), in the normalised form: upper case, one space, plus the
 * special case `GIR 0AA`. Shape only: a match need not exist in the PAF.
 */
export const POSTCODE_PATTERN = new RegExp(`^(?:${OUTWARD} ${INWARD}|GIR 0AA)$`);
/**
 * British Forces Post Office numbers (`BFPO 123`), the postcode of an address of the armed forces
 * abroad (reference §3.3: "BFPO addresses use `BFPO nnnn`" [S]): one to four digits, no leading 0.
 */
export const BFPO_PATTERN = /^BFPO [1-9]\d{0,3}$/;
/** NHS pseudo-postcodes such as `ZZ99 3VZ` (no fixed abode); valid only where a field says so. */
export const PSEUDO_POSTCODE_PATTERN = /^ZZ99 \d[A-Z]{2}$/;

/** Upper-cases, removes white space and puts one space before the inward code. */
function tidy(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return compact.length < 5 ? compact : `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** `bfpo123`, `BFPO  123` → `BFPO 123`; anything else unchanged. */
function tidyBfpo(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/^BFPO\s*(?=\d)/, 'BFPO ');
}

/**
 * Normalises a UK postcode (`sa1  1aa`, `SA11AA` → `SA1 1AA`) or a BFPO number (`bfpo123` →
 * `BFPO 123`); `null` if the result has neither the BS 7666 nor the BFPO shape.
 */
export function normalisePostcode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 16) return null;
  const postcode = tidy(input);
  if (POSTCODE_PATTERN.test(postcode)) return postcode;
  const bfpo = tidyBfpo(input);
  return BFPO_PATTERN.test(bfpo) ? bfpo : null;
}

/**
 * True when `input` is a UK postcode of BS 7666 shape or a BFPO number, in any case and
 * spacing. Never throws.
 *
 * @example isValidPostcode('sa1 1aa') // true
 */
export function isValidPostcode(input: unknown): boolean {
  return normalisePostcode(input) !== null;
}

/** Normalises an NHS pseudo-postcode (`zz993vz` → `ZZ99 3VZ`); `null` if it is not one. */
export function normalisePseudoPostcode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 16) return null;
  const postcode = tidy(input);
  return PSEUDO_POSTCODE_PATTERN.test(postcode) ? postcode : null;
}

/** True when `input` is an NHS pseudo-postcode (`ZZ99 nAA`). Never throws. */
export function isPseudoPostcode(input: unknown): boolean {
  return normalisePseudoPostcode(input) !== null;
}

/** A UK postcode of BS 7666 shape, or a BFPO number; the parsed value is normalised (`SA1 1AA`). */
export const Postcode = z
  .string()
  .max(16, 'must be a UK postcode')
  .refine(isValidPostcode, 'must be a UK postcode such as SA1 1AA, or BFPO and its number')
  .transform((value) => normalisePostcode(value) ?? value)
  .meta({ description: 'UK postcode of BS 7666 shape, any case and spacing, e.g. SA1 1AA; or BFPO 123' });
export type Postcode = z.infer<typeof Postcode>;
