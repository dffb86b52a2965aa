import { describe, expect, it } from 'vitest';
import { refusalChecker } from '../expect-refused-at.ts';
import { edited, loadExample } from '../load-example.ts';
import { parseNotification } from '../registry.ts';
import { ageBand, foundWhere, postcodeDistrict } from './items.ts';

const KIND = 'board-statistics';
const example = loadExample(KIND);
const parse = (payload: unknown) => parseNotification(KIND, payload);
const expectRefusedAt = refusalChecker(KIND);
const figure = (f: Record<string, unknown>) => edited(example, ['figures', 0], f);
const base = { item: 'incidents', authority: 'W06000011', by: null, value: 6 };

describe('board-statistics v1', () => {
  it('accepts the example: counts, breakdowns, suppressed cells', () => {
    expect(parse(example)).toMatchObject({ ok: true });
  });

  it('refuses anything identifying: a name, an NHS number, a date of birth, a full postcode, free text', () => {
    expectRefusedAt(edited(example, ['subject'], { name: { given: 'Cerys' } }), ['subject'], /not a field/);
    expectRefusedAt(figure({ ...base, nhsNumber: '9434765919' }), ['figures', 0, 'nhsNumber'], /not a field/);
    expectRefusedAt(figure({ ...base, by: 'SA1 6PQ' }), ['figures', 0, 'by'], /breakdown/);
    expectRefusedAt(figure({ ...base, by: '9434765919' }), ['figures', 0, 'by'], /breakdown/);
    expectRefusedAt(
      figure({ ...base, item: 'first_missing_children', by: '2010-05-12' }),
      ['figures', 0, 'by'],
      /breakdown/,
    );
    expectRefusedAt(
      figure({ ...base, note: 'Cerys was seen with an older man' }),
      ['figures', 0, 'note'],
      /not a field/,
    );
    expectRefusedAt(edited(example, ['comment'], 'free text'), ['comment'], /not a field/);
    expectRefusedAt(
      edited(example, ['sender', 'org', 'name'], 'Swansea'),
      ['sender', 'org', 'name'],
      /not a field/,
    );
  });

  it('holds a value exactly when not suppressed, and a breakdown only of its item', () => {
    expectRefusedAt(figure({ ...base, value: null }), ['figures', 0, 'value'], /suppressed/);
    expectRefusedAt(figure({ ...base, suppressed: 'primary' }), ['figures', 0, 'value'], /suppressed/);
    expectRefusedAt(figure({ ...base, item: 'transitions', by: 'SA1' }), ['figures', 0, 'by'], /breakdown/);
    expect(parse(figure({ ...base, item: 'missing_found', by: 'england' }))).toMatchObject({ ok: true });
  });
});

describe('board facts helpers', () => {
  it('bands an age at an event, districts a postcode, and places a find', () => {
    expect(ageBand('2010-05-12', '2025-05-11')).toBe('14_15');
    expect(ageBand('2010-05-12', '2025-05-12')).toBe('14_15');
    expect(ageBand('2010-05-12', '2026-05-12')).toBe('16_17');
    expect(ageBand(undefined, '2025-01-01')).toBe('unknown');
    expect(postcodeDistrict('SA1 6PQ')).toBe('SA1');
    expect(postcodeDistrict('ll11 2aa')).toBe('LL11');
    expect(postcodeDistrict('nonsense!')).toBeUndefined();
    expect(foundWhere('W06000011', 'W06000011')).toBe('own_area');
    expect(foundWhere('W06000011', 'W06000006')).toBe('other_welsh_area');
    expect(foundWhere('W06000011', 'E08000027')).toBe('england');
  });
});
