import { addDays, addYears, earlierDate, londonDate, londonDateTime } from './clock.ts';
import { area, type MonthChild } from './cohort.ts';
import { ADULT_NAMES, NICKNAMES } from './names.ts';
import { baseFields, caseRefs, policeNumber, subjectOf } from './payload-base.ts';
import { type Draft, defined, type MonthContext, recipients } from './plan.ts';

const MINUTE = 60_000;

/** A child abduction warning notice issued, served or breached, from the child's home force. */
export function abductionDraft(
  ctx: MonthContext,
  child: MonthChild,
  cawn: { readonly id: string; readonly issuedAt: number },
): Draft {
  const { rng } = ctx;
  const home = area(child.home);
  const from = home.police;
  const issuedAt = cawn.issuedAt;
  const serve = issuedAt + rng.int(60, 300) * MINUTE;
  // A notice is served (and breached) only where the month so far leaves time for it.
  const event =
    serve > ctx.now - 30 * MINUTE
      ? 'issued'
      : rng.weighted<'issued' | 'served' | 'breached'>([
          ['issued', 30],
          ['served', 55],
          ['breached', 15],
        ]);
  const servedAt = event === 'issued' ? null : serve;
  const breachAt = event === 'breached' && servedAt !== null ? servedAt + rng.int(5, 25) * MINUTE : null;
  const at = ctx.clamp((breachAt ?? servedAt ?? issuedAt) + 20 * MINUTE);
  const under16 = child.age < 16;
  const issuedOn = londonDate(issuedAt);
  const lapse = addYears(child.dateOfBirth, under16 ? 16 : 18);
  const expires = addDays(issuedOn, 365);
  const ref = policeNumber(rng);
  const payload = defined({
    ...baseFields(ctx.examples['abduction-warning-notice'], {
      from,
      at,
      purpose: 'exploitation_disruption',
      rationale: `The notice only protects ${child.given} if the social worker and carers know who it names and call us if he turns up.`,
      child,
    }),
    caseRefs: caseRefs(child, ref),
    subject: subjectOf(child),
    event,
    noticeId: cawn.id,
    cawnType: under16 ? 'under_16_caa1984_s2' : 'looked_after_under_18_ca1989_s49',
    issuingForce: home.pfa,
    issuedAt: londonDateTime(issuedAt),
    servedAt: servedAt === null ? undefined : londonDateTime(servedAt),
    servedBy: servedAt === null ? undefined : `DC ${rng.int(1000, 9999)}`,
    expiresOn: earlierDate(expires, lapse),
    adultServed: {
      names: [rng.pick(ADULT_NAMES)],
      nicknames: [rng.pick(NICKNAMES)],
      dob: `19${rng.int(85, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      policeRef: ref,
    },
    terms: 'Not to contact, meet or be with the child, or let them into any address he lives at or visits.',
    breaches:
      breachAt === null
        ? undefined
        : [
            {
              at: londonDateTime(breachAt),
              description: 'Seen with the child in a car near the home.',
              policeRef: policeNumber(rng),
            },
          ],
  });
  return {
    kind: 'abduction-warning-notice',
    child,
    from,
    to: rng.chance(0.4)
      ? null
      : recipients(from, [home.frontDoor, child.atHillside ? 'hillside' : undefined]),
    purpose: 'exploitation_disruption',
    at,
    handover: false,
    responses: [],
    facts: {
      kind: 'abduction-warning-notice',
      event,
      cawnType: under16 ? 'under_16_caa1984_s2' : 'looked_after_under_18_ca1989_s49',
      issuingForce: home.pfa,
    },
    payload,
  };
}
