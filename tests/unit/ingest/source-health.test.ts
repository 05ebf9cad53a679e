import { describe, expect, it } from 'vitest';
import type { SourceReport } from '#domain/types.ts';
import { nextHealth, summariseHealth } from '#ingest/source-health.ts';

const failed = (name: string, error = 'HTTP 500 after 3 attempts'): SourceReport => ({
  name,
  url: `https://${name}.example/feed`,
  status: 'failed',
  error,
  items: 0,
});
const ok = (name: string): SourceReport => ({
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
