import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, serviceLength, serviceSince, vpaChangesLast12Months, type AssignmentSpan } from '../../src/assignments/history.ts';

const d = (iso: string) => new Date(iso);
const TZ = 'Europe/Berlin';
const NOW = d('2026-11-24T10:00:00Z');
const opts = { timeZone: TZ };
const span = (vpaId: string, from: string, to: string | null = null): AssignmentSpan => ({ vpaId, from: d(from), to: to ? d(to) : null });

describe('vpaChangesLast12Months', () => {
  it('is 0 without history and for the very first assignment, even a recent one', () => {
    expect(vpaChangesLast12Months([], NOW, opts)).toBe(0);
    expect(vpaChangesLast12Months([span('a', '2026-10-01T00:00:00Z')], NOW, opts)).toBe(0);
  });

  it('counts a change whose start lies in the last 12 months', () => {
    expect(vpaChangesLast12Months([span('a', '2020-01-01T00:00:00Z', '2026-08-01T00:00:00Z'), span('b', '2026-08-01T00:00:00Z')], NOW, opts)).toBe(1);
  });

  it('does not count changes older than 12 months', () => {
    const h = [span('a', '2020-01-01T00:00:00Z', '2025-10-01T00:00:00Z'), span('b', '2025-10-01T00:00:00Z', '2026-10-24T00:00:00Z'), span('c', '2026-10-24T00:00:00Z')];
    expect(vpaChangesLast12Months(h, NOW, opts)).toBe(1);
  });

  // Defect 8: the cutoff is a local calendar day in the business time zone, not an instant in UTC.
  describe('12 months by local calendar day (Europe/Berlin)', () => {
    const at = (iso: string) => [span('a', '2020-01-01T00:00:00Z', iso), span('b', iso)];
    // A date-only import of 2025-11-24 is stored as 2025-11-24 00:00 Berlin = 2025-11-23T23:00Z.
    const IMPORTED_2025_11_24 = '2025-11-23T23:00:00.000Z';

    it('counts a change imported as 2025-11-24 on 2026-11-24 at 09:00 local', () => {
      expect(vpaChangesLast12Months(at(IMPORTED_2025_11_24), d('2026-11-24T08:00:00Z'), opts)).toBe(1);
    });

    it('counts it all day long on 2026-11-24, up to 23:59 local', () => {
      for (const now of ['2026-11-23T23:00:00Z', '2026-11-24T10:00:00Z', '2026-11-24T22:59:59.999Z']) {
        expect(vpaChangesLast12Months(at(IMPORTED_2025_11_24), d(now), opts), now).toBe(1);
      }
    });

    it('no longer counts it on 2026-11-25 (local), even at 00:00', () => {
      expect(vpaChangesLast12Months(at(IMPORTED_2025_11_24), d('2026-11-24T23:00:00Z'), opts)).toBe(0);
    });

    it('any time on the local day 12 months ago counts; the local day before does not', () => {
      expect(vpaChangesLast12Months(at('2025-11-24T22:59:59.999Z'), NOW, opts)).toBe(1); // 24.11.2025 23:59 Berlin
      expect(vpaChangesLast12Months(at('2025-11-24T10:00:00.000Z'), NOW, opts)).toBe(1);
      expect(vpaChangesLast12Months(at('2025-11-24T00:30:00.000Z'), NOW, opts)).toBe(1); // 24.11.2025 01:30 Berlin, before NOW's time of day
      expect(vpaChangesLast12Months(at('2025-11-23T22:59:59.999Z'), NOW, opts)).toBe(0); // 23.11.2025 23:59 Berlin
    });

    it('in summer time too (UTC+2): imported as 2025-06-10, counted on 2026-06-10 at 01:00 local', () => {
      expect(vpaChangesLast12Months(at('2025-06-09T22:00:00Z'), d('2026-06-09T23:00:00Z'), opts)).toBe(1);
      expect(vpaChangesLast12Months(at('2025-06-09T21:59:59.999Z'), d('2026-06-09T23:00:00Z'), opts)).toBe(0);
    });

    it('uses the zone it is given: the same instants in UTC', () => {
      expect(vpaChangesLast12Months(at(IMPORTED_2025_11_24), d('2026-11-24T08:00:00Z'), { timeZone: 'UTC' })).toBe(0);
      expect(vpaChangesLast12Months(at(IMPORTED_2025_11_24), d('2026-11-23T08:00:00Z'), { timeZone: 'UTC' })).toBe(1);
    });

    it('on 29 February the cutoff is 28 February of the year before', () => {
      const leap = d('2028-02-29T09:00:00Z');
      expect(vpaChangesLast12Months(at('2027-02-27T23:00:00Z'), leap, opts)).toBe(1); // 28.02.2027 00:00 Berlin
      expect(vpaChangesLast12Months(at('2027-02-27T22:59:59Z'), leap, opts)).toBe(0);
    });

    it('still ignores a change later today (after now)', () => {
      expect(vpaChangesLast12Months(at('2026-11-24T10:00:00.001Z'), NOW, opts)).toBe(0);
      expect(vpaChangesLast12Months(at('2026-11-24T10:00:00.000Z'), NOW, opts)).toBe(1);
    });
  });

  it('ignores future assignments', () => {
    expect(vpaChangesLast12Months([span('a', '2020-01-01T00:00:00Z', '2026-12-01T00:00:00Z'), span('b', '2026-12-01T00:00:00Z')], NOW, opts)).toBe(0);
  });

  it('counts every change, also back to an earlier VPA, in any input order', () => {
    const h = [
      span('c', '2026-09-01T00:00:00Z'),
      span('a', '2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z'),
      span('a', '2019-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
      span('b', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
      span('b', '2026-06-01T00:00:00Z', '2026-09-01T00:00:00Z'),
    ];
    // a -> b (Jan) -> a (Mar) -> b (Jun) -> c (Sep)
    expect(vpaChangesLast12Months(h, NOW, opts)).toBe(4);
  });

  it('does not count a new row for the same VPA as a change', () => {
    const h = [span('a', '2020-01-01T00:00:00Z', '2026-05-01T00:00:00Z'), span('a', '2026-05-01T00:00:00Z')];
    expect(vpaChangesLast12Months(h, NOW, opts)).toBe(0);
  });

  it('skips ignored accounts such as Conny: a -> Conny -> a is no change, a -> Conny -> b is one', () => {
    const ignore = new Set(['conny']);
    const back = [span('a', '2020-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('conny', '2026-02-01T00:00:00Z', '2026-07-01T00:00:00Z'), span('a', '2026-07-01T00:00:00Z')];
    expect(vpaChangesLast12Months(back, NOW, { timeZone: TZ, ignoreVpaIds: ignore })).toBe(0);
    expect(vpaChangesLast12Months(back, NOW, opts)).toBe(2);
    const other = [span('a', '2020-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('conny', '2026-02-01T00:00:00Z', '2026-07-01T00:00:00Z'), span('b', '2026-07-01T00:00:00Z')];
    expect(vpaChangesLast12Months(other, NOW, { timeZone: TZ, ignoreVpaIds: ignore })).toBe(1);
  });

  it('property: never more than the number of rows minus one, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ vpaId: fc.constantFrom('a', 'b', 'c'), from: fc.date({ min: d('2020-01-01T00:00:00Z'), max: d('2027-01-01T00:00:00Z'), noInvalidDate: true }) }), { maxLength: 12 }),
        (rows) => {
          const n = vpaChangesLast12Months(rows.map((r) => ({ ...r, to: null })), NOW, opts);
          return n >= 0 && n <= Math.max(0, rows.length - 1);
        },
      ),
    );
  });
});

describe('serviceSince / serviceLength', () => {
  it('is null when the VPA does not currently serve the client', () => {
    expect(serviceSince([], 'a', NOW)).toBeNull();
    expect(serviceSince([span('a', '2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), span('b', '2026-01-01T00:00:00Z')], 'a', NOW)).toBeNull();
    expect(serviceLength([span('b', '2026-01-01T00:00:00Z')], 'a', NOW, 'Europe/Berlin')).toBeNull();
    // starts only in the future
    expect(serviceSince([span('a', '2026-12-01T00:00:00Z')], 'a', NOW)).toBeNull();
  });

  it('is the start of the current assignment', () => {
    expect(serviceSince([span('b', '2019-01-01T00:00:00Z', '2024-08-15T00:00:00Z'), span('a', '2024-08-15T00:00:00Z')], 'a', NOW)).toEqual(d('2024-08-15T00:00:00Z'));
  });

  it('joins contiguous rows of the same VPA (also a one-day gap from date-only imports)', () => {
    const h = [span('a', '2022-03-01T00:00:00Z', '2023-12-31T00:00:00Z'), span('a', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), span('a', '2025-01-01T00:00:00Z')];
    expect(serviceSince(h, 'a', NOW)).toEqual(d('2022-03-01T00:00:00Z'));
  });

  it('does not join across a real break (another VPA in between)', () => {
    const h = [span('a', '2018-01-01T00:00:00Z', '2022-01-01T00:00:00Z'), span('b', '2022-01-01T00:00:00Z', '2023-06-01T00:00:00Z'), span('a', '2023-06-01T00:00:00Z')];
    expect(serviceSince(h, 'a', NOW)).toEqual(d('2023-06-01T00:00:00Z'));
  });

  // Defect 8: "betreut seit" follows the same VPA across adjacent or overlapping rows.
  describe('follows the same VPA across rows', () => {
    it('adjacent rows (one ends when the next begins) are one period', () => {
      const h = [span('a', '2021-05-01T00:00:00Z', '2024-02-01T00:00:00Z'), span('a', '2024-02-01T00:00:00Z')];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2021-05-01T00:00:00Z'));
    });

    it('a gap of less than one day (date-only imports) is bridged; a longer one is not', () => {
      const bridged = [span('a', '2021-05-01T00:00:00Z', '2024-01-31T23:00:00Z'), span('a', '2024-02-01T22:59:00Z')];
      expect(serviceSince(bridged, 'a', NOW)).toEqual(d('2021-05-01T00:00:00Z'));
      const exactlyOneDay = [span('a', '2021-05-01T00:00:00Z', '2024-01-31T23:00:00Z'), span('a', '2024-02-01T23:00:00Z')];
      expect(serviceSince(exactlyOneDay, 'a', NOW)).toEqual(d('2021-05-01T00:00:00Z'));
      const broken = [span('a', '2021-05-01T00:00:00Z', '2024-01-31T23:00:00Z'), span('a', '2024-02-01T23:00:00.001Z')];
      expect(serviceSince(broken, 'a', NOW)).toEqual(d('2024-02-01T23:00:00.001Z'));
    });

    it('overlapping rows (the later starts before the earlier ends) are one period', () => {
      const h = [span('a', '2020-01-01T00:00:00Z', '2023-06-01T00:00:00Z'), span('a', '2023-05-01T00:00:00Z')];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2020-01-01T00:00:00Z'));
    });

    it('a row fully contained in another does not cut the period short', () => {
      const h = [span('a', '2020-01-01T00:00:00Z', '2024-06-01T00:00:00Z'), span('a', '2021-03-01T00:00:00Z', '2022-03-01T00:00:00Z'), span('a', '2024-06-01T00:00:00Z')];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2020-01-01T00:00:00Z'));
    });

    it('an older open-ended row next to the current one (with a short row in between) keeps the earliest start', () => {
      const h = [span('a', '2019-01-01T00:00:00Z'), span('a', '2021-01-01T00:00:00Z', '2021-06-01T00:00:00Z'), span('a', '2024-01-01T00:00:00Z')];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2019-01-01T00:00:00Z'));
    });

    it('rows of the same VPA given out of order', () => {
      const h = [
        span('a', '2025-01-01T00:00:00Z'),
        span('b', '2015-01-01T00:00:00Z', '2019-01-01T00:00:00Z'),
        span('a', '2022-03-01T00:00:00Z', '2025-01-01T00:00:00Z'),
        span('a', '2019-01-01T00:00:00Z', '2022-03-01T00:00:00Z'),
      ];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2019-01-01T00:00:00Z'));
      expect(serviceSince([...h].reverse(), 'a', NOW)).toEqual(d('2019-01-01T00:00:00Z'));
    });

    it('another VPA in between breaks the chain, even across a gap shorter than a day', () => {
      const h = [
        span('a', '2018-01-01T00:00:00Z', '2022-01-01T00:00:00Z'),
        span('b', '2022-01-01T00:00:00Z', '2022-01-01T12:00:00Z'),
        span('a', '2022-01-01T20:00:00Z'),
      ];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2022-01-01T20:00:00Z'));
    });

    it('another VPA in between breaks the chain even when an older row of this VPA was never closed', () => {
      const h = [span('a', '2018-01-01T00:00:00Z'), span('b', '2020-01-01T00:00:00Z', '2022-01-01T00:00:00Z'), span('a', '2022-01-01T00:00:00Z')];
      expect(serviceSince(h, 'a', NOW)).toEqual(d('2022-01-01T00:00:00Z'));
    });
  });

  it('counts an assignment that ends in the future as current', () => {
    expect(serviceSince([span('a', '2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z')], 'a', NOW)).toEqual(d('2025-01-01T00:00:00Z'));
  });

  it('gives the length as German text', () => {
    const l = serviceLength([span('a', '2024-08-15T00:00:00Z')], 'a', NOW, 'Europe/Berlin');
    expect(l).toMatchObject({ years: 2, months: 3, text: '2 Jahre, 3 Monate', sinceText: '15.08.2024' });
  });
});

describe('formatDuration', () => {
  const tz = 'Europe/Berlin';
  it.each([
    ['2025-11-24T10:00:00Z', '1 Jahr'],
    ['2024-11-24T10:00:00Z', '2 Jahre'],
    ['2025-10-24T10:00:00Z', '1 Jahr, 1 Monat'],
    ['2023-09-01T10:00:00Z', '3 Jahre, 2 Monate'],
    ['2026-10-24T10:00:00Z', '1 Monat'],
    ['2026-05-20T10:00:00Z', '6 Monate'],
    ['2026-11-23T10:00:00Z', '1 Tag'],
    ['2026-11-10T10:00:00Z', '14 Tage'],
    ['2026-11-24T08:00:00Z', 'seit heute'],
  ])('since %s -> %s', (since, text) => {
    expect(formatDuration(d(since), NOW, tz)).toBe(text);
  });
});
