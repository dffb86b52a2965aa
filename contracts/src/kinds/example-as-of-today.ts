const DAY = 86_400_000;

/** Moves every ISO date and date-time in `value` by whole `days`, keeping their relations. */
export function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const date = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
    if (!date?.[1] || Number.isNaN(Date.parse(date[1]))) return value;
    return new Date(Date.parse(date[1]) + days * DAY).toISOString().slice(0, 10) + (date[2] ?? '');
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/**
 * A kind's example (contracts/examples/KIND.json) with its dates moved by whole days so that it
 * happened today: its `occurredAt` on today's date, or yesterday's if that time of day is still
 * to come. Sent now, it arrives as new, with its respond-by ahead of it as the kind computes it.
 */
export function exampleAsOfToday(payload: Record<string, unknown>, now: number): Record<string, unknown> {
  const occurred = typeof payload.occurredAt === 'string' ? Date.parse(payload.occurredAt) : Number.NaN;
  if (Number.isNaN(occurred)) return payload;
  const dayOf = (ms: number) => Date.parse(new Date(ms).toISOString().slice(0, 10));
  let days = Math.round((dayOf(now) - dayOf(occurred)) / DAY);
  if (occurred + days * DAY > now) days -= 1;
  return shiftDates(payload, days) as Record<string, unknown>;
}
