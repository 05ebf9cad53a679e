/**
 * Assembles the edition from the relevant items: same-event stories, ranked, themed,
 * summarised (extractively, or abstractively with the summariser when one is given), with the
 * top line and one paragraph per theme. The summary length follows a reading budget: the most
 * important stories get up to three sentences, the next ones two, the rest one.
 */
import { clusterStories } from '#analyse/cluster-stories.ts';
import type { Edition, ScoredItem, SourceReport, ThemeId } from '#domain/types.ts';
import type { Logger, Summariser } from '#ports/ports.ts';
import { type AbstractiveOptions, summariseAbstractively } from './abstractive-summary.ts';
import { draftStories, type StoryDraft } from './build-stories.ts';
import type { PreviousStoryRef } from './rank-stories.ts';
import { buildThemeDigests } from './theme-digests.ts';
import { buildTopLine } from './top-line.ts';
import type { HeadlineTranslation } from './translate-headlines.ts';

export interface EditionInput {
  id: string;
  title: string;
  now: Date;
  window: { from: Date; to: Date };
  query?: string;
  themes: ThemeId[];
  items: ScoredItem[];
  sources: SourceReport[];
  itemsSeen: number;
  articlesFetched: number;
  maxStories: number;
  /**
   * Stories of the latest earlier editions, newest edition first: repeated coverage ranks below
   * new events and says which day of coverage it is. Empty: the archive's first edition; absent:
   * unknown (nothing is said about novelty).
   */
  previous?: PreviousStoryRef[];
  /** English headlines by item id, for reports not in English (the translation option). */
  translations?: ReadonlyMap<string, HeadlineTranslation>;
}

/** Sentences per story by rank position: the reading budget of the email. */
const BUDGET = [
  { upTo: 4, sentences: 3 },
  { upTo: 10, sentences: 2 },
] as const;

export function buildEdition(input: EditionInput): Edition {
  return assembleEdition(input, draftEdition(input));
}

/** The edition with abstractive summaries where the summariser gives grounded ones. */
export async function buildEditionWithSummariser(
  input: EditionInput,
  summariser: Summariser,
  logger: Logger,
  options?: AbstractiveOptions,
): Promise<Edition> {
  const drafts = await summariseAbstractively(draftEdition(input), summariser, logger, options);
  return assembleEdition(input, drafts.map(withinBudget));
}

function draftEdition(input: EditionInput): StoryDraft[] {
  const drafts = draftStories(
    clusterStories(input.items),
    { now: input.now, ...(input.previous ? { previous: input.previous } : {}) },
    input.translations,
  ).slice(0, input.maxStories);
  return drafts.map(withinBudget);
}

function withinBudget(draft: StoryDraft, position: number): StoryDraft {
  const max = BUDGET.find((b) => position < b.upTo)?.sentences ?? 1;
  if (draft.story.sentences.length <= max) return draft;
  const sentences = draft.story.sentences.slice(0, max);
  return { ...draft, story: { ...draft.story, sentences, summary: sentences.map((s) => s.text).join(' ') } };
}

function assembleEdition(input: EditionInput, drafts: readonly StoryDraft[]): Edition {
  const stories = drafts.map((d) => d.story);
  const topLine = buildTopLine(stories);
  return {
    id: input.id,
    title: input.title,
    generatedAt: input.now.toISOString(),
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    ...(input.query ? { query: input.query } : {}),
    topLine,
    stories,
    themes: buildThemeDigests(
      drafts,
      input.themes,
      topLine.map((t) => t.text),
    ),
    sources: input.sources,
    stats: {
      itemsSeen: input.itemsSeen,
      itemsRelevant: input.items.length,
      stories: stories.length,
      durationMs: 0,
      articlesFetched: input.articlesFetched,
      sourcesFailed: input.sources.filter((s) => s.status === 'failed').length,
    },
  };
}
