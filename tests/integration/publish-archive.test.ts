/** Publishing the archive over HTTP to an S3-compatible server, including failures and races. */
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/adapters/json-logger.ts';
import { createS3Store } from '../../functions/adapters/s3-store.ts';
import { fixedClock } from '../../functions/adapters/system-clock.ts';
import type { EditionIndexEntry } from '../../functions/domain/types.ts';
import {
  ARCHIVE_INDEX_KEY,
  publishEdition,
  rebuildArchive,
} from '../../functions/pipeline/publish-archive.ts';
import type { Store } from '../../functions/ports/ports.ts';
import { makeEdition, makeStory } from '../fixtures/editions/make-edition.ts';
import { type S3TestServer, startS3Server } from '../helpers/s3-server.ts';

const context = {
  archiveTitle: 'China–Russia Briefing',
  archiveBaseUrl: 'https://briefing.example.org/',
  apiBaseUrl: 'https://briefing.example.org/api/',
};
const deps = (site: Store) => ({
  site,
  clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
  logger: silentLogger,
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
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });
});
