const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function fields(ms: number): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(ms).map((p) => [p.type, p.value]));
}

/** The UTC offset of Europe/London at instant `ms`, as `+01:00` or `+00:00`. */
function londonOffset(ms: number): string {
  const name = fields(ms).timeZoneName ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return match?.[1] ?? '+00:00';
}

/** An ISO date-time as a `datetime-local` value on a London wall clock (`2025-03-14T10:00:00`). */
export function toLondonLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const f = fields(ms);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}`;
}

/**
 * A `datetime-local` value read on a London wall clock, as an ISO date-time with its offset
 * (`2025-07-01T14:00` → `2025-07-01T14:00:00+01:00`); anything else is returned as typed, for
 * the contract to judge.
 */
export function fromLondonLocal(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) return local;
  const wall = `${match[1]}T${match[2]}${match[3] ?? ':00'}`;
  // The offset at the wall time read as UTC is right except within an hour of a clock change.
  return `${wall}${londonOffset(Date.parse(`${wall}Z`))}`;
}
