import { readdirSync, readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { NestingTooDeepError, NotAFeedError } from '#domain/errors.ts';
import type { ParsedFeed } from '#domain/types.ts';
import { fetchFeeds } from '#ingest/fetch-feeds.ts';
import { LeanRssParser } from '#ingest/lean-rss-parser.ts';
import {
  capEntries,
  MAX_ITEMS_PER_FEED,
  parseFeed,
  RSS_PARSER_CUSTOM_FIELDS,
  stripDoctype,
} from '#ingest/parse-feed.ts';
import type { HttpClient, Logger, Store } from '#ports/ports.ts';
import { MAX_NESTING } from '#text/html-guard.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const NOW = new Date('2026-11-23T12:00:00Z');

type Item = ParsedFeed['items'][number];
/** The item without its id (checked on its own: stable, 20 hex digits). */
const withoutId = ({ id, ...rest }: Item) => {
  expect(id).toMatch(/^[0-9a-f]{20}$/);
  return rest;
};

describe('parseFeed: fixtures (tests/fixtures/feeds, written by make-fixtures.ts)', () => {
  it.each<[string, Omit<ParsedFeed, 'items'>, Omit<Item, 'id'>[]]>([
    [
      'rss-windows-1251.xml',
      { title: 'Новости партнёрства', link: 'https://news.example.org/', language: 'ru' },
      [
        {
          title: 'Москва и Пекин договорились о поставках газа «Сила Сибири — 2»',
          link: 'https://news.example.org/ru/gas-deal',
          published: '2026-11-23T09:15:00.000Z',
          summary: 'Стороны обсудили цену и объёмы.\n\nПодписание ожидается в декабре.',
          author: 'Редакция',
          categories: ['Экономика'],
          language: 'ru',
        },
      ],
    ],
    [
      'rss-koi8-r.xml',
      { title: 'Лента КОИ-8', link: 'https://news.example.org/', language: 'ru' },
      [
        {
          title: 'Россия и Китай провели совместные учения в Японском море',
          link: 'https://news.example.org/ru/drills',
          published: '2026-11-22T05:00:00.000Z',
          summary: 'Учения продлятся пять дней.',
          categories: [],
          language: 'ru',
        },
      ],
    ],
    [
      'rss-gbk.xml',
      { title: '中俄新闻', link: 'https://news.example.org/', language: 'zh' },
      [
        {
          title: '中俄贸易额创历史新高',
          link: 'https://news.example.org/zh/trade',
          published: '2026-11-23T09:15:00.000Z',
          summary: '双方同意扩大本币结算。',
          categories: [],
          language: 'zh',
        },
      ],
    ],
    [
      'atom-gb18030.xml',
      { title: '北方通讯', link: 'https://north.example.org/', language: 'zh' },
      [
        {
          title: '北极航道合作 €12亿 项目启动 𠮷',
          link: 'https://north.example.org/arctic',
          published: '2026-11-23T02:00:00.000Z',
          summary: '项目涉及港口与破冰船。',
          categories: [],
          language: 'zh',
        },
      ],
    ],
    [
      'rss-big5.xml',
      { title: '兩岸觀察', link: 'https://news.example.org/', language: 'zh' },
      [
        {
          title: '中俄關係持續發展 專家看法分歧',
          link: 'https://news.example.org/tw/analysis',
          published: '2026-11-23T09:00:00.000Z',
          summary: '學者認為雙方合作有其限制。',
          categories: [],
          language: 'zh',
        },
      ],
    ],
    [
      'rss-utf16le-bom.xml',
      { title: 'Wide Wire', link: 'https://news.example.org/', language: 'en' },
      [
        {
          title: 'Summit in Kazan – Россия и 中国',
          link: 'https://wide.example.org/summit',
          published: '2026-11-21T18:30:00.000Z',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'rss-undeclared-1251.xml',
      { title: 'Без объявления кодировки' },
      [
        {
          title: 'Переговоры о поставках нефти продолжатся на следующей неделе в Пекине',
          link: 'https://news.example.org/ru/oil',
          categories: [],
        },
      ],
    ],
    [
      'rss-undeclared-gbk.xml',
      { title: '未声明编码的新闻' },
      [
        {
          title: '中国和俄罗斯的经济合作关系继续发展',
          link: 'https://news.example.org/zh/economy',
          categories: [],
        },
      ],
    ],
    [
      'atom-0.3.xml',
      { title: 'Old Atom Desk', link: 'https://old.example.org/', language: 'en' },
      [
        {
          title: 'Energy talks resume',
          link: 'https://old.example.org/2026/11/energy',
          // <issued> with its zone, not <modified>.
          published: '2026-11-22T13:00:00.000Z',
          summary: 'Negotiators met again in Beijing.',
          content:
            'Negotiators met again in Beijing.\n\nA second round is planned for December, with pricing still open and both delegations saying little in public about the terms.',
          categories: [],
          language: 'en',
        },
        {
          title: 'Base64 headline',
          link: 'https://old.example.org/2026/11/base64',
          published: '2026-11-21T08:00:00.000Z',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'atom-1.0.xml',
      { title: 'Modern Atom', link: 'https://modern.example.org/', language: 'en' },
      [
        {
          title: 'Sanctions & the yuan',
          link: 'https://modern.example.org/articles/yuan',
          published: '2026-11-23T07:30:00.000Z',
          summary: 'Banks route payments through regional lenders.',
          content:
            'Banks route payments through regional lenders.\n\nOfficials in Brussels said the next package would target them, and traders expect further delays to settlements between the two countries.',
          author: 'A. Writer',
          categories: ['finance', 'sanctions'],
          language: 'en',
        },
        {
          title: 'Only updated',
          link: 'https://modern.example.org/articles/updated',
          published: '2026-11-22T06:00:00.000Z',
          categories: [],
          language: 'ru',
        },
      ],
    ],
    [
      'rdf-1.0.xml',
      { title: 'RDF Bulletin', link: 'https://rdf.example.org/', language: 'de' },
      [
        {
          title: 'Pipeline route agreed',
          link: 'https://rdf.example.org/1',
          published: '2026-11-21T06:00:00.000Z',
          summary: 'The route crosses Mongolia.',
          author: 'Desk',
          categories: ['Energie'],
          language: 'de',
        },
      ],
    ],
    [
      'rss-0.91.xml',
      { title: 'Classic 0.91', link: 'https://classic.example.org/', language: 'en' },
      [
        {
          title: 'Border trade reopens',
          link: 'https://classic.example.org/border',
          summary: 'Trucks crossed at Zabaikalsk.',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'rss-versionless.xml',
      { title: 'No Version', link: 'https://noversion.example.org/' },
      [
        {
          title: 'Grain corridor expands',
          link: 'https://noversion.example.org/grain',
          published: '2026-11-20T07:00:00.000Z',
          categories: [],
        },
      ],
    ],
    [
      'rss-no-channel.xml',
      { title: 'No Channel' },
      [
        { title: 'Railway bridge opens', link: 'https://nochannel.example.org/bridge', categories: [] },
        // No <link>: the permalink GUID stands in.
        { title: 'Second item', link: 'https://nochannel.example.org/second', categories: [] },
      ],
    ],
    [
      'json-feed-1.1.json',
      { title: 'JSON Desk', link: 'https://json.example.org/', language: 'en' },
      [
        {
          title: 'Lunar station plans revised',
          link: 'https://json.example.org/2026/11/23/space',
          published: '2026-11-23T13:00:00.000Z',
          summary: 'Both agencies updated the timeline.',
          content: 'Both agencies updated the timeline.\n\nLaunches slip to 2033.',
          author: 'JSON Desk staff',
          categories: ['space', 'technology'],
          language: 'en',
        },
        {
          title: 'Plain text only. No title given, so the text stands in.',
          link: 'https://json.example.org/2026/11/22/text',
          published: '2026-11-22T10:00:00.000Z',
          content: 'Plain text only. No title given, so the text stands in.',
          author: 'Guest',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'google-news.xml',
      { title: '"china russia" - Google News', link: 'https://news.example.org/', language: 'en' },
      [
        {
          title: 'Xi and Putin sign energy pact',
          link: 'https://daily.example.org/world/xi-putin-energy?id=42',
          published: '2026-11-23T08:00:00.000Z',
          categories: [],
          language: 'en',
        },
        {
          // The entry does not show the publisher's article: the aggregator link is kept.
          title: 'Analysts weigh the partnership',
          link: 'https://news.google.com/rss/articles/CBMiQWh0dHBzOi8vd2Vla2x5?oc=5',
          published: '2026-11-23T07:00:00.000Z',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'html-in-titles.xml',
      { title: 'Markup & Entities', link: 'https://news.example.org/', language: 'en' },
      [
        {
          title: "Breaking: Xi & Putin's talks end",
          link: 'https://markup.example.org/a',
          summary: 'First paragraph with a link.\n\nSecond paragraph & more.',
          categories: [],
          language: 'en',
        },
        {
          title: 'Café diplomacy: “quiet” talks',
          link: 'https://markup.example.org/b',
          summary: 'Tom & Jerry’s line two',
          categories: [],
          language: 'en',
        },
      ],
    ],
    [
      'odd-dates.xml',
      { title: 'Odd Dates', link: 'https://news.example.org/', language: 'en' },
      [
        ['named-zone', '2026-11-23T09:15:00.000Z'],
        ['no-weekday', '2026-11-23T09:15:00.000Z'],
        ['iso-no-zone', '2026-11-23T09:15:00.000Z'],
        ['far-future', undefined],
        ['garbage', undefined],
        ['missing', undefined],
      ].map(([slug, published]) => ({
        title: `Date ${slug}`,
        link: `https://dates.example.org/${slug}`,
        ...(published ? { published } : {}),
        categories: [],
        language: 'en',
      })),
    ],
  ])('%s', async (name, head, items) => {
    const feed = await parseFeed(fixture(name), { now: NOW });
    const { items: got, ...gotHead } = feed;
    expect(gotHead).toEqual(head);
    expect(got.map(withoutId)).toEqual(items);
  });

  it('never expands entities from a DTD (billion laughs, external entities)', async () => {
    const feed = await parseFeed(fixture('billion-laughs.xml'));
    expect(feed.title).toBe('Laughs &lol9;');
    expect(feed.items.map(withoutId)).toEqual([
      { title: 'Entity test &xxe;', link: 'https://laughs.example.org/1', summary: '&lol9;', categories: [] },
    ]);
    expect(JSON.stringify(feed)).not.toMatch(/lollol|root:/);
  });

  it('rejects an HTML page with one line', async () => {
    await expect(parseFeed(fixture('not-a-feed.html'))).rejects.toThrowError(
      new NotAFeedError('not a feed: root element <html>'),
    );
  });

  it('gives the same ids on every run', async () => {
    const ids = async () => (await parseFeed(fixture('atom-1.0.xml'))).items.map((i) => i.id);
    expect(await ids()).toEqual(await ids());
  });
});

const rss = (items: string, channel = '<title>T</title><link>https://news.example.org/</link>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('parseFeed: lenient reading', () => {
  it.each([
    [
      'an undefined HTML entity',
      '<rss version="2.0"><channel><title>V</title><item><title>Caf&eacute; talks</title><link>https://v.example.org/1</link></item></channel></rss>',
      'Café talks',
    ],
    [
      'a prefixed root',
      '<r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0"><r:channel><r:title>V</r:title><r:item><r:title>Prefixed</r:title><r:link>https://v.example.org/1</r:link></r:item></r:channel></r:rss>',
      'Prefixed',
    ],
    [
      'RSS 1.0 under an unusual prefix',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>V</rss:title></rss:channel><rss:item><rss:title>RSS 1.0 item</rss:title><rss:link>https://v.example.org/1</rss:link></rss:item></rdf:RDF>',
      'RSS 1.0 item',
    ],
    [
      'an unclosed root',
      '<rss version="2.0"><channel><title>V</title><item><title>Cut short</title><link>https://v.example.org/1</link></item>',
      'Cut short',
    ],
    [
      'junk before the root',
      'xx<rss version="2.0"><channel><title>V</title><item><title>After junk</title><link>https://v.example.org/1</link></item></channel></rss>',
      'After junk',
    ],
    [
      'a comment before the declaration',
      '<!-- note --><?xml version="1.0"?><rss version="2.0"><channel><title>V</title><item><title>Commented</title><link>https://v.example.org/1</link></item></channel></rss>',
      'Commented',
    ],
    [
      'an Atom title in XHTML',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>V</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>markup</b></div></title><link href="https://v.example.org/1"/></entry></feed>',
      'Inline markup',
    ],
    [
      'naked markup in an RSS title',
      '<rss version="2.0"><channel><title>V</title><item><title>Naked <b>bold</b> text</title><link>https://v.example.org/1</link></item></channel></rss>',
      'Naked bold text',
    ],
    [
      'an Atom 1.0 base64 title',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>V</title><entry><title type="application/octet-stream">QmFzZTY0IGhlYWRsaW5l</title><link href="https://v.example.org/1"/></entry></feed>',
      'Base64 headline',
    ],
    [
      'CDF',
      '<CHANNEL HREF="https://v.example.org/"><TITLE>V</TITLE><ITEM HREF="https://v.example.org/1" LASTMOD="2026-11-20T10:00"><TITLE>CDF item</TITLE><ABSTRACT>Old format</ABSTRACT></ITEM></CHANNEL>',
      'CDF item',
    ],
  ])('reads %s', async (_name, doc, title) => {
    const feed = await parseFeed(doc);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe(title);
    expect(feed.items[0]!.link).toBe('https://v.example.org/1');
  });

  it('resolves relative links against xml:base, then the feed address', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.org/news/"><title>B</title><entry><title>One</title><link href="one"/></entry><entry xml:base="/other/"><title>Two</title><link href="two"/></entry></feed>',
    );
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://base.example.org/news/one',
      'https://base.example.org/other/two',
    ]);
    const rel = await parseFeed(
      rss('<item><title>R</title><link>/a/b?utm_source=x</link></item>', '<title>T</title>'),
      {
        url: 'https://feeds.example.org/rss.xml',
      },
    );
    expect(rel.items[0]!.link).toBe('https://feeds.example.org/a/b');
  });

  it('drops links that are not http(s)', async () => {
    const feed = await parseFeed(rss('<item><title>J</title><link>javascript:alert(1)</link></item>'));
    expect(feed.items[0]!.link).toBe('');
  });

  it('prefers feedburner:origLink to the tracking redirect', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>F</title><link>https://feedproxy.google.com/~r/x/~3/abc/story</link><feedburner:origLink>https://pub.example.org/story?utm_source=feedburner</feedburner:origLink></item>',
      ).replace(
        '<rss version="2.0">',
        '<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">',
      ),
    );
    expect(feed.items[0]!.link).toBe('https://pub.example.org/story');
  });

  it('takes the item language over the feed language', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>A</title><link>https://l.example.org/a</link><dc:language>zh-CN</dc:language></item><item><title>B</title><link>https://l.example.org/b</link></item>',
        '<title>L</title><language>ru-RU</language>',
      ).replace('<rss version="2.0">', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'),
    );
    expect(feed.items.map((i) => i.language)).toEqual(['zh', 'ru']);
  });

  it('uses the start of the full text as the summary when there is no description', async () => {
    const long = 'Sentence of the article. '.repeat(80);
    const feed = await parseFeed(
      rss(
        `<item><title>C</title><link>https://c.example.org/1</link><content:encoded><![CDATA[<p>${long}</p>]]></content:encoded></item>`,
      ).replace(
        '<rss version="2.0">',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
      ),
    );
    const item = feed.items[0]!;
    expect(item.content).toBe(long.trim());
    expect(item.summary!.length).toBeLessThanOrEqual(1001);
    expect(item.summary!.endsWith('…')).toBe(true);
  });

  it(`keeps at most ${MAX_ITEMS_PER_FEED} entries`, async () => {
    const items = Array.from(
      { length: 6000 },
      (_, i) => `<item><title>n${i}</title><link>https://m.example.org/${i}</link></item>`,
    ).join('');
    const feed = await parseFeed(rss(items));
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(feed.items.at(-1)!.title).toBe(`n${MAX_ITEMS_PER_FEED - 1}`);
  });

  it('skips entries with neither title, text nor link, and names an untitled feed', async () => {
    const feed = await parseFeed(
      '<rss><channel><item><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>',
    );
    expect(feed).toEqual({ title: 'Untitled feed', items: [] });
  });
});

describe('parseFeed: ids', () => {
  const one = (guid: string, link = 'https://a.example.org/x') =>
    rss(`<item><title>Same</title><link>${link}</link>${guid}</item>`);

  it('scopes a local GUID to its feed, so "42" in two feeds is two items', async () => {
    const a = await parseFeed(one('<guid isPermaLink="false">42</guid>'), {
      url: 'https://a.example.org/rss',
    });
    const b = await parseFeed(one('<guid isPermaLink="false">42</guid>', 'https://b.example.org/y'), {
      url: 'https://b.example.org/rss',
    });
    expect(a.items[0]!.id).not.toBe(b.items[0]!.id);
  });

  it('gives a global GUID one id in every feed', async () => {
    const guid = '<guid isPermaLink="false">urn:uuid:0b5c2e7e-1111-4222-8333-444455556666</guid>';
    const a = await parseFeed(one(guid), { url: 'https://a.example.org/rss' });
    const b = await parseFeed(one(guid, 'https://b.example.org/y'), { url: 'https://b.example.org/rss' });
    expect(a.items[0]!.id).toBe(b.items[0]!.id);
  });

  it('gives a URL GUID the id of that URL as a link elsewhere', async () => {
    const byGuid = await parseFeed(
      one('<guid>https://a.example.org/x?utm_source=rss</guid>', 'https://a.example.org/x?ref=rss'),
    );
    const byLink = await parseFeed(one(''));
    expect(byGuid.items[0]!.id).toBe(byLink.items[0]!.id);
  });
});

describe('parseFeed: what is not a feed', () => {
  it.each([
    [
      'an HTML page',
      '<!doctype html><html><body><p>Hello</p></body></html>',
      'not a feed: root element <html>',
    ],
    ['empty input', '   ', 'not a feed: empty document'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'not a feed: empty document'],
    ['random XML', '<?xml version="1.0"?><catalog><book/></catalog>', 'not a feed: root element <catalog>'],
    ['text', 'hello world', 'not a feed: no XML root element'],
    ['JSON without items', '{"hello": "world"}', 'not a feed: JSON without an items array'],
    ['a JSON array', '[1, 2]', 'not a feed: JSON that is not an object'],
    ['broken JSON', '{"items": [', 'not a feed: invalid JSON'],
    ['JSON of another kind', '{"items": [{"sku": 1}]}', 'not a feed: JSON that is not a JSON Feed'],
    [
      'another JSON version',
      '{"version": "https://example.org/v2", "items": []}',
      'not a feed: unknown JSON Feed version https://example.org/v2',
    ],
  ])('rejects %s with one line', async (_name, doc, message) => {
    await expect(parseFeed(doc)).rejects.toThrowError(new NotAFeedError(message));
  });
});

describe('stripDoctype', () => {
  it('removes the DOCTYPE with its internal subset and names the root', () => {
    const { xml, root } = stripDoctype(
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<!-- c --><rss/>',
    );
    expect(xml).toBe('<?xml version="1.0"?>\n\n<!-- c --><rss/>');
    expect(root).toBe('rss');
  });

  it('leaves "<!DOCTYPE" after the root alone', () => {
    const doc = '<rss><item><description><![CDATA[ <!DOCTYPE ]]></description></item></rss>';
    expect(stripDoctype(doc)).toEqual({ xml: doc, root: 'rss' });
  });

  it('copes with an unterminated subset', () => {
    expect(stripDoctype('<!DOCTYPE x [ <!ENTITY a "b"> <rss/>')).toEqual({ xml: '', root: undefined });
  });
});

describe('capEntries', () => {
  it('removes entries after the cap and keeps the document closed', () => {
    const items = Array.from({ length: MAX_ITEMS_PER_FEED + 3 }, (_, i) => `<item>${i}</item>`).join('');
    const capped = capEntries(`<rss><channel>${items}</channel></rss>`);
    expect(capped.endsWith(`<item>${MAX_ITEMS_PER_FEED - 1}</item></channel></rss>`)).toBe(true);
    expect(capped.match(/<item>/g)).toHaveLength(MAX_ITEMS_PER_FEED);
  });

  it('leaves a small feed untouched', () => {
    const doc = '<rss><channel><items/><item>1</item></channel></rss>';
    expect(capEntries(doc)).toBe(doc);
  });

  it('leaves a long feed under the cap untouched, whether its tags are few or many', () => {
    const text = 'x'.repeat(200);
    const fewTags = Array.from({ length: 1000 }, (_, i) => `<item><title>${i} ${text}</title></item>`).join(
      '',
    );
    const manyTags = Array.from({ length: 2000 }, (_, i) => `<item><b/><i/><u/><s/><p>${i}</p></item>`).join(
      '',
    );
    for (const items of [fewTags, manyTags]) {
      const doc = `<rss><channel>${items}</channel></rss>`;
      expect(doc.length).toBeGreaterThan(12 * MAX_ITEMS_PER_FEED);
      expect(capEntries(doc)).toBe(doc);
    }
  });

  it('counts prefixed and capitalised entries against the cap', () => {
    const items = Array.from({ length: MAX_ITEMS_PER_FEED + 2 }, (_, i) => `<a:Entry>${i}</a:Entry>`).join(
      '',
    );
    const capped = capEntries(`<a:feed>${items}</a:feed>`);
    expect(capped.match(/<a:Entry>/g)).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(capped.endsWith('</a:feed>')).toBe(true);
  });
});

/** A 1.1 MB feed whose one item nests `levels` elements in its title or summary, written as `form`. */
function hostileFeed(
  levels: number,
  form: 'elements' | 'escaped' | 'cdata',
  field: 'title' | 'description',
): string {
  const nested =
    form === 'elements'
      ? `${'<b>'.repeat(levels)}x${'</b>'.repeat(levels)}`
      : form === 'escaped'
        ? `${'&lt;b&gt;'.repeat(levels)}x`
        : `<![CDATA[${'<b>'.repeat(levels)}x]]>`;
  const other = field === 'title' ? 'description' : 'title';
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><item><${field}>${nested}</${field}><${other}>ok</${other}><link>https://h.example.org/1</link></item></channel></rss>`;
}

describe('parseFeed: hostile nesting (the guard of article pages, for every fragment of a feed)', () => {
  it.each([
    ['elements in a title, 1.1 MB', hostileFeed(160_000, 'elements', 'title')],
    ['elements in a summary, 500,000 levels', hostileFeed(500_000, 'elements', 'description')],
    ['escaped markup in a summary, 1.1 MB', hostileFeed(120_000, 'escaped', 'description')],
    ['escaped markup in a title, 1.1 MB', hostileFeed(120_000, 'escaped', 'title')],
    ['markup in CDATA, 1.1 MB', hostileFeed(360_000, 'cdata', 'description')],
  ])('refuses %s with a reason', async (_name, xml) => {
    const error = await parseFeed(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NestingTooDeepError);
    expect((error as Error).message).toBe(`markup nested deeper than ${MAX_NESTING} levels`);
  });

  it('reads markup nested as deep as the limit allows', async () => {
    const feed = await parseFeed(hostileFeed(MAX_NESTING - 10, 'escaped', 'description'));
    expect(feed.items[0]!.summary).toBe('x');
  });

  it('reads a long fragment of shallow markup, however many tags it has', async () => {
    const shallow = `${'&lt;p&gt;one &lt;b&gt;two&lt;/b&gt;&lt;/p&gt;'.repeat(20_000)}`;
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><title>t</title><link>https://h.example.org/2</link><description>${shallow}</description></item></channel></rss>`,
    );
    expect(feed.items[0]!.summary).toMatch(/^one two\n\none two/);
  });

  it('records the hostile feed failed with its reason and reads the others', async () => {
    const bodies: Record<string, string> = {
      'https://hostile.example.org/feed': hostileFeed(500_000, 'elements', 'title'),
      'https://fine.example.org/feed': `<rss version="2.0"><channel><title>Fine</title><item><title>Xi meets Putin</title><link>https://fine.example.org/1</link></item></channel></rss>`,
    };
    const http: HttpClient = {
      get: async ({ url }) => ({
        url,
        status: 200,
        headers: { 'content-type': 'application/rss+xml' },
        body: Buffer.from(bodies[url]!),
        notModified: false,
      }),
    };
    const store: Store = {
      get: async () => undefined,
      put: async () => ({ etag: '"1"' }),
      list: async () => [],
      delete: async () => {},
    };
    const logger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => logger };
    const { items, reports } = await fetchFeeds(
      { http, data: store, clock: { now: () => NOW }, logger, progress: { report() {} } },
      Object.keys(bodies).map((url) => ({
        name: new URL(url).hostname,
        url,
        perspective: 'western' as const,
      })),
      { maxFeedBytes: 8_000_000, timeoutMs: 20_000 },
    );
    expect(reports.map((r) => [r.name, r.status, r.error, r.detail])).toEqual([
      [
        'hostile.example.org',
        'failed',
        'markup nested too deep',
        `markup nested deeper than ${MAX_NESTING} levels`,
      ],
      ['fine.example.org', 'ok', undefined, undefined],
    ]);
    expect(items.map((i) => i.title)).toEqual(['Xi meets Putin']);
  });
});

describe('parseFeed: bidirectional controls reach no output', () => {
  const controls = [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200e',
    '\u200f',
    '\u061c',
  ];

  it.each(controls.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    'strips %s from titles, summaries, authors and categories',
    async (_name, c) => {
      const feed = await parseFeed(
        `<rss version="2.0"><channel><title>Feed${c} name</title><item><title>Xi ${c}meets${c} Putin</title><link>https://b.example.org/1</link><description>&lt;p&gt;Talks${c} in &amp;#x202E;Moscow&lt;/p&gt;</description><author>Desk${c}</author><category>World${c}</category></item></channel></rss>`,
      );
      expect(feed.title).toBe('Feed name');
      expect(feed.items[0]).toMatchObject({
        title: 'Xi meets Putin',
        summary: 'Talks in Moscow',
        author: 'Desk',
        categories: ['World'],
      });
    },
  );

  it('strips them from JSON Feed text too', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J\u202e',
        items: [
          { id: '1', url: 'https://b.example.org/2', title: 'gnp.\u202eexe', content_text: 'A\u2066B' },
        ],
      }),
    );
    expect(feed.items[0]).toMatchObject({ title: 'gnp.exe', summary: 'AB' });
  });
});

describe('LeanRssParser: rss-parser minus the outputs parse-feed never reads', () => {
  // Fresh parsers for every document: xml2js carries state from a document it threw on to the next.
  const parsers = () => ({
    lean: new LeanRssParser(RSS_PARSER_CUSTOM_FIELDS.item, {
      customFields: { feed: RSS_PARSER_CUSTOM_FIELDS.feed as never[] },
    }),
    full: new Parser({
      customFields: {
        feed: RSS_PARSER_CUSTOM_FIELDS.feed as never[],
        item: RSS_PARSER_CUSTOM_FIELDS.item as never[],
      },
    }),
  });
  /** rss-parser's output without what LeanRssParser skips: snippets, isoDate, the iTunes block, unread item fields. */
  const withoutSkipped = (feed: Record<string, unknown> & { items: Record<string, unknown>[] }) => {
    const { itunes: _feedItunes, ...rest } = feed;
    return {
      ...rest,
      items: feed.items.map(
        ({
          contentSnippet,
          'content:encodedSnippet': _snippet,
          isoDate,
          itunes,
          'rdf:about': _about,
          date,
          language,
          rights,
          enclosure,
          comments,
          ...item
        }) => item,
      ),
    };
  };
  const outcome = (parser: Parser, xml: string) =>
    parser.parseString(xml).then(
      (feed) => ({ feed }),
      (error: Error) => ({ error: error.constructor.name }),
    );
  const documents: [string, string][] = [
    ...readdirSync(new URL('../../fixtures/feeds/', import.meta.url))
      .filter((f) => /\.(xml|rss|atom)$/.test(f))
      .map((f): [string, string] => [f, fixture(f).toString('utf8')]),
    [
      'atom with an invalid date',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><published>not a date</published></entry></feed>',
    ],
    ['unclosed item', '<rss version="2.0"><channel><title>T</title><item><title>A</title></channel></rss>'],
    [
      'undefined entity',
      '<rss version="2.0"><channel><title>T &nbsp;</title><item><title>A</title></item></channel></rss>',
    ],
    [
      'text after the root',
      '<rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>junk',
    ],
    [
      'itunes rss',
      '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>P</title><itunes:owner><itunes:name>N</itunes:name></itunes:owner><item><title>E</title><description>&lt;p&gt;Text&lt;/p&gt;</description><itunes:author>A</itunes:author><guid isPermaLink="false">g1</guid><enclosure url="https://e.org/a.mp3"/></item></channel></rss>',
    ],
  ];
  it.each(documents)('gives rss-parser’s result on %s', async (_name, xml) => {
    const { lean: leanParser, full } = parsers();
    const lean = await outcome(leanParser, xml);
    const expected = await outcome(full, xml);
    if ('error' in expected) expect(lean).toEqual(expected);
    else expect(lean).toEqual({ feed: withoutSkipped(expected.feed as never) });
  });
});
