import type { ExploitationType } from '@cwtch/contracts';
import { abductionDraft } from './abduction-draft.ts';
import { addDays, ageOn, HOUR, londonDate } from './clock.ts';
import { area, districtOf, type MonthChild, postcodeIn, WESTERN_BAY_AREAS } from './cohort.ts';
import { intelligenceDraft } from './intelligence-draft.ts';
import { INCIDENT_PLACES } from './names.ts';
import { nrmDraft } from './nrm-draft.ts';
import { baseFields, caseRefs, policeNumber, senderFacts, subjectOf } from './payload-base.ts';
import { type Draft, defined, type MonthContext, recipients } from './plan.ts';

const SERAF_BANDS = {
  not_at_risk: [0, 5],
  mild: [6, 10],
  moderate: [11, 15],
  significant: [16, 30],
} as const;
type SerafCategory = keyof typeof SERAF_BANDS;
const WESTERN_BAY_ENTRY = ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'];

/** The Western Bay partners that hear about a child on the protocol (the front door when police send). */
const westernBay = (from: string, child: MonthChild) =>
  recipients(from, [area(child.home).frontDoor, ...WESTERN_BAY_ENTRY]);

const NRM_CHANCE: Readonly<Record<ExploitationType, number>> = {
  trafficking: 0.9,
  modern_slavery: 0.9,
  county_lines: 0.45,
  cce: 0.3,
  cse: 0.12,
  online_sexual_abuse: 0.05,
  other: 0.05,
};

/** Who is on the protocol, referred to the NRM or protected by a notice this month: decided once per child. */
interface ChildPlan {
  readonly child: MonthChild;
  readonly nrm: boolean;
  readonly cawn: { readonly id: string; readonly issuedAt: number } | null;
}

function childPlans(ctx: MonthContext, people: readonly MonthChild[]): ChildPlan[] {
  return people.map((child) => {
    const nrm =
      WESTERN_BAY_AREAS.includes(child.home) &&
      (child.adult || ctx.rng.chance(Math.max(0, ...child.exploitation.map((t) => NRM_CHANCE[t]))));
    const protectable = child.age < 16 || child.careStatus === 'looked_after';
    const cawn =
      !child.adult &&
      area(child.home).welsh &&
      protectable &&
      child.exploitation.some(
        (t) => t === 'cse' || t === 'cce' || t === 'county_lines' || t === 'online_sexual_abuse',
      ) &&
      ctx.rng.chance(0.45);
    const force = area(child.home).police === 'north-wales-police' ? 'NWP' : 'SWP';
    return {
      child,
      nrm,
      cawn: cawn
        ? {
            id: `${force}-CAWN-${londonDate(ctx.start).slice(0, 4)}-${ctx.rng.int(1000, 9999)}`,
            issuedAt: ctx.when(ctx.now - 2 * HOUR),
          }
        : null,
    };
  });
}

/** The exploitation protocol entry of a Western Bay child at risk. */
function protocolDraft(ctx: MonthContext, p: ChildPlan): Draft {
  const { child } = p;
  const { rng } = ctx;
  const from = rng.chance(0.85) ? area(child.home).frontDoor : 'south-wales-police';
  const at = ctx.when();
  const on = londonDate(at);
  const status = rng.weighted<'screening' | 'entered' | 'reviewed' | 'stepped_down' | 'closed'>([
    ['entered', 40],
    ['reviewed', 33],
    ['closed', 12],
    ['stepped_down', 7],
    ['screening', 8],
  ]);
  const ending = status === 'closed' || status === 'stepped_down';
  const category: SerafCategory = ending
    ? rng.pick(['not_at_risk', 'mild'] as const)
    : rng.weighted<SerafCategory>([
        ['significant', 35],
        ['moderate', 35],
        ['mild', 22],
        ['not_at_risk', 8],
      ]);
  const [low, high] = SERAF_BANDS[category];
  const assessedAt = addDays(on, -rng.int(0, 6));
  const incidents = Array.from({ length: status === 'screening' ? rng.int(0, 1) : rng.int(1, 2) }, () => {
    const la = rng.chance(0.8) ? child.home : rng.pick(WESTERN_BAY_AREAS);
    return {
      description: rng.pick(INCIDENT_PLACES),
      postcode: postcodeIn(rng, rng.pick(area(la).districts)),
      la,
      pfa: area(la).pfa,
    };
  });
  const fgc = rng.chance(0.35)
    ? (() => {
        const offered = addDays(on, -rng.int(3, 20));
        const held = rng.chance(0.6) ? addDays(offered, rng.int(1, 3)) : undefined;
        return [defined({ offered, held: held && held <= on ? held : undefined })];
      })()
    : [];
  const ex = ctx.examples['cse-protocol-entry'];
  const period = child.previousProtocolPeriod;
  const payload = defined({
    ...baseFields(ex, {
      from,
      at,
      purpose: rng.chance(0.7) ? 'safeguarding_child_at_risk' : 'exploitation_disruption',
      rationale: `${child.given} is at risk of exploitation; partners need to know where they stand on the protocol to plan disruption.`,
      child,
    }),
    caseRefs: caseRefs(child),
    subject: subjectOf(child, { address: true }),
    exploitationTypes: [...child.exploitation],
    protocolStatus: status,
    previouslyOnProtocol: period !== null,
    previousProtocolPeriods: period ? [{ ...period }] : undefined,
    riskAssessment: {
      tool: 'SERAF',
      toolVersion: 'All Wales 2013',
      assessedAt,
      assessorAgency: senderFacts('barnardos-cymru').org,
      score: rng.int(low, high),
      category,
    },
    reviewDueAt: ending ? undefined : addDays(assessedAt, 90),
    strategyDiscussion: {
      date: on,
      type: rng.pick(['discussion', 'meeting'] as const),
      agencies: [
        area(child.home).name === 'Swansea' ? 'Swansea Council' : 'Neath Port Talbot Council',
        'South Wales Police',
        'Swansea Bay University Health Board',
        "Barnardo's Cymru",
      ],
      outcome: ending ? 'no_further_action' : rng.pick(['multi_agency_plan', 's47_enquiry'] as const),
    },
    concernsNarrative: `${child.given} has been seen with older associates and comes home with money and a second phone; staff and family are worried about ${child.exploitation.join(' and ').replace(/_/g, ' ')}.`,
    indicators: [
      { text: 'Going missing overnight', period: 'current_6m' },
      { text: 'Unexplained gifts and money', period: rng.pick(['current_6m', '6_12m'] as const) },
    ],
    incidentLocations: incidents.length > 0 ? incidents : undefined,
    missingSummary:
      child.firstMissingBefore !== null
        ? { episodeCount: child.episodesBefore, firstMissingDate: child.firstMissingBefore }
        : undefined,
    nrm: { referred: p.nrm },
    cawn:
      p.cawn && p.cawn.issuedAt <= at
        ? { issued: true, noticeIds: [p.cawn.id] }
        : { issued: false, noticeIds: [] },
    associatedIntelligenceRefs: undefined,
    childViews: `${child.given} says they are fine and do not want the police involved.`,
    familyGroupConferences: fgc.length > 0 ? fgc : undefined,
    policeOccurrenceRef: policeNumber(rng),
    ppnRef: `PPN-${policeNumber(rng)}`,
    youthJusticeInvolvement: child.yot,
  });
  return {
    kind: 'cse-protocol-entry',
    child,
    from,
    to: rng.chance(0.4) ? null : westernBay(from, child),
    purpose: payload.purpose as string,
    at,
    handover: false,
    responses: [],
    facts: {
      kind: 'cse-protocol-entry',
      protocolStatus: status,
      exploitationTypes: [...child.exploitation],
      previouslyOnProtocol: period !== null,
      riskCategory: category,
      incidentAreas: incidents.map((i) => i.la),
      incidentDistricts: incidents.map((i) => districtOf(i.postcode)),
      familyGroupConferences: fgc.map((f) => ({
        offered: (f.offered as string | undefined) ?? null,
        held: (f.held as string | undefined) ?? null,
      })),
      firstMissingDate: child.firstMissingBefore,
      ageAtFirstMissing:
        child.firstMissingBefore === null ? null : ageOn(child.dateOfBirth, child.firstMissingBefore),
      youthJusticeInvolvement: child.yot,
      nrmReferred: p.nrm,
      cawnIssued: p.cawn !== null && p.cawn.issuedAt <= at,
    },
    payload,
  };
}

/**
 * The exploitation side of the month: protocol entries for Western Bay children at risk,
 * partners' intelligence to South Wales Police, NRM referrals (children and care leavers) and
 * child abduction warning notices.
 */
export function protocolStories(ctx: MonthContext, people: readonly MonthChild[]): Draft[] {
  const drafts: Draft[] = [];
  for (const p of childPlans(ctx, people)) {
    const { child } = p;
    const westernBay = WESTERN_BAY_AREAS.includes(child.home);
    if (!child.adult && westernBay && child.exploitation.length > 0) {
      if (ctx.rng.chance(0.85)) drafts.push(protocolDraft(ctx, p));
      const forms = ctx.rng.weighted([
        [0, 40],
        [1, 40],
        [2, 20],
      ] as const);
      for (let i = 0; i < forms; i++) drafts.push(intelligenceDraft(ctx, child));
    }
    if (p.nrm) drafts.push(nrmDraft(ctx, child));
    if (p.cawn) drafts.push(abductionDraft(ctx, child, p.cawn));
  }
  for (let i = ctx.rng.int(2, 4); i > 0; i--) drafts.push(intelligenceDraft(ctx, null));
  return drafts;
}
