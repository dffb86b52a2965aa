import { z } from 'zod';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { PoliceForceCode } from '../../identifiers/police-force-code.ts';
import { refuseForceOutsideArea } from '../shared/area-checks.ts';
import { instant } from '../shared/dates.ts';
import { ReportedLocation, TimedLocation } from '../shared/location.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, MessageRef, uniqueList } from '../shared/text.ts';

/** How the child came to be in another area. */
export const MovementType = z.enum([
  'placed_out_of_area',
  'family_relocation',
  'temporary_stay',
  'missing_found_elsewhere',
  'unknown_whereabouts_believed_in_area',
]);
export type MovementType = z.infer<typeof MovementType>;

/** The child's status with children's services. */
export const ChildStatus = z.enum([
  'looked_after',
  'cp_plan',
  'care_and_support_plan',
  'known_no_plan',
  'not_known',
]);
export type ChildStatus = z.infer<typeof ChildStatus>;

/** What the sender asks the receiving area to do. */
export const ActionRequested = z.enum([
  'welfare_check',
  'strategy_discussion',
  'return_interview',
  'placement_review',
  'intelligence_check',
  'information_only',
]);
export type ActionRequested = z.infer<typeof ActionRequested>;

/** Where the child was reported missing from, and when if known. */
export { ReportedLocation } from '../shared/location.ts';

/**
 * `out-of-area-move` v1: a child at risk moves, is placed, or is found in another area
 * (reference §4.3, `out_of_area_movement`). Home and host areas differ; a child missing and
 * found elsewhere needs both places, found in the host authority, not where reported missing,
 * and not before being reported missing.
 */
export const OutOfAreaMove = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    movementType: MovementType,
    homeLa: LocalAuthorityCode,
    hostLa: LocalAuthorityCode,
    homePfa: PoliceForceCode.optional(),
    hostPfa: PoliceForceCode.optional(),
    reportedMissingFrom: ReportedLocation.optional(),
    foundAt: TimedLocation.optional(),
    foundBy: OrgRef.optional(),
    childStatus: ChildStatus,
    riskSummary: LongText,
    riskRefs: uniqueList(MessageRef, 20).optional(),
    actionsRequested: uniqueList(ActionRequested, 6).min(1, 'must ask for at least one action'),
    cpIsFlag: z.enum(['cpp', 'ucpp', 'lac', 'none', 'not_checked']).optional(),
  })
  .superRefine((move, ctx) => {
    refineNotificationBase(move, ctx);
    if (move.hostLa === move.homeLa) report(ctx, ['hostLa'], 'must differ from homeLa');
    for (const [la, pfa] of [
      ['homeLa', 'homePfa'],
      ['hostLa', 'hostPfa'],
    ] as const) {
      const force = move[pfa];
      if (force !== undefined) refuseForceOutsideArea(ctx, [pfa], move[la], force);
    }
    const { reportedMissingFrom: from, foundAt: found } = move;
    if (move.movementType === 'missing_found_elsewhere') {
      if (from === undefined)
        report(ctx, ['reportedMissingFrom'], 'is required when the child was found elsewhere');
      if (found === undefined) report(ctx, ['foundAt'], 'is required when the child was found elsewhere');
      if (found !== undefined && found.la === undefined) {
        report(ctx, ['foundAt', 'la'], 'is required when the child was found elsewhere');
      }
      if (from?.la !== undefined && from.la === found?.la) {
        report(
          ctx,
          ['foundAt', 'la'],
          'must differ from reportedMissingFrom.la: the child was found in another area',
        );
      }
    }
    if (found?.la !== undefined && found.la !== move.hostLa)
      report(ctx, ['foundAt', 'la'], 'must be the hostLa');
    if (found?.pfa !== undefined && move.hostPfa !== undefined && found.pfa !== move.hostPfa) {
      report(ctx, ['foundAt', 'pfa'], 'must be the hostPfa');
    }
    if (from?.at !== undefined && found !== undefined && instant(found.at) < instant(from.at)) {
      report(ctx, ['foundAt', 'at'], 'must not be before reportedMissingFrom.at');
    }
  });
export type OutOfAreaMove = z.infer<typeof OutOfAreaMove>;
