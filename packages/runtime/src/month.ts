/**
 * Calendar months as the boards count them: on the Europe/London wall clock, so a share at
 * 00:30 BST on 1 July is July's. A month is `YYYY-MM`.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const offsetParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});

/** Minutes Europe/London is ahead of UTC at instant `ms` (0 or 60). */
function londonOffsetMinutes(ms: number): number {
  const name = offsetParts.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant London's wall clock reads midnight on the 1st of month `m0` (0-based) of `year`. */
function londonMonthStart(year: number, m0: number): number {
  const utc = Date.UTC(year, m0, 1);
  // Midnight on the 1st is never within a clock change (those happen at 01:00 UTC on Sundays).
  return utc - londonOffsetMinutes(utc - 3_600_000) * 60_000;
}

/** True for a well-formed `YYYY-MM`. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/**
 * The instants a month spans, `[start, end)` in ms since the epoch. Throws on a malformed month.
 *
 * @example monthRange('2026-07') // { start: Date.parse('2026-06-30T23:00:00Z'), end: Date.parse('2026-07-31T23:00:00Z') }
 */
export function monthRange(month: string): { start: number; end: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const year = Number(m[1]);
  const m0 = Number(m[2]) - 1;
  return {
    start: londonMonthStart(year, m0),
    end: londonMonthStart(m0 === 11 ? year + 1 : year, (m0 + 1) % 12),
  };
}

/** The month (`YYYY-MM`, London wall clock) that instant `ms` falls in. */
export function monthOf(ms: number): string {
  const local = new Date(ms + londonOffsetMinutes(ms) * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  return monthOf(monthRange(month).start - 1);
}
