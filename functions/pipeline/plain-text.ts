/**
 * Markup to clean text: feed summaries and titles arrive as HTML fragments, double-escaped
 * entities and stray tags. Block elements become paragraph breaks; inline markup disappears.
 */
import { decodeHTML } from 'entities';

const BLOCK =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|figure|figcaption|pre|hr)\b[^>]*>/gi;

export function decodeEntities(text: string): string {
  let out = decodeHTML(text);
  // Feeds double-escape: "&amp;#039;" decodes to "&#039;" on the first pass.
  if (/&(#\d+|#x[0-9a-f]+|[a-z]{2,8});/i.test(out)) out = decodeHTML(out);
  return out;
}

export function htmlToPlainText(html: string): string {
  if (!html) return '';
  let text = html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(script|style|noscript|iframe|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK, '\n\n')
    .replace(/<[^>]+>/g, ' ');
  // Entity-escaped markup (&lt;p&gt;) shows up in some feeds: decode, then strip once more.
  text = decodeEntities(text);
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    text = text.replace(BLOCK, '\n\n').replace(/<[^>]+>/g, ' ');
  }
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v\u200b]+/g, ' ')
    .split(/\n\s*\n+/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** One line of clean text: for titles, authors, names. */
export function cleanInlineText(text: string | undefined): string {
  if (!text) return '';
  return htmlToPlainText(text).replace(/\s+/g, ' ').trim();
}

/** Shortens at a word boundary with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
