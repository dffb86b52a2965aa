import { z } from 'zod';
import { IsoDate } from './dates.ts';
import { report } from './notification-base.ts';

/** A child's missing history in brief: how many episodes, first and last missing dates. */
export const MissingSummary = z
  .strictObject({
    episodeCount: z.number().int().min(0).max(10_000),
    firstMissingDate: IsoDate.optional(),
    lastMissingDate: IsoDate.optional(),
  })
  .superRefine((summary, ctx) => {
    const { firstMissingDate: first, lastMissingDate: last } = summary;
    if (first !== undefined && last !== undefined && first > last) {
      report(ctx, ['lastMissingDate'], 'must not be before firstMissingDate');
    }
    if (summary.episodeCount === 0 && (first !== undefined || last !== undefined)) {
      report(ctx, ['episodeCount'], 'must be at least 1 when missing dates are given');
    }
  });
export type MissingSummary = z.infer<typeof MissingSummary>;
