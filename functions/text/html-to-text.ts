/**
 * Markup to clean text. Feed titles and summaries arrive as HTML fragments, entity-escaped
 * markup, double-escaped entities (`&amp;#039;`) and stray tags; readers need plain text.
 * The fragment is parsed with htmlparser2 (through cheerio/slim), so unclosed comments, scripts
 * and odd nesting end where a browser would end them; entities are decoded by `entities`.
 */
import { load } from 'cheerio/slim';
import { decodeHTML } from 'entities';
import { repairMojibake } from './charset.ts';

/** The shape of htmlparser2's nodes this module reads. */
interface MarkupNode {
  type: string;
  name?: string;
  data?: string;
  children?: MarkupNode[];
}

/**
 * Elements whose content is never reading matter, in a feed's fragment or an article page:
 * scripts and styles, frames and embeds, templates, document metadata, form controls. The
 * fallback content of <object>, <video> or <canvas> is text for a reader without them.
 */
export const NON_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
]);

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'main',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'address',
  'details',
  'summary',
  'form',
  'fieldset',
  'center',
  'body',
  'html',
]);

/** Inline elements that sit inside words ("wo<b>r</b>d"); every other element separates words. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'blink',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const PARAGRAPH = '\u2029';
const LINE = '\u2028';

/** Appends the visible text of `nodes` to `out`; iterative, so any depth of nesting is safe. */
function collect(nodes: MarkupNode[] | undefined, out: string[]): void {
  // The stack holds nodes to visit and the separators to emit after an element's children.
  const stack: (MarkupNode | string)[] = [...(nodes ?? [])].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.type === 'text') {
      out.push(node.data ?? '');
      continue;
    }
    const name = node.name?.toLowerCase();
    if (node.type === 'cdata') {
      for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!);
      continue;
    }
    if (!name || node.type === 'comment' || node.type === 'directive' || NON_TEXT_ELEMENTS.has(name))
      continue;
    if (name === 'br') {
      out.push(LINE);
      continue;
    }
    if (name === 'img') {
      out.push(' ');
      continue;
    }
    const separator = BLOCK.has(name) ? PARAGRAPH : INLINE_ELEMENTS.has(name) ? '' : ' ';
    out.push(separator);
    stack.push(separator);
    for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
}

/** Visible text of an HTML fragment, with paragraph and line marks in place of block markup. */
function markupText(html: string): string {
  if (!html.includes('<')) return html.includes('&') ? decodeHTML(html) : html;
  // `<iframe ... />` in feed markup is XHTML written by the feed's author: it closes itself.
  const $ = load(html, { xml: { xmlMode: false, recognizeSelfClosing: true, decodeEntities: true } }, false);
  const out: string[] = [];
  collect(($.root()[0] as unknown as MarkupNode).children, out);
  return out.join('');
}

const TAG = /<\/?(?:[a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/i;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Decodes HTML entities, once more when the feed escaped them twice (`&amp;#039;`). */
export function decodeEntities(text: string): string {
  const once = decodeHTML(text);
  return ENTITY.test(once) ? decodeHTML(once) : once;
}

/**
 * C1 control characters in text are windows-1252 punctuation that went through a Latin-1
 * conversion ("don\u0092t"); they are read as what the author typed.
 */
const C1_AS_WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function tidy(text: string): string {
  // Mojibake can arrive as character references (&#226;&#128;&#153;), out of reach of byte decoding.
  return repairMojibake(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]!)
    .replace(/[\u0080-\u009f]/g, '')
    .replace(/[\u00a0\u200b\ufeff]/g, (c) => (c === '\u00a0' ? ' ' : ''))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\n\s*\n|\u2029/)
    .map((p) =>
      p
        .split(/\u2028|\n/)
        .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Plain text of an HTML fragment: tags stripped, script/style dropped, entities decoded, block
 * elements as paragraph breaks (blank lines), whitespace collapsed. Markup that arrives
 * entity-escaped (`&lt;p&gt;`), and entities escaped twice, are undone once more.
 */
export function htmlToPlainText(html: string | undefined): string {
  if (!html) return '';
  let text = markupText(html);
  if (TAG.test(text)) text = markupText(text);
  else if (ENTITY.test(text)) text = decodeHTML(text);
  return tidy(text);
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
