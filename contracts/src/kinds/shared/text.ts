import { z } from 'zod';

/** Non-empty trimmed text of at most `max` characters. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** Short labels and names. */
export const ShortText = text(200);
/** Descriptions and summaries. */
export const LongText = text(4000);
/** Narratives (concerns, intelligence): large but bounded. */
export const Narrative = text(20_000);

/** A message id of an earlier share (16 bytes of base64url, as in the envelope header). */
export const MessageRef = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a Cwtch message id');
export type MessageRef = z.infer<typeof MessageRef>;

/** An array of unique values; duplicates are reported at the repeated element. */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const [i, value] of list.entries()) {
        const key = JSON.stringify(value);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
        seen.add(key);
      }
    });
}

/** Yes or no, as the SSDA903 return records it (blank when the question does not arise). */
export const YesNo = z.enum(['yes', 'no']);
export type YesNo = z.infer<typeof YesNo>;
