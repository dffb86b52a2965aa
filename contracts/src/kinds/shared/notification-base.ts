import { z } from 'zod';
import { datePart, IsoDate, IsoDateTime, isUnder18On } from './dates.ts';
import { Handling } from './handling.ts';
import { LawfulBasis } from './lawful-basis.ts';
import { Sender } from './sender.ts';
import type { Subject } from './subject.ts';
import { LongText, MessageRef, ShortText, text } from './text.ts';

/** Why information is shared (reference §2). */
export const Purpose = z.enum([
  'safeguarding_child_at_risk',
  'child_protection_enquiry',
  'locate_missing_child',
  'exploitation_disruption',
  'placement_notification',
  'regulatory_notification',
  'intelligence_submission',
  'nrm_support',
]);
export type Purpose = z.infer<typeof Purpose>;

/** The WASPI agreement the sender relies on (the envelope header carries its id too). */
export const SharingAgreementRef = z.strictObject({
  framework: z.literal('WASPI'),
  type: z.enum(['ISP', 'DDA', 'JCA', 'other']),
  ref: text(128),
});
export type SharingAgreementRef = z.infer<typeof SharingAgreementRef>;

/** The recorded decision to share (golden rule: record decisions and reasons). */
export const SharingDecision = z.strictObject({
  decidedByRole: ShortText,
  decidedAt: IsoDateTime,
  rationale: LongText,
  goldenRulesVersion: z.enum(['2018', '2024']),
});
export type SharingDecision = z.infer<typeof SharingDecision>;

/** How long the recipient keeps the notification, under which policy. */
export const Retention = z.strictObject({
  policyRef: ShortText,
  reviewAt: IsoDate.optional(),
  retainUntil: IsoDate.optional(),
});
export type Retention = z.infer<typeof Retention>;

/** A reference into a case system. */
export const CaseRef = z.strictObject({
  system: z.enum(['la_case', 'la_person', 'police_occurrence', 'nrm_reference', 'cp_is', 'court', 'yot']),
  value: text(64),
});
export type CaseRef = z.infer<typeof CaseRef>;

/**
 * Fields every kind carries inside the encrypted payload (reference §2), less what the
 * envelope header already says in the clear (message id, kind, schema version, recipients).
 */
export const notificationBaseShape = {
  occurredAt: IsoDateTime,
  sender: Sender,
  purpose: Purpose,
  lawfulBasis: LawfulBasis,
  handling: Handling,
  sharingAgreement: SharingAgreementRef.optional(),
  sharingDecision: SharingDecision,
  retention: Retention,
  language: z.enum(['en', 'cy']).optional(),
  caseRefs: z.array(CaseRef).max(20).optional(),
  correlationId: MessageRef.optional(),
  causationId: MessageRef.optional(),
  supersedes: MessageRef.optional(),
};

/** The parts of a parsed notification that the shared rules look at. */
export interface NotificationCore {
  readonly occurredAt: string;
  readonly subject?: Subject | undefined;
  readonly retention: Retention;
}

/** Something that collects issues: zod's refinement context. */
export type IssueSink = Pick<z.RefinementCtx, 'addIssue'>;

/** Adds a custom issue at `path`. The message must never quote the input. */
export function report(ctx: IssueSink, path: readonly (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path: [...path], message });
}

/**
 * Rules shared by every kind: the subject is born by, and under 18 at, `occurredAt` (care
 * leavers excepted; with `adults`, a kind that may be about an adult checks age itself), and
 * retention review comes no later than the retention end.
 */
export function refineNotificationBase(
  value: NotificationCore,
  ctx: IssueSink,
  options: { readonly adults?: boolean } = {},
): void {
  const occurredOn = datePart(value.occurredAt);
  const subject = value.subject;
  if (subject !== undefined) {
    if (subject.dateOfBirth > occurredOn) {
      report(ctx, ['subject', 'dateOfBirth'], 'must not be after occurredAt');
    } else if (
      options.adults !== true &&
      subject.careStatus !== 'care_leaver' &&
      !isUnder18On(subject.dateOfBirth, occurredOn)
    ) {
      report(
        ctx,
        ['subject', 'dateOfBirth'],
        'the child must be under 18 at occurredAt (care leavers excepted)',
      );
    }
  }
  const { reviewAt, retainUntil } = value.retention;
  if (reviewAt !== undefined && retainUntil !== undefined && reviewAt > retainUntil) {
    report(ctx, ['retention', 'reviewAt'], 'must not be after retainUntil');
  }
  if (retainUntil !== undefined && retainUntil < occurredOn) {
    report(ctx, ['retention', 'retainUntil'], 'must not be before occurredAt');
  }
}
