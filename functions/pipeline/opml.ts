/** OPML subscription lists into feed sources, and merging them into a feeds file without duplicates. */
import { load } from 'cheerio/slim';
import { NotAFeedError } from '../domain/errors.ts';
import { type FeedSource, PERSPECTIVES, type Perspective } from '../domain/types.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { cleanInlineText } from './plain-text.ts';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

export function parseOpml(xml: string, baseUrl?: string): FeedSource[] {
  const $ = load(xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, ''), { xml: { xmlMode: true } });
  if ($('opml').length === 0) throw new NotAFeedError('not an OPML document: no <opml> element');
  const out: FeedSource[] = [];
  $('outline[xmlUrl], outline[xmlurl]').each((_, el) => {
    const node = $(el);
    const raw = node.attr('xmlUrl') ?? node.attr('xmlurl') ?? '';
    let url: string;
    try {
      url = new URL(raw.trim(), baseUrl).toString();
    } catch {
      return;
    }
    if (!/^https?:\/\//i.test(url)) return;
    // A perspective may come from the outline's category or from the folder it sits in.
    const hints = [
      node.attr('category') ?? '',
      ...node
        .parents('outline')
        .toArray()
        .map((p) => $(p).attr('text') ?? $(p).attr('title') ?? ''),
    ];
    const perspective = hints
      .map(slug)
      .find((h): h is Perspective => (PERSPECTIVES as readonly string[]).includes(h));
    const language = node.attr('language')?.trim().slice(0, 5);
    out.push({
      name: cleanInlineText(node.attr('title') ?? node.attr('text') ?? '') || new URL(url).host,
      url,
      perspective: perspective ?? 'other',
      ...(language && language.length >= 2 ? { language } : {}),
    });
  });
  return out;
}

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
