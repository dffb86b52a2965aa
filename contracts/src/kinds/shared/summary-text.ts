import { codeName } from './code-names.ts';
import type { LabelGroup } from './label-groups.ts';

/** A page language. */
export type Lang = 'en' | 'cy';

/** The label of `value` in the coded field at `path` (or an organisation code's name), else the value. */
export function valueText(labels: LabelGroup, path: string, value: string, lang: Lang): string {
  const values = Object.hasOwn(labels, path) ? labels[path]?.values : undefined;
  const label = values && Object.hasOwn(values, value) ? values[value] : codeName(value);
  return label?.[lang] ?? value;
}

/** A date or date-time as a day in Europe/London, e.g. `8 Mar 2025` / `8 Maw 2025`. */
export function dayText(dateOrDateTime: string, lang: Lang): string {
  const at = Date.parse(dateOrDateTime.length === 10 ? `${dateOrDateTime}T12:00:00Z` : dateOrDateTime);
  if (Number.isNaN(at)) return dateOrDateTime;
  return new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
}

/** The parts that are given, joined into one inbox line. */
export function line(...parts: readonly (string | false | undefined | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** English or Welsh. */
export function say(lang: Lang, en: string, cy: string): string {
  return lang === 'cy' ? cy : en;
}
