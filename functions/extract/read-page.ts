/**
 * A fetched page read into its article: decoded by its declared or sniffed charset, extracted, and
 * checked for paywall markup. A pure function of the bytes, so it runs the same on any thread.
 */
import type { PageReading } from '#ports/ports.ts';
import { decodeDocument } from '#text/charset.ts';
import { hasPaywallMarkup } from './boilerplate.ts';
import { extractArticle } from './extract-article.ts';

export function readPage(page: { body: Buffer; contentType?: string; url: string }): PageReading {
  const html = decodeDocument(page.body, page.contentType);
  return { article: extractArticle(html, page.url), paywall: hasPaywallMarkup(html) };
}
