import type { ExploitationType } from '@cwtch/contracts';
import { HOUR, londonDateTime } from './clock.ts';
import { area, districtOf, type MonthChild, postcodeIn, WESTERN_BAY_AREAS } from './cohort.ts';
import { INCIDENT_PLACES, NICKNAMES } from './names.ts';
import { baseFields, subjectOf } from './payload-base.ts';
import { type Draft, defined, type MonthContext } from './plan.ts';

const THEMES: Readonly<Record<ExploitationType, string>> = {
  cse: 'cse',
  online_sexual_abuse: 'cse',
  trafficking: 'missing_exploited_trafficked',
  cce: 'cce',
  county_lines: 'drug_related_harm',
  modern_slavery: 'modern_slavery',
  other: 'organised_crime',
};

/** Partnership intelligence to South Wales Police about a Western Bay child (or about nobody named). */
export function intelligenceDraft(ctx: MonthContext, child: MonthChild | null): Draft {
  const { rng } = ctx;
  const from =
    child?.atHillside && rng.chance(0.5)
      ? 'hillside'
      : rng.weighted<string>([
          ['barnardos-cymru', 45],
          [child ? area(child.home).frontDoor : 'swansea-cs', 30],
          ['swansea-bay-health', 25],
        ]);
  const at = ctx.when();
  const la = child?.home ?? rng.pick(WESTERN_BAY_AREAS);
  const themes = [...new Set((child?.exploitation ?? ['county_lines']).map((t) => THEMES[t]))];
  const locations = Array.from({ length: rng.int(1, 2) }, () => ({
    type: rng.pick(['venue', 'address', 'area'] as const),
    postcode: postcodeIn(rng, rng.pick(area(la).districts)),
    description: `${rng.pick(INCIDENT_PLACES)}, ${rng.pick(area(la).places)}`,
    observedAt: londonDateTime(Math.max(ctx.start, at - rng.int(1, 72) * HOUR)),
  }));
  const code = rng.chance(0.6) ? 'P' : 'C';
  const provenance = rng.weighted<string>([
    ['told_by_child', 35],
    ['witnessed_by_submitter', 30],
    ['told_by_third_party', 25],
    ['overheard', 10],
  ]);
  const ex = ctx.examples['intelligence-form'];
  const eventFrom = Math.max(ctx.start, at - rng.int(6, 96) * HOUR);
  const payload = defined({
    ...baseFields(ex, {
      from,
      at,
      purpose: 'intelligence_submission',
      rationale:
        'What we learned identifies adults and places linked to exploitation; the police intelligence unit should have it.',
      child: child ?? undefined,
    }),
    handling: {
      classification: 'OFFICIAL',
      marking: 'OFFICIAL-SENSITIVE',
      handlingCode: code,
      ...(code === 'C'
        ? { handlingConditions: 'Do not reveal the source to the persons named.', sourceProtection: true }
        : {}),
    },
    subject: child ? subjectOf(child) : undefined,
    urgency: 'non_urgent',
    themes,
    provenance,
    subjectAware: rng.pick(['no', 'unknown'] as const),
    persons: [
      {
        role: 'suspect',
        nicknames: [rng.pick(NICKNAMES)],
        ageApprox: rng.int(18, 35),
        description: 'Male, slim build, often in a dark tracksuit.',
      },
    ],
    vehicles: rng.chance(0.5)
      ? [
          {
            partialVrm: `${rng.pick(['CX', 'CY', 'CA', 'CU', 'DY', 'BX'])}${rng.int(10, 24)}`,
            make: rng.pick(['Volkswagen', 'Ford', 'BMW', 'Audi']),
            colour: rng.pick(['Grey', 'Black', 'White', 'Silver']),
          },
        ]
      : undefined,
    locations,
    communications: rng.chance(0.5)
      ? [{ type: 'username', value: `user${rng.int(100, 999)}`, platform: 'Snapchat' }]
      : undefined,
    events: [
      {
        from: londonDateTime(eventFrom),
        to: londonDateTime(Math.min(at, eventFrom + rng.int(1, 6) * HOUR)),
        what: 'Seen being collected by car and driven away; returned late at night.',
      },
    ],
    narrative: child
      ? `${child.given} was seen with the adult described; the car collects them most weekends.`
      : 'Several children have been seen going in and out of the address late at night.',
  });
  return {
    kind: 'intelligence-form',
    child,
    from,
    to: ['south-wales-police'],
    purpose: 'intelligence_submission',
    at,
    handover: false,
    responses: rng.chance(0.3)
      ? [{ agency: 'south-wales-police', status: 'actioned', reason: 'INFORMATION_RECORDED' }]
      : [],
    facts: {
      kind: 'intelligence-form',
      themes,
      provenance,
      handlingCode: code,
      locationDistricts: locations.map((l) => districtOf(l.postcode)),
      toPolice: true,
    },
    payload,
  };
}
