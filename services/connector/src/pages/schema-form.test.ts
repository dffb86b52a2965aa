import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KindName, kinds, parseNotification } from '@cwtch/contracts';
import { describe, expect, it } from 'vitest';
import { formPayload } from './form-payload.ts';
import { fromLondonLocal, toLondonLocal } from './london-time.ts';
import { schemaForm } from './schema-form.ts';
import { kindSchema } from './schema-node.ts';

const require = createRequire(import.meta.url);
const example = (kind: string) =>
  JSON.parse(readFileSync(require.resolve(`@cwtch/contracts/examples/${kind}.json`), 'utf8')) as unknown;

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser would submit for a generated form: every named control's current value(s). */
function submit(markup: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prior = form[name];
    form[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  };
  for (const [tag] of markup.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = unescapeHtml(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
    if (!name || (/type="checkbox"/.test(tag) && !/ checked/.test(tag))) continue;
    add(name, value);
  }
  for (const [, name, options] of markup.matchAll(/<select [^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/gs))
    add(name!, unescapeHtml(/<option value="([^"]*)" selected>/.exec(options!)?.[1] ?? ''));
  for (const [, name, text] of markup.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>(.*?)<\/textarea>/gs))
    add(name!, unescapeHtml(text!));
  return form;
}

/** Date-times compared as instants (the form writes London wall-clock time), code lists as sets. */
function instants(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  // Checkboxes submit a set of codes in the contract's order: the order of a set is not data.
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? [...value].sort() : value.map(instants);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instants(v)]));
  return value;
}

describe('forms generated from the contracts', () => {
  it.each(KindName.options.filter((k) => !kinds[k].computed))(
    '%s: the example, shown in its form and submitted, parses back to itself',
    (kind) => {
      const values = example(kind);
      const markup = String(
        schemaForm(kindSchema(kind), { values, errors: new Map(), grow: new Set(), lang: 'en' }),
      );
      const payload = formPayload(kindSchema(kind), submit(markup));
      const parsed = parseNotification(kind, payload);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      expect(instants(payload)).toEqual(instants(values));
    },
  );

  it('labels every control and puts the contract’s message beside the field, in Welsh too', () => {
    const errors = new Map([['subject.dateOfBirth', ['must not be after occurredAt']]]);
    const markup = String(
      schemaForm(kindSchema('missing-episode'), { values: {}, errors, grow: new Set(), lang: 'cy' }),
    );
    for (const [, id] of markup.matchAll(/<(?:input|select|textarea) [^>]*id="([^"]*)"/g)) {
      if (!id!.startsWith('f-') || /-\d+$/.test(id!)) continue;
      expect(markup).toContain(`for="${id}"`);
    }
    expect(markup).toContain('<label for="f-subject.dateOfBirth">Dyddiad geni</label>');
    expect(markup).toMatch(/id="e-subject.dateOfBirth">.*must not be after occurredAt/);
    expect(markup).toContain('aria-invalid="true" aria-describedby="e-subject.dateOfBirth"');
  });

  it('escapes whatever a person typed when the form comes back', () => {
    const values = { subject: { name: { given: '"><script>alert(1)</script>' } } };
    const markup = String(
      schemaForm(kindSchema('missing-episode'), { values, errors: new Map(), grow: new Set(), lang: 'en' }),
    );
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('reads datetime-local values on a London wall clock', () => {
    expect(fromLondonLocal('2025-07-01T14:00')).toBe('2025-07-01T14:00:00+01:00');
    expect(fromLondonLocal('2025-01-15T09:30:05')).toBe('2025-01-15T09:30:05+00:00');
    expect(toLondonLocal('2025-07-01T13:00:00Z')).toBe('2025-07-01T14:00:00');
  });
});
