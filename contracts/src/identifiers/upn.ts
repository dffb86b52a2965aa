import { z } from 'zod';

/** The 23 check letters of the UPN scheme (I, O and S excluded); a letter's index is its value. */
export const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
/** DfE LA numbers used in Welsh UPNs (census rule 1530); python-stdnum's list wrongly omits them. */
export const WELSH_UPN_LA_NUMBERS = { min: 660, max: 681 } as const;

const PERMANENT = /^[A-HJ-NP-RT-Z]\d{12}$/;
const TEMPORARY = /^[A-HJ-NP-RT-Z]\d{11}[A-HJ-NP-RT-Z]$/;

/**
 * The check letter (character 1) for characters 2–13 of a UPN: the sum of each character's
 * value times its position (2–13), mod 23, as a letter of {@link UPN_ALPHABET}. A final letter
 * (temporary UPN) counts as its alphabet index. `null` if `rest` is not in UPN shape.
 */
export function upnCheckLetter(rest: string): string | null {
  if (!PERMANENT.test(`A${rest}`) && !TEMPORARY.test(`A${rest}`)) return null;
  let sum = 0;
  for (const [i, char] of [...rest].entries()) {
    const value = /\d/.test(char) ? Number(char) : UPN_ALPHABET.indexOf(char);
    sum += value * (i + 2);
  }
  return UPN_ALPHABET[sum % 23] ?? null;
}

/** Trims and upper-cases a UPN; `null` unless it then has the permanent or temporary UPN shape. */
export function normaliseUpn(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const upn = input.trim().toUpperCase();
  return PERMANENT.test(upn) || TEMPORARY.test(upn) ? upn : null;
}

/**
 * True when `input` is a 13-character Unique Pupil Number (permanent `Annnnnnnnnnnn` or
 * temporary `AnnnnnnnnnnnA`) whose first letter is the modulus 23 check letter. The LA
 * component is not restricted, so Welsh UPNs (LA numbers 660–681) are valid. Never throws.
 *
 * @example isValidUpn('B801200005001') // true
 */
export function isValidUpn(input: unknown): boolean {
  const upn = normaliseUpn(input);
  return upn !== null && upnCheckLetter(upn.slice(1)) === upn[0];
}

/** True when a valid UPN is temporary (ends in a letter). */
export function isTemporaryUpn(input: unknown): boolean {
  const upn = normaliseUpn(input);
  return upn !== null && isValidUpn(upn) && /[A-Z]$/.test(upn);
}

/** True when a valid UPN was issued by a Welsh LA (LA number 660–681). */
export function isWelshUpn(input: unknown): boolean {
  const upn = normaliseUpn(input);
  if (upn === null || !isValidUpn(upn)) return false;
  const la = Number(upn.slice(1, 4));
  return la >= WELSH_UPN_LA_NUMBERS.min && la <= WELSH_UPN_LA_NUMBERS.max;
}

/**
 * A Unique Pupil Number with a correct check letter; parsed value is upper case. Welsh LA
 * numbers 660–681 are accepted (the LA component is not checked against a list).
 */
export const Upn = z
  .string()
  .max(32, 'must be a UPN')
  .superRefine((value, ctx) => {
    const upn = normaliseUpn(value);
    if (upn === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a UPN: a check letter and 12 digits (or 11 digits and a letter)',
      });
    } else if (!isValidUpn(upn)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid UPN: the check letter is wrong' });
    }
  })
  .transform((value) => normaliseUpn(value) ?? value)
  .meta({ description: 'Unique Pupil Number: check letter and 12 digits (or 11 digits and a letter)' });
export type Upn = z.infer<typeof Upn>;
