import { HOUR, londonDateTime } from './clock.ts';
import { area } from './cohort.ts';
import type { Episode } from './missing-stories.ts';
import { baseFields, senderFacts, subjectOf } from './payload-base.ts';
import { type Draft, defined, type MonthContext, recipients } from './plan.ts';

const MINUTE = 60_000;

/** The debrief after an episode, by Barnardo's (or the home authority) for a Western Bay child; null if not held by now. */
export function debriefDraft(ctx: MonthContext, e: Episode, ended: number): Draft | null {
  const { child } = e;
  const { rng } = ctx;
  const from = rng.chance(0.85) ? 'barnardos-cymru' : area(child.home).frontDoor;
  const offered = rng.chance(0.88);
  const offeredAt = ended + rng.int(1, 20) * HOUR;
  const accepted = offered && rng.chance(0.72);
  let heldAt: number | null = null;
  let last: number;
  if (!offered) last = ended + rng.int(12, 48) * HOUR;
  else if (!accepted) last = offeredAt + rng.int(1, 24) * HOUR;
  else {
    const hours = rng.chance(0.8) ? rng.int(6, 70) : rng.int(74, 140);
    heldAt = Math.max(ended + hours * HOUR, offeredAt + HOUR);
    last = heldAt + rng.int(1, 6) * HOUR;
  }
  if (last > ctx.now - MINUTE) return null;
  const within = heldAt === null ? null : heldAt - ended <= 72 * HOUR;
  const indicators =
    heldAt !== null && child.exploitation.length > 0 && rng.chance(0.6) ? [...child.exploitation] : [];
  const s = senderFacts(from);
  const ex = ctx.examples['return-home-interview'];
  const payload = defined({
    ...baseFields(ex, {
      from,
      at: last,
      purpose: 'safeguarding_child_at_risk',
      rationale: `The debrief after ${child.given}'s missing episode; the home authority and police need what was said before planning.`,
      child,
    }),
    subject: subjectOf(child),
    missingEpisode: { policeRef: e.policeRef, endedAt: londonDateTime(ended) },
    terminology: 'debrief',
    offered: offered ? 'yes' : 'no',
    offeredAt: offered ? londonDateTime(offeredAt) : undefined,
    notOfferedReason: offered
      ? undefined
      : 'The child moved placement the day after returning; the new area was asked to offer it.',
    accepted: offered ? (accepted ? 'yes' : 'no') : undefined,
    declinedReason: offered && !accepted ? 'Did not want to talk about where they had been.' : undefined,
    heldAt: heldAt === null ? undefined : londonDateTime(heldAt),
    conductedBy:
      heldAt === null
        ? undefined
        : [
            {
              org: s.org,
              role: from === 'barnardos-cymru' ? 'independent_worker' : 'social_worker',
              independent: from === 'barnardos-cymru',
            },
          ],
    timescaleHours: 72,
    withinTimescale: within ?? undefined,
    childViews:
      heldAt === null
        ? undefined
        : `${child.given} said they want more time with friends and fewer arguments at home.`,
    disclosures:
      heldAt === null
        ? undefined
        : `${child.given} described where they stayed and who they were with; the details are in the case record.`,
    pushFactors: heldAt === null ? undefined : ['Arguments at home or in placement'],
    pullFactors: heldAt === null ? undefined : ['Older associates offering money and alcohol'],
    exploitationIndicators:
      heldAt === null
        ? undefined
        : indicators.length > 0
          ? { present: true, types: indicators }
          : { present: false },
    onwardActions:
      heldAt === null
        ? undefined
        : indicators.length > 0
          ? ['strategy_discussion', 'intelligence_submitted']
          : ['support_service'],
  });
  return {
    kind: 'return-home-interview',
    child,
    from,
    to: rng.chance(0.5) ? null : recipients(from, [area(child.home).frontDoor, 'south-wales-police']),
    purpose: 'safeguarding_child_at_risk',
    at: last,
    handover: false,
    responses: [],
    facts: {
      kind: 'return-home-interview',
      offered,
      accepted: offered ? accepted : null,
      held: heldAt !== null,
      withinTimescale: within,
      hoursAfterEpisode: heldAt === null ? null : Math.round((heldAt - ended) / HOUR),
      exploitationIndicators: indicators,
    },
    payload,
  };
}
