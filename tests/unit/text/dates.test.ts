import { describe, expect, it } from 'vitest';
import { datesEarlierEvent, formatIsoDate, parseDate } from '#text/dates.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('parseDate', () => {
  it.each([
    ['Mon, 23 Nov 2026 09:15:00 GMT', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 +0300', '2026-11-23T06:15:00.000Z'],
    ['Mon, 23 Nov 2026 04:15:00 EST', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 05:15:00 EDT', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 12:15:00 MSK', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 17:15:00 CST', '2026-11-23T23:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 UT', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 Z', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 XYZT', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 +3', '2026-11-23T06:15:00.000Z'],
    ['23 Nov 2026 09:15 +0000', '2026-11-23T09:15:00.000Z'],
    ['Monday, 23 November 2026 09:15:00 +05:30', '2026-11-23T03:45:00.000Z'],
    ['Mon, 23 Nov 26 09:15:00 GMT', '2026-11-23T09:15:00.000Z'],
    ['Mon,23 Nov 2026 09:15:00 GMT', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23T17:15:00+08:00', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23T17:15:00.123+0800', '2026-11-23T09:15:00.123Z'],
    ['2026-11-23T09:15:00Z', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23 09:15:00', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23T09:15', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23', '2026-11-23T00:00:00.000Z'],
    ['20261123T091500Z', '2026-11-23T09:15:00.000Z'],
    ['  Mon, 23 Nov 2026   09:15:00   GMT ', '2026-11-23T09:15:00.000Z'],
    ['Mon, 31 Feb 2026 09:15:00 GMT', undefined],
    ['not a date', undefined],
    ['', undefined],
    [undefined, undefined],
    ['Fri, 27 Nov 2026 09:15:00 GMT', undefined],
    ['1970-01-01T00:00:00Z', undefined],
    ['Thu, 29 Feb 2024 23:59:59 +0300', '2024-02-29T20:59:59.000Z'],
    ['Thu, 29 Feb 2023 10:00:00 GMT', undefined],
    ['Mon, 23 Nov 2026 09:15:00 EST', '2026-11-23T14:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 -0030', '2026-11-23T09:45:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 -0000', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 UTC', '2026-11-23T09:15:00.000Z'],
    // Whitespace where the canonical form has digits is cleaned up first, never read as a digit.
    ['Mon, 23 Nov 202  09:15:00 GMT', undefined],
    ['Mon, 23 Nov 2026  9:15:00 GMT', '2026-11-23T09:15:00.000Z'],
    ['M\ton, 23 Nov 2026 09:15:00 GMT', undefined],
    ['Mon, 23 Nov 2026 09:15:00 +03:00', '2026-11-23T06:15:00.000Z'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input, NOW)).toBe(expected);
  });

  it('accepts a date up to a day ahead of now (time zones, clock skew)', () => {
    expect(parseDate('2026-11-24T11:00:00Z', NOW)).toBe('2026-11-24T11:00:00.000Z');
    expect(parseDate('2026-11-24T13:00:00Z', NOW)).toBeUndefined();
    expect(parseDate('2026-11-30T13:00:00Z')).toBe('2026-11-30T13:00:00.000Z');
  });
});

describe('formatIsoDate', () => {
  it('writes what toISOString writes, across leap years, century rules and milliseconds', () => {
    const instants = [0, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, 1_709_164_800_123];
    // Every 97.8 million ms (27 h 9 min) over 1990-2201: all hours, days and months, 2000 and 2100 included.
    for (let ms = 631_152_000_000; ms < 7_300_000_000_000; ms += 97_777_777) instants.push(ms);
    const mismatches = instants.filter((ms) => formatIsoDate(ms) !== new Date(ms).toISOString());
    expect(mismatches).toEqual([]);
    expect(instants.length).toBeGreaterThan(60_000);
  });
});

describe('datesEarlierEvent', () => {
  const ref = new Date('2023-04-06T12:00:00Z');
  it.each([
    [
      'South Africa embarked on February 17, 2023 on a 10-day joint military exercise with Russia and China.',
      true,
    ],
    ['The drills began on 17 February 2023.', true],
    ['The drills began on Feb. 17.', true],
    ['The drills began on February 17.', true],
    // Within the week, ahead of the report, or no day written: the day's, or background.
    ['Xi met Putin on April 3.', false],
    ['Putin will visit Beijing on May 16 and 17.', false],
    ['Trade has grown since February 2022.', false],
    ['The two may meet again.', false],
    ['China and Russia held talks on Thursday.', false],
  ])('%s → %s', (sentence, earlier) => {
    expect(datesEarlierEvent(sentence, ref, 7)).toBe(earlier);
  });

  it('takes a day without its year nearest to the report', () => {
    expect(datesEarlierEvent('The talks ended on December 28.', new Date('2024-01-05T00:00:00Z'), 7)).toBe(
      true,
    );
    expect(datesEarlierEvent('The talks ended on December 30.', new Date('2024-01-05T00:00:00Z'), 7)).toBe(
      false,
    );
    expect(datesEarlierEvent('Talks are set for January 3.', new Date('2023-12-30T00:00:00Z'), 7)).toBe(
      false,
    );
  });
});
