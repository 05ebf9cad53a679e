/**
 * A whole run over a local feed host: an item whose headline names one side only, reporting the
 * same event as a relevant item, has its page read and joins the edition when the page links the
 * two sides; one whose page does not stays out; an item that reports no relevant event never has
 * its page requested; and `fetch.nearMissPages: 0` turns the second look off. The relevant
 * report's own page is missing (404), so by its merits alone (a page, a higher score) the rescued
 * report would lead their story.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDay } from '#tests/helpers/day-feed-server.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';

const DAY = '2026-11-23';
const page = (paragraph: string) =>
  `<!doctype html><html lang="en"><head><title>Page</title></head><body><article><h1>Page</h1>${`<p>${paragraph}</p>`.repeat(6)}</article></body></html>`;
const PAGES: Record<string, string> = {
  '/reaction': page(
    'China firmly opposes the illegal unilateral sanctions imposed by the United States and the European Union on Chinese companies on the pretext of Russia, the foreign ministry spokesperson said. China and Russia conduct normal trade cooperation, which must not be disrupted.',
  ),
  '/steel': page(
    'The European Commission imposed duties on steel from China after complaints from European producers about dumping at prices below cost.',
  ),
  '/buses': page('The city council approved new bus lanes for the summer after a long debate.'),
};

const entry = (guid: string, title: string, path: string, description: string) =>
  `<item><title>${title}</title><link>${base}${path}</link><guid>${guid}</guid><pubDate>${new Date(`${DAY}T05:00:00Z`).toUTCString()}</pubDate><description>${description}</description></item>`;

let base = '';
let requested: string[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/feed') {
      const items = [
        entry(
          's1',
          'EU, US sanction Chinese firms over supplies to Russia’s military',
          '/sanctions',
          'The European Union and the United States announced coordinated sanctions.',
        ),
        entry(
          's2',
          'China firmly opposes US, EU sanctions on Chinese firms: FM spokesperson',
          '/reaction',
          'China will take necessary measures to safeguard the rights of Chinese companies.',
        ),
        entry(
          's3',
          'EU sanctions Chinese steel makers over dumping',
          '/steel',
          'Duties of up to 30 percent.',
        ),
        entry('s4', 'City council approves new bus lanes for the summer', '/buses', 'A long debate.'),
      ].join('');
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
      return;
    }
    const body = PAGES[req.url ?? ''];
    if (body) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    else res.writeHead(404).end();
  });
  base = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});
beforeEach(() => {
  requested = [];
});

async function run(nearMissPages?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'near-miss-run-'));
  try {
    return await runDay(dir, DAY, [{ name: 'Example Wire', url: `${base}/feed` }], {
      fetch: {
        retries: 0,
        timeoutMs: 3000,
        allowPrivateNetwork: true,
        ...(nearMissPages === undefined ? {} : { nearMissPages }),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('runDigest: a second look at the near misses', () => {
  it('reads the pages of items reporting a relevant event and keeps those the page makes relevant', async () => {
    const result = await run();
    const urls = result.edition.stories.flatMap((s) => s.articles.map((a) => a.url));

    expect(urls).toContain(`${base}/sanctions`);
    expect(urls).toContain(`${base}/reaction`);
    expect(urls).not.toContain(`${base}/steel`);
    expect(requested).toEqual(expect.arrayContaining(['/sanctions', '/reaction', '/steel']));
    expect(requested).not.toContain('/buses');
    expect(result.nearMisses).toEqual({ looked: 2, rescued: 1 });
    // Their pages start while the feeds arrive, beside the relevant item's.
    expect(result.articlePrefetch).toEqual({ prefetched: 3, used: 3, wasted: 0 });
    // One story of the event, led by the report whose headline names the relation.
    const story = result.edition.stories.find((s) => s.articles.some((a) => a.url === `${base}/reaction`))!;
    expect(story.title).toBe('EU, US sanction Chinese firms over supplies to Russia’s military');
    const reaction = story.articles.find((a) => a.url === `${base}/reaction`)!;
    expect(reaction.reasons.at(-1)).toMatch(/^second look: .* on its feed text; read again with its page/);
  });

  it('reads no page below the cut with nearMissPages 0', async () => {
    const result = await run(0);
    const urls = result.edition.stories.flatMap((s) => s.articles.map((a) => a.url));

    expect(urls).toContain(`${base}/sanctions`);
    expect(urls).not.toContain(`${base}/reaction`);
    expect(requested).not.toContain('/reaction');
    expect(requested).not.toContain('/steel');
    expect(result.nearMisses).toBeUndefined();
  });
});
