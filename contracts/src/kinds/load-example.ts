import { readFileSync } from 'node:fs';
import type { KindName } from './registry.ts';

/** Marks a field to remove in {@link edited}. */
export const REMOVE: unique symbol = Symbol('remove');

/** Where a kind's example lives: its folder (`contracts/examples/<kind>.json` is a generated copy). */
export function exampleUrl(kind: string): URL {
  return new URL(`./${kind}/example.json`, import.meta.url);
}

/** The example payload of a kind, freshly read from its folder (for tests and tools). */
export function loadExample(kind: KindName): Record<string, unknown> {
  return JSON.parse(readFileSync(exampleUrl(kind), 'utf8'));
}

/** A deep copy of `value` with the field at `path` set to `next`, or removed with {@link REMOVE}. */
export function edited(
  value: unknown,
  path: readonly (string | number)[],
  next: unknown,
): Record<string, unknown> {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) throw new Error('empty path');
  if (next === REMOVE) delete node[last];
  else node[last] = next;
  return copy;
}

/** The issue a refused parse reports at exactly `path`, or `undefined` (for tests). */
export function issueAt(
  result: { ok: boolean; issues?: readonly { path: readonly (string | number)[]; message: string }[] },
  path: readonly (string | number)[],
): { path: readonly (string | number)[]; message: string } | undefined {
  const wanted = JSON.stringify(path);
  return result.issues?.find((issue) => JSON.stringify(issue.path) === wanted);
}
