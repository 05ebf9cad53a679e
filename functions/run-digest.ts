/**
 * One digest run, read first: fetch feeds → classify → fetch articles → build the edition →
 * archive → mail. The CLI and the Lambda handlers both call runDigest; it reaches the world only
 * through the ports in deps, and takes its time from deps.clock. Each step is one call into its
 * stage folder (ingest/, extract/, analyse/, edition/, archive/, deliver/). While the feeds
 * arrive, the pages of items already known to be selected start (a prefetcher the article stage
 * takes them from); the selection itself still waits for every feed.
 */

import { setMaxListeners } from 'node:events';
import { itemAnswers } from '#analyse/match-query.ts';
import {
  createNearMissFinder,
  findNearMisses,
  type NearMissReport,
  readNearMisses,
} from '#analyse/near-misses.ts';
import {
  type ClassificationMemo,
  createClassificationMemo,
  refineThemes,
  selectRelevant,
} from '#analyse/select-relevant.ts';
import type { PrivateEditionReport } from '#archive/private-edition.ts';
import type { PublishReport } from '#archive/publish-archive.ts';
import { storeEdition } from '#archive/store-edition.ts';
import type { Config } from '#config/schema.ts';
import { type DeliveryReport, deliverEdition } from '#deliver/deliver-edition.ts';
import { editionTitle, type RunRequest } from '#domain/run-request.ts';
import type { Edition, ScoredItem, SourceFetchReport } from '#domain/types.ts';
import { buildEdition, buildEditionWithSummariser } from '#edition/build-edition.ts';
import { previousStories } from '#edition/previous-stories.ts';
import { translateHeadlines } from '#edition/translate-headlines.ts';
import { fetchArticles } from '#extract/fetch-articles.ts';
import {
  type ArticlePrefetcher,
  createArticlePrefetcher,
  type PrefetchReport,
} from '#extract/prefetch-articles.ts';
import { mergeDuplicateItems } from '#ingest/dedupe-items.ts';
import { fetchFeeds, publicSourceReport } from '#ingest/fetch-feeds.ts';
import { loadSeenState, markSeen, type SeenState, selectCandidates } from '#ingest/seen-items.ts';
import {
  recordFailedRun,
  recordSourceHealth,
  type SourceHealthSummary,
  sourcesFailure,
} from '#ingest/source-health.ts';
import type {
  Clock,
  HttpClient,
  Logger,
  Mailer,
  Progress,
  Queue,
  RelevanceReviewer,
  Store,
  Summariser,
  Templates,
  Translator,
} from '#ports/ports.ts';
import { writeRunReport } from '#state/run-report.ts';
import { type CorruptDocument, corruptDocumentList, type StateContext } from '#state/stored-json.ts';

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
  summariser?: Summariser;
  /** Optional second opinion on uncertain relevance decisions (Bedrock); local model only when absent. */
  relevanceReviewer?: RelevanceReviewer;
  /** Optional English headlines for reports in other languages (Amazon Translate); none when absent. */
  translator?: Translator;
  /**
   * Article pages started while the feeds arrive (the default); false fetches every page after
   * the last feed. The edition is the same either way: benchmarks and tests compare the two.
   */
  prefetchArticles?: boolean;
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
  /** Pages started while the feeds arrived, and how many the article stage used. */
  articlePrefetch?: PrefetchReport;
  /** Items below the cut read again with their pages, and how many those made relevant. */
  nearMisses?: NearMissReport;
}

export async function runDigest(deps: DigestDeps, config: Config, request: RunRequest): Promise<RunResult> {
  const started = performance.now(); // wall time spent, not the run's (possibly pinned) clock
  const logger = deps.logger.child({ editionId: request.editionId });
  const stage = (name: string) => {
    deps.progress.report({ kind: 'stage', stage: name });
    logger.info('stage', { stage: name });
  };
  const corrupt = corruptDocumentList();
  const readOnly = request.dryRun ? { readOnly: true } : {};
  const state = (store: Store): StateContext => ({ store, logger, onCorrupt: corrupt.note, ...readOnly });
  const ctx = { ...deps, logger, onCorrupt: corrupt.note };
  const { fetch } = config;

  stage('fetch');
  const seen = loadSeenState(state(deps.data));
  seen.catch(() => undefined); // awaited in the classify step, whose failure it then is
  const classified = createClassificationMemo();
  const prefetch =
    deps.prefetchArticles === false ? undefined : prefetchSelected(ctx, config, request, seen, classified);
  const feeds = await fetchFeeds(ctx, config.feeds, {
    ...fetch,
    signal: stageBudget(fetch.stageBudgetMs),
    ...(prefetch ? { onItems: prefetch.offer } : {}),
  });
  prefetch?.close();
  // Too few sources answered: nothing is published or mailed, for the edition would claim a quiet day.
  const failure = sourcesFailure(feeds.reports, fetch.maxFailedShare);
  if (failure) {
    logger.error('too many sources failed', { error: failure.message });
    prefetch?.settle(); // pages still queued are not sent
    const trace = { editionId: request.editionId, error: failure, now: request.now, at: deps.clock.now() };
    if (!request.dryRun) await recordFailedRun(state(deps.data), trace, feeds.reports, corrupt.documents);
    throw failure;
  }

  stage('classify');
  const items = mergeDuplicateItems(feeds.items);
  const candidates = selectCandidates(items, await seen, request);
  // An ad-hoc question is put to the whole report: a relevant item whose feed text does not answer
  // it has its page read too (after those whose feed text does), and stays if the page answers.
  const { query, ...unasked } = request;
  const relevant = await selectRelevant(
    candidates,
    { ...ctx, classified },
    { ...unasked, ...config.relevance },
  );

  // Items just below the cut that seem to report one of those events get their pages read too.
  const misses = findNearMisses(candidates, relevant, {
    max: Math.min(fetch.nearMissPages, fetch.maxArticles),
    memo: classified,
  });

  stage('articles');
  const articles = await fetchArticles(ctx, [...relevant, ...misses.map((m) => m.item)], {
    ...fetch,
    signal: stageBudget(fetch.stageBudgetMs),
    ...(prefetch ? { prefetch } : {}),
    ...(query ? { first: (item: ScoredItem) => itemAnswers(item, query) } : {}),
  });
  const articlePrefetch = prefetch?.settle();
  const second = readNearMisses(articles.items, misses, request.themes);
  if (misses.length > 0) logger.info('near misses read with their pages', { ...second.report });
  const answered = query ? second.items.filter((item) => itemAnswers(item, query)) : second.items;
  const enriched = answered.map(refineThemes);
  const translator = enriched.length > 0 ? deps.translator : undefined;
  if (translator) stage('translate');
  const translations = translator
    ? await translateHeadlines(enriched, { ...ctx, translator, ...readOnly }, config.translate)
    : undefined;

  stage('stories');
  const previous = await previousStories(state(deps.site), request.editionId);
  const input = {
    id: request.editionId,
    title: editionTitle(config.archive.title, request),
    now: deps.clock.now(),
    window: request.window,
    query: request.query,
    themes: request.themes ?? config.themes,
    items: enriched,
    sources: feeds.reports.map(publicSourceReport),
    itemsSeen: items.length,
    articlesFetched: articles.fetched,
    maxStories: config.maxStories,
    ...(previous ? { previous } : {}),
    ...(translations ? { translations } : {}),
  };
  if (deps.summariser && enriched.length > 0) stage('summarise');
  const edition = deps.summariser
    ? await buildEditionWithSummariser(input, deps.summariser, logger)
    : buildEdition(input);
  edition.kind = request.adHoc ? 'ad-hoc' : 'daily';
  if (request.visibility === 'private') edition.private = true;
  const publicUrl = new URL(`editions/${edition.id}/`, config.archive.baseUrl).toString();
  const result: RunResult = { edition, sources: feeds.reports, corruptState: corrupt.documents };
  if (misses.length > 0) result.nearMisses = second.report;
  if (articlePrefetch) {
    result.articlePrefetch = articlePrefetch;
    logger.info('articles prefetched', { ...articlePrefetch });
  }
  if (!edition.private) result.editionUrl = publicUrl;
  if (request.dryRun) return finish(result, started);

  if (request.archive) {
    stage('publish');
    const site = {
      archiveTitle: config.archive.title,
      archiveBaseUrl: config.archive.baseUrl,
      apiBaseUrl: config.archive.apiBaseUrl,
    };
    Object.assign(result, await storeEdition({ ...ctx, adHoc: deps.adHoc ?? deps.data }, edition, site));
  }
  result.sourceHealth = await recordSourceHealth(state(deps.data), feeds.reports, request.now);

  stage('send');
  // A private edition's mail links to no web version: render-email leaves that link out.
  result.delivery = await deliverEdition(ctx, config, request, edition, publicUrl);
  // Marked only after the edition went out, so a failed run repeats nothing wrongly; an ad-hoc
  // briefing takes nothing away from the next daily edition.
  const ids = enriched.map((item) => item.id);
  if (!request.adHoc) await markSeen(state(deps.data), ids, edition.id, request.now, config.seenWindowDays);
  finish(result, started);
  const { sources, corruptState, delivery, published } = result;
  const { id: editionId, generatedAt, stats } = edition;
  await writeRunReport(deps.data, logger, {
    editionId,
    generatedAt,
    stats,
    sources,
    corruptState,
    delivery,
    published,
  });
  return result;
}

function finish(result: RunResult, started: number): RunResult {
  result.edition.stats.durationMs = Math.round(performance.now() - started);
  return result;
}

/**
 * The prefetcher, told each feed's items the run would select by their own text: not carried by an
 * earlier edition, inside the window, relevant by the local model and the run's threshold,
 * matching its query and themes (the second opinion is left out: items in its band wait for the
 * article stage, for the verdict may drop them), and the near misses of the events known so far.
 * Whether a duplicate in another feed represents an item, and the whole day's competition for the
 * page slots, are known only later.
 */
function prefetchSelected(
  ctx: DigestDeps,
  config: Config,
  request: RunRequest,
  seen: Promise<SeenState>,
  classified: ClassificationMemo,
): ArticlePrefetcher | undefined {
  if (config.fetch.maxArticles === 0) return undefined;
  const { band } = config.relevance.secondOpinion;
  const certain = (item: ScoredItem) =>
    !ctx.relevanceReviewer || item.classification.score < band.from || item.classification.score >= band.to;
  const local = { logger: ctx.logger, data: ctx.data, classified };
  // The near misses of the events known so far (this feed's and earlier feeds'), within the
  // run's cap: one whose event arrives only in a later feed waits for the article stage.
  const misses = createNearMissFinder(classified);
  let missRoom = Math.min(config.fetch.nearMissPages, config.fetch.maxArticles);
  return createArticlePrefetcher(
    ctx,
    { ...config.fetch, signal: stageBudget(config.fetch.stageBudgetMs) },
    async (feedItems) => {
      const candidates = selectCandidates(feedItems, await seen, request);
      const selected = await selectRelevant(candidates, local, { ...request, ...config.relevance });
      misses.addRelevant(selected);
      const found = misses.find(candidates, missRoom);
      missRoom -= found.length;
      return [...selected.filter(certain), ...found.map((m) => m.item)];
    },
  );
}

/** The time a fetch stage may take; every request queued in it listens, so no listener cap. */
function stageBudget(ms: number): AbortSignal {
  const signal = AbortSignal.timeout(ms);
  setMaxListeners(0, signal);
  return signal;
}
