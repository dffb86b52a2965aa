import { z } from 'zod';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { datePart, IsoDate, IsoDateTime, instant } from '../shared/dates.ts';
import { InterviewTerminology } from '../shared/debrief.ts';
import { Location } from '../shared/location.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { MessageRef, text } from '../shared/text.ts';

/** LA episode type (SSDA903): M missing from care, A away from placement without authorisation. */
export const EpisodeType = z.enum(['M', 'A']);
export type EpisodeType = z.infer<typeof EpisodeType>;

/** Police missing-person risk grade; keep `riskSchemeVersion` beside it (definitions changed over time). */
export const PoliceRiskGrade = z.enum(['no_apparent_risk', 'low', 'medium', 'high']);
export type PoliceRiskGrade = z.infer<typeof PoliceRiskGrade>;

const yesNo = z.enum(['yes', 'no']);

/**
 * The return home interview (a "debrief" in Wales): offered yes/no, accepted if offered,
 * held after it was offered.
 */
export const ReturnInterview = z
  .strictObject({
    terminology: InterviewTerminology.optional(),
    offered: yesNo,
    offeredAt: IsoDateTime.optional(),
    accepted: yesNo.optional(),
    heldAt: IsoDateTime.optional(),
    withinTarget: z.boolean().optional(),
    conductedBy: z.strictObject({ org: OrgRef, independent: z.boolean() }).optional(),
  })
  .superRefine((interview, ctx) => {
    if (interview.offered === 'no') {
      for (const key of ['offeredAt', 'accepted', 'heldAt'] as const) {
        if (interview[key] !== undefined)
          report(ctx, [key], 'must be left out when no interview was offered');
      }
      return;
    }
    if (interview.accepted === undefined)
      report(ctx, ['accepted'], 'is required when an interview was offered');
    if (interview.accepted === 'no' && interview.heldAt !== undefined) {
      report(ctx, ['heldAt'], 'must be left out when the interview was declined');
    }
    const { offeredAt, heldAt } = interview;
    if (offeredAt !== undefined && heldAt !== undefined && instant(heldAt) < instant(offeredAt)) {
      report(ctx, ['heldAt'], 'must not be before offeredAt');
    }
  });
export type ReturnInterview = z.infer<typeof ReturnInterview>;

/**
 * Whether the risk of exploitation was considered for this episode ("in all cases of children
 * going missing the risk of sexual exploitation is specifically considered", NPT 2015), what it
 * found, and the protocol entry it led to.
 */
export const ExploitationRiskCheck = z
  .strictObject({
    considered: z.boolean(),
    concerns: z.boolean().optional(),
    protocolEntryRef: MessageRef.optional(),
  })
  .superRefine((check, ctx) => {
    if (!check.considered && (check.concerns !== undefined || check.protocolEntryRef !== undefined)) {
      report(ctx, ['considered'], 'must be true when concerns or a protocol entry are given');
    }
    if (check.protocolEntryRef !== undefined && check.concerns === false) {
      report(ctx, ['concerns'], 'must not be false when a protocol entry is linked');
    }
  });
export type ExploitationRiskCheck = z.infer<typeof ExploitationRiskCheck>;

/**
 * `missing-episode` v1: a child is missing, or an episode has ended (reference §4.5,
 * `missing_episode`). Times run last seen → reported → ended → safe and well check → return
 * interview; where found needs the episode to have ended.
 */
export const MissingEpisode = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    episodeType: EpisodeType.optional(),
    policeRiskGrade: PoliceRiskGrade.optional(),
    riskSchemeVersion: text(64).optional(),
    lastSeenAt: IsoDateTime,
    reportedAt: IsoDateTime.optional(),
    reportedMissingFrom: Location,
    endedAt: IsoDateTime.optional(),
    foundAt: Location.optional(),
    policeRef: text(64).optional(),
    episodeCountToDate: z.number().int().min(1).max(10_000).optional(),
    firstMissingDate: IsoDate.optional(),
    childInformationFormAvailable: z.boolean().optional(),
    safeAndWellCheck: z.strictObject({ doneAt: IsoDateTime, by: OrgRef }).optional(),
    suspectedHarbourerRef: MessageRef.optional(),
    returnInterview: ReturnInterview.optional(),
    exploitationRisk: ExploitationRiskCheck.optional(),
    /** The police public protection notice (PPN) raised for the episode. */
    ppnRef: text(64).optional(),
  })
  .superRefine((episode, ctx) => {
    refineNotificationBase(episode, ctx);
    const lastSeen = instant(episode.lastSeenAt);
    if (episode.policeRiskGrade !== undefined && episode.riskSchemeVersion === undefined) {
      report(ctx, ['riskSchemeVersion'], 'is required with policeRiskGrade');
    }
    if (instant(episode.occurredAt) < lastSeen) report(ctx, ['occurredAt'], 'must not be before lastSeenAt');
    if (episode.reportedAt !== undefined && instant(episode.reportedAt) < lastSeen) {
      report(ctx, ['reportedAt'], 'must not be before lastSeenAt');
    }
    const ended = episode.endedAt === undefined ? undefined : instant(episode.endedAt);
    if (ended !== undefined && ended < lastSeen) report(ctx, ['endedAt'], 'must not be before lastSeenAt');
    const needsEnd = (path: string) => report(ctx, [path], 'needs endedAt: the episode must have ended');
    if (ended === undefined) {
      if (episode.foundAt !== undefined) needsEnd('foundAt');
      if (episode.safeAndWellCheck !== undefined) needsEnd('safeAndWellCheck');
      if (episode.returnInterview !== undefined) needsEnd('returnInterview');
    } else {
      const check = episode.safeAndWellCheck;
      if (check !== undefined && instant(check.doneAt) < ended) {
        report(ctx, ['safeAndWellCheck', 'doneAt'], 'must not be before endedAt');
      }
      const offeredAt = episode.returnInterview?.offeredAt;
      if (offeredAt !== undefined && instant(offeredAt) < ended) {
        report(ctx, ['returnInterview', 'offeredAt'], 'must not be before endedAt');
      }
    }
    const first = episode.firstMissingDate;
    if (first !== undefined && first > datePart(episode.lastSeenAt)) {
      report(ctx, ['firstMissingDate'], 'must not be after lastSeenAt');
    }
    if (first !== undefined && first < episode.subject.dateOfBirth) {
      report(ctx, ['firstMissingDate'], 'must not be before subject.dateOfBirth');
    }
  });
export type MissingEpisode = z.infer<typeof MissingEpisode>;

/**
 * True when the child was found in a different local authority or police area from the one
 * they were reported missing from: the cue to send an `out-of-area-move` as well.
 */
export function foundOutOfArea(episode: MissingEpisode): boolean {
  const { reportedMissingFrom: from, foundAt: found } = episode;
  if (found === undefined) return false;
  const differs = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a !== b;
  return differs(from.la, found.la) || differs(from.pfa, found.pfa);
}
