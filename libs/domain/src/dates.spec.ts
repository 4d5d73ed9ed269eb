import { addCalendarDays, addWorkingDays, endOfIsoDate, startOfIsoDate } from './dates';

describe('dates', () => {
  it('adds calendar days across month and leap-year boundaries', () => {
    expect(addCalendarDays('2026-03-02', 60)).toBe('2026-05-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-04-21', -10)).toBe('2026-04-11');
  });

  it('adds working days skipping Saturdays and Sundays', () => {
    expect(addWorkingDays(new Date('2026-03-06T15:00:00Z'), 1).toISOString()).toBe('2026-03-09T15:00:00.000Z'); // Fri → Mon
    expect(addWorkingDays(new Date('2026-03-02T09:00:00Z'), 5).toISOString()).toBe('2026-03-09T09:00:00.000Z'); // Mon → Mon
    expect(addWorkingDays(new Date('2026-03-07T09:00:00Z'), 5).toISOString()).toBe('2026-03-13T09:00:00.000Z'); // Sat → Fri
  });

  it('reads ISO days as whole UTC days and rejects anything else', () => {
    expect(startOfIsoDate('2026-03-20').toISOString()).toBe('2026-03-20T00:00:00.000Z');
    expect(endOfIsoDate('2026-03-20').toISOString()).toBe('2026-03-21T00:00:00.000Z');
    expect(() => startOfIsoDate('20/03/2026')).toThrow(RangeError);
  });
});
