/**
 * Two outlets carry the same link. Before, the merged item kept the first feed's headline and
 * source but took the longest summary (and content, and the earliest date) from any feed: a
 * state outlet's text could be shown under a wire service's headline and perspective. Now each
 * outlet's report keeps its own headline, text, perspective and time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDay } from '#tests/helpers/day-feed-server.ts';
import { type FixtureServer, startFixtureServer } from '#tests/helpers/fixture-server.ts';

const LINK = 'http://127.0.0.1:9/shared/summit-call';
const STATE_TEXT =
  'Western attempts to isolate Moscow have failed completely, the channel said, praising the unbreakable brotherhood of the two great powers.';
const rss = (title: string, summary: string, date: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>${title}</title><link>${LINK}</link><pubDate>${date}</pubDate><description>${summary}</description></item></channel></rss>`;

let server: FixtureServer;
beforeAll(async () => {
  const send = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  server = await startFixtureServer(tmpdir(), {
    '/wire': send(
      rss(
        'Xi and Putin agree to expand energy cooperation in video call',
        'The Kremlin said gas supplies were discussed.',
        'Mon, 23 Nov 2026 05:00:00 GMT',
      ),
    ),
    '/state': send(
      rss(
        'Xi and Putin hail historic new stage of strategic partnership',
        `Xi and Putin spoke by video link about energy cooperation. ${STATE_TEXT}`,
        'Mon, 23 Nov 2026 04:00:00 GMT',
      ),
    ),
  });
});
afterAll(() => server.close());

describe('one link carried by a wire service and a state outlet', () => {
  it('lists each outlet with its own headline, perspective and time, and never splices the texts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duplicates-'));
    const result = await runDay(dir, '2026-11-23', [
      { name: 'Wire', url: `${server.base}/wire`, perspective: 'wire' },
      { name: 'State TV', url: `${server.base}/state`, perspective: 'russian-state' },
    ]);

    const story = result.edition.stories.find((s) => s.articles.some((a) => a.url === LINK))!;
    const bySource = Object.fromEntries(story.articles.map((a) => [a.source, a]));
    expect(bySource.Wire).toMatchObject({
      title: 'Xi and Putin agree to expand energy cooperation in video call',
      perspective: 'wire',
      published: '2026-11-23T05:00:00.000Z',
    });
    expect(bySource['State TV']).toMatchObject({
      title: 'Xi and Putin hail historic new stage of strategic partnership',
      perspective: 'russian-state',
      published: '2026-11-23T04:00:00.000Z',
    });
    // The state outlet's words are not the wire's summary.
    expect(story.summary).not.toContain('isolate Moscow');
    expect(story.sentences.map((s) => s.text).join(' ')).not.toContain('unbreakable brotherhood');
  });
});
