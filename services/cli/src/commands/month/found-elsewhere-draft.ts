import { londonDateTime } from './clock.ts';
import { area } from './cohort.ts';
import type { Episode } from './missing-stories.ts';
import { baseFields, CHILD_STATUS, cpIsFlag, senderFacts, subjectOf } from './payload-base.ts';
import { type Draft, defined, hostAnswer, type MonthContext, recipients } from './plan.ts';

const MINUTE = 60_000;

/** The host force's notice that a child missing from elsewhere was found in its area. */
export function foundElsewhereDraft(
  ctx: MonthContext,
  e: Episode,
  ended: number,
  found: NonNullable<Episode['found']>,
): Draft {
  const { child } = e;
  const { rng } = ctx;
  const host = area(found.la);
  const home = area(child.home);
  const from = host.police;
  const at = ctx.clamp(ended + rng.int(15, 60) * MINUTE);
  const payload = defined({
    ...baseFields(ctx.examples['out-of-area-move'], {
      from,
      at,
      purpose: 'safeguarding_child_at_risk',
      rationale: `A child missing from ${area(e.from.la).name} was found in ${host.name}; both areas need to act.`,
      child,
    }),
    subject: subjectOf(child),
    movementType: 'missing_found_elsewhere',
    homeLa: home.la,
    hostLa: host.la,
    homePfa: home.pfa,
    hostPfa: host.pfa,
    reportedMissingFrom: { ...e.from, pfa: area(e.from.la).pfa, at: londonDateTime(e.reported) },
    foundAt: { ...found, pfa: host.pfa, at: londonDateTime(ended) },
    foundBy: senderFacts(from).org,
    childStatus: CHILD_STATUS[child.careStatus],
    riskSummary: `Found by officers at ${found.description}; ${child.exploitation.length > 0 ? 'known to be at risk of exploitation' : 'no exploitation concerns recorded'}.`,
    riskRefs: undefined,
    actionsRequested: [
      'welfare_check',
      'return_interview',
      ...(child.exploitation.length > 0 ? (['strategy_discussion'] as const) : []),
    ],
    cpIsFlag: cpIsFlag(child),
  });
  const answer = hostAnswer(rng.next(), host.frontDoor, 0.55, 0.65, 'NOT_OUR_AREA');
  return {
    kind: 'out-of-area-move',
    child,
    from,
    to: recipients(from, [home.frontDoor, home.police, host.frontDoor, area(e.from.la).frontDoor]),
    purpose: 'safeguarding_child_at_risk',
    at,
    handover: true,
    responses: answer,
    facts: {
      kind: 'out-of-area-move',
      movementType: 'missing_found_elsewhere',
      homeLa: home.la,
      hostLa: host.la,
    },
    payload,
  };
}
