import { type KindName, labelFor, valueLabelFor } from '@cwtch/contracts';
import { html, type Lang, type SafeHtml } from '@cwtch/http';
import { toLondonLocal } from './london-time.ts';
import { isObjectNode, normalise, type SchemaNode, scalarType } from './schema-node.ts';

/** What a generated form shows: current values, errors by field name, and lists grown by "add". */
export interface FormState {
  readonly values: unknown;
  /** Messages by dotted field name (`subject.dateOfBirth`), from the contract's own parse. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** Lists the person asked to grow by one item ("Add another"), by field name. */
  readonly grow: ReadonlySet<string>;
  readonly lang: Lang;
  /** The kind the form is for: its labels name the fields and the code values. */
  readonly kind?: KindName;
}

type Path = readonly (string | number)[];

const WORDS = {
  optional: { en: 'optional', cy: 'dewisol' },
  add: { en: 'Add another', cy: 'Ychwanegu un arall' },
  choose: { en: 'Choose…', cy: 'Dewiswch…' },
  yes: { en: 'Yes', cy: 'Ie' },
  no: { en: 'No', cy: 'Na' },
  onePerLine: { en: 'One per line.', cy: 'Un ar bob llinell.' },
} as const;

function valueAt(values: unknown, path: Path): unknown {
  let v = values;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function label(path: Path, lang: Lang, kind?: KindName): string {
  const found = labelFor(path, kind);
  if (found) return found[lang];
  const last = [...path].reverse().find((p) => typeof p === 'string') ?? '';
  return String(last).replace(/([a-z])([A-Z])/g, '$1 $2');
}

const nameOf = (path: Path) => path.join('.');

/** A code value's label in `lang` for the field `name` (`a.0.b`), else the code itself. */
function codeText(state: FormState, name: string, code: unknown): string {
  const path = name.split('.').filter((p) => !/^\d+$/.test(p));
  return valueLabelFor(state.kind, path, code)?.[state.lang] ?? String(code);
}

function errorsOf(state: FormState, name: string): SafeHtml {
  const list = state.errors.get(name) ?? [];
  return html`${list.map((m) => html`<p class="field-error" id="e-${name}"><span class="visually-hidden">Error: </span>${m}</p>`)}`;
}

function control(node: SchemaNode, name: string, value: unknown, state: FormState): SafeHtml {
  const id = `f-${name}`;
  const invalid = state.errors.has(name) ? html` aria-invalid="true" aria-describedby="e-${name}"` : '';
  const w = (k: keyof typeof WORDS) => WORDS[k][state.lang];
  const options = (pairs: [string, string][]) =>
    html`<select id="${id}" name="${name}"${invalid}><option value="">${w('choose')}</option>${pairs.map(
      ([v, text]) =>
        html`<option value="${v}"${String(value ?? '') === v ? html` selected` : ''}>${text}</option>`,
    )}</select>`;
  const type = scalarType(node);
  if (node.enum) return options(node.enum.map((e) => [String(e), codeText(state, name, e)]));
  if (node.const !== undefined) return options([[String(node.const), codeText(state, name, node.const)]]);
  if (type === 'boolean')
    return options([
      ['true', w('yes')],
      ['false', w('no')],
    ]);
  const text = value === undefined || value === null ? '' : String(value);
  if (type === 'integer' || type === 'number')
    return html`<input id="${id}" name="${name}" type="number" inputmode="decimal" step="${type === 'integer' ? '1' : 'any'}" value="${text}"${invalid}>`;
  if (node.format === 'date-time')
    return html`<input id="${id}" name="${name}" type="datetime-local" step="1" value="${text ? toLondonLocal(text) : ''}"${invalid}>`;
  if (node.format === 'date')
    return html`<input id="${id}" name="${name}" type="date" value="${text}"${invalid}>`;
  if ((node.maxLength ?? 0) > 300)
    return html`<textarea id="${id}" name="${name}" rows="4"${invalid}>${text}</textarea>`;
  const kind = node.format === 'email' ? 'email' : 'text';
  return html`<input id="${id}" name="${name}" type="${kind}" value="${text}" size="40"${invalid}>`;
}

function field(node: SchemaNode, path: Path, required: boolean, state: FormState): SafeHtml {
  const n = normalise(node);
  const name = nameOf(path);
  const value = valueAt(state.values, path);
  const title = label(path, state.lang, state.kind);
  const optional = required ? '' : html` <span class="hint">(${WORDS.optional[state.lang]})</span>`;
  const cls = state.errors.has(name) ? 'field has-error' : 'field';
  if (isObjectNode(n)) return group(n, path, required, state);
  if (scalarType(n) === 'array' || n.items) {
    const items = normalise(n.items ?? {});
    if (isObjectNode(items)) {
      const have = Array.isArray(value) ? value.length : 0;
      const count = Math.max(have, required ? 1 : 0) + (state.grow.has(name) ? 1 : 0);
      return html`<fieldset class="${cls}" id="f-${name}"><legend>${title}${optional}</legend>${errorsOf(state, name)}
${Array.from({ length: count }, (_, i) => group(items, [...path, i], true, state, `${title} ${i + 1}`))}
<button type="submit" class="secondary" name="_add" value="${name}">${WORDS.add[state.lang]}: ${title}</button></fieldset>`;
    }
    if (items.enum) {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      return html`<fieldset class="${cls}" id="f-${name}"><legend>${title}${optional}</legend>${errorsOf(state, name)}
${items.enum.map((e, i) => html`<label class="check"><input type="checkbox" name="${name}" id="f-${name}-${i}" value="${String(e)}"${chosen.includes(String(e)) ? html` checked` : ''}> ${codeText(state, name, e)}</label>`)}</fieldset>`;
    }
    const lines = Array.isArray(value) ? value.map(String).join('\n') : '';
    return html`<div class="${cls}"><label for="f-${name}">${title}${optional}</label><span class="hint">${WORDS.onePerLine[state.lang]}</span>${errorsOf(state, name)}
<textarea id="f-${name}" name="${name}" rows="2">${lines}</textarea></div>`;
  }
  return html`<div class="${cls}"><label for="f-${name}">${title}${optional}</label>${errorsOf(state, name)}${control(n, name, value, state)}</div>`;
}

function hasContent(value: unknown): boolean {
  return (
    value !== undefined && value !== null && (typeof value !== 'object' || Object.keys(value).length > 0)
  );
}

function group(node: SchemaNode, path: Path, required: boolean, state: FormState, legend?: string): SafeHtml {
  const name = nameOf(path);
  // Required fields first, so a duty manager meets what must be filled before what may be.
  const isRequired = (key: string) => node.required?.includes(key) ?? false;
  const entries = Object.entries(node.properties ?? {});
  const ordered = [...entries.filter(([k]) => isRequired(k)), ...entries.filter(([k]) => !isRequired(k))];
  const inner = html`${errorsOf(state, name)}${ordered.map(([key, child]) =>
    field(child, [...path, key], isRequired(key), state),
  )}`;
  const title = legend ?? label(path, state.lang, state.kind);
  if (path.length === 0) return inner;
  const anyError = [...state.errors.keys()].some((k) => k === name || k.startsWith(`${name}.`));
  if (!required && !anyError && !hasContent(valueAt(state.values, path)))
    return html`<details class="optional-group" id="f-${name}"><summary>${title} <span class="hint">(${WORDS.optional[state.lang]})</span></summary><fieldset><legend>${title}</legend>${inner}</fieldset></details>`;
  return html`<fieldset id="f-${name}"${anyError ? html` class="has-error"` : ''}><legend>${title}</legend>${inner}</fieldset>`;
}

/**
 * A form for a kind's payload, generated from its JSON Schema: labelled controls (English or
 * Welsh), fieldsets for objects, repeatable groups for lists, optional groups folded away, and
 * each field's own error messages next to it. Field names are the payload paths.
 */
export function schemaForm(node: SchemaNode, state: FormState): SafeHtml {
  return group(normalise(node), [], true, state);
}
