import { z } from 'zod';
import { ExploitationType } from '../shared/exploitation.ts';

/**
 * The data items of the boards' monthly data sheet (DESIGN §6b; the West Glamorgan exploitation
 * group's sheet and its minutes' additions), each counted at the sending agency's edge from the
 * notifications it sent, in the month it sent them. `children` items count distinct children
 * (by the agency's subject reference), never rows.
 */
export const BoardItem = z.enum([
  'protocol_children_new',
  'protocol_children_open',
  'protocol_children_closed',
  'protocol_children_previously',
  'first_missing_children',
  'family_group_conferences',
  'incidents',
  'missing_found',
  'missing_episodes',
  'absent_episodes',
  'return_interviews_offered',
  'return_interviews_accepted',
  'return_interviews_in_timescale',
  'nrm_referrals_child',
  'nrm_referrals_adult',
  'guardian_referrals',
  'youth_justice_children',
  'transitions',
  'transitions_notified_before_arrival',
  'moves_in',
  'moves_out',
  'intelligence_forms_to_police',
  'shares_sent',
]);
export type BoardItem = z.infer<typeof BoardItem>;

/** Age at an event, in the bands the boards use. */
export const AgeBand = z.enum(['under_10', '10_11', '12_13', '14_15', '16_17', '18_plus', 'unknown']);
export type AgeBand = z.infer<typeof AgeBand>;

/** Where a missing child was found, against where they were reported missing from. */
export const FoundWhere = z.enum(['own_area', 'other_welsh_area', 'england', 'elsewhere']);
export type FoundWhere = z.infer<typeof FoundWhere>;

/** A police risk grade, or none given. */
export const RiskGradeOrNone = z.enum(['no_apparent_risk', 'low', 'medium', 'high', 'not_graded']);

/** A postcode district (the outward code: `SA1`, `LL11`): never a full postcode. */
export const PostcodeDistrict = z
  .string()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, 'must be a postcode district (outward code), never a full postcode');

/** A notification kind's name, as a breakdown of `shares_sent`. */
const KindCode = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a notification kind');

/** What each item counts, and how it may be broken down (`by`). */
export const BOARD_ITEMS: Readonly<
  Record<BoardItem, { readonly unit: 'children' | 'count'; readonly by?: z.ZodType<string> }>
> = {
  protocol_children_new: { unit: 'children', by: ExploitationType },
  protocol_children_open: { unit: 'children' },
  protocol_children_closed: { unit: 'children' },
  protocol_children_previously: { unit: 'children' },
  first_missing_children: { unit: 'children', by: AgeBand },
  family_group_conferences: { unit: 'count' },
  incidents: { unit: 'count', by: PostcodeDistrict },
  missing_found: { unit: 'count', by: FoundWhere },
  missing_episodes: { unit: 'count', by: RiskGradeOrNone },
  absent_episodes: { unit: 'count', by: RiskGradeOrNone },
  return_interviews_offered: { unit: 'count' },
  return_interviews_accepted: { unit: 'count' },
  return_interviews_in_timescale: { unit: 'count' },
  nrm_referrals_child: { unit: 'count' },
  nrm_referrals_adult: { unit: 'count' },
  guardian_referrals: { unit: 'count' },
  youth_justice_children: { unit: 'children' },
  transitions: { unit: 'count' },
  transitions_notified_before_arrival: { unit: 'count' },
  moves_in: { unit: 'count' },
  moves_out: { unit: 'count' },
  intelligence_forms_to_police: { unit: 'count' },
  shares_sent: { unit: 'count', by: KindCode },
};

/**
 * One fact a notification contributes to the board's figures, derived at the sender's edge by
 * its kind (`boardFacts` in the kind's folder): the item, the child's authority (ONS code) the
 * figure belongs to, a breakdown value, and whether it counts the child (distinct) or the
 * notification. `protocol_state` (`open` or `closed`) is the child's protocol status as of
 * this notification, from which open children at the month's end are counted.
 */
export interface BoardFact {
  readonly item: BoardItem | 'protocol_state';
  readonly authority?: string | undefined;
  readonly by?: string | undefined;
  readonly child?: boolean;
}

/** The band of an age in whole years at `on` for someone born on `born` (ISO dates). */
export function ageBand(born: string | undefined, on: string | undefined): AgeBand {
  if (!born || !on) return 'unknown';
  const [by, bm, bd] = born.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.slice(0, 10).split('-').map(Number) as [number, number, number];
  const age = oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
  if (Number.isNaN(age) || age < 0) return 'unknown';
  if (age < 10) return 'under_10';
  if (age < 12) return '10_11';
  if (age < 14) return '12_13';
  if (age < 16) return '14_15';
  if (age < 18) return '16_17';
  return '18_plus';
}

/** The postcode district (outward code) of a full or partial UK postcode, or undefined. */
export function postcodeDistrict(postcode: string | undefined): string | undefined {
  if (!postcode) return undefined;
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  const outward = compact.length > 4 ? compact.slice(0, -3) : compact;
  return PostcodeDistrict.safeParse(outward).success ? outward : undefined;
}

/** Where a child was found against where reported missing from (authorities' ONS codes). */
export function foundWhere(from: string | undefined, found: string | undefined): FoundWhere {
  if (found !== undefined && found === from) return 'own_area';
  if (found?.startsWith('W06')) return 'other_welsh_area';
  if (found && /^E0[6-9]|^E10/.test(found)) return 'england';
  return 'elsewhere';
}
