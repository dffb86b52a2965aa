import { z } from 'zod';
import { LocalAuthorityCode } from './local-authority-code.ts';
import { PoliceForceCode } from './police-force-code.ts';

/** Organisation code schemes (reference §2, `sender.org`). */
export const OrgScheme = z.enum([
  'ons_gss_lad',
  'ons_pfa',
  'nhs_ods',
  'ofsted_urn',
  'ciw_service_ref',
  'iso3166_2_gb',
  'charity_no',
]);
export type OrgScheme = z.infer<typeof OrgScheme>;

/** NHS ODS organisation code shape (health boards `7A1`–`7A7`, trusts, ICBs, practices). */
export const OdsCode = z.string().regex(/^[A-Z0-9]{3,6}$/, 'must be an NHS ODS code (3–6 letters or digits)');
/** Ofsted social-care URN: `SC` and six digits, or seven digits for newly registered providers. */
export const OfstedUrn = z
  .string()
  .regex(/^(?:SC\d{6}|\d{7})$/, 'must be an Ofsted URN (SC123456 or 1234567)');

const name = z.string().trim().min(1, 'must not be empty').max(200);
const of = <S extends OrgScheme, V extends z.ZodType>(scheme: S, value: V) =>
  z.strictObject({ scheme: z.literal(scheme), value, name });

/**
 * An organisation named by a code scheme, with the value checked per scheme, and its name.
 * CIW service references are only shape-checked: their numbering was not researched.
 */
export const OrgRef = z.discriminatedUnion('scheme', [
  of('ons_gss_lad', LocalAuthorityCode),
  of('ons_pfa', PoliceForceCode),
  of('nhs_ods', OdsCode),
  of('ofsted_urn', OfstedUrn),
  of('ciw_service_ref', z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'must be a CIW service reference')),
  of('iso3166_2_gb', z.string().regex(/^GB-[A-Z]{3}$/, 'must be an ISO 3166-2:GB code such as GB-SWA')),
  of('charity_no', z.string().regex(/^(?:\d{6,8}(?:-\d{1,2})?|SC\d{6})$/, 'must be a charity number')),
]);
export type OrgRef = z.infer<typeof OrgRef>;
