import { z } from 'zod';
import { LocalAuthorityCode } from '../../identifiers/local-authority-code.ts';
import { OrgScheme } from '../../identifiers/org-ref.ts';
import { IsoDateTime } from '../shared/dates.ts';
import { AgencyType } from '../shared/sender.ts';
import { BOARD_ITEMS, BoardItem } from './items.ts';

/** Why a figure is not shown: under 5 (primary), or so that a total cannot reveal one (secondary). */
export const Suppression = z.enum(['primary', 'secondary']);

/**
 * One figure of the sheet: an item, for one authority (`null`: the agency's whole figure), one
 * breakdown value (`null`: all), and its value, or `null` when suppressed. Nothing else: no
 * free text anywhere, so nothing identifying can ride along.
 */
export const BoardFigure = z
  .strictObject({
    item: BoardItem,
    authority: LocalAuthorityCode.nullable(),
    by: z.string().min(1).max(40).nullable(),
    value: z.number().int().min(0).max(10_000_000).nullable(),
    suppressed: Suppression.optional(),
  })
  .superRefine((f, ctx) => {
    const by = BOARD_ITEMS[f.item].by;
    if (f.by !== null && !by?.safeParse(f.by).success) {
      ctx.addIssue({ code: 'custom', path: ['by'], message: `is not a breakdown of ${f.item}` });
    }
    if ((f.value === null) !== (f.suppressed !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be null exactly when suppressed' });
    }
  });
export type BoardFigure = z.infer<typeof BoardFigure>;

/**
 * `board-statistics` v1: one agency's de-identified figures for one calendar month (DESIGN §6b),
 * to its safeguarding board under a data disclosure agreement. Strict throughout: codes,
 * counts and a postcode district at most; a name, an NHS number, a date of birth, a full postcode
 * or any free text is refused by the contract before anything is sealed.
 */
export const BoardStatistics = z.strictObject({
  sender: z.strictObject({
    agencyType: AgencyType,
    org: z.strictObject({ scheme: OrgScheme, value: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/) }),
  }),
  purpose: z.literal('board_statistics'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
  generatedAt: IsoDateTime,
  disclosureControl: z.strictObject({
    /** Counts from 1 to threshold - 1 are suppressed. */
    threshold: z.literal(5),
    /** Secondary suppression applied, so that no total reveals a suppressed count. */
    secondary: z.literal(true),
  }),
  figures: z.array(BoardFigure).max(20_000),
});
export type BoardStatistics = z.infer<typeof BoardStatistics>;
