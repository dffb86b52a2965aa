import { z } from 'zod';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { IsoDateTime, instant } from '../shared/dates.ts';
import { InterviewTerminology } from '../shared/debrief.ts';
import { ExploitationType } from '../shared/exploitation.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, MessageRef, Narrative, ShortText, text, uniqueList, YesNo } from '../shared/text.ts';

/** Who held the interview; police officers out of uniform join independent workers (PCC deep dive, 2023). */
export const InterviewerRole = z.enum([
  'independent_worker',
  'police_officer_plain_clothes',
  'police_officer',
  'social_worker',
  'residential_worker',
  'other',
]);
export type InterviewerRole = z.infer<typeof InterviewerRole>;

/** What follows the interview (reference §4.6). */
export const OnwardAction = z.enum([
  'strategy_discussion',
  'nrm_referral',
  'intelligence_submitted',
  'cawn_requested',
  'support_service',
  'none',
]);
export type OnwardAction = z.infer<typeof OnwardAction>;

/** The missing episode the interview follows: its share, or the police reference, and when it ended. */
export const EpisodeLink = z
  .strictObject({
    ref: MessageRef.optional(),
    policeRef: text(64).optional(),
    endedAt: IsoDateTime,
  })
  .superRefine((link, ctx) => {
    if (link.ref === undefined && link.policeRef === undefined) {
      report(ctx, ['ref'], 'give the missing-episode share or the police reference');
    }
  });
export type EpisodeLink = z.infer<typeof EpisodeLink>;

/** One person who held the interview. */
export const Interviewer = z.strictObject({
  org: OrgRef,
  role: InterviewerRole,
  independent: z.boolean(),
});
export type Interviewer = z.infer<typeof Interviewer>;

/** Whether exploitation indicators came up, which, and the protocol entry they led to. */
export const ExploitationIndicators = z
  .strictObject({
    present: z.boolean(),
    types: uniqueList(ExploitationType, 7).optional(),
    protocolEntryRef: MessageRef.optional(),
  })
  .superRefine((found, ctx) => {
    if (!found.present && (found.types !== undefined || found.protocolEntryRef !== undefined)) {
      report(ctx, ['present'], 'must be true when types or a protocol entry are given');
    }
  });
export type ExploitationIndicators = z.infer<typeof ExploitationIndicators>;

/** The timescale an interview is expected within, in hours (72 in England's guidance, unconfirmed). */
export const DEFAULT_TIMESCALE_HOURS = 72;

/**
 * `return-home-interview` v1: the debrief after a missing episode, linked to it (reference §4.6,
 * `return_interview`; SSDA903 "RHI offered / accepted"). Offered → accepted → held, each after
 * the episode ended; held names who held it; "within timescale" agrees with the times given.
 */
export const ReturnHomeInterview = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    missingEpisode: EpisodeLink,
    terminology: InterviewTerminology.optional(),
    offered: YesNo,
    offeredAt: IsoDateTime.optional(),
    notOfferedReason: LongText.optional(),
    accepted: YesNo.optional(),
    declinedReason: LongText.optional(),
    heldAt: IsoDateTime.optional(),
    conductedBy: z.array(Interviewer).max(5).optional(),
    timescaleHours: z.number().int().min(1).max(720).optional(),
    withinTimescale: z.boolean().optional(),
    childViews: LongText.optional(),
    disclosures: Narrative.optional(),
    pushFactors: z.array(ShortText).max(20).optional(),
    pullFactors: z.array(ShortText).max(20).optional(),
    exploitationIndicators: ExploitationIndicators.optional(),
    onwardActions: uniqueList(OnwardAction, 6).optional(),
  })
  .superRefine((rhi, ctx) => {
    refineNotificationBase(rhi, ctx);
    const ended = instant(rhi.missingEpisode.endedAt);
    if (instant(rhi.occurredAt) < ended)
      report(ctx, ['occurredAt'], 'must not be before missingEpisode.endedAt');
    if (rhi.offered === 'no') {
      for (const key of ['offeredAt', 'accepted', 'declinedReason', 'heldAt', 'conductedBy'] as const) {
        if (rhi[key] !== undefined) report(ctx, [key], 'must be left out when no interview was offered');
      }
      if (rhi.notOfferedReason === undefined) {
        report(ctx, ['notOfferedReason'], 'is required when no interview was offered');
      }
    } else {
      if (rhi.notOfferedReason !== undefined) {
        report(ctx, ['notOfferedReason'], 'must be left out when an interview was offered');
      }
      if (rhi.accepted === undefined) report(ctx, ['accepted'], 'is required when an interview was offered');
    }
    if (rhi.accepted === 'no') {
      for (const key of ['heldAt', 'conductedBy'] as const) {
        if (rhi[key] !== undefined) report(ctx, [key], 'must be left out when the interview was declined');
      }
    }
    if (rhi.accepted !== 'no' && rhi.declinedReason !== undefined) {
      report(ctx, ['declinedReason'], 'is allowed only when the interview was declined');
    }
    if (rhi.heldAt !== undefined && !rhi.conductedBy?.length) {
      report(ctx, ['conductedBy'], 'must name who held the interview');
    }
    if (rhi.conductedBy !== undefined && rhi.heldAt === undefined) {
      report(ctx, ['heldAt'], 'is required when conductedBy is given');
    }
    const { offeredAt, heldAt } = rhi;
    if (offeredAt !== undefined && instant(offeredAt) < ended) {
      report(ctx, ['offeredAt'], 'must not be before missingEpisode.endedAt');
    }
    if (heldAt !== undefined && instant(heldAt) < ended) {
      report(ctx, ['heldAt'], 'must not be before missingEpisode.endedAt');
    }
    if (offeredAt !== undefined && heldAt !== undefined && instant(heldAt) < instant(offeredAt)) {
      report(ctx, ['heldAt'], 'must not be before offeredAt');
    }
    if (heldAt !== undefined && rhi.withinTimescale !== undefined) {
      const hours = rhi.timescaleHours ?? DEFAULT_TIMESCALE_HOURS;
      const within = instant(heldAt) - ended <= hours * 3_600_000;
      if (within !== rhi.withinTimescale) {
        report(ctx, ['withinTimescale'], 'must agree with heldAt, missingEpisode.endedAt and timescaleHours');
      }
    }
    const actions = rhi.onwardActions ?? [];
    if (actions.includes('none') && actions.length > 1) {
      report(ctx, ['onwardActions'], 'must not list none beside other actions');
    }
  });
export type ReturnHomeInterview = z.infer<typeof ReturnHomeInterview>;
