/**
 * `npm run eval:extract`: article extraction quality and speed on the shared corpora, with Mozilla
 * Readability 0.6 on linkedom and on jsdom measured in the same run on the same pages.
 *  - article-extraction-benchmark (131 pages with human-annotated bodies): the benchmark's own
 *    metric (scripts/lib/extraction-metric.ts), pages/s and MB/s of each extractor, our speed ratio;
 *  - readability-pages: every page must extract without an exception; agreement with
 *    expected.html, which is Readability's own output (agreement, not truth).
 * Prints a report and writes .bench/eval-extract.json. Exits 0 with a message when ../shared is
 * absent, 1 when a readability page crashes the extractor.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '#extract/extract-article.ts';
import { htmlToPlainText } from '#text/html-to-text.ts';
import { aggregate, type ExtractionQuality, type PageScore, scorePage } from './lib/extraction-metric.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpora = resolve(root, '../shared/corpora');
const benchmarkDir = join(corpora, 'article-extraction-benchmark');
const readabilityDir = join(corpora, 'readability-pages');
const FAKE_URL = 'http://fakehost/test/page.html';
const WARM_UP_PAGES = 10;
/** Timed passes over the benchmark per extractor (EVAL_ROUNDS overrides); the median is reported. */
const ROUNDS = Math.max(1, Number(process.env.EVAL_ROUNDS ?? 3) || 3);

if (!existsSync(benchmarkDir)) {
  console.log(`eval:extract skipped: ${benchmarkDir} is absent (the shared corpora are not on this machine)`);
  process.exit(0);
}

interface Page {
  key: string;
  url: string;
  html: string;
  expected: string;
}

type Extractor = (html: string, url: string) => string | Promise<string>;

const extractors: Record<string, Extractor> = {
  briefing: (html, url) => extractArticle(html, url).text,
  'readability+linkedom': (html) => {
    const { document } = parseHTML(html);
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return article?.textContent ?? '';
  },
  'readability+jsdom': async (html, url) => {
    // A silent console: jsdom reports every stylesheet it cannot parse.
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    try {
      return new Readability(dom.window.document).parse()?.textContent ?? '';
    } finally {
      dom.window.close();
      // jsdom frees closed windows only when the event loop turns.
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
  },
};

interface ExtractorResult extends ExtractionQuality {
  errors: number;
  seconds: number;
  pagesPerSecond: number;
  megabytesPerSecond: number;
}

function loadBenchmark(): Page[] {
  const truth = JSON.parse(readFileSync(join(benchmarkDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(truth).map(([key, t]) => ({
    key,
    url: t.url,
    html: gunzipSync(readFileSync(join(benchmarkDir, 'html', `${key}.html.gz`))).toString('utf8'),
    expected: t.articleBody,
  }));
}

/** Extracts every page once and returns the texts (empty for an exception) and the time taken. */
async function extractAll(
  extract: Extractor,
  pages: Page[],
): Promise<{ texts: string[]; seconds: number; errors: number }> {
  const texts: string[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  for (const page of pages) {
    try {
      texts.push(await extract(page.html, page.url));
    } catch {
      errors++;
      texts.push('');
    }
  }
  return { texts, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function pageF1(score: PageScore): number {
  const precision = score.tp + score.fp > 0 ? score.tp / (score.tp + score.fp) : 0;
  const recall = score.tp + score.fn > 0 ? score.tp / (score.tp + score.fn) : 0;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function runReadabilityPages(): {
  pages: number;
  crashes: string[];
  agreement: ExtractionQuality;
  meanPageF1: number;
} {
  const dirs = existsSync(readabilityDir)
    ? readdirSync(readabilityDir).filter((d) => existsSync(join(readabilityDir, d, 'source.html')))
    : [];
  const crashes: string[] = [];
  const scores: PageScore[] = [];
  for (const dir of dirs) {
    const source = readFileSync(join(readabilityDir, dir, 'source.html'), 'utf8');
    let text: string;
    try {
      text = extractArticle(source, FAKE_URL).text;
    } catch {
      crashes.push(dir);
      continue;
    }
    const expectedFile = join(readabilityDir, dir, 'expected.html');
    if (existsSync(expectedFile))
      scores.push(scorePage(text, htmlToPlainText(readFileSync(expectedFile, 'utf8'))));
  }
  const meanPageF1 = scores.length > 0 ? scores.reduce((s, x) => s + pageF1(x), 0) / scores.length : 0;
  return { pages: dirs.length, crashes, agreement: aggregate(scores), meanPageF1 };
}

const fixed = (n: number, digits = 3) => n.toFixed(digits);

const pages = loadBenchmark();
const megabytes = pages.reduce((s, p) => s + Buffer.byteLength(p.html), 0) / 1e6;
const names = Object.keys(extractors);
const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const outputs: Record<string, { texts: string[]; errors: number }> = {};
// Warm-up, then interleaved rounds: every extractor meets the same machine load, and the median
// round is reported, so one busy moment on a shared machine does not decide the ratio.
for (const name of names)
  for (const page of pages.slice(0, WARM_UP_PAGES)) await extractors[name]!(page.html, page.url);
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    const run = await extractAll(extractors[name]!, pages);
    times[name]!.push(run.seconds);
    outputs[name] ??= run;
  }
}
const results: Record<string, ExtractorResult> = {};
const perPage: Record<string, Record<string, { precision: number; recall: number }>> = {};
for (const name of names) {
  // Scoring is outside the timed loops: it measures us, not the extractors.
  const scores = pages.map((page, i) => scorePage(outputs[name]!.texts[i]!, page.expected));
  const seconds = median(times[name]!);
  results[name] = {
    ...aggregate(scores),
    errors: outputs[name]!.errors,
    seconds,
    pagesPerSecond: pages.length / seconds,
    megabytesPerSecond: megabytes / seconds,
  };
  scores.forEach((score, i) => {
    const key = pages[i]!.key;
    const entry = perPage[key] ?? {};
    perPage[key] = entry;
    entry[name] = {
      precision: score.tp + score.fp > 0 ? score.tp / (score.tp + score.fp) : 0,
      recall: score.tp + score.fn > 0 ? score.tp / (score.tp + score.fn) : 0,
    };
  });
}

const ours = results.briefing!;
const speedRatio: Record<string, number> = {};
console.log(
  `article-extraction-benchmark: ${pages.length} pages, ${fixed(megabytes, 1)} MB of HTML; speed: median of ${ROUNDS} interleaved timed passes`,
);
console.log('extractor              precision  recall  F1     pages/s  MB/s   errors');
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(22)} ${fixed(r.precision).padEnd(10)} ${fixed(r.recall).padEnd(7)} ${fixed(r.f1).padEnd(6)} ${fixed(r.pagesPerSecond, 1).padStart(7)}  ${fixed(r.megabytesPerSecond, 2).padStart(5)}  ${r.errors}`,
  );
}
for (const [name, r] of Object.entries(results)) {
  if (name === 'briefing') continue;
  speedRatio[name] = ours.pagesPerSecond / r.pagesPerSecond;
  console.log(`briefing is ${fixed(speedRatio[name]!, 1)}x the speed of ${name}`);
}

const readability = runReadabilityPages();
console.log(
  `readability-pages: ${readability.pages} pages, ${readability.crashes.length} crashed${readability.crashes.length ? ` (${readability.crashes.join(', ')})` : ''}; agreement with expected.html (Readability's own output): F1 ${fixed(readability.agreement.f1)} (P ${fixed(readability.agreement.precision)}, R ${fixed(readability.agreement.recall)}), mean per-page F1 ${fixed(readability.meanPageF1)}`,
);

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/eval-extract.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      node: process.version,
      benchmark: { pages: pages.length, megabytes, rounds: ROUNDS, times, results, speedRatio, perPage },
      readabilityPages: readability,
    },
    null,
    2,
  )}\n`,
);
console.log('written: .bench/eval-extract.json');
if (readability.crashes.length > 0) process.exitCode = 1;
