/** Extraction on the shared benchmark pages (skipped with a message when ../shared is absent). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../functions/pipeline/extract-article.ts';
import { aggregate, scorePage } from '../../scripts/lib/extraction-metric.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const corpora = resolve(REPO_ROOT, '../shared/corpora');
const benchmark = join(corpora, 'article-extraction-benchmark');
const present = existsSync(benchmark);
if (!present) console.warn(`skipped: ${benchmark} is absent`);

describe.skipIf(!present)('extraction corpora', () => {
  it('scores above Readability on the 131-page benchmark', () => {
    const truth = JSON.parse(readFileSync(join(benchmark, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { url: string; articleBody: string }
    >;
    const scores = Object.entries(truth).map(([key, t]) => {
      const html = gunzipSync(readFileSync(join(benchmark, 'html', `${key}.html.gz`))).toString('utf8');
      return scorePage(extractArticle(html, t.url).text, t.articleBody);
    });
    const { f1 } = aggregate(scores);
    console.info(`benchmark F1 ${f1.toFixed(3)}`);
    // Readability.js scores 0.941 on these pages; the target of 0.96 is not reached yet (README).
    expect(f1).toBeGreaterThan(0.941);
  }, 60_000);

  it('extracts every readability test page without a crash', () => {
    const dir = join(corpora, 'readability-pages');
    const pages = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html')));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const article = extractArticle(
        readFileSync(join(dir, page, 'source.html'), 'utf8'),
        'http://fakehost/test/page.html',
      );
      expect(typeof article.text).toBe('string');
    }
  }, 60_000);
});
