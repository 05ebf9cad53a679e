/**
 * The article behind each relevant item, fetched only when needed: a feed that carries the
 * full text is used as is, extracted articles are cached by canonical URL, and pages per host
 * and per run are capped (the highest-scored items get the slots). An item whose page fails, is
 * capped or looks paywalled keeps its feed summary and says why in `articleNote`. A page started
 * before the stage (a `PagePrefetch`, see prefetch-articles.ts) is taken instead of fetched again.
 */
import { describeError, NotAPageError, publicReasonOf, SkippedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { siteHostOf } from '#domain/outlets.ts';
import type { Article, FeedItem, ScoredItem } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import { inTurn } from '#ingest/cpu-turns.ts';
import type { FetchDeps } from '#ingest/fetch-feeds.ts';
import { readStoredValue } from '#state/stored-json.ts';
import { decodeDocument } from '#text/charset.ts';
import { hasPaywallMarkup, hasPaywallNotice } from './boilerplate.ts';
import { extractArticle } from './extract-article.ts';

export interface ArticleOptions {
  maxPageBytes: number;
  /** Pages fetched per host per run, so one slow site cannot eat the run's time. */
  articlesPerHost: number;
  /** Pages fetched per run. */
  maxArticles: number;
  timeoutMs: number;
  /** The stage's budget: pages still queued when it aborts are not fetched (noted, not failed). */
  signal?: AbortSignal;
  /** Items whose pages take the quotas before all others (by score within each group). */
  first?: (item: ScoredItem) => boolean;
}

/**
 * Pages started before the stage, while the feeds still arrived. The stage decides which pages it
 * needs exactly as without them, then takes a started page rather than fetch it; a started page it
 * does not take is the prefetcher's waste, never a change to the result.
 */
export interface PagePrefetch {
  /** Whether a page was started for this link (false also when its article was found cached). */
  started(link: string): Promise<boolean>;
  /** The page started for the link; only for a link `started` said yes to. */
  take(link: string): Promise<CachedPage>;
}

/** Feed content this long is the article; no page fetch. */
const FULL_TEXT_WORDS = 150;
/** Extracted text shorter than this is a teaser, a paywall or an empty shell... */
const SHORT_TEXT_WORDS = 80;
/** ...and a subscription notice only counts on a page that is not a full article. */
const PAYWALL_MAX_WORDS = 400;
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)\b/i;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

type Plan =
  | { kind: 'done'; result: ScoredItem }
  | { kind: 'page'; link: string; host: string; cacheKey: string; prefetched: boolean };

/** What the article cache holds per link: the raw extraction and whether the page showed a paywall. */
export interface CachedPage {
  article: Article;
  paywall?: boolean;
}

export async function fetchArticles(
  deps: FetchDeps,
  items: readonly ScoredItem[],
  options: ArticleOptions & { prefetch?: PagePrefetch },
): Promise<{ items: ScoredItem[]; fetched: number; cached: number }> {
  const { prefetch } = options;
  const total = items.length;
  let done = 0;
  let fetched = 0;
  let cached = 0;
  const tick = () => deps.progress.report({ kind: 'articles', done: ++done, total });
  deps.progress.report({ kind: 'articles', done, total });

  // 1. What each item needs: its feed text, nothing (no link), a cached article, or the page. A
  // page already started was not cached when it started (its own fetch wrote the entry since).
  const plans = await Promise.all(
    items.map(async (item): Promise<Plan> => {
      const need = pageNeed(item);
      if (need.kind === 'done') return need;
      const { host, cacheKey } = need;
      if (await prefetch?.started(item.link)) return { ...need, link: item.link, prefetched: true };
      const hit = await readCachedArticle(deps, cacheKey);
      if (hit) {
        cached++;
        return { kind: 'done', result: withArticle(item, hit) };
      }
      return { kind: 'page', link: item.link, host, cacheKey, prefetched: false };
    }),
  );
  for (const plan of plans) if (plan.kind === 'done') tick();

  // 2. Slots, synchronously and by score: the most relevant items get the per-host and per-run quota
  // (those the caller puts first before the rest).
  const order = plans
    .map((plan, index) => ({ plan, index }))
    .filter((p) => p.plan.kind === 'page')
    .map((p) => ({ ...p, first: options.first?.(items[p.index]!) ? 1 : 0 }))
    .sort(
      (a, b) =>
        b.first - a.first || items[b.index]!.classification.score - items[a.index]!.classification.score,
    );
  const perHost = new Map<string, number>();
  const refusals = new Map<number, string>();
  const pages = new Map<string, Promise<CachedPage>>();
  let budget = options.maxArticles;
  for (const { plan, index } of order) {
    if (plan.kind !== 'page' || pages.has(plan.link)) continue;
    const used = perHost.get(plan.host) ?? 0;
    if (used >= options.articlesPerHost) {
      refusals.set(index, `page not fetched: per-host limit of ${options.articlesPerHost}`);
      continue;
    }
    if (budget <= 0) {
      refusals.set(index, `page not fetched: run limit of ${options.maxArticles} pages`);
      continue;
    }
    perHost.set(plan.host, used + 1);
    budget--;
    const page = plan.prefetched
      ? prefetch!.take(plan.link).catch((error: unknown) => {
          // Queued when the prefetcher's budget ran out: this stage's own budget may still allow it.
          if (error instanceof SkippedError) return fetchPage(deps, plan.link, plan.cacheKey, options);
          throw error;
        })
      : fetchPage(deps, plan.link, plan.cacheKey, options);
    pages.set(
      plan.link,
      page.then((fetchedPage) => {
        fetched++;
        return fetchedPage;
      }),
    );
  }

  // 3. The fetches themselves, all at once: the HTTP client's limiter bounds what is in flight.
  const results = await Promise.all(
    plans.map(async (plan, index): Promise<ScoredItem> => {
      if (plan.kind === 'done') return plan.result;
      const item = items[index]!;
      try {
        const refusal = refusals.get(index);
        if (refusal) return { ...item, articleNote: refusal };
        return withArticle(item, await pages.get(plan.link)!);
      } catch (error) {
        // The note is published with the edition: a public reason, never the error's own text
        // (it can name internal addresses); the detail goes to the log.
        deps.logger.info('article not fetched', { url: item.link, error: describeError(error) });
        return { ...item, articleNote: `page not fetched: ${publicReasonOf(error)}` };
      } finally {
        tick();
      }
    }),
  );
  return { items: results, fetched, cached };
}

/** Whether the feed carries the item's whole article (its content is no teaser). */
export function hasFullText(item: Pick<FeedItem, 'content'>): boolean {
  return item.content !== undefined && countWords(item.content) >= FULL_TEXT_WORDS;
}

/** Whether an item needs its page: not when the feed carries the full text or no web link. */
export function pageNeed(
  item: ScoredItem,
): { kind: 'done'; result: ScoredItem } | { kind: 'page'; host: string; cacheKey: string } {
  if (item.content && hasFullText(item)) {
    const article: Article = { url: item.link, title: item.title, text: item.content };
    if (item.language) article.language = item.language;
    return { kind: 'done', result: { ...item, article } };
  }
  const host = siteHostOf(item.link);
  if (!host) return { kind: 'done', result: { ...item, articleNote: 'no article link in the feed' } };
  return { kind: 'page', host, cacheKey: dataKeys.articleCache(item.link) };
}

/** One page: requested as untrusted (address-checked), within the size and time caps, extracted, cached. */
export async function fetchPage(
  deps: FetchDeps,
  link: string,
  cacheKey: string,
  options: ArticleOptions,
): Promise<CachedPage> {
  const response = await deps.http.get({
    url: link,
    untrusted: true,
    maxBytes: options.maxPageBytes,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
  });
  const contentType = response.headers['content-type'];
  if (contentType && !PAGE_TYPES.test(contentType.trim())) {
    throw new NotAPageError(
      `not a web page (${contentType.split(';')[0]!.trim()})`,
      response.url,
      response.status,
    );
  }
  const page = await inTurn(() => readPage(response.body, contentType, response.url));
  // The raw extraction is cached; whether it is usable is judged on every read.
  await deps.data
    .put(cacheKey, JSON.stringify(page), { contentType: 'application/json' })
    .catch((error: unknown) => {
      deps.logger.warn('article cache not written', { url: link, error: describeError(error) });
    });
  return page;
}

function readPage(body: Buffer, contentType: string | undefined, url: string): CachedPage {
  const html = decodeDocument(body, contentType);
  const page: CachedPage = { article: extractArticle(html, url) };
  if (hasPaywallMarkup(html)) page.paywall = true;
  return page;
}

/** The item with its article, or with its feed summary and a note when the page is a teaser or a paywall. */
function withArticle(item: ScoredItem, { article, paywall }: CachedPage): ScoredItem {
  const count = countWords(article.text);
  // A long text behind a "subscribe" box is the article (metered sites show it in full).
  if (count < PAYWALL_MAX_WORDS && (paywall || hasPaywallNotice(article.text))) {
    return { ...item, articleNote: `paywalled: only ${count} words` };
  }
  // A short text still counts when it adds to the feed's summary; a teaser that barely does, not.
  const summaryWords = countWords(item.summary ?? '');
  if (count < SHORT_TEXT_WORDS && (count < 20 || count <= summaryWords * 2)) {
    return { ...item, articleNote: `paywalled or empty page: only ${count} words` };
  }
  return { ...item, article };
}

/** state/articles/<hash>.json; entries written before the paywall flag are bare articles. */
const CachedArticleSchema = z.object({
  url: z.string(),
  title: z.string(),
  byline: z.optional(z.string()),
  published: z.optional(z.string()),
  canonicalUrl: z.optional(z.string()),
  language: z.optional(z.string()),
  text: z.string(),
});
const CachedPageSchema = z.union([
  z.object({ article: CachedArticleSchema, paywall: z.optional(z.boolean()) }),
  z.pipe(
    CachedArticleSchema,
    z.transform((article) => ({ article })),
  ),
]);

export async function readCachedArticle(deps: FetchDeps, key: string): Promise<CachedPage | undefined> {
  try {
    const page = await readStoredValue(
      { store: deps.data, logger: deps.logger, ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}) },
      key,
      CachedPageSchema,
    );
    return page
      ? { article: page.article, ...('paywall' in page && page.paywall ? { paywall: true } : {}) }
      : undefined;
  } catch {
    // A store hiccup only costs a fetch (a corrupt entry is reported and kept aside by the state helper).
    return undefined;
  }
}
