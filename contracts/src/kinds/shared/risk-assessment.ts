import { z } from 'zod';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { IsoDate } from './dates.ts';
import { report } from './notification-base.ts';
import { LongText, ShortText, text } from './text.ts';

/** SERAF categories, English-adapted 4-band scale: 0–5, 6–10, 11–15, 16+ (reference §4.1). */
export const Seraf4Category = z.enum(['not_at_risk', 'mild', 'moderate', 'significant']);
export type Seraf4Category = z.infer<typeof Seraf4Category>;

/** Categories for other tools; their real labels are an open question (reference §6 q1). */
export const GradedCategory = z.enum(['low', 'medium', 'high']);
export type GradedCategory = z.infer<typeof GradedCategory>;

const count = z.number().int().min(0).max(100);
/** SERAF item counts; significant current indicators score 5 each, the rest 1 each. */
export const SerafBreakdown = z.strictObject({
  vulnerabilities: count,
  moderateIndicators: count,
  significantCurrent: count,
  significantRecent: count,
});
export type SerafBreakdown = z.infer<typeof SerafBreakdown>;

/** The SERAF total for a breakdown. */
export function serafScore(b: SerafBreakdown): number {
  return b.vulnerabilities + b.moderateIndicators + 5 * b.significantCurrent + b.significantRecent;
}

/** The SERAF band a score falls in. */
export function serafCategoryForScore(score: number): Seraf4Category {
  if (score <= 5) return 'not_at_risk';
  if (score <= 10) return 'mild';
  if (score <= 15) return 'moderate';
  return 'significant';
}

const common = {
  toolVersion: text(50),
  assessedAt: IsoDate,
  assessorAgency: OrgRef,
  /** Why the category departs from the score band (SERAF favours professional judgement). */
  overrideReason: LongText.optional(),
};

const Seraf = z
  .strictObject({
    tool: z.literal('SERAF'),
    ...common,
    score: z.number().int().min(0).max(1000).optional(),
    category: Seraf4Category,
    serafBreakdown: SerafBreakdown.optional(),
  })
  .superRefine((assessment, ctx) => {
    const total = assessment.serafBreakdown && serafScore(assessment.serafBreakdown);
    if (assessment.score !== undefined && total !== undefined && assessment.score !== total) {
      report(ctx, ['score'], 'must equal the total of serafBreakdown');
    }
    const score = assessment.score ?? total;
    if (
      score !== undefined &&
      assessment.overrideReason === undefined &&
      serafCategoryForScore(score) !== assessment.category
    ) {
      report(
        ctx,
        ['category'],
        'does not match the SERAF band for the score; give overrideReason to override',
      );
    }
  });

const score = z.number().min(0).max(1000).optional();

/**
 * An exploitation risk assessment: `{tool, toolVersion, score?, category}` with a category
 * list per tool. For SERAF the category must match the score band unless overridden.
 */
export const RiskAssessment = z.discriminatedUnion('tool', [
  Seraf,
  z.strictObject({
    tool: z.literal('local_exploitation_screening'),
    ...common,
    score,
    category: GradedCategory,
  }),
  z.strictObject({
    tool: z.literal('other'),
    toolName: ShortText,
    ...common,
    score,
    category: GradedCategory,
  }),
]);
export type RiskAssessment = z.infer<typeof RiskAssessment>;
