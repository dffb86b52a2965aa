import type { Issue } from '@cwtch/runtime';

/** The shape of a zod issue this package relies on. */
export interface ZodLikeIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly code?: string;
}

/** Maps zod issues to runtime issues (paths and messages only, never the offending values). */
export function toIssues(issues: readonly ZodLikeIssue[]): Issue[] {
  return issues.slice(0, 20).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return issue.code === undefined
      ? { path, message: issue.message }
      : { path, message: issue.message, code: issue.code };
  });
}
