/** The feed stage against a feed server on 127.0.0.1, with an in-memory store for the caches. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { createHttpClient } from '#adapters/node-http-client.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { dataKeys } from '#domain/keys.ts';
import type { FeedSource } from '#domain/types.ts';
import { type FetchDeps, fetchFeeds } from '#ingest/fetch-feeds.ts';
import type { HttpClient, HttpRequest, ProgressEvent } from '#ports/ports.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore, type MemoryStore } from '#tests/helpers/memory-store.ts';

const WIRE_ETAG = '"wire-v1"';
const WIRE_MODIFIED = 'Mon, 23 Nov 2026 06:00:00 GMT';
const rss = (items: string, language = '') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title>${
    language ? `<language>${language}</language>` : ''
  }${items}</channel></rss>`;
const item = (n: number, title: string) =>
  `<item><title>${title}</title><link>https://news.example.org/${n}</link><guid>g${n}</guid><pubDate>Mon, 23 Nov 2026 0${n}:00:00 GMT</pubDate><description>Summary ${n}.</description></item>`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/wire.xml': (req, res) => {
    if (req.headers['if-none-match'] === WIRE_ETAG) return void res.writeHead(304, { etag: WIRE_ETAG }).end();
    res
      .writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: WIRE_ETAG,
        'last-modified': WIRE_MODIFIED,
      })
      .end(
        rss(item(1, 'Xi and Putin meet in Moscow') + item(2, 'Joint naval patrol in the Pacific'), 'en-gb'),
      );
  },
  '/vestnik.xml': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss(item(3, 'Путин и Си провели переговоры'))),
  '/missing.xml': (_req, res) => res.writeHead(404).end('not here'),
  '/page.html': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>hi</body></html>'),
  '/always-304': (_req, res) => res.writeHead(304).end(),
  '/big.xml': (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(item(4, 'x'.repeat(50_000)))),
};

let server: Server;
let base = '';
const seen: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    seen.push({
      path,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
    });
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  base = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});

const http = createHttpClient({
  userAgent: 'BriefingTest/1.0',
  connectTimeoutMs: 1000,
  timeoutMs: 3000,
  retries: 0,
  maxBytes: 1024 * 1024,
  concurrency: 4,
  perHost: 2,
  allowPrivateNetwork: true,
});
const options = { maxFeedBytes: 1024 * 1024, timeoutMs: 3000 };
let store: MemoryStore;
let events: ProgressEvent[];

const depsWith = (overrides: Partial<FetchDeps> = {}): FetchDeps => ({
  http,
  data: store,
  clock: fixedClock(new Date('2026-11-23T12:00:00Z')),
  logger: silentLogger,
  progress: { report: (event) => events.push(event) },
  ...overrides,
});
const source = (name: string, path: string, extra: Partial<FeedSource> = {}): FeedSource => ({
  name,
  url: `${base}${path}`,
  perspective: 'wire',
  ...extra,
});

beforeEach(() => {
  store = createMemoryStore();
  events = [];
  seen.length = 0;
});

describe('fetchFeeds', () => {
  it('fetches, parses and attaches source, perspective and language', async () => {
    const { items, reports } = await fetchFeeds(
      depsWith(),
      [
        source('Wire', '/wire.xml'),
        source('Vestnik', '/vestnik.xml', { perspective: 'russian-state', language: 'ru' }),
      ],
      options,
    );
    expect(reports).toEqual([
      expect.objectContaining({ name: 'Wire', status: 'ok', items: 2, perspective: 'wire' }),
      expect.objectContaining({ name: 'Vestnik', status: 'ok', items: 1, perspective: 'russian-state' }),
    ]);
    for (const report of reports) expect(report.durationMs).toBeGreaterThanOrEqual(0);
    const byTitle = Object.fromEntries(items.map((i) => [i.title, i]));
    expect(byTitle['Xi and Putin meet in Moscow']).toMatchObject({
      source: 'Wire',
      perspective: 'wire',
      language: 'en',
      link: 'https://news.example.org/1',
      published: '2026-11-23T01:00:00.000Z',
    });
    // The feed declares no language: the source's configured one is used.
    expect(byTitle['Путин и Си провели переговоры']).toMatchObject({
      source: 'Vestnik',
      perspective: 'russian-state',
      language: 'ru',
    });
  });

  it('stores validators and items, then turns a 304 into not-modified with the cached items', async () => {
    const sources = [source('Wire', '/wire.xml')];
    const first = await fetchFeeds(depsWith(), sources, options);
    const cached = JSON.parse(store.objects.get(dataKeys.feedCache(sources[0]!.url))!.body.toString('utf8'));
    expect(cached).toMatchObject({
      etag: WIRE_ETAG,
      lastModified: WIRE_MODIFIED,
      fetchedAt: '2026-11-23T12:00:00.000Z',
    });
    expect(cached.items).toHaveLength(2);

    seen.length = 0;
    const second = await fetchFeeds(depsWith(), sources, options);
    expect(seen).toEqual([{ path: '/wire.xml', ifNoneMatch: WIRE_ETAG, ifModifiedSince: WIRE_MODIFIED }]);
    expect(second.reports[0]).toMatchObject({ status: 'not-modified', items: 2 });
    expect(second.items).toEqual(first.items);
  });

  it('gives cached items the source as configured now, not as it was', async () => {
    await fetchFeeds(depsWith(), [source('Wire', '/wire.xml')], options);
    const { items, reports } = await fetchFeeds(
      depsWith(),
      [source('Wire Service', '/wire.xml', { perspective: 'western' })],
      options,
    );
    expect(reports[0]).toMatchObject({ name: 'Wire Service', status: 'not-modified' });
    expect(items.map((i) => [i.source, i.perspective])).toEqual([
      ['Wire Service', 'western'],
      ['Wire Service', 'western'],
    ]);
  });

  it('isolates failures per source with one-line reasons, and never throws', async () => {
    const { items, reports } = await fetchFeeds(
      depsWith(),
      [
        source('Missing', '/missing.xml'),
        source('Page', '/page.html'),
        source('Wire', '/wire.xml'),
        source('Phantom 304', '/always-304'),
        source('Big', '/big.xml'),
        source('Dead', '/x', { url: 'http://127.0.0.1:1/feed' }),
        source('Local file', '/x', { url: 'file:///etc/passwd' }),
      ],
      { ...options, maxFeedBytes: 10_000 },
    );
    const byName = Object.fromEntries(reports.map((r) => [r.name, r]));
    // `error` is the public reason edition.json carries; `detail` the operator's full line.
    expect(byName.Missing).toMatchObject({
      status: 'failed',
      error: 'HTTP 404',
      detail: 'HTTP 404',
      items: 0,
    });
    expect(byName.Page).toMatchObject({ status: 'failed', error: 'not a feed', items: 0 });
    expect(byName.Page!.detail).toMatch(/^not a feed/);
    expect(byName['Phantom 304']).toMatchObject({
      status: 'failed',
      error: 'bad response',
      detail: 'HTTP 304 without a cached copy of the feed',
    });
    expect(byName.Big).toMatchObject({
      status: 'failed',
      error: 'response too large',
      detail: 'response larger than 10000 bytes',
    });
    expect(byName.Dead).toMatchObject({ error: 'not reachable' });
    expect(byName.Dead!.detail).toMatch(/connection refused/);
    expect(byName['Local file']).toMatchObject({
      status: 'failed',
      error: 'address not allowed',
      detail: 'scheme file is not allowed',
    });
    expect(byName.Wire).toMatchObject({ status: 'ok', items: 2 });
    expect(items).toHaveLength(2);
    for (const r of reports) {
      expect(r.error ?? '').not.toContain('\n');
      expect(r.detail ?? '').not.toContain('\n');
    }
  });

  it('asks the client for a trusted, size- and time-bounded request', async () => {
    const requests: HttpRequest[] = [];
    const spy: HttpClient = {
      get: (request) => {
        requests.push(request);
        return http.get(request);
      },
    };
    await fetchFeeds(depsWith({ http: spy }), [source('Wire', '/wire.xml')], {
      maxFeedBytes: 123_456,
      timeoutMs: 2500,
    });
    expect(requests).toEqual([{ url: `${base}/wire.xml`, maxBytes: 123_456, timeoutMs: 2500 }]);
  });

  it('fetches in full when the cache cannot be read, and succeeds when it cannot be written', async () => {
    await fetchFeeds(depsWith(), [source('Wire', '/wire.xml')], options);
    const broken = {
      ...store,
      get: async () => {
        throw new Error('store unavailable');
      },
    };
    seen.length = 0;
    const unreadable = await fetchFeeds(depsWith({ data: broken }), [source('Wire', '/wire.xml')], options);
    expect(seen[0]!.ifNoneMatch).toBeUndefined();
    expect(unreadable.reports[0]).toMatchObject({ status: 'ok', items: 2 });

    const fresh = createMemoryStore();
    fresh.failPut(1);
    const unwritable = await fetchFeeds(depsWith({ data: fresh }), [source('Wire', '/wire.xml')], options);
    expect(unwritable.reports[0]).toMatchObject({ status: 'ok', items: 2 });
    expect(fresh.objects.size).toBe(0);
  });

  it('ignores a corrupt cache entry', async () => {
    const url = `${base}/wire.xml`;
    await store.put(dataKeys.feedCache(url), '{not json', { contentType: 'application/json' });
    const { reports } = await fetchFeeds(depsWith(), [source('Wire', '/wire.xml')], options);
    expect(seen[0]!.ifNoneMatch).toBeUndefined();
    expect(reports[0]).toMatchObject({ status: 'ok', items: 2 });
  });

  it('reports progress from 0 to the number of sources', async () => {
    await fetchFeeds(depsWith(), [source('Wire', '/wire.xml'), source('Missing', '/missing.xml')], options);
    expect(events[0]).toEqual({ kind: 'feeds', done: 0, total: 2 });
    expect(events.at(-1)).toEqual({ kind: 'feeds', done: 2, total: 2 });
    expect(events).toHaveLength(3);
  });

  it('tells each source’s items as soon as they are read, fetched or not modified', async () => {
    const told: string[][] = [];
    const onItems = (items: readonly { title: string }[]) => told.push(items.map((i) => i.title));
    const wire = source('Wire', '/wire.xml');

    await fetchFeeds(depsWith(), [wire, source('Missing', '/missing.xml')], { ...options, onItems });
    const second = await fetchFeeds(depsWith(), [wire], { ...options, onItems });

    expect(second.reports[0]!.status).toBe('not-modified');
    const titles = ['Xi and Putin meet in Moscow', 'Joint naval patrol in the Pacific'];
    expect(told).toEqual([titles, titles]);
  });

  it('fails no source for a listener that throws', async () => {
    const onItems = () => {
      throw new Error('listener broke');
    };
    const { reports, items } = await fetchFeeds(depsWith(), [source('Wire', '/wire.xml')], {
      ...options,
      onItems,
    });
    expect(reports[0]).toMatchObject({ status: 'ok', items: 2 });
    expect(items).toHaveLength(2);
  });

  it('starts the sources of the host with the most of them first, and reports in the configured order', async () => {
    const started: string[] = [];
    const spy: HttpClient = {
      get: async (request: HttpRequest) => {
        started.push(request.url);
        return {
          url: request.url,
          status: 200,
          headers: { 'content-type': 'application/rss+xml' },
          body: Buffer.from(rss(item(1, 'A'))),
          notModified: false,
        };
      },
    };
    const sources = [
      { ...source('One', ''), url: 'http://one.example/feed' },
      ...[1, 2, 3].map((n) => ({ ...source(`Busy ${n}`, ''), url: `http://busy.example/feed?${n}` })),
      { ...source('Two', ''), url: 'http://two.example/feed' },
    ];

    const { reports } = await fetchFeeds(depsWith({ http: spy }), sources, options);

    expect(started).toEqual([
      'http://busy.example/feed?1',
      'http://busy.example/feed?2',
      'http://busy.example/feed?3',
      'http://one.example/feed',
      'http://two.example/feed',
    ]);
    expect(reports.map((r) => r.name)).toEqual(['One', 'Busy 1', 'Busy 2', 'Busy 3', 'Two']);
  });
});
