import { labelKey } from './field-paths.ts';
import {
  CARE_HOME_TRANSITION_LABELS,
  CSE_PROTOCOL_ENTRY_LABELS,
  INTELLIGENCE_FORM_LABELS,
  MISSING_EPISODE_LABELS,
  OUT_OF_AREA_MOVE_LABELS,
  WHEREABOUTS_LABELS,
} from './labels/kind-labels.ts';
import type { FieldLabel } from './labels/label-groups.ts';
import { SHARED_LABELS, SUBJECT_LABELS } from './labels/shared-labels.ts';

export type { FieldLabel } from './labels/label-groups.ts';

/**
 * English and Welsh labels for every field of every kind, keyed by field path with array
 * indices dropped (`subject.dateOfBirth`, `subject.identifiers.value`), containers included
 * (for headings). Kinds share one map: a path means the same thing in every kind it occurs in.
 */
export const fieldLabels: Readonly<Record<string, FieldLabel>> = Object.freeze({
  ...SHARED_LABELS,
  ...SUBJECT_LABELS,
  ...CSE_PROTOCOL_ENTRY_LABELS,
  ...CARE_HOME_TRANSITION_LABELS,
  ...WHEREABOUTS_LABELS,
  ...OUT_OF_AREA_MOVE_LABELS,
  ...INTELLIGENCE_FORM_LABELS,
  ...MISSING_EPISODE_LABELS,
});

/**
 * The label of a field, from its path as a zod issue or a walk over a payload gives it.
 *
 * @example labelFor(['subject', 'identifiers', 0, 'value'])?.cy // 'Dynodwr'
 */
export function labelFor(path: readonly (string | number)[]): FieldLabel | undefined {
  const key = labelKey(path);
  return Object.hasOwn(fieldLabels, key) ? fieldLabels[key] : undefined;
}
