import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { NotAFeedError } from '../../../functions/domain/errors.ts';
import { parseFeed, parseFeedDate } from '../../../functions/pipeline/parse-feed.ts';

const rss = (items: string, decl = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${decl}<rss version="2.0"><channel><title>T</title><link>https://news.example.org/</link>${items}</channel></rss>`;

describe('parseFeed: encodings', () => {
  it.each([
    ['windows-1251', 'Путин и Си Цзиньпин провели переговоры'],
    ['koi8-r', 'Россия и Китай подписали соглашение'],
    ['gb18030', '习近平同普京举行会谈'],
    ['gbk', '中俄贸易再创新高'],
    ['big5', '中俄關係持續發展'],
  ])('decodes a %s feed from its XML declaration', async (charset, title) => {
    const doc = rss(
      `<item><title>${title}</title><link>https://news.example.org/a</link></item>`,
      `<?xml version="1.0" encoding="${charset}"?>`,
    );
    const feed = await parseFeed(iconv.encode(doc, charset));
    expect(feed.items[0]!.title).toBe(title);
  });

  it('honours the HTTP charset when the document declares none', async () => {
    const doc = rss('<item><title>Кремль</title><link>https://news.example.org/a</link></item>', '');
    const feed = await parseFeed(iconv.encode(doc, 'windows-1251'), {
      contentType: 'application/rss+xml; charset=windows-1251',
    });
    expect(feed.items[0]!.title).toBe('Кремль');
  });

  it.each([
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
  ])('reads %s with a BOM', async (encoding, bom) => {
    const doc = rss(
      '<item><title>中俄 – Россия</title><link>https://news.example.org/a</link></item>',
      `<?xml version="1.0" encoding="utf-16"?>`,
    );
    const feed = await parseFeed(Buffer.concat([bom, iconv.encode(doc, encoding)]));
    expect(feed.items[0]!.title).toBe('中俄 – Россия');
  });
});

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with entities, markup in titles, tracking links and content:encoded', async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire &amp; Co</title><link>https://wire.example.org/</link><language>en-gb</language>
      <item><title>&lt;b&gt;Xi &amp;amp; Putin&lt;/b&gt; meet</title><link>https://wire.example.org/a?utm_source=rss&amp;id=7#top</link><guid>g1</guid><pubDate>Mon, 23 Nov 2026 09:15:00 +0300</pubDate>
      <description>&lt;p&gt;First &amp;#039;para&amp;#039;.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description><dc:creator>Jane Roe</dc:creator><category>World</category>
      <content:encoded><![CDATA[<p>${'Long article text. '.repeat(20)}</p>]]></content:encoded></item></channel></rss>`,
    );
    const item = feed.items[0]!;
    expect(feed.title).toBe('Wire & Co');
    expect(item.title).toBe('Xi & Putin meet');
    expect(item.link).toBe('https://wire.example.org/a?id=7');
    expect(item.published).toBe('2026-11-23T06:15:00.000Z');
    expect(item.summary).toBe("First 'para'.\n\nSecond.");
    expect(item.author).toBe('Jane Roe');
    expect(item.categories).toEqual(['World']);
    expect(item.language).toBe('en');
    expect(item.content).toContain('Long article text.');
  });

  it('reads Atom 1.0 and Atom 0.3', async () => {
    const atom10 = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>One</title><link rel="alternate" href="https://a.example.org/1"/><id>urn:1</id><published>2026-11-23T10:00:00+08:00</published><summary>S</summary><author><name>Li</name></author></entry></feed>',
    );
    expect(atom10.items[0]).toMatchObject({
      title: 'One',
      link: 'https://a.example.org/1',
      published: '2026-11-23T02:00:00.000Z',
      author: 'Li',
    });
    const atom03 = await parseFeed(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>Two</title><link rel="alternate" type="text/html" href="https://a.example.org/2"/><issued>2026-11-22T08:00:00Z</issued></entry></feed>',
    );
    expect(atom03.items[0]).toMatchObject({
      title: 'Two',
      link: 'https://a.example.org/2',
      published: '2026-11-22T08:00:00.000Z',
    });
  });

  it('reads RDF (RSS 1.0) with dc:date', async () => {
    const feed = await parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>R</title><link>https://r.example.org/</link></channel><item rdf:about="https://r.example.org/1"><title>Item</title><link>https://r.example.org/1</link><dc:date>2026-11-21T09:00:00Z</dc:date></item></rdf:RDF>',
    );
    expect(feed.items[0]).toMatchObject({
      title: 'Item',
      link: 'https://r.example.org/1',
      published: '2026-11-21T09:00:00.000Z',
    });
  });

  it('reads JSON Feed 1.1', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: 1,
            url: 'https://j.example.org/1',
            title: 'Hello',
            content_html: '<p>Body</p>',
            date_published: '2026-11-20T00:00:00Z',
            authors: [{ name: 'A' }],
            tags: ['x'],
          },
        ],
      }),
    );
    expect(feed.items[0]).toMatchObject({
      title: 'Hello',
      link: 'https://j.example.org/1',
      published: '2026-11-20T00:00:00.000Z',
      author: 'A',
      categories: ['x'],
    });
  });

  it.each([
    [
      'versionless <rss>',
      '<rss><channel><title>V</title><item><title>No version</title><link>https://v.example.org/1</link></item></channel></rss>',
    ],
    [
      '<rss> without <channel>',
      '<rss version="2.0"><title>V</title><item><title>No channel</title><link>https://v.example.org/1</link></item></rss>',
    ],
    [
      'an undefined entity',
      '<rss version="2.0"><channel><title>V</title><item><title>Caf&eacute; talks</title><link>https://v.example.org/1</link></item></channel></rss>',
    ],
  ])('reads %s like a lenient reader', async (_name, doc) => {
    const feed = await parseFeed(doc);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.link).toBe('https://v.example.org/1');
  });

  it('resolves news-search redirect links to the publisher and drops the " - Publisher" suffix', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>Xi meets Putin - Daily Example</title><link>https://news.google.com/rss/articles/CBMiXYZ?oc=5</link><description>&lt;a href="https://daily.example.org/xi-putin?utm_source=gn"&gt;Xi meets Putin&lt;/a&gt;</description><source url="https://daily.example.org">Daily Example</source></item>',
      ),
    );
    expect(feed.items[0]).toMatchObject({
      title: 'Xi meets Putin',
      link: 'https://daily.example.org/xi-putin',
    });
  });

  it('never expands entities from a DTD (billion laughs, external entities)', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&lol3;</title><item><title>&xxe;x</title><link>https://x.example.org/1</link></item></channel></rss>`;
    const feed = await parseFeed(lol);
    expect(JSON.stringify(feed)).not.toContain('lollol');
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it.each([
    [
      'an HTML page',
      '<!doctype html><html><body><p>Hello</p></body></html>',
      'not a feed: root element <html>',
    ],
    ['empty input', '   ', 'not a feed: empty document'],
    ['JSON that is not a feed', '{"hello": "world"}', 'not a feed: JSON without an items array'],
    ['random XML', '<?xml version="1.0"?><catalog><book/></catalog>', 'not a feed: root element <catalog>'],
  ])('rejects %s with one line', async (_name, doc, message) => {
    await expect(parseFeed(doc)).rejects.toThrowError(new NotAFeedError(message));
  });
});

describe('parseFeedDate', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['Mon, 23 Nov 2026 09:15:00 GMT', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 09:15:00 +0300', '2026-11-23T06:15:00.000Z'],
    ['Mon, 23 Nov 2026 04:15:00 EST', '2026-11-23T09:15:00.000Z'],
    ['Mon, 23 Nov 2026 12:15:00 MSK', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23T17:15:00+08:00', '2026-11-23T09:15:00.000Z'],
    ['2026-11-23 09:15:00', '2026-11-23T09:15:00.000Z'],
    ['not a date', undefined],
    ['Fri, 27 Nov 2026 09:15:00 GMT', undefined],
    ['1970-01-01T00:00:00Z', undefined],
  ])('%s', (input, expected) => {
    expect(parseFeedDate(input, now)).toBe(expected);
  });
});
