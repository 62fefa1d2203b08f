import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, serviceLength, serviceSince, vpaChangesLast12Months, type AssignmentSpan } from '../../src/handover/history.ts';

const d = (iso: string) => new Date(iso);
const NOW = d('2026-11-24T10:00:00Z');
const span = (vpaId: string, from: string, to: string | null = null): AssignmentSpan => ({ vpaId, from: d(from), to: to ? d(to) : null });

describe('vpaChangesLast12Months', () => {
  it('is 0 without history and for the very first assignment, even a recent one', () => {
    expect(vpaChangesLast12Months([], NOW)).toBe(0);
    expect(vpaChangesLast12Months([span('a', '2026-10-01T00:00:00Z')], NOW)).toBe(0);
  });

  it('counts a change whose start lies in the last 12 months', () => {
    expect(vpaChangesLast12Months([span('a', '2020-01-01T00:00:00Z', '2026-08-01T00:00:00Z'), span('b', '2026-08-01T00:00:00Z')], NOW)).toBe(1);
  });

  it('does not count changes older than 12 months', () => {
    const h = [span('a', '2020-01-01T00:00:00Z', '2025-10-01T00:00:00Z'), span('b', '2025-10-01T00:00:00Z', '2026-10-24T00:00:00Z'), span('c', '2026-10-24T00:00:00Z')];
    expect(vpaChangesLast12Months(h, NOW)).toBe(1);
  });

  it('includes a change exactly 12 months ago and excludes one a moment earlier', () => {
    const at = (iso: string) => [span('a', '2020-01-01T00:00:00Z', iso), span('b', iso)];
    expect(vpaChangesLast12Months(at('2025-11-24T10:00:00.000Z'), NOW)).toBe(1);
    expect(vpaChangesLast12Months(at('2025-11-24T09:59:59.999Z'), NOW)).toBe(0);
  });

  it('ignores future assignments', () => {
    expect(vpaChangesLast12Months([span('a', '2020-01-01T00:00:00Z', '2026-12-01T00:00:00Z'), span('b', '2026-12-01T00:00:00Z')], NOW)).toBe(0);
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
    expect(vpaChangesLast12Months(h, NOW)).toBe(4);
  });

  it('does not count a new row for the same VPA as a change', () => {
    const h = [span('a', '2020-01-01T00:00:00Z', '2026-05-01T00:00:00Z'), span('a', '2026-05-01T00:00:00Z')];
    expect(vpaChangesLast12Months(h, NOW)).toBe(0);
  });

  it('skips ignored accounts such as Conny: a -> Conny -> a is no change, a -> Conny -> b is one', () => {
    const ignore = new Set(['conny']);
    const back = [span('a', '2020-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('conny', '2026-02-01T00:00:00Z', '2026-07-01T00:00:00Z'), span('a', '2026-07-01T00:00:00Z')];
    expect(vpaChangesLast12Months(back, NOW, { ignoreVpaIds: ignore })).toBe(0);
    expect(vpaChangesLast12Months(back, NOW)).toBe(2);
    const other = [span('a', '2020-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('conny', '2026-02-01T00:00:00Z', '2026-07-01T00:00:00Z'), span('b', '2026-07-01T00:00:00Z')];
    expect(vpaChangesLast12Months(other, NOW, { ignoreVpaIds: ignore })).toBe(1);
  });

  it('property: never more than the number of rows minus one, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ vpaId: fc.constantFrom('a', 'b', 'c'), from: fc.date({ min: d('2020-01-01T00:00:00Z'), max: d('2027-01-01T00:00:00Z'), noInvalidDate: true }) }), { maxLength: 12 }),
        (rows) => {
          const n = vpaChangesLast12Months(rows.map((r) => ({ ...r, to: null })), NOW);
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
    expect(serviceLength([span('b', '2026-01-01T00:00:00Z')], 'a', NOW)).toBeNull();
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
