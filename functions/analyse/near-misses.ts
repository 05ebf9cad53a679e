/**
 * A second look at items the feed text leaves below the cut. A headline that names one side over
 * an article that links the two is relevant ("China firmly opposes US, EU sanctions on Chinese
 * firms", whose page says the sanctions came "on the pretext of Russia"), but only the page shows
 * it, and a day's one-side items number in the thousands: far too many pages to read. The ones
 * worth a page report one of the day's relevant events: they name a side and share at least two
 * of the anchors that tell events apart (people, places, organisations, kinds of event; not the
 * two leaders, their capitals, a meeting as such, figures or the day's date) with the headline of
 * one relevant item. Their pages come after the relevant items' within the same caps; read again
 * with the page, those it makes relevant join the edition, the rest are dropped.
 */
import type { FeedItem, ScoredItem, ThemeId } from '#domain/types.ts';
import { FULL_TEXT_WORDS } from '#extract/fetch-articles.ts';
import { classifyItem } from './classify-relevance.ts';
import { eventAnchorsAmong, eventAnchorsOf } from './cluster-stories.ts';
import { type ClassificationMemo, classificationOf, scoreItem } from './select-relevant.ts';

/** Event anchors a near miss shares with one relevant headline, at least. */
export const SHARED_ANCHORS = 2;

export interface NearMiss {
  item: ScoredItem;
  /** The relevant item's headline whose event it seems to report. */
  peer: string;
  shared: string[];
}

export interface NearMissReport {
  /** Items given a second look (their pages requested, within the caps). */
  looked: number;
  /** Of those, the ones their pages made relevant. */
  rescued: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The items below the cut worth their page, most shared anchors first, then by score, at most
 * `max`. Items with the full text in the feed are left out: their text was already read.
 */
export function findNearMisses(
  candidates: readonly FeedItem[],
  relevant: readonly ScoredItem[],
  options: { max: number; memo?: ClassificationMemo },
): NearMiss[] {
  if (options.max <= 0 || relevant.length === 0) return [];
  const chosen = new Set(relevant.map((item) => item.id));
  const peers = relevant.map((item) => ({ title: item.title, anchors: new Set(eventAnchorsOf(item.title)) }));
  const wanted = new Set(peers.flatMap((p) => [...p.anchors]));
  const found: NearMiss[] = [];
  for (const candidate of candidates) {
    if (chosen.has(candidate.id) || !candidate.link) continue;
    if (candidate.content && words(candidate.content) >= FULL_TEXT_WORDS) continue;
    // What the classifier read (the run's memo has it): relevant already, and left out by the
    // request's themes, is not a miss; naming neither side, it cannot be one.
    const read = classificationOf(candidate, options.memo);
    if (read.relevant || !read.namesASide) continue;
    const anchors = eventAnchorsAmong(candidate.title, wanted);
    if (anchors.length < SHARED_ANCHORS) continue;
    let best: { title: string; shared: string[] } | undefined;
    for (const peer of peers) {
      const shared = anchors.filter((a) => peer.anchors.has(a));
      if (shared.length >= SHARED_ANCHORS && shared.length > (best?.shared.length ?? 0))
        best = { title: peer.title, shared };
    }
    if (!best) continue;
    found.push({ item: scoreItem(candidate, options.memo), peer: best.title, shared: best.shared });
  }
  return found
    .sort(
      (a, b) =>
        b.shared.length - a.shared.length || b.item.classification.score - a.item.classification.score,
    )
    .slice(0, options.max);
}

/**
 * The near misses read again with the pages fetched for them: those now relevant (and on the
 * request's themes, when it names some), with the new classification and a reason saying why
 * they were looked at.
 */
export function readNearMisses(
  fetched: readonly ScoredItem[],
  misses: readonly NearMiss[],
  themes?: readonly ThemeId[],
): { items: ScoredItem[]; report: NearMissReport } {
  const byId = new Map(misses.map((m) => [m.item.id, m]));
  const items: ScoredItem[] = [];
  for (const item of fetched) {
    const miss = byId.get(item.id);
    if (!miss || !item.article?.text) continue;
    const {
      language: _,
      namesASide: __,
      ...again
    } = classifyItem({
      title: item.title,
      summary: item.summary,
      text: item.article.text,
      url: item.link,
      language: item.language,
    });
    if (!again.relevant || (themes && !again.themes.some((t) => themes.includes(t)))) continue;
    const why =
      `second look: ${item.classification.score.toFixed(3)} on its feed text; read again with its page ` +
      `as a report of the event of "${miss.peer}" (${miss.shared.join(', ')})`;
    items.push({ ...item, classification: { ...again, reasons: [...again.reasons, why], byPage: true } });
  }
  return { items, report: { looked: misses.length, rescued: items.length } };
}
