import { type KindName, labelFor, valueLabelFor } from '@cwtch/contracts';
import { html, type Lang, type SafeHtml } from '@cwtch/http';
import { formatDate, formatTime, t } from './page-text.ts';

type Path = readonly (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a value sits and how to read it: the kind's labels, in `lang`. */
interface View {
  readonly kind: KindName | undefined;
  readonly lang: Lang;
}

/** A field's label in `lang`, or its name spelt out when the contract has none. */
function label(path: Path, { kind, lang }: View): string {
  const found = labelFor(path, kind);
  if (found) return found[lang];
  const last = [...path].reverse().find((p) => typeof p === 'string') ?? '';
  return String(last).replace(/([a-z])([A-Z])/g, '$1 $2');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One value as text: a code value under its label (the code kept in `data`), yes/no, times in
 * Europe/London (with the exact value kept), else as sent.
 */
function scalar(value: unknown, path: Path, { kind, lang }: View): SafeHtml {
  const coded = valueLabelFor(kind, path, value);
  if (coded) return html`<data value="${String(value)}">${coded[lang]}</data>`;
  if (typeof value === 'boolean') return html`${t(lang, value ? 'yes' : 'no')}`;
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return html`<time datetime="${value}">${formatTime(Date.parse(value), lang)}</time>`;
  if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)))
    return html`<time datetime="${value}">${formatDate(value, lang)}</time>`;
  return html`${value === null ? '—' : String(value)}`;
}

function fields(value: Record<string, unknown>, path: Path, view: View, depth: number): SafeHtml {
  const leaves: SafeHtml[] = [];
  const groups: SafeHtml[] = [];
  for (const [key, child] of Object.entries(value)) {
    const p = [...path, key];
    if (isRecord(child)) groups.push(group(child, p, view, depth));
    else if (Array.isArray(child) && child.some(isRecord)) {
      groups.push(html`<section class="group"><h${Math.min(depth + 3, 6)}>${label(p, view)}</h${Math.min(depth + 3, 6)}>
${child.map((item, i) =>
  isRecord(item)
    ? html`<section class="group" aria-label="${label(p, view)} ${i + 1}">${fields(item, [...p, i], view, depth + 1)}</section>`
    : html`<p>${scalar(item, p, view)}</p>`,
)}</section>`);
    } else {
      const shown = Array.isArray(child)
        ? child.map((v) => scalar(v, p, view)).map((v, i) => html`${i ? ', ' : ''}${v}`)
        : scalar(child, p, view);
      leaves.push(
        html`<dt data-path="${p.filter((s) => typeof s === 'string').join('.')}">${label(p, view)}</dt><dd>${shown}</dd>`,
      );
    }
  }
  return html`${leaves.length ? html`<dl class="fields">${leaves}</dl>` : ''}${groups}`;
}

function group(value: Record<string, unknown>, path: Path, view: View, depth: number): SafeHtml {
  const level = Math.min(depth + 3, 6);
  return html`<section class="group"><h${level}>${label(path, view)}</h${level}>${fields(value, path, view, depth + 1)}</section>`;
}

/**
 * Every field of a decrypted payload under its kind's labels in `lang`, code values under their
 * labels: scalars as a definition list, objects and lists of objects as nested sections. Every
 * value is escaped, so a payload can never add markup to the page.
 */
export function payloadView(payload: unknown, lang: Lang, kind?: KindName): SafeHtml {
  const view: View = { kind, lang };
  return isRecord(payload) ? fields(payload, [], view, 0) : html`<p>${scalar(payload, [], view)}</p>`;
}

/** Fields that say what the recipient is asked to do, wherever a kind has them. */
const ACTION_PATHS: readonly Path[] = [['actionsRequested'], ['onwardActions']];

/** Fields that say how much risk the child is at, wherever a kind has them. */
const RISK_PATHS: readonly Path[] = [
  ['policeRiskGrade'],
  ['riskAssessment', 'category'],
  ['riskSummary'],
  ['risks', 'other'],
  ['exploitationRisk', 'concerns'],
];

function at(payload: unknown, path: Path): unknown {
  let v: unknown = payload;
  for (const p of path) v = isRecord(v) ? v[p] : undefined;
  return v;
}

/** A labelled fact from the payload: its field's label and its value as text. */
export interface LeadFact {
  readonly label: string;
  readonly value: SafeHtml;
}

function facts(payload: unknown, paths: readonly Path[], view: View): LeadFact[] {
  return paths.flatMap((path) => {
    const v = at(payload, path);
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return [];
    const value = Array.isArray(v)
      ? html`<ul>${v.map((x) => html`<li>${scalar(x, path, view)}</li>`)}</ul>`
      : scalar(v, path, view);
    return [{ label: label(path, view), value }];
  });
}

/**
 * What a payload asks of its reader, first: the actions it requests and the risk it reports
 * (grade, category, summary), each under its kind's label with code values as words.
 */
export function leadFacts(
  payload: unknown,
  lang: Lang,
  kind?: KindName,
): { actions: LeadFact[]; risk: LeadFact[] } {
  const view: View = { kind, lang };
  return { actions: facts(payload, ACTION_PATHS, view), risk: facts(payload, RISK_PATHS, view) };
}
