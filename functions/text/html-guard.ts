/**
 * The page as the parser should see it, made in one linear scan before parsing.
 *  - Bounded work on hostile markup: htmlparser2 keeps its open elements in an array it shifts at
 *    the front, so every tag costs time in proportion to the nesting depth, and a page of 40,000
 *    unclosed `<p><b><i><span>` runs (2 MB) takes 16 s to parse. The scan follows the parser's
 *    rules for implied end tags and drops the start tags that would nest deeper than any real
 *    page does; their text stays.
 *  - Less to parse: comments, scripts, styles, inline SVG, noscript fallbacks and the navigation,
 *    aside and footer landmarks are 70% of a news page's bytes and a quarter of its elements, and
 *    the extractor reads none of them. Dropping them first halves the parse time.
 */

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content the tokenizer reads as raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** Case-blind searches for end tags, for the rare page that writes them in capitals. */
const END_TAGS = new Map(
  ['script', 'style', 'title', 'textarea', 'xmp', 'svg', 'noscript'].map((name) => [
    name,
    new RegExp(`</${name}`, 'gi'),
  ]),
);

const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P_TAG = new Set(['p']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);

/** An opening tag closes these elements while they are the current element (htmlparser2's table). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (name) => [name, FORM_TAGS] as [string, Set<string>],
  ),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, P_TAG] as [string, Set<string>]),
]);

/** Deeper than any real page (they stay under a few hundred) and cheap for the parser. */
export const MAX_NESTING = 1000;

/** Elements dropped whole before parsing: nothing in them is read (JSON-LD scripts excepted). */
const DROPPED = new Set(['script', 'style', 'svg', 'noscript']);

/**
 * Landmarks the extractor never reads (extract-content.ts skips them too). They are dropped when
 * the scan sees them close, with the extent the parser would give them, unless they hold JSON-LD
 * or a byline.
 */
export const SKIPPED_LANDMARKS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer']);

/**
 * The page without comments, scripts (JSON-LD kept), styles, inline SVG, noscript fallbacks and
 * navigation, aside and footer landmarks, and without the start tags that would nest elements
 * deeper than `maxDepth`. A page with nothing to drop comes back as the same string. Linear in the
 * length of the page.
 */
export function prepareHtml(html: string, maxDepth = MAX_NESTING): string {
  const names: string[] = [];
  /** Where each open landmark starts (-1 for other elements, or a landmark that must stay). */
  const starts: number[] = [];
  const open = new Map<string, number>();
  const drops: number[] = [];
  let foreign = 0;
  let openLandmarks = 0;
  const pop = (at: number) => {
    const name = names.pop()!;
    const start = starts.pop()!;
    open.set(name, (open.get(name) ?? 1) - 1);
    if (name === 'svg' || name === 'math') foreign--;
    if (start >= 0) {
      drops.push(start, at);
      openLandmarks--;
    }
  };
  const keepOpenLandmarks = () => {
    for (let s = 0; s < starts.length; s++) starts[s] = -1;
    openLandmarks = 0;
  };
  const length = html.length;
  let i = html.indexOf('<');
  while (i !== -1) {
    let c = html.charCodeAt(i + 1);
    if (c === 33 || c === 63) {
      // <!-- comment -->, <!doctype>, <![CDATA[...]]>, <?xml?>: no element.
      const comment = html.startsWith('<!--', i);
      const end = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end === -1) break;
      if (comment) drops.push(i, end + 3);
      i = html.indexOf('<', end + 1);
      continue;
    }
    const closing = c === 47;
    const start = closing ? i + 2 : i + 1;
    c = html.charCodeAt(start);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let stop = start + 1;
    while (stop < length) {
      c = html.charCodeAt(stop);
      if (c === 62 || c === 47 || c === 32 || (c >= 9 && c <= 13)) break;
      stop++;
    }
    const name = html.slice(start, stop).toLowerCase();
    const close = findTagEnd(html, stop);
    if (close === -1) break;
    const after = close + 1;
    if (closing) {
      if ((open.get(name) ?? 0) > 0) {
        while (names.length > 0 && names[names.length - 1] !== name) pop(i);
        if (names.length > 0) pop(after);
      }
      i = html.indexOf('<', after);
      continue;
    }
    if (DROPPED.has(name)) {
      if (name === 'script' && /ld\+json/i.test(html.slice(stop, close))) {
        // Metadata: keep it, and keep the landmarks around it.
        keepOpenLandmarks();
      } else {
        const end = findEndTag(html, name, after);
        // Unterminated: the parser reads the rest as this element's content; leave it to the parser.
        if (end === -1) break;
        drops.push(i, end);
        i = html.indexOf('<', end);
        continue;
      }
    }
    // A byline or date inside a landmark is metadata the extractor reads: that landmark stays.
    if (openLandmarks > 0 && close > stop + 8 && /author|byline|datePublished/i.test(html.slice(stop, close)))
      keepOpenLandmarks();
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) while (names.length > 0 && implied.has(names[names.length - 1]!)) pop(i);
    const selfClosing = foreign > 0 && html.charCodeAt(close - 1) === 47;
    let next = after;
    if (!VOID.has(name) && !selfClosing) {
      if (names.length >= maxDepth) {
        // Too deep: this start tag goes (its text stays, now a sibling of what came before).
        drops.push(i, after);
        i = html.indexOf('<', after);
        continue;
      }
      names.push(name);
      const landmark = SKIPPED_LANDMARKS.has(name);
      starts.push(landmark ? i : -1);
      if (landmark) openLandmarks++;
      open.set(name, (open.get(name) ?? 0) + 1);
      if (name === 'svg' || name === 'math') foreign++;
    }
    if (RAW_TEXT.has(name)) {
      const end = findEndTagStart(html, name, after);
      if (end === -1) break;
      next = end;
    }
    i = html.indexOf('<', next);
  }
  // Landmarks still open when the page ends (or the scan stops) are left alone.
  return drops.length === 0 ? html : cut(html, drops);
}

/**
 * Whether an XML document (a feed) nests elements deeper than `limit`: one linear scan of its
 * tags, comments, CDATA sections and processing instructions skipped, quoted attribute values
 * read as the tokenizer reads them. XML has no implied end tags, so the count is exact for a
 * well-formed document and never lower than a parser's for a broken one.
 */
export function exceedsXmlNesting(xml: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    const c = xml.charCodeAt(i + 1);
    let next = i + 1;
    if (c === 47) {
      if (depth > 0) depth--;
    } else if (c === 33 || c === 63) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <? ?>: no element.
      const end = xml.startsWith('<!--', i)
        ? xml.indexOf('-->', i + 4)
        : xml.startsWith('<![CDATA[', i)
          ? xml.indexOf(']]>', i + 9)
          : xml.indexOf('>', i + 2);
      if (end === -1) return false;
      next = end + 1;
    } else {
      const close = findTagEnd(xml, i + 1);
      if (close === -1) return false;
      if (xml.charCodeAt(close - 1) !== 47 && ++depth > limit) return true;
      next = close + 1;
    }
    i = xml.indexOf('<', next);
  }
  return false;
}

/** The page without the [start, end) ranges listed in `drops` (ranges may nest or overlap). */
function cut(html: string, drops: number[]): string {
  const ranges: [number, number][] = [];
  for (let i = 0; i < drops.length; i += 2) ranges.push([drops[i]!, drops[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let kept = 0;
  for (const [start, end] of ranges) {
    if (end <= kept) continue;
    if (start > kept) pieces.push(html.slice(kept, start));
    kept = end;
  }
  pieces.push(html.slice(kept));
  return pieces.join('');
}

/** The `>` that ends a tag whose name ends at `from`, skipping quoted attribute values as the tokenizer does. */
export function findTagEnd(html: string, from: number): number {
  let i = from;
  const length = html.length;
  while (i < length) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    if (c === 61) {
      // name= value: a quoted value may hold ">".
      i++;
      while (i < length && html.charCodeAt(i) <= 32) i++;
      const quote = html.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        const end = html.indexOf(quote === 34 ? '"' : "'", i + 1);
        if (end === -1) return -1;
        i = end + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return -1;
}

/** Where `</name` next starts; lower case is tried first, it is what nearly every page uses. */
function findEndTagStart(html: string, name: string, from: number): number {
  const end = html.indexOf(`</${name}`, from);
  if (end !== -1) return end;
  const pattern = END_TAGS.get(name) ?? new RegExp(`</${name}`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/** The position after the end tag that closes `name` opened before `from` (nested svg counted). */
function findEndTag(html: string, name: string, from: number): number {
  let depth = 1;
  let at = from;
  while (depth > 0) {
    const end = findEndTagStart(html, name, at);
    if (end === -1) return -1;
    if (name === 'svg') {
      // Inline SVG may nest <svg>: count the openings before this end tag.
      let inner = html.indexOf('<svg', at);
      while (inner !== -1 && inner < end) {
        depth++;
        inner = html.indexOf('<svg', inner + 4);
      }
    }
    depth--;
    const close = html.indexOf('>', end);
    if (close === -1) return -1;
    at = close + 1;
  }
  return at;
}
