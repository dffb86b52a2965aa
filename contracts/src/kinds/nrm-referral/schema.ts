import { z } from 'zod';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { datePart, IsoDate, IsoDateTime, isUnder18On } from '../shared/dates.ts';
import { NrmStage } from '../shared/exploitation.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, ShortText, text, uniqueList } from '../shared/text.ts';

/** Forms of modern slavery in NRM statistics (reference §4.8; the Home Office list is unconfirmed). */
export const NrmExploitationType = z.enum([
  'sexual',
  'criminal',
  'labour',
  'domestic_servitude',
  'organ_harvesting',
  'unknown',
]);
export type NrmExploitationType = z.infer<typeof NrmExploitationType>;

/** First responder organisations (Modern Slavery Act 2015 statutory guidance; reference §4.8). */
export const FirstResponderType = z.enum(['local_authority', 'police', 'home_office', 'nca', 'glaa', 'ngo']);
export type FirstResponderType = z.infer<typeof FirstResponderType>;

/** A grounds decision: positive or negative, and when. */
export const GroundsDecision = z.strictObject({
  decision: z.enum(['positive', 'negative']),
  decidedAt: IsoDate,
});
export type GroundsDecision = z.infer<typeof GroundsDecision>;

/** The Independent Child Trafficking Guardian referral every child referral needs ("all NRM for children need an ICTA"). */
export const IctgReferral = z.strictObject({
  made: z.boolean(),
  madeAt: IsoDateTime.optional(),
  serviceArea: ShortText.optional(),
  reasonNotMade: LongText.optional(),
});
export type IctgReferral = z.infer<typeof IctgReferral>;

/**
 * `nrm-referral` v1: a National Referral Mechanism referral for a child or an adult (reference
 * §4.8; the boards count them apart). A child needs an ICTG referral and no consent; an adult's
 * referral needs consent (without it the duty to notify applies instead). Decisions run
 * reasonable grounds, then conclusive grounds after a positive one, and the stage says where it is.
 */
export const NrmReferral = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    personType: z.enum(['child', 'adult']),
    ageDisputed: z.boolean().optional(),
    firstResponder: z.strictObject({ org: OrgRef, type: FirstResponderType }),
    referredAt: IsoDateTime,
    nrmReference: text(64).optional(),
    exploitationTypes: uniqueList(NrmExploitationType, 6).min(
      1,
      'must name at least one form of exploitation',
    ),
    countyLinesFlag: z.boolean().optional(),
    exploitationLocation: z.enum(['uk_only', 'overseas_only', 'uk_and_overseas', 'unknown']).optional(),
    decisionStage: NrmStage,
    reasonableGrounds: GroundsDecision.optional(),
    conclusiveGrounds: GroundsDecision.optional(),
    competentAuthority: z.enum(['SCA', 'IECA', 'DCDM_pilot_panel']).optional(),
    ictgReferral: IctgReferral.optional(),
    consent: z.enum(['not_required_child', 'given']),
  })
  .superRefine((nrm, ctx) => {
    refineNotificationBase(nrm, ctx, { adults: true });
    const child = nrm.personType === 'child';
    const under18 = isUnder18On(nrm.subject.dateOfBirth, datePart(nrm.referredAt));
    if (!child && under18 && nrm.ageDisputed !== true) {
      report(
        ctx,
        ['personType'],
        'must be child: the person is under 18 on referredAt (unless the age is disputed)',
      );
    }
    if (child && !under18 && nrm.ageDisputed !== true && nrm.subject.dateOfBirthEstimated !== true) {
      report(
        ctx,
        ['personType'],
        'must be adult: the person is 18 or over on referredAt (unless the age is disputed)',
      );
    }
    if (child) {
      if (nrm.consent !== 'not_required_child') {
        report(ctx, ['consent'], 'must be not_required_child: consent is not needed to refer a child');
      }
      if (nrm.ictgReferral === undefined) {
        report(ctx, ['ictgReferral'], 'is required: every child referred to the NRM needs an ICTG referral');
      } else if (!nrm.ictgReferral.made && nrm.ictgReferral.reasonNotMade === undefined) {
        report(
          ctx,
          ['ictgReferral', 'made'],
          'must be true, or give reasonNotMade: every child needs an ICTG referral',
        );
      }
    } else {
      if (nrm.consent !== 'given') {
        report(
          ctx,
          ['consent'],
          'must be given: an adult is referred with consent (otherwise use the duty to notify)',
        );
      }
      if (nrm.ictgReferral !== undefined) report(ctx, ['ictgReferral'], 'is for children only');
    }
    const ictg = nrm.ictgReferral;
    if (ictg?.made === false && ictg.madeAt !== undefined) {
      report(ctx, ['ictgReferral', 'madeAt'], 'must be left out when no referral was made');
    }
    if (ictg?.made === true && ictg.reasonNotMade !== undefined) {
      report(ctx, ['ictgReferral', 'reasonNotMade'], 'must be left out when the referral was made');
    }
    const referredOn = datePart(nrm.referredAt);
    if (referredOn > datePart(nrm.occurredAt)) report(ctx, ['referredAt'], 'must not be after occurredAt');
    const rg = nrm.reasonableGrounds;
    const cg = nrm.conclusiveGrounds;
    if (rg !== undefined && rg.decidedAt < referredOn) {
      report(ctx, ['reasonableGrounds', 'decidedAt'], 'must not be before referredAt');
    }
    if (cg !== undefined && rg?.decision !== 'positive') {
      report(ctx, ['conclusiveGrounds'], 'needs a positive reasonable grounds decision first');
    }
    if (cg !== undefined && rg !== undefined && cg.decidedAt < rg.decidedAt) {
      report(ctx, ['conclusiveGrounds', 'decidedAt'], 'must not be before reasonableGrounds.decidedAt');
    }
    const stage = nrm.decisionStage;
    const needs = (
      path: 'reasonableGrounds' | 'conclusiveGrounds',
      decision: string | undefined,
      wanted: string,
    ) => {
      if (decision !== wanted) report(ctx, ['decisionStage'], `needs ${path}.decision ${wanted}`);
    };
    if (stage === 'rg_positive' || stage === 'rg_negative') {
      needs('reasonableGrounds', rg?.decision, stage === 'rg_positive' ? 'positive' : 'negative');
      if (cg !== undefined)
        report(ctx, ['decisionStage'], 'must be a conclusive grounds stage when that decision is given');
    }
    if (stage === 'cg_positive' || stage === 'cg_negative') {
      needs('conclusiveGrounds', cg?.decision, stage === 'cg_positive' ? 'positive' : 'negative');
    }
    if (stage === 'submitted' && (rg !== undefined || cg !== undefined)) {
      report(ctx, ['decisionStage'], 'must name the latest decision given');
    }
  });
export type NrmReferral = z.infer<typeof NrmReferral>;
