import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import type { Article } from '#domain/types.ts';
import { classifyLabel, isBoilerplateLine, isDateLine } from '#extract/boilerplate.ts';
import { extractArticle, extractMetadata } from '#extract/extract-article.ts';
import { REPO_ROOT } from '#tests/helpers/run-cli.ts';
import { MAX_NESTING, prepareHtml } from '#text/html-guard.ts';

const PAGES = join(REPO_ROOT, 'tests/fixtures/pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const paragraphsOf = (article: Article) => article.text.split('\n\n');

/** The text is plain paragraphs: one blank line between them, no empty ones, whitespace collapsed. */
function expectCleanText(text: string): void {
  expect(text).not.toMatch(/\n{3,}/);
  expect(text).not.toMatch(/^\s|\s$/);
  expect(text).not.toMatch(/[ \t]{2,}|\u00a0/);
  expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
  for (const paragraph of text.split('\n\n')) expect(paragraph.trim()).toBe(paragraph);
}

describe('extractArticle on a news page with every kind of furniture', () => {
  const url = 'https://ledger.example/world/2026/11/22/arctic-shipping-pact?utm_source=twitter';
  const article = extractArticle(page('news-noisy.html'), url);

  it('reads the metadata', () => {
    expect({ ...article, text: undefined }).toEqual({
      url,
      title: 'Russia and China sign Arctic shipping pact',
      byline: 'Anna Korsakova',
      published: '2026-11-22T04:45:00.000Z',
      canonicalUrl: 'https://ledger.example/world/2026/11/22/arctic-shipping-pact',
      language: 'en',
      text: undefined,
    });
  });

  it('keeps every paragraph and subheading of the story, in order', () => {
    expect(paragraphsOf(article)).toEqual([
      "Russia's state nuclear corporation Rosatom and China's COSCO Shipping signed an agreement on Friday to run year-round container voyages along the Northern Sea Route, the first such commitment by a Chinese carrier.",
      'The deal, signed in Moscow in the presence of deputy prime ministers from both countries, foresees at least twelve voyages in 2027 and a joint venture to build five ice-class container ships at a yard in the Far East.',
      'Officials said the route could cut the journey between Shanghai and Rotterdam by about ten days compared with the Suez Canal, although insurers still price Arctic passages at a premium.',
      'Sanctions risk',
      'Western governments have warned that the venture could help Moscow work around sanctions on its energy and shipping sectors, and two European insurers said they would not cover vessels on the route.',
      '"This is a long-term commitment, not a demonstration voyage," a Rosatom spokesman told reporters after the ceremony, adding that the first ship would sail from Murmansk in July.',
    ]);
    expectCleanText(article.text);
  });

  it.each([
    ['skip link', 'Skip to main content'],
    ['cookie banner', 'We use cookies'],
    ['cookie button', 'Accept all cookies'],
    ['navigation', 'Opinion'],
    ['search box', 'Search the Ledger'],
    ['breadcrumbs', 'Home'],
    ['headline repeated in the body', 'Russia and China sign Arctic shipping pact'],
    ['byline line', 'By Anna Korsakova'],
    ['dateline', '22 November 2026, 07:45'],
    ['share bar', 'Share on Facebook'],
    ['caption of an unrelated image', 'celebrity chef opens a restaurant'],
    ['inline related links', 'Arctic ice hits a record low'],
    ['related heading', 'Related coverage'],
    ['newsletter box', 'Sign up for our daily newsletter'],
    ['newsletter title', 'The Morning Brief'],
    ['tags', 'Tags:'],
    ['you may also like', 'You may also like'],
    ['teaser', 'Late goal settles the derby'],
    ['comment widget', 'Click to comment'],
    ['comment form', 'Notify of'],
    ['comment author', 'reader42'],
    ['comment text', 'the ice is too unpredictable'],
    ['sidebar', 'Most popular'],
    ['footer', 'All rights reserved'],
    ['script', 'dataLayer'],
    ['style', 'position:fixed'],
  ])('drops the %s', (_kind, noise) => {
    expect(article.text.toLowerCase()).not.toContain(noise.toLowerCase());
  });
});

describe('extractArticle metadata', () => {
  it.each([
    [
      'JSON-LD NewsArticle in @graph, CDATA-wrapped, two authors',
      'jsonld-article.html',
      'https://wire.example/energy/pos2-price-formula?ref=home',
      {
        title: 'Power of Siberia 2: Gazprom and CNPC agree on price formula',
        byline: 'Li Wei, Olga Smirnova',
        published: '2026-11-21T10:30:00.000Z',
        canonicalUrl: 'https://wire.example/energy/pos2-price-formula',
        language: 'en',
      },
    ],
    [
      'only <meta> tags and a table layout',
      'meta-only.html',
      'https://steppe.example/news/lavrov-sco-currencies',
      {
        title: 'Lavrov: SCO members to expand settlements in national currencies',
        byline: 'Dmitry Volkov',
        published: '2026-11-20T12:00:00.000Z',
        canonicalUrl: 'https://steppe.example/news/lavrov-sco-currencies',
        language: 'en',
      },
    ],
    [
      'a Russian page with microdata',
      'russian.html',
      'https://vestnik.example/ekonomika/raschety-v-valyutah.html',
      {
        title: 'Россия и Китай договорились о расчётах в национальных валютах',
        byline: 'Иван Петров',
        published: '2026-11-21T08:20:00.000Z',
        canonicalUrl: 'https://vestnik.example/ekonomika/raschety-v-valyutah.html',
        language: 'ru',
      },
    ],
    [
      'a Chinese page whose <title> carries the section and site',
      'chinese.html',
      'https://huaxia.example/guoji/2026/1122/zhong-e.html',
      {
        title: '中俄举行新一轮战略安全磋商',
        byline: '记者 王明',
        published: '2026-11-22T09:30:00.000Z',
        language: 'zh',
      },
    ],
    [
      'a WordPress page with Open Graph only',
      'seed-noise.html',
      'https://globalaffairs.example/xi-and-putin-a-united-front-against-the-west/',
      {
        title: 'Xi and Putin: A United Front Against the West?',
        published: '2025-05-09T10:00:00.000Z',
        canonicalUrl: 'https://globalaffairs.example/xi-and-putin-a-united-front-against-the-west/',
        language: 'en',
      },
    ],
  ])('%s', (_case, file, url, expected) => {
    const { text, ...metadata } = extractArticle(page(file), url);
    expect(metadata).toEqual({ url, ...expected });
    expect(text.length).toBeGreaterThan(150);
  });

  it('exports the metadata alone, with the JSON-LD body', () => {
    const html = `<html lang="de-AT"><head><script type="application/ld+json">[{"@type":"WebPage","name":"Startseite"},{"@type":"Article","headline":"Gasgespräche in Peking","author":"Redaktion","datePublished":"2026-11-02","articleBody":"Erster Absatz.\\nZweiter Absatz."}]</script></head><body></body></html>`;
    expect(extractMetadata(html, 'https://at.example/a')).toEqual({
      title: 'Gasgespräche in Peking',
      byline: 'Redaktion',
      published: '2026-11-02T00:00:00.000Z',
      language: 'de',
      articleBody: 'Erster Absatz.\nZweiter Absatz.',
    });
  });

  it.each([
    [
      '<title>Talks stall over gas price | Reuters</title>',
      'https://www.reuters.com/x',
      'Talks stall over gas price',
    ],
    [
      '<title>Meridian - Power of Siberia 2 talks stall</title><meta property="og:site_name" content="Meridian">',
      'https://meridian.example/x',
      'Power of Siberia 2 talks stall',
    ],
    [
      '<title>How the yuan replaced the dollar in Russian trade – Ledger</title>',
      'https://x.example/a',
      'How the yuan replaced the dollar in Russian trade',
    ],
    ['<title>Russia - China trade up</title>', 'https://x.example/a', 'Russia - China trade up'],
    [
      '<title>Xi visits Moscow: what to expect | World news</title><body><h1>Xi visits Moscow: what to expect</h1>',
      'https://x.example/a',
      'Xi visits Moscow: what to expect',
    ],
    ['<title>Analysis</title><body><h1>My blog</h1>', 'https://x.example/a', 'Analysis'],
  ])('title of %s', (html, url, title) => {
    expect(extractMetadata(html, url).title).toBe(title);
  });

  it.each([
    ['<meta name="author" content="By JANE DOE | Updated 3 hours ago">', 'JANE DOE'],
    ['<meta name="author" content="https://www.facebook.com/someone">', undefined],
    ['<body><span class="pb-byline">By <a href="/p/x">Erin Cunningham</a></span>', 'Erin Cunningham'],
    ['<body><div class="author">Last updated: January 7, 2025</div>', undefined],
  ])('byline of %s', (html, byline) => {
    expect(extractMetadata(html, 'https://x.example/a').byline).toBe(byline);
  });
});

describe('extractArticle on Russian and Chinese pages', () => {
  it.each([
    [
      'russian.html',
      [
        'Россия и Китай договорились расширить расчёты в рублях и юанях во взаимной торговле',
        'доля национальных валют в расчётах между двумя странами уже превысила 95 процентов',
        'Стороны также обсудили долгосрочные поставки нефти и газа',
        'Эксперты отмечают, что Москва всё сильнее зависит от китайского рынка',
      ],
      [
        'Читайте также',
        'Юань обновил рекорд',
        'Поделиться',
        'ВКонтакте',
        'Комментарии',
        'Гость:',
        'Все права защищены',
        '21 ноября 2026',
      ],
    ],
    [
      'chinese.html',
      [
        '新华社北京11月22日电 中俄两国于22日在北京举行新一轮战略安全磋商',
        '将继续深化新时代全面战略协作伙伴关系',
        '中方强调，中俄关系不针对任何第三方',
      ],
      [
        '相关阅读',
        '外交部就中美关系答记者问',
        '分享到',
        '热点排行',
        '股市今日收涨',
        '版权所有',
        '来源：华夏日报',
        '首页',
      ],
    ],
  ])('%s', (file, body, noise) => {
    const article = extractArticle(page(file), 'https://x.example/a');
    expect(paragraphsOf(article)).toHaveLength(body.length);
    body.forEach((fragment, i) => {
      expect(paragraphsOf(article)[i]).toContain(fragment);
    });
    for (const line of noise) expect(article.text).not.toContain(line);
    expectCleanText(article.text);
  });
});

describe('extractArticle on a page built around the seed documents’ noise', () => {
  const article = extractArticle(page('seed-noise.html'), 'https://globalaffairs.example/xi');

  it('keeps the reporting', () => {
    expect(paragraphsOf(article)).toEqual([
      'Chinese President Xi Jinping stood beside Russian President Vladimir Putin in Moscow on Friday for the anniversary of the end of the Second World War, a show of solidarity that both leaders cast as a stand against Western hegemony.',
      'Shared goals',
      'At the Kremlin, Xi said China and Russia, as permanent members of the UN Security Council, would jointly promote what he called an equal and orderly multipolar world, a phrase aimed squarely at Washington.',
      'Trade between the two countries has grown since 2022 as Russia turned east under Western sanctions, and payments are now made almost entirely in roubles and yuan, officials on both sides said.',
      'The limits of the partnership',
      'Analysts noted that Beijing has avoided steps that could expose its largest banks to secondary sanctions, a caution that shows the limits of a partnership in which China is the senior partner.',
    ]);
  });

  it.each([
    'top of page',
    'bottom of page',
    'Hi, what are you looking for?',
    'Connect with us',
    'by Admin 47 views',
    'Table of Contents',
    'Rafale Fighter Jets: India’s High-Stakes Modernization Faces First Major Combat Test',
    'FAQs about Xi Jinping',
    'Why did Xi Jinping visit Russia',
    'By Liam Walker',
    'Follow করুন',
    'Click to comment',
    'Notify of',
    'Inline Feedbacks',
    'View all comments',
    'We’re dedicated to providing you',
    'You May Also Like',
    'Jennifer Coolidge',
  ])('drops “%s”', (noise) => {
    expect(article.text).not.toContain(noise);
  });
});

describe('extractArticle class-name rules', () => {
  const body = (extra: string) =>
    `<html><body><div class="story-body"><p>${'The first paragraph of the report, with commas, and enough words to count. '.repeat(3)}</p>${extra}<p>${'The second paragraph of the report, with commas, and enough words to count. '.repeat(3)}</p></div></body></html>`;

  it.each([
    ['camel-case caption', '<span class="newsCaption">A protester waves a flag in the rain</span>'],
    [
      'screen-reader text',
      '<p><span class="visually-hidden">Skip advertisement, continue reading</span></p>',
    ],
    [
      'hidden element',
      '<div style="display: none"><p>Hidden teaser text that no reader sees on the page.</p></div>',
    ],
    [
      'ARIA complementary landmark',
      '<div role="complementary"><p>A box of links next to the story.</p></div>',
    ],
  ])('drops a %s', (_case, extra) => {
    const article = extractArticle(body(extra), 'https://x.example/a');
    expect(paragraphsOf(article)).toHaveLength(2);
  });

  it('keeps the body when a misnamed wrapper would drop all of it', () => {
    const html = `<html><body><div class="social-content-wrapper">${'<p>Moscow and Beijing agreed to expand trade in national currencies, officials said on Friday.</p>'.repeat(6)}</div></body></html>`;
    expect(paragraphsOf(extractArticle(html, 'https://x.example/a'))).toHaveLength(6);
  });
});

describe('extractArticle on hostile markup', () => {
  const deep = (depth: number) =>
    `${'<div>'.repeat(depth)}<p>Deep inside the markup, a paragraph that the reader still sees, with commas, and detail.</p>${'</div>'.repeat(depth)}`;

  it('reads the story through scripts, event handlers and 10,000 nested divs without running or keeping them', () => {
    const html = page('hostile.html').replace('<!-- NEST -->', deep(10_000));
    const article = extractArticle(html, 'https://frontier.example/news/border');
    expect(article).toMatchObject({
      title: 'Border crossing reopens after talks',
      byline: 'Sergei Ivanov',
      published: '2026-11-19T06:00:00.000Z',
      language: 'en',
    });
    expect(paragraphsOf(article)).toEqual([
      "The Pogranichny crossing between Russia's Primorye region and China's Heilongjiang province reopened to freight on Tuesday after two days of talks between customs officials, the regional government said.",
      'Trucks carrying timber and soybeans had queued for up to eleven kilometres, drivers said, and the backlog was expected to clear by the weekend.',
      'Deep inside the markup, a paragraph that the reader still sees, with commas, and detail.',
      'Officials said new scanning equipment would cut inspection times by half, although a similar pledge last year went unmet.',
      expect.stringMatching(/^The crossing handles about a tenth of road freight between the two countries/),
    ]);
    for (const trace of [
      'alert',
      'javascript:',
      'fake paragraph',
      'injected',
      'SVG text label',
      'frames',
      'onload',
    ])
      expect(article.text).not.toContain(trace);
  });

  it('parses 40,000 unclosed inline runs (2 MB) in bounded time', () => {
    // Without the nesting guard htmlparser2 needs about 16 s for this page: its work grows with depth.
    const html = `<html><body>${'<p><b><i><span>Unclosed text, with commas, and more text here'.repeat(40_000)}</body></html>`;
    const started = performance.now();
    const article = extractArticle(html, 'https://x.example/a');
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(article.text).toContain('Unclosed text, with commas');
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'just some words, not markup at all'],
    ['a lone bracket', '<'],
    ['binary junk', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65_536))],
    ['an unterminated script', '<html><body><p>Before.</p><script>var x = "<div>"'],
    [
      'an unterminated attribute',
      '<html><body><p title="never closed>Text, with commas, of the article body here.</p>',
    ],
    [
      'a JSON-LD script that is not JSON',
      '<script type="application/ld+json">{"@type": NewsArticle,,}</script><p>x</p>',
    ],
    ['a 3 MB page of one word', `<p>${'word '.repeat(700_000)}</p>`],
  ])('never throws on %s', (_case, html) => {
    const article = extractArticle(html, 'https://x.example/a');
    expect(typeof article.title).toBe('string');
    expect(typeof article.text).toBe('string');
  });
});

/** The deepest element nesting of a parsed document, measured iteratively. */
function maxDepth(html: string): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[load(html).root()[0] as AnyNode, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of (node as AnyNode & { children?: AnyNode[] }).children ?? [])
      if (child.type === 'tag') stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('prepareHtml', () => {
  it.each([
    ['a script', '<p>a</p><script>var x = "<p>b</p>";</script><p>c</p>', '<p>a</p><p>c</p>'],
    ['a script with an upper-case end tag', '<p>a</p><SCRIPT>x()</SCRIPT><p>c</p>', '<p>a</p><p>c</p>'],
    ['a style', '<style>p{}</style><p>a</p>', '<p>a</p>'],
    ['a comment', '<p>a<!-- <p>hidden</p> --></p>', '<p>a</p>'],
    [
      'an inline SVG, nested',
      '<p>a</p><svg><svg><path/></svg><text>t</text></svg><p>b</p>',
      '<p>a</p><p>b</p>',
    ],
    ['a noscript fallback', '<p>a</p><noscript><img src=x></noscript>', '<p>a</p>'],
    [
      'navigation, aside and footer',
      '<nav><a>Home</a></nav><p>a</p><aside>More</aside><footer>©</footer>',
      '<p>a</p>',
    ],
    [
      'an aside the parser closes with its parent',
      '<div><aside><p>teaser</div><p>a</p>',
      '<div></div><p>a</p>',
    ],
  ])('drops %s', (_case, html, expected) => {
    expect(prepareHtml(html)).toBe(expected);
  });

  it.each([
    ['JSON-LD', '<script type="application/ld+json">{"a":1}</script><p>a</p>'],
    ['a footer holding JSON-LD', '<footer><script type="application/ld+json">{}</script></footer>'],
    ['an aside holding the byline', '<aside><span class="byline">By Jo</span></aside><p>a</p>'],
    ['a quoted ">" inside an attribute', '<p title="<nav> > x">a</p><p>b</p>'],
    ['a page without anything to drop', '<html><head><title>t</title></head><body><p>a</p></body></html>'],
  ])('keeps %s', (_case, html) => {
    expect(prepareHtml(html)).toBe(html);
  });

  it('flattens nesting beyond the limit but keeps the text', () => {
    const html = `<body>${'<div>'.repeat(5_000)}<p>deep text</p>${'</div>'.repeat(5_000)}</body>`;
    const prepared = prepareHtml(html);
    expect(maxDepth(prepared)).toBeLessThanOrEqual(MAX_NESTING + 1);
    expect(load(prepared).text()).toContain('deep text');
    expect(maxDepth(prepareHtml(html, 50))).toBeLessThanOrEqual(51);
  });

  it('counts implied end tags as the parser does: a page of unclosed <p> is flat', () => {
    const html = `<body>${'<p>paragraph '.repeat(3_000)}</body>`;
    expect(prepareHtml(html)).toBe(html);
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    ['You May Also Like', true],
    ['Click to comment', true],
    ['Notify of', true],
    ['Table of Contents', true],
    ['FAQs about Xi Jinping', true],
    ['top of page', true],
    ['by Admin 47 views', true],
    ['Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Nick Zieminski', true],
    ['Fox News’ Jessica Napoli contributed to this report.', true],
    ['Image 3 of 5', true],
    ['Читайте также:', true],
    ['Поделиться', true],
    ['相关阅读', true],
    ['2026年11月22日 09:30　来源：华夏日报', true],
    ['Nov. 20, 2019, 9:28 AM UTC', true],
    ['Follow us on Twitter, Facebook and Telegram for the latest news.', true],
    ['Follow Moscow Courier on Telegram for the latest updates.', true],
    ['- Advertisement -', true],
    ['Home > China', true],
    ['[Editor: WANG LIN]', true],
    ['Commuters cross a bridge at dawn. (Huaxia/Tomasz Wrona)', true],
    ['城市夜景。（华夏日报记者 陈晨摄）', true],
    ['Only $1 for 4 weeks.', true],
    ['Discussion', true],
    ['Home prices rose 3% in October, the statistics office said.', false],
    ['Comments by the minister were welcomed in Beijing.', false],
    ['Latest figures show trade rose by a quarter.', false],
    ['Xi said the partnership had no limits, and Putin agreed.', false],
    ['Putin said he would follow the talks closely, Xinhua reported on Telegram and Twitter.', false],
    ['Related talks in Beijing ended without a deal on the pipeline price.', false],
    ['In 2019 the two countries set a target of $200 billion in trade.', false],
    [
      `You may also like ${'a very long paragraph of real reporting that mentions the phrase. '.repeat(6)}`,
      false,
    ],
  ])('%s → %s', (line, expected) => {
    expect(isBoilerplateLine(line)).toBe(expected);
  });
});

describe('isDateLine', () => {
  it.each([
    ['Updated 3:45 PM EST, Tue November 19, 2019', true],
    ['segunda-feira, 22 de janeiro de 2018 às 0:13', true],
    ['20 ноября 2026, 14:05', true],
    ['2026-11-22 09:30', true],
    ['10 p.m.', false],
    ['November talks in Moscow', false],
    ['Trade rose 26% in 2023 to a record', false],
  ])('%s → %s', (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });
});

describe('classifyLabel', () => {
  it.each([
    ['comments-area', 'noise'],
    ['share-bar', 'noise'],
    ['related-posts', 'noise'],
    ['newsletter-signup', 'noise'],
    ['cookie-banner', 'noise'],
    ['ez-toc-container', 'noise'],
    ['schema-faq wp-block-yoast-faq-block', 'noise'],
    ['ad-slot', 'noise'],
    ['td-adspot-title', 'noise'],
    ['follow-telegram', 'noise'],
    ['follow-up-story', 'content'],
    ['sidebar', 'weak-noise'],
    ['entry-meta', 'weak-noise'],
    ['site-header', 'weak-noise'],
    ['article-body', 'content'],
    ['entry-content', 'content'],
    ['main-header', 'weak-noise'],
    ['post-header', 'weak-noise'],
    ['article-body sidebar-aware', 'neutral'],
    ['commentary', 'neutral'],
    ['shadow', 'neutral'],
    ['', 'neutral'],
  ])('%s → %s', (label, kind) => {
    expect(classifyLabel(label)).toBe(kind);
  });
});

describe('extractArticle on the shapes issue 17 found losing or keeping the wrong text', () => {
  it('keeps a data table that is the article as text rows, however many of its cells are links', () => {
    const text = extractArticle(page('standings-table.html'), 'https://steppe.example/football/table').text;
    const lines = text.split('\n\n');
    expect(lines).toContain('Pos | Club | Played | Points');
    expect(lines).toContain('1 | Zenit St Petersburg | 20 | 50');
    expect(lines).toContain('16 | Sochi | 20 | 5');
    expect(lines.filter((l) => /^\d+ \| /.test(l))).toHaveLength(16);
    expect(text).toMatch(/The league resumes after the winter break/);
    expect(text).not.toMatch(/Spartak sack coach|All rights reserved/);
  });

  it('keeps the links that are the body of a deals post and drops the lists beside it', () => {
    const text = extractArticle(page('deals-post.html'), 'https://ledger.example/deals/chinese-tech').text;
    const lines = text.split('\n\n');
    for (const product of [
      'Huawei MateBook D 16 laptop',
      '$549.99',
      'Xiaomi Redmi Note 13 phone',
      'Lenovo Tab P11 tablet',
    ])
      expect(lines).toContain(product);
    // A list of other headlines in the middle of the body, and the one after it, are not the body.
    expect(text).not.toMatch(
      /Russian retailers turn to Chinese suppliers|parallel imports|Black Friday offers|Cheap flights/,
    );
  });

  it('drops shortcodes, "requires JavaScript" notices, promotions and reader prompts through the one list', () => {
    const text = extractArticle(page('deals-post.html'), 'https://ledger.example/deals/chinese-tech').text;
    expect(text).toContain('See every deal of the week');
    expect(text).not.toMatch(
      /\[\/?button|requires JavaScript|unlimited digital access|Tell us what YOU think|Have a tip/,
    );
    expect(text).toMatch(/Prices were checked on Monday morning/);
  });

  it('keeps the text of embedded posts inside widget boxes', () => {
    const text = extractArticle(page('embedded-posts.html'), 'https://courier.example/summit-messages').text;
    expect(text).toContain(
      'Productive talks with our Chinese partners on energy and trade. A new chapter begins.',
    );
    expect(text).toContain('— Kremlin Spokesperson (@KremlinPress) March 21, 2023');
    expect(text).toContain('Минкомстрой: стороны подписали 14 документов о сотрудничестве.');
    expect(text).toMatch(/^Officials in Moscow and Beijing/);
    expect(text).toMatch(/delivering concrete results\.$/);
  });

  it('takes the story with the headline, not the teasers of other stories after it', () => {
    const text = extractArticle(page('teaser-articles.html'), 'https://noticias.example/gas').text;
    expect(text).toMatch(/^Moscou e Pequim assinaram/);
    expect(text).not.toMatch(/Você pode gostar|petróleo russo para a Índia|Exercícios navais/);
  });

  it('removes bidirectional controls from the title and the text', () => {
    const html = `<html><head><title>Xi \u202emeets\u202c Putin</title></head><body><article><h1>Xi \u202emeets\u202c Putin</h1><p>${'The two leaders met in Moscow \u2066for talks\u2069 on energy, trade and the war, officials said. '.repeat(4)}</p></article></body></html>`;
    const article = extractArticle(html, 'https://example.org/a');
    expect(article.title).toBe('Xi meets Putin');
    expect(article.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(article.text).toMatch(/^The two leaders met in Moscow for talks on energy/);
  });

  it('sets a Latin name in CJK text apart where an element marks it, as CJK typesetting does', () => {
    const html = `<article><p>${'何が困るかといえば、パスワード管理ソフト<a href="https://keepass.info/">KeePass</a>の起動ショートカットキーと同じなのです。'.repeat(3)}</p></article>`;
    expect(extractArticle(html, 'https://example.jp/a').text).toContain(
      'パスワード管理ソフト KeePass の起動',
    );
  });
});
