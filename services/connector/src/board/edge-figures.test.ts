import type { BoardFact } from '@cwtch/contracts';
import { monthRange } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import type { SentFacts } from '../inbox-store.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import { edgeFigures, type RawFigure } from './edge-figures.ts';

const MARCH = monthRange('2026-03');
const inMarch = (day: number) => MARCH.start + (day - 1) * 86_400_000 + 3_600_000;
const SWANSEA = 'W06000011';
const NPT = 'W06000012';

function share(
  at: number,
  subject: string | null,
  facts: BoardFact[],
  kind = 'cse-protocol-entry',
): SentFacts {
  return { kind, at, subject, facts };
}
const entered = (authority: string, ...types: string[]): BoardFact[] => [
  { item: 'protocol_state', authority, by: 'open', child: true },
  { item: 'protocol_children_new', authority, child: true },
  ...types.map((by) => ({ item: 'protocol_children_new' as const, authority, by, child: true })),
];
const value = (
  figures: readonly RawFigure[],
  item: string,
  authority: string | null,
  by: string | null = null,
) => figures.find((f) => f.item === item && f.authority === authority && f.by === by)?.value;

describe('edge figures: distinct children, counts, the month, open at the month’s end', () => {
  it('counts a child once however many shares, a fact per share for counts, and only the month', () => {
    const figures = edgeFigures(
      [
        share(inMarch(1) - 5 * 86_400_000, 'child-old', entered(SWANSEA, 'cse')), // February
        share(inMarch(2), 'child-a', entered(SWANSEA, 'cse', 'cce')),
        share(inMarch(9), 'child-a', entered(SWANSEA, 'cse')),
        share(inMarch(10), 'child-b', entered(NPT, 'county_lines')),
        share(
          inMarch(11),
          null,
          [{ item: 'intelligence_forms_to_police', authority: SWANSEA }],
          'intelligence-form',
        ),
        share(
          inMarch(12),
          null,
          [{ item: 'intelligence_forms_to_police', authority: SWANSEA }],
          'intelligence-form',
        ),
        share(inMarch(20), 'child-old', [
          { item: 'protocol_state', authority: SWANSEA, by: 'closed', child: true },
        ]),
        share(MARCH.end + 1000, 'child-c', entered(SWANSEA, 'cse')), // April
      ],
      '2026-03',
    );
    expect(value(figures, 'protocol_children_new', SWANSEA)).toBe(1);
    expect(value(figures, 'protocol_children_new', SWANSEA, 'cse')).toBe(1);
    expect(value(figures, 'protocol_children_new', null)).toBe(2);
    expect(value(figures, 'protocol_children_new', NPT, 'county_lines')).toBe(1);
    expect(value(figures, 'intelligence_forms_to_police', SWANSEA)).toBe(2);
    // Open at the end of March: a and b; the February child was closed in March; April's is not yet.
    expect(value(figures, 'protocol_children_open', null)).toBe(2);
    expect(value(figures, 'protocol_children_open', SWANSEA)).toBe(1);
    expect(value(figures, 'shares_sent', null, 'cse-protocol-entry')).toBe(4);
    expect(value(figures, 'shares_sent', null, 'intelligence-form')).toBe(2);
  });
});

describe('disclosure control', () => {
  const raw = (item: string, authority: string | null, by: string | null, v: number): RawFigure =>
    ({ item, authority, by, value: v }) as RawFigure;

  it('withholds 1–4, publishes 0 and 5+', () => {
    const out = applyDisclosureControl([raw('transitions', null, null, 0), raw('moves_in', null, null, 5)]);
    expect(out.map((f) => f.value)).toEqual([0, 5]);
    const small = applyDisclosureControl([raw('moves_in', null, null, 3)]);
    expect(small).toEqual([
      { item: 'moves_in', authority: null, by: null, value: null, suppressed: 'primary' },
    ]);
  });

  it('withholds a second part where a total would give a single withheld part away', () => {
    const out = applyDisclosureControl([
      raw('incidents', SWANSEA, null, 20),
      raw('incidents', SWANSEA, 'SA1', 3),
      raw('incidents', SWANSEA, 'SA2', 9),
      raw('incidents', SWANSEA, 'SA5', 8),
    ]);
    const cell = (by: string | null) => out.find((f) => f.by === by)!;
    expect(cell('SA1')).toMatchObject({ value: null, suppressed: 'primary' });
    expect(cell('SA5')).toMatchObject({ value: null, suppressed: 'secondary' });
    expect(cell('SA2').value).toBe(9);
    expect(cell(null).value).toBe(20);
    // What is published no longer determines any withheld cell: 20 - 9 = 11 splits two ways.
  });

  it('reaches across authorities: one small authority beside the agency total hides another', () => {
    const out = applyDisclosureControl([
      raw('moves_in', null, null, 14),
      raw('moves_in', SWANSEA, null, 2),
      raw('moves_in', NPT, null, 12),
    ]);
    expect(out.find((f) => f.authority === NPT)).toMatchObject({ value: null, suppressed: 'secondary' });
  });
});
