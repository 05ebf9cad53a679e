/**
 * Article pages started while the feeds still arrive. The run offers each feed's items once they
 * are scored and known to be selected by their own text; the page each will need starts at once,
 * so the pages of the fast hosts are fetched (and extracted) while the slowest host's feeds are
 * still in flight. What it starts keeps the article stage's rules: the same plan (no page for a
 * full-text feed item, none without a web link, none for a cached article), the same request
 * (address-checked as untrusted, the same size and time caps) and the stage's caps on pages per
 * host and per run. fetchArticles still decides every page by the whole day's selection and takes
 * a started page instead of fetching it; a page started for an item it then drops is waste, at
 * most the caps' worth, and reported.
 */
import { setMaxListeners } from 'node:events';
import { describeError } from '#domain/errors.ts';
import type { FeedItem, ScoredItem } from '#domain/types.ts';
import { inTurn } from '#ingest/cpu-turns.ts';
import type { FetchDeps } from '#ingest/fetch-feeds.ts';
import {
  type ArticleOptions,
  type CachedPage,
  fetchPage,
  type PagePrefetch,
  pageNeed,
  readCachedArticle,
} from './fetch-articles.ts';

export interface PrefetchReport {
  /** Pages requested before the article stage. */
  prefetched: number;
  /** Of those, the pages the article stage took. */
  used: number;
  /** Requested and not taken: items the final selection dropped or gave no slot. */
  wasted: number;
}

/** Which of a feed's items the run will select, as far as their own text tells. */
export type SelectEarly = (items: readonly FeedItem[]) => Promise<readonly ScoredItem[]>;

export interface ArticlePrefetcher extends PagePrefetch {
  /**
   * A feed's items, as soon as they are read: the pages the selected ones need start, within the
   * caps; a link offered again costs nothing. Never throws (a failure only costs the prefetch).
   */
  readonly offer: (items: readonly FeedItem[]) => void;
  /** No more offers: the article stage is about to decide (later offers are ignored). */
  close(): void;
  /** Once the article stage is done: the figures, and pages not taken and still queued abandoned. */
  settle(): PrefetchReport;
}

/** Items chosen from per turn: a whole feed read cold would hold the thread for tens of ms. */
const SELECT_PER_TURN = 8;

export function createArticlePrefetcher(
  deps: FetchDeps,
  options: ArticleOptions,
  select: SelectEarly,
): ArticlePrefetcher {
  const abandon = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, abandon.signal]) : abandon.signal;
  setMaxListeners(0, signal);
  const requestOptions: ArticleOptions = { ...options, signal };
  /** Per link: the page started (wrapped: a promise would flatten), or undefined when cached. */
  const decided = new Map<string, Promise<{ page: Promise<CachedPage> } | undefined>>();
  const perHost = new Map<string, number>();
  const taken = new Set<string>();
  let budget = options.maxArticles;
  let requested = 0;
  let closed = false;

  const start = async (link: string, host: string, cacheKey: string) => {
    if (await readCachedArticle(deps, cacheKey)) {
      // The stage reads the cache itself; the slot goes back.
      perHost.set(host, perHost.get(host)! - 1);
      budget++;
      return undefined;
    }
    requested++;
    const page = fetchPage(deps, link, cacheKey, requestOptions);
    // A page never taken must not fail the process; a taken one rejects to the stage.
    page.catch(() => undefined);
    return { page };
  };

  const startAll = (items: readonly ScoredItem[]) => {
    if (closed) return;
    for (const item of items) {
      const need = pageNeed(item);
      if (need.kind === 'done' || decided.has(item.link)) continue;
      // Slots are counted here, synchronously, so the caps hold whatever the order of answers.
      const used = perHost.get(need.host) ?? 0;
      if (used >= options.articlesPerHost || budget <= 0) continue;
      perHost.set(need.host, used + 1);
      budget--;
      decided.set(item.link, start(item.link, need.host, need.cacheKey));
    }
  };

  return {
    offer(items) {
      if (closed) return;
      for (let at = 0; at < items.length; at += SELECT_PER_TURN)
        inTurn(() => select(items.slice(at, at + SELECT_PER_TURN)))
          .then(startAll)
          .catch((error: unknown) =>
            deps.logger.warn('articles not prefetched', { error: describeError(error) }),
          );
    },
    close() {
      closed = true;
    },
    async started(link) {
      const entry = decided.get(link);
      return entry !== undefined && (await entry) !== undefined;
    },
    async take(link) {
      const started = await decided.get(link);
      if (!started) throw new Error(`no page was started for ${link}`);
      taken.add(link);
      return started.page;
    },
    settle() {
      closed = true;
      abandon.abort(new Error('the article stage is done'));
      return { prefetched: requested, used: taken.size, wasted: requested - taken.size };
    },
  };
}
