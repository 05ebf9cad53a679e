/**
 * One digest run: fetch → parse → dedupe → relevance → articles → stories → themes →
 * summaries → archive → mail. The CLI and the Lambda handlers both call runDigest; it reaches
 * the world only through the ports in deps, and takes its time from deps.clock.
 */

import { classifyItem, matchesQuery } from '#analyse/classify-relevance.ts';
import { type PublishReport, publishEdition } from '#archive/publish-archive.ts';
import type { Config } from '#config/schema.ts';
import { type DeliveryReport, deliverEdition } from '#deliver/deliver-edition.ts';
import { describeError } from '#domain/errors.ts';
import { dataKeys, siteKeys } from '#domain/keys.ts';
import type { RunRequest } from '#domain/run-request.ts';
import type { Edition, EditionIndexEntry, FeedItem, ScoredItem, SourceReport } from '#domain/types.ts';
import { buildEdition, buildEditionWithSummarizer, type EditionInput } from '#edition/build-edition.ts';
import type { PreviousStoryRef } from '#edition/rank-stories.ts';
import { fetchArticles } from '#extract/fetch-articles.ts';
import { mergeDuplicateItems } from '#ingest/dedupe-items.ts';
import { fetchFeeds } from '#ingest/fetch-feeds.ts';
import { isUnseen, loadSeenState, markSeen } from '#ingest/seen-items.ts';
import { recordSourceHealth, type SourceHealthSummary } from '#ingest/source-health.ts';
import type {
  Clock,
  HttpClient,
  Logger,
  Mailer,
  Progress,
  Store,
  Summarizer,
  Templates,
} from '#ports/ports.ts';

export interface DigestDeps {
  http: HttpClient;
  /** Private state: feed caches, seen items, subscribers, send claims, run reports. */
  data: Store;
  /** The published archive. */
  site: Store;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  progress: Progress;
  templates: Templates;
  /** HMAC secret for unsubscribe/preferences links. */
  signingSecret: string;
  /** Optional abstractive rewrite of story summaries (Bedrock); extractive when absent. */
  summarizer?: Summarizer;
}

export interface RunResult {
  edition: Edition;
  published?: PublishReport;
  delivery?: DeliveryReport;
  sourceHealth?: SourceHealthSummary;
  editionUrl: string;
}

export async function runDigest(deps: DigestDeps, config: Config, request: RunRequest): Promise<RunResult> {
  // Run duration is wall time spent, not the run's (possibly pinned) business clock.
  const started = performance.now();
  const logger = deps.logger.child({ editionId: request.editionId });
  const stage = (name: string) => {
    deps.progress.report({ kind: 'stage', stage: name });
    logger.info('stage', { stage: name });
  };

  stage('fetch');
  const { items: fetched, reports } = await fetchFeeds({ ...deps, logger }, config.feeds, {
    maxFeedBytes: config.fetch.maxFeedBytes,
    timeoutMs: config.fetch.timeoutMs,
  });

  stage('classify');
  const items = mergeDuplicateItems(fetched);
  const seen = await loadSeenState(deps.data);
  const candidates = items.filter(
    (item) => inWindow(item, request) && isUnseen(seen, item.id, request.editionId),
  );
  const relevant = selectRelevant(candidates, request);

  stage('articles');
  const withArticles = await fetchArticles({ ...deps, logger }, relevant, {
    maxPageBytes: config.fetch.maxPageBytes,
    articlesPerHost: config.fetch.articlesPerHost,
    maxArticles: config.fetch.maxArticles,
    timeoutMs: config.fetch.timeoutMs,
  });
  const enriched = withArticles.items.map(refineThemes);

  stage('stories');
  const previous = await previousStories(deps.site, request.editionId, logger);
  const input: EditionInput = {
    id: request.editionId,
    title: editionTitle(config, request),
    now: deps.clock.now(),
    window: request.window,
    query: request.query,
    themes: request.themes ?? config.themes,
    items: enriched,
    sources: reports,
    itemsSeen: items.length,
    articlesFetched: withArticles.fetched,
    maxStories: config.maxStories,
    ...(previous ? { previous } : {}),
  };
  if (deps.summarizer && enriched.length > 0) stage('summarise');
  const edition = deps.summarizer
    ? await buildEditionWithSummarizer(input, deps.summarizer, logger)
    : buildEdition(input);

  const editionUrl = new URL(`editions/${edition.id}/`, config.archive.baseUrl).toString();
  const result: RunResult = { edition, editionUrl };
  if (request.dryRun) {
    edition.stats.durationMs = Math.round(performance.now() - started);
    return result;
  }

  if (request.archive) {
    stage('publish');
    result.published = await publishEdition(
      { site: deps.site, clock: deps.clock, logger, templates: deps.templates },
      edition,
      {
        archiveTitle: config.archive.title,
        archiveBaseUrl: config.archive.baseUrl,
        apiBaseUrl: config.archive.apiBaseUrl,
      },
    );
  }

  result.sourceHealth = await recordSourceHealth(deps.data, reports, request.now);

  stage('send');
  result.delivery = await deliverEdition({ ...deps, logger }, config, request, edition, editionUrl);

  // Marked only after the edition went out, so a failed run repeats nothing wrongly.
  await markSeen(deps.data, editionItemIds(enriched), edition.id, request.now, config.seenWindowDays);
  edition.stats.durationMs = Math.round(performance.now() - started);
  await writeRunReport(deps, edition, result, logger);
  return result;
}

/** Stories of the last three other editions in the archive, newest first, for novelty. */
async function previousStories(
  site: Store,
  editionId: string,
  logger: Logger,
): Promise<PreviousStoryRef[] | undefined> {
  try {
    const index = await site.get(siteKeys.editionsIndex());
    if (!index) return [];
    const entries = (JSON.parse(index.body.toString('utf8')) as EditionIndexEntry[])
      .filter((e) => e.id !== editionId)
      .slice(0, 3);
    const stories: PreviousStoryRef[] = [];
    for (const entry of entries) {
      const object = await site.get(siteKeys.editionJson(entry.id));
      if (object)
        stories.push(
          ...(JSON.parse(object.body.toString('utf8')) as Edition).stories.map((s) => ({
            title: s.title,
            editionId: entry.id,
            urls: s.articles.map((a) => a.url),
          })),
        );
    }
    return stories;
  } catch (error) {
    // Novelty is a refinement; an unreadable archive must not stop the edition (nor be taken
    // for an empty one: undefined says nothing about novelty).
    logger.warn('previous editions not read', { error: describeError(error) });
    return undefined;
  }
}

function inWindow(item: FeedItem, request: RunRequest): boolean {
  if (!item.published) return !request.adHoc;
  const at = Date.parse(item.published);
  return at >= request.window.from.getTime() && at <= request.window.to.getTime();
}

function selectRelevant(items: FeedItem[], request: RunRequest): ScoredItem[] {
  const out: ScoredItem[] = [];
  for (const item of items) {
    const classification = classifyItem({
      title: item.title,
      summary: item.summary,
      text: item.content,
      url: item.link,
      source: item.source,
    });
    if (!classification.relevant) continue;
    if (
      request.query &&
      !matchesQuery({ title: item.title, summary: item.summary, text: item.content }, request.query)
    )
      continue;
    if (request.themes && !classification.themes.some((t) => request.themes!.includes(t))) continue;
    out.push({ ...item, classification });
  }
  return out;
}

/** With the article text in hand, themes are read again from the fuller text; relevance stays. */
function refineThemes(item: ScoredItem): ScoredItem {
  if (!item.article?.text) return item;
  const again = classifyItem({
    title: item.title,
    summary: item.summary,
    text: item.article.text,
    url: item.link,
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

async function writeRunReport(
  deps: DigestDeps,
  edition: Edition,
  result: RunResult,
  logger: Logger,
): Promise<void> {
  const failed: SourceReport[] = edition.sources.filter((s) => s.status === 'failed');
  const report = {
    editionId: edition.id,
    generatedAt: edition.generatedAt,
    stats: edition.stats,
    failedSources: failed.map((s) => ({ name: s.name, url: s.url, error: s.error })),
    delivery: result.delivery,
    published: result.published,
  };
  try {
    await deps.data.put(dataKeys.runReport(edition.id), JSON.stringify(report, null, 2), {
      contentType: 'application/json',
    });
  } catch (error) {
    // The edition is out; a missing report is worth a log line, not a failed run.
    logger.warn('run report not written', { error: describeError(error) });
  }
}
