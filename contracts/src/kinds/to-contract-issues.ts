import type { z } from 'zod';
import { identifierIssueCode } from '../identifiers/index.ts';
import type { ContractIssue } from './contract-issue.ts';

/** Unknown keys shown in a path only when they look like field names (never `__proto__` and friends). */
const SHOWABLE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const HIDDEN_KEYS = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
/** At most this many issues are returned; a hostile payload can produce far more. */
export const MAX_ISSUES = 100;

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === 'symbol' ? '?' : segment));
}

/**
 * Turns zod issues into contract issues: path and message only, never the input. Unknown keys
 * become one issue each; a key that does not look like a field name is withheld.
 */
export function toContractIssues(issues: readonly z.core.$ZodIssue[]): ContractIssue[] {
  const out: ContractIssue[] = [];
  for (const issue of issues) {
    const path = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const showable = SHOWABLE_KEY.test(key) && !HIDDEN_KEYS.has(key);
        out.push(
          showable
            ? { path: [...path, key], message: 'is not a field of this contract', code: issue.code }
            : { path, message: 'has a field this contract does not allow (name withheld)', code: issue.code },
        );
      }
    } else {
      // An identifier rule's refusal carries its own code (LA_DISTRICT_COUNCIL, POLICE_FORCE_NOT_FOR_AREA, …).
      out.push({ path, message: issue.message, code: identifierIssueCode(issue) ?? issue.code });
    }
  }
  if (out.length <= MAX_ISSUES) return out;
  const more = out.length - (MAX_ISSUES - 1);
  return [
    ...out.slice(0, MAX_ISSUES - 1),
    { path: [], message: `${more} more issues not shown`, code: 'too_many' },
  ];
}
