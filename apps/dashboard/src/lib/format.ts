// Dates and durations in the reader's own locale (the browser's), never a hard-coded format.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A calendar date (`YYYY-MM-DD`) is a day, not an instant: show it without a time-zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.exec(value);
  const date = dateOnly ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** "3 days ago", "in 2 hours", "tomorrow". */
export function formatRelative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T23:59:59` : value);
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) >= DAY_MS || dateOnly) return relativeFormat.format(Math.round(diff / DAY_MS), 'day');
  if (Math.abs(diff) >= HOUR_MS) return relativeFormat.format(Math.round(diff / HOUR_MS), 'hour');
  return relativeFormat.format(Math.round(diff / 60_000), 'minute');
}

/** A length of time in words: "4 days 3 hours", "5 hours", "12 minutes". */
export function formatDuration(ms: number): string {
  const units = [
    { unit: 'day', ms: DAY_MS },
    { unit: 'hour', ms: HOUR_MS },
    { unit: 'minute', ms: 60_000 },
  ] as const;
  const parts: string[] = [];
  let rest = Math.max(0, ms);
  for (const { unit, ms: size } of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || (unit === 'minute' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'long' }).format(count));
      rest -= count * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** Whole days between an instant and now (days a case has been open). */
export const daysSince = (value: string, now: Date = new Date()): number => Math.max(0, Math.floor((now.getTime() - new Date(value).getTime()) / DAY_MS));

/** A calendar date that has already ended (target dates). */
export const isPastDate = (isoDate: string | null | undefined, now: Date = new Date()): boolean =>
  !!isoDate && new Date(`${isoDate.slice(0, 10)}T23:59:59.999`).getTime() < now.getTime();

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index += 1;
  }
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: units[index], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}
