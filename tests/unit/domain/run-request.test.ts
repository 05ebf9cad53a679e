import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/errors.ts';
import {
  editionDate,
  parseIsoDate,
  parseManualEvent,
  resolveRunRequest,
  resolveSince,
} from '#domain/run-request.ts';

const now = new Date('2026-11-24T07:00:00Z');
const context = { now, windowHours: 24, timeZone: 'Europe/London' };

describe('parseManualEvent', () => {
  it.each([
    [{ since: 'yesterday' }, 'event since: expected a duration'],
    [{ until: 'soon' }, 'event until: expected an ISO date'],
    [{ themes: ['energy', 'weather'] }, 'event themes[1]:'],
    [{ recipients: ['not-an-email'] }, 'event recipients[0]:'],
    [{ dryRun: 'yes' }, 'event dryRun:'],
    [{ edition: '../etc' }, 'event edition:'],
    [{ query: '' }, 'event query:'],
    [{ recipient: ['a@example.org'] }, 'event: unknown key "recipient" (did you mean "recipients"?)'],
    [{ until: '2026-02-30' }, 'event until: 2026-02-30 is not a calendar date and time'],
    [{ since: '2026-11-20T25:00:00Z' }, 'event since: 2026-11-20T25:00:00Z is not a calendar date and time'],
  ])('rejects %j naming the field', (event, message) => {
    expect(() => parseManualEvent(event)).toThrowError(InvalidInputError);
    expect(() => parseManualEvent(event)).toThrowError(message);
  });

  it('accepts every field of the contract', () => {
    const event = {
      since: '72h',
      until: '2026-11-23T00:00:00Z',
      themes: ['energy'],
      query: 'Power of Siberia',
      recipients: ['analyst@example.org'],
      dryRun: true,
      edition: 'adhoc-1',
      archive: false,
    };
    expect(parseManualEvent(event)).toEqual(event);
  });

  it('treats a missing event as the default run', () => {
    expect(parseManualEvent(undefined)).toEqual({});
  });
});

describe('resolveRunRequest', () => {
  it('makes the scheduled edition: the last 24 h, id = local date', () => {
    const request = resolveRunRequest({}, context);
    expect(request.editionId).toBe('2026-11-24');
    expect(request.adHoc).toBe(false);
    expect(request.window.from.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(request.window.to).toEqual(now);
    expect(request.archive).toBe(true);
    expect(request.dryRun).toBe(false);
  });

  it('gives ad-hoc runs their own deterministic id so they never overwrite the daily edition', () => {
    const a = resolveRunRequest({ since: '72h', query: 'gas' }, context);
    const b = resolveRunRequest({ since: '72h', query: 'gas' }, context);
    const c = resolveRunRequest({ since: '72h', query: 'oil' }, context);
    expect(a.editionId).toMatch(/^2026-11-24-adhoc-[a-z0-9]+$/);
    expect(a.editionId).toBe(b.editionId);
    expect(a.editionId).not.toBe(c.editionId);
    expect(a.window.from.toISOString()).toBe('2026-11-21T07:00:00.000Z');
  });

  it.each([
    [{}, 'public'],
    [{ recipients: ['a@example.org'] }, 'public'],
    [{ since: '72h', query: 'gas' }, 'private'],
    [{ themes: ['energy' as const] }, 'private'],
    [{ since: '72h', query: 'gas', publish: true }, 'public'],
  ])('keeps ad-hoc briefings private unless asked to publish: %j -> %s', (event, visibility) => {
    expect(resolveRunRequest(event, context).visibility).toBe(visibility);
  });

  it('names the fields as its caller does', () => {
    const nameField = (path: string) => `--${path}`;
    expect(() =>
      resolveRunRequest({ since: '2026-11-25T00:00:00Z' }, { ...context, nameField }),
    ).toThrowError('--since: must be before --until (2026-11-24T07:00:00.000Z)');
  });

  it('normalises explicit recipients', () => {
    expect(resolveRunRequest({ recipients: ['Analyst@Example.org '] }, context).recipients).toEqual([
      'analyst@example.org',
    ]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => resolveRunRequest({ since: '2026-11-25T00:00:00Z' }, context)).toThrowError(
      'since: must be before until',
    );
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['2026-11-24T07:00:00Z', '2026-11-24T07:00:00.000Z'],
    ['2026-11-24T07:00', '2026-11-24T07:00:00.000Z'],
    ['2026-11-24 07:00:30.5+03:00', '2026-11-24T04:00:30.500Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['2026-02-30', undefined],
    ['2027-02-29', undefined],
    ['2026-13-01', undefined],
    ['2026-11-24T24:00:00Z', undefined],
    ['2026-11-24T07:60Z', undefined],
    ['next tuesday', undefined],
    ['1700000000', undefined],
  ])('%s -> %s', (value, expected) => {
    expect(parseIsoDate(value)?.toISOString()).toBe(expected);
  });
});

describe('resolveSince / editionDate', () => {
  it.each([
    ['24h', '2026-11-23T07:00:00.000Z'],
    ['3d', '2026-11-21T07:00:00.000Z'],
    ['2026-11-20T00:00:00Z', '2026-11-20T00:00:00.000Z'],
  ])('%s', (since, expected) => {
    expect(resolveSince(since, now).toISOString()).toBe(expected);
  });

  it('uses the configured time zone for the date', () => {
    expect(editionDate(new Date('2026-11-23T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(editionDate(new Date('2026-11-23T23:30:00Z'), 'Europe/London')).toBe('2026-11-23');
  });
});
