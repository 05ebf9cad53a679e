/**
 * Writes the offline sample day (tests/fixtures/sample-day) from the hand-written reporting in
 * scripts/sample-day/: eleven outlets in RSS 2.0, Atom 1.0, RDF 1.0, JSON Feed 1.1 and a
 * news-search (Google News) shape, in UTF-8, windows-1251 and GB18030; an article page for every
 * China–Russia item and a score of unrelated ones; the manifest the local server reads; and
 * labels.json, the ground truth (relevant or not, event, themes, trap kind, page status) for
 * checking the classifier and the clustering on the sample.
 *
 * Deterministic: `npx tsx scripts/make-sample-day.ts` rewrites the folder byte for byte, and
 * `buildSampleDay()` returns the same files in memory (the fixture test compares them).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { EVENTS, type OutletId, type PublisherId, REPORTS, type Report } from './sample-day/events.ts';
import { esc, isoWithOffset, LAYOUTS, type PageComment, slugify } from './sample-day/pages.ts';
import {
  DESKS,
  type Headline,
  LOCAL_TRAPS,
  RIBAO,
  SEARCH_NEAR_MISSES,
  type Section,
  TRAPS,
  type Trap,
  UNRELATED_ARTICLES,
  VESTNIK,
  WORLD,
} from './sample-day/unrelated.ts';

export const SAMPLE_OUT = fileURLToPath(new URL('../tests/fixtures/sample-day/', import.meta.url));
const RECORDED_AT = Date.parse('2026-11-23T06:30:00Z');
const BASE = '__SAMPLE_BASE__';
const HOUR = 3_600_000;

type Format = 'rss' | 'atom' | 'rdf' | 'json' | 'search';
type Charset = 'utf-8' | 'windows-1251' | 'gb18030';

interface Outlet {
  id: OutletId;
  name: string;
  perspective: string;
  language: string;
  format: Format;
  charset: Charset;
  /** Hours east of UTC, and how RSS dates print the zone. */
  zoneHours: number;
  zoneLabel: string;
  contentType: string;
  file: string;
  /** How many wire-style world stories the outlet carries besides its own desk. */
  worldPicks: number;
  /** Tracking parameters the outlet appends to links in its feed. */
  linkSuffix?: string;
  staff: string[];
}

const OUTLETS: Outlet[] = [
  {
    id: 'meridian',
    name: 'Meridian Wire',
    perspective: 'wire',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zoneHours: 0,
    zoneLabel: '+0000',
    contentType: 'application/rss+xml; charset=utf-8',
    file: 'feeds/meridian.xml',
    worldPicks: 26,
    staff: ['Anna Kowalski', 'Peter Lang', 'Susan Ford', 'Laura Bennett', 'Tom Prior', 'Maria Santos'],
  },
  {
    id: 'ledger',
    name: 'The Atlantic Ledger',
    perspective: 'western',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zoneHours: -5,
    zoneLabel: 'EST',
    contentType: 'text/xml; charset=utf-8',
    file: 'feeds/ledger.xml',
    worldPicks: 10,
    staff: ['Helen Marsh', 'Oliver Grant', 'Clara Benson', 'Rupert Hale'],
  },
  {
    id: 'capital',
    name: 'Capital Post – World',
    perspective: 'western',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zoneHours: 0,
    zoneLabel: 'GMT',
    contentType: 'application/rss+xml',
    file: 'feeds/capital.xml',
    worldPicks: 12,
    linkSuffix: '?utm_source=rss&utm_medium=feed&utm_campaign=world',
    staff: ['James Whitfield', 'Rachel Ito', 'Sophie Brandt', 'Michael Torres', 'Hannah Reed'],
  },
  {
    id: 'eurasia',
    name: 'Eurasia Review Daily',
    perspective: 'regional',
    language: 'en',
    format: 'json',
    charset: 'utf-8',
    zoneHours: 4,
    zoneLabel: '+0400',
    contentType: 'application/feed+json',
    file: 'feeds/eurasia.json',
    worldPicks: 8,
    staff: ['Giorgi Beridze', 'Nino Kapanadze', 'Aida Sultanova'],
  },
  {
    id: 'courier',
    name: 'Moscow Courier',
    perspective: 'russian-state',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zoneHours: 3,
    zoneLabel: '+0300',
    contentType: 'application/rss+xml; charset=utf-8',
    file: 'feeds/courier.xml',
    worldPicks: 6,
    staff: [],
  },
  {
    id: 'vestnik',
    name: 'Северный вестник',
    perspective: 'russian-state',
    language: 'ru',
    format: 'rss',
    charset: 'windows-1251',
    zoneHours: 3,
    zoneLabel: '+0300',
    contentType: 'application/rss+xml',
    file: 'feeds/vestnik.xml',
    worldPicks: 0,
    staff: ['Ирина Соколова', 'Алексей Морозов'],
  },
  {
    id: 'huaxia',
    name: 'Huaxia News Agency – World',
    perspective: 'chinese-state',
    language: 'en',
    format: 'rss',
    charset: 'utf-8',
    zoneHours: 8,
    zoneLabel: '+0800',
    contentType: 'text/xml',
    file: 'feeds/huaxia.xml',
    worldPicks: 6,
    staff: [],
  },
  {
    id: 'ribao',
    name: '华夏日报 · 国际',
    perspective: 'chinese-state',
    language: 'zh',
    format: 'rss',
    charset: 'gb18030',
    zoneHours: 8,
    zoneLabel: '+0800',
    contentType: 'application/xml',
    file: 'feeds/ribao.xml',
    worldPicks: 0,
    staff: [],
  },
  {
    id: 'harbour',
    name: 'Harbour Morning Post – China',
    perspective: 'chinese-independent',
    language: 'en',
    format: 'atom',
    charset: 'utf-8',
    zoneHours: 8,
    zoneLabel: '+0800',
    contentType: 'application/atom+xml; charset=utf-8',
    file: 'feeds/harbour.atom',
    worldPicks: 6,
    linkSuffix: '?utm_source=rss_feed',
    staff: ['Vivian Cheung', 'Kelvin Lau', 'Jason Ng', 'Priya Menon'],
  },
  {
    id: 'steppe',
    name: 'Steppe Monitor',
    perspective: 'russian-independent',
    language: 'en',
    format: 'rdf',
    charset: 'utf-8',
    zoneHours: 0,
    zoneLabel: 'Z',
    contentType: 'application/rdf+xml',
    file: 'feeds/steppe.rdf',
    worldPicks: 5,
    staff: ['Darya Lebedeva', 'Pavel Grigoriev'],
  },
  {
    id: 'search',
    name: 'News search: China Russia',
    perspective: 'aggregator',
    language: 'en',
    format: 'search',
    charset: 'utf-8',
    zoneHours: 0,
    zoneLabel: 'GMT',
    contentType: 'application/rss+xml; charset=UTF-8',
    file: 'feeds/search.xml',
    worldPicks: 0,
    staff: [],
  },
];

const PUBLISHER_NAMES: Record<string, string> = {
  pacificbiz: 'Pacific Business Daily',
  nordic: 'Nordic Policy Review',
};

/** Stable pseudo-random number in [0, 1) from a string. */
const rand = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
const hashNumber = (key: string, digits: number) =>
  String(createHash('sha256').update(key).digest().readUInt32BE(4)).padStart(10, '0').slice(-digits);
const xml = esc;

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const transliterate = (s: string) =>
  s
    .toLowerCase()
    .split('')
    .map((c) => CYRILLIC[c] ?? c)
    .join('');

type PageStatus = 'ok' | 'paywalled' | 'missing' | 'none';

interface Item {
  outlet: Outlet;
  title: string;
  summary: string;
  section: string;
  /** The link as the feed prints it. */
  link: string;
  /** The page's own address (canonical), whether or not a page is served. */
  pageUrl: string;
  guid: string;
  at: number;
  author?: string;
  report?: Report;
  trap?: Pick<Trap, 'kind' | 'note'>;
  page: PageStatus;
  /** Paragraphs of the page, when one is written. */
  paragraphs?: string[];
  /** Aggregator items: who published the story and where. */
  via?: { name: string; url: string; home: string };
}

function slugFor(outlet: Outlet, title: string): string {
  if (outlet.language === 'ru') return slugify(transliterate(title)).slice(0, 60).replace(/-$/, '');
  if (outlet.language === 'zh') return `c1002-${hashNumber(`ribao:${title}`, 8)}`;
  return slugify(title);
}

const pageUrl = (publisher: PublisherId | string, slug: string) =>
  `${BASE}/articles/${publisher}/${slug}.html`;

function flatten(sections: Section[]): { section: string; headline: Headline }[] {
  return sections.flatMap((s) => s.items.map((headline) => ({ section: s.section, headline })));
}

function unrelatedTime(outlet: Outlet, title: string): number {
  const hoursAgo = 0.2 + rand(`${outlet.id}:time:${title}`) * 35.6;
  return (
    RECORDED_AT - Math.round(hoursAgo * 60) * 60_000 - Math.floor(rand(`${outlet.id}:s:${title}`) * 60) * 1000
  );
}

function reportTime(report: Report): number {
  return (
    RECORDED_AT -
    Math.round(report.hoursAgo * 60) * 60_000 -
    Math.floor(rand(`${report.outlet}:s:${report.slug}`) * 60) * 1000
  );
}

function authorFor(outlet: Outlet, title: string): string | undefined {
  if (outlet.staff.length === 0 || rand(`${outlet.id}:byline:${title}`) < 0.35) return undefined;
  return outlet.staff[Math.floor(rand(`${outlet.id}:author:${title}`) * outlet.staff.length)];
}

function unrelatedItem(
  outlet: Outlet,
  section: string,
  [title, summary]: Headline,
  trap?: Pick<Trap, 'kind' | 'note'>,
): Item {
  const slug = slugFor(outlet, title);
  const url = pageUrl(outlet.id, slug);
  const article = UNRELATED_ARTICLES.find((a) => a.outlet === outlet.id && a.title === title);
  const author = article?.author ?? authorFor(outlet, title);
  return {
    outlet,
    title,
    summary,
    section,
    link: url + (outlet.linkSuffix ?? ''),
    pageUrl: url,
    guid: guidFor(outlet, url, title),
    at: unrelatedTime(outlet, title),
    ...(author ? { author } : {}),
    ...(trap ? { trap } : {}),
    page: article ? 'ok' : 'none',
    ...(article ? { paragraphs: article.paragraphs } : {}),
  };
}

function guidFor(outlet: Outlet, url: string, title: string): string {
  switch (outlet.id) {
    case 'meridian':
      return `meridian-${createHash('sha256').update(title).digest('hex').slice(0, 12)}`;
    case 'harbour':
      return `urn:hmp:article:${hashNumber(`harbour:${title}`, 7)}`;
    case 'ribao':
      return hashNumber(`ribao:${title}`, 8);
    case 'eurasia':
      return `${BASE}/?p=${hashNumber(`eurasia:${title}`, 6)}`;
    default:
      return url;
  }
}

function reportItem(outlet: Outlet, report: Report): Item {
  const url = pageUrl(outlet.id, report.slug);
  const page: PageStatus = report.missingPage ? 'missing' : report.paywalled ? 'paywalled' : 'ok';
  return {
    outlet,
    title: report.title,
    summary: report.summary,
    section: report.categories?.[0] ?? 'World',
    link: url + (outlet.linkSuffix ?? ''),
    pageUrl: url,
    guid: guidFor(outlet, url, report.title),
    at: reportTime(report),
    ...(report.author ? { author: report.author } : {}),
    report,
    page,
    ...(report.missingPage ? {} : { paragraphs: report.paragraphs }),
  };
}

/** Google-News-shaped redirect link: an opaque token under /rss/articles/. */
function aggregatorLink(publisherUrl: string): string {
  const token = Buffer.concat([
    createHash('sha256').update(`a:${publisherUrl}`).digest(),
    createHash('sha256').update(`b:${publisherUrl}`).digest(),
  ])
    .toString('base64url')
    .slice(0, 86);
  return `${BASE}/rss/articles/CBMi${token}?oc=5`;
}

function itemsFor(outlet: Outlet, all: Map<OutletId, Item[]>): Item[] {
  if (outlet.format === 'search') return searchItems(outlet, all);
  const items: Item[] = REPORTS.filter((r) => r.outlet === outlet.id).map((r) => reportItem(outlet, r));
  const traps = [...TRAPS, ...LOCAL_TRAPS].filter((t) => t.outlets.includes(outlet.id));
  for (const trap of traps) items.push(unrelatedItem(outlet, trap.section, [trap.title, trap.summary], trap));
  const own = outlet.id === 'vestnik' ? VESTNIK : outlet.id === 'ribao' ? RIBAO : (DESKS[outlet.id] ?? []);
  for (const { section, headline } of flatten(own)) items.push(unrelatedItem(outlet, section, headline));
  const world = flatten(WORLD);
  const forced = new Set(UNRELATED_ARTICLES.filter((a) => a.outlet === outlet.id).map((a) => a.title));
  const ranked = [...world].sort(
    (a, b) => rand(`${outlet.id}:world:${a.headline[0]}`) - rand(`${outlet.id}:world:${b.headline[0]}`),
  );
  const picks = new Set(ranked.slice(0, outlet.worldPicks).map((w) => w.headline[0]));
  for (const w of world) {
    if (picks.has(w.headline[0]) || forced.has(w.headline[0]))
      items.push(unrelatedItem(outlet, w.section, w.headline));
  }
  return items.sort((a, b) => b.at - a.at);
}

function searchItems(outlet: Outlet, all: Map<OutletId, Item[]>): Item[] {
  const items: Item[] = [];
  for (const report of REPORTS.filter((r) => r.outlet === 'search')) {
    const publisher = report.publisher!;
    const url = pageUrl(publisher.id, publisher.slug);
    const own = PUBLISHER_NAMES[publisher.id] !== undefined;
    items.push({
      outlet,
      title: report.title,
      summary: report.summary,
      section: 'World',
      link: aggregatorLink(url),
      pageUrl: url,
      guid: '',
      at: reportTime(report),
      report,
      page: 'ok',
      ...(own ? { paragraphs: report.paragraphs } : {}),
      via: { name: publisher.name, url, home: `${BASE}/articles/${publisher.id}/` },
    });
  }
  for (const miss of SEARCH_NEAR_MISSES) {
    const carried = all.get(miss.publisher.id as OutletId)?.find((i) => i.title === miss.title);
    if (PUBLISHER_NAMES[miss.publisher.id] === undefined && OUTLET_IDS.has(miss.publisher.id) && !carried) {
      throw new Error(`near-miss "${miss.title}" names ${miss.publisher.id}, which does not carry it`);
    }
    const url = carried?.pageUrl ?? pageUrl(miss.publisher.id, miss.slug ?? slugify(miss.title));
    items.push({
      outlet,
      title: `${miss.title} - ${miss.publisher.name}`,
      summary: '',
      section: 'World',
      link: aggregatorLink(url),
      pageUrl: url,
      guid: '',
      at: RECORDED_AT - Math.round(miss.hoursAgo * 60) * 60_000,
      trap: { kind: miss.kind, note: miss.note },
      page: carried?.page === 'ok' ? 'ok' : 'none',
      via: { name: miss.publisher.name, url, home: `${BASE}/articles/${miss.publisher.id}/` },
    });
  }
  for (const item of items) item.guid = item.link.slice(item.link.indexOf('CBMi')).replace(/\?oc=5$/, '');
  return items.sort((a, b) => b.at - a.at);
}

const OUTLET_IDS = new Set<string>(OUTLETS.map((o) => o.id));

function rfc822(at: number, outlet: Outlet): string {
  const d = new Date(at + outlet.zoneHours * HOUR);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${outlet.zoneLabel}`;
}

const fullTextHtml = (item: Item) =>
  (item.report?.paragraphs ?? []).map((p) => `<p>${xml(p)}</p>`).join('\n');
const wantsFullText = (item: Item) =>
  item.report?.fullTextInFeed === true && item.report.paragraphs.length > 0;
const thumb = (item: Item) => `${BASE}/img/${item.outlet.id}/${slugify(item.title) || item.guid}-thumb.jpg`;

function rssItem(item: Item): string {
  const o = item.outlet;
  const lines = [`    <title>${xml(item.title)}</title>`, `    <link>${xml(item.link)}</link>`];
  switch (o.id) {
    case 'meridian':
      lines.push(`    <guid isPermaLink="false">${item.guid}</guid>`);
      if (item.summary) lines.push(`    <description>${xml(item.summary)}</description>`);
      else lines.push('    <description/>');
      break;
    case 'ledger':
      lines.push(`    <guid>${xml(item.guid)}</guid>`);
      lines.push(
        `    <description><![CDATA[<img src="${thumb(item)}" width="300" height="169" alt=""/><p>${xml(item.summary)}</p>]]></description>`,
      );
      break;
    case 'capital':
      lines.push(`    <guid isPermaLink="true">${xml(item.guid)}</guid>`);
      lines.push(`    <description>${xml(`<p>${xml(item.summary)}</p>`)}</description>`);
      lines.push(
        `    <media:content url="${thumb(item)}" medium="image" width="1484" height="989"><media:credit>${xml(item.author ? 'Capital Post' : 'AP')}</media:credit></media:content>`,
      );
      break;
    case 'courier':
      lines.push(`    <guid>${xml(item.guid)}</guid>`);
      lines.push(`    <description>${xml(item.summary)}</description>`);
      lines.push(`    <enclosure url="${thumb(item)}" type="image/jpeg" length="0"/>`);
      break;
    case 'vestnik':
      lines.push(`    <guid>${xml(item.guid)}</guid>`);
      lines.push(`    <description>${xml(item.summary)}</description>`);
      if (item.paragraphs)
        lines.push(`    <yandex:full-text>${xml(item.paragraphs.join('\n'))}</yandex:full-text>`);
      break;
    case 'huaxia':
      // No guid: an old CMS; items are identified by their links.
      lines.push(`    <description>${xml(`${xml(item.summary)}&nbsp;`)}</description>`);
      break;
    case 'ribao':
      lines.push(`    <guid isPermaLink="false">${item.guid}</guid>`);
      lines.push(`    <description><![CDATA[<p>${xml(item.summary)}</p>]]></description>`);
      break;
    default:
      lines.push(`    <description>${xml(item.summary)}</description>`);
  }
  lines.push(`    <pubDate>${rfc822(item.at, o)}</pubDate>`);
  lines.push(`    <category>${xml(item.section)}</category>`);
  for (const extra of item.report?.categories?.slice(1) ?? [])
    lines.push(`    <category>${xml(extra)}</category>`);
  if (item.author)
    lines.push(
      o.id === 'vestnik'
        ? `    <author>${xml(item.author)}</author>`
        : `    <dc:creator>${xml(item.author)}</dc:creator>`,
    );
  if (wantsFullText(item))
    lines.push(`    <content:encoded><![CDATA[${fullTextHtml(item)}]]></content:encoded>`);
  return `  <item>\n${lines.join('\n')}\n  </item>`;
}

function rss(outlet: Outlet, items: Item[]): string {
  const built = rfc822(RECORDED_AT - 4 * 60_000, outlet);
  const namespaces = [
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    'xmlns:atom="http://www.w3.org/2005/Atom"',
    ...(outlet.id === 'capital' ? ['xmlns:media="http://search.yahoo.com/mrss/"'] : []),
    ...(outlet.id === 'vestnik' ? ['xmlns:yandex="http://news.yandex.ru"'] : []),
  ];
  const descriptions: Partial<Record<OutletId, string>> = {
    meridian: 'Top news from Meridian Wire: world, business, markets',
    ledger: 'The Atlantic Ledger: latest news and analysis',
    capital: 'World news from The Capital Post',
    courier: 'Moscow Courier: news from Russia and the world',
    vestnik: 'Северный вестник: главные новости России и мира',
    huaxia: 'Huaxia News Agency English service',
    ribao: '华夏日报 国际频道',
  };
  return `<?xml version="1.0" encoding="${outlet.charset === 'gb18030' ? 'GB18030' : outlet.charset}"?>
<rss version="2.0" ${namespaces.join(' ')}>
<channel>
  <title>${xml(outlet.name)}</title>
  <link>${BASE}/</link>
  <description>${xml(descriptions[outlet.id] ?? outlet.name)}</description>
  <language>${outlet.language === 'zh' ? 'zh-cn' : outlet.language === 'ru' ? 'ru' : 'en-us'}</language>
  <lastBuildDate>${built}</lastBuildDate>
  <atom:link href="${BASE}/${outlet.file}" rel="self" type="application/rss+xml"/>
  <ttl>15</ttl>
${items.map(rssItem).join('\n')}
</channel>
</rss>
`;
}

function searchFeed(outlet: Outlet, items: Item[]): string {
  const body = items
    .map((i) => {
      const via = i.via!;
      const description = `<a href="${via.url}" target="_blank">${xml(i.title.replace(/ - [^-]+$/, ''))}</a>&nbsp;&nbsp;<font color="#6f6f6f">${xml(via.name)}</font>`;
      return `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${rfc822(i.at, outlet)}</pubDate><description>${xml(description)}</description><source url="${via.home}">${xml(via.name)}</source></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>"China Russia" - News search</title><link>${BASE}/search?q=China+Russia&amp;hl=en-GB&amp;gl=GB&amp;ceid=GB:en</link><language>en-GB</language><webMaster>news-webmaster@search.example</webMaster><copyright>${new Date(RECORDED_AT).getUTCFullYear()} News search</copyright><lastBuildDate>${rfc822(RECORDED_AT - 60_000, outlet)}</lastBuildDate><description>News search results for "China Russia"</description>${body}</channel></rss>
`;
}

function atom(outlet: Outlet, items: Item[]): string {
  const entries = items
    .map((i) => {
      const iso = isoWithOffset(i.at, outlet.zoneHours);
      // One headline carries markup, as CMS headlines sometimes do.
      const title =
        i.report?.slug === 'li-hui-moscow-ukraine'
          ? `<title type="html">${xml('Beijing’s Eurasia envoy echoes Moscow on Ukraine <em>“security concerns”</em>')}</title>`
          : `<title type="html">${xml(xml(i.title))}</title>`;
      return `  <entry>
    ${title}
    <id>${i.guid}</id>
    <link rel="alternate" type="text/html" href="${xml(i.link)}"/>
    <published>${iso}</published>
    <updated>${isoWithOffset(i.at + 20 * 60_000, outlet.zoneHours)}</updated>${i.author ? `\n    <author><name>${xml(i.author)}</name></author>` : ''}
    <category term="${xml(i.section)}"/>
    <summary type="html">${xml(`<p>${xml(i.summary)}</p>`)}</summary>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${xml(outlet.name)}</title>
  <subtitle>News and analysis on China from Hong Kong</subtitle>
  <id>urn:hmp:feed:china</id>
  <updated>${isoWithOffset(RECORDED_AT - 3 * 60_000, outlet.zoneHours)}</updated>
  <link rel="alternate" type="text/html" href="${BASE}/china/"/>
  <link rel="self" type="application/atom+xml" href="${BASE}/${outlet.file}"/>
  <rights>Copyright 2026 Harbour Morning Post Publishers Ltd.</rights>
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
  <dc:date>${new Date(i.at).toISOString().replace('.000Z', 'Z')}</dc:date>${i.author ? `\n  <dc:creator>${xml(i.author)}</dc:creator>` : ''}
  <dc:subject>${xml(i.section)}</dc:subject>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${BASE}/${outlet.file}">
    <title>${xml(outlet.name)}</title>
    <link>${BASE}/</link>
    <description>Independent reporting on Russia and Eurasia</description>
    <dc:language>en</dc:language>
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
      feed_url: `${BASE}/${outlet.file}`,
      description: 'Analysis and news from the Caucasus, Central Asia, Russia and China',
      language: 'en',
      icon: `${BASE}/wp-content/uploads/icon-512.png`,
      items: items.map((i) => ({
        id: i.guid,
        url: i.link,
        title: i.title,
        summary: i.summary,
        ...(wantsFullText(i) ? { content_html: fullTextHtml(i) } : { content_text: i.summary }),
        image: thumb(i),
        date_published: isoWithOffset(i.at, outlet.zoneHours),
        ...(i.author ? { authors: [{ name: i.author }] } : {}),
        tags: [i.section, ...(i.report?.categories?.slice(1) ?? [])],
      })),
    },
    null,
    2,
  )}\n`;
}

const COMMENTS: Record<string, PageComment[]> = {
  en: [
    {
      user: 'reader42',
      ago: '2 hours ago',
      text: 'Interesting, but what does this mean for ordinary consumers?',
    },
    {
      user: 'M. Keller',
      ago: '1 hour ago',
      text: 'Good reporting. I would like to see the full figures, though.',
    },
    {
      user: 'northern_light',
      ago: '47 minutes ago',
      text: 'We have heard all this before. Let’s see what happens next year.',
    },
    { user: 'DaveInOhio', ago: '3 hours ago', text: 'Why is nobody talking about the cost of all this?' },
    {
      user: 'Ana P.',
      ago: '25 minutes ago',
      text: 'Thanks for the context in the last paragraphs, very helpful.',
    },
  ],
  ru: [
    { user: 'Сергей_К', ago: '2 часа назад', text: 'Посмотрим, что будет дальше. Пока одни обещания.' },
    { user: 'Марина', ago: '40 минут назад', text: 'Спасибо за подробный материал.' },
    { user: 'ivan1975', ago: '1 час назад', text: 'А цены в магазинах опять вырастут.' },
  ],
  zh: [
    { user: '网友小李', ago: '2小时前', text: '点赞！希望两国合作越来越好。' },
    { user: '北京读者', ago: '1小时前', text: '报道很及时，期待后续。' },
    { user: '江南雨', ago: '35分钟前', text: '写得很清楚，学习了。' },
  ],
};

const CAPTIONS: Record<string, string[]> = {
  en: [
    'Commuters cross a bridge at dawn.',
    'A vendor arranges fruit at a market stall.',
    'Autumn leaves cover a park bench after overnight rain.',
    'A tram passes through the city centre in the snow.',
    'Lights of an office district reflected in a river.',
    'A cargo ship leaves port in the morning fog.',
  ],
  ru: ['Вид на набережную вечером.', 'Осенний парк после дождя.', 'Трамвай на заснеженной улице.'],
  zh: ['城市夜景。', '秋日公园一景。', '清晨的港口。'],
};
const CREDITS = ['Elena Ortiz', 'Tomasz Wrona', 'Lee Min-ho', 'Sarah Okafor', 'Ivan Belov', 'Chen Yu'];

function pickBy<T>(pool: T[], key: string, count: number): T[] {
  return [...pool].sort((a, b) => rand(`${key}:${String(a)}`) - rand(`${key}:${String(b)}`)).slice(0, count);
}

/** Headlines of a publisher's other stories, for its related and most-read lists. */
function otherHeadlines(publisher: PublisherId, item: Item, all: Map<OutletId, Item[]>): string[] {
  const siblings = all.get(publisher as OutletId);
  if (!siblings) return flatten(WORLD).map((w) => w.headline[0]);
  return siblings.filter((s) => !s.report && s.title !== item.title).map((s) => s.title);
}

function renderPage(publisher: PublisherId, item: Item, others: string[]): string {
  const lang = item.outlet.format === 'search' ? 'en' : item.outlet.language;
  const related = pickBy(others, `${item.pageUrl}:related`, 5);
  const popular = pickBy(
    others.filter((t) => !related.includes(t)),
    `${item.pageUrl}:popular`,
    5,
  );
  const comments = pickBy(
    COMMENTS[lang] ?? COMMENTS.en!,
    `${item.pageUrl}:comments`,
    1 + Math.floor(rand(item.pageUrl) * 3),
  );
  const captions = CAPTIONS[lang] ?? CAPTIONS.en!;
  const external = PUBLISHER_NAMES[publisher];
  const title = external ? item.title.replace(/ - [^-]+$/, '') : item.title;
  const outlet = OUTLETS.find((o) => o.id === publisher);
  return LAYOUTS[publisher]({
    publisher,
    siteName: external ?? item.outlet.name,
    lang,
    charset:
      outlet?.charset === 'windows-1251'
        ? 'windows-1251'
        : outlet?.charset === 'gb18030'
          ? 'gb2312'
          : 'utf-8',
    title,
    summary: item.summary,
    ...(item.author ? { author: item.author } : {}),
    published: item.at,
    zoneHours: outlet?.zoneHours ?? 8,
    canonical: item.pageUrl,
    section: item.section,
    tags: item.report?.categories ?? [item.section],
    paragraphs: item.paragraphs ?? [],
    paywalled: item.page === 'paywalled',
    related,
    popular,
    caption: captions[Math.floor(rand(`${item.pageUrl}:caption`) * captions.length)]!,
    credit: CREDITS[Math.floor(rand(`${item.pageUrl}:credit`) * CREDITS.length)]!,
    image: `/img/${publisher}/${hashNumber(item.pageUrl, 8)}.jpg`,
    comments,
  });
}

function encode(text: string, charset: Charset, what: string): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, charset);
  if (iconv.decode(bytes, charset) !== text) throw new Error(`${what}: text not representable in ${charset}`);
  return bytes;
}

interface Label {
  feed: string;
  title: string;
  link: string;
  published: string;
  language: string;
  relevant: boolean;
  event?: string;
  themes?: string[];
  trap?: string;
  why?: string;
  page: PageStatus;
  inDefaultWindow: boolean;
}

/** Every file of the sample day, by path relative to the fixture folder. */
export function buildSampleDay(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const all = new Map<OutletId, Item[]>();
  for (const outlet of OUTLETS) all.set(outlet.id, itemsFor(outlet, all));

  const manifest = {
    recordedAt: new Date(RECORDED_AT).toISOString(),
    description:
      'A synthetic but realistic news day written for Briefing: 11 fictional outlets (wire, Western, Russian and Chinese state, independent, regional, a news-search aggregator), China–Russia reporting among ordinary news. labels.json holds the ground truth.',
    feeds: [] as object[],
    redirects: {} as Record<string, string>,
  };
  const labels: Label[] = [];
  const usedArticles = new Set<string>();

  for (const outlet of OUTLETS) {
    const items = all.get(outlet.id)!;
    const text = { rss, search: searchFeed, atom, rdf, json: jsonFeed }[outlet.format](outlet, items);
    files.set(outlet.file, encode(text, outlet.charset, outlet.file));
    manifest.feeds.push({
      name: outlet.name,
      path: outlet.file,
      perspective: outlet.perspective,
      language: outlet.language,
      contentType: outlet.contentType,
    });
    for (const item of items) {
      const publisher = (item.via ? item.pageUrl.split('/')[2] : outlet.id) as PublisherId;
      if (item.via)
        manifest.redirects[new URL(item.link.replace(BASE, 'http://x')).pathname] = item.pageUrl.replace(
          BASE,
          '',
        );
      if (item.paragraphs && item.paragraphs.length > 0) {
        const path = item.pageUrl.replace(`${BASE}/`, '');
        const publisherOutlet = OUTLETS.find((o) => o.id === publisher);
        const html = renderPage(publisher, item, otherHeadlines(publisher, item, all));
        files.set(path, encode(html, publisherOutlet?.charset ?? 'utf-8', path));
        if (!item.report) usedArticles.add(`${outlet.id}:${item.title}`);
      }
      labels.push({
        feed: outlet.name,
        title: item.title,
        link: item.link,
        published: new Date(item.at).toISOString(),
        language: outlet.language,
        relevant: item.report !== undefined,
        ...(item.report ? { event: item.report.event, themes: item.report.themes } : {}),
        ...(item.trap ? { trap: item.trap.kind, why: item.trap.note } : {}),
        page: item.page,
        inDefaultWindow: item.at >= RECORDED_AT - 24 * HOUR,
      });
    }
  }
  for (const article of UNRELATED_ARTICLES) {
    if (!usedArticles.has(`${article.outlet}:${article.title}`))
      throw new Error(`unrelated article not carried by ${article.outlet}: ${article.title}`);
  }

  const events = EVENTS.map((e) => {
    const reports = labels.filter((l) => l.event === e.id);
    return {
      ...e,
      items: reports.length,
      outlets: [...new Set(reports.map((r) => r.feed))],
      languages: [...new Set(reports.map((r) => r.language))],
    };
  });
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  files.set(
    'labels.json',
    Buffer.from(
      `${JSON.stringify(
        {
          recordedAt: manifest.recordedAt,
          note: 'Ground truth for the sample day. relevant: the item is about the China–Russia relationship. trap: why an item that mentions China, Russia or their words is not. page: ok | paywalled | missing (HTTP 404) | none (no page recorded; unrelated items only). inDefaultWindow: within 24 h of recordedAt.',
          events,
          items: labels,
        },
        null,
        1,
      )}\n`,
    ),
  );
  return files;
}

function main(): void {
  const out = process.argv[2] === '--out' && process.argv[3] ? process.argv[3] : SAMPLE_OUT;
  const files = buildSampleDay();
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, body] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), body);
    bytes += body.length;
  }
  const labels = JSON.parse(files.get('labels.json')!.toString('utf8')) as { items: Label[] };
  const relevant = labels.items.filter((l) => l.relevant).length;
  process.stdout.write(
    `sample day: ${OUTLETS.length} feeds, ${labels.items.length} items (${relevant} China–Russia), ${files.size - 13} pages, ${Math.round(bytes / 1024)} KiB in ${out}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
