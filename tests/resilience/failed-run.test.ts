/**
 * No false all-clear: a run whose sources did not answer fails loudly. It sends no mail (not even
 * the quiet-day note), publishes nothing (the previous edition stays "Latest"), and leaves a run
 * report and source health that say why. A quiet day is only a day whose sources answered.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourcesFailedError } from '#domain/errors.ts';
import { type DayFeedServer, runDay, startDayFeedServer } from '#tests/helpers/day-feed-server.ts';

let server: DayFeedServer;
let base = '';
let dead = 0;

beforeAll(async () => {
  server = await startDayFeedServer();
  base = server.base;
  dead = server.deadPort;
});
afterAll(() => server.close());

function feeds(healthy: number, failing: number, day: string, path = 'wire') {
  return [
    ...Array.from({ length: healthy }, (_, i) => ({
      name: `Healthy ${i}`,
      url: `${base}/${path}/${day}?n=${i}`,
    })),
    ...Array.from({ length: failing }, (_, i) => ({
      name: `Dead ${i}`,
      url: `http://127.0.0.1:${dead}/f${i}`,
    })),
  ];
}

const run = runDay;

const outbox = (dir: string) => (existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')) : []);
const mails = (dir: string) => outbox(dir).filter((f) => f.endsWith('.eml'));

describe('a run whose sources did not answer', () => {
  it('fails when every source fails: no mail, nothing published, a run report and source health say why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failed-run-'));

    const attempt = run(dir, '2026-11-23', feeds(0, 3, '2026-11-23'));

    await expect(attempt).rejects.toBeInstanceOf(SourcesFailedError);
    await expect(attempt).rejects.toThrow(
      'run failed: none of the 3 sources answered; nothing was published or mailed',
    );
    expect(mails(dir)).toEqual([]);
    expect(existsSync(join(dir, 'site', 'index.html'))).toBe(false);
    expect(existsSync(join(dir, 'site', 'editions'))).toBe(false);
    const report = JSON.parse(readFileSync(join(dir, 'state/runs/2026-11-23.json'), 'utf8'));
    expect(report).toMatchObject({ editionId: '2026-11-23', status: 'failed' });
    expect(report.error).toContain('none of the 3 sources answered');
    expect(report.sources).toHaveLength(3);
    expect(report.sources[0].detail).toMatch(/connection refused/);
    const health = JSON.parse(readFileSync(join(dir, 'state/state/source-health.json'), 'utf8'));
    expect(Object.values(health).map((e) => (e as { failureDays: number }).failureDays)).toEqual([1, 1, 1]);
    // Nothing was marked as sent, so the next good run carries everything.
    expect(existsSync(join(dir, 'state/state/seen-items.json'))).toBe(false);
  });

  it('keeps the last good edition "Latest" when the next day fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failed-run-'));
    await run(dir, '2026-11-22', feeds(2, 0, '2026-11-22'));
    const home = readFileSync(join(dir, 'site', 'index.html'), 'utf8');
    const index = readFileSync(join(dir, 'site', 'editions.json'), 'utf8');
    const mailed = mails(dir);
    expect(mailed.length).toBe(1);

    await expect(run(dir, '2026-11-23', feeds(1, 2, '2026-11-23'))).rejects.toBeInstanceOf(
      SourcesFailedError,
    );

    expect(readFileSync(join(dir, 'site', 'index.html'), 'utf8')).toBe(home);
    expect(readFileSync(join(dir, 'site', 'editions.json'), 'utf8')).toBe(index);
    expect(existsSync(join(dir, 'editions/2026-11-23'))).toBe(false);
    expect(mails(dir)).toEqual(mailed);
  });

  it('a failed rerun of an edition that went out keeps that run’s report, and adds its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failed-run-'));
    await run(dir, '2026-11-23', feeds(2, 0, '2026-11-23'));

    await expect(run(dir, '2026-11-23', feeds(0, 2, '2026-11-23'))).rejects.toBeInstanceOf(
      SourcesFailedError,
    );

    const runs = readdirSync(join(dir, 'state/runs'));
    expect(JSON.parse(readFileSync(join(dir, 'state/runs/2026-11-23.json'), 'utf8'))).toMatchObject({
      status: 'ok',
      delivery: { sent: 1 },
    });
    const failed = runs.filter((f) => f.startsWith('2026-11-23.failed-'));
    expect(failed).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'state/runs', failed[0]!), 'utf8')).status).toBe('failed');
  });

  it('sends no quiet-day note when the sources that would have spoken did not answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failed-run-'));
    await expect(run(dir, '2026-11-23', feeds(1, 3, '2026-11-23', 'quiet'))).rejects.toBeInstanceOf(
      SourcesFailedError,
    );
    expect(mails(dir)).toEqual([]);
    // The same quiet feeds, all answering: a real quiet day, and the note goes out.
    await run(dir, '2026-11-23', feeds(2, 0, '2026-11-23', 'quiet'));
    expect(mails(dir)).toHaveLength(1);
  });

  it.each([
    // healthy, failing, config, outcome
    [2, 2, {}, 'runs'],
    [2, 3, {}, 'fails'],
    [1, 9, { fetch: { maxFailedShare: 0.9 } }, 'runs'],
    [1, 1, { fetch: { maxFailedShare: 0 } }, 'fails'],
  ])('%i healthy and %i failing sources with %j: the run %s', async (healthy, failing, extra, outcome) => {
    const dir = mkdtempSync(join(tmpdir(), 'failed-run-'));
    const fetch = {
      retries: 0,
      connectTimeoutMs: 500,
      timeoutMs: 2000,
      allowPrivateNetwork: true,
      maxArticles: 0,
      ...(extra as { fetch?: object }).fetch,
    };
    const attempt = run(dir, '2026-11-23', feeds(healthy, failing, '2026-11-23'), { fetch });
    if (outcome === 'runs') {
      const result = await attempt;
      expect(result.edition.sources.filter((s) => s.status === 'failed')).toHaveLength(failing);
      expect(mails(dir)).toHaveLength(1);
    } else {
      await expect(attempt).rejects.toThrow(`${failing} of ${healthy + failing} sources did not answer`);
      expect(mails(dir)).toEqual([]);
    }
  });
});
