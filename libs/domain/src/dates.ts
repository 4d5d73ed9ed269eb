import type { IsoDate } from './events/case-event';

// Plain Date arithmetic in UTC. Calendar days (target dates, amendment deadlines) are
// whole UTC days: good enough for day-granular targets and, unlike local time, the same
// on the api, the worker and a test machine in another zone.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC at the start of an ISO calendar day. */
export const startOfIsoDate = (day: IsoDate): Date => {
  const match = ISO_DATE.exec(day);
  if (!match) throw new RangeError(`Not an ISO date: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};

/** The first instant after an ISO calendar day has ended. */
export const endOfIsoDate = (day: IsoDate): Date => new Date(startOfIsoDate(day).getTime() + DAY_MS);

export const toIsoDate = (instant: Date): IsoDate => instant.toISOString().slice(0, 10);

export const addCalendarDays = (day: IsoDate, days: number): IsoDate =>
  toIsoDate(new Date(startOfIsoDate(day).getTime() + days * DAY_MS));

export const addHours = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR_MS);

const isWeekend = (instant: Date): boolean => instant.getUTCDay() === 0 || instant.getUTCDay() === 6;

/**
 * The instant `workingDays` Monday-to-Friday days after `from`, at the same time of day.
 * Public holidays differ by clinic and are not counted.
 */
export const addWorkingDays = (from: Date, workingDays: number): Date => {
  let cursor = from.getTime();
  let remaining = workingDays;
  while (remaining > 0) {
    cursor += DAY_MS;
    if (!isWeekend(new Date(cursor))) remaining -= 1;
  }
  return new Date(cursor);
};

export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / HOUR_MS;
