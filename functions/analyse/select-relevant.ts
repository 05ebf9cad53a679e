/**
 * The analyse stage as the run uses it: classify every candidate, ask for a second opinion on the
 * uncertain ones when a reviewer is configured, and keep the relevant items that match the
 * request's query and themes; once article text is in hand, read each item's themes again.
 */
import type { FeedItem, ScoredItem, ThemeId } from '#domain/types.ts';
import type { Logger, RelevanceReviewer, Store } from '#ports/ports.ts';
import { normaliseLanguage } from '#text/language.ts';
import { classifyItem } from './classify-relevance.ts';
import { LANGUAGES } from './entities.ts';
import { matchesQuery } from './match-query.ts';
import { applySecondOpinion, type SecondOpinionOptions } from './second-opinion.ts';

export interface SelectDeps {
  logger: Logger;
  /** Caches second opinions. */
  data: Store;
  relevanceReviewer?: RelevanceReviewer;
  /**
   * Classifications already made this run, by the item's text: the run classifies each feed's
   * items as they arrive (to prefetch pages) and again after merging duplicates; the text, and so
   * the classification, of most items is the same both times.
   */
  classified?: ClassificationMemo;
}

export type ClassificationMemo = Map<string, ReturnType<typeof classifyItem>>;

/** A new memo for one run's classifications. */
export function createClassificationMemo(): ClassificationMemo {
  return new Map();
}

/**
 * The item keeps the feed's language tag unless its text plainly says otherwise: a tag of a
 * language the lexicons read that the reading overrode (Polish portals declare "en-US") gives way
 * to the language the item was read in; a tag of another language stays; an untagged item takes
 * the language it was read in.
 */
function languageOf(tag: string | undefined, read: string): string {
  const declared = normaliseLanguage(tag);
  if (tag === undefined || declared === undefined) return read;
  return LANGUAGES.includes(declared) && declared !== read ? read : tag;
}

/** An item with its classification by its own text (looked up in the run's memo when given). */
export function scoreItem(item: FeedItem, memo?: ClassificationMemo): ScoredItem {
  const { language, namesASide: _, ...classification } = classificationOf(item, memo);
  return { ...item, language: languageOf(item.language, language), classification };
}

/** The classifier's whole answer for an item's own text, from the memo when it has it. */
export function classificationOf(item: FeedItem, memo?: ClassificationMemo): ReturnType<typeof classifyItem> {
  const input = {
    title: item.title,
    summary: item.summary,
    text: item.content,
    url: item.link,
    source: item.source,
    language: item.language,
  };
  const key = memo ? JSON.stringify(input) : '';
  let result = memo?.get(key);
  if (!result) {
    result = classifyItem(input);
    memo?.set(key, result);
  }
  return result;
}

export interface Selection {
  /** A narrower question: only items matching it are kept. */
  query?: string;
  /** Only items on at least one of these themes are kept. */
  themes?: readonly ThemeId[];
  secondOpinion: SecondOpinionOptions;
}

export async function selectRelevant(
  items: readonly FeedItem[],
  deps: SelectDeps,
  selection: Selection,
): Promise<ScoredItem[]> {
  let scored: ScoredItem[] = items.map((item) => scoreItem(item, deps.classified));
  if (deps.relevanceReviewer) {
    const reviewed = await applySecondOpinion(
      scored,
      { reviewer: deps.relevanceReviewer, data: deps.data, logger: deps.logger },
      selection.secondOpinion,
    );
    deps.logger.info('relevance second opinion', { ...reviewed.report });
    scored = reviewed.items;
  }
  const { query, themes } = selection;
  return scored.filter(
    (item) =>
      item.classification.relevant &&
      (!query || matchesQuery({ title: item.title, summary: item.summary, text: item.content }, query)) &&
      (!themes || item.classification.themes.some((t) => themes.includes(t))),
  );
}

/**
 * With the article text in hand, themes are read again from the fuller text; relevance stays. An
 * item relevant by its page (near-misses.ts) was classified from that same text already.
 */
export function refineThemes(item: ScoredItem): ScoredItem {
  if (!item.article?.text || item.classification.byPage) return item;
  const again = classifyItem({
    title: item.title,
    summary: item.summary,
    text: item.article.text,
    url: item.link,
    language: item.language,
  });
  const themes = again.themes.length > 0 ? again.themes : item.classification.themes;
  return { ...item, classification: { ...item.classification, themes } };
}
