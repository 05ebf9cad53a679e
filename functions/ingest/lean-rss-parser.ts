/** rss-parser as parse-feed uses it (LeanRssParser). */
import Parser from 'rss-parser';
import rssUtils from 'rss-parser/lib/utils.js';

/**
 * rss-parser with its item builders minus the outputs parse-feed never reads: the
 * `contentSnippet`s (an HTML strip and entity decode of every description and content:encoded),
 * `isoDate` (a Date per item; dates are read from the raw strings), the iTunes block and the item
 * fields tryRssParser does not read (enclosure, rights, comments, rdf:about...). Everything
 * else is rss-parser's own code path (lib/parser.js 3.13), so it throws on what it throws on: an
 * Atom entry whose published/updated date is invalid, a text field its XML writer cannot build.
 */
export class LeanRssParser extends Parser {
  private readonly copyCustomItemFields: FieldCopier;
  private readonly copyItemFields: FieldCopier;

  constructor(customItemFields: unknown[], options: ConstructorParameters<typeof Parser>[0]) {
    super({ ...options, customFields: { ...options?.customFields, item: customItemFields as never[] } });
    this.copyCustomItemFields = fieldCopier(customItemFields);
    // rss-parser's item fields with the custom ones, as buildRSS joins them, minus the snippet.
    this.copyItemFields = fieldCopier([...RSS_PARSER_ITEM_FIELDS, ...customItemFields]);
    // sax counts the line and column of every character, for error messages parse-feed discards
    // (a document rss-parser throws on goes to the lenient reader whatever the message). xml2js
    // makes a new sax parser after every document, so its reset turns the count off each time.
    // The whole document is one write, so sax's buffer-length check (which reads the position)
    // would only ever run once the document was read anyway.
    const xml = (this as unknown as { xmlParser: XmlParser }).xmlParser;
    const reset = xml.reset;
    xml.reset = function (this: XmlParser) {
      reset.call(this);
      this.saxParser.trackPosition = false;
    };
    xml.reset();
  }

  parseItemRss(xmlItem: Record<string, unknown[]>): Record<string, unknown> {
    const item: Record<string, unknown> = {};
    this.copyItemFields(xmlItem, item);
    if (xmlItem.description) item.content = rssUtils.getContent(xmlItem.description[0]);
    if (xmlItem.guid) {
      const guid = xmlItem.guid[0] as { _?: unknown };
      item.guid = guid._ ? guid._ : guid;
    }
    if (xmlItem.category) item.categories = xmlItem.category;
    return item;
  }

  parseItemAtom(entry: Record<string, unknown[]>): Record<string, unknown> {
    const item: Record<string, unknown> = {};
    this.copyCustomItemFields(entry, item);
    if (entry.title) {
      let title = (entry.title[0] || '') as { _?: unknown } | string;
      if ((title as { _?: unknown })._) title = (title as { _: string })._;
      if (title) item.title = title;
    }
    if (entry.link?.length) item.link = rssUtils.getLink(entry.link, 'alternate', 0);
    const published = entry.published?.[0] as string | undefined;
    const updated = entry.updated?.[0] as string | undefined;
    // As rss-parser: an invalid date throws (RangeError), and the document goes to the lenient reader.
    if (published?.length) item.pubDate = new Date(published).toISOString();
    if (!item.pubDate && updated?.length) item.pubDate = new Date(updated).toISOString();
    const author = entry.author?.[0] as { name?: unknown[] } | undefined;
    if (author?.name?.length) item.author = author.name[0];
    if (entry.content?.length) item.content = rssUtils.getContent(entry.content[0]);
    if (entry.summary?.length) item.summary = rssUtils.getContent(entry.summary[0]);
    if (entry.id) item.id = entry.id[0];
    return item;
  }

  decorateItunes(): void {}
}

type FieldCopier = (xml: Record<string, unknown[]>, dest: Record<string, unknown>) => void;

/**
 * rss-parser's copyFromXML (lib/utils.js) for one list of fields, read once: the same copies in
 * the same order, without the options object and the closure it makes per field and item. The
 * fields here ask for no snippet; a list that did keeps rss-parser's own function.
 */
function fieldCopier(fields: unknown[]): FieldCopier {
  const spec = fields.map((f) =>
    Array.isArray(f)
      ? { from: f[0] as string, to: f[1] as string, options: (f.length > 2 ? f[2] : {}) as FieldOptions }
      : { from: f as string, to: f as string, options: {} as FieldOptions },
  );
  if (spec.some((f) => f.options.includeSnippet))
    return (xml, dest) => rssUtils.copyFromXML(xml, dest, fields);
  const from = spec.map((f) => f.from);
  const to = spec.map((f) => f.to);
  const keepArray = spec.map((f) => Boolean(f.options.keepArray));
  return (xml, dest) => {
    for (let i = 0; i < from.length; i++) {
      const key = to[i]!;
      const value = xml[from[i]!];
      if (value !== undefined) dest[key] = keepArray[i] ? value : value[0];
      const copied = dest[key] as { _?: unknown } | undefined;
      if (copied && typeof copied._ === 'string') dest[key] = copied._;
    }
  };
}

interface FieldOptions {
  keepArray?: boolean;
  includeSnippet?: boolean;
}

/** The parts of xml2js's parser (0.5) that LeanRssParser configures. */
interface XmlParser {
  reset(): void;
  saxParser: { trackPosition: boolean };
}

/**
 * lib/fields.js's item fields, in its order, without the ones tryRssParser never reads (date,
 * language, rights, enclosure, comments; dc:creator and dc:date come again as custom fields) and
 * with content:encoded's snippet off.
 */
const RSS_PARSER_ITEM_FIELDS = [
  ['author', 'creator'],
  ['dc:creator', 'creator'],
  ['dc:source', 'source'],
  ['dc:title', 'title'],
  'title',
  'link',
  'pubDate',
  'author',
  'summary',
  'content:encoded',
];
