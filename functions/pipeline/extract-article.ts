/**
 * The article inside a news page: metadata from <meta>, Open Graph and JSON-LD, and the body
 * text without navigation, related links, share bars, comment widgets, cookie and newsletter
 * boxes. Readability-style scoring of text blocks picks the article container; known
 * boilerplate is removed before scoring and boilerplate lines after. Pure, synchronous,
 * iterative (deeply nested markup cannot overflow the stack) and bounded on huge pages.
 */

import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { Article } from '../domain/types.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { parseFeedDate } from './parse-feed.ts';
import { cleanInlineText } from './plain-text.ts';

const MAX_HTML = 3_000_000;
const MAX_NODES = 200_000;

const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'footer',
  'aside',
  'template',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'dialog',
  'figcaption',
  'menu',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'figure',
  'header',
  'br',
  'hr',
  'address',
  'center',
]);
const NEGATIVE =
  /(^|[-_\s])(comment|comments|disqus|share|sharing|social|related|recommend|recommended|more-stories|read-more|readmore|newsletter|subscribe|subscription|signup|cookie|consent|gdpr|promo|advert|advertisement|sponsor|sponsored|outbrain|taboola|sidebar|breadcrumbs?|menu|navbar|nav|masthead|footer|popup|modal|banner|tags|tag-list|author-bio|bio|paywall|rail|trending|most-popular|popular|next-article|prev|pagination|toolbar|print|visually-hidden|sr-only|skip|caption|credit|meta-?data|byline|dateline|timestamp|toc|table-of-contents|faq|follow|also-like|you-may|jump)([-_\s]|$)/i;
const POSITIVE =
  /(^|[-_\s])(article|articlebody|article-body|body|content|entry|main|post|story|text|blog|news|prose|rich-text|paragraph)([-_\s]|$)/i;
const NEGATIVE_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'menu',
  'menubar',
  'dialog',
  'alert',
  'search',
]);

type Node = AnyNode & { children?: AnyNode[]; parent: Node | null };

export function extractArticle(html: string, url: string): Article {
  const $ = load(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html);
  const meta = readMetadata($, url);

  const body = ($('body').get(0) ?? $.root().get(0)) as unknown as Node;
  pruneBoilerplate(body);
  let paragraphs = pickContainer(body).flatMap((node) => collectParagraphs(node));
  paragraphs = cleanParagraphs(paragraphs, meta.title);

  // JSON-LD articleBody is the publisher's own statement of the text: prefer it when ours is thin.
  const ldBody = meta.ldBody ? cleanParagraphs(splitPlain(meta.ldBody), meta.title) : [];
  const ours = paragraphs.join('\n\n');
  const theirs = ldBody.join('\n\n');
  const text = theirs.length > ours.length * 1.3 && theirs.length > 400 ? theirs : ours;

  const article: Article = { url, title: meta.title, text };
  if (meta.byline) article.byline = meta.byline;
  if (meta.published) article.published = meta.published;
  if (meta.canonicalUrl) article.canonicalUrl = meta.canonicalUrl;
  if (meta.language) article.language = meta.language;
  return article;
}

interface Metadata {
  title: string;
  byline?: string;
  published?: string;
  canonicalUrl?: string;
  language?: string;
  ldBody?: string;
}

function readMetadata($: ReturnType<typeof load>, url: string): Metadata {
  const metaContent = (...selectors: string[]) => {
    for (const s of selectors) {
      const v = $(s).first().attr('content')?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const ld = readJsonLd($);
  const h1 = cleanInlineText($('h1').first().text());
  const ogTitle = cleanInlineText(metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]'));
  const docTitle = stripSiteName(cleanInlineText($('title').first().text()));
  const title = cleanInlineText(ld.headline) || ogTitle || h1 || docTitle;

  const byline =
    cleanInlineText(ld.author) ||
    cleanInlineText(
      metaContent('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]'),
    ) ||
    cleanInlineText(
      $(
        '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .author-name, .author',
      )
        .first()
        .text(),
    );
  const publishedRaw =
    ld.datePublished ??
    metaContent(
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dc.date"]',
      'meta[property="og:published_time"]',
    ) ??
    $('time[datetime]').first().attr('datetime');
  const canonicalRaw = $('link[rel="canonical"]').attr('href') ?? metaContent('meta[property="og:url"]');
  let canonicalUrl: string | undefined;
  if (canonicalRaw) {
    const c = canonicalizeUrl(canonicalRaw, url);
    if (/^https?:\/\//.test(c)) canonicalUrl = c;
  }
  const langRaw =
    $('html').attr('lang') ??
    metaContent('meta[http-equiv="content-language"]', 'meta[property="og:locale"]') ??
    ld.inLanguage;
  const language = /^[a-z]{2,3}/i.exec(langRaw ?? '')?.[0]?.toLowerCase();

  const result: Metadata = { title };
  if (byline && byline.length < 200 && !/^https?:/.test(byline))
    result.byline = byline.replace(/^by\s+/i, '');
  const published = parseFeedDate(publishedRaw);
  if (published) result.published = published;
  if (canonicalUrl) result.canonicalUrl = canonicalUrl;
  if (language) result.language = language;
  if (ld.articleBody) result.ldBody = ld.articleBody;
  return result;
}

function stripSiteName(title: string): string {
  const parts = title.split(/\s+[|\-–—:·»]\s+/);
  if (parts.length < 2) return title;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.split(/\s+/).length >= 3 ? longest : title;
}

interface JsonLdArticle {
  headline?: string;
  author?: string;
  datePublished?: string;
  articleBody?: string;
  inLanguage?: string;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle/;

function readJsonLd($: ReturnType<typeof load>): JsonLdArticle {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const node = queue[i];
      if (Array.isArray(node)) {
        queue.push(...node);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
      const type = Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? '');
      if (!ARTICLE_TYPES.test(type)) continue;
      const author = Array.isArray(o.author) ? o.author[0] : o.author;
      const authorName =
        typeof author === 'string'
          ? author
          : typeof (author as Record<string, unknown>)?.name === 'string'
            ? ((author as Record<string, unknown>).name as string)
            : undefined;
      return {
        ...(typeof o.headline === 'string' ? { headline: o.headline } : {}),
        ...(authorName ? { author: authorName } : {}),
        ...(typeof o.datePublished === 'string' ? { datePublished: o.datePublished } : {}),
        ...(typeof o.articleBody === 'string' ? { articleBody: o.articleBody } : {}),
        ...(typeof o.inLanguage === 'string' ? { inLanguage: o.inLanguage } : {}),
      };
    }
  }
  return {};
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** Ad slots are named by whole class tokens; "non-ad-column" or "header" must not match. */
const AD_TOKEN =
  /^(ad|ads|ad[-_](slot|unit|container|wrapper|banner|box|block|placeholder|leaderboard|mpu|zone|space|label)\w*|adsbygoogle|advert|advertisement|dfp[-_]?\w*|gpt[-_]ad\w*)$/i;
/** Always furniture, however much text they hold (a long comment thread is still comments). */
const STRONG_NEGATIVE =
  /(comment|disqus|related|recommend|newsletter|cookie|consent|share|social|outbrain|taboola|trending|most-popular|also-like|you-may)/i;

function isAdSlot(el: Element): boolean {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.split(/\s+/).some((t) => AD_TOKEN.test(t));
}

function classAndId(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

/** Removes obvious non-article subtrees, iteratively. */
function pruneBoilerplate(root: Node): void {
  const stack: AnyNode[] = [...(root.children ?? [])];
  const remove: Element[] = [];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    if (node.type === 'comment' || node.type === 'directive') {
      remove.push(node as unknown as Element);
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name.toLowerCase();
    const attrs = node.attribs;
    const label = classAndId(node);
    const hidden =
      'hidden' in attrs ||
      attrs['aria-hidden'] === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
    let negative = (label.trim() !== '' && NEGATIVE.test(label) && !POSITIVE.test(label)) || isAdSlot(node);
    if (negative && !STRONG_NEGATIVE.test(label)) {
      // A weakly named wrapper ("...-right-rail", "advertisement-off-canvas") that holds the page's prose stays.
      const m = measure(node);
      if (m.text > 1000 && m.link / m.text < 0.3) negative = false;
    }
    const role = (attrs.role ?? '').toLowerCase();
    // ASP.NET-style pages wrap everything in one <form>: only small forms are furniture.
    const smallForm = name === 'form' && measure(node).text < 400;
    if (
      DROP_TAGS.has(name) ||
      smallForm ||
      hidden ||
      NEGATIVE_ROLES.has(role) ||
      (negative && !['body', 'html', 'article', 'main'].includes(name)) ||
      (name === 'header' && !isInsideArticle(node))
    ) {
      remove.push(node);
      continue;
    }
    if (node.children) for (const child of node.children) stack.push(child);
  }
  for (const el of remove) detach(el);
}

function isInsideArticle(el: Element): boolean {
  for (let p = el.parent as Element | null; p; p = p.parent as Element | null) {
    if (p.type === 'tag' && (p.name === 'article' || p.name === 'main')) return true;
  }
  return false;
}

function detach(node: AnyNode): void {
  const parent = node.parent as Node | null;
  if (!parent?.children) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
}

/** Text of a subtree without recursion, with the length of text inside links. */
function measure(root: AnyNode): { text: number; link: number; commas: number } {
  let text = 0;
  let link = 0;
  let commas = 0;
  const stack: [AnyNode, boolean][] = [[root, false]];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const [node, inLink] = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      const len = data.replace(/\s+/g, ' ').trim().length;
      text += len;
      if (inLink) link += len;
      for (const ch of data) if (ch === ',' || ch === '，' || ch === '、') commas++;
      continue;
    }
    if (isElement(node) && node.children) {
      const nowLink = inLink || node.name === 'a';
      for (const child of node.children) stack.push([child, nowLink]);
    }
  }
  return { text, link, commas };
}

/** Readability-style: paragraphs vote for their parent and grandparent. */
function pickContainer(root: Node): Element[] {
  const scores = new Map<Element, number>();
  const stack: AnyNode[] = [root];
  let visited = 0;
  const weight = (el: Element) => {
    const label = classAndId(el);
    let w = 0;
    if (POSITIVE.test(label)) w += 25;
    if (NEGATIVE.test(label)) w -= 25;
    if (el.name === 'article') w += 30;
    if (el.name === 'main') w += 15;
    if (el.attribs.itemprop === 'articleBody') w += 50;
    return w;
  };
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.children) for (const child of node.children) stack.push(child);
    const name = node.name;
    if (name !== 'p' && name !== 'pre' && name !== 'blockquote' && !(name === 'div' && !hasBlockChild(node)))
      continue;
    const m = measure(node);
    if (m.text < 25) continue;
    const score = 1 + Math.min(m.commas, 10) + Math.min(Math.floor(m.text / 100), 3);
    const parent = node.parent as Element | null;
    if (!parent || !isElement(parent)) continue;
    if (!scores.has(parent)) scores.set(parent, weight(parent));
    scores.set(parent, scores.get(parent)! + score);
    const grand = parent.parent as Element | null;
    if (grand && isElement(grand)) {
      if (!scores.has(grand)) scores.set(grand, weight(grand));
      scores.set(grand, scores.get(grand)! + score / 2);
    }
  }
  let best: Element | undefined;
  let bestScore = -Infinity;
  for (const [el, raw] of scores) {
    const m = measure(el);
    const density = m.text > 0 ? m.link / m.text : 1;
    const score = raw * (1 - density);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return root.type === 'tag' || root.type === 'root' ? [root as unknown as Element] : [];
  // Climb while the parent holds much more good text than the candidate (articles split in sections).
  for (let i = 0; i < 3; i++) {
    const parent = best.parent as Element | null;
    if (!parent || !isElement(parent) || parent.name === 'body' || parent.name === 'html') break;
    const parentScore = scores.get(parent) ?? 0;
    if (parentScore > bestScore * 0.75 && (scores.get(best) ?? 0) < parentScore * 1.5) {
      best = parent;
      bestScore = parentScore;
    } else break;
  }
  return withSiblings(best, bestScore, scores);
}

/** Articles split into several sibling sections: keep the siblings that read like the body. */
function withSiblings(best: Element, bestScore: number, scores: Map<Element, number>): Element[] {
  const parent = best.parent as Element | null;
  if (!parent || !isElement(parent) || !parent.children) return [best];
  const threshold = Math.max(10, bestScore * 0.2);
  const bestLabel = best.attribs.class ?? '';
  const out: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === best) {
      out.push(sibling);
      continue;
    }
    let keep =
      (scores.get(sibling) ?? 0) >= threshold || (bestLabel !== '' && sibling.attribs.class === bestLabel);
    if (!keep && (sibling.name === 'p' || sibling.name === 'div' || sibling.name === 'section')) {
      const m = measure(sibling);
      const density = m.text > 0 ? m.link / m.text : 1;
      keep =
        (m.text > 80 && density < 0.25) ||
        (m.text > 0 && m.text <= 80 && density === 0 && /[.!?。]\s*$/.test(textOf(sibling)));
    }
    if (keep) out.push(sibling);
  }
  return out;
}

function textOf(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  let visited = 0;
  while (stack.length > 0 && visited++ < 5000) {
    const node = stack.pop()!;
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if (isElement(node) && node.children)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out.trim();
}

function hasBlockChild(el: Element): boolean {
  return (el.children ?? []).some((c) => isElement(c) && BLOCK_TAGS.has(c.name));
}

/** Block-separated text of the container, skipping link-heavy blocks (lists of other stories). */
function collectParagraphs(container: Element): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    current = '';
  };
  type Frame = { node: AnyNode; exit?: boolean };
  const stack: Frame[] = [{ node: container }];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const { node, exit } = stack.pop()!;
    if (node.type === 'text') {
      current += (node as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(node)) continue;
    const block = BLOCK_TAGS.has(node.name);
    if (exit) {
      if (block) flush();
      continue;
    }
    if (
      node !== container &&
      (node.name === 'ul' || node.name === 'ol' || node.name === 'table' || node.name === 'div')
    ) {
      const m = measure(node);
      if (m.text > 0 && m.link / m.text > 0.5) continue;
    }
    if (node.name === 'br') {
      flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, exit: true });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }
  flush();
  return out;
}

function splitPlain(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function cleanParagraphs(paragraphs: string[], title: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const normTitle = title.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const p of paragraphs) {
    const norm = p.toLowerCase();
    if (seen.has(norm)) continue;
    seen.add(norm);
    if (norm === normTitle) continue;
    if (isBoilerplateLine(p)) continue;
    out.push(p);
  }
  // Trailing short lines after the body are usually credits, tags or teasers.
  while (out.length > 1 && out[out.length - 1]!.length < 40 && !/[.!?。！？"”»]$/.test(out[out.length - 1]!))
    out.pop();
  return out;
}
