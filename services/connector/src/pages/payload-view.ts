import { labelFor } from '@cwtch/contracts';
import { html, type Lang, type SafeHtml } from '@cwtch/http';
import { formatTime, t } from './page-text.ts';

type Path = readonly (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field's label in `lang`, or its name spelt out when the contract has none. */
function label(path: Path, lang: Lang): string {
  const found = labelFor(path);
  if (found) return found[lang];
  const last = [...path].reverse().find((p) => typeof p === 'string') ?? '';
  return String(last).replace(/([a-z])([A-Z])/g, '$1 $2');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value as text: yes/no, times in Europe/London (with the exact value kept), else as sent. */
function scalar(value: unknown, lang: Lang): SafeHtml {
  if (typeof value === 'boolean') return html`${t(lang, value ? 'yes' : 'no')}`;
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return html`<time datetime="${value}">${formatTime(Date.parse(value), lang)}</time>`;
  return html`${value === null ? '—' : String(value)}`;
}

function fields(value: Record<string, unknown>, path: Path, lang: Lang, depth: number): SafeHtml {
  const leaves: SafeHtml[] = [];
  const groups: SafeHtml[] = [];
  for (const [key, child] of Object.entries(value)) {
    const p = [...path, key];
    if (isRecord(child)) groups.push(group(child, p, lang, depth));
    else if (Array.isArray(child) && child.some(isRecord)) {
      groups.push(html`<section class="group"><h${Math.min(depth + 3, 6)}>${label(p, lang)}</h${Math.min(depth + 3, 6)}>
${child.map((item, i) =>
  isRecord(item)
    ? html`<section class="group" aria-label="${label(p, lang)} ${i + 1}">${fields(item, [...p, i], lang, depth + 1)}</section>`
    : html`<p>${scalar(item, lang)}</p>`,
)}</section>`);
    } else {
      const shown = Array.isArray(child)
        ? child.map((v) => scalar(v, lang)).map((v, i) => html`${i ? ', ' : ''}${v}`)
        : scalar(child, lang);
      leaves.push(
        html`<dt data-path="${p.filter((s) => typeof s === 'string').join('.')}">${label(p, lang)}</dt><dd>${shown}</dd>`,
      );
    }
  }
  return html`${leaves.length ? html`<dl class="fields">${leaves}</dl>` : ''}${groups}`;
}

function group(value: Record<string, unknown>, path: Path, lang: Lang, depth: number): SafeHtml {
  const level = Math.min(depth + 3, 6);
  return html`<section class="group"><h${level}>${label(path, lang)}</h${level}>${fields(value, path, lang, depth + 1)}</section>`;
}

/**
 * Every field of a decrypted payload, whatever its kind, under the contract's labels in
 * `lang`: scalars as a definition list, objects and lists of objects as nested sections. Every
 * value is escaped, so a payload can never add markup to the page.
 */
export function payloadView(payload: unknown, lang: Lang): SafeHtml {
  return isRecord(payload) ? fields(payload, [], lang, 0) : html`<p>${scalar(payload, lang)}</p>`;
}
