import { CwtchError, type ErrorCode } from '@cwtch/runtime';
import { toIssues, type ZodLikeIssue } from './to-issues.ts';

/** The part of a zod schema this helper needs. */
export interface StrictSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ZodLikeIssue[] } };
}

/** Error codes for the three ways a canonical JSON text can fail. */
export interface CanonicalCodes {
  readonly syntax: ErrorCode;
  readonly schema: ErrorCode;
  readonly canonical: ErrorCode;
}

/**
 * Parses `text` with a strict schema and requires `JSON.stringify(parsed) === text`, which refuses
 * whitespace, reordered or duplicate members and needless escapes.
 */
export function parseCanonicalJson<T>(
  text: string,
  schema: StrictSchema<T>,
  codes: CanonicalCodes,
  what: string,
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CwtchError(codes.syntax, `${what} is not JSON`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new CwtchError(codes.schema, `${what} does not match its schema`, {
      issues: toIssues(result.error.issues),
    });
  }
  if (JSON.stringify(result.data) !== text) {
    throw new CwtchError(codes.canonical, `${what} is not in canonical form`);
  }
  return result.data;
}
