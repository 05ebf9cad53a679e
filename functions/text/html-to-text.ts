/**
 * Markup to clean text. Feed titles and summaries arrive as HTML fragments, entity-escaped
 * markup, double-escaped entities (`&amp;#039;`) and stray tags; readers need plain text.
 * A fragment made only of tags around text is read by one scan; anything else by one pass of
 * htmlparser2's parser with callbacks (no DOM is built), so unclosed comments, scripts and odd
 * nesting end where a browser would end them. Both drop what is never text, decode entities and
 * mark paragraphs; one pass of `tidy` then cleans the characters, and text without markup or
 * entities goes to it directly. Nesting deeper than the guard's limit (html-guard.ts) stops the
 * parse with NestingTooDeepError: the parser's work grows with depth, and no real fragment nests
 * that deep.
 */

import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { NestingTooDeepError } from '#domain/errors.ts';
import { MOJIBAKE_START, repairMojibake } from './charset.ts';
import { findTagEnd, MAX_NESTING } from './html-guard.ts';

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

/** The parser's options: HTML rules, XHTML's `<iframe/>` closes itself, entities decoded, CDATA a comment. */
const PARSER_OPTIONS = { xmlMode: false, recognizeSelfClosing: true, decodeEntities: true } as const;

/**
 * Visible text of an HTML fragment, with paragraph and line marks in place of block markup.
 * Elements are counted as the parser opens and closes them (it reports every close, implied or
 * not), so the skipped subtrees and the depth are exact.
 */
function markupText(html: string): string {
  if (!html.includes('<')) return html.includes('&') ? decodeHTML(html) : html;
  return simpleMarkupText(html) ?? parsedMarkupText(html);
}

/** The separator an element puts around its text. */
function separatorOf(name: string): string {
  return BLOCK.has(name) ? PARAGRAPH : INLINE_ELEMENTS.has(name) ? '' : ' ';
}

/** Elements without content: their start tag is all of them, an end tag for them means nothing (but </br>). */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * The text of a fragment made only of tags around text, read with one scan and no parser (a ">"
 * inside a quoted attribute value is read as the tokenizer reads it); undefined when the fragment
 * holds anything else (comments, scripts, never-text elements, a "<" that starts no tag, deep
 * nesting), which the parser then reads. Same text as the parser's.
 */
function simpleMarkupText(html: string): string | undefined {
  let out = '';
  let depth = 0;
  let last = 0;
  const length = html.length;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', last)) {
    const closing = html.charCodeAt(at + 1) === 47;
    const start = closing ? at + 2 : at + 1;
    if (!isAsciiLetter(html.charCodeAt(start))) return undefined;
    let stop = start + 1;
    while (stop < length) {
      const c = html.charCodeAt(stop);
      if (c === 62 || c === 47 || c <= 32) break;
      stop++;
    }
    // The tag ends where the tokenizer ends it: at a ">" outside a quoted attribute value.
    const end = findTagEnd(html, stop);
    if (end === -1) return undefined;
    const name = html.slice(start, stop).toLowerCase();
    if (NON_TEXT_ELEMENTS.has(name)) return undefined;
    if (at > last) {
      const text = html.slice(last, at);
      out += text.includes('&') ? decodeHTML(text) : text;
    }
    last = end + 1;
    if (name === 'br') out += LINE;
    else if (VOID_ELEMENTS.has(name)) {
      if (!closing && name === 'img') out += ' ';
    } else {
      out += separatorOf(name);
      // Nesting is counted without the parser's implied closes: a deep count sends the fragment to the parser.
      if (closing) depth = Math.max(0, depth - 1);
      else if (html.charCodeAt(end - 1) !== 47 && ++depth > MAX_NESTING) return undefined;
    }
  }
  if (last < length) {
    const text = html.slice(last);
    out += text.includes('&') ? decodeHTML(text) : text;
  }
  return out;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The text of any fragment, through htmlparser2's parser (its tree is never built). */
function parsedMarkupText(html: string): string {
  const out: string[] = [];
  let depth = 0;
  /** Depth at which a never-text element opened; 0 when not inside one. */
  let skipFrom = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (++depth > MAX_NESTING) throw new NestingTooDeepError(MAX_NESTING);
        if (skipFrom > 0) return;
        if (NON_TEXT_ELEMENTS.has(name)) skipFrom = depth;
        else if (name === 'br') out.push(LINE);
        else if (name === 'img') out.push(' ');
        else out.push(separatorOf(name));
      },
      onclosetag(name) {
        const closing = depth--;
        if (skipFrom > 0) {
          if (closing === skipFrom) skipFrom = 0;
          return;
        }
        if (name !== 'br' && name !== 'img') out.push(separatorOf(name));
      },
      ontext(data) {
        if (skipFrom === 0) out.push(data);
      },
    },
    PARSER_OPTIONS,
  );
  parser.end(html);
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

/**
 * Characters that never reach a reader as they are: line ends to normalise, C0 and C1 controls,
 * no-break spaces, zero-width characters and byte-order marks, and the bidirectional controls
 * (embeddings, overrides, isolates, the LRM/RLM/ALM marks) that let a headline display in an
 * order other than its text's ("\u202egnp.exe").
 */
const SPECIAL =
  /\r\n?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Whether SPECIAL occurs: its characters as one class (a line end to normalise starts with "\r"), tested without the global flag's bookkeeping. */
const HAS_SPECIAL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/;

/** HAS_SPECIAL or the start of mojibake (charset.ts). */
const MOJIBAKE_OR_SPECIAL = new RegExp(`${HAS_SPECIAL.source}|${MOJIBAKE_START}`);

function replaceSpecial(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 13) return '\n';
  if (code === 0xa0) return ' ';
  if (code >= 0x80 && code <= 0x9f) {
    const mapped = C1_AS_WINDOWS_1252[code - 0x80]!;
    return mapped === c ? '' : mapped;
  }
  return '';
}

/**
 * Characters tidy changes or may trim; most titles and summaries have none of them. The lead
 * characters of mojibake are among them: an XML parser decodes character references too.
 */
const UNTIDY =
  /[\u0000-\u001f\u007f-\u00a0\u00c2-\u00f4\u1680\u2000-\u200f\u2028-\u202f\u205f\u061c\u2066-\u2069\u3000\ufeff]/;

/** Whether tidy would change the text: a character above, a double space, a space at either end. */
function isUntidy(text: string): boolean {
  return (
    text.charCodeAt(0) === 32 ||
    text.charCodeAt(text.length - 1) === 32 ||
    UNTIDY.test(text) ||
    text.includes('  ')
  );
}

/** A line end or paragraph mark, which only the multi-line path folds. */
const BREAKS = /[\n\u2028\u2029]/;

/** Whether a character is whitespace as a regular expression's \s reads it. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  return (
    c <= 0x200a ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whitespace that may need folding: any but a space, or two spaces. */
const FOLDABLE = /[^\S ]| {2}/g;

/**
 * Whitespace folded: a run of whitespace with a line end, <br> or paragraph mark in it becomes a
 * blank line when it holds a paragraph mark or two line ends, else one space; in other runs,
 * spaces and tabs become one space. The runs are found from what no single space between words
 * is (the replace of \s*[\n\u2028\u2029]\s*, [ \t]{2,} and \t that it stands for tried every
 * such space as the start of a run).
 */
function foldWhitespace(text: string): string {
  let out = '';
  /** Where the text not yet copied to out starts. */
  let kept = 0;
  const length = text.length;
  FOLDABLE.lastIndex = 0;
  for (let m = FOLDABLE.exec(text); m; m = FOLDABLE.exec(text)) {
    // The run starts at the hit or at the one space before it.
    let start = m.index;
    if (start > kept && text.charCodeAt(start - 1) === 32) start--;
    let end = start + 1;
    while (end < length && isSpace(text.charCodeAt(end))) end++;
    let lineEnds = 0;
    let mark = false;
    let paragraph = false;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) lineEnds++;
      else if (c === 0x2028) mark = true;
      else if (c === 0x2029) paragraph = true;
    }
    if (lineEnds > 0 || mark || paragraph) {
      out += text.slice(kept, start) + (paragraph || lineEnds > 1 ? '\n\n' : ' ');
      kept = end;
    } else {
      // No break: each stretch of spaces and tabs but a lone space becomes one space.
      for (let k = start; k < end; ) {
        const c = text.charCodeAt(k);
        let stop = k + 1;
        if (c === 32 || c === 9) {
          while (stop < end && (text.charCodeAt(stop) === 32 || text.charCodeAt(stop) === 9)) stop++;
          if (stop - k > 1 || c === 9) {
            out += `${text.slice(kept, k)} `;
            kept = stop;
          }
        }
        k = stop;
      }
    }
    FOLDABLE.lastIndex = end;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * Clean characters and whitespace: mojibake repaired, line ends, controls, zero-width and bidi
 * characters replaced or removed, spaces collapsed, paragraphs kept apart by one blank line.
 */
function tidy(raw: string): string {
  if (!isUntidy(raw)) return raw;
  let text = raw;
  // One scan says whether either of the next two has anything to do (most untidy text is only
  // accented or in lines).
  if (MOJIBAKE_OR_SPECIAL.test(text)) {
    // Mojibake can arrive as character references (&#226;&#128;&#153;), out of reach of byte decoding.
    text = repairMojibake(text);
    if (HAS_SPECIAL.test(text)) text = text.replace(SPECIAL, replaceSpecial);
  }
  if (BREAKS.test(text)) text = foldWhitespace(text);
  else if (text.includes('  ') || text.includes('\t')) text = text.replace(/[ \t]+/g, ' ');
  return text.trim();
}

/**
 * Plain text of an HTML fragment: tags stripped, script/style dropped, entities decoded, block
 * elements as paragraph breaks (blank lines), whitespace collapsed, control and bidirectional
 * characters removed. Markup that arrives entity-escaped (`&lt;p&gt;`), and entities escaped
 * twice, are undone once more. Throws NestingTooDeepError on markup nested beyond the guard's limit.
 */
export function htmlToPlainText(html: string | undefined): string {
  if (!html) return '';
  if (!html.includes('<') && !html.includes('&')) return tidy(html);
  let text = markupText(html);
  if (text.includes('<') && TAG.test(text)) text = markupText(text);
  else if (text.includes('&') && ENTITY.test(text)) text = decodeHTML(text);
  return tidy(text);
}

/** One line of clean text: for titles, authors, names. */
export function cleanInlineText(text: string | undefined): string {
  if (!text) return '';
  // Most titles are clean already: no markup, no entity, nothing tidy changes (UNTIDY holds every
  // whitespace character but the space, so none is left to fold either).
  if (!text.includes('<') && !text.includes('&') && !isUntidy(text)) return text;
  const plain = htmlToPlainText(text);
  // tidy leaves single spaces within a line; only paragraph breaks and other spaces remain to fold.
  return /[^\S ]/.test(plain) ? plain.replace(/\s+/g, ' ').trim() : plain;
}

/** Zero-width characters, byte-order marks and bidirectional controls: in text, they only mislead. */
const INVISIBLE = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text without its invisible characters (INVISIBLE), for text that does not go through tidy. */
export function removeInvisibleCharacters(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** Shortens at a word boundary with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
