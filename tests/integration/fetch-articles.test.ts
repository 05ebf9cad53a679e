/** The article stage against pages served on 127.0.0.1 under several test host names. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import type { HttpClientOptions } from '#adapters/node-http-client.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Article, ScoredItem } from '#domain/types.ts';
import { type ArticleOptions, fetchArticles } from '#extract/fetch-articles.ts';
import type { FetchDeps } from '#ingest/fetch-feeds.ts';
import type { HttpClient, HttpRequest, ProgressEvent } from '#ports/ports.ts';
import { closeServer } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore, type MemoryStore } from '#tests/helpers/memory-store.ts';
import { testHostsClient } from '#tests/helpers/test-hosts-client.ts';

const SENTENCES = [
  'Chinese and Russian officials met in Moscow on Monday to discuss expanding trade settled in yuan and roubles.',
  'The talks covered energy supplies, including new contracts for pipeline gas through the eastern route.',
  'Analysts said the meeting showed how far the two economies have moved away from the dollar since the sanctions began.',
  'Officials on both sides declined to give figures for the volume of trade that is now settled in national currencies.',
  'Western governments have warned banks that help move payments for sanctioned goods that they may face secondary sanctions.',
];
const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>${SENTENCES[i % SENTENCES.length]} ${SENTENCES[(i + 2) % 5]}</p>`,
  ).join('');
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article><h1>${title}</h1>${body}</article>
  <footer>© Example News</footer></body></html>`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const html =
  (body: string): Handler =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const routes: Record<string, Handler> = {
  '/full': html(page('Trade talks in Moscow', paragraphs(8))),
  '/paywalled': html(
    page(
      'Inside the deal',
      `<p>${SENTENCES[0]}</p><p>Subscribe to continue reading. Already a subscriber? Sign in.</p>`,
    ),
  ),
  // A paywall declared in structured data, with nothing in the visible text to give it away.
  '/metered': html(
    page(
      'Metered story',
      `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script>${paragraphs(3)}`,
    ),
  ),
  '/forbidden': (_req, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>'),
  '/report.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
};

let server: Server;
let port = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const host = (req.headers.host ?? '').split(':')[0]!;
    requests.push(`${host}${path}`);
    const handler = routes[path] ?? (path.startsWith('/full') ? routes['/full'] : undefined);
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await closeServer(server);
});

const HOSTS = ['a.test', 'b.test', 'c.test', 'www.b.test'];
const client = (overrides: Partial<HttpClientOptions> = {}) => testHostsClient(HOSTS, overrides);

const url = (host: string, path: string) => `http://${host}:${port}${path}`;
let counter = 0;
const scored = (link: string, extra: Partial<ScoredItem> = {}, score = 0.5): ScoredItem => ({
  id: `item-${++counter}`,
  title: `Item ${counter}`,
  link,
  summary: 'Officials met to discuss trade in national currencies.',
  categories: [],
  source: 'Test',
  perspective: 'wire',
  classification: { relevant: true, score, themes: ['trade-finance'], reasons: [] },
  ...extra,
});

const defaults: ArticleOptions = {
  maxPageBytes: 1024 * 1024,
  articlesPerHost: 5,
  maxArticles: 20,
  timeoutMs: 3000,
};
let store: MemoryStore;
let events: ProgressEvent[];
const depsWith = (overrides: Partial<FetchDeps> = {}): FetchDeps => ({
  http: client(),
  data: store,
  clock: fixedClock(new Date('2026-11-23T12:00:00Z')),
  logger: silentLogger,
  progress: { report: (event) => events.push(event) },
  ...overrides,
});

beforeEach(() => {
  store = createMemoryStore();
  events = [];
  requests.length = 0;
});

describe('fetchArticles', () => {
  it('fetches and extracts a page, caches it by link, and keeps the input order', async () => {
    const items = [scored('', { title: 'No link' }), scored(url('a.test', '/full'))];
    const result = await fetchArticles(depsWith(), items, defaults);
    expect(result.fetched).toBe(1);
    expect(result.cached).toBe(0);
    expect(result.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    const [noLink, fetched] = result.items;
    expect(noLink!.articleNote).toBe('no article link in the feed');
    expect(fetched!.articleNote).toBeUndefined();
    expect(fetched!.article!.title).toBe('Trade talks in Moscow');
    expect(fetched!.article!.text).toContain('Chinese and Russian officials met in Moscow');
    expect(fetched!.article!.text).not.toContain('© Example News');
    const cached = JSON.parse(
      store.objects.get(dataKeys.articleCache(url('a.test', '/full')))!.body.toString('utf8'),
    ) as { article: Article; paywall?: boolean };
    expect(cached.article.text).toBe(fetched!.article!.text);
    expect(cached.paywall).toBeUndefined();
  });

  it('uses the feed’s full text without fetching, and a cached article without fetching', async () => {
    const longText = Array.from({ length: 40 }, () => SENTENCES[1]).join(' ');
    const cachedLink = url('a.test', '/full-cached');
    const cachedArticle: Article = {
      url: cachedLink,
      title: 'From the cache',
      text: paragraphs(6).replace(/<\/?p>/g, ' '),
    };
    await store.put(dataKeys.articleCache(cachedLink), JSON.stringify({ article: cachedArticle }), {
      contentType: 'application/json',
    });
    const feedItem = scored(url('a.test', '/full-feed'), { content: longText, language: 'en' });
    const result = await fetchArticles(depsWith(), [feedItem, scored(cachedLink)], defaults);
    expect(requests).toEqual([]);
    expect(result).toMatchObject({ fetched: 0, cached: 1 });
    expect(result.items[0]!.article).toEqual({
      url: feedItem.link,
      title: feedItem.title,
      text: longText,
      language: 'en',
    });
    expect(result.items[1]!.article!.title).toBe('From the cache');
  });

  it('fetches the page when the feed text is only a teaser', async () => {
    const result = await fetchArticles(
      depsWith(),
      [scored(url('a.test', '/full'), { content: SENTENCES.join(' ') })],
      defaults,
    );
    expect(requests).toEqual(['a.test/full']);
    expect(result.items[0]!.article!.title).toBe('Trade talks in Moscow');
  });

  it.each([
    ['/forbidden', 'page not fetched: HTTP 403'],
    ['/missing', 'page not fetched: HTTP 404'],
    ['/report.pdf', 'page not fetched: not a web page'],
    ['/paywalled', /^paywalled: only \d+ words$/],
    ['/metered', /^paywalled: only \d+ words$/],
  ])('keeps the feed summary and says why for %s', async (path, note) => {
    const item = scored(url('a.test', path));
    const result = await fetchArticles(depsWith(), [item], defaults);
    const [out] = result.items;
    expect(out!.articleNote).toMatch(note);
    expect(out!.article).toBeUndefined();
    expect(out!.summary).toBe(item.summary);
  });

  it('refuses a link to a private address when the network is guarded', async () => {
    const guarded = client({ allowPrivateNetwork: false });
    const result = await fetchArticles(
      depsWith({ http: guarded }),
      [scored('http://10.0.0.5/admin'), scored('http://169.254.169.254/latest/meta-data/')],
      defaults,
    );
    expect(result.items.map((i) => i.articleNote)).toEqual([
      'page not fetched: address not allowed',
      'page not fetched: address not allowed',
    ]);
  });

  it('caps pages per host, giving the slots to the highest-scored items', async () => {
    const items = [
      scored(url('b.test', '/full-1'), {}, 0.2),
      scored(url('b.test', '/full-2'), {}, 0.9),
      scored(url('www.b.test', '/full-3'), {}, 0.8),
      scored(url('c.test', '/full-4'), {}, 0.1),
    ];
    const result = await fetchArticles(depsWith(), items, { ...defaults, articlesPerHost: 2 });
    expect(result.items.map((i) => i.articleNote)).toEqual([
      'page not fetched: per-host limit of 2',
      undefined,
      undefined,
      undefined,
    ]);
    expect(requests.filter((r) => r.endsWith('b.test/full-1'))).toEqual([]);
    expect(result.fetched).toBe(3);
  });

  it('caps pages per run', async () => {
    const items = [
      scored(url('a.test', '/full-1'), {}, 0.3),
      scored(url('b.test', '/full-2'), {}, 0.6),
      scored(url('c.test', '/full-3'), {}, 0.4),
    ];
    const result = await fetchArticles(depsWith(), items, { ...defaults, maxArticles: 2 });
    expect(result.items.map((i) => i.articleNote)).toEqual([
      'page not fetched: run limit of 2 pages',
      undefined,
      undefined,
    ]);
    expect(requests.sort()).toEqual(['b.test/full-2', 'c.test/full-3']);
  });

  it('gives the run’s slots first to the items the caller puts first', async () => {
    const items = [
      scored(url('a.test', '/full-1'), {}, 0.3),
      scored(url('b.test', '/full-2'), {}, 0.6),
      scored(url('c.test', '/full-3'), {}, 0.4),
    ];
    const first = (item: (typeof items)[number]) => item.link.endsWith('/full-1');
    const result = await fetchArticles(depsWith(), items, { ...defaults, maxArticles: 2, first });
    expect(result.items.map((i) => i.articleNote)).toEqual([
      undefined,
      undefined,
      'page not fetched: run limit of 2 pages',
    ]);
    expect(requests.sort()).toEqual(['a.test/full-1', 'b.test/full-2']);
  });

  it('fetches a link shared by two items once', async () => {
    const link = url('a.test', '/full');
    const result = await fetchArticles(depsWith(), [scored(link), scored(link)], defaults);
    expect(requests).toEqual(['a.test/full']);
    expect(result.items.every((i) => i.article?.title === 'Trade talks in Moscow')).toBe(true);
  });

  it('asks for untrusted, bounded requests', async () => {
    const seen: HttpRequest[] = [];
    const inner = client();
    const spy: HttpClient = {
      get: (request) => {
        seen.push(request);
        return inner.get(request);
      },
    };
    await fetchArticles(depsWith({ http: spy }), [scored(url('a.test', '/full'))], {
      ...defaults,
      maxPageBytes: 50_000,
      timeoutMs: 1500,
    });
    expect(seen).toEqual([
      expect.objectContaining({
        url: url('a.test', '/full'),
        untrusted: true,
        maxBytes: 50_000,
        timeoutMs: 1500,
      }),
    ]);
  });

  it.each([
    [
      'a 6-word text beside a summary',
      'Just two sentences here. Nothing more.',
      'A feed summary.',
      'only 6 words',
    ],
    [
      'a 53-word text beside a 30-word summary',
      SENTENCES.slice(0, 3).join(' '),
      SENTENCES[3]! + ' ' + SENTENCES[4]!,
      'only 53 words',
    ],
    ['a 53-word text beside a 3-word summary', SENTENCES.slice(0, 3).join(' '), 'A feed summary.', undefined],
    ['a 6-word text without a summary', 'Just two sentences here. Nothing more.', undefined, 'only 6 words'],
    ['a 53-word text without a summary', SENTENCES.slice(0, 3).join(' '), undefined, undefined],
  ])('judges a short extraction (%s)', async (_case, text, summary, note) => {
    const link = url('a.test', `/short-${++counter}`);
    // A bare Article is the cache shape written before the paywall flag existed.
    const short: Article = { url: link, title: 'Short', text };
    await store.put(dataKeys.articleCache(link), JSON.stringify(short), { contentType: 'application/json' });
    const item = scored(link);
    if (summary) item.summary = summary;
    else delete item.summary;
    const [out] = (await fetchArticles(depsWith(), [item], defaults)).items;
    if (note) {
      expect(out!.articleNote).toBe(`paywalled or empty page: ${note}`);
      expect(out!.article).toBeUndefined();
    } else {
      expect(out!.articleNote).toBeUndefined();
      expect(out!.article!.text).toBe(text);
    }
  });

  it('keeps a long article even when the page carries a subscribe box', async () => {
    const link = url('a.test', '/long-metered');
    const text = Array.from({ length: 12 }, () => SENTENCES.join(' ')).join('\n\n');
    await store.put(
      dataKeys.articleCache(link),
      JSON.stringify({ article: { url: link, title: 'Long', text }, paywall: true }),
      { contentType: 'application/json' },
    );
    const [out] = (await fetchArticles(depsWith(), [scored(link)], defaults)).items;
    expect(out!.articleNote).toBeUndefined();
    expect(out!.article!.text).toBe(text);
  });

  it('remembers a paywall in the cache, so a cached page is judged the same', async () => {
    const link = url('a.test', '/paywalled');
    await fetchArticles(depsWith(), [scored(link)], defaults);
    requests.length = 0;
    const again = await fetchArticles(depsWith(), [scored(link)], defaults);
    expect(requests).toEqual([]);
    expect(again.cached).toBe(1);
    expect(again.items[0]!.articleNote).toMatch(/^paywalled: only \d+ words$/);
  });

  it('reports progress for every item', async () => {
    await fetchArticles(
      depsWith(),
      [scored(''), scored(url('a.test', '/full')), scored(url('a.test', '/missing'))],
      defaults,
    );
    expect(events[0]).toEqual({ kind: 'articles', done: 0, total: 3 });
    expect(events.at(-1)).toEqual({ kind: 'articles', done: 3, total: 3 });
    expect(events).toHaveLength(4);
  });
});
