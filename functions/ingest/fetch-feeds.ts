/**
 * Fetches every configured feed with conditional GET, parses it, and reports per source.
 * A failing source becomes a 'failed' report with a one-line error; it never sinks the run.
 * An unchanged feed (304) costs one request and returns the items cached from its last fetch.
 */
import { describeError, HttpError, publicReasonOf, SkippedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import {
  type FeedItem,
  type FeedSource,
  PerspectiveSchema,
  type SourceFetchReport,
  type SourceReport,
} from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Clock, HttpClient, Logger, Progress, Store } from '#ports/ports.ts';
import { type CorruptDocument, readStoredValue, writeStoredJson } from '#state/stored-json.ts';
import { inTurn } from './cpu-turns.ts';
import { parseFeed } from './parse-feed.ts';

export interface FetchDeps {
  http: HttpClient;
  /** Private state: feed caches and extracted articles live here. */
  data: Store;
  clock: Clock;
  logger: Logger;
  progress: Progress;
  /** Told about a corrupt cache entry met (the run report lists them). */
  onCorrupt?: (document: CorruptDocument) => void;
}

const CachedItemSchema: z.ZodMiniType<FeedItem> = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string(),
  published: z.optional(z.string()),
  summary: z.optional(z.string()),
  content: z.optional(z.string()),
  author: z.optional(z.string()),
  categories: z.array(z.string()),
  language: z.optional(z.string()),
  source: z.string(),
  perspective: PerspectiveSchema,
});

/** state/feeds/<hash>.json: the validators and items of a feed's last full fetch. */
const FeedCacheSchema = z.object({
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  fetchedAt: z.string(),
  items: z.array(CachedItemSchema),
});
type FeedCache = z.infer<typeof FeedCacheSchema>;

export interface FeedFetchOptions {
  maxFeedBytes: number;
  /** Each request's own budget (queueing for a connection slot excluded). */
  timeoutMs: number;
  /** The stage's budget: sources still queued when it aborts are reported `skipped`. */
  signal?: AbortSignal;
  /**
   * Told each source's items as soon as they are read (fetched or from the cache on a 304), before
   * the other sources answer: the run starts work on them early. The stage's result is the same.
   */
  onItems?: (items: readonly FeedItem[]) => void;
}

/**
 * Every source in parallel (the HTTP client's limiter bounds what is in flight). Operator-configured
 * URLs are trusted (their redirects are still checked by the client); `file:` URLs are the CLI's
 * business, not this stage's.
 */
export async function fetchFeeds(
  deps: FetchDeps,
  sources: readonly FeedSource[],
  options: FeedFetchOptions,
): Promise<{ items: FeedItem[]; reports: SourceFetchReport[] }> {
  let done = 0;
  deps.progress.report({ kind: 'feeds', done, total: sources.length });
  const results: { items: FeedItem[]; report: SourceFetchReport }[] = [];
  await Promise.all(
    startOrder(sources).map(async (index) => {
      results[index] = await fetchOne(deps, sources[index]!, options);
      deps.progress.report({ kind: 'feeds', done: ++done, total: sources.length });
    }),
  );
  return { items: results.flatMap((r) => r.items), reports: results.map((r) => r.report) };
}

/**
 * The order requests start in (the result keeps the configured order): sources on the host with
 * the most of them first, for that host's queue, a few at a time, is the stage's critical path
 * (36 feeds on one host at 3 at a time take as long as 12 in a row); started after the others it
 * would wait for the first connection slots to free. Ties keep the configured order.
 */
function startOrder(sources: readonly FeedSource[]): number[] {
  const hosts = sources.map((source) => {
    try {
      return new URL(source.url).host.toLowerCase();
    } catch {
      return '';
    }
  });
  const count = new Map<string, number>();
  for (const host of hosts) count.set(host, (count.get(host) ?? 0) + 1);
  return sources
    .map((_, index) => index)
    .sort((a, b) => count.get(hosts[b]!)! - count.get(hosts[a]!)! || a - b);
}

async function fetchOne(
  deps: FetchDeps,
  source: FeedSource,
  options: FeedFetchOptions,
): Promise<{ items: FeedItem[]; report: SourceFetchReport }> {
  // Durations are wall time spent, not the run's (possibly pinned) clock.
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const base = { name: source.name, url: source.url, perspective: source.perspective };
  const cacheKey = dataKeys.feedCache(source.url);
  try {
    const cache = await readCache(deps, cacheKey);
    const response = await deps.http.get({
      url: source.url,
      maxBytes: options.maxFeedBytes,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(cache?.etag ? { etag: cache.etag } : {}),
      ...(cache?.lastModified ? { lastModified: cache.lastModified } : {}),
    });
    if (response.notModified) {
      if (!cache) throw new HttpError('HTTP 304 without a cached copy of the feed', source.url, 304);
      // The source's name or perspective may have changed in the config since the cache was written.
      const items = cache.items.map((item) => withSource(item, source));
      tellItems(deps, options, source, items);
      return {
        items,
        report: { ...base, status: 'not-modified', items: items.length, durationMs: elapsed() },
      };
    }
    const feed = await inTurn(() =>
      parseFeed(response.body, {
        contentType: response.headers['content-type'],
        url: response.url,
        now: deps.clock.now(),
      }),
    );
    const items: FeedItem[] = feed.items.map((item) => withSource(item, source, feed.language));
    tellItems(deps, options, source, items);
    await writeCache(deps, cacheKey, {
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
      fetchedAt: deps.clock.now().toISOString(),
      items,
    });
    return {
      items,
      report: { ...base, status: 'ok', items: items.length, durationMs: elapsed() },
    };
  } catch (error) {
    const detail = describeError(error);
    const status = error instanceof SkippedError ? 'skipped' : 'failed';
    deps.logger.warn(`feed ${status}`, { feedUrl: source.url, feedName: source.name, error: detail });
    return {
      items: [],
      report: { ...base, status, error: publicReasonOf(error), detail, items: 0, durationMs: elapsed() },
    };
  }
}

/** The listener's trouble is its own: a feed read is never reported failed for it. */
function tellItems(deps: FetchDeps, options: FeedFetchOptions, source: FeedSource, items: FeedItem[]): void {
  try {
    options.onItems?.(items);
  } catch (error) {
    deps.logger.warn('feed items listener failed', { feedUrl: source.url, error: describeError(error) });
  }
}

/**
 * The report as edition.json publishes it: no private detail, and the URL only as scheme, host and
 * path of a public host name (a query may hold an API key; an IP literal, `localhost` or a
 * single-label name is an internal address).
 */
export function publicSourceReport({ detail: _detail, url, ...report }: SourceFetchReport): SourceReport {
  const shown = publicFeedUrl(url);
  return shown ? { ...report, url: shown } : report;
}

function publicFeedUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  const internal =
    host.startsWith('[') ||
    /^\d+(\.\d+){3}$/.test(host) ||
    !host.includes('.') ||
    /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/.test(host);
  if (internal) return undefined;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** Attaches the source; language is the item's own, else the source's configured one, else the feed's. */
function withSource(
  item: Omit<FeedItem, 'source' | 'perspective'>,
  source: FeedSource,
  feedLanguage?: string,
): FeedItem {
  const language = item.language ?? source.language ?? feedLanguage;
  return {
    ...item,
    source: source.name,
    perspective: source.perspective,
    ...(language ? { language } : {}),
  };
}

/**
 * The cached copy, or undefined when absent, corrupt (reported and kept aside by the state helper)
 * or the store is down: then the feed is fetched in full, without validators.
 */
async function readCache(deps: FetchDeps, key: string): Promise<FeedCache | undefined> {
  try {
    return await readStoredValue(
      { store: deps.data, logger: deps.logger, ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}) },
      key,
      FeedCacheSchema,
    );
  } catch (error) {
    deps.logger.warn('feed cache not read', { key, error: describeError(error) });
    return undefined;
  }
}

async function writeCache(deps: FetchDeps, key: string, cache: FeedCache): Promise<void> {
  try {
    await writeStoredJson(deps.data, key, cache);
  } catch (error) {
    // Without the cache the next run simply fetches in full.
    deps.logger.warn('feed cache not written', { key, error: describeError(error) });
  }
}
