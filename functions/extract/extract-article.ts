/**
 * The article inside a news page: metadata (extract-metadata.ts) and the body text without
 * navigation, related links, share bars, comment widgets, cookie and newsletter boxes
 * (extract-content.ts). Pure and synchronous; never throws on broken or hostile markup, and the
 * work is bounded on huge pages: the input is capped, nesting deeper than any real page is
 * flattened before parsing (extract-guard.ts), and every walk is iterative and counted.
 */
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import type { Article } from '#domain/types.ts';
import { prepareHtml } from '#text/html-guard.ts';
import { htmlToPlainText } from '#text/html-to-text.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { extractContent } from './extract-content.ts';
import { type PageMetadata, readPageMetadata } from './extract-metadata.ts';

/** Pages beyond this are cut: no article needs more, and parsing time stays bounded. */
const MAX_HTML_CHARS = 3_000_000;

export type { PageMetadata } from './extract-metadata.ts';

/** Metadata only (title, byline, published, canonical URL, language, JSON-LD body). */
export function extractMetadata(html: string, url: string): PageMetadata {
  try {
    return readPageMetadata(parse(html), url);
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
    return readArticle(parse(html), url);
  } catch {
    // Defensive only: the walks are written not to throw, but a crawl must never stop on one page.
    return { url, title: '', text: '' };
  }
}

function readArticle(document: AnyNode, url: string): Article {
  const meta = readPageMetadata(document, url);
  let paragraphs = extractContent(document, { title: meta.title });

  // JSON-LD articleBody is the publisher's own statement of the text: it wins when ours is thin
  // (a page that renders its body with scripts, or one whose markup defeats the extractor).
  if (meta.articleBody) {
    const declared = splitParagraphs(htmlToPlainText(meta.articleBody)).filter((p) => !isBoilerplateLine(p));
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

function parse(html: string): AnyNode {
  const source = prepareHtml(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  return load(source).root()[0] as AnyNode;
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
