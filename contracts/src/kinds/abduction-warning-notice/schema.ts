import { z } from 'zod';
import { PoliceForceCode } from '../../identifiers/police-force-code.ts';
import { datePart, IsoDate, IsoDateTime, instant, isUnder18On } from '../shared/dates.ts';
import { notificationBaseShape, refineNotificationBase, report } from '../shared/notification-base.ts';
import { Subject } from '../shared/subject.ts';
import { LongText, MessageRef, text } from '../shared/text.ts';

/** What happened to the notice. */
export const CawnEvent = z.enum(['issued', 'served', 'breached', 'withdrawn', 'expired']);
export type CawnEvent = z.infer<typeof CawnEvent>;

/**
 * The two kinds of child abduction warning notice (reference §4.9): a child under 16 (Child
 * Abduction Act 1984 s2), or a child under 18 in care or police or emergency protection
 * (Children Act 1989 s49).
 */
export const CawnType = z.enum(['under_16_caa1984_s2', 'looked_after_under_18_ca1989_s49']);
export type CawnType = z.infer<typeof CawnType>;

/** The adult the notice is served on: a name, a nickname or the intelligence record, at least. */
export const AdultServed = z
  .strictObject({
    names: z.array(text(100)).max(10).optional(),
    nicknames: z.array(text(100)).max(10).optional(),
    dob: IsoDate.optional(),
    intelligenceRef: MessageRef.optional(),
    policeRef: text(64).optional(),
  })
  .superRefine((adult, ctx) => {
    if (!adult.names?.length && !adult.nicknames?.length && adult.intelligenceRef === undefined) {
      report(ctx, ['names'], 'give a name, a nickname or the intelligence record');
    }
  });
export type AdultServed = z.infer<typeof AdultServed>;

/** A breach of the notice. */
export const Breach = z.strictObject({
  at: IsoDateTime,
  description: LongText,
  policeRef: text(64).optional(),
});
export type Breach = z.infer<typeof Breach>;

/** Care orders and protection that bring a child under 18 within s49 (SSDA903 codes). */
const S49_STATUSES: readonly string[] = ['C1', 'C2', 'L1', 'L2'];

/** The day someone born on `dob` turns `years` (29 February falls on 1 March by string order). */
function birthday(dob: string, years: number): string {
  return `${String(Number(dob.slice(0, 4)) + years).padStart(4, '0')}${dob.slice(4)}`;
}

/**
 * `abduction-warning-notice` v1: a child abduction warning notice issued, served, breached,
 * withdrawn or expired (reference §4.9; "Abduction Notices … an excellent intervention tool", NPT
 * scrutiny 2015). Police issue it; children's services and the home's manager need to know.
 */
export const AbductionWarningNotice = z
  .strictObject({
    ...notificationBaseShape,
    subject: Subject,
    event: CawnEvent,
    noticeId: text(64),
    cawnType: CawnType,
    issuingForce: PoliceForceCode,
    issuedAt: IsoDateTime,
    servedAt: IsoDateTime.optional(),
    servedBy: text(100).optional(),
    expiresOn: IsoDate.optional(),
    adultServed: AdultServed,
    terms: LongText.optional(),
    breaches: z.array(Breach).max(50).optional(),
  })
  .superRefine((notice, ctx) => {
    refineNotificationBase(notice, ctx);
    const issued = instant(notice.issuedAt);
    const issuedOn = datePart(notice.issuedAt);
    const dob = notice.subject.dateOfBirth;
    if (instant(notice.occurredAt) < issued) report(ctx, ['occurredAt'], 'must not be before issuedAt');
    const served = notice.servedAt === undefined ? undefined : instant(notice.servedAt);
    if ((notice.event === 'served' || notice.event === 'breached') && served === undefined) {
      report(ctx, ['servedAt'], 'is required once the notice is served');
    }
    if (served !== undefined && served < issued) report(ctx, ['servedAt'], 'must not be before issuedAt');
    const breaches = notice.breaches ?? [];
    if (notice.event === 'breached' && breaches.length === 0) {
      report(ctx, ['breaches'], 'must list the breach');
    }
    for (const [i, breach] of breaches.entries()) {
      if (served === undefined || instant(breach.at) < served) {
        report(ctx, ['breaches', i, 'at'], 'must not be before servedAt');
      }
    }
    if (notice.cawnType === 'under_16_caa1984_s2' && issuedOn >= birthday(dob, 16)) {
      report(
        ctx,
        ['cawnType'],
        'must be looked_after_under_18_ca1989_s49: the child is 16 or over on issuedAt',
      );
    }
    if (notice.cawnType === 'looked_after_under_18_ca1989_s49') {
      const code = notice.subject.legalStatus?.code;
      const inCare =
        notice.subject.careStatus === 'looked_after' || (code !== undefined && S49_STATUSES.includes(code));
      if (!inCare) {
        report(
          ctx,
          ['subject', 'careStatus'],
          'must be looked_after (or a care order or protection status) for a s49 notice',
        );
      }
      if (!isUnder18On(dob, issuedOn)) report(ctx, ['cawnType'], 'needs a child under 18 on issuedAt');
    }
    if (notice.expiresOn !== undefined) {
      if (notice.expiresOn < issuedOn) report(ctx, ['expiresOn'], 'must not be before issuedAt');
      const limit = birthday(dob, notice.cawnType === 'under_16_caa1984_s2' ? 16 : 18);
      if (notice.expiresOn > limit)
        report(ctx, ['expiresOn'], 'must not be after the birthday on which the notice lapses');
    }
    const adultDob = notice.adultServed.dob;
    if (adultDob !== undefined && isUnder18On(adultDob, issuedOn)) {
      report(ctx, ['adultServed', 'dob'], 'must make the person served an adult on issuedAt');
    }
  });
export type AbductionWarningNotice = z.infer<typeof AbductionWarningNotice>;
