import { z } from 'zod';

/**
 * HMRC National Insurance number shape: two prefix letters (first not D F I Q U V, second not
 * D F I O Q U V; never BG GB KN NK NT TN ZZ), six digits, suffix A–D. Not in the domain
 * reference: the rules are HMRC's published format.
 */
const NINO = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;

/** Removes spaces and upper-cases a National Insurance number; `null` unless it then has the HMRC shape. */
export function normaliseNationalInsuranceNumber(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const nino = input.replace(/\s+/g, '').toUpperCase();
  return NINO.test(nino) ? nino : null;
}

/** True for a National Insurance number of HMRC shape, in any case and spacing. Never throws. */
export function isValidNationalInsuranceNumber(input: unknown): boolean {
  return normaliseNationalInsuranceNumber(input) !== null;
}

/** A National Insurance number; the parsed value has no spaces and is upper case. */
export const NationalInsuranceNumber = z
  .string()
  .max(32, 'must be a National Insurance number')
  .refine(isValidNationalInsuranceNumber, 'must be a National Insurance number such as AB 12 34 56 C')
  .transform((value) => normaliseNationalInsuranceNumber(value) ?? value)
  .meta({ description: 'National Insurance number, e.g. AB 12 34 56 C' });
export type NationalInsuranceNumber = z.infer<typeof NationalInsuranceNumber>;
