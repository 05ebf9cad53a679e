/**
 * An article page's metadata: title, byline, published time, canonical URL and language, from
 * JSON-LD (schema.org Article types), <meta> (Open Graph, article:*, Dublin Core, Parse.ly,
 * Sailthru), microdata and, last, the visible page (h1, <time>, byline elements), collected from
 * the page's markup events (markup-events.ts) in the pass that also builds the content model;
 * never throws.
 */
import { parseDate } from '#text/dates.ts';
import { cleanInlineText } from '#text/html-to-text.ts';
import { normaliseLanguage } from '#text/language.ts';
import { pickVisibleTitle, stripSiteName } from '#text/titles.ts';
import { canonicalizeUrl } from '#text/urls.ts';
import type { MarkupSink } from './markup-events.ts';

export interface PageMetadata {
  title: string;
  byline?: string;
  published?: string;
  canonicalUrl?: string;
  language?: string;
  /** The publisher's own article text from JSON-LD `articleBody`, when given. */
  articleBody?: string;
}

const MAX_LD_SCRIPTS = 30;

interface Collected {
  lang?: string;
  docTitle?: string;
  h1?: string;
  meta: Map<string, string>;
  canonical?: string;
  ldScripts: string[];
  timeDatetime?: string;
  itempropDate?: string;
  /** The text of the first few byline elements, in page order. */
  authorTexts: string[];
}

/** Reads the metadata a collector found in a page. `url` resolves relative canonical links. */
export function readPageMetadata(collector: MetadataCollector, url: string): PageMetadata {
  const found = collector.found();
  const ld = readJsonLd(found.ldScripts);
  const meta = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = found.meta.get(name);
      if (value) return value;
    }
    return undefined;
  };
  const siteName = meta('og:site_name', 'application-name');
  const host = safeHost(url);

  let title = '';
  for (const candidate of [
    ld.headline,
    meta('og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title'),
  ]) {
    title = stripSiteName(cleanInlineText(candidate), { names: [siteName], host });
    if (title) break;
  }
  if (!title)
    title = pickVisibleTitle(cleanInlineText(found.h1), cleanInlineText(found.docTitle), {
      names: [siteName],
      host,
    });

  const result: PageMetadata = { title };

  const byline = pickByline(ld.authors, meta, found.authorTexts);
  if (byline) result.byline = byline;

  const published =
    parseDate(ld.datePublished) ??
    parseDate(
      meta(
        'article:published_time',
        'og:published_time',
        'og:article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'article.published',
        'parsely-pub-date',
        'sailthru.date',
        'dc.date.issued',
        'dcterms.issued',
        'dc.date',
        'dcterms.date',
        'date',
        'cxenseparse:recs:publishtime',
      ),
    ) ??
    parseDate(found.itempropDate) ??
    parseDate(found.timeDatetime);
  if (published) result.published = published;

  const canonicalRaw = found.canonical ?? meta('og:url');
  if (canonicalRaw) {
    const canonical = canonicalizeUrl(cleanInlineText(canonicalRaw), url);
    if (/^https?:\/\/[^/]/.test(canonical)) result.canonicalUrl = canonical;
  }

  const language = normaliseLanguage(
    found.lang ?? meta('content-language', 'dc.language', 'language', 'og:locale') ?? ld.inLanguage,
  );
  if (language) result.language = language;
  if (ld.articleBody) result.articleBody = ld.articleBody;
  return result;
}

/** An element's text being collected, a space before each run of text (as a tree walk joins text nodes). */
interface Capture {
  kind: 'title' | 'h1' | 'ld' | 'author' | 'date';
  /** Elements open inside the captured one, itself included. */
  depth: number;
  text: string;
  max: number;
  /** Where an author's text goes in authorTexts: bylines are read in the order their elements open. */
  slot?: number;
}

/** Elements whose content holds no metadata element: nothing inside them is looked at. */
const OPAQUE = new Set(['title', 'script', 'style', 'svg', 'noscript', 'template', 'meta', 'link']);

/**
 * Collects what readPageMetadata reads from the page's markup events: the first of each kind of
 * evidence, the JSON-LD scripts, and the text of the title, the first non-empty <h1>, byline
 * elements and visible publication dates.
 */
export class MetadataCollector implements MarkupSink {
  private readonly collected: Collected = { meta: new Map(), ldScripts: [], authorTexts: [] };
  private readonly captures: Capture[] = [];
  /** Names of the open elements. */
  private readonly names: string[] = [];
  /** Open elements inside an opaque one, itself included (its text may still be captured). */
  private opaqueDepth = 0;
  /** Open <style> and <svg> elements: style text is never text, a title inside SVG is not the page's. */
  private styleDepth = 0;
  private svgDepth = 0;
  private inTextRun = false;
  private authors = 0;

  open(name: string, attrs: Record<string, string>): void {
    this.inTextRun = false;
    this.names.push(name);
    for (const c of this.captures) c.depth++;
    const svgAbove = this.svgDepth > 0;
    if (name === 'style') this.styleDepth++;
    if (name === 'svg') this.svgDepth++;
    if (this.opaqueDepth > 0) {
      this.opaqueDepth++;
      return;
    }
    if (OPAQUE.has(name)) this.opaqueDepth = 1;
    const found = this.collected;
    switch (name) {
      case 'html':
        if (found.lang === undefined && attrs.lang?.trim()) found.lang = attrs.lang;
        else if (found.lang === undefined && attrs['xml:lang']?.trim()) found.lang = attrs['xml:lang'];
        break;
      case 'title':
        if (found.docTitle === undefined && !svgAbove) this.capture('title', 600);
        return;
      case 'meta': {
        const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '')
          .trim()
          .toLowerCase();
        const content = attrs.content?.trim();
        if (key && content && !found.meta.has(key)) found.meta.set(key, content);
        if (attrs.itemprop === 'datePublished' && content && !found.itempropDate)
          found.itempropDate = content;
        return;
      }
      case 'link':
        if (!found.canonical && /(^|\s)canonical(\s|$)/i.test(attrs.rel ?? '') && attrs.href?.trim())
          found.canonical = attrs.href;
        return;
      case 'script':
        if (/ld\+json/i.test(attrs.type ?? '') && found.ldScripts.length < MAX_LD_SCRIPTS)
          this.capture('ld', 2_000_000);
        return;
      case 'style':
      case 'svg':
      case 'noscript':
      case 'template':
        return;
      case 'h1':
        if (found.h1 === undefined && !this.captures.some((c) => c.kind === 'h1')) this.capture('h1', 600);
        break;
      case 'time':
        if (!found.timeDatetime && attrs.datetime?.trim()) found.timeDatetime = attrs.datetime;
        break;
      default:
        break;
    }
    if (attrs.itemprop === 'datePublished' && !found.itempropDate) {
      const value = attrs.content ?? attrs.datetime;
      if (value !== undefined) found.itempropDate = value;
      else if (!this.captures.some((c) => c.kind === 'date')) this.capture('date', 100);
    }
    if (this.authors < 5 && isAuthorElement(attrs)) {
      this.authors++;
      this.capture('author', 300);
      this.captures.at(-1)!.slot = this.collected.authorTexts.push('') - 1;
    }
  }

  text(data: string): void {
    if (this.styleDepth > 0) return;
    const run = this.inTextRun ? data : ` ${data}`;
    this.inTextRun = true;
    for (const c of this.captures) if (c.text.length < c.max) c.text += run;
  }

  interrupt(): void {
    this.inTextRun = false;
  }

  close(): void {
    this.inTextRun = false;
    const name = this.names.pop();
    if (name === 'style') this.styleDepth--;
    if (name === 'svg') this.svgDepth--;
    if (this.opaqueDepth > 0) this.opaqueDepth--;
    // The closing element is the innermost open one: the capture it started ends here.
    for (let i = this.captures.length - 1; i >= 0; i--) {
      const c = this.captures[i]!;
      if (--c.depth > 0) continue;
      this.captures.splice(i, 1);
      this.finish(c);
    }
  }

  /** What was collected, once the page has been read. */
  found(): Collected {
    for (const c of this.captures.splice(0)) this.finish(c);
    return this.collected;
  }

  private capture(kind: Capture['kind'], max: number): void {
    this.captures.push({ kind, depth: 1, text: '', max });
  }

  private finish(c: Capture): void {
    const text = c.text.length > c.max ? c.text.slice(0, c.max) : c.text;
    const found = this.collected;
    if (c.kind === 'title') found.docTitle ??= text;
    else if (c.kind === 'h1') {
      if (found.h1 === undefined && text.trim()) found.h1 = text;
    } else if (c.kind === 'ld') {
      if (text !== '' && found.ldScripts.length < MAX_LD_SCRIPTS) found.ldScripts.push(text);
    } else if (c.kind === 'date') found.itempropDate ??= text;
    else found.authorTexts[c.slot!] = text;
  }
}

const AUTHOR_CLASS = /(^|[\s_-])(byline|author|authors|writer)([\s_-]|$)/i;

function isAuthorElement(attrs: Record<string, string>): boolean {
  if (attrs.rel === 'author' || attrs.itemprop === 'author') return true;
  const cls = attrs.class;
  // The substring test first: the pattern runs only on the few classes that can match.
  return cls !== undefined && /author|byline|writer/i.test(cls) && AUTHOR_CLASS.test(cls);
}

interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  articleBody?: string;
  inLanguage?: string;
}

const ARTICLE_TYPE =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|AskPublicNewsArticle|SatiricalArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|Review|Blog|WebPage|CreativeWork)$/;
/** Article types ranked above the generic page types above. */
const STRONG_ARTICLE_TYPE = /Article|BlogPosting|Report|Review/;

function readJsonLd(scripts: string[]): JsonLdArticle {
  let best: Record<string, unknown> | undefined;
  let bestRank = 0;
  for (const script of scripts) {
    const data = parseJsonLenient(script);
    if (data === undefined) continue;
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 500; i++) {
      const node = queue[i];
      if (Array.isArray(node)) {
        queue.push(...node.slice(0, 100));
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...o['@graph'].slice(0, 100));
      if (o.mainEntity && typeof o.mainEntity === 'object') queue.push(o.mainEntity);
      if (o.mainEntityOfPage && typeof o.mainEntityOfPage === 'object') queue.push(o.mainEntityOfPage);
      const types = (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).map((t) => String(t ?? ''));
      if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
      const rank =
        (types.some((t) => STRONG_ARTICLE_TYPE.test(t)) ? 2 : 1) +
        (typeof o.headline === 'string' ? 1 : 0) +
        (typeof o.articleBody === 'string' ? 1 : 0);
      if (rank > bestRank) {
        best = o;
        bestRank = rank;
      }
    }
  }
  if (!best) return { authors: [] };
  const result: JsonLdArticle = { authors: authorNames(best.author ?? best.creator) };
  const headline = firstString(best.headline) ?? (bestRank > 1 ? firstString(best.name) : undefined);
  if (headline) result.headline = headline;
  const date = firstString(best.datePublished) ?? firstString(best.dateCreated);
  if (date) result.datePublished = date;
  const body = firstString(best.articleBody) ?? firstString(best.text);
  if (body) result.articleBody = body;
  const language = firstString(best.inLanguage);
  if (language) result.inLanguage = language;
  return result;
}

function parseJsonLenient(text: string): unknown {
  let body = text.trim();
  // Wrappers older pages put around script content: <!-- -->, //<![CDATA[ ... //]]>.
  if (body.startsWith('<!--')) body = body.slice(4);
  if (body.endsWith('-->')) body = body.slice(0, -3);
  const cdata = body.indexOf('<![CDATA[');
  if (cdata !== -1 && cdata < 16) body = body.slice(cdata + 9);
  const cdataEnd = body.lastIndexOf(']]>');
  if (cdataEnd !== -1 && cdataEnd > body.length - 16)
    body = body.slice(0, cdataEnd).replace(/(\/\/|\/\*)\s*$/, '');
  body = body.trim();
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // Hand-written JSON-LD often carries raw newlines and tabs inside strings.
    try {
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return firstString(value[0]);
  return undefined;
}

function authorNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, 10) : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of list) {
    const name =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? firstString((item as Record<string, unknown>).name)
          : undefined;
    const clean = cleanByline(name);
    if (clean && !names.includes(clean)) names.push(clean);
  }
  return names;
}

function pickByline(
  ldAuthors: string[],
  meta: (...names: string[]) => string | undefined,
  authorTexts: string[],
): string | undefined {
  if (ldAuthors.length > 0) return ldAuthors.join(', ');
  const fromMeta = cleanByline(
    meta(
      'author',
      'article:author',
      'byl',
      'sailthru.author',
      'parsely-author',
      'dc.creator',
      'dcterms.creator',
    ),
  );
  if (fromMeta) return fromMeta;
  for (const text of authorTexts) {
    const clean = cleanByline(text);
    if (clean) return clean;
  }
  return undefined;
}

/** A person's or desk's name: no URLs, no dates, not a paragraph. */
function cleanByline(raw: string | undefined): string | undefined {
  const named = cleanInlineText(raw).replace(/^(by|от|par|von|por|di|作者)[:：\s]+/i, '');
  if (/^(last )?(updated|published|posted|modified)\b/i.test(named)) return undefined;
  const text = named
    .replace(/\s+[|•·]\s.*$/, '')
    .replace(/\s*[|,]?\s*(updated|published|posted)\b.*$/i, '')
    .replace(/[\s—–\-|,:;]+$/, '')
    .trim();
  if (!text || text.length > 100 || /^https?:|www\.|@.*\./i.test(text)) return undefined;
  if (/\d{4}/.test(text) || text.split(/\s+/).length > 12) return undefined;
  return text;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
