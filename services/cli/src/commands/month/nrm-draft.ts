import type { ExploitationType } from '@cwtch/contracts';
import { HOUR, londonDate, londonDateTime } from './clock.ts';
import { area, type MonthChild } from './cohort.ts';
import { baseFields, caseRefs, senderFacts, subjectOf } from './payload-base.ts';
import { type Draft, defined, type MonthContext, recipients } from './plan.ts';

const NRM_TYPES: Readonly<Record<ExploitationType, string>> = {
  cse: 'sexual',
  online_sexual_abuse: 'sexual',
  trafficking: 'sexual',
  cce: 'criminal',
  county_lines: 'criminal',
  modern_slavery: 'labour',
  other: 'unknown',
};

/** A National Referral Mechanism referral for a child (with the guardian referral) or a care leaver (with consent). */
export function nrmDraft(ctx: MonthContext, child: MonthChild): Draft {
  const { rng } = ctx;
  const from = rng.weighted<string>([
    [area(child.home).frontDoor, 50],
    ['south-wales-police', 25],
    ['barnardos-cymru', 25],
  ]);
  const s = senderFacts(from);
  const referredAt = ctx.when(ctx.now - HOUR);
  const at = ctx.clamp(referredAt + rng.int(0, 36) * HOUR);
  const stage = rng.weighted<'submitted' | 'rg_positive' | 'rg_negative'>([
    ['submitted', 60],
    ['rg_positive', 30],
    ['rg_negative', 10],
  ]);
  const types = [...new Set(child.exploitation.map((t) => NRM_TYPES[t]))];
  const guardian = child.adult ? null : rng.chance(0.8) ? 'made' : 'not_made';
  const reference = `NRM-${londonDate(referredAt).slice(0, 4)}-${rng.int(1000, 9999)}`;
  const payload = defined({
    ...baseFields(ctx.examples['nrm-referral'], {
      from,
      at,
      purpose: 'nrm_support',
      rationale: `${child.given} shows indicators of ${types.join(' and ')} exploitation; the police trafficking lead and partners need the referral.`,
      child,
    }),
    caseRefs: [...caseRefs(child), { system: 'nrm_reference', value: reference }],
    subject: subjectOf(child),
    personType: child.adult ? 'adult' : 'child',
    firstResponder: {
      org: s.org,
      type: s.type === 'police' ? 'police' : s.type === 'voluntary' ? 'ngo' : 'local_authority',
    },
    referredAt: londonDateTime(referredAt),
    nrmReference: reference,
    exploitationTypes: types,
    countyLinesFlag: child.exploitation.includes('county_lines'),
    exploitationLocation: 'uk_only',
    decisionStage: stage,
    reasonableGrounds:
      stage === 'submitted'
        ? undefined
        : { decision: stage === 'rg_positive' ? 'positive' : 'negative', decidedAt: londonDate(at) },
    competentAuthority: 'SCA',
    ictgReferral:
      guardian === null
        ? undefined
        : guardian === 'made'
          ? {
              made: true,
              madeAt: londonDateTime(referredAt + HOUR),
              serviceArea: "Barnardo's Independent Child Trafficking Guardian service, Wales",
            }
          : { made: false, reasonNotMade: 'The guardian service was at capacity; referral to follow.' },
    consent: child.adult ? 'given' : 'not_required_child',
  });
  return {
    kind: 'nrm-referral',
    child,
    from,
    to: rng.chance(0.4)
      ? null
      : recipients(from, [area(child.home).frontDoor, 'south-wales-police', 'barnardos-cymru']),
    purpose: 'nrm_support',
    at,
    handover: false,
    responses: [],
    facts: {
      kind: 'nrm-referral',
      personType: child.adult ? 'adult' : 'child',
      exploitationTypes: types,
      decisionStage: stage,
      guardianReferral: guardian,
      countyLines: child.exploitation.includes('county_lines'),
    },
    payload,
  };
}
