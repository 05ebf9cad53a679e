/**
 * From same-event clusters to stories a reader can use: the representative report first, the
 * extractive summary, the story's themes (how its reports' themes combine), the signal against
 * the theme baseline, the rank and novelty, and the reports grouped by outlet with their
 * perspective (read from the outlet's domain, and marked so, when the feed gave none). Each
 * story keeps the reports' cleaned texts beside it as a draft, for the theme paragraphs and
 * for the abstractive option. Synchronous and deterministic.
 */
import { createHash } from 'node:crypto';
import { storyAnchorsOf } from '#analyse/cluster-stories.ts';
import { detectLanguage } from '#analyse/detect-language.ts';
import { tokenise } from '#analyse/entities.ts';
import { frameOfHeadline, WESTERN_ACTORS } from '#analyse/headline-frame.ts';
import { perspectiveOfUrl } from '#domain/outlets.ts';
import { BROAD_THEME } from '#domain/themes.ts';
import type { DuplicateReport, EditionArticle, ScoredItem, Story, ThemeId } from '#domain/types.ts';
import { scriptOf } from '#text/language.ts';
import { cleanTitle } from '#text/titles.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { labelSignal } from './label-signal.ts';
import { type RankContext, rankStory } from './rank-stories.ts';
import { hedges, informativeWords, type ReportText, reportText, reportUrl } from './report-text.ts';
import { type StoryTerms, summariseExtractively, termsOfStory } from './summarise-stories.ts';
import type { HeadlineTranslation } from './translate-headlines.ts';

/** English headlines by item id (the translation option). */
type Translations = ReadonlyMap<string, HeadlineTranslation>;

/** A story with what it was made from: its reports in order and their cleaned texts. */
export interface StoryDraft {
  story: Story;
  reports: ScoredItem[];
  texts: ReportText[];
  terms: StoryTerms;
  /** The story carries no signal because its reports read both ways (label-signal.ts). */
  mixed?: true;
}

/** Stories of the clusters with their drafts, highest rank first. */
export function draftStories(
  clusters: readonly (readonly ScoredItem[])[],
  context: RankContext,
  translations?: Translations,
): StoryDraft[] {
  return (
    clusters
      .filter((c) => c.length > 0)
      .map((cluster) => draftStory(cluster, context, translations))
      // Equal ranks are ordered by title first: ids derive from URLs, which carry the port of a
      // local sample server and change between runs.
      .sort(
        (a, b) =>
          b.story.rank - a.story.rank ||
          a.story.title.localeCompare(b.story.title) ||
          a.story.id.localeCompare(b.story.id),
      )
  );
}

/** Stories of the clusters, highest rank first. */
export function buildStories(clusters: readonly (readonly ScoredItem[])[], context: RankContext): Story[] {
  return draftStories(clusters, context).map((d) => d.story);
}

function draftStory(
  cluster: readonly ScoredItem[],
  context: RankContext,
  translations?: Translations,
): StoryDraft {
  const terms = termsOfStory(cluster);
  const reports = orderReports(cluster);
  const representative = reports[0]!;
  const texts = reports.map((item) => reportText(item, terms.key, translations?.get(item.id)));
  const sentences = summariseExtractively(reports, texts, terms);
  const themes = storyThemes(reports, representative.title);
  const { signal, mixed, reasons } = labelSignal(reports, themes, sentences);
  const articles = toArticles(reports, translations);
  const ranked = rankStory(reports, articles, signal, context);
  // A story the reports give nothing to summarise but a headline tells the reader less: it goes
  // below the stories the edition can say something about.
  const rank = sentences.length > 0 ? ranked.rank : Math.round(ranked.rank * HEADLINE_ONLY * 1000) / 1000;
  const { novelty } = ranked;
  const story: Story = {
    id: storyId(representative),
    title: cleanTitle(representative.title, representative.source),
    summary: sentences.map((s) => s.text).join(' '),
    sentences,
    themes,
    ...(signal ? { signal } : {}),
    signalReasons: reasons,
    ...(novelty ? { novelty } : {}),
    rank,
    articles,
  };
  return { story, reports, texts, terms, ...(mixed ? { mixed } : {}) };
}

/** Rank factor of a story with no reporting sentence, only its headline. */
const HEADLINE_ONLY = 0.85;

/** Stable across runs and editions: the representative's canonical link, else its id. */
function storyId(item: ScoredItem): string {
  const key = item.article?.canonicalUrl || item.link || item.id;
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * The representative first: the most central report (its headline shares most with the
 * others), then relevance, preferring one with the article text and one in English (the
 * language of the digest: read from the headline's words, since Polish shares English's script
 * and five Polish relays of one English report must not give the story a Polish title). A report
 * relevant only by its page leads only a story of such reports: its headline does not name the
 * relation ("China firmly opposes US, EU sanctions on Chinese firms").
 */
function orderReports(cluster: readonly ScoredItem[]): ScoredItem[] {
  const english = new Set(
    cluster.filter((item) => detectLanguage(tokenise(item.title), item.language) === 'en'),
  );
  const features = cluster.map((item) => new Set([...tokensOf(item.title), ...storyAnchorsOf(item.title)]));
  const centrality = features.map((f, i) => {
    if (cluster.length === 1) return 0;
    let sum = 0;
    features.forEach((g, j) => {
      if (i !== j) sum += dice(f, g);
    });
    return sum / (cluster.length - 1);
  });
  // Label-like headlines ("Xi and Putin's strategic friendship") say less than reports of the event.
  const words = (title: string) => title.split(/\s+/).length;
  // A headline that says what happened ("Putin and Xi invoke wartime unity") leads the story
  // before one that only says they met ("Xi and Putin meeting for talks in Beijing").
  const merit = (item: ScoredItem, i: number): number =>
    Math.min(informativeWords(item.title), 4) * 0.05 +
    item.classification.score * 0.35 -
    (words(item.title) < 7 && scriptOf(item.title) === 'latin' ? 0.1 : 0) +
    centrality[i]! * 0.8 +
    (item.article && item.article.text.length > 300 ? 0.1 : 0) +
    (english.has(item) ? ENGLISH_MERIT : 0) -
    (readsAsComment(item.title) ? COMMENT_PENALTY : 0);
  return cluster
    .map((item, i) => ({ item, merit: merit(item, i) }))
    .sort(
      (a, b) =>
        Number(a.item.classification.byPage ?? 0) - Number(b.item.classification.byPage ?? 0) ||
        b.merit - a.merit ||
        (a.item.published ?? '').localeCompare(b.item.published ?? '') ||
        a.item.id.localeCompare(b.item.id),
    )
    .map((x) => x.item);
}

/** Merit of a headline in English: more than centrality among same-language relays can give. */
const ENGLISH_MERIT = 0.5;

/**
 * A headline that reads an event rather than reports it (an analysis, a question, "Three things to
 * watch", "… seems to show China is on Russia's side") leads the story only when no report of the
 * event itself is as central: the story's title is what the reader takes for the day's news.
 */
const COMMENT_PENALTY = 0.15;
const readsAsComment = (title: string) => hedges(title) || frameOfHeadline(title).commentary;

/**
 * Share of the story's reports a theme needs beyond the first. Every report of a story takes the
 * story's themes, so adding a theme that c of its n reports carry adds c right and n - c wrong
 * labels: it raises the story's F1 only when c / n exceeds half that F1. At the F1 of the item
 * themes on real days (about 0.65-0.75), that is a third.
 */
const THEME_SHARE = 1 / 3;

/**
 * The story's themes, ranked by each report's themes weighted by its relevance and by the order
 * the report gives them. The strongest theme always; another when at least a third of the
 * reports carry it, so one report's side topic does not label the whole story; at most three.
 * The headline's Western actor puts the Western response first.
 */
export function storyThemes(items: readonly ScoredItem[], title?: string): ThemeId[] {
  const weight = new Map<ThemeId, number>();
  const carriers = new Map<ThemeId, number>();
  for (const item of items) {
    item.classification.themes.forEach((t, i) => {
      weight.set(t, (weight.get(t) ?? 0) + item.classification.score / Math.sqrt(i + 1));
      carriers.set(t, (carriers.get(t) ?? 0) + 1);
    });
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const themes = ranked
    .filter(([t], i) => i === 0 || (carriers.get(t) ?? 0) >= items.length * THEME_SHARE)
    .slice(0, 3)
    .map(([t]) => t);
  // A Western government's own move on the two sides ("EU, US sanction Chinese firms over
  // supplies to Russia's military") is the Western response, whatever else it touches: it is
  // filed there first.
  const actor = title === undefined ? undefined : frameOfHeadline(title).thirdParty;
  const western = themes.indexOf('western-response');
  if (western > 0 && actor !== undefined && WESTERN_ACTORS.has(actor))
    themes.unshift(...themes.splice(western, 1));
  return themes.length > 0 ? themes : [BROAD_THEME];
}

function toArticles(items: readonly ScoredItem[], translations?: Translations): EditionArticle[] {
  const out: EditionArticle[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const url = reportUrl(item);
    const language = item.language ?? item.article?.language;
    const inferred = item.perspective === 'other' ? perspectiveOfUrl(url) : undefined;
    const english = translations?.get(item.id)?.english;
    const article: EditionArticle = {
      title: cleanTitle(item.title, item.source),
      url,
      source: item.source,
      perspective: inferred ?? item.perspective,
      ...(inferred ? { perspectiveInferred: true } : {}),
      ...(item.published ? { published: item.published } : {}),
      score: item.classification.score,
      reasons: item.classification.reasons,
      ...(language ? { language } : {}),
      ...(item.articleNote ? { note: item.articleNote } : {}),
      ...(english ? { titleEnglish: english } : {}),
    };
    // Each source that carried the report is listed with its own headline, perspective, link and
    // time (ingest/dedupe-items.ts keeps them); a name without its report keeps the item's.
    const own = new Map((item.duplicates ?? []).map((d) => [d.source, d]));
    for (const source of [item.source, ...(item.alsoIn ?? [])]) {
      const row = own.has(source) ? duplicateRow(article, item, own.get(source)!) : { ...article, source };
      const key = `${row.url}\u0000${source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row);
    }
  }
  return out;
}

/** Another outlet's report of the same link or GUID, with nothing taken from the item's own. */
function duplicateRow(article: EditionArticle, item: ScoredItem, duplicate: DuplicateReport): EditionArticle {
  // The same link as the item: its resolved URL; a GUID match under another link: its own.
  const url = duplicate.link && duplicate.link !== item.link ? duplicate.link : article.url;
  const inferred = duplicate.perspective === 'other' ? perspectiveOfUrl(url) : undefined;
  const { published: _published, perspectiveInferred: _inferred, ...rest } = article;
  return {
    ...rest,
    title: cleanTitle(duplicate.title, duplicate.source),
    url,
    source: duplicate.source,
    perspective: inferred ?? duplicate.perspective,
    ...(inferred ? { perspectiveInferred: true } : {}),
    ...(duplicate.published ? { published: duplicate.published } : {}),
  };
}
