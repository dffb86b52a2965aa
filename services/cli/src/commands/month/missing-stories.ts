import { ageOn, HOUR, londonDate, londonDateTime } from './clock.ts';
import {
  area,
  districtOf,
  HILLSIDE,
  MONTH_AREAS,
  type MonthChild,
  postcodeIn,
  WESTERN_BAY_AREAS,
} from './cohort.ts';
import { debriefDraft } from './debrief-draft.ts';
import { foundElsewhereDraft } from './found-elsewhere-draft.ts';
import { FOUND_PLACES } from './names.ts';
import { baseFields, caseRefs, policeNumber, senderFacts, subjectOf } from './payload-base.ts';
import { type Draft, defined, hostAnswer, type MonthContext, recipients } from './plan.ts';

const MINUTE = 60_000;
const RISK_SCHEME = 'APP-missing-current';
const EPISODES: readonly (readonly [number, number])[] = [
  [0, 12],
  [1, 28],
  [2, 28],
  [3, 18],
  [4, 9],
  [5, 5],
];

/** Where the child lives and so goes missing from: the home's address, or Hillside. */
function missingFrom(child: MonthChild) {
  if (child.atHillside) {
    return { la: HILLSIDE.la, postcode: HILLSIDE.postcode, description: "Hillside Secure Children's Home" };
  }
  const where = child.careStatus === 'looked_after' ? "Children's home (address withheld)" : 'Family home';
  return { la: child.home, postcode: child.address.postcode, description: where };
}

/** One episode as it happened: times, places, and what followed. */
export interface Episode {
  readonly child: MonthChild;
  readonly index: number;
  readonly lastSeen: number;
  readonly reported: number;
  readonly ended: number | null;
  readonly from: { la: string; postcode: string; description: string };
  readonly found: { la: string; postcode: string; description: string } | null;
  readonly policeRef: string;
  /** The child's first missing episode ever: before the month, or the month's first. */
  readonly firstMissingDate: string;
}

function foundArea(ctx: MonthContext, reportedLa: string): string {
  const where = ctx.rng.weighted<'same' | 'wales' | 'england'>([
    ['same', 65],
    ['wales', 22],
    ['england', 13],
  ]);
  if (where === 'same') return reportedLa;
  const welsh = Object.values(MONTH_AREAS).filter((a) => a.welsh && a.la !== reportedLa);
  if (where === 'wales' || reportedLa === 'E08000027') return ctx.rng.pick(welsh).la;
  return 'E08000027';
}

function foundIn(reported: string, found: string | null): 'own_area' | 'other_welsh_area' | 'england' | null {
  if (found === null) return null;
  if (found === reported) return 'own_area';
  return area(found).welsh ? 'other_welsh_area' : 'england';
}

/** The child's episodes this month, in order; an episode that would end after now is still open. */
function episodesOf(ctx: MonthContext, child: MonthChild): Episode[] {
  const count = ctx.rng.weighted(EPISODES);
  const starts = Array.from({ length: count }, () => ctx.when(ctx.now - 30 * MINUTE)).sort((a, b) => a - b);
  const firstMissingDate = child.firstMissingBefore ?? londonDate(starts[0] ?? ctx.start);
  return starts.map((lastSeen, index) => {
    const reported = ctx.clamp(lastSeen + ctx.rng.int(20, 150) * MINUTE);
    const hours = ctx.rng.weighted<[number, number]>([
      [[2, 12], 50],
      [[12, 36], 35],
      [[36, 96], 15],
    ]);
    const end = reported + ctx.rng.int(hours[0] * 60, hours[1] * 60) * MINUTE;
    const ended = end <= ctx.now - 20 * MINUTE ? end : null;
    const from = missingFrom(child);
    const la = foundArea(ctx, from.la);
    return {
      child,
      index,
      lastSeen,
      reported,
      ended,
      from,
      found:
        ended === null
          ? null
          : {
              la,
              postcode: postcodeIn(ctx.rng, ctx.rng.pick(area(la).districts)),
              description: `${ctx.rng.pick(FOUND_PLACES)}, ${ctx.rng.pick(area(la).places)}`,
            },
      policeRef: policeNumber(ctx.rng),
      firstMissingDate,
    };
  });
}

/** The return interview a missing episode records itself, when no separate debrief share follows. */
function embeddedInterview(ctx: MonthContext, ended: number) {
  if (ended + 30 * HOUR > ctx.now || !ctx.rng.chance(0.7)) return null;
  if (!ctx.rng.chance(0.85))
    return {
      payload: { terminology: 'debrief', offered: 'no' },
      last: ended,
      facts: { offered: false, accepted: null, held: false, withinTimescale: null },
    };
  const offeredAt = ended + ctx.rng.int(1, 12) * HOUR;
  const accepted = ctx.rng.chance(0.7);
  const heldAt = accepted ? offeredAt + ctx.rng.int(2, 90) * HOUR : null;
  const held = heldAt !== null && heldAt <= ctx.now - 30 * MINUTE;
  const within = held ? heldAt - ended <= 72 * HOUR : null;
  return {
    payload: defined({
      terminology: 'debrief',
      offered: 'yes',
      offeredAt: londonDateTime(offeredAt),
      accepted: accepted ? 'yes' : 'no',
      heldAt: held ? londonDateTime(heldAt) : undefined,
      withinTarget: within ?? undefined,
    }),
    last: held ? heldAt : offeredAt,
    facts: { offered: true, accepted, held, withinTimescale: within },
  };
}

/** The home authority's or the police's notification of one episode. */
function episodeDraft(ctx: MonthContext, e: Episode, debriefFollows: boolean): Draft {
  const { child } = e;
  const { rng } = ctx;
  const reportedArea = area(e.from.la);
  const from =
    child.atHillside && rng.chance(0.6)
      ? 'hillside'
      : rng.chance(0.55)
        ? area(child.home).frontDoor
        : reportedArea.police;
  const type = rng.chance(0.7) ? 'M' : 'A';
  const grade =
    type === 'M'
      ? rng.weighted<'low' | 'medium' | 'high'>([
          ['low', 30],
          ['medium', 50],
          ['high', 20],
        ])
      : rng.weighted<'no_apparent_risk' | 'low'>([
          ['no_apparent_risk', 60],
          ['low', 40],
        ]);
  const found = e.found;
  const interview =
    e.ended !== null && !debriefFollows && from !== reportedArea.police
      ? embeddedInterview(ctx, e.ended)
      : null;
  let at = ctx.clamp((e.ended ?? e.reported) + rng.int(10, 90) * MINUTE);
  if (interview) at = ctx.clamp(Math.max(at, interview.last + 30 * MINUTE));
  const firstEpisode = child.firstMissingBefore === null && e.index === 0;
  const firstMissingDate = e.firstMissingDate;
  const handover = found !== null && found.la !== child.home && found.la !== e.from.la;
  const check =
    e.ended !== null && e.ended + 2 * HOUR <= ctx.now ? e.ended + rng.int(20, 120) * MINUTE : null;
  const payload = defined({
    ...baseFields(ctx.examples['missing-episode'], {
      from,
      at,
      purpose: 'locate_missing_child',
      rationale: `${child.given} went missing${found && found.la !== e.from.la ? ` and was found in ${area(found.la).name}` : ''}; partners need the episode to plan the debrief and disruption.`,
      child,
    }),
    caseRefs: caseRefs(child, e.policeRef),
    subject: subjectOf(child),
    episodeType: type,
    policeRiskGrade: grade,
    riskSchemeVersion: RISK_SCHEME,
    lastSeenAt: londonDateTime(e.lastSeen),
    reportedAt: londonDateTime(e.reported),
    reportedMissingFrom: { ...e.from, pfa: reportedArea.pfa },
    endedAt: e.ended === null ? undefined : londonDateTime(e.ended),
    foundAt: found ? { ...found, pfa: area(found.la).pfa } : undefined,
    policeRef: e.policeRef,
    episodeCountToDate: child.episodesBefore + e.index + 1,
    firstMissingDate,
    childInformationFormAvailable: true,
    safeAndWellCheck:
      check && found
        ? { doneAt: londonDateTime(check), by: senderFacts(area(found.la).police).org }
        : undefined,
    returnInterview: interview?.payload,
    exploitationRisk: { considered: true, concerns: child.exploitation.length > 0 },
    ppnRef: `PPN-${e.policeRef}`,
  });
  const named = recipients(from, [
    area(child.home).frontDoor,
    reportedArea.police,
    reportedArea.frontDoor,
    found ? area(found.la).frontDoor : undefined,
    found ? area(found.la).police : undefined,
    child.atHillside ? 'hillside' : undefined,
  ]);
  const host = found ? area(found.la).frontDoor : undefined;
  const answer = hostAnswer(rng.next(), host ?? '', 0.6, 0.7, 'ALREADY_KNOWN');
  return {
    kind: 'missing-episode',
    child,
    from,
    // A handover is always named, so the host it asks is surely among the recipients.
    to: handover || !rng.chance(0.35) ? named : null,
    purpose: 'locate_missing_child',
    at,
    handover,
    responses: handover && host && host !== from ? answer : [],
    facts: {
      kind: 'missing-episode',
      episodeType: type,
      policeRiskGrade: grade,
      reportedMissingFrom: e.from.la,
      reportedDistrict: districtOf(e.from.postcode),
      ended: e.ended !== null,
      foundAt: found?.la ?? null,
      foundDistrict: found ? districtOf(found.postcode) : null,
      foundIn: foundIn(e.from.la, found?.la ?? null),
      handover,
      firstMissingDate,
      firstEpisode,
      ageAtFirstMissing: ageOn(child.dateOfBirth, firstMissingDate),
      ageAtEpisode: child.age,
      exploitationConcerns: child.exploitation.length > 0,
      returnInterview: interview?.facts ?? null,
    },
    payload,
  };
}

/**
 * Every child's missing episodes of the month, each with what follows it: the debrief
 * (Western Bay children, by Barnardo's) and, for a child found in a third area, the host
 * force's out-of-area notice.
 */
export function missingStories(ctx: MonthContext, children: readonly MonthChild[]): Draft[] {
  const drafts: Draft[] = [];
  for (const child of children) {
    if (child.adult) continue;
    for (const e of episodesOf(ctx, child)) {
      const debrief =
        e.ended !== null && WESTERN_BAY_AREAS.includes(child.home) && ctx.rng.chance(0.65)
          ? debriefDraft(ctx, e, e.ended)
          : null;
      drafts.push(episodeDraft(ctx, e, debrief !== null));
      if (debrief) drafts.push(debrief);
      if (
        e.ended !== null &&
        e.found &&
        e.found.la !== child.home &&
        e.found.la !== e.from.la &&
        ctx.rng.chance(0.7)
      )
        drafts.push(foundElsewhereDraft(ctx, e, e.ended, e.found));
    }
  }
  return drafts;
}
