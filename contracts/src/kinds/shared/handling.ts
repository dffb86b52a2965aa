import { z } from 'zod';
import { LongText } from './text.ts';

/** Government Security Classifications; the bus carries OFFICIAL only. */
export const Classification = z.enum(['OFFICIAL', 'SECRET', 'TOP_SECRET']);
export type Classification = z.infer<typeof Classification>;

/** 3x5x2 handling codes: P lawful sharing permitted; C permitted with conditions. */
export const HandlingCode = z.enum(['P', 'C']);
export type HandlingCode = z.infer<typeof HandlingCode>;

/**
 * Handling and classification (reference §2.3). Refuses anything above OFFICIAL; handling
 * code C needs its conditions, and conditions need code C. OFFICIAL-SENSITIVE is a marking
 * within OFFICIAL, not a classification.
 */
export const Handling = z
  .strictObject({
    classification: Classification,
    marking: z.literal('OFFICIAL-SENSITIVE').optional(),
    handlingCode: HandlingCode.optional(),
    handlingConditions: LongText.optional(),
    sanitised: z.boolean().optional(),
    sourceProtection: z.boolean().optional(),
  })
  .superRefine((handling, ctx) => {
    if (handling.classification !== 'OFFICIAL') {
      ctx.addIssue({
        code: 'custom',
        path: ['classification'],
        message: 'must be OFFICIAL: the bus does not carry SECRET or TOP SECRET material',
      });
    }
    if (handling.handlingCode === 'C' && handling.handlingConditions === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: 'is required with handling code C',
      });
    }
    if (handling.handlingCode !== 'C' && handling.handlingConditions !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: 'is allowed only with handling code C',
      });
    }
  });
export type Handling = z.infer<typeof Handling>;
