import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addWorkingHours } from '../../src/time/working-hours.ts';
import { isWorkingDay } from '../../src/time/working-days.ts';
import { AppError } from '../../src/errors/catalogue.ts';

const TZ = 'Europe/Berlin';
/** A wall time in Berlin, "2026-11-27T15:00". */
const berlin = (local: string) => DateTime.fromISO(local, { zone: TZ }).toJSDate();
const local = (at: Date) => DateTime.fromJSDate(at, { zone: TZ }).toFormat("ccc yyyy-LL-dd'T'HH:mm");

describe('addWorkingHours (Mon–Fri 09:00–17:00 Europe/Berlin, nationwide holidays off)', () => {
  it('within one working day', () => {
    expect(local(addWorkingHours(berlin('2026-11-24T10:00'), 4, TZ))).toBe('Tue 2026-11-24T14:00');
    expect(local(addWorkingHours(berlin('2026-11-24T09:00'), 8, TZ))).toBe('Tue 2026-11-24T17:00');
  });

  it('a deadline exactly at 17:00 stays on that day', () => {
    expect(local(addWorkingHours(berlin('2026-11-24T13:00'), 4, TZ))).toBe('Tue 2026-11-24T17:00');
  });

  it('carries over into the next working day', () => {
    expect(local(addWorkingHours(berlin('2026-11-24T16:00'), 4, TZ))).toBe('Wed 2026-11-25T12:00');
    expect(local(addWorkingHours(berlin('2026-11-24T09:00'), 9, TZ))).toBe('Wed 2026-11-25T10:00');
  });

  it('across a weekend: Friday 15:00 + 4 h = Monday 11:00', () => {
    expect(local(addWorkingHours(berlin('2026-11-27T15:00'), 4, TZ))).toBe('Mon 2026-11-30T11:00');
  });

  it('a report on Saturday or Sunday counts from Monday 09:00', () => {
    expect(local(addWorkingHours(berlin('2026-11-28T11:00'), 4, TZ))).toBe('Mon 2026-11-30T13:00');
    expect(local(addWorkingHours(berlin('2026-11-29T23:59'), 4, TZ))).toBe('Mon 2026-11-30T13:00');
  });

  it('skips a nationwide public holiday: Thursday 24.12. 15:00 + 4 h = Monday 28.12. 11:00 (25./26.12. off, weekend)', () => {
    expect(local(addWorkingHours(berlin('2026-12-24T15:00'), 4, TZ))).toBe('Mon 2026-12-28T11:00');
  });

  it('a report on a holiday counts from the next working day: 01.05.2026 (Friday) -> Monday', () => {
    expect(local(addWorkingHours(berlin('2026-05-01T10:00'), 4, TZ))).toBe('Mon 2026-05-04T13:00');
  });

  it('at night and before 09:00 nothing counts until 09:00', () => {
    expect(local(addWorkingHours(berlin('2026-11-24T03:12'), 4, TZ))).toBe('Tue 2026-11-24T13:00');
    expect(local(addWorkingHours(berlin('2026-11-24T08:59'), 4, TZ))).toBe('Tue 2026-11-24T13:00');
    // after 17:00: the next working day
    expect(local(addWorkingHours(berlin('2026-11-24T17:00'), 4, TZ))).toBe('Wed 2026-11-25T13:00');
    expect(local(addWorkingHours(berlin('2026-11-24T22:30'), 4, TZ))).toBe('Wed 2026-11-25T13:00');
  });

  it('uses the local day of the time zone, not UTC: Friday 23:30 UTC is Saturday in Berlin', () => {
    expect(local(addWorkingHours(new Date('2026-11-27T23:30:00Z'), 1, TZ))).toBe('Mon 2026-11-30T10:00');
  });

  it('across the change to summer time: Friday 27.03.2026 15:00 CET + 4 h = Monday 30.03. 11:00 CEST', () => {
    const due = addWorkingHours(berlin('2026-03-27T15:00'), 4, TZ);
    expect(local(due)).toBe('Mon 2026-03-30T11:00');
    expect(due.toISOString()).toBe('2026-03-30T09:00:00.000Z');
  });

  it('across the change back to winter time: Friday 23.10.2026 15:00 CEST + 4 h = Monday 26.10. 11:00 CET', () => {
    const due = addWorkingHours(berlin('2026-10-23T15:00'), 4, TZ);
    expect(local(due)).toBe('Mon 2026-10-26T11:00');
    expect(due.toISOString()).toBe('2026-10-26T10:00:00.000Z');
  });

  it('many hours: 80 working hours = 10 working days', () => {
    expect(local(addWorkingHours(berlin('2026-11-02T09:00'), 80, TZ))).toBe('Fri 2026-11-13T17:00');
  });

  it('0 hours: the instant itself in working time, else the next start of working time', () => {
    expect(local(addWorkingHours(berlin('2026-11-24T10:30'), 0, TZ))).toBe('Tue 2026-11-24T10:30');
    expect(local(addWorkingHours(berlin('2026-11-27T18:00'), 0, TZ))).toBe('Mon 2026-11-30T09:00');
  });

  it('keeps minutes and seconds', () => {
    expect(addWorkingHours(berlin('2026-11-24T10:17:42.5'), 4, TZ)).toEqual(berlin('2026-11-24T14:17:42.5'));
  });

  it('refuses negative or non-finite hours', () => {
    expect(() => addWorkingHours(berlin('2026-11-24T10:00'), -1, TZ)).toThrow(AppError);
    expect(() => addWorkingHours(berlin('2026-11-24T10:00'), Number.NaN, TZ)).toThrow(AppError);
  });

  it('property: the result lies in working time on a working day, never before the start, and grows with the hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 80 }), (at, hours) => {
        const due = addWorkingHours(at, hours, TZ);
        const l = DateTime.fromJSDate(due, { zone: TZ });
        const minutes = l.hour * 60 + l.minute + l.second / 60 + l.millisecond / 60000;
        return (
          due.getTime() >= at.getTime() + hours * 3_600_000 &&
          isWorkingDay(due, TZ) &&
          minutes > 9 * 60 &&
          minutes <= 17 * 60 &&
          addWorkingHours(at, hours + 1, TZ).getTime() > due.getTime()
        );
      }),
    );
  });
});
