/**
 * Assembles the edition from the relevant items: same-event stories, ranked, themed, summarised,
 * with the top line and one digest per theme. Pure: everything it needs is in its input.
 */

import { clusterStories } from '#analyse/cluster-stories.ts';
import type { Edition, ScoredItem, SourceReport, ThemeId } from '#domain/types.ts';
import { buildStories, buildThemeDigests, buildTopLine } from './summarise-stories.ts';

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
  /** Stories of the latest earlier editions: repeated coverage ranks below new events. */
  previous?: { title: string }[];
}

export function buildEdition(input: EditionInput): Edition {
  const clusters = clusterStories(input.items);
  const stories = buildStories(clusters, {
    now: input.now,
    ...(input.previous ? { previous: input.previous } : {}),
  })
    .sort((a, b) => b.rank - a.rank)
    .slice(0, input.maxStories);
  const themes = buildThemeDigests(stories, input.themes);
  return {
    id: input.id,
    title: input.title,
    generatedAt: input.now.toISOString(),
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    ...(input.query ? { query: input.query } : {}),
    topLine: buildTopLine(stories),
    stories,
    themes,
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
