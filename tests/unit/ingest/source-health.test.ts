import { describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { NAME_NOT_RESOLVED } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { SourceFetchReport } from '#domain/types.ts';
import { assessSources, nextHealth, recordSourceHealth, summariseHealth } from '#ingest/source-health.ts';
import type { CorruptDocument } from '#state/stored-json.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const failed = (
  name: string,
  detail = 'HTTP 500 after 3 attempts',
  error = 'HTTP 500',
): SourceFetchReport => ({
  name,
  url: `https://${name}.example/feed`,
  status: 'failed',
  error,
  detail,
  items: 0,
});
const ok = (name: string): SourceFetchReport => ({
  name,
  url: `https://${name}.example/feed`,
  status: 'ok',
  items: 10,
});
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 7));

describe('source health', () => {
  it('counts consecutive days of failure, once per day', () => {
    let health = nextHealth({}, [failed('a'), ok('b')], day(20));
    health = nextHealth(health, [failed('a'), ok('b')], new Date(day(20).getTime() + 3_600_000));
    health = nextHealth(health, [failed('a'), failed('b')], day(21));
    health = nextHealth(health, [failed('a'), failed('b')], day(22));
    const summary = summariseHealth(health);
    expect(summary.maxConsecutiveFailureDays).toBe(3);
    expect(summary.failing.map((f) => [f.name, f.days])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(summary.failing[0]!.error).toBe('HTTP 500 after 3 attempts');
  });

  it('resets on success and restarts after a gap', () => {
    let health = nextHealth({}, [failed('a')], day(20));
    health = nextHealth(health, [ok('a')], day(21));
    expect(summariseHealth(health).maxConsecutiveFailureDays).toBe(0);
    health = nextHealth(health, [failed('a')], day(22));
    health = nextHealth(health, [failed('a')], day(25));
    expect(summariseHealth(health).maxConsecutiveFailureDays).toBe(1);
  });

  it('treats not-modified as healthy', () => {
    const health = nextHealth({}, [{ ...ok('a'), status: 'not-modified' }], day(20));
    expect(summariseHealth(health).failing).toEqual([]);
  });
});

describe('stored source health', () => {
  it('counts across runs through the store', async () => {
    const store = createMemoryStore();
    const state = { store, logger: silentLogger };
    await recordSourceHealth(state, [failed('a')], day(20));
    const summary = await recordSourceHealth(state, [failed('a')], day(21));
    expect(summary.failing).toEqual([
      { name: 'a', url: 'https://a.example/feed', days: 2, error: 'HTTP 500 after 3 attempts' },
    ]);
  });

  it('leaves a skipped source as it was', () => {
    const before = nextHealth({}, [failed('a')], day(20));
    const after = nextHealth(before, [{ ...failed('a'), status: 'skipped' }], day(21));
    expect(after).toEqual(before);
  });

  // `null` used to crash the run after publishing, so nothing was mailed.
  it.each(['null', '[]', '{"https://a.example/feed":{"name":"a","failureDays":-1}}', '{"x":'])(
    'starts again from a corrupt document (%s), reporting it and keeping it aside',
    async (body) => {
      const store = createMemoryStore();
      const corrupt: CorruptDocument[] = [];
      await store.put(dataKeys.sourceHealth(), body, { contentType: 'application/json' });
      const summary = await recordSourceHealth(
        { store, logger: silentLogger, onCorrupt: (d) => corrupt.push(d) },
        [failed('a'), ok('b')],
        day(20),
      );
      expect(summary.maxConsecutiveFailureDays).toBe(1);
      expect(corrupt).toHaveLength(1);
      expect(corrupt[0]!.problem).toMatch(/^state\/source-health\.json: /);
      expect(store.objects.get(corrupt[0]!.keptAs!)!.body.toString()).toBe(body);
    },
  );
});

describe('assessSources', () => {
  const reports = (failedCount: number, okCount: number, extra: SourceFetchReport[] = []) => [
    ...Array.from({ length: failedCount }, (_, i) => failed(`f${i}`)),
    ...Array.from({ length: okCount }, (_, i) => ok(`o${i}`)),
    ...extra,
  ];

  it.each([
    // failed, ok, maxFailedShare, trustworthy
    [0, 4, 0.5, true],
    [2, 2, 0.5, true],
    [3, 2, 0.5, false],
    [4, 0, 0.5, false],
    [1, 0, 1, false],
    [5, 1, 1, true],
    [1, 9, 0, false],
    [0, 1, 0, true],
  ])('%i failed, %i ok, max share %d: trustworthy %s', (f, o, share, trustworthy) => {
    expect(assessSources(reports(f, o), share).trustworthy).toBe(trustworthy);
  });

  it('counts skipped sources as unanswered and names the unresolved ones', () => {
    const verdict = assessSources(
      reports(1, 2, [
        { ...failed('dns', 'host not found (ENOTFOUND)', NAME_NOT_RESOLVED) },
        { ...ok('late'), status: 'skipped' },
      ]),
      0.5,
    );
    expect(verdict).toEqual({ total: 5, unanswered: 3, unresolved: 1, trustworthy: false });
  });
});
