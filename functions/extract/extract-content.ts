/**
 * The article body of a page as paragraphs of plain text.
 *
 * The page's markup events (markup-events.ts; no tree is built) become text blocks (the runs of inline text between block
 * boundaries) and boxes (block-level elements with the totals of their subtree: characters,
 * characters inside links, sentence-like "good" text). Furniture goes on the way: tags that never
 * hold prose, hidden elements, landmark roles, and boxes whose class or id names them as comments,
 * share bars, related links, newsletter or cookie boxes (boilerplate.ts); weakly named
 * boxes (sidebar, header, meta) stay only when they hold several paragraphs of prose.
 *
 * The article container is chosen the way Readability chooses it, a method that holds up on pages
 * it was never tuned for: every paragraph votes for its parent, grandparent and three more
 * ancestors with decreasing weight, scores are discounted by link density, the winner moves up
 * when its best rivals share an ancestor, and siblings that read like more of the same article
 * join it. Unlike Readability, a vote stops at an <article> (a list of stories is not a story) and
 * a "content" class name needs prose to earn its bonus. Inside the chosen boxes, link lists, the
 * headline, boilerplate lines and date lines are dropped; data tables become text rows, embedded
 * posts and links between the body's paragraphs stay.
 *
 * Work is linear in the size of the document and nothing recurses, so deeply nested markup cannot
 * overflow the stack; a page whose class names hide its whole body gets a second reading without
 * the class rules.
 */
import { SKIPPED_LANDMARKS } from '#text/html-guard.ts';
import { INLINE_ELEMENTS, NON_TEXT_ELEMENTS, removeInvisibleCharacters } from '#text/html-to-text.ts';
import {
  classifyLabel,
  isBoilerplateLine,
  isRelatedLinksPrompt,
  type LabelKind,
  NOISE_ROLES,
  stripShortcodes,
} from './boilerplate.ts';
import type { MarkupSink } from './markup-events.ts';

/**
 * Never article text: what is never text anywhere (html-to-text.ts); media and objects with
 * their fallback text and the other form controls; dialogs and menus; navigation, asides and
 * footers; and figures (an image and its caption, often of something else). Forms and headers
 * are judged by how much prose they hold (closeBox).
 */
const SKIP_TAGS = new Set([
  ...NON_TEXT_ELEMENTS,
  ...SKIPPED_LANDMARKS,
  'object',
  'applet',
  'canvas',
  'video',
  'audio',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'img',
  'input',
  'output',
  'progress',
  'meter',
  'dialog',
  'menu',
  'figcaption',
  'figure',
]);

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

interface Box {
  tag: string;
  parent: Box | undefined;
  children: Box[];
  /** Position in document order, and the position after the last box of its subtree. */
  index: number;
  end: number;
  className: string;
  label: LabelKind;
  /** Never dropped by class rules: <article>, <main>, <body>, itemprop=articleBody. */
  protectedBox: boolean;
  blockStart: number;
  blockEnd: number;
  chars: number;
  linkChars: number;
  goodChars: number;
  goodBlocks: number;
  /** Excluded itself (class, role, hidden without prose). */
  excluded: boolean;
  /** Excluded itself or inside an excluded box. */
  dead: boolean;
  /** Readability-style content score; NaN until a paragraph votes for the box. */
  score: number;
  /** Characters inside embedded posts (tweets, Telegram, Instagram...) in the subtree. */
  embedChars: number;
  /** A table of data (rows of cells, not a page layout): its rows are text rows, links and all. */
  dataTable: boolean;
}

interface Block {
  text: string;
  chars: number;
  linkChars: number;
  box: Box;
  heading: number;
  good: boolean;
  /** Inside a list of links within the article: scored but not shown. */
  linkList: boolean;
  /** Inside links that are part of the body (between its paragraphs): shown, links and all. */
  bodyLinks: boolean;
}

interface Model {
  boxes: Box[];
  blocks: Block[];
}

/** What an open element is to the model, kept until it closes. */
type Frame =
  | { kind: 'skip' }
  | { kind: 'void' }
  | { kind: 'inline'; link: boolean; heading: number }
  | { kind: 'box'; box: Box; heading: number };

const SKIP_FRAME: Frame = { kind: 'skip' };
const VOID_FRAME: Frame = { kind: 'void' };

export interface ContentHints {
  /** The headline, dropped when the body repeats it. */
  title?: string;
}

/**
 * Paragraphs of the article body, in page order; empty when the page holds no prose. `strict` read
 * the page with the class and id rules; `loose` reads it again without them, asked for only when
 * the strict reading found too little (a page whose wrapper is misnamed "social-content").
 */
export function selectContent(
  strict: ContentModel,
  loose: () => ContentModel,
  hints: ContentHints = {},
): string[] {
  const strictText = selectParagraphs(strict.model(), hints);
  if (totalLength(strictText) >= 250) return strictText;
  const looseText = selectParagraphs(loose().model(), hints);
  return totalLength(looseText) > totalLength(strictText) * 1.5 ? looseText : strictText;
}

/** Length in Latin-script terms: a Chinese, Japanese or Korean character says about as much as three letters. */
function totalLength(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.length + 2 * (p.match(CJK)?.length ?? 0);
  return n;
}

function newBox(tag: string, parent: Box | undefined, blockStart: number): Box {
  const box: Box = {
    tag,
    parent,
    children: [],
    index: 0,
    end: 0,
    className: '',
    label: 'neutral',
    protectedBox: false,
    blockStart,
    blockEnd: blockStart,
    chars: 0,
    linkChars: 0,
    goodChars: 0,
    goodBlocks: 0,
    excluded: false,
    dead: false,
    score: Number.NaN,
    embedChars: 0,
    dataTable: false,
  };
  parent?.children.push(box);
  return box;
}

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs || attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style;
  return style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * The text blocks and boxes of a page, built from its markup events (markup-events.ts) in one
 * pass: furniture is skipped as it opens, text runs become blocks at block boundaries, and a box
 * is judged when it closes, with the totals of its subtree.
 */
export class ContentModel implements MarkupSink {
  private readonly boxes: Box[] = [];
  private readonly blocks: Block[] = [];
  private readonly rootBox: Box;
  private current: Box;
  private readonly frames: Frame[] = [];
  /** Open elements inside a skipped one. */
  private skipDepth = 0;
  private buffer = '';
  private bufferLink = 0;
  private linkDepth = 0;
  private heading = 0;
  /** Where inline elements start and end in the buffer: a script change there is set apart. */
  private boundaries: number[] = [];
  private finished = false;

  constructor(private readonly useLabels: boolean) {
    this.rootBox = newBox('#root', undefined, 0);
    this.rootBox.protectedBox = true;
    this.boxes.push(this.rootBox);
    this.current = this.rootBox;
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      this.frames.push(SKIP_FRAME);
      return;
    }
    if (name === 'br' || name === 'hr') {
      this.flush();
      this.frames.push(VOID_FRAME);
      return;
    }
    const kind = this.kindOfElement(name, attrs);
    if (kind === undefined) {
      this.skipDepth = 1;
      this.frames.push(SKIP_FRAME);
      return;
    }
    if (INLINE_ELEMENTS.has(name)) {
      const link = name === 'a' && attrs.href !== undefined;
      if (link) this.linkDepth++;
      this.boundaries.push(this.buffer.length);
      this.frames.push({ kind: 'inline', link, heading: this.heading });
      return;
    }
    this.flush();
    const box = newBox(name, this.current, this.blocks.length);
    box.label = kind;
    box.className = (attrs.class ?? '').replace(/\s+/g, ' ').trim();
    const embed = isEmbeddedPost(attrs);
    if (embed) box.label = 'neutral';
    box.embedChars = embed ? -1 : 0;
    box.protectedBox =
      embed ||
      name === 'article' ||
      name === 'main' ||
      name === 'body' ||
      name === 'html' ||
      attrs.itemprop === 'articleBody' ||
      attrs.itemprop === 'text';
    box.index = this.boxes.length;
    this.boxes.push(box);
    this.frames.push({ kind: 'box', box, heading: this.heading });
    const level = HEADINGS[name];
    if (level !== undefined && this.heading === 0) this.heading = level;
    this.current = box;
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    this.buffer += data;
    if (this.linkDepth > 0) this.bufferLink += collapsedLength(data);
  }

  interrupt(): void {}

  close(): void {
    const frame = this.frames.pop();
    if (!frame || frame.kind === 'void') return;
    if (frame.kind === 'skip') {
      this.skipDepth--;
      return;
    }
    this.heading = frame.heading;
    if (frame.kind === 'inline') {
      if (frame.link) this.linkDepth--;
      this.boundaries.push(this.buffer.length);
      return;
    }
    const box = frame.box;
    this.flush();
    box.blockEnd = this.blocks.length;
    box.end = this.boxes.length;
    closeBox(box, this.boxes, this.blocks);
    this.current = box.parent ?? this.rootBox;
  }

  /** The model, once the page has been read (elements still open are closed first). */
  model(): Model {
    if (!this.finished) {
      while (this.frames.length > 0) this.close();
      this.flush();
      this.rootBox.blockEnd = this.blocks.length;
      this.rootBox.end = this.boxes.length;
      this.finished = true;
    }
    return { boxes: this.boxes, blocks: this.blocks };
  }

  /** How an element's names mark it, or undefined when it is furniture whose subtree is skipped. */
  private kindOfElement(name: string, attrs: Record<string, string>): LabelKind | undefined {
    if (SKIP_TAGS.has(name) || name.includes(':')) return undefined;
    const role = attrs.role;
    if (role !== undefined && NOISE_ROLES.has(role.toLowerCase())) return undefined;
    const kind = this.useLabels ? kindOf(attrs) : 'neutral';
    // Hidden boxes are menus, dialogs and microdata copies; the fallback pass (no class rules)
    // still reads them, for pages that hide the article behind a "read more" toggle.
    if (this.useLabels && isHidden(attrs)) return undefined;
    // Inline furniture ("<span class=share-count>", screen-reader text) cannot hold an article.
    if (kind === 'noise' && INLINE_ELEMENTS.has(name)) return undefined;
    return kind;
  }

  private flush(): void {
    const buffer = this.buffer;
    const boundaries = this.boundaries;
    const link = this.bufferLink;
    this.buffer = '';
    this.bufferLink = 0;
    this.boundaries = [];
    if (buffer === '') return;
    const spaced = boundaries.length > 0 ? spaceScriptChanges(buffer, boundaries) : buffer;
    const text = removeInvisibleCharacters(spaced).replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const chars = text.length;
    const linkChars = Math.min(link, chars);
    const heading = this.heading;
    const good = heading === 0 && isGoodText(text, chars, linkChars);
    const box = this.current;
    this.blocks.push({ text, chars, linkChars, box, heading, good, linkList: false, bodyLinks: false });
    box.chars += chars;
    box.linkChars += linkChars;
    if (good) {
      box.goodChars += chars - linkChars;
      box.goodBlocks++;
    }
  }
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_CHAR = /[A-Za-z0-9\u00c0-\u024f]/;

/**
 * Text with a space where an inline element (a link, an emphasis) meets text of another script:
 * "ソフト<a>KeePass</a>の" reads "ソフト KeePass の", as CJK typesetting sets Latin words apart.
 * Elsewhere inline elements join their text ("wo<b>r</b>d").
 */
function spaceScriptChanges(text: string, boundaries: readonly number[]): string {
  if (!CJK_CHAR.test(text)) return text;
  let out = '';
  let from = 0;
  for (const at of boundaries) {
    if (at <= from || at >= text.length) continue;
    const before = text[at - 1]!;
    const after = text[at]!;
    const change =
      (CJK_CHAR.test(before) && LATIN_CHAR.test(after)) || (LATIN_CHAR.test(before) && CJK_CHAR.test(after));
    if (!change) continue;
    out += `${text.slice(from, at)} `;
    from = at;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Length of text once its whitespace runs are collapsed to single spaces. */
function collapsedLength(data: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const isSpace = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (isSpace) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return length;
}

/** Class/id verdicts, memoised: pages repeat the same class names thousands of times. */
const labelCache = new Map<string, LabelKind>();
const LABEL_CACHE_LIMIT = 20_000;

function kindOf(attrs: Record<string, string>): LabelKind {
  const cls = attrs.class;
  const id = attrs.id;
  if (cls === undefined && id === undefined) return 'neutral';
  const key = id === undefined ? (cls as string) : `${cls ?? ''} ${id}`;
  let kind = labelCache.get(key);
  if (kind === undefined) {
    // "newsCaption" is "news-caption": camel case marks word boundaries like hyphens do.
    kind = classifyLabel(
      key
        .replace(/([a-z])([A-Z])/g, '$1-$2')
        .toLowerCase()
        .trim(),
    );
    if (labelCache.size >= LABEL_CACHE_LIMIT) labelCache.clear();
    labelCache.set(key, kind);
  }
  return kind;
}

const SENTENCE_MARK = /[.!?,;:。，！？；：、]/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** A sentence-like run of text that is not mostly link: what articles are made of. */
function isGoodText(text: string, chars: number, linkChars: number): boolean {
  if (linkChars > chars * 0.35) return false;
  let effective = chars;
  if (chars < 60) {
    const cjk = text.match(CJK);
    if (cjk) effective += cjk.length * 2;
  }
  return effective >= 60 && SENTENCE_MARK.test(text);
}

/** Containers that list things: dropped from the output when they are mostly links. */
const LIST_CONTAINERS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'tbody', 'tr']);

/**
 * Embedded posts by the markup their platforms publish: <blockquote class="twitter-tweet">,
 * "instagram-media", "tiktok-embed", "telegram-post", Facebook's "fb-post", Reddit's, Mastodon's,
 * Bluesky's and Threads' blockquotes. Their text is a quotation the story reports.
 */
const EMBED_CLASS =
  /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|telegram-post|fb-post|fb-xfbml-parse-ignore|reddit-embed-bq|reddit-card|mastodon-embed|bluesky-embed|text-post-media)(?:\s|$)/;

function isEmbeddedPost(attrs: Record<string, string>): boolean {
  const cls = attrs.class;
  return (
    (cls !== undefined && EMBED_CLASS.test(cls)) ||
    attrs['data-telegram-post'] !== undefined ||
    attrs['data-instgrm-permalink'] !== undefined
  );
}

/** Decides, when a box ends, whether its subtree stays and adds to its parent's totals. */
function closeBox(box: Box, boxes: readonly Box[], blocks: readonly Block[]): void {
  // An embedded post counts all its text as embedded; a box around one inherits that count.
  if (box.embedChars < 0) box.embedChars = box.chars;
  if (box.tag === 'table') box.dataTable = isDataTable(box, boxes);
  const teaserList = opensWithRelatedHeading(box, blocks);
  let exclude = teaserList;
  // A widget or social box around an embedded post is the post's frame: the post stays.
  const framesEmbed = box.embedChars > 0 && box.embedChars >= box.chars * 0.5;
  if (!box.protectedBox && !framesEmbed && !exclude) {
    if (box.label === 'noise') exclude = true;
    else if (box.label === 'weak-noise')
      exclude =
        box.goodBlocks < 3 || box.goodChars < 400 || box.goodChars < (box.chars - box.linkChars) * 0.5;
    else if (box.tag === 'form' || box.tag === 'header') exclude = box.goodChars < 400;
  }
  if (exclude) {
    box.excluded = true;
    // A list of other stories still weighs in its parent's link density: the parent is no more
    // the article for having lost its teasers (it would otherwise outscore the body it holds).
    if (teaserList && box.parent) {
      box.parent.chars += box.chars;
      box.parent.linkChars += box.linkChars;
    }
    return;
  }
  const parent = box.parent;
  if (!parent) return;
  parent.chars += box.chars;
  parent.linkChars += box.linkChars;
  parent.goodChars += box.goodChars;
  parent.goodBlocks += box.goodBlocks;
  parent.embedChars += box.embedChars;
}

/**
 * A box whose own first line announces other stories ("You may also like", "Você pode gostar…",
 * "Read more") is a list of them, whatever its element: even an <article> of teasers.
 */
function opensWithRelatedHeading(box: Box, blocks: readonly Block[]): boolean {
  if (box.tag === 'body' || box.tag === 'html' || box.tag === 'main' || box.blockEnd - box.blockStart < 2)
    return false;
  const first = blocks[box.blockStart]!;
  // The line must be the box's own heading, not the first line of some box nested in it.
  if (first.box !== box && first.box.parent !== box) return false;
  return (first.heading > 0 || first.chars <= 60) && first.chars <= 80 && isRelatedLinksPrompt(first.text);
}

const CELL_TAGS = new Set(['td', 'th']);

/**
 * A table of data rather than of layout: two rows or more of two cells or more, no table inside
 * it, and cells that are values, not paragraphs of prose (a layout table holds the page's prose
 * in a cell or two).
 */
function isDataTable(table: Box, boxes: readonly Box[]): boolean {
  let rows = 0;
  let wideRows = 0;
  for (let i = table.index + 1; i < table.end; i++) {
    const box = boxes[i]!;
    if (box.tag === 'table') return false;
    if (box.tag === 'tr') {
      rows++;
      let cells = 0;
      for (const child of box.children) if (CELL_TAGS.has(child.tag)) cells++;
      if (cells >= 2) wideRows++;
    } else if (CELL_TAGS.has(box.tag) && box.goodBlocks >= 2) return false;
  }
  return rows >= 2 && wideRows >= 2;
}

/** Whether a data table has a header: a <th> cell or a <thead>. */
function hasHeader(table: Box, boxes: readonly Box[]): boolean {
  for (let i = table.index + 1; i < table.end; i++) {
    const tag = boxes[i]!.tag;
    if (tag === 'th' || tag === 'thead') return true;
  }
  return false;
}

/** The data-table row a block belongs to (its cell's <tr>), if any. */
function tableRowOf(box: Box): Box | undefined {
  let b: Box | undefined = box;
  for (let level = 0; b && level < 4; level++, b = b.parent) {
    if (b.tag === 'tr') {
      let table = b.parent;
      while (table && table.tag !== 'table') table = table.parent;
      return table?.dataTable ? b : undefined;
    }
    if (b.tag === 'table') return undefined;
  }
  return undefined;
}

/** Owners whose text Readability does not score as a paragraph. */
const UNSCORED_OWNERS = new Set([
  'li',
  'dt',
  'dd',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'figure',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'th',
  'h1',
  'caption',
  'address',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
]);
/** Boxes that are paragraphs themselves: their votes go to their parent. */
const PARAGRAPH_TAGS = new Set(['p', 'td', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6']);

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

function classWeight(box: Box): number {
  // A "content" name earns its bonus only with prose to show for it, several paragraphs of it: a
  // headline wrapper called "content-wrapper" or a one-paragraph "card-content" must not outrank
  // the article.
  if (box.label === 'content') {
    // ...and prose must be most of what it holds: a page-wide "main" wrapper is not the article.
    const proseShare = box.chars > 0 ? box.goodChars / box.chars : 0;
    return 25 * Math.min(1, box.goodChars / 300, box.goodBlocks / 3, proseShare / 0.7);
  }
  if (box.label === 'weak-noise' || box.label === 'noise') return -25;
  return 0;
}

function vote(box: Box, points: number): void {
  if (Number.isNaN(box.score)) box.score = tagWeight(box.tag) + classWeight(box);
  box.score += points;
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) n++;
  }
  return n;
}

/** Paragraphs vote for their parent (full), grandparent (half) and three more ancestors (less). */
function scoreBoxes(model: Model): Box[] {
  for (const box of model.boxes) box.dead = box.excluded || (box.parent?.dead ?? false);
  const candidates = new Set<Box>();
  for (const block of model.blocks) {
    if (block.box.dead || block.chars < 25 || block.heading === 1) continue;
    const owner = block.box;
    if (owner.dead || UNSCORED_OWNERS.has(owner.tag)) continue;
    const points = 1 + countCommas(block.text) + Math.min(Math.floor(block.chars / 100), 3);
    let ancestor: Box | undefined =
      PARAGRAPH_TAGS.has(owner.tag) || owner.children.length === 0 ? owner.parent : owner;
    for (let level = 0; ancestor && ancestor.tag !== '#root' && level < 5; level++) {
      vote(ancestor, level === 0 ? points : level === 1 ? points / 2 : points / (level * 3));
      candidates.add(ancestor);
      // An <article> is a self-contained story: its paragraphs do not vote for a list of stories.
      if (ancestor.tag === 'article') break;
      ancestor = ancestor.parent;
    }
  }
  for (const box of candidates) box.score *= 1 - linkDensity(box);
  return [...candidates];
}

function linkDensity(box: Box): number {
  return box.chars > 0 ? box.linkChars / box.chars : 0;
}

function isAncestor(ancestor: Box, box: Box): boolean {
  return ancestor.index < box.index && box.index < ancestor.end;
}

/** The top candidate, moved up when the best few candidates share an ancestor. */
function pickTopCandidate(candidates: Box[]): Box | undefined {
  const ranked = candidates
    .filter((b) => b.tag !== 'body' && b.tag !== 'html')
    .sort((a, b) => b.score - a.score);
  let top = ranked[0];
  if (!top) return undefined;
  const alternatives = ranked.slice(1, 5).filter((b) => b.score / top!.score >= 0.75);
  if (alternatives.length >= 3) {
    for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
      let sharing = 0;
      for (const alt of alternatives) if (isAncestor(p, alt)) sharing++;
      if (sharing >= 3) {
        top = p;
        if (Number.isNaN(top.score)) top.score = tagWeight(top.tag) + classWeight(top);
        break;
      }
    }
  }
  // A parent that scores higher than its child is the article; one that scores far lower is not.
  let lastScore = top.score;
  const threshold = lastScore / 3;
  for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
    if (Number.isNaN(p.score)) continue;
    if (p.score < threshold) break;
    if (p.score > lastScore) {
      top = p;
      break;
    }
    lastScore = p.score;
  }
  while (
    top.parent &&
    top.parent.tag !== 'body' &&
    top.parent.tag !== '#root' &&
    top.parent.children.length === 1
  )
    top = top.parent;
  return top;
}

interface Range {
  start: number;
  end: number;
  box?: Box;
}

/** The top candidate and the siblings that read like more of the same article. */
function collectRanges(top: Box, model: Model): Range[] {
  const parent = top.parent;
  if (!parent || parent.tag === '#root') return [{ start: top.blockStart, end: top.blockEnd, box: top }];
  const threshold = Math.max(10, top.score * 0.2);
  const ranges: Range[] = [];
  const pushOwnBlocks = (start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const block = model.blocks[i]!;
      if (block.box === parent && readsLikeParagraph(block.chars, block.linkChars, block.text))
        ranges.push({ start: i, end: i + 1 });
    }
  };
  let cursor = parent.blockStart;
  for (const sibling of parent.children) {
    pushOwnBlocks(cursor, sibling.blockStart);
    cursor = sibling.blockEnd;
    // Another <article> next to the article is another story (a feed of posts), not a continuation.
    if (sibling.dead || (sibling !== top && sibling.tag === 'article')) continue;
    let keep = sibling === top;
    const sameClass = top.className !== '' && sibling.className === top.className;
    if (!keep && !Number.isNaN(sibling.score))
      keep = sibling.score + (sameClass ? top.score * 0.2 : 0) >= threshold;
    // A section built like the article's (same class) with prose of its own: the next step, card
    // or column of the same story, whatever its paragraphs managed to vote.
    if (!keep && sameClass) keep = sibling.goodChars > 0 && linkDensity(sibling) < 0.3;
    // Readability reads a div without block children as a paragraph; so do we.
    if (
      !keep &&
      (sibling.tag === 'p' || (sibling.children.length === 0 && !UNSCORED_OWNERS.has(sibling.tag)))
    )
      keep = readsLikeParagraph(sibling.chars, sibling.linkChars, textOfRange(model, sibling));
    if (keep) ranges.push({ start: sibling.blockStart, end: sibling.blockEnd, box: sibling });
  }
  pushOwnBlocks(cursor, parent.blockEnd);
  return ranges;
}

/**
 * Lists of links inside the article (related stories, tags, share links) are not its text. A data
 * table with a header is the article's data however many of its cells are links (a standings
 * table of club names), and an embedded post keeps its links.
 */
function hideLinkLists(container: Box, model: Model): void {
  for (let i = container.index + 1; i < container.end; i++) {
    const box = model.boxes[i]!;
    if (box.embedChars > 0 && box.embedChars >= box.chars * 0.5) {
      i = box.end - 1;
      continue;
    }
    if (box.tag === 'table' && box.dataTable && hasHeader(box, model.boxes)) {
      i = box.end - 1;
      continue;
    }
    // A box without block children is a paragraph, however many links it holds.
    if (box.dead || !LIST_CONTAINERS.has(box.tag) || box.children.length === 0) continue;
    if (box.linkChars > box.chars * 0.5) {
      const body = isBetweenProse(box, container, model) && !isHeadlineList(box, model);
      for (let b = box.blockStart; b < box.blockEnd; b++) {
        if (body) model.blocks[b]!.bodyLinks = true;
        else model.blocks[b]!.linkList = true;
      }
      i = box.end - 1;
    }
  }
}

/**
 * A list of other stories: it opens with a related-links prompt ("More:"), or most of its links
 * read as headlines (four words or more) rather than as the labels, prices and names of the
 * products or sources a body lists.
 */
function isHeadlineList(box: Box, model: Model): boolean {
  let links = 0;
  let headlines = 0;
  for (let b = box.blockStart; b < box.blockEnd; b++) {
    const block = model.blocks[b]!;
    if (b === box.blockStart && block.chars <= 60 && isRelatedLinksPrompt(block.text)) return true;
    if (block.linkChars <= block.chars * 0.5) continue;
    links++;
    if (block.chars >= 25 && block.text.split(' ').length >= 4 && !/[$€£¥₽]\s?\d/.test(block.text))
      headlines++;
  }
  return links > 0 && headlines >= links * 0.6;
}

/**
 * Whether a box of links sits inside the run of the article's prose, paragraphs of it before and
 * after: there it is part of the body (the products of a deals post, the sources of a fact
 * check), where a list beside the body (related stories, tags) comes before all of it or after.
 */
function isBetweenProse(box: Box, container: Box, model: Model): boolean {
  let before = false;
  for (let b = box.blockStart - 1; b >= container.blockStart && !before; b--) {
    const block = model.blocks[b]!;
    before = block.good && !block.box.dead && !block.linkList;
  }
  if (!before) return false;
  for (let b = box.blockEnd; b < container.blockEnd; b++) {
    const block = model.blocks[b]!;
    if (block.good && !block.box.dead) return true;
  }
  return false;
}

function textOfRange(model: Model, box: Box): string {
  let text = '';
  for (let i = box.blockStart; i < box.blockEnd && text.length < 400; i++)
    text += `${model.blocks[i]!.text} `;
  return text.trim();
}

function readsLikeParagraph(chars: number, linkChars: number, text: string): boolean {
  const density = chars > 0 ? linkChars / chars : 1;
  if (chars > 80) return density < 0.25;
  return chars > 0 && density === 0 && /\.( |$)/.test(text);
}

function selectParagraphs(model: Model, hints: ContentHints): string[] {
  const candidates = scoreBoxes(model);
  const picked = pickTopCandidate(candidates);
  const top = picked ? preferHeadlinedArticle(picked, model) : undefined;
  const ranges = top ? collectRanges(top, model) : [{ start: 0, end: model.blocks.length }];
  for (const range of ranges) if (range.box) hideLinkLists(range.box, model);
  const title = normalise(hints.title ?? '');
  const out: string[] = [];
  // The cells of a data-table row become one line of text.
  let row: Box | undefined;
  let cells: string[] = [];
  const endRow = () => {
    if (cells.length > 0) out.push(cells.join(' | '));
    row = undefined;
    cells = [];
  };
  for (const range of ranges) {
    for (let i = range.start; i < range.end; i++) {
      const block = model.blocks[i]!;
      if (block.box.dead || block.linkList) continue;
      const cellOf = tableRowOf(block.box);
      if (cellOf) {
        if (cellOf !== row) endRow();
        row = cellOf;
        const cell = stripShortcodes(block.text);
        if (cell) cells.push(cell);
        continue;
      }
      endRow();
      // The headline is the title, not the body.
      if (block.heading === 1) continue;
      if (block.linkChars > block.chars * 0.8 && !block.bodyLinks) continue;
      if (title !== '' && Math.abs(block.chars - title.length) < 3 && normalise(block.text) === title)
        continue;
      const text = stripShortcodes(block.text);
      if (!text || (text.length <= 300 && isBoilerplateLine(text))) continue;
      out.push(text);
    }
    endRow();
  }
  return out;
}

/**
 * A list of stories is not a story: when the chosen box holds several <article> elements and
 * exactly one of them carries the page's headline (an <h1>), that one is the article.
 */
function preferHeadlinedArticle(top: Box, model: Model): Box {
  const articles: Box[] = [];
  for (let i = top.index + 1; i < top.end; i++) {
    const box = model.boxes[i]!;
    if (box.tag !== 'article' || box.dead) continue;
    articles.push(box);
    i = box.end - 1;
  }
  if (articles.length < 2) return top;
  const headlined = articles.filter((a) => {
    for (let b = a.blockStart; b < a.blockEnd; b++) if (model.blocks[b]!.heading === 1) return true;
    return false;
  });
  return headlined.length === 1 && headlined[0]!.goodChars > 0 ? headlined[0]! : top;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
