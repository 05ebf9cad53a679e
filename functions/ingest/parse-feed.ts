/**
 * Any feed document to one ParsedFeed: RSS 0.9x, 1.0 (RDF), 2.0, Atom 0.3/1.0, CDF and JSON
 * Feed 1.x. Bytes are decoded first (decode-text). XML goes to rss-parser; a document it throws
 * on or finds nothing in (versionless <rss>, <rss> without <channel>, undefined entities, broken
 * markup, prefixed vocabularies) is read by a forgiving pass over htmlparser2's DOM, which also
 * fills what rss-parser's entries lack (Atom xhtml and base64 text, xml:base, links given only by
 * a permalink GUID). DOCTYPEs are removed before either parser sees the document, so no entity
 * from a DTD is ever expanded.
 */
import { hash } from 'node:crypto';
import { load } from 'cheerio/slim';
import { NestingTooDeepError, NotAFeedError } from '#domain/errors.ts';
import type { ParsedFeed } from '#domain/types.ts';
import { LeanRssParser } from '#ingest/lean-rss-parser.ts';
import { decodeBytes } from '#text/charset.ts';
import { parseDate } from '#text/dates.ts';
import { exceedsXmlNesting, MAX_NESTING } from '#text/html-guard.ts';
import { cleanInlineText, htmlToPlainText, truncateText } from '#text/html-to-text.ts';
import { normaliseLanguage } from '#text/language.ts';
import { stripSiteName } from '#text/titles.ts';
import { canonicalizeUrl, isAggregatorLink, resolveAggregatorLink } from '#text/urls.ts';

export const MAX_ITEMS_PER_FEED = 5000;
const MAX_SUMMARY = 1000;
const MAX_CONTENT = 100_000;

export interface ParseFeedOptions {
  /** The HTTP Content-Type, for its charset. */
  contentType?: string;
  /** The feed's address: the base for relative links, and part of the id of items with local GUIDs. */
  url?: string;
  /** Dates more than a day after this are treated as missing. */
  now?: Date;
}

type ParsedItem = ParsedFeed['items'][number];

/** Text as a feed carried it: HTML (the default of every format) or plain text (Atom type="text"). */
interface RawText {
  value: string;
  html: boolean;
}

/** One entry as read from any format, before normalisation. */
interface RawEntry {
  title?: RawText;
  link?: string;
  /** The publisher's URL behind a tracking redirect (feedburner:origLink). */
  origLink?: string;
  guid?: string;
  /** A GUID that RSS says is the item's permalink (the default). */
  guidIsLink?: boolean;
  date?: string;
  description?: RawText;
  content?: RawText;
  author?: string;
  categories: string[];
  language?: string;
  /** <source url> of news-search items: the publisher's site. */
  sourceUrl?: string;
  /** <source> text of news-search items: the publisher's name. */
  sourceName?: string;
  /** xml:base in scope, already absolute. */
  base?: string;
}

interface RawFeed {
  title?: RawText;
  link?: string;
  language?: string;
  entries: RawEntry[];
}

export async function parseFeed(body: Buffer | string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  // Only a web address can be a base for links (a javascript: Content-Location is not).
  if (options.url && !/^https?:\/\//i.test(options.url)) options = { ...options, url: undefined };
  // Text fields are repaired of mojibake as they are cleaned (html-to-text.ts), so the bytes are only decoded.
  const decoded = typeof body === 'string' ? body : decodeBytes(body, options.contentType);
  const text = decoded.replace(/^\ufeff/, '').trim();
  if (!text) throw new NotAFeedError('not a feed: empty document');
  const raw =
    text.startsWith('{') || text.startsWith('[')
      ? readJsonFeed(text)
      : await readXmlFeed(text, options.url, untrimmedXml(decoded, text));
  return normaliseFeed(raw, options);
}

function readJsonFeed(text: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new NotAFeedError('not a feed: invalid JSON');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new NotAFeedError('not a feed: JSON that is not an object');
  const feed = doc as Record<string, unknown>;
  const version = typeof feed.version === 'string' ? feed.version : '';
  if (version && !/jsonfeed\.org\/version\/1/i.test(version))
    throw new NotAFeedError(`not a feed: unknown JSON Feed version ${version.slice(0, 60)}`);
  if (!Array.isArray(feed.items)) throw new NotAFeedError('not a feed: JSON without an items array');
  // Without a version, the items must at least look like JSON Feed items.
  const looksLikeItem = (i: unknown) =>
    !!i &&
    typeof i === 'object' &&
    ['url', 'content_html', 'content_text', 'date_published'].some((k) => k in i);
  if (!version && feed.items.length > 0 && !feed.items.some(looksLikeItem))
    throw new NotAFeedError('not a feed: JSON that is not a JSON Feed');
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const html = (v: unknown) => (str(v) === undefined ? undefined : { value: v as string, html: true });
  const plain = (v: unknown) => (str(v) === undefined ? undefined : { value: v as string, html: false });
  const authorName = (v: unknown) => str((v as { name?: unknown } | null | undefined)?.name);
  const items = (feed.items as unknown[]).filter(
    (i): i is Record<string, unknown> => !!i && typeof i === 'object' && !Array.isArray(i),
  );
  return {
    title: plain(feed.title),
    link: str(feed.home_page_url),
    language: str(feed.language),
    entries: items.slice(0, MAX_ITEMS_PER_FEED).map((item) => ({
      title: plain(item.title),
      link: str(item.url) ?? str(item.external_url),
      guid: typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : undefined,
      date: str(item.date_published) ?? str(item.date_modified),
      description: plain(item.summary),
      content: html(item.content_html) ?? plain(item.content_text),
      author:
        authorName((item.authors as unknown[] | undefined)?.[0]) ??
        authorName(item.author) ??
        authorName((feed.authors as unknown[] | undefined)?.[0]) ??
        authorName(feed.author),
      categories: Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [],
      language: str(item.language),
    })),
  };
}

/**
 * Removes the DOCTYPE (with its internal subset) from the prolog, so no entity can ever be
 * declared, and returns the name of the root element. A plain scan rather than a regular
 * expression: a hostile subset must not cost more than one pass. Text after the root element is
 * left alone (a CDATA section may well say "<!DOCTYPE").
 */
export function stripDoctype(xml: string): { xml: string; root?: string } {
  let out = xml;
  let i = 0;
  for (let guard = 0; guard < 1000; guard++) {
    while (i < out.length && /\s/.test(out[i]!)) i++;
    if (out.startsWith('<?', i)) {
      const end = out.indexOf('?>', i);
      i = end < 0 ? out.length : end + 2;
    } else if (out.startsWith('<!--', i)) {
      const end = out.indexOf('-->', i);
      i = end < 0 ? out.length : end + 3;
    } else if (/^<!DOCTYPE/i.test(out.slice(i, i + 9))) {
      const close = out.indexOf('>', i);
      const bracket = out.indexOf('[', i);
      let end: number;
      if (bracket >= 0 && (close < 0 || bracket < close)) {
        const subsetEnd = /\]\s*>/g;
        subsetEnd.lastIndex = bracket;
        const m = subsetEnd.exec(out);
        end = m ? m.index + m[0].length : out.length;
      } else {
        end = close < 0 ? out.length : close + 1;
      }
      out = out.slice(0, i) + out.slice(end);
    } else {
      break;
    }
  }
  // Junk before the root (a stray byte, a server banner) is skipped as lenient readers do.
  const root = /<([A-Za-z_][\w.:-]*)/.exec(out.slice(i))?.[1];
  return { xml: out, root };
}

/** Local names of the root elements of the formats read here (CDF's <CHANNEL> included). */
const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

const isXmlSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The decoded document itself when trimming it removed only XML whitespace (space, tab, CR, LF),
 * which rss-parser's XML parser skips before and after the root element anyway. The trimmed string
 * is a slice of it, and the XML parser, which reads the document one character at a time, reads a
 * slice about 7% slower than the string it was cut from.
 */
function untrimmedXml(decoded: string, trimmed: string): string | undefined {
  if (decoded.length === trimmed.length) return undefined;
  let start = 0;
  while (start < decoded.length && isXmlSpace(decoded.charCodeAt(start))) start++;
  let end = decoded.length;
  while (end > start && isXmlSpace(decoded.charCodeAt(end - 1))) end--;
  return end - start === trimmed.length ? decoded : undefined;
}

async function readXmlFeed(text: string, url: string | undefined, untrimmed?: string): Promise<RawFeed> {
  const stripped = stripDoctype(text);
  let xml = capEntries(stripped.xml);
  const root = stripped.root;
  if (!root) throw new NotAFeedError('not a feed: no XML root element');
  const [prefix, local] = root.includes(':') ? root.split(':', 2) : [undefined, root];
  if (!FEED_ROOTS.has((local ?? '').toLowerCase()))
    throw new NotAFeedError(`not a feed: root element <${root}>`);
  // Parsers spend time in proportion to the depth on every tag: a hostile feed is refused first.
  if (exceedsXmlNesting(xml)) throw new NestingTooDeepError(MAX_NESTING);
  // rss-parser knows the vocabularies only by their usual spelling: <r:rss> is read as <rss>.
  if (prefix && local !== 'RDF') xml = xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
  // rss-parser ignores xml:base: those documents go to the lenient reader alone, as do the ones
  // rss-parser throws on, finds nothing in or flattens text in (base64, child elements), and the
  // ones where it leaves a field empty that the lenient reader can fill: decided from its result
  // and the document's element names, never by reading the document twice to compare.
  // (":base" first: V8 finds a short pattern in a two-byte string four times faster than "xml:base".)
  const lenientOnly = xml.includes(':base') && XML_BASE.test(xml);
  // The same characters as `xml` but for XML whitespace around the root (untrimmedXml).
  const forRssParser = untrimmed !== undefined && xml === text ? untrimmed : xml;
  const strict = lenientOnly ? undefined : await tryRssParser(forRssParser);
  if (strict && strict.entries.length > 0 && !leavesFillableGaps(strict, xml)) {
    if (!strict.language) strict.language = ROOT_LANG.exec(xml.slice(0, 4096))?.[1];
    return strict;
  }
  return readLenient(xml, url);
}

const XML_BASE = /\bxml:base\s*=/;

/** xml:lang on the root element, which rss-parser does not report. */
const ROOT_LANG = /<(?:[\w-]+:)?(?:feed|rss|rdf|channel)\b[^>]*\bxml:lang\s*=\s*["']([^"']+)["']/i;

/**
 * Where the lenient reader finds each field besides the names rss-parser maps: elements it reads
 * under other vocabularies, attributes, and names spelled with capitals (CDF, hand-made feeds).
 */
const OTHER_NAMES = {
  title: /<[\w-]+:(?:title|group)\b/i,
  link: /<(?:[\w-]+:)?link\b[^>]*(?:\bhref\s*=|>\s*[^<\s])|<(?:[\w-]+:)?(?:item|entry)\b[^>]*\b(?:href|rdf:about)\s*=/i,
  date: /<[\w-]+:(?:date|issued|created|modified|published|updated)\b|\blastmod\s*=/i,
  text: /<(?:[\w-]+:)?(?:abstract|body|fullitem)\b|<[\w-]+:(?:description|summary)\b/i,
  capitals: /<\/?(?:[\w-]+:)?[A-Z]/,
};

/**
 * Whether rss-parser left a field empty (an entry without title or link, a feed with no title, no
 * dated entry or no entry with text) that the document carries under a name the lenient reader knows.
 */
function leavesFillableGaps(feed: RawFeed, xml: string): boolean {
  const noTitle = !feed.title || feed.entries.some((e) => !e.title);
  const noLink = feed.entries.some((e) => !e.link);
  const noDate = feed.entries.every((e) => !e.date);
  const noText = feed.entries.every((e) => !e.description && !e.content);
  if (!noTitle && !noLink && !noDate && !noText) return false;
  return (
    OTHER_NAMES.capitals.test(xml) ||
    (noTitle && OTHER_NAMES.title.test(xml)) ||
    (noLink && OTHER_NAMES.link.test(xml)) ||
    (noDate && OTHER_NAMES.date.test(xml)) ||
    (noText && OTHER_NAMES.text.test(xml))
  );
}

function isBinaryType(type: string): boolean {
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) && !/^text\/|html|xhtml|[+/]xml$/.test(type);
}

/**
 * Removes the entries after the first MAX_ITEMS_PER_FEED before any parser sees them, so a feed of
 * 100,000 items costs what one of 5,000 does. The document stays well-formed when entries are
 * siblings, as they are in every format.
 */
export function capEntries(xml: string): string {
  // An entry takes a dozen characters at least: a shorter document cannot hold too many.
  if (xml.length < 12 * MAX_ITEMS_PER_FEED) return xml;
  // Every entry starts with its own "<": a document with no more of them than the cap is under it.
  let angles = 0;
  for (let at = xml.indexOf('<'); at !== -1 && angles <= MAX_ITEMS_PER_FEED; at = xml.indexOf('<', at + 1))
    angles++;
  if (angles <= MAX_ITEMS_PER_FEED) return xml;
  const start = /<(?:[\w-]+:)?(?:item|entry)[\s>/]/gi;
  let count = 0;
  let m = start.exec(xml);
  for (; m; m = start.exec(xml)) if (++count > MAX_ITEMS_PER_FEED) break;
  if (!m) return xml;
  const cut = m.index;
  // The end of the last entry: plain closing tags are found from the end; prefixed ones by a scan.
  let last = Math.max(...['</item>', '</entry>', '</ITEM>'].map((t) => xml.lastIndexOf(t) + t.length));
  if (last <= cut) {
    const end = /<\/(?:[\w-]+:)?(?:item|entry)\s*>/gi;
    end.lastIndex = cut;
    for (let e = end.exec(xml); e; e = end.exec(xml)) last = e.index + e[0].length;
  }
  return last > cut ? xml.slice(0, cut) + xml.slice(last) : xml.slice(0, cut);
}

/**
 * The raw xml2js nodes of the text fields, beside rss-parser's mapping, which flattens them: a
 * node with child elements (XHTML, unescaped markup) or in base64 is text rss-parser cannot give.
 */
const RAW_TEXT_FIELDS = ['title', 'description', 'summary', 'content'].map((name) => [
  name,
  `raw:${name}`,
  { keepArray: true },
]);

/** The fields parse-feed reads besides rss-parser's own. */
export const RSS_PARSER_CUSTOM_FIELDS = {
  feed: ['language', 'dc:language', ['title', 'raw:title', { keepArray: true }]],
  item: [
    ...RAW_TEXT_FIELDS,
    'content:encoded',
    'dc:creator',
    'dc:author',
    'itunes:author',
    'dc:date',
    'dc:language',
    'source',
    'published',
    'updated',
    'issued',
    'modified',
    'created',
    'feedburner:origLink',
    ['dc:subject', 'dc:subject', { keepArray: true }],
  ],
};

const rssParser = new LeanRssParser(RSS_PARSER_CUSTOM_FIELDS.item, {
  customFields: { feed: RSS_PARSER_CUSTOM_FIELDS.feed as never[] },
});

/** A string field of xml2js's output; text with attributes arrives as { _, $ }. */
function xmlString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { _?: unknown; $?: Record<string, unknown> };
    // Mixed content (text with child elements) is flattened by xml2js and loses its elements.
    if (hasChildElements(o)) return undefined;
    if (typeof o._ === 'string' && o._.trim()) {
      // Atom 0.3 could base64-encode text; rss-parser hands it over as it is.
      if (o.$?.mode === 'base64') return undefined;
      return o._;
    }
  }
  return undefined;
}

/** Whether an xml2js node has keys besides its text (_) and attributes ($): child elements. */
function hasChildElements(node: object): boolean {
  // A loop over the keys, not Object.keys(node): no array per node.
  for (const key in node) if (key !== '_' && key !== '$' && Object.hasOwn(node, key)) return true;
  return false;
}

/** Text of an xml2js field: HTML unless the element says type="text". */
function xmlText(v: unknown): RawText | undefined {
  const value = xmlString(v);
  if (value === undefined) return undefined;
  const type = (v as { $?: { type?: unknown } } | undefined)?.$?.type;
  return { value, html: !(typeof type === 'string' && /^(text|text\/plain)$/i.test(type)) };
}

type XmlItem = Record<string, unknown> & { categories?: unknown[] };

/** Whether a text field of this feed or entry came as child elements or base64, which rss-parser flattens. */
function losesText(fields: Record<string, unknown>): boolean {
  for (const [, raw] of RAW_TEXT_FIELDS) {
    const nodes = fields[raw as string];
    if (!Array.isArray(nodes)) continue;
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const o = node as { $?: { mode?: unknown; type?: unknown } };
      if (hasChildElements(o)) return true;
      if (o.$?.mode === 'base64' || (typeof o.$?.type === 'string' && isBinaryType(o.$.type))) return true;
    }
  }
  return false;
}

async function tryRssParser(xml: string): Promise<RawFeed | undefined> {
  let feed: Record<string, unknown> & { items?: XmlItem[] };
  try {
    feed = (await rssParser.parseString(xml)) as typeof feed;
  } catch {
    return undefined;
  }
  // Text rss-parser flattened is not text at all: the lenient reader reads the document instead.
  if (losesText(feed) || feed.items?.some(losesText)) return undefined;
  return {
    title: xmlText(feed.title),
    link: xmlString(feed.link),
    language: xmlString(feed.language) ?? xmlString(feed['dc:language']),
    entries: (feed.items ?? []).slice(0, MAX_ITEMS_PER_FEED).map((item) => {
      const source = item.source as { $?: { url?: unknown } } | undefined;
      const guid = item.guid as { $?: { isPermaLink?: unknown } } | string | undefined;
      return {
        title: xmlText(item.title),
        link: xmlString(item.link),
        origLink: xmlString(item['feedburner:origLink']),
        guid: xmlString(item.guid) ?? xmlString(item.id),
        guidIsLink: typeof guid === 'string' || guid?.$?.isPermaLink !== 'false',
        // Raw strings, not rss-parser's isoDate: it reads zone-less dates in the machine's zone.
        // (For Atom, rss-parser's pubDate is its own conversion of published/updated.)
        date:
          xmlString(item.published) ??
          xmlString(item.issued) ??
          (item.updated || item.modified ? undefined : xmlString(item.pubDate)) ??
          xmlString(item['dc:date']) ??
          xmlString(item.created) ??
          xmlString(item.updated) ??
          xmlString(item.modified),
        // RSS description arrives as `content`; Atom keeps summary and content apart.
        description: item.summary !== undefined ? xmlText(item.summary) : xmlText(item.content),
        content:
          xmlText(item['content:encoded']) ??
          (item.summary !== undefined ? xmlText(item.content) : undefined),
        author:
          xmlString(item.creator) ??
          xmlString(item['dc:creator']) ??
          xmlString(item.author) ??
          xmlString(item['dc:author']) ??
          xmlString(item['itunes:author']),
        categories:
          item.categories == null && item['dc:subject'] == null
            ? []
            : [...(item.categories ?? []), ...((item['dc:subject'] as unknown[] | undefined) ?? [])]
                .map((c) => xmlString(c) ?? '')
                .filter(Boolean),
        language: xmlString(item['dc:language']),
        sourceUrl: typeof source?.$?.url === 'string' ? source.$.url : undefined,
        sourceName: xmlString(source),
      };
    }),
  };
}

/** The shape of htmlparser2's nodes this module reads. */
interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

const ATOM_NAMESPACES = new Set(['http://www.w3.org/2005/atom', 'http://purl.org/atom/ns#']);
const RSS_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://channel.netscape.com/rdf/simple/0.9/',
]);
const KNOWN_PREFIXES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};

/**
 * Names elements by vocabulary rather than by the prefix a document happened to use:
 * `<rss1:item>` is `item`, `<atom:link>` inside RSS is `atom:link`, `<foo:creator>` bound to
 * Dublin Core is `dc:creator`. Names are lower-cased (CDF writes <TITLE>).
 */
function nameElements(root: XmlNode, atomIsCore: boolean): Map<XmlNode, string> {
  const names = new Map<XmlNode, string>();
  const stack: { node: XmlNode; scope: Record<string, string> }[] = [{ node: root, scope: {} }];
  while (stack.length) {
    const { node, scope: outer } = stack.pop()!;
    let scope = outer;
    if (node.attribs) {
      for (const [attr, value] of Object.entries(node.attribs)) {
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
          if (scope === outer) scope = { ...outer };
          scope[attr === 'xmlns' ? '' : attr.slice(6)] = value.trim().toLowerCase();
        }
      }
    }
    if (node.name) {
      const raw = node.name.toLowerCase();
      const colon = raw.indexOf(':');
      const prefix = colon < 0 ? '' : raw.slice(0, colon);
      const local = colon < 0 ? raw : raw.slice(colon + 1);
      const ns = scope[prefix];
      let vocabulary: string;
      if (ns === undefined) vocabulary = prefix;
      else if (ATOM_NAMESPACES.has(ns)) vocabulary = atomIsCore ? '' : 'atom';
      else if (RSS_NAMESPACES.has(ns)) vocabulary = '';
      else vocabulary = KNOWN_PREFIXES[ns] ?? (prefix === '' ? '' : prefix);
      names.set(node, vocabulary ? `${vocabulary}:${local}` : local);
    }
    for (const child of node.children ?? [])
      if (child.type === 'tag' || child.children) stack.push({ node: child, scope });
  }
  return names;
}

function textContent(node: XmlNode): string {
  const out: string[] = [];
  const stack: XmlNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data ?? '');
    else if (n.type !== 'comment' && n.children)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.join('');
}

function attr(node: XmlNode, name: string): string | undefined {
  const attribs = node.attribs ?? {};
  const value = attribs[name] ?? Object.entries(attribs).find(([k]) => k.toLowerCase() === name)?.[1];
  return value?.trim() || undefined;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).toString();
  } catch {
    return base ? undefined : href;
  }
}

function readLenient(xml: string, documentUrl: string | undefined): RawFeed {
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: true, recognizeCDATA: true } });
  const doc = $.root()[0] as unknown as XmlNode;
  const rootNode = (doc.children ?? []).find((n) => n.type === 'tag');
  if (!rootNode) return { entries: [] };
  const rootName = rootNode.name!.toLowerCase().replace(/^.*:/, '');
  const names = nameElements(doc, rootName === 'feed');
  const nameOf = (n: XmlNode) => names.get(n) ?? '';
  const elements = (n: XmlNode) => (n.children ?? []).filter((c) => c.type === 'tag');
  const first = (n: XmlNode, keys: string[]) => {
    const kids = elements(n);
    for (const key of keys) {
      const found = kids.find((c) => nameOf(c) === key);
      if (found) return found;
    }
    return undefined;
  };
  const serialise = (nodes: XmlNode[]): string | undefined => {
    try {
      return $.xml(nodes as never);
    } catch {
      // Pathologically deep markup: fall back to its text.
      return undefined;
    }
  };
  const readText = (n: XmlNode | undefined): RawText | undefined => {
    if (!n) return undefined;
    const type = attr(n, 'type')?.toLowerCase() ?? '';
    const mode = attr(n, 'mode')?.toLowerCase();
    const kids = n.children ?? [];
    let value: string;
    if (mode === 'base64' || isBinaryType(type))
      value = Buffer.from(textContent(n).replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (kids.some((c) => c.type === 'tag')) value = serialise(kids) ?? textContent(n);
    else value = textContent(n);
    if (!value.trim()) return undefined;
    return {
      value,
      html: !/^(text|text\/plain)$/.test(type) && !(isBinaryType(type) && !/<[a-z]/i.test(value)),
    };
  };
  const childText = (n: XmlNode, keys: string[]) => {
    const found = first(n, keys);
    const value = found ? textContent(found).trim() : '';
    return value || undefined;
  };
  const atomLink = (n: XmlNode, base: string | undefined): string | undefined => {
    const links = elements(n).filter((c) => nameOf(c) === 'link' && attr(c, 'href'));
    const rel = (c: XmlNode) => attr(c, 'rel')?.toLowerCase() ?? 'alternate';
    const alternate = links.filter((c) => rel(c) === 'alternate');
    const chosen =
      alternate.find((c) => /html/i.test(attr(c, 'type') ?? 'text/html')) ??
      alternate[0] ??
      links.find((c) => !/^(self|edit|enclosure|replies|license|hub|next|previous|first|last)$/.test(rel(c)));
    return chosen ? resolveUrl(attr(chosen, 'href'), base) : undefined;
  };

  // Walk the document once: xml:base in scope, the channel, and every item/entry (not nested ones).
  const entryNodes: { node: XmlNode; base: string | undefined }[] = [];
  let channel: XmlNode | undefined;
  let channelBase = documentUrl;
  const stack: { node: XmlNode; base: string | undefined }[] = [{ node: rootNode, base: documentUrl }];
  while (stack.length && entryNodes.length < MAX_ITEMS_PER_FEED) {
    const { node, base: outer } = stack.pop()!;
    const xmlBase = attr(node, 'xml:base') ?? attr(node, 'base');
    const base = xmlBase ? (resolveUrl(xmlBase, outer) ?? outer) : outer;
    const key = nameOf(node);
    if (key === 'item' || key === 'entry') {
      entryNodes.push({ node, base });
      continue;
    }
    if (key === 'channel' && !channel) {
      channel = node;
      channelBase = base;
    }
    // Atom <source> and RSS <image>/<textinput> describe other things than entries.
    if (key === 'source' || key === 'image' || key === 'textinput') continue;
    const kids = elements(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, base });
  }
  const head = rootName === 'feed' || !channel ? rootNode : channel;
  const headBase =
    head === rootNode ? (resolveUrl(attr(rootNode, 'xml:base'), documentUrl) ?? documentUrl) : channelBase;

  const entries = entryNodes.map(({ node, base }): RawEntry => {
    const linkEl = first(node, ['link']);
    const rssLink = linkEl && !attr(linkEl, 'href') ? textContent(linkEl).trim() : undefined;
    const guidEl = first(node, ['guid', 'id']);
    const authorEl = first(node, ['author', 'dc:creator', 'dc:author', 'itunes:author', 'creator']);
    const authorName = authorEl ? first(authorEl, ['name']) : undefined;
    const mediaGroup = first(node, ['media:group']);
    const sourceEl = first(node, ['source']);
    return {
      title:
        readText(first(node, ['title', 'dc:title', 'media:title', 'itunes:title'])) ??
        (mediaGroup ? readText(first(mediaGroup, ['media:title'])) : undefined),
      // An RSS 1.0 item is its rdf:about URI when it names no link (as rss-parser reads it).
      link:
        resolveUrl(rssLink, base) ??
        atomLink(node, base) ??
        resolveUrl(attr(node, 'href'), base) ??
        resolveUrl(attr(node, 'rdf:about'), base),
      origLink: childText(node, ['feedburner:origlink']),
      guid: (guidEl ? textContent(guidEl).trim() : undefined) || attr(node, 'rdf:about'),
      guidIsLink:
        guidEl !== undefined && nameOf(guidEl) === 'guid' && attr(guidEl, 'ispermalink') !== 'false',
      date:
        childText(node, [
          'pubdate',
          'published',
          'issued',
          'dc:date',
          'dcterms:issued',
          'dcterms:created',
          'created',
          'atom:published',
          'updated',
          'modified',
          'dcterms:modified',
          'atom:updated',
        ]) ?? attr(node, 'lastmod'),
      description:
        readText(
          first(node, [
            'description',
            'summary',
            'dc:description',
            'abstract',
            'itunes:summary',
            'media:description',
          ]),
        ) ?? (mediaGroup ? readText(first(mediaGroup, ['media:description'])) : undefined),
      content: readText(first(node, ['content:encoded', 'content', 'xhtml:body', 'body', 'fullitem'])),
      author: authorEl
        ? (authorName ? textContent(authorName) : textContent(authorEl)).trim() || undefined
        : undefined,
      categories: elements(node)
        .filter((c) => nameOf(c) === 'category' || nameOf(c) === 'dc:subject')
        .map((c) => attr(c, 'term') ?? textContent(c).trim())
        .filter(Boolean),
      language: attr(node, 'xml:lang') ?? childText(node, ['dc:language', 'language']),
      sourceUrl: sourceEl ? attr(sourceEl, 'url') : undefined,
      sourceName:
        sourceEl && !first(sourceEl, ['title']) ? textContent(sourceEl).trim() || undefined : undefined,
      base,
    };
  });
  const headLink = first(head, ['link']);
  return {
    title: readText(first(head, ['title', 'dc:title'])),
    link:
      (headLink && !attr(headLink, 'href')
        ? resolveUrl(textContent(headLink).trim(), headBase)
        : undefined) ??
      atomLink(head, headBase) ??
      resolveUrl(attr(head, 'href'), headBase),
    language:
      attr(head, 'xml:lang') ?? childText(head, ['language', 'dc:language']) ?? attr(rootNode, 'xml:lang'),
    entries,
  };
}

function plainText(text: RawText | undefined): string {
  if (!text) return '';
  // Plain text (Atom type="text", JSON Feed's content_text) is escaped so that "<" stays a character.
  return htmlToPlainText(
    text.html ? text.value : text.value.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;'),
  );
}

function inlineText(text: RawText | undefined): string {
  return text?.html ? cleanInlineText(text.value) : plainText(text).replace(/\s+/g, ' ').trim();
}

/** What httpUrl cleans from a link before reading it: an escaped "&" or whitespace. */
const ESCAPED_OR_SPACE = /&amp;|\s/i;

function httpUrl(url: string | undefined, base: string | undefined, escaped?: boolean): string {
  // Only the escaping feeds double up is undone: HTML's legacy entities would eat "&not=" or "&copy=".
  const clean =
    url && (escaped ?? ESCAPED_OR_SPACE.test(url)) ? url.replace(/&amp;/gi, '&').replace(/\s+/g, '') : url;
  if (!clean) return '';
  const link = canonicalizeUrl(clean, base);
  return /^https?:\/\/[^/]/i.test(link) ? link : '';
}

/** GUIDs that name themselves globally (URLs, URNs, tag: URIs, long opaque keys). */
function isGlobalGuid(guid: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(guid) || (guid.length >= 24 && /[a-z]/i.test(guid) && /\d/.test(guid));
}

/**
 * Stable id: the GUID (scoped to the feed when it is only locally unique, like "12345"), else the
 * canonical link, else title and date. A GUID that is a URL counts as that URL in canonical form,
 * so the same article reached by GUID in one feed and by link in another gets one id.
 */
function itemId(
  guid: string | undefined,
  link: string,
  title: string,
  published: string | undefined,
  feedKey: string,
  guidIsTheLink: boolean,
): string {
  let basis: string;
  if (guid && /^https?:\/\//i.test(guid)) basis = `url:${guidIsTheLink ? link : canonicalizeUrl(guid)}`;
  else if (guid) basis = isGlobalGuid(guid) ? `guid:${guid}` : `guid:${feedKey}|${guid}`;
  else if (link) basis = `url:${link}`;
  else basis = `text:${feedKey}|${title}|${published ?? ''}`;
  return hash('sha256', basis, 'hex').slice(0, 20);
}

/** The headline without its " - Publisher" tail (the named publisher when known, else any short tail). */
function stripPublisher(text: string, publisher: string): string {
  return stripSiteName(text, publisher ? { names: [publisher] } : { anyTail: true });
}

function normaliseFeed(raw: RawFeed, options: ParseFeedOptions): ParsedFeed {
  const feedLink = httpUrl(raw.link, options.url);
  const feedBase = options.url ?? (feedLink || undefined);
  const feedKey = options.url ?? (feedLink || inlineText(raw.title));
  const feedLanguage = normaliseLanguage(raw.language);
  const items: ParsedItem[] = [];
  for (const entry of raw.entries) {
    const base = entry.base ?? feedBase;
    // Asked once of the link: the GUID test below asks it again when the GUID is the link.
    const linkEscaped = entry.link !== undefined && ESCAPED_OR_SPACE.test(entry.link);
    let link = httpUrl(entry.origLink, base) || httpUrl(entry.link, base, linkEscaped);
    const guid = entry.guid?.trim() || undefined;
    if (!link && guid && entry.guidIsLink && /^https?:\/\//i.test(guid)) link = httpUrl(guid, base);
    const rawLink = link;
    // Asked once: resolveAggregatorLink returns any other link as it is.
    const aggregatorLink = isAggregatorLink(rawLink);
    if (aggregatorLink)
      link = resolveAggregatorLink(link, {
        descriptionHtml: entry.description?.value,
        sourceUrl: entry.sourceUrl,
      });
    let title = inlineText(entry.title);
    const fromAggregator = Boolean(entry.sourceUrl) || aggregatorLink;
    const publisher = entry.sourceName ? cleanInlineText(entry.sourceName) : '';
    if (fromAggregator) title = stripPublisher(title, publisher);
    const descriptionText = plainText(entry.description);
    let summaryText = descriptionText;
    // A news-search description is the headline and the publisher again: no summary at all.
    if (
      fromAggregator &&
      stripPublisher(summaryText.replace(/\s+/g, ' ').replace(title, '').trim(), publisher).length < 20
    ) {
      summaryText = '';
    }
    // Feeds often repeat the description as the content: it is cleaned once.
    const sameText =
      entry.content !== undefined &&
      entry.content.value === entry.description?.value &&
      entry.content.html === entry.description.html;
    const contentText = (sameText ? descriptionText : plainText(entry.content)).slice(0, MAX_CONTENT);
    if (!title && !summaryText && !contentText && !link) continue;
    const published = parseDate(entry.date, options.now);
    // A GUID written as the link itself has the link's canonical form: no second parse.
    const guidIsTheLink =
      guid !== undefined &&
      guid === entry.link &&
      link === rawLink &&
      !entry.origLink &&
      !linkEscaped &&
      /^https?:\/\//i.test(guid);
    const item: ParsedItem = {
      id: itemId(guid, link, title, published, feedKey, guidIsTheLink),
      title: title || truncateText((summaryText || contentText).replace(/\s+/g, ' '), 120),
      link,
      categories:
        entry.categories.length === 0
          ? []
          : [...new Set(entry.categories.map((c) => cleanInlineText(c)).filter(Boolean))].slice(0, 20),
    };
    if (published) item.published = published;
    // The summary falls back to the start of the full text; a summary that only repeats the title says nothing.
    const summary = summaryText || contentText;
    if (summary && summary !== item.title) item.summary = truncateText(summary, MAX_SUMMARY);
    if (contentText && contentText !== summaryText && contentText.length > (item.summary?.length ?? 0)) {
      item.content = contentText;
    }
    const author = cleanInlineText(entry.author);
    if (author) item.author = author.slice(0, 200);
    const language = normaliseLanguage(entry.language) ?? feedLanguage;
    if (language) item.language = language;
    items.push(item);
  }
  const feed: ParsedFeed = { title: inlineText(raw.title) || 'Untitled feed', items };
  if (feedLink) feed.link = feedLink;
  if (feedLanguage) feed.language = feedLanguage;
  return feed;
}
