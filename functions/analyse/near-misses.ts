/**
 * A second look at items the feed text leaves below the cut. A headline that names one side over
 * an article that links the two is relevant ("China firmly opposes US, EU sanctions on Chinese
 * firms", whose page says the sanctions came "on the pretext of Russia"), but only the page shows
 * it, and a day's one-side items number in the thousands: far too many pages to read. The ones
 * worth a page report one of the day's events between the two sides: they name a side and share
 * at least two of the anchors that tell events apart, one of them a name (people, places,
 * organisations, beside kinds of event; not the two leaders, their capitals, a meeting as such,
 * figures or the day's date), with a relevant headline whose main clause names both sides and
 * that is no live page or round-up. An event relevant only through a summary, a backdrop clause
 * ("Kishida's visit to Ukraine comes as China's leader meets Putin") or a live page's other
 * entries spreads no further: the pages of its other reports would mention the summit in passing,
 * and a page's sentences count as a summary's. Their pages come after the relevant items' within
 * the same caps; read again with the page, those it makes relevant join the edition, the rest are
 * dropped.
 */
import type { FeedItem, ScoredItem, ThemeId } from '#domain/types.ts';
import { hasFullText } from '#extract/fetch-articles.ts';
import { classifyItem } from './classify-relevance.ts';
import { eventAnchorsAmong, eventAnchorsOf } from './cluster-stories.ts';
import { frameOfHeadline, isRoundUp } from './headline-frame.ts';
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

/**
 * The items below the cut worth their page, most shared anchors first, then by score, at most
 * `max`. Items with the full text in the feed are left out: their text was already read.
 */
export function findNearMisses(
  candidates: readonly FeedItem[],
  relevant: readonly ScoredItem[],
  options: { max: number; memo?: ClassificationMemo },
): NearMiss[] {
  const finder = createNearMissFinder(options.memo);
  finder.addRelevant(relevant);
  return finder.find(candidates, options.max);
}

export interface NearMissFinder {
  /** Relevant items: their events, when their headlines qualify, and never near misses themselves. */
  addRelevant(items: readonly ScoredItem[]): void;
  /** The near misses among `candidates` of the events added so far, at most `max`. */
  find(candidates: readonly FeedItem[], max: number): NearMiss[];
}

/**
 * findNearMisses for a run that learns its relevant items feed by feed (the page prefetcher):
 * each relevant headline is read once, not once per feed.
 */
export function createNearMissFinder(memo?: ClassificationMemo): NearMissFinder {
  const chosen = new Set<string>();
  const peers: { title: string; anchors: ReadonlySet<string> }[] = [];
  const wanted = new Set<string>();
  return {
    addRelevant(items) {
      for (const item of items) {
        chosen.add(item.id);
        if (!frameOfHeadline(item.title).bilateral || isRoundUp(item.title)) continue;
        const anchors = new Set(eventAnchorsOf(item.title));
        peers.push({ title: item.title, anchors });
        for (const a of anchors) wanted.add(a);
      }
    },
    find(candidates, max) {
      if (max <= 0 || peers.length === 0) return [];
      const found: NearMiss[] = [];
      for (const candidate of candidates) {
        if (chosen.has(candidate.id) || !candidate.link) continue;
        if (hasFullText(candidate)) continue;
        // What the classifier read (the run's memo has it): relevant already, and left out by
        // the request's themes, is not a miss; naming neither side, it cannot be one.
        const read = classificationOf(candidate, memo);
        if (read.relevant || !read.namesASide) continue;
        const anchors = eventAnchorsAmong(candidate.title, wanted);
        if (anchors.length < SHARED_ANCHORS) continue;
        let best: { title: string; shared: string[] } | undefined;
        for (const peer of peers) {
          const shared = anchors.filter((a) => peer.anchors.has(a));
          // Kinds of event alone ("military", "weapons") are shared by a whole war's reports.
          if (
            shared.length >= SHARED_ANCHORS &&
            shared.some((a) => a.startsWith('e:')) &&
            shared.length > (best?.shared.length ?? 0)
          )
            best = { title: peer.title, shared };
        }
        if (best) found.push({ item: scoreItem(candidate, memo), peer: best.title, shared: best.shared });
      }
      return found
        .sort(
          (a, b) =>
            b.shared.length - a.shared.length || b.item.classification.score - a.item.classification.score,
        )
        .slice(0, max);
    },
  };
}

/**
 * The article stage's items with the near misses read again with the pages fetched for them: the
 * others as they are, then the near misses now relevant (and on the request's themes, when it
 * names some) with the new classification and a reason saying why they were looked at; the rest
 * of the near misses are dropped.
 */
export function readNearMisses(
  fetched: readonly ScoredItem[],
  misses: readonly NearMiss[],
  themes?: readonly ThemeId[],
): { items: ScoredItem[]; report: NearMissReport } {
  const byId = new Map(misses.map((m) => [m.item.id, m]));
  const items = fetched.filter((item) => !byId.has(item.id));
  let rescued = 0;
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
      `as a report of the event of "${miss.peer}", sharing ${miss.shared.join(', ')} (+0.00)`;
    items.push({ ...item, classification: { ...again, reasons: [...again.reasons, why], byPage: true } });
    rescued++;
  }
  return { items, report: { looked: misses.length, rescued } };
}
