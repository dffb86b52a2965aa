import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPaths, schemaFieldPaths } from './field-paths.ts';
import { missingLabels } from './kind-folders.ts';
import { fieldLabels, labelFor, valueLabelFor } from './labels.ts';
import { loadExample } from './load-example.ts';
import { KindName, kinds, parseNotification } from './registry.ts';

/** Paths whose Welsh label is rightly the same as the English (proper nouns, acronyms). */
const SAME_IN_BOTH = new Set(['caseRefs.system', 'vehicles.model', 'cpIsFlag']);

describe('field labels (English and Welsh)', () => {
  it.each(KindName.options)('label every leaf field of the %s example in both languages', (kind) => {
    const result = parseNotification(kind, loadExample(kind));
    if (!result.ok) throw new Error('example does not parse');
    for (const path of fieldPaths(result.value)) {
      const label = labelFor([path], kind);
      expect(label, path).toBeDefined();
      expect(label?.en.trim(), path).not.toBe('');
      expect(label?.cy.trim(), path).not.toBe('');
    }
  });

  it.each(KindName.options)('label every field the %s schema defines, containers included', (kind) => {
    expect(missingLabels(kinds[kind]).fields).toEqual([]);
  });

  it.each(KindName.options)(
    'has Welsh that differs from the English in %s, except names and acronyms',
    (kind) => {
      const same = Object.entries(kinds[kind].labels)
        .filter(([path, label]) => label.cy === label.en && !SAME_IN_BOTH.has(path))
        .map(([path]) => path);
      expect(same).toEqual([]);
    },
  );

  it.each(KindName.options)('labels no field that %s does not have (no stale labels)', (kind) => {
    const known = new Set(schemaFieldPaths(z.toJSONSchema(kinds[kind].schema, { io: 'input' })));
    expect(Object.keys(kinds[kind].labels).filter((path) => !known.has(path))).toEqual([]);
  });

  it('finds a label from an issue path with array indices, for a kind or across kinds', () => {
    expect(labelFor(['subject', 'identifiers', 0, 'value'])).toEqual({ en: 'Identifier', cy: 'Dynodwr' });
    expect(labelFor(['subject', 'dateOfBirth'], 'missing-episode')?.cy).toBe('Dyddiad geni');
    expect(labelFor(['__proto__'])).toBeUndefined();
    expect(labelFor(['__proto__'], 'missing-episode')).toBeUndefined();
    expect(fieldLabels['subject.dateOfBirth']?.en).toBe('Date of birth');
  });

  it('names organisation codes in any field from the identifier tables', () => {
    expect(valueLabelFor('missing-episode', ['foundAt', 'la'], 'W06000006')).toEqual({
      en: 'Wrexham',
      cy: 'Wrecsam',
    });
    expect(valueLabelFor(undefined, ['sender', 'org', 'value'], 'W15000003')?.cy).toBe('Heddlu De Cymru');
    expect(valueLabelFor('missing-episode', ['policeRef'], '62250039876')).toBeUndefined();
    expect(valueLabelFor('missing-episode', ['episodeCountToDate'], 3)).toBeUndefined();
  });
});
