import { z } from 'zod';
import { datePart, IsoDate } from '../shared/dates.ts';
import { ExploitationType, NrmStage } from '../shared/exploitation.ts';
import { Location } from '../shared/location.ts';
import { MissingSummary } from '../shared/missing-summary.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { RiskAssessment } from '../shared/risk-assessment.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, MessageRef, Narrative, ShortText, text, uniqueList } from '../shared/text.ts';

/** Where the child stands on the exploitation protocol. */
export const ProtocolStatus = z.enum(['screening', 'entered', 'reviewed', 'stepped_down', 'closed']);
export type ProtocolStatus = z.infer<typeof ProtocolStatus>;

/** An earlier period on the protocol; `to` is absent while open. */
export const ProtocolPeriod = z
  .strictObject({ from: IsoDate, to: IsoDate.optional() })
  .superRefine((period, ctx) => {
    if (period.to !== undefined && period.to < period.from) report(ctx, ['to'], 'must not be before from');
  });
export type ProtocolPeriod = z.infer<typeof ProtocolPeriod>;

/** A strategy discussion or meeting and its outcome. */
export const StrategyDiscussion = z.strictObject({
  date: IsoDate,
  type: z.enum(['discussion', 'meeting']),
  agencies: z.array(ShortText).min(1).max(30),
  outcome: z.enum(['s47_enquiry', 'multi_agency_plan', 'no_further_action', 'other']),
});
export type StrategyDiscussion = z.infer<typeof StrategyDiscussion>;

/** A risk indicator seen, in the last six months or six to twelve months ago. */
export const Indicator = z.strictObject({
  code: text(50).optional(),
  text: LongText,
  period: z.enum(['current_6m', '6_12m']),
});
export type Indicator = z.infer<typeof Indicator>;

/** Whether the child was referred to the NRM, and where the referral stands. */
export const NrmStatus = z
  .strictObject({ referred: z.boolean(), reference: text(64).optional(), stage: NrmStage.optional() })
  .superRefine((nrm, ctx) => {
    if (!nrm.referred && (nrm.reference !== undefined || nrm.stage !== undefined)) {
      report(ctx, ['referred'], 'must be true when a reference or stage is given');
    }
  });
export type NrmStatus = z.infer<typeof NrmStatus>;

/** Child Abduction Warning Notices issued to adults around the child. */
export const CawnStatus = z
  .strictObject({ issued: z.boolean(), noticeIds: z.array(text(64)).max(20) })
  .superRefine((cawn, ctx) => {
    if (cawn.issued !== cawn.noticeIds.length > 0) {
      report(
        ctx,
        ['noticeIds'],
        cawn.issued ? 'must list the notices issued' : 'must be empty when none was issued',
      );
    }
  });
export type CawnStatus = z.infer<typeof CawnStatus>;

/** A family group conference offered and/or held. */
export const FamilyGroupConference = z
  .strictObject({ offered: IsoDate.optional(), held: IsoDate.optional() })
  .superRefine((fgc, ctx) => {
    if (fgc.offered === undefined && fgc.held === undefined) report(ctx, [], 'give the date offered or held');
    if (fgc.offered !== undefined && fgc.held !== undefined && fgc.held < fgc.offered) {
      report(ctx, ['held'], 'must not be before offered');
    }
  });
export type FamilyGroupConference = z.infer<typeof FamilyGroupConference>;

/**
 * `cse-protocol-entry` v1: a child enters (or is reviewed on) the exploitation protocol
 * (reference §4.1, `cse_protocol_entry`). Previous periods need `previouslyOnProtocol` and
 * must have begun by `occurredAt`; a review falls due after the assessment.
 */
export const CseProtocolEntry = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    exploitationTypes: uniqueList(ExploitationType, 7).min(1, 'must name at least one form of exploitation'),
    protocolStatus: ProtocolStatus,
    previouslyOnProtocol: z.boolean(),
    previousProtocolPeriods: z.array(ProtocolPeriod).max(20).optional(),
    riskAssessment: RiskAssessment,
    reviewDueAt: IsoDate.optional(),
    strategyDiscussion: StrategyDiscussion.optional(),
    concernsNarrative: Narrative,
    indicators: z.array(Indicator).max(50).optional(),
    incidentLocations: z.array(Location).max(20).optional(),
    missingSummary: MissingSummary.optional(),
    nrm: NrmStatus.optional(),
    cawn: CawnStatus.optional(),
    associatedIntelligenceRefs: uniqueList(MessageRef, 50).optional(),
    childViews: LongText.optional(),
    familyGroupConferences: z.array(FamilyGroupConference).max(10).optional(),
    policeOccurrenceRef: text(64).optional(),
    ppnRef: text(64).optional(),
    /** Known to the youth justice service (the boards count these children). */
    youthJusticeInvolvement: z.boolean().optional(),
  })
  .superRefine((entry, ctx) => {
    refineNotificationBase(entry, ctx);
    const occurredOn = datePart(entry.occurredAt);
    const periods = entry.previousProtocolPeriods ?? [];
    if (!entry.previouslyOnProtocol && periods.length > 0) {
      report(ctx, ['previousProtocolPeriods'], 'must be empty unless previouslyOnProtocol is true');
    }
    for (const [i, period] of periods.entries()) {
      if (period.from > occurredOn)
        report(ctx, ['previousProtocolPeriods', i, 'from'], 'must not be after occurredAt');
    }
    if (entry.reviewDueAt !== undefined && entry.reviewDueAt < entry.riskAssessment.assessedAt) {
      report(ctx, ['reviewDueAt'], 'must not be before riskAssessment.assessedAt');
    }
    const first = entry.missingSummary?.firstMissingDate;
    if (first !== undefined && first < entry.subject.dateOfBirth) {
      report(ctx, ['missingSummary', 'firstMissingDate'], 'must not be before subject.dateOfBirth');
    }
  });
export type CseProtocolEntry = z.infer<typeof CseProtocolEntry>;
