/**
 * Any feed document to one ParsedFeed: RSS 0.9x/1.0 (RDF)/2.0, Atom 0.3/1.0 and JSON Feed 1.x.
 * rss-parser reads what it can; documents it rejects but a lenient reader accepts (versionless
 * <rss>, <rss> without <channel>, stray entities, broken markup) go through a forgiving
 * htmlparser2 pass. DOCTYPEs are removed first, so no entity is ever expanded from a document.
 */
import { createHash } from 'node:crypto';
import type { CheerioAPI } from 'cheerio/slim';
import { load } from 'cheerio/slim';
import Parser from 'rss-parser';
import { NotAFeedError } from '../domain/errors.ts';
import type { FeedItem, ParsedFeed } from '../domain/types.ts';
import { canonicalizeUrl, isAggregatorLink, resolveAggregatorLink } from './canonical-url.ts';
import { decodeDocument } from './decode-text.ts';
import { cleanInlineText, htmlToPlainText, truncateText } from './plain-text.ts';

export const MAX_ITEMS_PER_FEED = 5000;
const MAX_SUMMARY = 1000;
const MAX_CONTENT = 100_000;

export interface ParseFeedOptions {
  contentType?: string;
  /** The feed's address, for relative links. */
  url?: string;
  /** Dates more than a day after this are treated as missing. */
  now?: Date;
}

/** One entry as read from any format, before normalisation. */
interface RawEntry {
  title?: string;
  link?: string;
  guid?: string;
  date?: string;
  descriptionHtml?: string;
  contentHtml?: string;
  author?: string;
  categories: string[];
  language?: string;
  sourceUrl?: string;
}

interface RawFeed {
  title?: string;
  link?: string;
  language?: string;
  entries: RawEntry[];
}

const rssParser = new Parser({
  customFields: {
    feed: ['language', 'dc:language'] as never[],
    item: [
      'content:encoded',
      'dc:creator',
      'dc:date',
      'dc:language',
      'source',
      'updated',
      'published',
      'issued',
      'modified',
    ] as never[],
  },
});

export async function parseFeed(body: Buffer | string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const text = stripBom(typeof body === 'string' ? body : decodeDocument(body, options.contentType)).trim();
  if (!text) throw new NotAFeedError('not a feed: empty document');
  const raw = text.startsWith('{') || text.startsWith('[') ? readJsonFeed(text) : await readXmlFeed(text);
  return normaliseFeed(raw, options);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readJsonFeed(text: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new NotAFeedError('not a feed: invalid JSON');
  }
  const feed = doc as Record<string, unknown>;
  if (!feed || typeof feed !== 'object' || Array.isArray(feed) || !Array.isArray(feed.items)) {
    throw new NotAFeedError('not a feed: JSON without an items array');
  }
  if (typeof feed.version === 'string' && !feed.version.includes('jsonfeed.org')) {
    throw new NotAFeedError(`not a feed: unknown JSON version ${feed.version.slice(0, 60)}`);
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const authorName = (v: unknown) => {
    const a = v as { name?: unknown } | undefined;
    return str(a?.name);
  };
  return {
    title: str(feed.title),
    link: str(feed.home_page_url),
    language: str(feed.language),
    entries: (feed.items as Record<string, unknown>[]).slice(0, MAX_ITEMS_PER_FEED).map((item) => ({
      title: str(item.title),
      link: str(item.url) ?? str(item.external_url),
      guid: item.id === undefined ? undefined : String(item.id),
      date: str(item.date_published) ?? str(item.date_modified),
      descriptionHtml: str(item.summary),
      contentHtml: str(item.content_html) ?? escapeText(str(item.content_text)),
      author: authorName((item.authors as unknown[] | undefined)?.[0]) ?? authorName(item.author),
      categories: Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [],
      language: str(item.language),
    })),
  };
}

function escapeText(text: string | undefined): string | undefined {
  return text?.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Removes DOCTYPE declarations (and their internal subsets) so no entity can be expanded. */
function stripDoctype(xml: string): string {
  return xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

async function readXmlFeed(text: string): Promise<RawFeed> {
  let xml = stripDoctype(text);
  const root = rootElement(xml);
  if (!root) throw new NotAFeedError('not a feed: no XML root element');
  const [prefix, local] = root.includes(':') ? root.split(':', 2) : [undefined, root];
  if (!FEED_ROOTS.has((local ?? '').toLowerCase()))
    throw new NotAFeedError(`not a feed: root element <${root}>`);
  // A prefixed RSS root (<r:rss xmlns:r=...>) is read as the plain vocabulary it is.
  if (prefix && local?.toLowerCase() === 'rss') xml = xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
  const strict = await tryRssParser(xml);
  if (strict && strict.entries.length > 0) return strict;
  const lenient = readLenient(xml);
  if (lenient.entries.length > 0 || !strict) return lenient;
  return strict;
}

function rootElement(xml: string): string | undefined {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
}

type RssItem = Record<string, unknown> & { categories?: unknown[] };

async function tryRssParser(xml: string): Promise<RawFeed | undefined> {
  try {
    const feed = (await rssParser.parseString(xml)) as Record<string, unknown> & { items?: RssItem[] };
    const str = (v: unknown): string | undefined => {
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o._ === 'string') return o._;
        if (typeof (o.$ as Record<string, unknown> | undefined)?.url === 'string') return undefined;
      }
      return undefined;
    };
    return {
      title: str(feed.title),
      link: str(feed.link),
      language: str(feed.language) ?? str(feed['dc:language']),
      entries: (feed.items ?? []).slice(0, MAX_ITEMS_PER_FEED).map((item) => {
        const source = item.source as { $?: { url?: string } } | string | undefined;
        return {
          title: str(item.title),
          link: str(item.link),
          guid: str(item.guid) ?? str(item.id),
          date:
            str(item.isoDate) ??
            str(item.pubDate) ??
            str(item['dc:date']) ??
            str(item.published) ??
            str(item.issued) ??
            str(item.updated) ??
            str(item.modified),
          descriptionHtml: str(item.content) ?? str(item.summary),
          contentHtml: str(item['content:encoded']),
          author: str(item.creator) ?? str(item['dc:creator']) ?? str(item.author),
          categories: (item.categories ?? []).map((c) => str(c) ?? '').filter(Boolean),
          language: str(item['dc:language']),
          sourceUrl: typeof source === 'object' ? source?.$?.url : undefined,
        };
      }),
    };
  } catch {
    return undefined;
  }
}

function readLenient(xml: string): RawFeed {
  const $ = load(xml, {
    xml: { xmlMode: true, decodeEntities: true, recognizeCDATA: true, lowerCaseTags: false },
  });
  const text = (el: ReturnType<CheerioAPI>, selector: string) => {
    const found = el.find(selector).first();
    return found.length ? found.text().trim() || undefined : undefined;
  };
  const child = (el: ReturnType<CheerioAPI>, names: string[]) => {
    for (const name of names) {
      const found = el
        .children()
        .filter((_, node) => (node as { name?: string }).name?.toLowerCase() === name)
        .first();
      if (found.length) return found;
    }
    return undefined;
  };
  const childText = (el: ReturnType<CheerioAPI>, names: string[]) => {
    const found = child(el, names);
    return found ? found.text().trim() || undefined : undefined;
  };
  const items = $('item, entry').toArray().slice(0, MAX_ITEMS_PER_FEED);
  const channel = $('channel').first().length ? $('channel').first() : $.root().children().first();
  const entries: RawEntry[] = items.map((node) => {
    const el = $(node);
    const atomLink =
      el.children('link[rel="alternate"]').attr('href') ??
      el
        .children('link')
        .filter((_, l) => !$(l).attr('rel'))
        .attr('href') ??
      el.children('link[href]').first().attr('href');
    const link = childText(el, ['link']) ?? atomLink ?? el.children('guid[isPermaLink="true"]').text().trim();
    const authorEl = child(el, ['author', 'dc:creator']);
    const author = authorEl
      ? authorEl.find('name').first().text().trim() || authorEl.text().trim()
      : undefined;
    return {
      title: childText(el, ['title', 'dc:title']),
      link: link || undefined,
      guid: childText(el, ['guid', 'id']) ?? el.attr('rdf:about'),
      date: childText(el, ['pubdate', 'dc:date', 'published', 'issued', 'updated', 'modified', 'created']),
      descriptionHtml: childText(el, ['description', 'summary', 'dc:description']),
      contentHtml: childText(el, ['content:encoded', 'content']),
      author: author || undefined,
      categories: el
        .children()
        .filter((_, c) =>
          ['category', 'dc:subject'].includes((c as { name?: string }).name?.toLowerCase() ?? ''),
        )
        .toArray()
        .map((c) => $(c).attr('term') ?? $(c).text().trim())
        .filter(Boolean),
      language: childText(el, ['dc:language']),
      sourceUrl: el.children('source').attr('url'),
    };
  });
  const feedLink =
    childText(channel, ['link']) ??
    channel.children('link[rel="alternate"]').attr('href') ??
    channel.children('link').attr('href');
  return {
    title: childText(channel, ['title']) ?? text($.root(), 'title'),
    link: feedLink,
    language: childText(channel, ['language', 'dc:language']) ?? $.root().children().first().attr('xml:lang'),
    entries,
  };
}

const ZONES: Record<string, string> = {
  MSK: '+0300',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  BST: '+0100',
  IST: '+0530',
  JST: '+0900',
  KST: '+0900',
  HKT: '+0800',
  SGT: '+0800',
  CST: '-0600',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  WIB: '+0700',
};

/** RFC 822 (with named zones), ISO 8601 and dc:date; no zone means UTC. */
export function parseFeedDate(value: string | undefined, now?: Date): string | undefined {
  if (!value) return undefined;
  let s = value.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  s = s.replace(/\b([A-Z]{3,4})$/, (zone) => ZONES[zone] ?? zone);
  // ISO-like without a zone: read as UTC rather than as the machine's local time.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}Z`;
  let ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    // "Mon, 23 Nov 2026 09:15:00" with an unknown zone word: drop it and read as UTC.
    ms = Date.parse(`${s.replace(/\s+[A-Za-z]+$/, '')} GMT`);
  }
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  if (now && ms > now.getTime() + 86_400_000) return undefined;
  return new Date(ms).toISOString();
}

function itemId(
  guid: string | undefined,
  link: string,
  title: string,
  published: string | undefined,
): string {
  const basis = link || (guid ? `guid:${guid}` : `title:${title}|${published ?? ''}`);
  return createHash('sha256').update(basis).digest('hex').slice(0, 20);
}

function normaliseFeed(raw: RawFeed, options: ParseFeedOptions): ParsedFeed {
  const base = absoluteOr(raw.link, options.url) ?? options.url;
  const items: ParsedFeed['items'] = [];
  for (const entry of raw.entries) {
    let title = cleanInlineText(entry.title);
    // News-search feeds append " - Publisher" to every headline; the publisher is a source, not news.
    const fromAggregator =
      Boolean(entry.sourceUrl) || (entry.link !== undefined && isAggregatorLink(entry.link.trim()));
    if (fromAggregator && / - [^-]{2,60}$/.test(title)) title = title.replace(/ - [^-]{2,60}$/, '');
    const summaryText = entry.descriptionHtml ? htmlToPlainText(entry.descriptionHtml) : '';
    const contentText = entry.contentHtml ? htmlToPlainText(entry.contentHtml).slice(0, MAX_CONTENT) : '';
    if (!title && !summaryText && !contentText) continue;
    let link = entry.link ? canonicalizeUrl(cleanInlineText(entry.link), base) : '';
    if (link)
      link = resolveAggregatorLink(link, {
        descriptionHtml: entry.descriptionHtml,
        sourceUrl: entry.sourceUrl,
      });
    if (link && !/^https?:\/\//i.test(link)) link = '';
    const guid = entry.guid?.trim() || undefined;
    const published = parseFeedDate(entry.date, options.now);
    const summary = summaryText && summaryText !== title ? truncateText(summaryText, MAX_SUMMARY) : undefined;
    const content =
      contentText && contentText.length > (summaryText?.length ?? 0) + 40 ? contentText : undefined;
    const item: Omit<FeedItem, 'source' | 'perspective'> = {
      id: itemId(guid, link, title, published),
      title: title || truncateText(summaryText || contentText, 120),
      link,
      categories: entry.categories
        .map((c) => cleanInlineText(c))
        .filter(Boolean)
        .slice(0, 20),
    };
    if (published) item.published = published;
    if (summary) item.summary = summary;
    if (content) item.content = content;
    const author = cleanInlineText(entry.author);
    if (author) item.author = author.slice(0, 200);
    const language = normaliseLanguage(entry.language ?? raw.language);
    if (language) item.language = language;
    items.push(item);
  }
  const feed: ParsedFeed = { title: cleanInlineText(raw.title) || 'Untitled feed', items };
  const link = raw.link ? canonicalizeUrl(cleanInlineText(raw.link), options.url) : undefined;
  if (link && /^https?:\/\//.test(link)) feed.link = link;
  const language = normaliseLanguage(raw.language);
  if (language) feed.language = language;
  return feed;
}

function absoluteOr(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link.trim(), base).toString();
  } catch {
    return undefined;
  }
}

function normaliseLanguage(lang: string | undefined): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_]([a-z]{2,4}))?/i.exec(lang ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}
