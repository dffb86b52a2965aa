import { z } from 'zod';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { OdsCode, OfstedUrn } from '../../identifiers/org-ref.ts';
import { PoliceForceCode } from '../../identifiers/police-force-code.ts';
import { Postcode } from '../../identifiers/postcode.ts';
import { datePart, IsoDate, IsoDateTime } from '../shared/dates.ts';
import { MissingSummary } from '../shared/missing-summary.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Contact } from '../shared/sender.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, MessageRef, ShortText, text, uniqueList } from '../shared/text.ts';

/** England SSDA903 placement types (reference §4.2); Welsh codes were not read. */
export const Ssda903PlacementType = z.enum([
  'K1',
  'K2',
  'H5',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'P1',
  'P2',
  'P3',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'A3',
  'A4',
  'A5',
  'A6',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'Z1',
]);
export type Ssda903PlacementType = z.infer<typeof Ssda903PlacementType>;

/** A placement type: an SSDA903 code, or another scheme's code with its text. */
export const PlacementType = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('ssda903'), code: Ssda903PlacementType }),
  z.strictObject({ scheme: z.literal('other'), code: text(16), text: ShortText }),
]);
export type PlacementType = z.infer<typeof PlacementType>;

/** A placement (current or proposed). The postcode is required unless the placement is confidential. */
export const Placement = z
  .strictObject({
    type: PlacementType,
    provider: z.enum(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']).optional(),
    settingName: ShortText.optional(),
    settingRef: z
      .discriminatedUnion('scheme', [
        z.strictObject({ scheme: z.literal('ofsted_urn'), value: OfstedUrn }),
        z.strictObject({ scheme: z.literal('ciw_ref'), value: text(32) }),
      ])
      .optional(),
    postcode: Postcode.optional(),
    confidential: z.literal(true).optional(),
    la: LocalAuthorityCode.optional(),
  })
  .superRefine((placement, ctx) => {
    if (placement.confidential === true && placement.postcode !== undefined) {
      report(ctx, ['postcode'], 'must be left out of a confidential placement');
    }
    if (placement.confidential !== true && placement.postcode === undefined) {
      report(ctx, ['postcode'], 'is required unless the placement is confidential');
    }
  });
export type Placement = z.infer<typeof Placement>;

/** Why the placement changes (SSDA903 reason-for-change codes). */
export const ReasonForChange = z.enum([
  'CARPL',
  'CLOSE',
  'ALLEG',
  'STAND',
  'CUSTOD',
  'APPRR',
  'CREQB',
  'CREQO',
  'CHILD',
  'LAREQ',
  'PLACE',
  'OTHER',
]);
export type ReasonForChange = z.infer<typeof ReasonForChange>;

/**
 * Which way the child moves: into another authority's area, back into the home (responsible)
 * authority's area ("where there is a plan to transition into Swansea a notification is sent to
 * Swansea front door", WGSB 2019), or out of secure care to wherever the plan says.
 */
export const TransitionType = z.enum(['into_another_area', 'return_home_area', 'leaving_secure_care']);
export type TransitionType = z.infer<typeof TransitionType>;

/** When the area authority is told, relative to the placement. */
export const NotificationTiming = z.enum(['before_placement', 'within_5_working_days', 'late']);
export type NotificationTiming = z.infer<typeof NotificationTiming>;

/**
 * `care-home-transition` v1: a looked-after child moves placement, told to the receiving (area)
 * authority before arrival (reference §4.2, `care_placement_transition`): into another area, back
 * into the home area, or out of secure care. The responding front door's deadline is the planned
 * arrival.
 */
export const CareHomeTransition = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    responsibleAuthority: LocalAuthorityCode,
    areaAuthority: LocalAuthorityCode,
    transitionType: TransitionType.optional(),
    currentPlacement: Placement,
    proposedPlacement: Placement,
    plannedMoveDate: IsoDate,
    plannedArrivalAt: IsoDateTime.optional(),
    isEmergencyPlacement: z.boolean(),
    notificationTiming: NotificationTiming,
    approval: z.strictObject({
      approvedBy: z.enum(['panel', 'nominated_officer', 'director_childrens_services']),
      approvedAt: IsoDateTime,
    }),
    distanceMiles: z.number().min(0).max(999.9).optional(),
    reasonForChange: ReasonForChange.optional(),
    careAndSupportPlanShared: z.boolean(),
    iroContact: Contact,
    educationPlan: z
      .strictObject({
        type: z.enum(['EHCP', 'IDP', 'none', 'unknown']),
        responsibleLa: LocalAuthorityCode.optional(),
      })
      .optional(),
    healthBodiesNotified: uniqueList(OdsCode, 10).optional(),
    risks: z
      .strictObject({
        exploitationRef: MessageRef.optional(),
        missing: MissingSummary.optional(),
        other: LongText.optional(),
      })
      .optional(),
    policeNotified: uniqueList(PoliceForceCode, 10).optional(),
  })
  .superRefine((move, ctx) => {
    refineNotificationBase(move, ctx);
    if (move.subject.legalStatus === undefined) {
      report(ctx, ['subject', 'legalStatus'], 'is required for a care placement transition');
    }
    const childsAuthority = move.subject.responsibleAuthority;
    if (childsAuthority !== undefined && childsAuthority !== move.responsibleAuthority) {
      report(ctx, ['subject', 'responsibleAuthority'], 'must be the same as responsibleAuthority');
    }
    const home = move.areaAuthority === move.responsibleAuthority;
    if (move.transitionType === 'into_another_area' && home) {
      report(ctx, ['areaAuthority'], 'must differ from responsibleAuthority for a move into another area');
    }
    if (move.transitionType === 'return_home_area' && !home) {
      report(ctx, ['areaAuthority'], 'must be the responsibleAuthority for a return to the home area');
    }
    const to = move.proposedPlacement.la;
    if (to !== undefined && to !== move.areaAuthority) {
      report(ctx, ['proposedPlacement', 'la'], 'must be the areaAuthority');
    }
    if (move.plannedArrivalAt !== undefined && datePart(move.plannedArrivalAt) !== move.plannedMoveDate) {
      report(ctx, ['plannedArrivalAt'], 'must fall on plannedMoveDate');
    }
    if (move.notificationTiming === 'within_5_working_days' && !move.isEmergencyPlacement) {
      report(ctx, ['notificationTiming'], 'may be within_5_working_days only for an emergency placement');
    }
    if (!move.isEmergencyPlacement && datePart(move.approval.approvedAt) > move.plannedMoveDate) {
      report(
        ctx,
        ['approval', 'approvedAt'],
        'must be on or before plannedMoveDate unless it is an emergency',
      );
    }
  });
export type CareHomeTransition = z.infer<typeof CareHomeTransition>;
