/**
 * `npm run eval:extract`: article extraction quality and speed on the shared corpora, with Mozilla
 * Readability 0.6 on linkedom and on jsdom measured the same way on the same pages.
 *  - Quality: the article-extraction-benchmark's own metric (scripts/lib/extraction-metric.ts) on
 *    its 131 pages, on the development part and on the held-out part (scripts/lib/benchmark-split.ts).
 *  - Speed: CPU time (user + system of the process, process.cpuUsage()), measured in a fresh
 *    process per round: each round warms every extractor up on other pages (Readability's test
 *    pages), then times each over the 131 pages, in an order that rotates from round to round;
 *    the median of the rounds (EVAL_ROUNDS, default 3) is reported, wall time beside it. CPU
 *    time counts the garbage collector's threads, which wall time on a busy machine hides.
 *  - readability-pages: every page must extract without an exception; agreement with
 *    expected.html, which is Readability's own output (agreement, not truth).
 * Prints a report and writes .bench/eval-extract.json. Exits 0 with a message when ../shared is
 * absent, 1 when a readability page crashes the extractor.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '#extract/extract-article.ts';
import { htmlToPlainText } from '#text/html-to-text.ts';
import { isHeldOut } from './lib/benchmark-split.ts';
import { aggregate, type ExtractionQuality, type PageScore, scorePage } from './lib/extraction-metric.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpora = resolve(root, '../shared/corpora');
const benchmarkDir = join(corpora, 'article-extraction-benchmark');
const readabilityDir = join(corpora, 'readability-pages');
const FAKE_URL = 'http://fakehost/test/page.html';
/** Readability's test pages the timing rounds warm up on: not the pages they time. */
const WARM_UP_PAGES = 20;
const ROUNDS = Math.max(1, Number(process.env.EVAL_ROUNDS ?? 3) || 3);

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
const NAMES = Object.keys(extractors);

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

function readabilitySources(): { dir: string; html: string }[] {
  if (!existsSync(readabilityDir)) return [];
  return readdirSync(readabilityDir)
    .filter((d) => existsSync(join(readabilityDir, d, 'source.html')))
    .map((dir) => ({ dir, html: readFileSync(join(readabilityDir, dir, 'source.html'), 'utf8') }));
}

/** Extracts every page once; an exception counts as an empty text. */
async function extractAll(
  extract: Extractor,
  pages: readonly Page[],
): Promise<{ texts: string[]; errors: number }> {
  const texts: string[] = [];
  let errors = 0;
  for (const page of pages) {
    try {
      texts.push(await extract(page.html, page.url));
    } catch {
      errors++;
      texts.push('');
    }
  }
  return { texts, errors };
}

interface RoundTiming {
  cpuMs: number;
  wallMs: number;
}

/** One timing round, in this (fresh) process: warm-up on other pages, then each extractor in turn. */
async function timeRound(round: number): Promise<Record<string, RoundTiming>> {
  const pages = loadBenchmark();
  const warmUp = readabilitySources()
    .slice(0, WARM_UP_PAGES)
    .map((s) => ({ key: s.dir, url: FAKE_URL, html: s.html, expected: '' }));
  const order = NAMES.map((_, i) => NAMES[(i + round) % NAMES.length]!);
  const timings: Record<string, RoundTiming> = {};
  for (const name of order) {
    const extract = extractors[name]!;
    await extractAll(extract, warmUp.length > 0 ? warmUp : pages.slice(0, 10));
    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    await extractAll(extract, pages);
    const used = process.cpuUsage(cpu);
    timings[name] = {
      cpuMs: (used.user + used.system) / 1000,
      wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
    };
  }
  return timings;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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
  const crashes: string[] = [];
  const scores: PageScore[] = [];
  const sources = readabilitySources();
  for (const { dir, html } of sources) {
    let text: string;
    try {
      text = extractArticle(html, FAKE_URL).text;
    } catch {
      crashes.push(dir);
      continue;
    }
    const expectedFile = join(readabilityDir, dir, 'expected.html');
    if (existsSync(expectedFile))
      scores.push(scorePage(text, htmlToPlainText(readFileSync(expectedFile, 'utf8'))));
  }
  const meanPageF1 = scores.length > 0 ? scores.reduce((s, x) => s + pageF1(x), 0) / scores.length : 0;
  return { pages: sources.length, crashes, agreement: aggregate(scores), meanPageF1 };
}

const fixed = (n: number, digits = 3) => n.toFixed(digits);

async function main(): Promise<void> {
  if (!existsSync(benchmarkDir)) {
    console.log(
      `eval:extract skipped: ${benchmarkDir} is absent (the shared corpora are not on this machine)`,
    );
    return;
  }
  const childRound = process.argv.indexOf('--time-round');
  if (childRound !== -1) {
    process.stdout.write(JSON.stringify(await timeRound(Number(process.argv[childRound + 1]))));
    return;
  }

  const pages = loadBenchmark();
  const megabytes = pages.reduce((s, p) => s + Buffer.byteLength(p.html), 0) / 1e6;
  const heldOut = pages.map((p) => isHeldOut(p.key));

  // Quality: one extraction of every page by every extractor (not timed).
  const quality: Record<
    string,
    { all: ExtractionQuality; development: ExtractionQuality; heldOut: ExtractionQuality; errors: number }
  > = {};
  const developmentPages: Record<string, Record<string, { precision: number; recall: number }>> = {};
  for (const name of NAMES) {
    const { texts, errors } = await extractAll(extractors[name]!, pages);
    const scores = pages.map((page, i) => scorePage(texts[i]!, page.expected));
    quality[name] = {
      all: aggregate(scores),
      development: aggregate(scores.filter((_, i) => !heldOut[i])),
      heldOut: aggregate(scores.filter((_, i) => heldOut[i])),
      errors,
    };
    // Per-page figures of the development part only: the held-out pages stay unread.
    scores.forEach((score, i) => {
      if (heldOut[i]) return;
      developmentPages[pages[i]!.key] ??= {};
      developmentPages[pages[i]!.key]![name] = {
        precision: score.tp + score.fp > 0 ? score.tp / (score.tp + score.fp) : 0,
        recall: score.tp + score.fn > 0 ? score.tp / (score.tp + score.fn) : 0,
      };
    });
  }

  // Speed: a fresh process per round.
  const rounds: Record<string, RoundTiming>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--time-round', String(round)],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    rounds.push(JSON.parse(output) as Record<string, RoundTiming>);
  }
  const speed = Object.fromEntries(
    NAMES.map((name) => {
      const cpuMs = median(rounds.map((r) => r[name]!.cpuMs));
      const wallMs = median(rounds.map((r) => r[name]!.wallMs));
      return [name, { cpuMs, wallMs, pagesPerCpuSecond: (pages.length / cpuMs) * 1000 }];
    }),
  );
  const ratios = Object.fromEntries(
    NAMES.filter((n) => n !== 'briefing').map((name) => [
      name,
      { cpu: speed[name]!.cpuMs / speed.briefing!.cpuMs, wall: speed[name]!.wallMs / speed.briefing!.wallMs },
    ]),
  );

  const developmentCount = heldOut.filter((h) => !h).length;
  console.log(
    `article-extraction-benchmark: ${pages.length} pages (${developmentCount} development, ${pages.length - developmentCount} held out), ${fixed(megabytes, 1)} MB of HTML`,
  );
  console.log(
    'extractor              F1 all  F1 dev  F1 held-out  precision  recall  CPU ms  wall ms  pages/CPU s  errors',
  );
  for (const name of NAMES) {
    const q = quality[name]!;
    const s = speed[name]!;
    console.log(
      `${name.padEnd(22)} ${fixed(q.all.f1).padEnd(7)} ${fixed(q.development.f1).padEnd(7)} ${fixed(q.heldOut.f1).padEnd(12)} ${fixed(q.all.precision).padEnd(10)} ${fixed(q.all.recall).padEnd(7)} ${fixed(s.cpuMs, 0).padStart(6)}  ${fixed(s.wallMs, 0).padStart(7)}  ${fixed(s.pagesPerCpuSecond, 1).padStart(11)}  ${q.errors}`,
    );
  }
  console.log(
    `speed (CPU time, median of ${ROUNDS} fresh processes, warmed up on other pages, rotating order): ${Object.entries(
      ratios,
    )
      .map(([name, r]) => `briefing is ${fixed(r.cpu, 1)}x ${name} (wall time ${fixed(r.wall, 1)}x)`)
      .join('; ')}`,
  );

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
        benchmark: {
          pages: pages.length,
          developmentCount,
          megabytes,
          rounds,
          quality,
          speed,
          ratios,
          developmentPages,
        },
        readabilityPages: readability,
      },
      null,
      2,
    )}\n`,
  );
  console.log('written: .bench/eval-extract.json');
  if (readability.crashes.length > 0) process.exitCode = 1;
}

await main();
