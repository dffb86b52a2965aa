import { z } from 'zod';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { PoliceForceCode } from '../../identifiers/police-force-code.ts';
import {
  isPseudoPostcode,
  isValidPostcode,
  normalisePostcode,
  normalisePseudoPostcode,
  Postcode,
} from '../../identifiers/postcode.ts';
import { refuseForceOutsideArea } from './area-checks.ts';
import { IsoDateTime } from './dates.ts';
import type { IssueSink } from './notification-base.ts';
import { LongText, ShortText } from './text.ts';

/**
 * A postal address. `postcode` must have the BS 7666 shape, unless `pseudoPostcode` is true,
 * when it must be an NHS pseudo-postcode (`ZZ99 …`, e.g. no fixed abode). Postcodes are
 * normalised (`SA1 1AA`).
 */
export const Address = z
  .strictObject({
    lines: z.array(ShortText).min(1).max(6),
    postcode: z
      .string()
      .max(16)
      .meta({ description: 'UK postcode (BS 7666), or ZZ99 nAA when pseudoPostcode is true' }),
    uprn: z
      .string()
      .regex(/^\d{1,12}$/, 'must be a UPRN (up to 12 digits)')
      .optional(),
    pseudoPostcode: z.literal(true).optional(),
  })
  .superRefine((address, ctx) => {
    if (address.pseudoPostcode === true) {
      if (!isPseudoPostcode(address.postcode)) {
        ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'must be a pseudo-postcode ZZ99 nAA' });
      }
    } else if (!isValidPostcode(address.postcode)) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'must be a UK postcode such as SA1 1AA' });
    }
  })
  .transform((address) => ({
    ...address,
    postcode:
      normalisePostcode(address.postcode) ?? normalisePseudoPostcode(address.postcode) ?? address.postcode,
  }));
export type Address = z.infer<typeof Address>;

const placeShape = {
  description: LongText,
  postcode: Postcode.optional(),
  la: LocalAuthorityCode.optional(),
  pfa: PoliceForceCode.optional(),
};

/** Refuses a police force area that does not cover the place's local authority (POLICE_FORCE_NOT_FOR_AREA). */
export function refinePlace(
  place: { la?: string | undefined; pfa?: string | undefined },
  ctx: IssueSink,
): void {
  if (place.la !== undefined && place.pfa !== undefined)
    refuseForceOutsideArea(ctx, ['pfa'], place.la, place.pfa);
}

/**
 * A place: what it is, and where known its postcode, local authority and police force area (the
 * force must cover the authority).
 */
export const Location = z.strictObject(placeShape).superRefine(refinePlace);
export type Location = z.infer<typeof Location>;

/** A place and the time the child was there (found, seen). */
export const TimedLocation = z.strictObject({ ...placeShape, at: IsoDateTime }).superRefine(refinePlace);
export type TimedLocation = z.infer<typeof TimedLocation>;

/** A place and, where known, the time (reported missing from). */
export const ReportedLocation = z
  .strictObject({ ...placeShape, at: IsoDateTime.optional() })
  .superRefine(refinePlace);
export type ReportedLocation = z.infer<typeof ReportedLocation>;
