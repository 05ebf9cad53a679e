/**
 * OPML subscription lists into feed sources, and merging them into a feeds file without
 * duplicates. Folders and category attributes that name a perspective ("Russian state",
 * "/chinese-state") set it; everything else is "other".
 */
import { load } from 'cheerio/slim';
import { InvalidInputError } from '#domain/errors.ts';
import { type FeedSource, PERSPECTIVES, type Perspective } from '#domain/types.ts';
import { cleanInlineText } from '#text/html-to-text.ts';
import { canonicalizeUrl } from '#text/urls.ts';
import { stripDoctype } from './parse-feed.ts';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

function toPerspective(hint: string): Perspective | undefined {
  const s = slug(hint);
  return (PERSPECTIVES as readonly string[]).includes(s) ? (s as Perspective) : undefined;
}

/** An outline with a feed address that was not imported, and why. */
export interface DroppedOutline {
  name: string;
  url: string;
  reason: string;
}

/**
 * Every outline with a feed address, nested folders included, in document order. Addresses
 * that are not http(s) are left out and, when `onDropped` is given, reported to it.
 */
export function parseOpml(
  xml: string,
  baseUrl?: string,
  onDropped?: (outline: DroppedOutline) => void,
): FeedSource[] {
  const $ = load(stripDoctype(xml.replace(/^\ufeff/, '')).xml, { xml: { xmlMode: true } });
  if ($('opml').length === 0) throw new InvalidInputError('not an OPML document: no <opml> element');
  const out: FeedSource[] = [];
  $('outline').each((_, el) => {
    const node = $(el);
    const attrs = Object.fromEntries(Object.entries(el.attribs).map(([k, v]) => [k.toLowerCase(), v.trim()]));
    const raw = attrs.xmlurl || (/^(rss|atom|feed)$/i.test(attrs.type ?? '') ? attrs.url : '') || '';
    if (!raw) return;
    const name = cleanInlineText(attrs.title || attrs.text || '');
    let url: URL;
    try {
      url = new URL(raw, baseUrl);
    } catch {
      onDropped?.({ name, url: raw, reason: 'not a URL' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      onDropped?.({ name, url: raw, reason: `${url.protocol.replace(':', '')}: URLs are not fetched` });
      return;
    }
    // The outline's own category wins over the folders it sits in, the nearest folder first.
    const hints = [
      ...(attrs.category ?? '').split(/[,/]/),
      ...node
        .parents('outline')
        .toArray()
        .map((p) => $(p).attr('text') ?? $(p).attr('title') ?? ''),
    ];
    const perspective = hints.map(toPerspective).find(Boolean) ?? 'other';
    const language = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(attrs.language ?? '') ? attrs.language : undefined;
    out.push({
      name: name || url.host,
      url: url.toString(),
      perspective,
      ...(language ? { language } : {}),
    });
  });
  return out;
}

/** Adds sources whose canonical URL is not yet present; existing entries are never changed. */
export function mergeFeedSources(
  existing: readonly FeedSource[],
  added: readonly FeedSource[],
): { feeds: FeedSource[]; added: number; skipped: number } {
  const key = (f: FeedSource) => (/^https?:/i.test(f.url) ? canonicalizeUrl(f.url) : f.url);
  const seen = new Set(existing.map(key));
  const feeds = [...existing];
  let count = 0;
  for (const f of added) {
    if (seen.has(key(f))) continue;
    seen.add(key(f));
    feeds.push(f);
    count++;
  }
  return { feeds, added: count, skipped: added.length - count };
}
