import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPaths, schemaFieldPaths } from './field-paths.ts';
import { fieldLabels, labelFor } from './labels.ts';
import { loadExample } from './load-example.ts';
import { KindName, kinds, parseNotification } from './registry.ts';

/** Paths whose Welsh label is rightly the same as the English (proper nouns, acronyms). */
const SAME_IN_BOTH = new Set(['caseRefs.system', 'vehicles.model', 'cpIsFlag']);

describe('field labels (English and Welsh)', () => {
  it.each(KindName.options)('label every leaf field of the %s example in both languages', (kind) => {
    const result = parseNotification(kind, loadExample(kind));
    if (!result.ok) throw new Error('example does not parse');
    for (const path of fieldPaths(result.value)) {
      const label = fieldLabels[path];
      expect(label, path).toBeDefined();
      expect(label?.en.trim(), path).not.toBe('');
      expect(label?.cy.trim(), path).not.toBe('');
    }
  });

  it.each(KindName.options)('label every field the %s schema defines, containers included', (kind) => {
    const paths = schemaFieldPaths(z.toJSONSchema(kinds[kind].schema, { io: 'input' }));
    expect(paths.length).toBeGreaterThan(40);
    const missing = paths.filter((path) => !Object.hasOwn(fieldLabels, path));
    expect(missing).toEqual([]);
  });

  it('has Welsh that differs from the English except for names and acronyms', () => {
    const same = Object.entries(fieldLabels)
      .filter(([path, label]) => label.cy === label.en && !SAME_IN_BOTH.has(path))
      .map(([path]) => path);
    expect(same).toEqual([]);
  });

  it('labels no field that no kind has (no stale labels)', () => {
    const known = new Set(
      Object.values(kinds).flatMap((k) => schemaFieldPaths(z.toJSONSchema(k.schema, { io: 'input' }))),
    );
    expect(Object.keys(fieldLabels).filter((path) => !known.has(path))).toEqual([]);
  });

  it('finds a label from an issue path with array indices', () => {
    expect(labelFor(['subject', 'identifiers', 0, 'value'])).toEqual({ en: 'Identifier', cy: 'Dynodwr' });
    expect(labelFor(['subject', 'dateOfBirth'])?.cy).toBe('Dyddiad geni');
    expect(labelFor(['__proto__'])).toBeUndefined();
  });
});
