import { z } from 'zod';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { NationalInsuranceNumber } from '../../identifiers/national-insurance-number.ts';
import { NhsNumber } from '../../identifiers/nhs-number.ts';
import { Upn } from '../../identifiers/upn.ts';
import { IsoDate } from './dates.ts';
import { Address } from './location.ts';
import { LongText, ShortText, text } from './text.ts';

const verified = z.boolean().optional();
/** Identifier types without a published check: shape is the sending system's own. */
const UNCHECKED_TYPES = [
  'la_person_id',
  'la_case_number',
  'home_office_ref',
  'yot_number',
  'court_case_number',
  'raa_id',
  'incident_id',
] as const;

/**
 * One identifier of the child (reference §2.1), validated per type: NHS numbers by modulus 11,
 * UPNs by check letter, NI numbers by HMRC shape. `verified` is false for an untraced NHS number.
 */
export const SubjectIdentifier = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('nhs_number'), value: NhsNumber, verified }),
  z.strictObject({ type: z.literal('upn'), value: Upn, verified }),
  z.strictObject({ type: z.literal('former_upn'), value: Upn, verified }),
  z.strictObject({ type: z.literal('ni_number'), value: NationalInsuranceNumber, verified }),
  z.strictObject({ type: z.enum(UNCHECKED_TYPES), value: text(64), verified }),
]);
export type SubjectIdentifier = z.infer<typeof SubjectIdentifier>;

/** A person's name: family and given names required; preferred name and aliases (nicknames) optional. */
export const PersonName = z.strictObject({
  family: text(100),
  given: text(100),
  preferred: text(100).optional(),
  aliases: z.array(text(100)).max(20).optional(),
});
export type PersonName = z.infer<typeof PersonName>;

/** A value in the sending system's own code list, with its text. */
export const CodedValue = z.strictObject({ code: text(16), text: text(100).optional() });
export type CodedValue = z.infer<typeof CodedValue>;

/** Ethnicity in a named scheme (e.g. census 18+1 categories). */
export const Ethnicity = z.strictObject({ scheme: text(50), code: text(16), text: text(100).optional() });
export type Ethnicity = z.infer<typeof Ethnicity>;

/** England SSDA903 legal status codes (reference §2.1); Welsh CLA census codes were not read. */
export const Ssda903LegalStatus = z.enum([
  'C1',
  'C2',
  'D1',
  'E1',
  'V2',
  'V3',
  'V4',
  'L1',
  'L2',
  'L3',
  'J1',
  'J2',
  'J3',
]);
export type Ssda903LegalStatus = z.infer<typeof Ssda903LegalStatus>;

/** A legal status: a closed SSDA903 code, or another scheme's code with its text. */
export const LegalStatus = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('ssda903'), code: Ssda903LegalStatus }),
  z.strictObject({ scheme: z.literal('other'), code: text(16), text: ShortText }),
]);
export type LegalStatus = z.infer<typeof LegalStatus>;

/** The child's care status. */
export const CareStatus = z.enum([
  'looked_after',
  'cp_plan',
  'care_and_support_plan',
  'care_leaver',
  'none',
  'unknown',
]);
export type CareStatus = z.infer<typeof CareStatus>;

/**
 * A disability or additional learning needs (Wales: ALN and an individual development plan;
 * England: SEN and an education, health and care plan). A plan needs additional learning needs.
 */
export const AdditionalNeeds = z
  .strictObject({
    disability: z.boolean().optional(),
    additionalLearningNeeds: z.boolean().optional(),
    plan: z.enum(['IDP', 'EHCP', 'none', 'unknown']).optional(),
    details: LongText.optional(),
  })
  .superRefine((needs, ctx) => {
    if ((needs.plan === 'IDP' || needs.plan === 'EHCP') && needs.additionalLearningNeeds !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['additionalLearningNeeds'],
        message: 'must be true when a plan is named',
      });
    }
  });
export type AdditionalNeeds = z.infer<typeof AdditionalNeeds>;

/**
 * The child a notification is about (reference §2.1). The age rule (under 18 at `occurredAt`,
 * except care leavers) is checked by each kind, which knows `occurredAt`.
 */
export const Subject = z
  .strictObject({
    identifiers: z.array(SubjectIdentifier).max(20).optional(),
    name: PersonName,
    dateOfBirth: IsoDate,
    dateOfBirthEstimated: z.boolean().optional(),
    sex: CodedValue.optional(),
    gender: CodedValue.optional(),
    ethnicity: Ethnicity.optional(),
    address: Address.optional(),
    legalStatus: LegalStatus.optional(),
    careStatus: CareStatus.optional(),
    responsibleAuthority: LocalAuthorityCode.optional(),
    /** Disability or additional learning needs ("it also applies to … children with learning difficulties, disabilities", Dudley 2014). */
    additionalNeeds: AdditionalNeeds.optional(),
    /** An unaccompanied asylum-seeking child (PCC deep dive 2023: children missing from Home Office hotels). */
    unaccompaniedAsylumSeeking: z.boolean().optional(),
    /** The reference of a warning marker on the Police National Computer ("an alert is on the PNC", Dudley 2014). */
    pncMarkerRef: text(32).optional(),
  })
  .superRefine((subject, ctx) => {
    const seen = new Set<string>();
    for (const [i, identifier] of (subject.identifiers ?? []).entries()) {
      const once = identifier.type === 'nhs_number' || identifier.type === 'upn';
      const key = once ? identifier.type : `${identifier.type}|${identifier.value}`;
      if (seen.has(key)) {
        const message = once ? `only one ${identifier.type} may be given` : 'is listed twice';
        ctx.addIssue({ code: 'custom', path: ['identifiers', i], message });
      }
      seen.add(key);
    }
  });
export type Subject = z.infer<typeof Subject>;
