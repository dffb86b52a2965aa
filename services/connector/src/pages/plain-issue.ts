import { type KindName, labelFor } from '@cwtch/contracts';
import type { Lang } from '@cwtch/http';
import type { Issue } from '@cwtch/runtime';

/** A field's label as it reads mid-sentence: "date of birth", but "NHS number" kept. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/**
 * A contract issue as a person reads it, in `lang`, with its field's label: "Enter date of
 * birth" for a missing field, "Choose care status" for a missing or unknown choice, the
 * contract's own rule ("Date of birth must not be after occurredAt") otherwise; never zod's
 * "Invalid input: expected object, received undefined".
 */
export function plainIssue(issue: Issue, kind: KindName | undefined, lang: Lang): string {
  const found = issue.path.length ? labelFor(issue.path, kind) : undefined;
  const last = [...issue.path].reverse().find((p) => typeof p === 'string');
  const label = found?.[lang] ?? (last ? String(last).replace(/([a-z])([A-Z])/g, '$1 $2') : '');
  const cy = lang === 'cy';
  const missing = /received undefined|received null/.test(issue.message);
  const code = issue.code;
  if (label && missing)
    return found?.values
      ? `${cy ? 'Dewiswch' : 'Choose'} ${midSentence(label)}`
      : `${cy ? 'Rhowch' : 'Enter'} ${midSentence(label)}`;
  if (label && (code === 'invalid_value' || code === 'invalid_union'))
    return `${cy ? 'Dewiswch' : 'Choose'} ${midSentence(label)}`;
  if (label && code === 'invalid_type')
    return cy
      ? `Rhowch ${midSentence(label)} yn y ffurf gywir`
      : `Enter ${midSentence(label)} in the right form`;
  if (label && code === 'invalid_format')
    return cy
      ? `Rhowch ${midSentence(label)} yn y ffurf gywir (er enghraifft, dyddiad go iawn)`
      : `Enter ${midSentence(label)} in the right form (for example, a real date)`;
  if (label && code === 'too_small' && /(>=|at least) ?1\b/.test(issue.message))
    return `${cy ? 'Rhowch' : 'Enter'} ${midSentence(label)}`;
  const rule = issue.message.replace(/^Invalid input:?\s*/i, '');
  return label ? `${label}: ${rule}` : rule;
}
