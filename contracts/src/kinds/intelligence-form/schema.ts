import { z } from 'zod';
import { Postcode } from '../../identifiers/postcode.ts';
import { IsoDate, IsoDateTime, instant } from '../shared/dates.ts';
import { HandlingCode } from '../shared/handling.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, Narrative, ShortText, text, uniqueList } from '../shared/text.ts';

/** Intelligence themes (Hampshire CPI list). */
export const IntelligenceTheme = z.enum([
  'missing_exploited_trafficked',
  'cse',
  'cce',
  'drug_related_harm',
  'modern_slavery',
  'organised_crime',
  'asb',
  'community_cohesion',
]);
export type IntelligenceTheme = z.infer<typeof IntelligenceTheme>;

/** How the submitter came to know: partners supply provenance facts; police grade them. */
export const Provenance = z.enum([
  'witnessed_by_submitter',
  'told_by_child',
  'told_by_third_party',
  'overheard',
  'from_records',
  'unknown',
]);
export type Provenance = z.infer<typeof Provenance>;

/** A person the intelligence is about; at least a name, nickname or description. */
export const IntelligencePerson = z
  .strictObject({
    role: z.enum(['victim', 'suspect', 'associate', 'witness', 'unknown']),
    names: z.array(text(100)).max(10).optional(),
    nicknames: z.array(text(100)).max(10).optional(),
    dob: IsoDate.optional(),
    ageApprox: z.number().int().min(0).max(120).optional(),
    description: LongText.optional(),
    address: z
      .strictObject({ lines: z.array(ShortText).min(1).max(6), postcode: Postcode.optional() })
      .optional(),
    phones: z.array(text(32)).max(10).optional(),
    socialMedia: z.array(ShortText).max(10).optional(),
  })
  .superRefine((person, ctx) => {
    if (!person.names?.length && !person.nicknames?.length && person.description === undefined) {
      report(ctx, ['names'], 'give a name, a nickname or a description');
    }
  });
export type IntelligencePerson = z.infer<typeof IntelligencePerson>;

/** A vehicle: full registration (upper case, no spaces) or a partial one, and what it looks like. */
export const Vehicle = z
  .strictObject({
    vrm: z
      .string()
      .max(16)
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{1,8}$/, 'must be a vehicle registration (letters and digits)'))
      .optional(),
    partialVrm: text(16).optional(),
    make: text(50).optional(),
    model: text(50).optional(),
    colour: text(50).optional(),
    features: LongText.optional(),
  })
  .superRefine((vehicle, ctx) => {
    if (Object.values(vehicle).every((v) => v === undefined)) report(ctx, [], 'describe the vehicle');
  });
export type Vehicle = z.infer<typeof Vehicle>;

/** A place in the intelligence. */
export const IntelligenceLocation = z.strictObject({
  type: z.enum(['address', 'venue', 'area', 'online']),
  postcode: Postcode.optional(),
  description: LongText,
  observedAt: IsoDateTime.optional(),
});
export type IntelligenceLocation = z.infer<typeof IntelligenceLocation>;

/** A time or period and what happened. */
export const IntelligenceEvent = z
  .strictObject({ from: IsoDateTime, to: IsoDateTime.optional(), what: LongText })
  .superRefine((event, ctx) => {
    if (event.to !== undefined && instant(event.to) < instant(event.from))
      report(ctx, ['to'], 'must not be before from');
  });
export type IntelligenceEvent = z.infer<typeof IntelligenceEvent>;

/** The police 3x5x2 evaluation: source 1–3, intelligence A–E, handling P/C. Police only. */
export const PoliceEvaluation = z
  .strictObject({
    source: z.enum(['1', '2', '3']),
    intelligence: z.enum(['A', 'B', 'C', 'D', 'E']),
    handling: HandlingCode,
    conditions: LongText.optional(),
    priority: z.enum(['high', 'medium', 'low']).optional(),
    evaluatedBy: ShortText,
    evaluatedAt: IsoDateTime,
  })
  .superRefine((evaluation, ctx) => {
    if (evaluation.handling === 'C' && evaluation.conditions === undefined) {
      report(ctx, ['conditions'], 'is required with handling code C');
    }
  });
export type PoliceEvaluation = z.infer<typeof PoliceEvaluation>;

/**
 * `intelligence-form` v1: partnership intelligence for the police intelligence unit (reference
 * §4.4, `partnership_intelligence`). Non-urgent only; needs a handling code and at least one
 * person, vehicle or location. `policeEvaluation`, `legacyGrade5x5x5` and `outcome` may be
 * filled by police only: see `checkSenderRules`.
 */
export const IntelligenceForm = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject.optional(),
    urgency: z.literal('non_urgent', {
      message:
        'must be non_urgent: urgent matters go to 999/101 or a MASH referral, not an intelligence form',
    }),
    themes: uniqueList(IntelligenceTheme, 8).min(1, 'must name at least one theme'),
    provenance: Provenance,
    subjectAware: z.enum(['yes', 'no', 'unknown']).optional(),
    persons: z.array(IntelligencePerson).max(50).optional(),
    vehicles: z.array(Vehicle).max(50).optional(),
    locations: z.array(IntelligenceLocation).max(50).optional(),
    communications: z
      .array(
        z.strictObject({
          type: z.enum(['phone', 'username', 'email', 'ip']),
          value: text(320),
          platform: ShortText.optional(),
        }),
      )
      .max(50)
      .optional(),
    financial: z
      .array(z.strictObject({ type: ShortText, detail: LongText }))
      .max(50)
      .optional(),
    events: z.array(IntelligenceEvent).max(50).optional(),
    narrative: Narrative,
    policeEvaluation: PoliceEvaluation.optional(),
    legacyGrade5x5x5: text(16).optional(),
    outcome: z.enum(['intel_log_created', 'crime_tasked', 'safeguarding_referral', 'no_action']).optional(),
  })
  .superRefine((form, ctx) => {
    refineNotificationBase(form, ctx);
    if (form.handling.handlingCode === undefined) {
      report(ctx, ['handling', 'handlingCode'], 'is required for intelligence (P or C)');
    }
    if (!form.persons?.length && !form.vehicles?.length && !form.locations?.length) {
      report(ctx, ['persons'], 'give at least one person, vehicle or location');
    }
    const evaluatedAt = form.policeEvaluation?.evaluatedAt;
    if (evaluatedAt !== undefined && instant(evaluatedAt) < instant(form.occurredAt)) {
      report(ctx, ['policeEvaluation', 'evaluatedAt'], 'must not be before occurredAt');
    }
  });
export type IntelligenceForm = z.infer<typeof IntelligenceForm>;
