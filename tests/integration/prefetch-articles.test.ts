/**
 * Pages started before the article stage: the stage's result is the same as without them, the
 * started pages are taken rather than fetched again, and what the prefetcher starts keeps the
 * stage's caps and address guard. Real HTTP on 127.0.0.1 under test host names.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { dataKeys } from '#domain/keys.ts';
import type { FeedItem, ScoredItem } from '#domain/types.ts';
import { type ArticleOptions, fetchArticles } from '#extract/fetch-articles.ts';
import { createArticlePrefetcher } from '#extract/prefetch-articles.ts';
import type { FetchDeps } from '#ingest/fetch-feeds.ts';
import { silentProgress } from '#ports/ports.ts';
import { closeServer } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore, type MemoryStore } from '#tests/helpers/memory-store.ts';
import { testHostsClient } from '#tests/helpers/test-hosts-client.ts';

const PARAGRAPH =
  '<p>Chinese and Russian officials met in Moscow to discuss trade settled in yuan and roubles, and the energy contracts that go with it, officials said on Monday.</p>';
const PAGE = `<!doctype html><html lang="en"><head><title>Trade talks</title></head><body><nav><a href="/">Home</a></nav><article><h1>Trade talks</h1>${PARAGRAPH.repeat(8)}</article></body></html>`;

let server: Server;
let port = 0;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${(req.headers.host ?? '').split(':')[0]}${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => closeServer(server));

const HOSTS = ['a.test', 'b.test', 'c.test'];
const client = (allowPrivateNetwork = true) => testHostsClient(HOSTS, { allowPrivateNetwork });

const url = (host: string, path: string) => `http://${host}:${port}${path}`;
const item = (link: string, score = 0.8): ScoredItem => ({
  id: link,
  title: `Report ${link}`,
  link,
  summary: 'Officials met to discuss trade.',
  categories: [],
  source: 'Test',
  perspective: 'wire',
  classification: { relevant: true, score, themes: ['trade-finance'], reasons: [] },
});
const options: ArticleOptions = {
  maxPageBytes: 1024 * 1024,
  articlesPerHost: 5,
  maxArticles: 20,
  timeoutMs: 3000,
};

let store: MemoryStore;
const deps = (http = client()): FetchDeps => ({
  http,
  data: store,
  clock: fixedClock(new Date('2026-11-23T12:00:00Z')),
  logger: silentLogger,
  progress: silentProgress,
});
/** A prefetcher whose early selection is the items themselves, as scored. */
const prefetcherFor = (fetchDeps: FetchDeps, chosen: readonly ScoredItem[], opts = options) =>
  createArticlePrefetcher(fetchDeps, opts, async (feedItems: readonly FeedItem[]) =>
    chosen.filter((c) => feedItems.some((f) => f.id === c.id)),
  );
/** Lets the offers' selections and the pages they start run. */
const settleOffers = () => new Promise((r) => setTimeout(r, 200));

beforeEach(() => {
  store = createMemoryStore();
  requests.length = 0;
});

describe('createArticlePrefetcher with fetchArticles', () => {
  it('starts pages before the stage, which takes them with the result it gets without them', async () => {
    const items = [item(url('a.test', '/1')), item(url('b.test', '/2'))];
    const without = await fetchArticles(deps(), items, options);
    store = createMemoryStore();
    requests.length = 0;

    const fetchDeps = deps();
    const prefetch = prefetcherFor(fetchDeps, items);
    prefetch.offer(items);
    await settleOffers();
    expect(requests.sort()).toEqual(['a.test/1', 'b.test/2']);
    prefetch.close();
    const withPrefetch = await fetchArticles(fetchDeps, items, { ...options, prefetch });

    expect(withPrefetch).toEqual(without);
    expect(requests).toHaveLength(2);
    expect(prefetch.settle()).toEqual({ prefetched: 2, used: 2, wasted: 0 });
  });

  it('counts a page started for an item the selection then drops as waste, and changes nothing', async () => {
    const kept = item(url('a.test', '/kept'));
    const dropped = item(url('b.test', '/dropped'));
    const without = await fetchArticles(deps(), [kept], options);
    store = createMemoryStore();

    const fetchDeps = deps();
    const prefetch = prefetcherFor(fetchDeps, [kept, dropped]);
    prefetch.offer([kept, dropped]);
    await settleOffers();
    prefetch.close();
    const withPrefetch = await fetchArticles(fetchDeps, [kept], { ...options, prefetch });

    expect(withPrefetch).toEqual(without);
    expect(prefetch.settle()).toEqual({ prefetched: 2, used: 1, wasted: 1 });
  });

  it('starts no more pages per host than the stage allows, and the stage fetches the rest itself', async () => {
    const items = [1, 2, 3, 4].map((n) => item(url('a.test', `/p${n}`), 0.5 + n / 10));
    const capped = { ...options, articlesPerHost: 2 };
    const fetchDeps = deps();
    const prefetch = prefetcherFor(fetchDeps, items, capped);

    prefetch.offer(items.slice(0, 3));
    await settleOffers();
    expect(requests.sort()).toEqual(['a.test/p1', 'a.test/p2']);
    prefetch.close();
    const result = await fetchArticles(fetchDeps, items, { ...capped, prefetch });

    // The stage gives its two slots to the highest scores (p4, p3), as without a prefetch.
    expect(result.items.map((i) => i.articleNote)).toEqual([
      'page not fetched: per-host limit of 2',
      'page not fetched: per-host limit of 2',
      undefined,
      undefined,
    ]);
    expect(prefetch.settle()).toEqual({ prefetched: 2, used: 0, wasted: 2 });
  });

  it('starts no more pages per run than the stage allows', async () => {
    const items = [item(url('a.test', '/x')), item(url('b.test', '/y')), item(url('c.test', '/z'))];
    const fetchDeps = deps();
    const prefetch = prefetcherFor(fetchDeps, items, { ...options, maxArticles: 2 });

    prefetch.offer(items);
    await settleOffers();

    expect(requests.sort()).toEqual(['a.test/x', 'b.test/y']);
    expect(prefetch.settle().prefetched).toBe(2);
  });

  it('keeps the address guard: a link to a private address is never requested', async () => {
    const guarded = deps(client(false));
    // The first is this test's own server: a request that slipped past the guard would be recorded.
    const items = [item(`http://127.0.0.1:${port}/admin`), item('http://10.0.0.5/')];
    const without = await fetchArticles(guarded, items, options);

    const prefetch = prefetcherFor(guarded, items);
    prefetch.offer(items);
    await settleOffers();
    prefetch.close();
    const withPrefetch = await fetchArticles(guarded, items, { ...options, prefetch });

    expect(withPrefetch).toEqual(without);
    expect(withPrefetch.items.map((i) => i.articleNote)).toEqual([
      'page not fetched: address not allowed',
      'page not fetched: address not allowed',
    ]);
    expect(requests).toEqual([]);
  });

  it('fetches nothing for a cached article, a full-text item, or after it was closed', async () => {
    const cachedLink = url('a.test', '/cached');
    const article = { url: cachedLink, title: 'Cached', text: 'Cached text. '.repeat(100) };
    await store.put(dataKeys.articleCache(cachedLink), JSON.stringify({ article }), {
      contentType: 'application/json',
    });
    const fullText = { ...item(url('b.test', '/full')), content: 'word '.repeat(200) };
    const late = item(url('c.test', '/late'));
    const fetchDeps = deps();
    const prefetch = prefetcherFor(fetchDeps, [item(cachedLink), fullText, late]);

    prefetch.offer([item(cachedLink), fullText]);
    await settleOffers();
    prefetch.close();
    prefetch.offer([late]);
    await settleOffers();
    const result = await fetchArticles(fetchDeps, [item(cachedLink), fullText], { ...options, prefetch });

    expect(requests).toEqual([]);
    expect(result.cached).toBe(1);
    expect(prefetch.settle()).toEqual({ prefetched: 0, used: 0, wasted: 0 });
  });
});
