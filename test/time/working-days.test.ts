import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/time/working-days.ts';
import { AppError } from '../../src/errors/catalogue.ts';

const TZ = 'Europe/Berlin';
const d = (iso: string) => new Date(iso);

describe('isWorkingDay (Europe/Berlin, nationwide German holidays)', () => {
  it('knows weekends and nationwide holidays', () => {
    expect(isWorkingDay(d('2026-11-24T10:00:00Z'), TZ)).toBe(true); // Tuesday
    expect(isWorkingDay(d('2026-11-28T10:00:00Z'), TZ)).toBe(false); // Saturday
    expect(isWorkingDay(d('2026-11-29T10:00:00Z'), TZ)).toBe(false); // Sunday
    expect(isWorkingDay(d('2026-12-25T10:00:00Z'), TZ)).toBe(false); // 1. Weihnachtstag
    expect(isWorkingDay(d('2026-10-03T10:00:00Z'), TZ)).toBe(false); // Tag der Deutschen Einheit (a Saturday anyway)
    expect(isWorkingDay(d('2026-05-14T10:00:00Z'), TZ)).toBe(false); // Christi Himmelfahrt
  });

  it('counts regional holidays and Heiligabend as working days', () => {
    expect(isWorkingDay(d('2026-06-04T10:00:00Z'), TZ)).toBe(true); // Fronleichnam: only some states
    expect(isWorkingDay(d('2026-12-24T10:00:00Z'), TZ)).toBe(true); // Heiligabend is no public holiday
    expect(isWorkingDay(d('2026-11-18T10:00:00Z'), TZ)).toBe(true); // Buß- und Bettag: only Saxony
  });

  it('uses the local day of the time zone', () => {
    // 23:30 UTC on Friday is already Saturday 00:30 in Berlin
    expect(isWorkingDay(d('2026-11-27T23:30:00Z'), TZ)).toBe(false);
    expect(isWorkingDay(d('2026-11-27T23:30:00Z'), 'UTC')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('adds working days and keeps the local time', () => {
    expect(addWorkingDays(d('2026-11-23T09:00:00Z'), 2, TZ)).toEqual(d('2026-11-25T09:00:00Z')); // Mon -> Wed
  });

  it('skips the weekend', () => {
    expect(addWorkingDays(d('2026-11-20T09:00:00Z'), 2, TZ)).toEqual(d('2026-11-24T09:00:00Z')); // Fri -> Tue
    expect(addWorkingDays(d('2026-11-20T09:00:00Z'), 1, TZ)).toEqual(d('2026-11-23T09:00:00Z')); // Fri -> Mon
  });

  it('starting on a day off counts from the start of the next working day', () => {
    // Saturday 10:00 -> Monday 00:00 -> + 1 working day = Tuesday 00:00 Berlin
    expect(addWorkingDays(d('2026-11-21T09:00:00Z'), 1, TZ)).toEqual(d('2026-11-23T23:00:00Z'));
    expect(addWorkingDays(d('2026-11-21T09:00:00Z'), 0, TZ)).toEqual(d('2026-11-22T23:00:00Z'));
  });

  it('n = 0 on a working day is the same instant', () => {
    expect(addWorkingDays(d('2026-11-24T10:00:00Z'), 0, TZ)).toEqual(d('2026-11-24T10:00:00Z'));
  });

  it('skips Christmas and Easter', () => {
    // Wed 23 Dec + 2: Thu 24 (working day), Fri 25 + Sat + Sun off, Mon 28
    expect(addWorkingDays(d('2026-12-23T09:00:00Z'), 2, TZ)).toEqual(d('2026-12-28T09:00:00Z'));
    // Thu 2 Apr 2026 + 1: Karfreitag, weekend, Ostermontag -> Tue 7 Apr
    expect(addWorkingDays(d('2026-04-02T08:00:00Z'), 1, TZ)).toEqual(d('2026-04-07T08:00:00Z'));
    // starting on 25 Dec: next working day is Mon 28 Dec, + 1 = Tue 29 Dec 00:00 Berlin
    expect(addWorkingDays(d('2026-12-25T09:00:00Z'), 1, TZ)).toEqual(d('2026-12-28T23:00:00Z'));
    // New Year across the year boundary: Thu 31 Dec + 1 -> Fri 1 Jan off -> Mon 4 Jan
    expect(addWorkingDays(d('2026-12-31T09:00:00Z'), 1, TZ)).toEqual(d('2027-01-04T09:00:00Z'));
  });

  it('keeps the wall-clock time across the change to summer time', () => {
    // Fri 27 Mar 2026 10:00 CET -> Tue 31 Mar 10:00 CEST
    expect(addWorkingDays(d('2026-03-27T09:00:00Z'), 2, TZ)).toEqual(d('2026-03-31T08:00:00Z'));
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(d('2026-11-24T10:00:00Z'), -1, TZ)).toThrow(AppError);
    expect(() => addWorkingDays(d('2026-11-24T10:00:00Z'), 1.5, TZ)).toThrow(AppError);
  });
});
