/**
 * Publishing the archive to the folder store (`--out DIR`) and over HTTP to an S3-compatible
 * server, including failures half way, retries, concurrent runs and a rebuild from editions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { ARCHIVE_INDEX_KEY, publishEdition, rebuildArchive } from '#archive/publish-archive.ts';
import { BriefingError } from '#domain/errors.ts';
import { type EditionIndexEntry, PERSPECTIVES, THEME_IDS } from '#domain/types.ts';
import type { PutOptions, Store } from '#ports/ports.ts';
import { makeEdition, makeStory } from '#tests/fixtures/editions/make-edition.ts';
import { type S3TestServer, startS3Server } from '#tests/helpers/s3-server.ts';

const context = {
  archiveTitle: 'China–Russia Briefing',
  archiveBaseUrl: 'https://briefing.example.org/',
  apiBaseUrl: 'https://briefing.example.org/api/',
};
const deps = (site: Store) => ({
  site,
  clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
  logger: silentLogger,
  templates: createEtaTemplates(),
});
const edition = (id: string, stories = 4) => ({
  ...makeEdition(stories),
  id,
  title: `China–Russia Briefing — ${id}`,
  generatedAt: `${id}T07:00:00.000Z`,
});

async function readJson<T>(store: Store, key: string): Promise<T> {
  return JSON.parse((await store.get(key))!.body.toString('utf8')) as T;
}

const text = async (store: Store, key: string) => (await store.get(key))?.body.toString('utf8') ?? '';
const folder = () => mkdtempSync(join(tmpdir(), 'publish-archive-'));

/** A store that records every put's options and can fail the Nth put, like a network drop. */
function instrumented(inner: Store) {
  const puts: { key: string; options: PutOptions }[] = [];
  let failAt: number | undefined;
  const store: Store = {
    ...inner,
    get: (key) => inner.get(key),
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
    async put(key, body, options) {
      if (failAt !== undefined && puts.length + 1 === failAt) {
        failAt = undefined;
        throw new BriefingError(`injected failure at put ${puts.length + 1} (${key})`);
      }
      const result = await inner.put(key, body, options);
      puts.push({ key, options });
      return result;
    },
  };
  return {
    store,
    puts,
    failOnPut(n: number | undefined) {
      failAt = n === undefined ? undefined : puts.length + n;
    },
  };
}

/**
 * What readers may rely on at any moment: every edition that editions.json, the home page or
 * the feed names is complete, and none is listed twice or lost. Only once a publish has
 * finished (`settled`) must the three lists also agree; mid-way one may be a step ahead.
 */
async function expectConsistent(site: Store, published: readonly string[], settled = true): Promise<void> {
  const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
  const ids = index.map((e) => e.id);
  const home = await text(site, 'index.html');
  const homeIds = [...home.matchAll(/<li><a href="editions\/([^/]+)\/index\.html">/g)].map((m) => m[1]!);
  const feed = await new Parser().parseString(await text(site, 'feed.xml'));
  const feedIds = feed.items.map(
    (i) => /\/editions\/([^/]+)\/$/.exec(i.link ?? '')?.[1] ?? `bad link ${i.link}`,
  );
  for (const list of [ids, homeIds, feedIds]) {
    expect(new Set(list).size).toBe(list.length);
    expect(list).toEqual([...list].sort().reverse());
    for (const id of published) expect(list).toContain(id);
    for (const id of list) {
      expect(await site.get(`editions/${id}/edition.json`), id).toBeDefined();
      expect(await site.get(`editions/${id}/index.html`), id).toBeDefined();
    }
  }
  if (settled) {
    expect(homeIds).toEqual(ids);
    expect(feedIds).toEqual(ids);
  }
}

/** Every published file and its bytes, for comparing two states of a site. */
async function snapshot(site: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await site.list('')) out[key] = await text(site, key);
  return out;
}

describe('publishEdition (folder store)', () => {
  it('writes the layout with a content type and cache policy per file', async () => {
    const { store, puts } = instrumented(createFolderStore(folder()));
    const report = await publishEdition(deps(store), edition('2026-11-21'), context);
    expect(report).toMatchObject({ editionId: '2026-11-21', indexAttempts: 1 });
    const options = new Map(puts.map((p) => [p.key, p.options]));
    const expected: [string, string, string][] = [
      ['editions/2026-11-21/edition.json', 'application/json', 'public, max-age=31536000, immutable'],
      // The page gains a "next" link when a later edition is published: cached briefly.
      ['editions/2026-11-21/index.html', 'text/html', 'public, max-age=300'],
      ['index.html', 'text/html', 'public, max-age=300'],
      ['feed.xml', 'application/atom+xml', 'public, max-age=300'],
      ['editions.json', 'application/json', 'public, max-age=300'],
      ['search-index.json', 'application/json', 'public, max-age=300'],
      ['assets/site.css', 'text/css', 'public, max-age=86400'],
      ['assets/search.js', 'text/javascript', 'public, max-age=86400'],
      ['assets/minisearch.js', 'text/javascript', 'public, max-age=86400'],
      ...THEME_IDS.flatMap((t): [string, string, string][] => [
        [`themes/${t}/index.html`, 'text/html', 'public, max-age=300'],
        [`themes/${t}/feed.xml`, 'application/atom+xml', 'public, max-age=300'],
      ]),
      ...PERSPECTIVES.map((p): [string, string, string] => [
        `perspectives/${p}/index.html`,
        'text/html',
        'public, max-age=300',
      ]),
    ];
    for (const [key, type, cache] of expected) {
      expect(options.get(key)?.contentType, key).toBe(`${type}; charset=utf-8`);
      expect(options.get(key)?.cacheControl, key).toBe(cache);
      expect((await store.get(key))?.contentType, key).toBe(`${type}; charset=utf-8`);
    }
    // The edition is complete before any index names it; assets before any page uses them.
    const order = puts.map((p) => p.key);
    const at = (key: string) => order.indexOf(key);
    expect(at('assets/site.css')).toBeLessThan(at('editions/2026-11-21/index.html'));
    expect(at('editions/2026-11-21/index.html')).toBeLessThan(at(ARCHIVE_INDEX_KEY));
    for (const key of ['editions.json', 'index.html', 'feed.xml', 'search-index.json'])
      expect(at(key), key).toBeGreaterThan(at(ARCHIVE_INDEX_KEY));
    // The browser build of MiniSearch is the installed package's, copied at publish time.
    expect(await text(store, 'assets/minisearch.js')).toContain('MiniSearch');
  });

  it('lists three editions newest first and never twice, however often one is republished', async () => {
    const site = createFolderStore(folder());
    for (const id of ['2026-11-21', '2026-11-23', '2026-11-22', '2026-11-23', '2026-11-21'])
      await publishEdition(deps(site), edition(id), context);
    const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
    expect(index.map((e) => e.id)).toEqual(['2026-11-23', '2026-11-22', '2026-11-21']);
    expect(index[0]).toEqual({
      id: '2026-11-23',
      title: 'China–Russia Briefing — 2026-11-23',
      generatedAt: '2026-11-23T07:00:00.000Z',
      storyCount: 4,
    });
    await expectConsistent(site, ['2026-11-21', '2026-11-22', '2026-11-23']);
    const docs = await readJson<{ e: string }[]>(site, 'search-index.json');
    expect(docs.filter((d) => d.e === '2026-11-23')).toHaveLength(4);
    expect(docs).toHaveLength(12);
  });

  it('links each edition page to its neighbours, updating the previous page when a new edition arrives', async () => {
    const site = createFolderStore(folder());
    await publishEdition(deps(site), edition('2026-11-21'), context);
    expect(await text(site, 'editions/2026-11-21/index.html')).not.toContain('rel="next"');
    await publishEdition(deps(site), edition('2026-11-22'), context);
    expect(await text(site, 'editions/2026-11-21/index.html')).toContain('href="../2026-11-22/index.html"');
    expect(await text(site, 'editions/2026-11-22/index.html')).toContain(
      'rel="prev" href="../2026-11-21/index.html"',
    );
    // A late edition for an earlier day slots in between.
    await publishEdition(deps(site), edition('2026-11-20'), context);
    expect(await text(site, 'editions/2026-11-21/index.html')).toContain(
      'rel="prev" href="../2026-11-20/index.html"',
    );
    expect(await text(site, 'editions/2026-11-20/index.html')).toContain(
      'rel="next" href="../2026-11-21/index.html"',
    );
  });

  it("keeps every edition searchable by its reports' headlines when later editions are published", async () => {
    const site = createFolderStore(folder());
    const first = edition('2026-11-21');
    first.stories[0]!.articles[0]!.title = '«Газпром» и CNPC не договорились о цене';
    await publishEdition(deps(site), first, context);
    await publishEdition(deps(site), edition('2026-11-22'), context);
    // The second publish read the first edition's record back from the archive index.
    expect(await text(site, 'search-index.json')).toContain('«Газпром» и CNPC не договорились о цене');
  });

  it('a republished edition replaces its own files and record', async () => {
    const site = createFolderStore(folder());
    await publishEdition(deps(site), edition('2026-11-21', 4), context);
    await publishEdition(deps(site), { ...edition('2026-11-21', 2), title: 'Corrected edition' }, context);
    const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
    expect(index).toHaveLength(1);
    expect(index[0]).toMatchObject({ title: 'Corrected edition', storyCount: 2 });
    expect(await text(site, 'index.html')).toContain('Corrected edition');
    expect(await readJson<unknown[]>(site, 'search-index.json')).toHaveLength(2);
  });

  it('loses nothing when separate processes publish different editions at once', async () => {
    const root = folder();
    const ids = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14'];
    // One store per run: only the lock files and preconditions on disk keep them apart.
    const reports = await Promise.all(
      ids.map((id) => publishEdition(deps(createFolderStore(root)), edition(id), context)),
    );
    expect(reports.some((r) => r.indexAttempts > 1)).toBe(true);
    const site = createFolderStore(root);
    await expectConsistent(site, ids);
    expect((await readJson<EditionIndexEntry[]>(site, 'editions.json')).map((e) => e.id)).toEqual(
      [...ids].reverse(),
    );
    expect(await readJson<unknown[]>(site, ARCHIVE_INDEX_KEY)).toHaveLength(5);
  });

  it('stays consistent when a publish fails at any put, and a retry completes it', async () => {
    // How many puts a publish makes, so that every one of them gets to fail once.
    const probe = instrumented(createFolderStore(folder()));
    await publishEdition(deps(probe.store), edition('2026-11-20'), context);
    const putsPerPublish = probe.puts.length;
    expect(putsPerPublish).toBeGreaterThan(30);
    for (let n = 1; n <= putsPerPublish; n++) {
      const { store, failOnPut } = instrumented(createFolderStore(folder()));
      await publishEdition(deps(store), edition('2026-11-20'), context);
      failOnPut(n);
      await expect(publishEdition(deps(store), edition('2026-11-21'), context), `put ${n}`).rejects.toThrow(
        /injected failure/,
      );
      await expectConsistent(store, ['2026-11-20'], false);
      await publishEdition(deps(store), edition('2026-11-21'), context);
      await expectConsistent(store, ['2026-11-20', '2026-11-21']).catch((e) => {
        throw new Error(`after failing put ${n}: ${e}`);
      });
    }
  });

  it('rebuilds identical files from the editions alone', async () => {
    const site = createFolderStore(folder());
    for (const id of ['2026-10-31', '2026-11-01', '2026-11-02'])
      await publishEdition(deps(site), edition(id), context);
    const before = await snapshot(site);
    for (const key of [ARCHIVE_INDEX_KEY, 'editions.json', 'search-index.json', 'index.html', 'feed.xml'])
      await site.delete(key);
    await site.delete('themes/energy/index.html');
    await site.put('themes/military/feed.xml', 'stale', { contentType: 'application/atom+xml' });
    const report = await rebuildArchive(deps(site), context);
    expect(report).toMatchObject({ editions: 3, skipped: [] });
    expect(await snapshot(site)).toEqual(before);
  });

  it('skips an unreadable edition.json when rebuilding, and says so', async () => {
    const site = createFolderStore(folder());
    await publishEdition(deps(site), edition('2026-11-01'), context);
    await site.put('editions/2026-11-02/edition.json', '{ not json', { contentType: 'application/json' });
    const report = await rebuildArchive(deps(site), context);
    expect(report).toMatchObject({ editions: 1, skipped: ['editions/2026-11-02/edition.json'] });
    await expectConsistent(site, ['2026-11-01']);
  });
});

describe('publishEdition (s3rver)', () => {
  let s3: S3TestServer;
  let bucket = 0;
  const freshStore = () => createS3Store({ client: s3.client, bucket: 'site', prefix: `run${bucket++}/` });
  beforeAll(async () => {
    s3 = await startS3Server(['site']);
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('writes the contract layout with content types and cache headers', async () => {
    const site = freshStore();
    await publishEdition(deps(site), edition('2026-11-21'), context);
    for (const [key, type] of [
      ['index.html', 'text/html; charset=utf-8'],
      ['feed.xml', 'application/atom+xml; charset=utf-8'],
      ['editions.json', 'application/json; charset=utf-8'],
      ['editions/2026-11-21/index.html', 'text/html; charset=utf-8'],
      ['editions/2026-11-21/edition.json', 'application/json; charset=utf-8'],
      ['themes/energy/index.html', 'text/html; charset=utf-8'],
      ['themes/energy/feed.xml', 'application/atom+xml; charset=utf-8'],
      ['assets/site.css', 'text/css; charset=utf-8'],
      ['search-index.json', 'application/json; charset=utf-8'],
    ] as const) {
      expect((await site.get(key))?.contentType, key).toBe(type);
    }
    const head = await s3.client.send(
      new (await import('@aws-sdk/client-s3')).HeadObjectCommand({
        Bucket: 'site',
        Key: `run${bucket - 1}/editions/2026-11-21/edition.json`,
      }),
    );
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('keeps editions.json newest first without duplicates across republishing', async () => {
    const site = freshStore();
    for (const id of ['2026-11-21', '2026-11-23', '2026-11-22', '2026-11-23'])
      await publishEdition(deps(site), edition(id), context);
    const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
    expect(index.map((e) => e.id)).toEqual(['2026-11-23', '2026-11-22', '2026-11-21']);
    const feed = await new Parser().parseString((await site.get('feed.xml'))!.body.toString('utf8'));
    expect(feed.title).toBe('China–Russia Briefing');
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://briefing.example.org/editions/2026-11-23/',
      'https://briefing.example.org/editions/2026-11-22/',
      'https://briefing.example.org/editions/2026-11-21/',
    ]);
    const atom = (await site.get('feed.xml'))!.body.toString('utf8');
    for (const element of ['<id>', '<title>', '<updated>', '<author>', '<summary type="text">'])
      expect(atom).toContain(element);
  });

  it('loses nothing when two runs publish at once (the proxy enforces If-Match like S3)', async () => {
    const site = freshStore();
    await Promise.all(
      ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((id) =>
        publishEdition(deps(site), edition(id), context),
      ),
    );
    const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
    expect(index.map((e) => e.id)).toEqual(['2026-11-13', '2026-11-12', '2026-11-11', '2026-11-10']);
    const home = (await site.get('index.html'))!.body.toString('utf8');
    for (const id of ['2026-11-10', '2026-11-13']) expect(home).toContain(id);
  });

  it('recovers from a failure half way through publishing when the run is retried', async () => {
    const site = freshStore();
    await publishEdition(deps(site), edition('2026-11-20'), context);
    s3.failPutsAfter(3);
    await expect(publishEdition(deps(site), edition('2026-11-21'), context)).rejects.toThrow();
    s3.failPutsAfter(undefined);
    // Readers still see a consistent archive: the index lists only what is complete or retried.
    await publishEdition(deps(site), edition('2026-11-21'), context);
    const index = await readJson<EditionIndexEntry[]>(site, 'editions.json');
    expect(index.map((e) => e.id)).toEqual(['2026-11-21', '2026-11-20']);
    expect(await site.get('editions/2026-11-21/index.html')).toBeDefined();
  });

  it('rebuilds every index from the editions alone', async () => {
    const site = freshStore();
    await publishEdition(deps(site), edition('2026-11-01'), context);
    await publishEdition(deps(site), edition('2026-11-02'), context);
    const before = (await site.get('editions.json'))!.body.toString('utf8');
    await site.delete(ARCHIVE_INDEX_KEY);
    await site.put('editions.json', 'corrupted', { contentType: 'application/json' });
    const report = await rebuildArchive(deps(site), context);
    expect(report).toMatchObject({ editions: 2, skipped: [] });
    expect((await site.get('editions.json'))!.body.toString('utf8')).toBe(before);
  });

  it('escapes hostile story titles on every page and feed', async () => {
    const site = freshStore();
    const hostile = {
      ...edition('2026-11-05', 0),
      stories: [makeStory(0, { title: '<script>alert("x")</script><img src=x onerror=alert(1)>' })],
    };
    await publishEdition(deps(site), hostile, context);
    for (const key of [
      'editions/2026-11-05/index.html',
      'index.html',
      `themes/${hostile.stories[0]!.themes[0]}/index.html`,
      `themes/${hostile.stories[0]!.themes[0]}/feed.xml`,
    ]) {
      const text = (await site.get(key))!.body.toString('utf8');
      expect(text, key).not.toContain('<script>alert');
      expect(text, key).not.toContain('<img src=x');
    }
    const page = (await site.get('editions/2026-11-05/index.html'))!.body.toString('utf8');
    expect(page).toContain('http-equiv="Content-Security-Policy"');
    const $ = load(page);
    const attributes = $('*')
      .map((_, el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}))
      .get() as string[];
    expect(attributes.filter((name) => /^on/i.test(name))).toEqual([]);
    expect($('h3').text()).toContain('<script>alert("x")</script>');
  });
});
