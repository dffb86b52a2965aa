import { labelKey } from './field-paths.ts';
import { type KindName, kinds } from './registry.ts';
import { codeName } from './shared/code-names.ts';
import type { FieldLabel, Label } from './shared/label-groups.ts';

export type { FieldLabel, Label, ValueLabels } from './shared/label-groups.ts';

/**
 * English and Welsh labels for every field of every kind, keyed by field path with array
 * indices dropped (`subject.dateOfBirth`, `subject.identifiers.value`), containers included
 * (for headings): each kind's own labels (`kinds[kind].labels`) merged, the first kind to
 * label a path winning. Prefer {@link labelFor} with the kind, which reads that kind's labels.
 */
export const fieldLabels: Readonly<Record<string, FieldLabel>> = Object.freeze(
  Object.assign(
    {},
    ...Object.values(kinds)
      .reverse()
      .map((k) => k.labels),
  ) as Record<string, FieldLabel>,
);

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * The label of a field, from its path as a zod issue or a walk over a payload gives it; with
 * `kind`, that kind's label (a path may read differently in another kind).
 *
 * @example labelFor(['subject', 'identifiers', 0, 'value'])?.cy // 'Dynodwr'
 */
export function labelFor(path: readonly (string | number)[], kind?: KindName): FieldLabel | undefined {
  const key = labelKey(path);
  return kind === undefined ? own(fieldLabels, key) : own(kinds[kind].labels, key);
}

/**
 * The label of a value in the field at `path`: the kind's label for a coded field's value, else
 * the name of an organisation code (local authority, police force, health board), else undefined
 * (free text, numbers and dates are shown as they are).
 *
 * @example valueLabelFor('missing-episode', ['episodeType'], 'M')?.cy // 'Ar goll o ofal'
 */
export function valueLabelFor(
  kind: KindName | undefined,
  path: readonly (string | number)[],
  value: unknown,
): Label | undefined {
  if (typeof value !== 'string') return undefined;
  const values = labelFor(path, kind)?.values;
  return (values && own(values, value)) ?? codeName(value);
}
