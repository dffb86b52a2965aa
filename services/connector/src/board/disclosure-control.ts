import type { BoardFigure } from '@cwtch/contracts';
import type { RawFigure } from './edge-figures.ts';

/** Counts from 1 to this minus 1 are never published. */
export const SUPPRESSION_THRESHOLD = 5;

type Cell = { -readonly [K in keyof BoardFigure]: BoardFigure[K] } & { raw: number };

/**
 * Statistical disclosure control of an agency's figures before they leave its edge. Primary:
 * every count from 1 to 4 is withheld (shown as "<5"). Secondary: wherever one withheld cell could
 * be recovered from a published total and the other published parts (the breakdowns of one item
 * for one authority against their total; one item's authorities against the agency's whole
 * figure), the smallest other non-zero part is withheld too, repeated until no group has exactly
 * one withheld part. Zero is published: it reveals no child.
 */
export function applyDisclosureControl(figures: readonly RawFigure[]): BoardFigure[] {
  const cells: Cell[] = figures.map((f) => {
    const small = f.value > 0 && f.value < SUPPRESSION_THRESHOLD;
    return {
      item: f.item,
      authority: f.authority,
      by: f.by,
      raw: f.value,
      value: small ? null : f.value,
      ...(small ? { suppressed: 'primary' as const } : {}),
    };
  });
  // Groups whose parts a total could give away: [total, ...parts].
  const groups: Cell[][] = [];
  const byKey = new Map<string, Cell[]>();
  const put = (k: string, c: Cell) => byKey.set(k, [...(byKey.get(k) ?? []), c]);
  for (const c of cells) {
    put(`a|${c.item}|${c.authority ?? ''}`, c);
    put(`b|${c.item}|${c.by ?? ''}`, c);
  }
  for (const [k, members] of byKey) {
    const isTotal = (c: Cell) => (k.startsWith('a|') ? c.by === null : c.authority === null);
    const total = members.find(isTotal);
    const parts = members.filter((c) => !isTotal(c));
    if (total && parts.length > 0) groups.push([total, ...parts]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [total, ...parts] of groups) {
      if (total!.value === null) continue;
      const hidden = parts.filter((c) => c.value === null);
      if (hidden.length !== 1) continue;
      const next = parts.filter((c) => c.value !== null && c.raw > 0).sort((a, b) => a.raw - b.raw)[0];
      const target = next ?? total!;
      target.value = null;
      target.suppressed = 'secondary';
      changed = true;
    }
  }
  return cells.map(({ raw: _raw, ...f }) => f);
}
