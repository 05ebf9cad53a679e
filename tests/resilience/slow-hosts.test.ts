/**
 * Slow hosts must not starve the rest. Before, a request's timeout started while it still
 * queued for a connection slot, so feeds behind slow hosts failed "timed out" without ever
 * being sent. Now a request's own timeout starts when it holds a slot, and the stage's budget
 * decides what is not sent at all: that work is reported `skipped`, not `failed`.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { FetchConfigSchema } from '#config/schema.ts';
import { fetchFeeds } from '#ingest/fetch-feeds.ts';
import { silentProgress } from '#ports/ports.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>http://127.0.0.1:9/a</link><guid>a</guid></item></channel></rss>';

const servers: Server[] = [];
const slowBases: string[] = [];
let fastBase = '';
const fastRequests: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < 4; i++) {
    const slow = createServer((_req, res) =>
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS), 700),
    );
    servers.push(slow);
    slowBases.push(await listenLocal(slow));
  }
  const fast = createServer((req, res) => {
    fastRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
  });
  servers.push(fast);
  fastBase = await listenLocal(fast);
});
afterAll(async () => {
  for (const s of servers) await closeServer(s);
});

function setUp() {
  fastRequests.length = 0;
  // Four global slots, all taken twice over by the slow hosts' eight feeds (700 ms each). The fast
  // host has no more feeds than a slow one, so its requests start last (the configured order).
  const fetch = FetchConfigSchema.parse({ concurrency: 4, perHost: 2, retries: 0, timeoutMs: 1000 });
  const deps = {
    http: createHttpClientFromConfig(fetch, true),
    data: createMemoryStore(),
    clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
    logger: silentLogger,
    progress: silentProgress,
  };
  const sources = [
    ...slowBases.flatMap((b, i) => [1, 2].map((n) => ({ name: `slow ${i}.${n}`, url: `${b}/feed?${n}` }))),
    ...[1, 2].map((n) => ({ name: `fast ${n}`, url: `${fastBase}/feed?${n}` })),
  ].map((s) => ({ ...s, perspective: 'other' as const }));
  return { deps, sources };
}

describe('slow hosts beside a fast one', () => {
  it('fetches every feed of the fast host although it queued longer than its timeout', async () => {
    const { deps, sources } = setUp();

    const { reports } = await fetchFeeds(deps, sources, { maxFeedBytes: 1 << 20, timeoutMs: 1000 });

    expect(reports.filter((r) => r.status !== 'ok')).toEqual([]);
    expect(fastRequests).toHaveLength(2);
  });

  it('reports what the stage budget left unsent as skipped, and never sends it', async () => {
    const { deps, sources } = setUp();

    const { reports } = await fetchFeeds(deps, sources, {
      maxFeedBytes: 1 << 20,
      timeoutMs: 1000,
      signal: AbortSignal.timeout(300),
    });

    const fast = reports.filter((r) => r.name.startsWith('fast'));
    expect(fast.map((r) => [r.status, r.error])).toEqual(
      Array.from({ length: 2 }, () => ['skipped', 'time budget spent before it was requested']),
    );
    expect(fastRequests).toEqual([]);
    // What was already in flight finished under its own timeout.
    expect(reports.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(4);
    expect(reports.filter((r) => r.status === 'failed')).toEqual([]);
  });
});
