import { z } from 'zod';
import { HealthBoardCode } from '../../identifiers/health-board-code.ts';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { OfstedUrn } from '../../identifiers/org-ref.ts';
import { PoliceForceCode } from '../../identifiers/police-force-code.ts';
import { healthBoardCoversAuthority, refuseForceOutsideArea } from '../shared/area-checks.ts';
import { IsoDate } from '../shared/dates.ts';
import { Address } from '../shared/location.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Contact } from '../shared/sender.ts';
import { LongText, ShortText, text, uniqueList } from '../shared/text.ts';

/** What happened to the registration (reference §4.7). */
export const RegistrationEvent = z.enum([
  'application_received',
  'registered',
  'variation',
  'change_of_provider',
  'cancelled',
  'closure',
]);
export type RegistrationEvent = z.infer<typeof RegistrationEvent>;

/** The regulator: Ofsted in England, Care Inspectorate Wales (CIW) in Wales. */
export const Regulator = z.enum(['ofsted', 'ciw']);
export type Regulator = z.infer<typeof Regulator>;

/** The kind of regulated service. */
export const ServiceType = z.enum([
  'childrens_home',
  'secure_childrens_home',
  'residential_family_centre',
  'fostering_service',
  'supported_accommodation',
]);
export type ServiceType = z.infer<typeof ServiceType>;

/** What the home specialises in. */
export const Specialism = z.enum([
  'emotional_behavioural',
  'learning_disability',
  'physical_disability',
  'mental_health',
  'exploitation_risk',
  'secure_welfare',
  'short_breaks',
  'parent_and_child',
  'unaccompanied_asylum_seeking',
  'other',
]);
export type Specialism = z.infer<typeof Specialism>;

/** The registration reference: an Ofsted URN or a CIW service reference. */
export const SettingRef = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('ofsted_urn'), value: OfstedUrn }),
  z.strictObject({ scheme: z.literal('ciw_ref'), value: text(32) }),
]);
export type SettingRef = z.infer<typeof SettingRef>;

/** The provider that runs the home. */
export const Provider = z.strictObject({
  name: ShortText,
  companyNo: z
    .string()
    .regex(/^(?:\d{8}|[A-Z]{2}\d{6})$/, 'must be a Companies House number')
    .optional(),
  charityNo: text(16).optional(),
  notForProfit: z.boolean().optional(),
});
export type Provider = z.infer<typeof Provider>;

const age = z.number().int().min(0).max(25);

/**
 * `care-home-registration` v1: a children's home opens, is registered, changes provider or
 * closes, told to the host authority, police and health board (reference §4.7; "lots of homes
 * opening up in Swansea and the LA aren't aware of them", WGSB 2019). No child is named. A
 * confidential address travels marked OFFICIAL-SENSITIVE and is never shown in a summary.
 */
export const CareHomeRegistration = z
  .strictObject({
    ...notificationBaseShape,
    event: RegistrationEvent,
    regulator: Regulator,
    settingRef: SettingRef.optional(),
    settingName: ShortText,
    serviceType: ServiceType,
    provider: Provider,
    previousProvider: Provider.optional(),
    responsibleIndividual: Contact.optional(),
    manager: Contact.optional(),
    address: Address,
    addressConfidential: z.boolean(),
    hostLa: LocalAuthorityCode,
    hostPfa: PoliceForceCode.optional(),
    hostLhb: HealthBoardCode.optional(),
    registeredPlaces: z.number().int().min(1).max(200).optional(),
    ageRange: z.strictObject({ from: age, to: age }).optional(),
    sexes: z.enum(['female', 'male', 'mixed']).optional(),
    specialisms: uniqueList(Specialism, 10).optional(),
    effectiveDate: IsoDate,
    closureReason: LongText.optional(),
    locationAssessment: z
      .strictObject({
        completedAt: IsoDate.optional(),
        consulted: uniqueList(z.enum(['la', 'police', 'health', 'education']), 4),
      })
      .optional(),
  })
  .superRefine((notice, ctx) => {
    refineNotificationBase(notice, ctx);
    if (notice.settingRef === undefined && notice.event !== 'application_received') {
      report(ctx, ['settingRef'], 'is required once the regulator has registered the setting');
    }
    const scheme = notice.regulator === 'ofsted' ? 'ofsted_urn' : 'ciw_ref';
    if (notice.settingRef !== undefined && notice.settingRef.scheme !== scheme) {
      report(ctx, ['settingRef', 'scheme'], `must be ${scheme} for this regulator`);
    }
    const welsh = notice.hostLa.startsWith('W');
    if ((notice.regulator === 'ciw') !== welsh) {
      report(ctx, ['regulator'], 'must be ciw for a home in Wales and ofsted for a home in England');
    }
    if ((notice.event === 'change_of_provider') !== (notice.previousProvider !== undefined)) {
      report(ctx, ['previousProvider'], 'is required for, and only for, a change of provider');
    }
    const ending = notice.event === 'closure' || notice.event === 'cancelled';
    if (!ending && notice.closureReason !== undefined) {
      report(ctx, ['closureReason'], 'is allowed only for a closure or cancellation');
    }
    if (notice.addressConfidential && notice.handling.marking !== 'OFFICIAL-SENSITIVE') {
      report(ctx, ['handling', 'marking'], 'must be OFFICIAL-SENSITIVE when the address is confidential');
    }
    if (notice.hostPfa !== undefined) refuseForceOutsideArea(ctx, ['hostPfa'], notice.hostLa, notice.hostPfa);
    if (notice.hostLhb !== undefined && !welsh) {
      report(ctx, ['hostLhb'], 'is for a home in Wales (a Welsh local health board)');
    } else if (
      notice.hostLhb !== undefined &&
      healthBoardCoversAuthority(notice.hostLa, notice.hostLhb) === false
    ) {
      report(ctx, ['hostLhb'], 'must be the health board that covers hostLa');
    }
    const range = notice.ageRange;
    if (range !== undefined && range.to < range.from)
      report(ctx, ['ageRange', 'to'], 'must not be below from');
    const assessed = notice.locationAssessment?.completedAt;
    if (assessed !== undefined && assessed > notice.occurredAt.slice(0, 10)) {
      report(ctx, ['locationAssessment', 'completedAt'], 'must not be after occurredAt');
    }
  });
export type CareHomeRegistration = z.infer<typeof CareHomeRegistration>;
