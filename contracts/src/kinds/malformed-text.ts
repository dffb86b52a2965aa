import type { ContractIssue } from './contract-issue.ts';

// With the `u` flag a paired surrogate is one code point; only a lone one is category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` is well-formed Unicode: no lone surrogate (so it has a UTF-8 encoding). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

interface Visit {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: Visit | undefined;
}

function pathOf(visit: Visit | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v = visit; v?.key !== undefined; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * The first string or object key in a JSON value that holds a lone surrogate (`"\ud800"` parses
 * to one, yet it has no UTF-8 encoding: strict readers refuse it), as an issue naming its path,
 * never its text; null when every string and key is well-formed. Iterative, so depth is no limit.
 *
 * @example
 * malformedTextIssue(JSON.parse('{"a": ["ok", "\\ud800"]}')); // { path: ['a', 1], message: '…' }
 */
export function malformedTextIssue(value: unknown): ContractIssue | null {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const v = visit.value;
    if (typeof v === 'string') {
      if (!isWellFormedText(v))
        return { path: pathOf(visit), message: 'is not well-formed Unicode (a lone surrogate)' };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: visit });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      if (!keys.every(isWellFormedText))
        return {
          path: pathOf(visit),
          message: 'has a key that is not well-formed Unicode (a lone surrogate)',
        };
      for (const key of keys.reverse())
        stack.push({ value: (v as Record<string, unknown>)[key], key, parent: visit });
    }
  }
  return null;
}
