/**
 * `npm run eval:extract`: article extraction quality and speed on the shared corpora, with
 * Mozilla Readability (on linkedom and on jsdom) measured in the same run on the same pages.
 *  - article-extraction-benchmark: the benchmark's own metric (4-token shingles, page-normalised)
 *  - readability-pages: every page extracted without a crash; agreement with expected.html
 * Results are printed and written to .bench/eval-extract.json. Skips when ../shared is absent.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../functions/pipeline/extract-article.ts';
import { htmlToPlainText } from '../functions/pipeline/plain-text.ts';
import { aggregate, type PageScore, scorePage } from './lib/extraction-metric.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpora = resolve(root, '../shared/corpora');
const benchmarkDir = join(corpora, 'article-extraction-benchmark');
if (!existsSync(benchmarkDir)) {
  console.log(`skipped: ${benchmarkDir} is absent`);
  process.exit(0);
}

interface Page {
  key: string;
  url: string;
  html: string;
  expected: string;
}
const truth = JSON.parse(readFileSync(join(benchmarkDir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url: string; articleBody: string }
>;
const pages: Page[] = Object.entries(truth).map(([key, t]) => ({
  key,
  url: t.url,
  html: gunzipSync(readFileSync(join(benchmarkDir, 'html', `${key}.html.gz`))).toString('utf8'),
  expected: t.articleBody,
}));
const megabytes = pages.reduce((s, p) => s + Buffer.byteLength(p.html), 0) / 1e6;

type Extractor = (html: string, url: string) => string | Promise<string>;
const extractors: Record<string, Extractor> = {
  briefing: (html, url) => extractArticle(html, url).text,
  'readability+linkedom': (html) => {
    const { document } = parseHTML(html);
    return (
      new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
        ?.textContent ?? ''
    );
  },
  'readability+jsdom': async (html, url) => {
    const dom = new JSDOM(html, { url });
    const text = new Readability(dom.window.document).parse()?.textContent ?? '';
    dom.window.close();
    // jsdom frees closed windows only when the event loop turns.
    await new Promise((r) => setImmediate(r));
    return text;
  },
};

const results: Record<
  string,
  {
    precision: number;
    recall: number;
    f1: number;
    seconds: number;
    pagesPerSecond: number;
    mbPerSecond: number;
  }
> = {};
for (const [name, extract] of Object.entries(extractors)) {
  const scores: PageScore[] = [];
  const started = process.hrtime.bigint();
  for (const page of pages) {
    let text = '';
    try {
      text = await extract(page.html, page.url);
    } catch {
      text = '';
    }
    scores.push(scorePage(text, page.expected));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  results[name] = {
    ...aggregate(scores),
    seconds,
    pagesPerSecond: pages.length / seconds,
    mbPerSecond: megabytes / seconds,
  };
}

console.log(`article-extraction-benchmark: ${pages.length} pages, ${megabytes.toFixed(1)} MB`);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(22)} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F1=${r.f1.toFixed(3)}  ${r.pagesPerSecond.toFixed(1)} pages/s  ${r.mbPerSecond.toFixed(2)} MB/s`,
  );
}
const ours = results.briefing!;
for (const name of ['readability+linkedom', 'readability+jsdom']) {
  console.log(`speed vs ${name}: ${(results[name]!.seconds / ours.seconds).toFixed(1)}x`);
}

// Readability's own test pages: no crash, and agreement with its expected output.
const readabilityDir = join(corpora, 'readability-pages');
let crashes = 0;
const agreement: PageScore[] = [];
const dirs = existsSync(readabilityDir)
  ? readdirSync(readabilityDir).filter((d) => existsSync(join(readabilityDir, d, 'source.html')))
  : [];
for (const dir of dirs) {
  const source = readFileSync(join(readabilityDir, dir, 'source.html'), 'utf8');
  try {
    const text = extractArticle(source, 'http://fakehost/test/page.html').text;
    const expectedFile = join(readabilityDir, dir, 'expected.html');
    if (existsSync(expectedFile))
      agreement.push(scorePage(text, htmlToPlainText(readFileSync(expectedFile, 'utf8'))));
  } catch {
    crashes++;
  }
}
const agree = aggregate(agreement);
console.log(
  `readability-pages: ${dirs.length} pages, ${crashes} crashes, agreement with expected.html F1=${agree.f1.toFixed(3)} (P=${agree.precision.toFixed(3)} R=${agree.recall.toFixed(3)})`,
);

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/eval-extract.json'),
  `${JSON.stringify({ pages: pages.length, megabytes, results, readabilityPages: { pages: dirs.length, crashes, agreement: agree } }, null, 2)}\n`,
);
