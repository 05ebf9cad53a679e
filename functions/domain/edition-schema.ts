/**
 * The schema of a stored edition (the `Edition` of types.ts), for the readers that take a whole
 * edition back from storage: the sender renders every field of it, so a document of the wrong
 * shape must be refused with the field named, not rendered half-way. Annotated with the
 * interface, so the two cannot drift apart without the typecheck saying so.
 */
import {
  type Edition,
  NOVELTY_KINDS,
  PerspectiveSchema,
  SIGNAL_LABELS,
  SOURCE_STATUSES,
  type Story,
  type SummarySentence,
  ThemeIdSchema,
} from './types.ts';
import * as z from './zod.ts';

const SummarySentenceSchema: z.ZodMiniType<SummarySentence> = z.object({
  text: z.string(),
  url: z.string(),
  headline: z.optional(z.literal(true)),
});

const StorySchema: z.ZodMiniType<Story> = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  sentences: z.array(SummarySentenceSchema),
  themes: z.array(ThemeIdSchema),
  signal: z.optional(z.enum(SIGNAL_LABELS)),
  signalReasons: z.array(z.string()),
  novelty: z.optional(z.object({ kind: z.enum(NOVELTY_KINDS), text: z.string() })),
  rank: z.number(),
  articles: z.array(
    z.object({
      title: z.string(),
      url: z.string(),
      source: z.string(),
      perspective: PerspectiveSchema,
      published: z.optional(z.string()),
      score: z.number(),
      reasons: z.array(z.string()),
      language: z.optional(z.string()),
      note: z.optional(z.string()),
      perspectiveInferred: z.optional(z.boolean()),
      titleEnglish: z.optional(z.string()),
    }),
  ),
});

const count = z.number().check(z.int(), z.minimum(0));

export const EditionSchema: z.ZodMiniType<Edition> = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  generatedAt: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  kind: z.optional(z.enum(['daily', 'ad-hoc'])),
  private: z.optional(z.boolean()),
  query: z.optional(z.string()),
  topLine: z.array(SummarySentenceSchema),
  stories: z.array(StorySchema),
  themes: z.array(
    z.object({
      id: ThemeIdSchema,
      title: z.string(),
      summary: z.string(),
      baseline: z.optional(z.string()),
      storyIds: z.array(z.string()),
    }),
  ),
  sources: z.array(
    z.object({
      name: z.string(),
      url: z.optional(z.string()),
      status: z.enum(SOURCE_STATUSES),
      error: z.optional(z.string()),
      items: count,
      perspective: z.optional(PerspectiveSchema),
      durationMs: z.optional(z.number()),
    }),
  ),
  stats: z.object({
    itemsSeen: count,
    itemsRelevant: count,
    stories: count,
    durationMs: z.number(),
    articlesFetched: z.optional(count),
    sourcesFailed: z.optional(count),
  }),
});
