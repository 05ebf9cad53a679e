/**
 * Domain types shared by every stage. Raw XML, DOM objects and SDK types never cross this line:
 * feeds become FeedItems, pages become Articles, the run becomes an Edition.
 */
import * as z from './zod.ts';

export const THEME_IDS = [
  'alliance-diplomacy',
  'multipolar-order',
  'energy',
  'trade-finance',
  'military',
  'ukraine-war',
  'asymmetry-limits',
  'western-response',
  'tech-infrastructure',
  'narrative-history',
] as const;
export const ThemeIdSchema = z.enum(THEME_IDS);
export type ThemeId = z.infer<typeof ThemeIdSchema>;

/** How an outlet's framing is grouped for readers: who is speaking. */
export const PERSPECTIVES = [
  'wire',
  'western',
  'russian-state',
  'russian-independent',
  'chinese-state',
  'chinese-independent',
  'regional',
  'aggregator',
  'other',
] as const;
export const PerspectiveSchema = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof PerspectiveSchema>;

/** One configured source of news. */
export const FeedSourceSchema = z.object({
  name: z.string().check(z.minLength(1)),
  url: z.string().check(z.minLength(1)),
  perspective: z._default(PerspectiveSchema, 'other'),
  /** The perspective was guessed from the outlet's domain (feeds import), not stated by anyone. */
  perspectiveInferred: z.optional(z.boolean()),
  language: z.optional(z.string().check(z.minLength(2))),
});
export type FeedSource = z.infer<typeof FeedSourceSchema>;

/** A feed entry of any format after normalisation. Text fields are plain text, never HTML. */
export interface FeedItem {
  /** Stable across runs: derived from GUID, else canonical link, else title+date. */
  id: string;
  title: string;
  /** Canonical link (tracking parameters stripped). Empty string when the entry had none. */
  link: string;
  /** ISO-8601 UTC, absent when the feed gave no usable date. */
  published?: string;
  summary?: string;
  /** Full article text when the feed carried it (content:encoded, Atom content). */
  content?: string;
  author?: string;
  categories: string[];
  language?: string;
  /** Name of the source (FeedSource.name) this item came from. */
  source: string;
  perspective: Perspective;
  /** Other sources that carried the same canonical URL or GUID (exact duplicates merged). */
  alsoIn?: string[];
  /**
   * Those other sources' own reports, each with its own headline, outlet, perspective and time:
   * a merged item never shows one outlet's text under another's name.
   */
  duplicates?: DuplicateReport[];
}

/** Another feed's report of the same link or GUID, as that feed gave it. */
export interface DuplicateReport {
  source: string;
  perspective: Perspective;
  title: string;
  link: string;
  published?: string;
}

/** A parsed feed document. */
export interface ParsedFeed {
  title: string;
  link?: string;
  language?: string;
  items: Omit<FeedItem, 'source' | 'perspective'>[];
}

/** An article page after extraction. */
export interface Article {
  url: string;
  title: string;
  byline?: string;
  published?: string;
  canonicalUrl?: string;
  language?: string;
  /** Body as plain text, paragraphs separated by blank lines. */
  text: string;
}

/** `skipped`: not requested at all, because the run's fetch budget was spent while it waited. */
export const SOURCE_STATUSES = ['ok', 'not-modified', 'failed', 'skipped'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/**
 * What happened to one source during a run, as published in edition.json `sources`: the name,
 * a public reason ("timed out", "not reachable", "not a feed", "HTTP 503"...), and the feed URL
 * only without credentials, query or fragment, and only when its host is a public name.
 */
export interface SourceReport {
  name: string;
  url?: string;
  status: SourceStatus;
  /** Public reason, safe to publish. */
  error?: string;
  items: number;
  perspective?: Perspective;
  durationMs?: number;
}

/** The private form of a source's report: the configured URL and the full error (run report, logs). */
export interface SourceFetchReport extends SourceReport {
  url: string;
  /** The full one-line error, with addresses and URLs: never published. */
  detail?: string;
}

export interface Classification {
  relevant: boolean;
  /** 0..1 */
  score: number;
  themes: ThemeId[];
  reasons: string[];
  /** Relevant only once its page was read (a near miss of its feed text): its headline does not say so. */
  byPage?: true;
}

/** A relevant item with its classification and, when fetched, its article. */
export interface ScoredItem extends FeedItem {
  classification: Classification;
  article?: Article;
  /** Why the article page was not used, e.g. "fetch failed: HTTP 403", "paywalled". */
  articleNote?: string;
}

/** How a story relates to the theme's baseline from the reference documents. */
export const SIGNAL_LABELS = ['reinforces', 'new-development', 'counter-signal'] as const;
export type SignalLabel = (typeof SIGNAL_LABELS)[number];

/**
 * What an edition says about a story against the last editions in the archive: first reported
 * today, a further day of a story already carried, a follow-up to an earlier story, or nothing
 * to compare with (the archive's first edition).
 */
export const NOVELTY_KINDS = ['first', 'continuing', 'follow-up', 'first-edition'] as const;
export type NoveltyKind = (typeof NOVELTY_KINDS)[number];
export interface StoryNovelty {
  kind: NoveltyKind;
  /** Reader-facing words: "First reported today.", "Second day of coverage.", "Follow-up to …". */
  text: string;
}

export interface SummarySentence {
  text: string;
  /** URL of the article the sentence was taken from. */
  url: string;
  /** The report's headline, printed as its report or quoted, rather than a sentence of its text. */
  headline?: true;
}

export interface EditionArticle {
  title: string;
  url: string;
  source: string;
  perspective: Perspective;
  published?: string;
  score: number;
  reasons: string[];
  language?: string;
  note?: string;
  /** The perspective was read from the outlet's domain, not given by the feed. */
  perspectiveInferred?: boolean;
  /** An English rendering of a headline in another language (the translation option). */
  titleEnglish?: string;
}

export interface Story {
  id: string;
  title: string;
  /** One to three sentences, plain text. */
  summary: string;
  sentences: SummarySentence[];
  themes: ThemeId[];
  /** Absent when the reports give no clear reading against the baseline: no label beats a wrong one. */
  signal?: SignalLabel;
  signalReasons: string[];
  novelty?: StoryNovelty;
  /** Importance used for ordering; higher first. */
  rank: number;
  articles: EditionArticle[];
}

export interface ThemeDigest {
  id: ThemeId;
  title: string;
  /** The day’s paragraph; "No significant developments…" when nothing was reported, "" when the theme has nothing to add to the stories listed under it. */
  summary: string;
  /** The paragraph's sentence on what the day does to the reference documents' picture, when it has one. */
  baseline?: string;
  storyIds: string[];
}

export interface EditionStats {
  itemsSeen: number;
  itemsRelevant: number;
  stories: number;
  durationMs: number;
  articlesFetched?: number;
  sourcesFailed?: number;
}

export interface Edition {
  id: string;
  title: string;
  generatedAt: string;
  window: { from: string; to: string };
  /**
   * The scheduled daily edition, or an ad-hoc briefing asked for with its own window, themes or
   * query. Absent in editions written before it existed: those are daily.
   */
  kind?: 'daily' | 'ad-hoc';
  /** An ad-hoc briefing kept out of the public archive: it has no web version to link to. */
  private?: boolean;
  /** Free-text narrowing of an ad-hoc run, when given. */
  query?: string;
  /** The three most important developments, one sentence each. */
  topLine: SummarySentence[];
  stories: Story[];
  themes: ThemeDigest[];
  sources: SourceReport[];
  stats: EditionStats;
}

/** An entry of editions.json. */
export interface EditionIndexEntry {
  id: string;
  title: string;
  generatedAt: string;
  storyCount: number;
}
