/**
 * Fetches every configured feed with conditional GET, parses it, and reports per source.
 * A failing source becomes a 'failed' report with a one-line error; it never sinks the run.
 * An unchanged feed (304) costs one request and returns the items cached from its last fetch.
 */
import { describeError, HttpError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { FeedItem, FeedSource, SourceReport } from '#domain/types.ts';
import type { Clock, HttpClient, Logger, Progress, Store } from '#ports/ports.ts';
import { parseFeed } from './parse-feed.ts';

export interface FetchDeps {
  http: HttpClient;
  /** Private state: feed caches and extracted articles live here. */
  data: Store;
  clock: Clock;
  logger: Logger;
  progress: Progress;
}

interface FeedCache {
  etag?: string;
  lastModified?: string;
  fetchedAt: string;
  items: FeedItem[];
}

/**
 * Every source in parallel (the HTTP client's limiter bounds what is in flight). Operator-configured
 * URLs are trusted (their redirects are still checked by the client); `file:` URLs are the CLI's
 * business, not this stage's.
 */
export async function fetchFeeds(
  deps: FetchDeps,
  sources: readonly FeedSource[],
  options: { maxFeedBytes: number; timeoutMs: number },
): Promise<{ items: FeedItem[]; reports: SourceReport[] }> {
  let done = 0;
  deps.progress.report({ kind: 'feeds', done, total: sources.length });
  const results = await Promise.all(
    sources.map(async (source) => {
      const result = await fetchOne(deps, source, options);
      deps.progress.report({ kind: 'feeds', done: ++done, total: sources.length });
      return result;
    }),
  );
  return { items: results.flatMap((r) => r.items), reports: results.map((r) => r.report) };
}

async function fetchOne(
  deps: FetchDeps,
  source: FeedSource,
  options: { maxFeedBytes: number; timeoutMs: number },
): Promise<{ items: FeedItem[]; report: SourceReport }> {
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
      ...(cache?.etag ? { etag: cache.etag } : {}),
      ...(cache?.lastModified ? { lastModified: cache.lastModified } : {}),
    });
    if (response.notModified) {
      if (!cache) throw new HttpError('HTTP 304 without a cached copy of the feed', source.url, 304);
      // The source's name or perspective may have changed in the config since the cache was written.
      const items = cache.items.map((item) => withSource(item, source));
      return {
        items,
        report: { ...base, status: 'not-modified', items: items.length, durationMs: elapsed() },
      };
    }
    const feed = await parseFeed(response.body, {
      contentType: response.headers['content-type'],
      url: response.url,
      now: deps.clock.now(),
    });
    const items: FeedItem[] = feed.items.map((item) => withSource(item, source, feed.language));
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
    const message = describeError(error);
    deps.logger.warn('feed failed', { feedUrl: source.url, feedName: source.name, error: message });
    return {
      items: [],
      report: { ...base, status: 'failed', error: message, items: 0, durationMs: elapsed() },
    };
  }
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

/** The cached copy, or undefined when absent, unreadable or the store is down (then: a full fetch). */
async function readCache(deps: FetchDeps, key: string): Promise<FeedCache | undefined> {
  let object: Awaited<ReturnType<Store['get']>>;
  try {
    object = await deps.data.get(key);
  } catch (error) {
    deps.logger.warn('feed cache not read', { key, error: describeError(error) });
    return undefined;
  }
  if (!object) return undefined;
  try {
    const cache = JSON.parse(object.body.toString('utf8')) as FeedCache;
    return Array.isArray(cache.items) ? cache : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(deps: FetchDeps, key: string, cache: FeedCache): Promise<void> {
  try {
    await deps.data.put(key, JSON.stringify(cache), { contentType: 'application/json' });
  } catch (error) {
    // Without the cache the next run simply fetches in full.
    deps.logger.warn('feed cache not written', { key, error: describeError(error) });
  }
}
