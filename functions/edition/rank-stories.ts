/**
 * How important a story is today, and what is new about it against the last editions in the
 * archive. Importance on 0..1: relevance (0.3), breadth of coverage (0.2), balance of
 * perspectives (0.1), recency (0.1) and novelty (0.3); a new development weighs a little more
 * than more of the same, and a repeat without new reports ranks lower.
 */
import { storyAnchorsOf } from '#analyse/cluster-stories.ts';
import type { EditionArticle, Perspective, ScoredItem, SignalLabel, StoryNovelty } from '#domain/types.ts';
import { truncateText } from '#text/html-to-text.ts';
import { dice, tokensOf } from '#text/tokens.ts';

/** A story of an earlier edition, to tell what is new. */
export interface PreviousStoryRef {
  title: string;
  /** The edition it appeared in (newest editions first in the list). */
  editionId?: string;
  /** Article URLs that story listed: reports the reader has already seen. */
  urls?: readonly string[];
}

export interface RankContext {
  now: Date;
  /** Stories of the last editions in the archive: empty for the first edition, absent when unknown. */
  previous?: readonly PreviousStoryRef[];
}

/** Perspectives that say nothing about whose framing a report carries. */
const NEUTRAL_PERSPECTIVES = new Set<Perspective>(['other', 'aggregator']);
/** Headline overlap (Dice) at or above which an earlier story is the same story. */
const SAME_STORY = 0.5;
/** Anchors too common to make a story a follow-up of another. */
const WEAK = new Set([
  'e:xi',
  'e:putin',
  'e:moscow',
  'e:beijing',
  'e:kremlin',
  'e:us',
  'e:ukraine',
  'x:leaders-meet',
]);
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh'];

export function rankStory(
  items: readonly ScoredItem[],
  articles: readonly EditionArticle[],
  signal: SignalLabel | undefined,
  context: RankContext,
): { rank: number; novelty?: StoryNovelty } {
  const scores = items.map((i) => i.classification.score);
  const relevance = Math.max(...scores) * 0.6 + (scores.reduce((a, b) => a + b, 0) / scores.length) * 0.4;
  const outlets = new Set(articles.map((a) => a.source)).size;
  const breadth = Math.min(1, Math.log2(1 + outlets) / Math.log2(9));
  const perspectives = new Set(articles.map((a) => a.perspective).filter((p) => !NEUTRAL_PERSPECTIVES.has(p)))
    .size;
  const balance = Math.min(1, Math.max(0, perspectives - 1) / 3);
  const times = items
    .map((i) => (i.published ? Date.parse(i.published) : Number.NaN))
    .filter(Number.isFinite);
  const recency =
    times.length > 0
      ? Math.max(0, Math.min(1, 1 - (context.now.getTime() - Math.max(...times)) / (48 * 3_600_000)))
      : 0.5;
  const { score: novelty, novelty: said } = context.previous
    ? noveltyOf(items, articles, context.previous)
    : { score: 1, novelty: undefined };
  const rank =
    relevance * 0.3 +
    breadth * 0.2 +
    balance * 0.1 +
    recency * 0.1 +
    novelty * 0.3 +
    (signal === 'new-development' ? 0.03 : 0);
  return { rank: Math.round(rank * 1000) / 1000, ...(said ? { novelty: said } : {}) };
}

/**
 * Novelty on 0..1 and what to tell the reader. An event no earlier edition carried is 1 and
 * "first reported"; the same story again scores the share of reports the reader has not seen
 * (scaled down: more of a known story is less news than a new event) and says which day of
 * coverage this is; a story sharing the distinctive names of an earlier one is a follow-up.
 */
function noveltyOf(
  items: readonly ScoredItem[],
  articles: readonly EditionArticle[],
  previous: readonly PreviousStoryRef[],
): { score: number; novelty: StoryNovelty } {
  if (previous.length === 0)
    return {
      score: 1,
      novelty: {
        kind: 'first-edition',
        text: 'First edition of the briefing: nothing earlier to compare with.',
      },
    };
  const urls = new Set(articles.map((a) => a.url));
  const titles = items.map((i) => new Set(tokensOf(i.title)));
  const same = previous.filter(
    (p) =>
      (p.urls ?? []).some((u) => urls.has(u)) ||
      titles.some((t) => dice(t, new Set(tokensOf(p.title))) >= SAME_STORY),
  );
  if (same.length > 0) {
    const days = new Set(same.map((p) => p.editionId ?? p.title)).size + 1;
    const first = same.at(-1)!;
    const since = first.editionId ? ` (first reported in the edition of ${first.editionId})` : '';
    const seen = new Set(same.flatMap((p) => p.urls ?? []));
    const unseen = articles.filter((a) => !seen.has(a.url)).length;
    const score = seen.size === 0 ? 0.25 : (unseen / Math.max(1, articles.length)) * 0.6;
    return {
      score,
      novelty: {
        kind: 'continuing',
        text: `${ORDINALS[days - 1] ?? `Day ${days}`} day of coverage${since}${unseen > 0 ? `, with ${unseen} new report${unseen === 1 ? '' : 's'}` : ', no new reports'}.`,
      },
    };
  }
  const anchors = distinctiveAnchors(items.map((i) => i.title).join('\n'));
  const related = previous.find((p) => {
    let shared = 0;
    for (const a of distinctiveAnchors(p.title)) if (anchors.has(a)) shared++;
    return shared >= 2;
  });
  if (related)
    return {
      score: 0.8,
      novelty: {
        kind: 'follow-up',
        text: `Follow-up to “${truncateText(related.title, 100)}”${related.editionId ? ` (edition of ${related.editionId})` : ''}.`,
      },
    };
  return { score: 1, novelty: { kind: 'first', text: 'First reported today.' } };
}

function distinctiveAnchors(text: string): Set<string> {
  return new Set(
    [...storyAnchorsOf(text)].filter(
      (a) => !WEAK.has(a) && !a.startsWith('k:talks') && !a.startsWith('k:visit'),
    ),
  );
}
