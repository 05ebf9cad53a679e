/**
 * The headline translation option end to end: the Amazon Translate adapter and the edition's
 * cache, cap and fallback, against a local server the test starts that speaks the Translate
 * JSON protocol over HTTP; and a whole run whose Russian-only story gets English headlines.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TranslateClient } from '@aws-sdk/client-translate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAmazonTranslator } from '#adapters/amazon-translate.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { createLocalDeps, localPaths } from '#cli/local-deps.ts';
import { parseConfig } from '#config/schema.ts';
import { TranslationError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { ScoredItem } from '#domain/types.ts';
import { translateHeadlines } from '#edition/translate-headlines.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { sendAwsError, standInClientConfig } from '#tests/helpers/aws-stand-in.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

type Reply =
  | { kind: 'translate' }
  | { kind: 'text'; text: string }
  | { kind: 'error'; status: number; type: string }
  | { kind: 'hang' };

/** What the stand-in service answers: "EN:" before the text, unless a reply is queued. */
let replies: Reply[] = [];
const requests: {
  target: string;
  body: { Text: string; SourceLanguageCode: string; TargetLanguageCode: string };
}[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      requests.push({ target: String(req.headers['x-amz-target'] ?? ''), body: parsed });
      const reply = replies.shift() ?? { kind: 'translate' };
      if (reply.kind === 'hang') return;
      if (reply.kind === 'error')
        return sendAwsError(res, reply.status, reply.type, { contentType: 'application/x-amz-json-1.1' });
      const text = reply.kind === 'text' ? reply.text : `EN: ${parsed.Text}`;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
        JSON.stringify({
          TranslatedText: text,
          SourceLanguageCode: parsed.SourceLanguageCode,
          TargetLanguageCode: 'en',
        }),
      );
    });
  });
  endpoint = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});
beforeEach(() => {
  requests.length = 0;
  replies = [];
});

function translator(timeoutMs = 5_000) {
  return createAmazonTranslator({ client: new TranslateClient(standInClientConfig(endpoint)), timeoutMs });
}

const item = (id: string, title: string, language?: string): ScoredItem => ({
  id,
  title,
  link: `https://example.org/${id}`,
  source: 'Outlet',
  perspective: 'other',
  categories: [],
  ...(language ? { language } : {}),
  classification: { relevant: true, score: 0.9, themes: ['energy'], reasons: [] },
});

const POLISH = item('pl', 'Co ustalili Putin i Xi Jinping w Moskwie? "Staniemy się chińską kolonią"', 'en');
const RUSSIAN = item('ru', 'Путин и Си Цзиньпин подписали меморандум о газопроводе', 'ru');
const ENGLISH = item('en', 'Russia and China sign deal to advance Power of Siberia 2 pipeline', 'en');

describe('Amazon Translate adapter (local endpoint)', () => {
  it('asks for English from the given language and returns the translation', async () => {
    await expect(translator().translate('Путин прибыл в Пекин', 'ru')).resolves.toBe(
      'EN: Путин прибыл в Пекин',
    );
    expect(requests).toEqual([
      {
        target: 'AWSShineFrontendService_20170701.TranslateText',
        body: { Text: 'Путин прибыл в Пекин', SourceLanguageCode: 'ru', TargetLanguageCode: 'en' },
      },
    ]);
  });

  it.each([
    [
      'throttling',
      { kind: 'error', status: 400, type: 'ThrottlingException' } as Reply,
      /ThrottlingException/,
    ],
    [
      'a service error',
      { kind: 'error', status: 500, type: 'InternalServerException' } as Reply,
      /InternalServerException/,
    ],
    ['an empty answer', { kind: 'text', text: '  ' } as Reply, TranslationError],
  ])('rejects on %s', async (_, reply, error) => {
    replies = [reply];
    await expect(translator().translate('Путин', 'ru')).rejects.toThrow(error);
  });

  it('aborts a call that takes too long', async () => {
    replies = [{ kind: 'hang' }];
    await expect(translator(300).translate('Путин', 'ru')).rejects.toThrow();
  });
});

describe('translateHeadlines', () => {
  it('translates only the headlines not in English, from their language or detected, and caches them', async () => {
    const data = createMemoryStore();
    const deps = { translator: translator(), data, logger: silentLogger };
    const first = await translateHeadlines([POLISH, RUSSIAN, ENGLISH], deps, { maxPerRun: 10 });
    expect(first.get('ru')).toEqual({ english: `EN: ${RUSSIAN.title}`, from: 'ru' });
    // Declared "en" but written in Polish: the service detects the language.
    expect(first.get('pl')).toEqual({ english: `EN: ${POLISH.title}`, from: 'auto' });
    expect(first.has('en')).toBe(false);
    expect(requests.map((r) => r.body.SourceLanguageCode)).toEqual(['auto', 'ru']);
    expect(data.objects.has(dataKeys.translation('ru', RUSSIAN.title))).toBe(true);

    // A later run: from the cache, no call, even with the service down.
    requests.length = 0;
    replies = [{ kind: 'error', status: 500, type: 'InternalServerException' }];
    const again = await translateHeadlines([POLISH, RUSSIAN], deps, { maxPerRun: 10 });
    expect(requests).toHaveLength(0);
    expect(again).toEqual(first);
  });

  it('sends at most maxPerRun headlines a run', async () => {
    const items = [1, 2, 3].map((n) => item(`ru${n}`, `Путин и Си Цзиньпин, встреча ${n}`, 'ru'));
    const out = await translateHeadlines(
      items,
      { translator: translator(), data: createMemoryStore(), logger: silentLogger },
      { maxPerRun: 2 },
    );
    expect(requests).toHaveLength(2);
    expect([...out.keys()]).toEqual(['ru1', 'ru2']);
  });

  it('leaves headlines as they are when the service fails, and stops asking after three failures in a row', async () => {
    replies = Array.from(
      { length: 5 },
      () => ({ kind: 'error', status: 400, type: 'ThrottlingException' }) as Reply,
    );
    const items = [1, 2, 3, 4, 5].map((n) => item(`ru${n}`, `Путин и Си Цзиньпин, встреча ${n}`, 'ru'));
    const out = await translateHeadlines(
      items,
      { translator: translator(), data: createMemoryStore(), logger: silentLogger },
      { maxPerRun: 10 },
    );
    expect(out.size).toBe(0);
    expect(requests).toHaveLength(3);
  });
});

describe('a run with headline translation on', () => {
  let feeds: Server;
  beforeAll(async () => {
    const rss = (items: { title: string; description: string; link: string }[], language: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><language>${language}</language>${items
        .map(
          (i, n) =>
            `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>Mon, 23 Nov 2026 0${n + 1}:00:00 GMT</pubDate><description>${i.description}</description></item>`,
        )
        .join('')}</channel></rss>`;
    feeds = createServer((req, res) => {
      const port = (feeds.address() as AddressInfo).port;
      const body =
        req.url === '/ru.xml'
          ? rss(
              [
                {
                  title: 'Россия и Китай подписали меморандум о газопроводе «Сила Сибири 2»',
                  description:
                    'Газпром и CNPC подписали юридически обязывающий меморандум о строительстве газопровода «Сила Сибири 2» через Монголию.',
                  link: `http://127.0.0.1:${port}/ru/1`,
                },
              ],
              'ru',
            )
          : rss(
              [
                {
                  title: 'Xi and Putin hold video call on energy cooperation',
                  description:
                    'Chinese President Xi Jinping and Russian President Vladimir Putin agreed to expand energy cooperation in a video call on Monday.',
                  link: `http://127.0.0.1:${port}/en/1`,
                },
              ],
              'en',
            );
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => feeds.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    feeds.closeAllConnections();
    await closeServer(feeds);
  });

  it('gives the Russian report an English headline, and a summary in English from it', async () => {
    const port = (feeds.address() as AddressInfo).port;
    const config = parseConfig({
      feeds: [
        { name: 'Вестник', url: `http://127.0.0.1:${port}/ru.xml`, perspective: 'russian-state' },
        { name: 'Wire', url: `http://127.0.0.1:${port}/en.xml`, perspective: 'wire' },
      ],
      fetch: { allowPrivateNetwork: true, retries: 0, maxArticles: 0 },
      translate: { kind: 'amazon-translate', maxPerRun: 5 },
    });
    const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
    const deps = {
      ...(await createLocalDeps({
        config,
        paths: localPaths(mkdtempSync(join(tmpdir(), 'translate-run-'))),
        clock,
        logger: silentLogger,
        progress: silentProgress,
      })),
      translator: translator(),
    };
    const at = { now: clock.now(), windowHours: 24, timeZone: 'UTC' };
    // A dry run translates but stores nothing, translations included.
    await runDigest(deps, config, resolveRunRequest({ dryRun: true }, at));
    expect(requests).toHaveLength(1);
    requests.length = 0;
    const { edition } = await runDigest(deps, config, resolveRunRequest({}, at));
    const articles = edition.stories.flatMap((s) => s.articles);
    const russian = articles.find((a) => a.url.endsWith('/ru/1'))!;
    expect(russian.titleEnglish).toBe(
      'EN: Россия и Китай подписали меморандум о газопроводе «Сила Сибири 2»',
    );
    expect(articles.find((a) => a.url.endsWith('/en/1'))!.titleEnglish).toBeUndefined();
    const story = edition.stories.find((s) => s.articles.includes(russian))!;
    expect(story.sentences.map((s) => s.text)).toEqual([
      'Вестник ran the headline “EN: Россия и Китай подписали меморандум о газопроводе «Сила Сибири 2»” (machine translation from Russian).',
    ]);
    expect(requests).toHaveLength(1);

    // The next run: the translation comes from the data store.
    requests.length = 0;
    const again = await runDigest(deps, config, resolveRunRequest({ dryRun: true }, at));
    expect(requests).toHaveLength(0);
    expect(again.edition.stories.flatMap((s) => s.articles).map((a) => a.titleEnglish)).toContain(
      russian.titleEnglish,
    );
  }, 60_000);
});
