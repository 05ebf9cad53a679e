/**
 * A whole run with a slow feed host beside a fast one: the page of a relevant item from the fast
 * feed is requested before the slow feed answers, and the edition is the one the run builds with
 * every page fetched after the last feed, also when a started page turns out to be waste (its
 * item merged into an earlier source's report of it, under another link).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { createLocalDeps, localPaths } from '#cli/local-deps.ts';
import { parseConfig } from '#config/schema.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';

const DAY = '2026-11-23';
// Long enough for the fast feed to be read and classified (a cold classifier) on a loaded machine.
const SLOW_MS = 1500;
const PARAGRAPH =
  '<p>President Xi Jinping and President Vladimir Putin agreed in a video call to expand energy cooperation, including new gas supplies through the Power of Siberia pipeline, the Kremlin said on Monday.</p>';
const PAGE = `<!doctype html><html lang="en"><head><title>Energy call</title></head><body><article><h1>Energy call</h1>${PARAGRAPH.repeat(6)}</article></body></html>`;

const entry = (guid: string, title: string, link: string) =>
  `<item><title>${title}</title><link>${link}</link><guid>${guid}</guid><pubDate>${new Date(`${DAY}T05:00:00Z`).toUTCString()}</pubDate><description>The Kremlin said gas supplies were discussed.</description></item>`;
const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

/** Every request with its time, and when the slow feed's response went out. */
let log: { path: string; at: number }[] = [];
let slowAnsweredAt = 0;
/** What the slow feed carries: set per test. */
let slowItems = '';
let fastBase = '';
let slowBase = '';
const servers: Server[] = [];

beforeAll(async () => {
  const fast = createServer((req, res) => {
    log.push({ path: `fast${req.url}`, at: performance.now() });
    if (req.url === '/feed') {
      const items =
        entry(
          'fast-1',
          'Xi and Putin agree to expand energy cooperation in video call',
          `${fastBase}/story`,
        ) +
        entry('fast-2', 'City council approves new bus lanes for the summer', `${fastBase}/buses`) +
        entry(
          'urn:example:shared-1',
          'Xi and Putin discuss gas supplies to China',
          `${fastBase}/shared-story`,
        );
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items));
    } else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  const slow = createServer((req, res) => {
    log.push({ path: `slow${req.url}`, at: performance.now() });
    if (req.url !== '/feed') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    setTimeout(() => {
      slowAnsweredAt = performance.now();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(slowItems));
    }, SLOW_MS);
  });
  servers.push(fast, slow);
  fastBase = await listenLocal(fast);
  slowBase = await listenLocal(slow);
});
afterAll(async () => {
  for (const s of servers) await closeServer(s);
});
beforeEach(() => {
  log = [];
  slowAnsweredAt = 0;
});

async function run(prefetchArticles: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'prefetch-run-'));
  try {
    // The slow source first: the configured order decides which report of a duplicate represents it.
    const config = parseConfig({
      feeds: [
        { name: 'Slow Wire', url: `${slowBase}/feed` },
        { name: 'Fast Wire', url: `${fastBase}/feed` },
      ],
      delivery: { recipients: ['editor@example.org'] },
      fetch: { retries: 0, timeoutMs: 3000, allowPrivateNetwork: true },
    });
    const clock = fixedClock(new Date(`${DAY}T07:00:00Z`));
    const paths = localPaths(dir);
    const deps = await createLocalDeps({
      config,
      paths,
      clock,
      logger: silentLogger,
      progress: silentProgress,
    });
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const result = await runDigest({ ...deps, prefetchArticles }, config, request);
    // Timings aside, the edition as published.
    const edition = JSON.stringify(result.edition, (key, value) =>
      key === 'durationMs' ? undefined : value,
    );
    return { result, edition };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('runDigest with article prefetch', () => {
  it('requests a fast feed’s relevant page before the slow feed answers, and builds the same edition', async () => {
    slowItems = entry(
      'slow-1',
      'Russia and China hold naval drills in the Sea of Japan',
      `${slowBase}/drills`,
    );

    const on = await run(true);
    const pageAt = log.find((r) => r.path === 'fast/story')?.at;
    const slowAt = slowAnsweredAt;
    const off = await run(false);

    expect(pageAt).toBeDefined();
    expect(pageAt!).toBeLessThan(slowAt);
    expect(log.some((r) => r.path === 'fast/buses')).toBe(false);
    expect(on.edition).toEqual(off.edition);
    expect(on.result.edition.stats.articlesFetched).toBeGreaterThanOrEqual(2);
    expect(on.result.articlePrefetch?.wasted).toBe(0);
    expect(off.result.articlePrefetch).toBeUndefined();
  });

  it('wastes the page of an item merged into an earlier source’s report, and changes nothing', async () => {
    // The slow source carries the shared item too (a global GUID), under its own link: its report,
    // first in the configured order, represents it.
    slowItems = entry(
      'urn:example:shared-1',
      'Xi and Putin discuss gas supplies to China',
      `${slowBase}/shared-story`,
    );

    const on = await run(true);
    const requested = log.map((r) => r.path);
    const off = await run(false);

    expect(requested).toContain('fast/shared-story');
    expect(requested).toContain('slow/shared-story');
    expect(on.result.articlePrefetch).toMatchObject({ wasted: 1 });
    expect(on.edition).toEqual(off.edition);
  });
});
