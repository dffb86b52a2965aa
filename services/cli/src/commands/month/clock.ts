/** Dates and times as the payloads write them: the Europe/London wall clock with its offset. */

const MINUTE = 60_000;
/** An hour, a day in ms. */
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function parts(ms: number): { date: string; time: string; offsetMinutes: number } {
  const p = Object.fromEntries(wall.formatToParts(ms).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return { date, time, offsetMinutes: Math.round((asUtc - Math.floor(ms / MINUTE) * MINUTE) / MINUTE) };
}

/** `YYYY-MM-DDTHH:MM:00+01:00`: instant `ms` (to the minute) on the London wall clock. */
export function londonDateTime(ms: number): string {
  const { date, time, offsetMinutes } = parts(ms);
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${date}T${time}:00${offsetMinutes < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/** `YYYY-MM-DD`: the London date of instant `ms`. */
export function londonDate(ms: number): string {
  return parts(ms).date;
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`; negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The same day of the year `years` later (29 February becomes 1 March, as birthdays do). */
export function addYears(date: string, years: number): string {
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  // Date.parse rolls 29 February of a common year over to 1 March; toISOString says so.
  return new Date(Date.parse(`${shifted}T00:00:00Z`)).toISOString().slice(0, 10);
}

/** Whole years between `dateOfBirth` and `onDate` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  let years = Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (onDate.slice(5) < dateOfBirth.slice(5)) years -= 1;
  return years;
}

/** The later of two ISO dates (string order is date order). */
export function laterDate(a: string, b: string): string {
  return [a, b].sort()[1] as string;
}

/** The earlier of two ISO dates. */
export function earlierDate(a: string, b: string): string {
  return [a, b].sort()[0] as string;
}
