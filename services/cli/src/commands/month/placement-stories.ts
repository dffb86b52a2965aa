import { addDays, DAY, HOUR, londonDate, londonDateTime } from './clock.ts';
import { area, HILLSIDE, MONTH_AREAS, type MonthChild, postcodeIn, WESTERN_BAY_AREAS } from './cohort.ts';
import { SETTINGS } from './names.ts';
import { baseFields, CHILD_STATUS, caseRefs, cpIsFlag, subjectOf } from './payload-base.ts';
import { type Draft, defined, hostAnswer, type MonthContext, recipients } from './plan.ts';

const WELSH = Object.values(MONTH_AREAS).filter((a) => a.welsh);
const HILLSIDE_PLACEMENT = {
  type: { scheme: 'ssda903', code: 'K1' },
  provider: 'PR1',
  settingName: "Hillside Secure Children's Home",
  settingRef: { scheme: 'ciw_ref', value: HILLSIDE.ciwRef },
  postcode: HILLSIDE.postcode,
  la: HILLSIDE.la,
};

function miles(ctx: MonthContext, a: string, b: string): number {
  if (a === b) return ctx.rng.int(2, 12);
  return a === 'W06000006' || b === 'W06000006' ? ctx.rng.int(120, 150) : ctx.rng.int(6, 20);
}

/** Hillside's notice of a looked-after child's move out of (or into) the secure home, before arrival or late. */
function transitionDraft(ctx: MonthContext, child: MonthChild): Draft {
  const { rng } = ctx;
  const leaving = child.atHillside;
  const home = area(child.home);
  let to: string = HILLSIDE.la;
  let type: string | undefined = home.la === HILLSIDE.la ? undefined : 'into_another_area';
  if (leaving) {
    const choice = rng.weighted<'home' | 'elsewhere' | 'secure'>([
      ['home', 45],
      ['elsewhere', 35],
      ['secure', 20],
    ]);
    to = choice === 'elsewhere' ? rng.pick(WELSH.filter((a) => a.la !== home.la)).la : home.la;
    type =
      choice === 'home'
        ? 'return_home_area'
        : choice === 'elsewhere'
          ? 'into_another_area'
          : 'leaving_secure_care';
  }
  const target = area(to);
  const timing = rng.weighted<'before_placement' | 'late' | 'within_5_working_days'>([
    ['before_placement', 70],
    ['late', 20],
    ['within_5_working_days', 10],
  ]);
  const emergency = timing === 'within_5_working_days';
  const at = timing === 'before_placement' ? ctx.when(ctx.now - HOUR) : ctx.when();
  const arrival =
    timing === 'before_placement'
      ? ctx.now + rng.int(3, 96) * HOUR
      : Math.max(ctx.start, at - rng.int(2, 48) * HOUR);
  const approved = emergency ? arrival - 2 * HOUR : Math.min(at, arrival) - rng.int(1, 4) * DAY;
  const proposed = leaving
    ? {
        type: { scheme: 'ssda903', code: rng.pick(['K2', 'U1', 'U4', 'R1']) },
        provider: rng.pick(['PR1', 'PR4', 'PR5']),
        settingName: rng.pick(SETTINGS),
        settingRef: { scheme: 'ciw_ref', value: `SIN-000${rng.int(10_000, 99_999)}` },
        postcode: postcodeIn(rng, rng.pick(target.districts)),
        la: target.la,
      }
    : HILLSIDE_PLACEMENT;
  const current = leaving
    ? HILLSIDE_PLACEMENT
    : {
        type: { scheme: 'ssda903', code: 'U1' },
        provider: 'PR1',
        settingName: 'Foster placement',
        confidential: true,
        la: home.la,
      };
  const payload = defined({
    ...baseFields(ctx.examples['care-home-transition'], {
      from: 'hillside',
      at,
      purpose: 'placement_notification',
      rationale: `The area authority must know of a looked-after child at risk before ${child.given} arrives.`,
      child,
      exampleBasis: true,
    }),
    caseRefs: caseRefs(child),
    subject: subjectOf(child),
    responsibleAuthority: home.la,
    areaAuthority: target.la,
    transitionType: type,
    currentPlacement: current,
    proposedPlacement: proposed,
    plannedMoveDate: londonDate(arrival),
    plannedArrivalAt: londonDateTime(arrival),
    isEmergencyPlacement: emergency,
    notificationTiming: timing,
    approval: { approvedBy: emergency ? 'nominated_officer' : 'panel', approvedAt: londonDateTime(approved) },
    distanceMiles: miles(ctx, HILLSIDE.la, target.la),
    reasonForChange: rng.pick(['CARPL', 'PLACE', 'LAREQ']),
    careAndSupportPlanShared: true,
    iroContact: { role: 'Independent Reviewing Officer', phone: '01632 960457' },
    educationPlan: { type: rng.pick(['IDP', 'none']), responsibleLa: home.la },
    healthBodiesNotified: [...new Set(['7A3', ...(target.la === 'W06000006' ? ['7A1'] : [])])],
    risks: defined({
      missing:
        child.firstMissingBefore !== null
          ? { episodeCount: child.episodesBefore, firstMissingDate: child.firstMissingBefore }
          : undefined,
      other:
        child.exploitation.length > 0
          ? 'At risk of exploitation; has links to adults in the home area.'
          : undefined,
    }),
    policeNotified: [...new Set([home.pfa, target.pfa])],
  });
  return {
    kind: 'care-home-transition',
    child,
    from: 'hillside',
    to: rng.chance(0.3) ? null : recipients('hillside', [target.frontDoor, target.police, home.frontDoor]),
    purpose: 'placement_notification',
    at,
    handover: false,
    responses: [],
    facts: {
      kind: 'care-home-transition',
      transitionType: type ?? null,
      direction: leaving ? 'leaving-hillside' : 'into-hillside',
      responsibleAuthority: home.la,
      areaAuthority: target.la,
      notificationTiming: timing,
      emergency,
      plannedArrivalAt: payload.plannedArrivalAt as string,
      notifiedBeforeArrival: arrival > at,
    },
    payload,
  };
}

/** The home authority tells another area that a child at risk now lives or stays there. */
function moveDraft(ctx: MonthContext, child: MonthChild): Draft {
  const { rng } = ctx;
  const home = area(child.home);
  const host = home.welsh
    ? rng.chance(0.25)
      ? area('E08000027')
      : rng.pick(WELSH.filter((a) => a.la !== home.la))
    : rng.pick(WELSH);
  const movement =
    child.careStatus === 'looked_after'
      ? rng.weighted<string>([
          ['placed_out_of_area', 60],
          ['temporary_stay', 40],
        ])
      : rng.weighted<string>([
          ['family_relocation', 55],
          ['temporary_stay', 45],
        ]);
  const from = home.frontDoor;
  const at = ctx.when();
  const payload = defined({
    ...baseFields(ctx.examples['out-of-area-move'], {
      from,
      at,
      purpose: 'safeguarding_child_at_risk',
      rationale: `${child.given} now lives in ${host.name}; the area must know a child at risk is there.`,
      child,
    }),
    caseRefs: caseRefs(child),
    subject: subjectOf(child),
    movementType: movement,
    homeLa: home.la,
    hostLa: host.la,
    homePfa: home.pfa,
    hostPfa: host.pfa,
    reportedMissingFrom: undefined,
    foundAt: undefined,
    foundBy: undefined,
    riskRefs: undefined,
    childStatus: CHILD_STATUS[child.careStatus],
    riskSummary:
      child.exploitation.length > 0
        ? 'At risk of exploitation; known associates in the home area may visit.'
        : 'No current exploitation concerns; the family asked for support to settle.',
    actionsRequested: rng.chance(0.5) ? ['welfare_check', 'placement_review'] : ['information_only'],
    cpIsFlag: cpIsFlag(child),
  });
  const answer = hostAnswer(rng.next(), host.frontDoor, 0.6, 0.7, 'NOT_OUR_SERVICE');
  return {
    kind: 'out-of-area-move',
    child,
    from,
    to: recipients(from, [host.frontDoor, host.police, home.police]),
    purpose: 'safeguarding_child_at_risk',
    at,
    handover: true,
    responses: answer,
    facts: { kind: 'out-of-area-move', movementType: movement, homeLa: home.la, hostLa: host.la },
    payload,
  };
}

const REGISTRATION_EVENTS = [
  'registered',
  'application_received',
  'change_of_provider',
  'closure',
  'variation',
] as const;

/** A children's home in Swansea or Neath Port Talbot opens, changes hands or closes: Hillside's provider tells the area. */
function registrationDraft(
  ctx: MonthContext,
  event: (typeof REGISTRATION_EVENTS)[number],
  name: string,
): Draft {
  const { rng } = ctx;
  const host = area(rng.pick(WESTERN_BAY_AREAS));
  const at = ctx.when();
  const on = londonDate(at);
  const confidential = rng.chance(0.6);
  const payload = defined({
    ...baseFields(ctx.examples['care-home-registration'], {
      from: 'hillside',
      at,
      purpose: 'regulatory_notification',
      rationale: `${host.name} should know of changes to the children's homes in its area before any child arrives or leaves.`,
      exampleBasis: true,
    }),
    event,
    regulator: 'ciw',
    settingRef:
      event === 'application_received'
        ? undefined
        : { scheme: 'ciw_ref', value: `SIN-000${rng.int(10_000, 99_999)}` },
    settingName: name,
    serviceType: rng.pick(['childrens_home', 'childrens_home', 'supported_accommodation'] as const),
    previousProvider:
      event === 'change_of_provider' ? { name: 'Cartrefi Cymru Care Ltd', companyNo: '09876543' } : undefined,
    address: {
      lines: [name, `${rng.int(1, 60)} Heol y Wennol`, host.name],
      postcode: postcodeIn(rng, rng.pick(host.districts)),
    },
    addressConfidential: confidential,
    hostLa: host.la,
    hostPfa: host.pfa,
    hostLhb: '7A3',
    registeredPlaces: rng.int(2, 6),
    effectiveDate: addDays(on, rng.int(0, 30)),
    closureReason:
      event === 'closure'
        ? 'The provider is consolidating its homes; the children have moved with plans agreed.'
        : undefined,
    locationAssessment: { completedAt: addDays(on, -rng.int(5, 40)), consulted: ['la', 'police', 'health'] },
  });
  return {
    kind: 'care-home-registration',
    child: null,
    from: 'hillside',
    to: rng.chance(0.6) ? null : ['swansea-cs', 'south-wales-police', 'swansea-bay-health'],
    purpose: 'regulatory_notification',
    at,
    handover: false,
    responses: [],
    facts: {
      kind: 'care-home-registration',
      event,
      hostLa: host.la,
      serviceType: payload.serviceType as string,
      settingName: name,
    },
    payload,
  };
}

/**
 * Where children live: Hillside's transitions of looked-after children out of (and into) the
 * secure home, home authorities' notices of children moving to another area, and children's
 * homes registering or closing in Western Bay.
 */
export function placementStories(ctx: MonthContext, children: readonly MonthChild[]): Draft[] {
  const drafts: Draft[] = [];
  for (const child of children) {
    if (child.adult) continue;
    const intoHillside =
      !child.atHillside &&
      child.careStatus === 'looked_after' &&
      area(child.home).welsh &&
      ctx.rng.chance(0.2);
    if ((child.atHillside && ctx.rng.chance(0.9)) || intoHillside) drafts.push(transitionDraft(ctx, child));
    if (ctx.rng.chance(0.12)) drafts.push(moveDraft(ctx, child));
  }
  const names = ctx.rng.some(SETTINGS, 5);
  const events = ctx.rng.some(REGISTRATION_EVENTS, ctx.rng.int(3, 5));
  for (const [i, event] of events.entries())
    drafts.push(registrationDraft(ctx, event, names[i] ?? `Home ${i + 1}`));
  return drafts;
}
