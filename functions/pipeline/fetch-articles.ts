/**
 * The article behind each relevant item, fetched only when needed: a feed that carries the
 * full text is used as is, extracted articles are cached by canonical URL, and pages per host
 * and per run are capped. An item whose page fails, is capped or looks paywalled keeps its feed
 * summary and says why.
 */
import { describeError } from '../domain/errors.ts';
import { dataKeys } from '../domain/keys.ts';
import type { Article, ScoredItem } from '../domain/types.ts';
import { decodeDocument } from './decode-text.ts';
import { extractArticle } from './extract-article.ts';
import type { FetchDeps } from './fetch-feeds.ts';

export interface ArticleOptions {
  maxPageBytes: number;
  articlesPerHost: number;
  maxArticles: number;
  timeoutMs: number;
}

const FULL_TEXT_WORDS = 150;
const PAYWALL =
  /subscribe to (continue|read)|to continue reading|subscribers only|already a subscriber|sign in to read|become a member to read|this article is for subscribers/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export async function fetchArticles(
  deps: FetchDeps,
  items: readonly ScoredItem[],
  options: ArticleOptions,
): Promise<{ items: ScoredItem[]; fetched: number; cached: number }> {
  const perHost = new Map<string, number>();
  let budget = options.maxArticles;
  let fetched = 0;
  let cached = 0;
  let done = 0;
  const total = items.length;
  deps.progress.report({ kind: 'articles', done, total });

  // Decide what each item needs up front (synchronously), so caps are applied in rank order.
  const plans = items.map((item) => {
    if (item.content && words(item.content) >= FULL_TEXT_WORDS) return { item, kind: 'feed-text' as const };
    if (!/^https?:\/\//.test(item.link)) return { item, kind: 'no-link' as const };
    return { item, kind: 'page' as const };
  });

  const results = await Promise.all(
    plans.map(async ({ item, kind }): Promise<ScoredItem> => {
      try {
        if (kind === 'feed-text') {
          return {
            ...item,
            article: {
              url: item.link,
              title: item.title,
              text: item.content!,
              ...(item.language ? { language: item.language } : {}),
            },
          };
        }
        if (kind === 'no-link') return { ...item, articleNote: 'no article link in the feed' };
        const cacheKey = dataKeys.articleCache(item.link);
        const hit = await readCachedArticle(deps, cacheKey);
        if (hit) {
          cached++;
          return withArticle(item, hit);
        }
        const host = new URL(item.link).host;
        const used = perHost.get(host) ?? 0;
        if (used >= options.articlesPerHost)
          return { ...item, articleNote: `page not fetched: per-host limit of ${options.articlesPerHost}` };
        if (budget <= 0)
          return { ...item, articleNote: `page not fetched: run limit of ${options.maxArticles} pages` };
        perHost.set(host, used + 1);
        budget--;
        const response = await deps.http.get({
          url: item.link,
          untrusted: true,
          maxBytes: options.maxPageBytes,
          timeoutMs: options.timeoutMs,
          headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
        });
        const article = extractArticle(
          decodeDocument(response.body, response.headers['content-type']),
          response.url,
        );
        fetched++;
        await deps.data
          .put(cacheKey, JSON.stringify(article), { contentType: 'application/json' })
          .catch((error: unknown) => {
            deps.logger.warn('article cache not written', { url: item.link, error: describeError(error) });
          });
        return withArticle(item, article);
      } catch (error) {
        deps.logger.info('article not fetched', { url: item.link, error: describeError(error) });
        return { ...item, articleNote: `page not fetched: ${describeError(error)}` };
      } finally {
        deps.progress.report({ kind: 'articles', done: ++done, total });
      }
    }),
  );
  return { items: results, fetched, cached };
}

function withArticle(item: ScoredItem, article: Article): ScoredItem {
  const count = words(article.text);
  const summaryWords = words(item.summary ?? '');
  if (PAYWALL.test(article.text) || (count < 80 && count <= summaryWords * 2)) {
    return {
      ...item,
      articleNote: `paywalled or empty page: only ${count} words`,
      article: { ...article, text: '' },
    };
  }
  return { ...item, article };
}

async function readCachedArticle(deps: FetchDeps, key: string): Promise<Article | undefined> {
  const object = await deps.data.get(key);
  if (!object) return undefined;
  try {
    const article = JSON.parse(object.body.toString('utf8')) as Article;
    return typeof article.text === 'string' ? article : undefined;
  } catch {
    return undefined;
  }
}
