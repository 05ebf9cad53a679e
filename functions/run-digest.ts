/**
 * One digest run: fetch → parse → dedupe → relevance → articles → stories → themes →
 * summaries → archive → mail. The CLI and the Lambda handlers both call runDigest; it reaches
 * the world only through the ports in deps, and takes its time from deps.clock.
 */

import { setMaxListeners } from 'node:events';
import { z } from 'zod';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { matchesQuery } from '#analyse/match-query.ts';
import { applySecondOpinion } from '#analyse/second-opinion.ts';
import { type PrivateEditionReport, writePrivateEdition } from '#archive/private-edition.ts';
import { type PublishReport, publishEdition } from '#archive/publish-archive.ts';
import type { Config } from '#config/schema.ts';
import { type DeliveryReport, deliverEdition } from '#deliver/deliver-edition.ts';
import { describeError, SourcesFailedError } from '#domain/errors.ts';
import { siteKeys } from '#domain/keys.ts';
import type { RunRequest } from '#domain/run-request.ts';
import type { Edition, FeedItem, ScoredItem, SourceFetchReport } from '#domain/types.ts';
import { buildEdition, buildEditionWithSummarizer, type EditionInput } from '#edition/build-edition.ts';
import type { PreviousStoryRef } from '#edition/rank-stories.ts';
import { translateHeadlines } from '#edition/translate-headlines.ts';
import { fetchArticles } from '#extract/fetch-articles.ts';
import { mergeDuplicateItems } from '#ingest/dedupe-items.ts';
import { fetchFeeds, publicSourceReport } from '#ingest/fetch-feeds.ts';
import { isUnseen, loadSeenState, markSeen } from '#ingest/seen-items.ts';
import { assessSources, recordSourceHealth, type SourceHealthSummary } from '#ingest/source-health.ts';
import type {
  Clock,
  HttpClient,
  Logger,
  Mailer,
  Progress,
  Queue,
  RelevanceReviewer,
  Store,
  Summarizer,
  Templates,
  Translator,
} from '#ports/ports.ts';
import { writeFailedRunReport, writeRunReport } from '#state/run-report.ts';
import {
  type CorruptDocument,
  readStoredJson,
  readStoredValue,
  type StateContext,
} from '#state/stored-json.ts';

export interface DigestDeps {
  http: HttpClient;
  /** Private state: feed caches, seen items, subscribers, send claims, run reports. */
  data: Store;
  /** The published archive. */
  site: Store;
  /** Private ad-hoc briefings (keys under adhoc/): the data store unless given. */
  adHoc?: Store;
  mailer: Mailer;
  clock: Clock;
  /** Real time for send claims when `clock` is pinned (a CLI run with --now); defaults to clock. */
  wallClock?: Clock;
  /** The send queue large lists fan out to (SQS, or in process); without one all mail is sent inline. */
  queue?: Queue;
  logger: Logger;
  progress: Progress;
  templates: Templates;
  /** HMAC secret for unsubscribe/preferences links. */
  signingSecret: string;
  /** Optional abstractive rewrite of story summaries (Bedrock); extractive when absent. */
  summarizer?: Summarizer;
  /** Optional second opinion on uncertain relevance decisions (Bedrock); local model only when absent. */
  relevanceReviewer?: RelevanceReviewer;
  /** Optional English headlines for reports in other languages (Amazon Translate); none when absent. */
  translator?: Translator;
}

export interface RunResult {
  edition: Edition;
  /** Every source's private report (configured URL, full error): for the operator, never published. */
  sources: SourceFetchReport[];
  /** Stored documents found corrupt during the run: kept aside, and the run went on without them. */
  corruptState: CorruptDocument[];
  published?: PublishReport;
  /** Where a private ad-hoc briefing was written instead of the public archive. */
  privateCopy?: PrivateEditionReport;
  delivery?: DeliveryReport;
  sourceHealth?: SourceHealthSummary;
  /** The edition's public web page; absent for a private ad-hoc briefing, which has none. */
  editionUrl?: string;
}

export async function runDigest(deps: DigestDeps, config: Config, request: RunRequest): Promise<RunResult> {
  // Run duration is wall time spent, not the run's (possibly pinned) business clock.
  const started = performance.now();
  const logger = deps.logger.child({ editionId: request.editionId });
  const stage = (name: string) => {
    deps.progress.report({ kind: 'stage', stage: name });
    logger.info('stage', { stage: name });
  };

  // A corrupt document met twice in the run (read, then replaced by a write) is listed once.
  const corruptState: CorruptDocument[] = [];
  const noteCorrupt = (document: CorruptDocument) => {
    if (!corruptState.some((c) => c.key === document.key && c.keptAs === document.keptAs))
      corruptState.push(document);
  };
  const state = (store: Store): StateContext => ({
    store,
    logger,
    onCorrupt: noteCorrupt,
    ...(request.dryRun ? { readOnly: true } : {}),
  });

  stage('fetch');
  const { items: fetched, reports } = await fetchFeeds(
    { ...deps, logger, onCorrupt: noteCorrupt },
    config.feeds,
    {
      maxFeedBytes: config.fetch.maxFeedBytes,
      timeoutMs: config.fetch.timeoutMs,
      signal: stageBudget(config.fetch.stageBudgetMs),
    },
  );
  const verdict = assessSources(reports, config.fetch.maxFailedShare);
  if (!verdict.trustworthy) {
    // Nothing is published or mailed: an edition would claim a quiet day it cannot know.
    const error = new SourcesFailedError(
      verdict.unanswered,
      verdict.total,
      config.fetch.maxFailedShare,
      verdict.unresolved,
      reports
        .filter((r) => r.status === 'failed' || r.status === 'skipped')
        .map((r) => `${r.name}: ${r.detail ?? r.error ?? r.status}`),
    );
    logger.error('too many sources failed', { error: error.message });
    if (!request.dryRun) await recordFailedRun(deps, state(deps.data), request, reports, error, corruptState);
    throw error;
  }

  stage('classify');
  const items = mergeDuplicateItems(fetched);
  const seen = await loadSeenState(state(deps.data));
  // An ad-hoc briefing reports its whole window, whatever daily editions already carried.
  const candidates = items.filter(
    (item) => inWindow(item, request) && (request.adHoc || isUnseen(seen, item.id, request.editionId)),
  );
  const relevant = await selectRelevant(candidates, request, { ...deps, logger }, config);

  stage('articles');
  const withArticles = await fetchArticles({ ...deps, logger, onCorrupt: noteCorrupt }, relevant, {
    maxPageBytes: config.fetch.maxPageBytes,
    articlesPerHost: config.fetch.articlesPerHost,
    maxArticles: config.fetch.maxArticles,
    timeoutMs: config.fetch.timeoutMs,
    signal: stageBudget(config.fetch.stageBudgetMs),
  });
  const enriched = withArticles.items.map(refineThemes);

  let translations: Awaited<ReturnType<typeof translateHeadlines>> | undefined;
  if (deps.translator && enriched.length > 0) {
    stage('translate');
    translations = await translateHeadlines(
      enriched,
      {
        translator: deps.translator,
        data: deps.data,
        logger,
        onCorrupt: noteCorrupt,
        ...(request.dryRun ? { readOnly: true } : {}),
      },
      { maxPerRun: config.translate.maxPerRun },
    );
  }

  stage('stories');
  const previous = await previousStories(state(deps.site), request.editionId, logger);
  const input: EditionInput = {
    id: request.editionId,
    title: editionTitle(config, request),
    now: deps.clock.now(),
    window: request.window,
    query: request.query,
    themes: request.themes ?? config.themes,
    items: enriched,
    sources: reports.map(publicSourceReport),
    itemsSeen: items.length,
    articlesFetched: withArticles.fetched,
    maxStories: config.maxStories,
    ...(previous ? { previous } : {}),
    ...(translations ? { translations } : {}),
  };
  if (deps.summarizer && enriched.length > 0) stage('summarise');
  const edition = deps.summarizer
    ? await buildEditionWithSummarizer(input, deps.summarizer, logger)
    : buildEdition(input);
  edition.kind = request.adHoc ? 'ad-hoc' : 'daily';
  if (request.visibility === 'private') edition.private = true;

  const publicUrl = new URL(`editions/${edition.id}/`, config.archive.baseUrl).toString();
  const result: RunResult = {
    edition,
    sources: reports,
    corruptState,
    ...(edition.private ? {} : { editionUrl: publicUrl }),
  };
  if (request.dryRun) {
    edition.stats.durationMs = Math.round(performance.now() - started);
    return result;
  }

  if (request.archive) {
    stage('publish');
    const siteContext = {
      archiveTitle: config.archive.title,
      archiveBaseUrl: config.archive.baseUrl,
      apiBaseUrl: config.archive.apiBaseUrl,
    };
    if (edition.private) {
      result.privateCopy = await writePrivateEdition(
        { store: deps.adHoc ?? deps.data, templates: deps.templates },
        edition,
        siteContext,
      );
    } else {
      result.published = await publishEdition(
        { site: deps.site, clock: deps.clock, logger, templates: deps.templates, onCorrupt: noteCorrupt },
        edition,
        siteContext,
      );
    }
  }

  result.sourceHealth = await recordSourceHealth(state(deps.data), reports, request.now);

  stage('send');
  // A private edition's mail links to no web version: render-email leaves that link out.
  result.delivery = await deliverEdition(
    { ...deps, logger, onCorrupt: noteCorrupt },
    config,
    request,
    edition,
    publicUrl,
  );

  // Marked only after the edition went out, so a failed run repeats nothing wrongly; an ad-hoc
  // briefing takes nothing away from the next daily edition.
  if (!request.adHoc)
    await markSeen(
      state(deps.data),
      editionItemIds(enriched),
      edition.id,
      request.now,
      config.seenWindowDays,
    );
  edition.stats.durationMs = Math.round(performance.now() - started);
  await writeRunReport(deps.data, logger, {
    editionId: edition.id,
    generatedAt: edition.generatedAt,
    stats: edition.stats,
    sources: result.sources,
    corruptState,
    delivery: result.delivery,
    published: result.published,
  });
  return result;
}

const EditionsIndexSchema = z.array(z.object({ id: z.string() }));
/** Only what novelty reads of a stored edition. */
const PreviousEditionSchema = z.object({
  stories: z.array(z.object({ title: z.string(), articles: z.array(z.object({ url: z.string() })) })),
});

/** Stories of the last three other editions in the archive, newest first, for novelty. */
async function previousStories(
  site: StateContext,
  editionId: string,
  logger: Logger,
): Promise<PreviousStoryRef[] | undefined> {
  try {
    const index = await readStoredJson(site, siteKeys.editionsIndex(), EditionsIndexSchema);
    if (index.status === 'absent') return [];
    // A corrupt index (reported and kept aside) says nothing about novelty: not "no previous stories".
    if (index.status === 'corrupt') return undefined;
    const stories: PreviousStoryRef[] = [];
    for (const entry of index.value.filter((e) => e.id !== editionId).slice(0, 3)) {
      const edition = await readStoredValue(site, siteKeys.editionJson(entry.id), PreviousEditionSchema);
      for (const story of edition?.stories ?? [])
        stories.push({ title: story.title, editionId: entry.id, urls: story.articles.map((a) => a.url) });
    }
    return stories;
  } catch (error) {
    // Novelty is a refinement; an unreachable archive must not stop the edition (nor be taken
    // for an empty one: undefined says nothing about novelty).
    logger.warn('previous editions not read', { error: describeError(error) });
    return undefined;
  }
}

/** The time a fetch stage may take; every request queued in it listens, so no listener cap. */
function stageBudget(ms: number): AbortSignal {
  const signal = AbortSignal.timeout(ms);
  setMaxListeners(0, signal);
  return signal;
}

function inWindow(item: FeedItem, request: RunRequest): boolean {
  if (!item.published) return !request.adHoc;
  const at = Date.parse(item.published);
  return at >= request.window.from.getTime() && at <= request.window.to.getTime();
}

/**
 * Classifies every candidate, asks for a second opinion on the uncertain ones when a reviewer
 * is configured, and keeps the relevant items that match the request's query and themes.
 */
async function selectRelevant(
  items: FeedItem[],
  request: RunRequest,
  deps: DigestDeps,
  config: Config,
): Promise<ScoredItem[]> {
  let scored: ScoredItem[] = items.map((item) => {
    const { language, ...classification } = classifyItem({
      title: item.title,
      summary: item.summary,
      text: item.content,
      url: item.link,
      source: item.source,
      language: item.language,
    });
    // The item keeps the feed's language tag; an untagged feed gets the language it was read in.
    return { ...item, language: item.language ?? language, classification };
  });
  if (deps.relevanceReviewer) {
    const reviewed = await applySecondOpinion(
      scored,
      { reviewer: deps.relevanceReviewer, data: deps.data, logger: deps.logger },
      config.relevance.secondOpinion,
    );
    deps.logger.info('relevance second opinion', { ...reviewed.report });
    scored = reviewed.items;
  }
  return scored.filter(
    (item) =>
      item.classification.relevant &&
      (!request.query ||
        matchesQuery({ title: item.title, summary: item.summary, text: item.content }, request.query)) &&
      (!request.themes || item.classification.themes.some((t) => request.themes!.includes(t))),
  );
}

/** With the article text in hand, themes are read again from the fuller text; relevance stays. */
function refineThemes(item: ScoredItem): ScoredItem {
  if (!item.article?.text) return item;
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

function editionItemIds(items: ScoredItem[]): string[] {
  return items.map((i) => i.id);
}

function editionTitle(config: Config, request: RunRequest): string {
  const date = request.editionId.slice(0, 10);
  const base = `${config.archive.title} — ${date}`;
  return request.query ? `${base} (${request.query})` : request.adHoc ? `${base} (ad hoc)` : base;
}

/**
 * A run stopped by the sources rule still leaves its trace: source health (so "failing for 3 days"
 * keeps counting) and a run report saying why nothing went out. Neither may hide the run's error.
 */
async function recordFailedRun(
  deps: DigestDeps,
  data: StateContext,
  request: RunRequest,
  sources: SourceFetchReport[],
  error: SourcesFailedError,
  corruptState: CorruptDocument[],
): Promise<void> {
  try {
    await recordSourceHealth(data, sources, request.now);
  } catch (cause) {
    data.logger.warn('source health not recorded', { error: describeError(cause) });
  }
  const at = deps.clock.now();
  await writeFailedRunReport(
    deps.data,
    data.logger,
    {
      editionId: request.editionId,
      error: error.message,
      generatedAt: at.toISOString(),
      sources,
      corruptState,
    },
    at,
  );
}
