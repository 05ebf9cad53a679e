/**
 * Writes the offline sample day (tests/fixtures/sample-day) from the hand-written reports in
 * scripts/sample-day/: eleven outlets in RSS 2.0, Atom 1.0, RDF 1.0, JSON Feed and a news-search
 * shape, windows-1251 and GB18030 encodings, and a realistic page (navigation, cookie notice,
 * share bar, related links, newsletter box, comments) for every China–Russia report.
 * Deterministic: run `npx tsx scripts/make-sample-day.ts` to regenerate byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { type OutletId, REPORTS, type Report } from './sample-day/events.ts';
import { POOL, TRAPS } from './sample-day/unrelated.ts';

const OUT = fileURLToPath(new URL('../tests/fixtures/sample-day/', import.meta.url));
const RECORDED_AT = Date.parse('2026-11-23T06:30:00Z');
const BASE = '__SAMPLE_BASE__';

interface Outlet {
  id: OutletId;
  name: string;
  perspective: string;
  language: string;
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'search';
  charset: 'utf-8' | 'windows-1251' | 'gb18030';
  zone: string;
  style: 0 | 1 | 2;
  unrelatedShare: number;
}

const OUTLETS: Outlet[] = [
  {
    id: 'meridian',
    name: 'Meridian Wire',
    perspective: 'wire',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zone: '+0000',
    style: 0,
    unrelatedShare: 40,
  },
  {
    id: 'ledger',
    name: 'The Atlantic Ledger',
    perspective: 'western',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zone: 'EST',
    style: 1,
    unrelatedShare: 30,
  },
  {
    id: 'capital',
    name: 'Capital Post – World',
    perspective: 'western',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zone: 'GMT',
    style: 2,
    unrelatedShare: 32,
  },
  {
    id: 'eurasia',
    name: 'Eurasia Review Daily',
    perspective: 'regional',
    language: 'en',
    format: 'json',
    charset: 'utf-8',
    zone: 'Z',
    style: 0,
    unrelatedShare: 18,
  },
  {
    id: 'courier',
    name: 'Moscow Courier',
    perspective: 'russian-state',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zone: '+0300',
    style: 1,
    unrelatedShare: 24,
  },
  {
    id: 'vestnik',
    name: 'Северный вестник',
    perspective: 'russian-state',
    language: 'ru',
    format: 'rss',
    charset: 'windows-1251',
    zone: '+0300',
    style: 2,
    unrelatedShare: 10,
  },
  {
    id: 'huaxia',
    name: 'Huaxia News Agency – World',
    perspective: 'chinese-state',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zone: '+0800',
    style: 0,
    unrelatedShare: 26,
  },
  {
    id: 'ribao',
    name: '华夏日报 · 国际',
    perspective: 'chinese-state',
    language: 'zh',
    format: 'rss',
    charset: 'gb18030',
    zone: '+0800',
    style: 1,
    unrelatedShare: 8,
  },
  {
    id: 'harbour',
    name: 'Harbour Morning Post – China',
    perspective: 'chinese-independent',
    language: 'en',
    format: 'atom',
    charset: 'utf-8',
    zone: 'Z',
    style: 2,
    unrelatedShare: 30,
  },
  {
    id: 'steppe',
    name: 'Steppe Monitor',
    perspective: 'russian-independent',
    language: 'en',
    format: 'rdf',
    charset: 'utf-8',
    zone: 'Z',
    style: 0,
    unrelatedShare: 20,
  },
  {
    id: 'search',
    name: 'News search: China Russia',
    perspective: 'aggregator',
    language: 'en',
    format: 'search',
    charset: 'utf-8',
    zone: 'GMT',
    style: 0,
    unrelatedShare: 4,
  },
];

/** Stable pseudo-random number in [0, 1) from a string. */
const rand = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Item {
  title: string;
  summary: string;
  link: string;
  guid: string;
  at: number;
  author?: string;
  fullText?: string;
  report?: Report;
}

function rfc822(at: number, zone: string): string {
  const offsets: Record<string, number> = { '+0000': 0, GMT: 0, EST: -5, '+0300': 3, '+0800': 8, Z: 0 };
  const local = new Date(at + (offsets[zone] ?? 0) * 3_600_000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    local.getUTCMonth()
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${pad(local.getUTCDate())} ${month} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`;
}

function itemsFor(outlet: Outlet): Item[] {
  const items: Item[] = [];
  for (const report of REPORTS.filter((r) => r.outlet === outlet.id)) {
    const article = `${BASE}/articles/${outlet.id}/${report.slug}.html`;
    const link =
      outlet.format === 'search' ? `${BASE}/search/rss/articles/${slugify(report.slug)}?oc=5` : article;
    items.push({
      title: report.title,
      summary: report.summary,
      link,
      guid: `${outlet.id}-${report.slug}`,
      at: RECORDED_AT - report.hoursAgo * 3_600_000 - Math.floor(rand(report.slug) * 40) * 60_000,
      ...(report.author ? { author: report.author } : {}),
      ...(report.fullTextInFeed
        ? { fullText: report.paragraphs.map((p) => `<p>${xml(p)}</p>`).join('') }
        : {}),
      report,
    });
  }
  const pool = outlet.language === 'en' ? [...POOL, ...TRAPS] : POOL.slice(0, 40);
  const chosen = pool.filter(
    ([title]) => rand(`${outlet.id}:${title}`) < outlet.unrelatedShare / pool.length,
  );
  chosen.forEach(([title, summary], i) => {
    const slug = slugify(title);
    items.push({
      title: outlet.language === 'en' ? title : translateHeadline(outlet, title),
      summary: outlet.language === 'en' ? summary : translateHeadline(outlet, summary),
      link: `${BASE}/articles/${outlet.id}/${slug}.html`,
      guid: `${outlet.id}-${slug}`,
      at: RECORDED_AT - Math.floor(rand(`${outlet.id}:t:${title}`) * 36 * 60) * 60_000 - i * 60_000,
    });
  });
  return items.sort((a, b) => b.at - a.at);
}

/** Russian and Chinese outlets carry their own everyday news; marked so the text stays honest. */
function translateHeadline(outlet: Outlet, text: string): string {
  return outlet.language === 'ru' ? `Мировые новости: ${text}` : `国际新闻：${text}`;
}

function rss(outlet: Outlet, items: Item[]): string {
  const body = items
    .map(
      (i) => `  <item>
    <title>${xml(i.title)}</title>
    <link>${xml(i.link)}</link>
    <guid isPermaLink="false">${xml(i.guid)}</guid>
    <pubDate>${rfc822(i.at, outlet.zone)}</pubDate>
    <description>${xml(i.summary)}</description>${i.author ? `\n    <dc:creator>${xml(i.author)}</dc:creator>` : ''}${i.fullText ? `\n    <content:encoded><![CDATA[${i.fullText}]]></content:encoded>` : ''}
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="${outlet.charset}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>${xml(outlet.name)}</title>
  <link>${BASE}/</link>
  <description>${xml(outlet.name)}: latest news</description>
  <language>${outlet.language}</language>
${body}
</channel>
</rss>
`;
}

function searchFeed(outlet: Outlet, items: Item[]): string {
  const body = items
    .map((i) => {
      const publisher = i.report
        ? `${BASE}/articles/${publisherOf(i.report)}/${publisherSlug(i.report)}.html`
        : i.link;
      const description = `<a href="${publisher}" target="_blank">${xml(i.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${xml(i.title.split(' - ').at(-1) ?? '')}</font>`;
      return `  <item>
    <title>${xml(i.title)}</title>
    <link>${xml(i.link)}</link>
    <guid isPermaLink="false">${xml(i.guid)}</guid>
    <pubDate>${rfc822(i.at, outlet.zone)}</pubDate>
    <description>${xml(description)}</description>
    <source url="${BASE}/">${xml(i.title.split(' - ').at(-1) ?? 'Publisher')}</source>
  </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>"China Russia" - News search</title><link>${BASE}/search</link><language>en-GB</language><description>News search results</description>
${body}
</channel></rss>
`;
}

/** The aggregator items point at publishers' copies of the same event. */
function publisherOf(report: Report): OutletId {
  return report.slug.startsWith('xi-putin') ? 'meridian' : 'harbour';
}
function publisherSlug(report: Report): string {
  return report.slug.startsWith('xi-putin') ? 'xi-putin-video-call-energy' : 'brics-ministers-rio';
}

function atom(outlet: Outlet, items: Item[]): string {
  const entries = items
    .map(
      (i) => `  <entry>
    <title type="html">${xml(i.title)}</title>
    <id>urn:harbour:${xml(i.guid)}</id>
    <link rel="alternate" type="text/html" href="${xml(i.link)}"/>
    <published>${new Date(i.at).toISOString()}</published>
    <updated>${new Date(i.at).toISOString()}</updated>
    <summary type="html">${xml(`<p>${xml(i.summary)}</p>`)}</summary>${i.author ? `\n    <author><name>${xml(i.author)}</name></author>` : ''}
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${xml(outlet.name)}</title>
  <id>urn:harbour:china</id>
  <updated>${new Date(RECORDED_AT).toISOString()}</updated>
  <link rel="alternate" href="${BASE}/"/>
${entries}
</feed>
`;
}

function rdf(outlet: Outlet, items: Item[]): string {
  const seq = items.map((i) => `      <rdf:li rdf:resource="${xml(i.link)}"/>`).join('\n');
  const body = items
    .map(
      (i) => `<item rdf:about="${xml(i.link)}">
  <title>${xml(i.title)}</title>
  <link>${xml(i.link)}</link>
  <description>${xml(i.summary)}</description>
  <dc:date>${new Date(i.at).toISOString().replace('.000Z', 'Z')}</dc:date>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${BASE}/feeds/steppe.rdf">
    <title>${xml(outlet.name)}</title>
    <link>${BASE}/</link>
    <description>Independent reporting on Russia and Eurasia</description>
    <items><rdf:Seq>
${seq}
    </rdf:Seq></items>
  </channel>
${body}
</rdf:RDF>
`;
}

function jsonFeed(outlet: Outlet, items: Item[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: outlet.name,
      home_page_url: `${BASE}/`,
      feed_url: `${BASE}/feeds/eurasia.json`,
      language: 'en',
      items: items.map((i) => ({
        id: i.guid,
        url: i.link,
        title: i.title,
        summary: i.summary,
        ...(i.fullText ? { content_html: i.fullText } : {}),
        date_published: new Date(i.at).toISOString(),
        ...(i.author ? { authors: [{ name: i.author }] } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

const RELATED = [
  'Celebrity chef opens third restaurant in the capital',
  'Ten gadgets worth buying this winter',
  'Property prices: what the experts expect next year',
  'The best walks in the hills this autumn',
];

function page(outlet: Outlet, item: Item, paragraphs: string[], paywalled: boolean): string {
  const lang = outlet.language;
  const published = new Date(item.at).toISOString();
  const body = paywalled
    ? `<p>${xml(paragraphs[0] ?? item.summary)}</p><div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>`
    : paragraphs.map((p) => `<p>${xml(p)}</p>`).join('\n');
  const nav = `<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li></ul></nav>`;
  const related = `<h2>You may also like</h2><ul>${RELATED.map((r) => `<li><a href="/more/${slugify(r)}">${r}</a></li>`).join('')}</ul>`;
  const comments = `<h3>Click to comment</h3><p>Notify of new replies</p><div class="comment"><p class="comment-author">reader42</p><p>Interesting article, but what about the consumers?</p></div>`;
  const cookie = `<div class="cookie-consent">We use cookies to improve your experience. By continuing to browse you accept our cookie policy. <button>Accept all cookies</button></div>`;
  const share = `<div class="share-bar">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a> <a href="#">Email</a></div>`;
  const newsletter = `<div class="newsletter-signup"><p>Sign up for our daily newsletter and get the news delivered to your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>`;
  const figure = `<figure class="inline-image"><img src="/img/${slugify(item.title)}.jpg" alt=""><figcaption>Photo: a file image of a city street at night (Agency)</figcaption></figure>`;
  const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: item.title, datePublished: published, author: item.author ? { '@type': 'Person', name: item.author } : { '@type': 'Organization', name: outlet.name } })}</script>`;
  const head = `<meta charset="${outlet.charset}"><title>${xml(item.title)} | ${xml(outlet.name)}</title>
<meta name="description" content="${xml(item.summary)}">
<meta property="og:title" content="${xml(item.title)}">
<meta property="article:published_time" content="${published}">
<link rel="canonical" href="${item.report ? `${BASE}/articles/${outlet.id}/${item.report.slug}.html` : item.link}">
${outlet.style === 2 ? jsonLd : ''}`;
  const byline = item.author ? `<p class="byline">By ${xml(item.author)}</p>` : '';
  const layouts = [
    `<header class="masthead"><a class="logo" href="/">${xml(outlet.name)}</a>${nav}</header>${cookie}
<main><article class="article"><h1>${xml(item.title)}</h1>${byline}<time datetime="${published}">${published.slice(0, 10)}</time>${share}${figure}
<div class="article-body">${body}</div></article>
<aside class="related-stories">${related}</aside><section class="comments">${comments}</section></main>
<footer class="site-footer"><p>© 2026 ${xml(outlet.name)}. All rights reserved.</p>${newsletter}</footer>`,
    `<div id="page"><div class="top-bar">${nav}</div>${cookie}<div class="layout"><div class="col-main"><div class="story">
<h1 class="story-title">${xml(item.title)}</h1>${byline}<div class="story-meta">${share}</div>
<div class="story-body">${body.replace(/<p>/g, '<p class="para">')}</div>${newsletter}
<div class="more-stories">${related}</div></div><div id="comments-widget">${comments}</div></div>
<div class="col-side"><div class="widget most-popular"><h3>Most popular</h3><ol>${RELATED.map((r) => `<li><a href="/p/${slugify(r)}">${r}</a></li>`).join('')}</ol></div></div></div>
<div class="footer">© 2026 ${xml(outlet.name)}</div></div>`,
    `<header>${nav}</header>${cookie}<section id="content"><h1>${xml(item.title)}</h1>${byline}
<div class="entry-content">${body}${figure}</div>${share}</section>
<section class="related">${related}</section><div class="disqus_thread">${comments}</div><footer>${newsletter}<p>© 2026 ${xml(outlet.name)}</p></footer>`,
  ];
  return `<!doctype html>
<html lang="${lang}">
<head>
${head}
</head>
<body>
${layouts[outlet.style]}
</body>
</html>
`;
}

function encode(text: string, charset: Outlet['charset']): Buffer {
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset);
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'feeds'), { recursive: true });
  const manifest = {
    recordedAt: new Date(RECORDED_AT).toISOString(),
    description:
      'Synthetic but realistic news day written for Briefing: 11 fictional outlets, China–Russia reporting among ordinary news.',
    feeds: [] as object[],
  };
  let pages = 0;
  let total = 0;
  for (const outlet of OUTLETS) {
    const items = itemsFor(outlet);
    total += items.length;
    const ext = { rss: 'xml', search: 'xml', atom: 'atom', rdf: 'rdf', json: 'json' }[outlet.format];
    const file = `feeds/${outlet.id}.${ext}`;
    const text = { rss, search: searchFeed, atom, rdf, json: jsonFeed }[outlet.format](outlet, items);
    writeFileSync(join(OUT, file), encode(text, outlet.charset));
    const contentType = {
      rss: 'application/rss+xml',
      search: 'application/rss+xml; charset=UTF-8',
      atom: 'application/atom+xml; charset=utf-8',
      rdf: 'application/rdf+xml',
      json: 'application/feed+json; charset=utf-8',
    }[outlet.format];
    manifest.feeds.push({
      name: outlet.name,
      path: file,
      perspective: outlet.perspective,
      language: outlet.language,
      contentType,
    });
    const dir = join(OUT, 'articles', outlet.id);
    mkdirSync(dir, { recursive: true });
    let unrelatedPages = 0;
    for (const item of items) {
      if (outlet.format === 'search') continue;
      const report = item.report;
      if (report?.missingPage) continue;
      if (!report && unrelatedPages++ >= 3) continue;
      const paragraphs = report
        ? report.paragraphs
        : [
            item.summary,
            'Officials said more details would be released in the coming days.',
            'The story is developing and will be updated.',
          ];
      const name = report ? `${report.slug}.html` : `${item.link.split('/').at(-1)}`;
      writeFileSync(
        join(dir, name),
        encode(page(outlet, item, paragraphs, report?.paywalled === true), outlet.charset),
      );
      pages++;
    }
  }
  // The publisher copy the news-search item for the BRICS meeting points at does not exist (a 404).
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`sample day: ${OUTLETS.length} outlets, ${total} items, ${pages} pages in ${OUT}`);
}

main();
