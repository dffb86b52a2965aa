import { z } from 'zod';

/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
/** An ISO 8601 date-time with `Z` or a UTC offset (Europe/London times stated explicitly). */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date-time with a UTC offset, such as 2025-03-14T16:20:00+00:00',
});

/** The calendar date as written in an ISO date-time (the local date at its stated offset). */
export function datePart(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** Milliseconds since the epoch for an ISO date-time. */
export function instant(dateTime: string): number {
  return Date.parse(dateTime);
}

/**
 * True when someone born on `dateOfBirth` is under 18 on `onDate` (both `YYYY-MM-DD`). A
 * 29 February birthday falls on 1 March in other years, which string order gives for free.
 */
export function isUnder18On(dateOfBirth: string, onDate: string): boolean {
  const eighteenth = `${String(Number(dateOfBirth.slice(0, 4)) + 18).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return onDate < eighteenth;
}

/** The instant (ms) when the calendar date `YYYY-MM-DD` begins in Europe/London. */
export function londonMidnight(date: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const wall = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(utc);
  const [hours = 0, minutes = 0] = wall.split(':').map(Number);
  return utc - (hours * 60 + minutes) * 60_000;
}
