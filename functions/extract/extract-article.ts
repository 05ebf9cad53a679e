/**
 * The article inside a news page: metadata (extract-metadata.ts) and the body text without
 * navigation, related links, share bars, comment widgets, cookie and newsletter boxes
 * (extract-content.ts), both read from one parse of the page (markup-events.ts). Pure and
 * synchronous; never throws on broken or hostile markup, and the work is bounded on huge pages:
 * the input is capped, nesting deeper than any real page is flattened before parsing
 * (text/html-guard.ts), and the events a page yields are counted.
 */
import type { Article } from '#domain/types.ts';
import { prepareHtml } from '#text/html-guard.ts';
import { htmlToPlainText } from '#text/html-to-text.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { ContentModel, selectContent } from './extract-content.ts';
import { MetadataCollector, type PageMetadata, readPageMetadata } from './extract-metadata.ts';
import { parseMarkup } from './markup-events.ts';

/** Pages beyond this are cut: no article needs more, and parsing time stays bounded. */
const MAX_HTML_CHARS = 3_000_000;

export type { PageMetadata } from './extract-metadata.ts';

/** Metadata only (title, byline, published, canonical URL, language, JSON-LD body). */
export function extractMetadata(html: string, url: string): PageMetadata {
  try {
    const collector = new MetadataCollector();
    parseMarkup(prepare(html), [collector]);
    return readPageMetadata(collector, url);
  } catch {
    return { title: '' };
  }
}

/**
 * The article of an HTML page (already decoded to a string); `url` is the page's address, for
 * relative links. Never throws: a page that cannot be read yields an empty title and text.
 */
export function extractArticle(html: string, url: string): Article {
  try {
    return readArticle(prepare(html), url);
  } catch {
    // Defensive only: the walks are written not to throw, but a crawl must never stop on one page.
    return { url, title: '', text: '' };
  }
}

function readArticle(source: string, url: string): Article {
  const collector = new MetadataCollector();
  const strict = new ContentModel(true);
  parseMarkup(source, [strict, collector]);
  const meta = readPageMetadata(collector, url);
  let paragraphs = selectContent(
    strict,
    () => {
      const loose = new ContentModel(false);
      parseMarkup(source, [loose]);
      return loose;
    },
    { title: meta.title },
  );

  // JSON-LD articleBody is the publisher's own statement of the text: it wins when ours is thin
  // (a page that renders its body with scripts, or one whose markup defeats the extractor).
  const declared = meta.articleBody ? declaredParagraphs(meta.articleBody) : [];
  if (declared.length > 0) {
    const declaredLength = declared.reduce((n, p) => n + p.length, 0);
    const oursLength = paragraphs.reduce((n, p) => n + p.length, 0);
    if (declaredLength > 400 && declaredLength > oursLength * 1.3) paragraphs = declared;
  }

  const article: Article = { url, title: meta.title, text: paragraphs.join('\n\n') };
  if (meta.byline) article.byline = meta.byline;
  if (meta.published) article.published = meta.published;
  if (meta.canonicalUrl) article.canonicalUrl = meta.canonicalUrl;
  if (meta.language) article.language = meta.language;
  return article;
}

function prepare(html: string): string {
  return prepareHtml(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
}

/** The JSON-LD body as paragraphs without furniture; none when its markup is hostile. */
function declaredParagraphs(body: string): string[] {
  try {
    return splitParagraphs(htmlToPlainText(body)).filter((p) => !isBoilerplateLine(p));
  } catch {
    return [];
  }
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
