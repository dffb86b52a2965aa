import { describe, expect, it } from 'vitest';
import { edited, loadExample } from './load-example.ts';
import { KindName, kinds, parseNotification } from './registry.ts';

describe('examples/<kind>.json', () => {
  it.each(KindName.options)('%s parses with its schema', (kind) => {
    const example = loadExample(kind);
    const direct = kinds[kind].schema.safeParse(example);
    expect(direct.error?.issues ?? []).toEqual([]);
    const result = parseNotification(kind, example, 1);
    expect(result).toMatchObject({ ok: true, kind, version: 1 });
  });

  it.each(KindName.options)('%s is about the same fictional child, traced by NHS number', (kind) => {
    const example = loadExample(kind);
    const result = parseNotification(kind, example);
    if (!result.ok) throw new Error('example does not parse');
    // A kind about a home rather than a child (care-home-registration) names no child at all.
    const child = 'subject' in example ? { type: 'nhs', value: '9434765919' } : null;
    expect(kinds[kind].subjectIdentifier(result.value)).toEqual(child);
  });

  it('names no child in a registration notice, which has no subject field at all', () => {
    expect(Object.keys(loadExample('care-home-registration'))).not.toContain('subject');
    const withChild = {
      ...loadExample('care-home-registration'),
      subject: loadExample('missing-episode').subject,
    };
    expect(parseNotification('care-home-registration', withChild)).toMatchObject({ ok: false });
  });

  it.each(KindName.options)(
    '%s is canonical: parsing changes nothing, so what is sent is what arrives',
    (kind) => {
      const example = loadExample(kind);
      const result = parseNotification(kind, example);
      expect(result.ok && result.value).toEqual(example);
    },
  );

  it('normalises display-form identifiers and postcodes in the parsed value', () => {
    let payload = edited(
      loadExample('cse-protocol-entry'),
      ['subject', 'identifiers', 0, 'value'],
      '943 476 5919',
    );
    payload = edited(payload, ['subject', 'identifiers', 1, 'value'], 'p670123424001');
    payload = edited(payload, ['subject', 'address', 'postcode'], 'sa16pq');
    const result = parseNotification('cse-protocol-entry', payload);
    expect(result.ok && result.value).toMatchObject({
      subject: {
        identifiers: [{ value: '9434765919' }, { value: 'P670123424001' }],
        address: { postcode: 'SA1 6PQ' },
      },
    });
  });
});
