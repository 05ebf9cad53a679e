import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#domain/errors.ts';
import type { FeedSource } from '#domain/types.ts';
import { mergeFeedSources, parseOpml } from '#ingest/opml.ts';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE opml [<!ENTITY x "xxxxxxxxxx">]>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Russian state">
      <outline text="TASS" title="TASS English" type="rss" xmlUrl="https://tass.example/rss/v2.xml" htmlUrl="https://tass.example/" language="en"/>
      <outline text="Folder inside">
        <outline text="RIA" xmlurl="https://ria.example/export/rss2/index.xml" language="ru"/>
      </outline>
    </outline>
    <outline text="Chinese state" title="Chinese state">
      <outline text="Xinhua &amp;amp; Co" xmlUrl="https://xinhua.example/rss/world.xml" category="/Wire,/News"/>
    </outline>
    <outline text="Misc">
      <outline text="Relative" xmlUrl="/feeds/local.xml"/>
      <outline text="Atom by url" type="atom" url="https://atom.example/feed"/>
      <outline text="Just a link" type="link" url="https://page.example/"/>
      <outline text="Bad scheme" xmlUrl="javascript:alert(1)"/>
      <outline text="Bad language" xmlUrl="https://lang.example/rss" language="english!"/>
      <outline xmlUrl="https://untitled.example/rss"/>
    </outline>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('reads nested outlines with names, perspectives from categories and folders, and languages', () => {
    expect(parseOpml(OPML, 'https://lists.example.org/my.opml')).toEqual<FeedSource[]>([
      {
        name: 'TASS English',
        url: 'https://tass.example/rss/v2.xml',
        perspective: 'russian-state',
        language: 'en',
      },
      {
        name: 'RIA',
        url: 'https://ria.example/export/rss2/index.xml',
        perspective: 'russian-state',
        language: 'ru',
      },
      { name: 'Xinhua & Co', url: 'https://xinhua.example/rss/world.xml', perspective: 'wire' },
      { name: 'Relative', url: 'https://lists.example.org/feeds/local.xml', perspective: 'other' },
      { name: 'Atom by url', url: 'https://atom.example/feed', perspective: 'other' },
      { name: 'Bad language', url: 'https://lang.example/rss', perspective: 'other' },
      { name: 'untitled.example', url: 'https://untitled.example/rss', perspective: 'other' },
    ]);
  });

  it('skips relative addresses when there is no base', () => {
    expect(parseOpml(OPML).map((f) => f.name)).not.toContain('Relative');
  });

  it.each([
    ['an HTML page', '<html><body>x</body></html>'],
    ['an RSS feed', '<rss version="2.0"><channel/></rss>'],
    ['nothing', ''],
  ])('rejects %s as not OPML', (_name, doc) => {
    expect(() => parseOpml(doc)).toThrowError(
      new InvalidInputError('not an OPML document: no <opml> element'),
    );
  });

  it('returns no sources for an OPML without feeds', () => {
    expect(parseOpml('<opml version="1.0"><body><outline text="empty"/></body></opml>')).toEqual([]);
  });
});

describe('mergeFeedSources', () => {
  const existing: FeedSource[] = [
    { name: 'TASS', url: 'https://tass.example/rss/v2.xml?utm_source=x', perspective: 'russian-state' },
    { name: 'Local', url: 'feeds/local.xml', perspective: 'other' },
  ];

  it('adds only sources whose canonical URL is new, and counts both', () => {
    const result = mergeFeedSources(existing, [
      { name: 'TASS again', url: 'https://TASS.example/rss/v2.xml#top', perspective: 'other' },
      { name: 'New', url: 'https://new.example/rss', perspective: 'western' },
      { name: 'New twice', url: 'https://new.example/rss?utm_medium=opml', perspective: 'western' },
      { name: 'Local again', url: 'feeds/local.xml', perspective: 'other' },
    ]);
    expect(result).toEqual({
      feeds: [...existing, { name: 'New', url: 'https://new.example/rss', perspective: 'western' }],
      added: 1,
      skipped: 3,
    });
  });

  it('never changes existing entries', () => {
    const result = mergeFeedSources(existing, []);
    expect(result.feeds).toEqual(existing);
    expect(result.feeds).not.toBe(existing);
  });
});
