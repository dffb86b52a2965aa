import { z } from 'zod';
import { ShortText, uniqueList } from './text.ts';

/** UK GDPR Article 6(1) bases; (ea) is the recognised legitimate interest added in 2025. */
export const UkGdprArt6 = z.enum(['6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(ea)', '6(1)(f)']);
export type UkGdprArt6 = z.infer<typeof UkGdprArt6>;
/** UK GDPR Article 9(2) conditions for special-category data. */
export const UkGdprArt9 = z.enum(['9(2)(c)', '9(2)(g)', '9(2)(h)']);
export type UkGdprArt9 = z.infer<typeof UkGdprArt9>;
/** DPA 2018 Schedule 1 conditions; para 2 is in Part 1, paras 6, 10 and 18 in Part 2. */
export const Dpa2018Sch1 = z.enum(['para2', 'para6', 'para10', 'para18']);
export type Dpa2018Sch1 = z.infer<typeof Dpa2018Sch1>;
/** Statutory gateways for sharing. */
export const StatutoryGateway = z.enum(['SSWBA2014_s130', 'SSWBA2014_s164', 'CA2004_s28', 'CA1989_s47']);
export type StatutoryGateway = z.infer<typeof StatutoryGateway>;
/** Consent position; the last three are DPA 2018 Sch 1 para 18(2)(a)–(c). */
export const Consent = z.enum([
  'not_required',
  'sought_given',
  'sought_refused',
  'not_sought_cannot_be_given',
  'not_sought_cannot_reasonably_obtain',
  'not_sought_would_prejudice_protection',
]);
export type Consent = z.infer<typeof Consent>;

const PART_2_CONDITIONS: readonly Dpa2018Sch1[] = ['para6', 'para10', 'para18'];

/**
 * The lawful basis of a share (reference §2.2). Art 9(2)(g)/(h) need a DPA 2018 Sch 1
 * condition, and a Part 2 condition needs an appropriate policy document reference. Police
 * senders must also give `dpaPart3` (checked by `checkSenderRules`).
 */
export const LawfulBasis = z
  .strictObject({
    ukGdprArt6: uniqueList(UkGdprArt6, 5).min(1, 'must name at least one Article 6 basis'),
    ukGdprArt9: uniqueList(UkGdprArt9, 3).optional(),
    dpa2018Sch1: uniqueList(Dpa2018Sch1, 4).optional(),
    dpaPart3: z
      .strictObject({
        isLawEnforcementProcessing: z.boolean(),
        s35Condition: z.enum(['sch8_para1', 'sch8_para3', 'sch8_para4']).optional(),
      })
      .optional(),
    statutoryGateways: uniqueList(StatutoryGateway, 4).optional(),
    consent: Consent,
    appropriatePolicyDocumentRef: ShortText.optional(),
  })
  .superRefine((basis, ctx) => {
    const art9 = basis.ukGdprArt9 ?? [];
    const sch1 = basis.dpa2018Sch1 ?? [];
    if ((art9.includes('9(2)(g)') || art9.includes('9(2)(h)')) && sch1.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['dpa2018Sch1'],
        message: 'is required when relying on Article 9(2)(g) or 9(2)(h)',
      });
    }
    if (sch1.some((c) => PART_2_CONDITIONS.includes(c)) && basis.appropriatePolicyDocumentRef === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['appropriatePolicyDocumentRef'],
        message: 'is required when a Schedule 1 Part 2 condition (para 6, 10 or 18) is used',
      });
    }
  });
export type LawfulBasis = z.infer<typeof LawfulBasis>;
