/**
 * Classification speed: the fitted model (classifyItem, themes and reasons included) beside the
 * keyword rule "a China term and a Russia term" in the same run, on the same items, in CPU time
 * after one warm-up pass, in a fresh process. Two sets: the synthetic items of bench/run.ts (short), and the sample
 * day's real-shaped feed items (titles and descriptions as the feeds carry them). Then first use,
 * as a Lambda's one run meets it: in a fresh process, loading the classifier and one pass over
 * the sample day's items, beside the keyword rule's one pass in the same process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifyInput } from '#analyse/classify-relevance.ts';
import { parseFeed } from '#ingest/parse-feed.ts';

interface Text {
  title: string;
  summary?: string;
}

const CHINA = /china|chinese|beijing|xi jinping|китай|中国/i;
const RUSSIA = /russia|russian|moscow|kremlin|putin|росси|俄罗斯/i;

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(since);
  return cpu.user + cpu.system;
};

/** Items per CPU second of `run` over `items`, after a warm-up pass. */
function itemsPerCpuSecond(
  items: readonly Text[],
  run: (item: Text) => boolean,
): { perSecond: number; relevant: number } {
  for (const item of items) run(item);
  const started = process.cpuUsage();
  let relevant = 0;
  for (const item of items) if (run(item)) relevant++;
  return { perSecond: Math.round(items.length / (cpuMicros(started) / 1e6)), relevant };
}

const keywordRule = (i: Text) =>
  CHINA.test(`${i.title} ${i.summary}`) && RUSSIA.test(`${i.title} ${i.summary}`);

function compare(items: readonly Text[], classifyItem: Classify) {
  const ours = itemsPerCpuSecond(items, (i) => classifyItem(i).relevant);
  const keyword = itemsPerCpuSecond(items, keywordRule);
  return {
    items: items.length,
    oursItemsPerSecond: ours.perSecond,
    keywordItemsPerSecond: keyword.perSecond,
    microsecondsPerItem: Math.round((1e6 / ours.perSecond) * 10) / 10,
    keywordTimesFaster: Math.round((keyword.perSecond / ours.perSecond) * 10) / 10,
    oursRelevant: ours.relevant,
    keywordRelevant: keyword.relevant,
  };
}

/** The sample day's feed items, repeated to `count` (0: each once). */
async function sampleDayItems(count: number): Promise<Text[]> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = join(root, 'tests/fixtures/sample-day');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    feeds: { path: string; contentType: string }[];
  };
  const items: Text[] = [];
  for (const feed of manifest.feeds) {
    const parsed = await parseFeed(readFileSync(join(dir, feed.path)), { contentType: feed.contentType });
    for (const item of parsed.items) items.push({ title: item.title, summary: item.summary });
  }
  return count === 0 ? items : Array.from({ length: count }, (_, i) => items[i % items.length]!);
}

type Classify = (input: ClassifyInput) => { relevant: boolean };

type Comparison = ReturnType<typeof compare>;

const FIRST_USE = '--first-use';
const WARM = '--warm';

/**
 * Runs this file in a fresh process in `mode`, `input` as JSON on its stdin (so that no parsing
 * code is still being optimised in the background while the classifier is timed); its JSON answer.
 */
function inFreshProcess(mode: string, input: unknown): unknown {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return JSON.parse(
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), fileURLToPath(import.meta.url), mode],
      { encoding: 'utf8', input: JSON.stringify(input), maxBuffer: 16 * 1024 * 1024 },
    ),
  );
}

/** The model beside the keyword rule, after a warm-up pass, on each set of items read from stdin. */
async function measureWarm(): Promise<Comparison[]> {
  const sets = JSON.parse(readFileSync(0, 'utf8')) as Text[][];
  const { classifyItem } = await import('#analyse/classify-relevance.ts');
  return sets.map((items) => compare(items, classifyItem));
}

/**
 * In a fresh process (this file run with FIRST_USE, the items as JSON on stdin, so that no
 * parsing code is still being optimised in the background while the classifier is timed): CPU
 * to load the classifier's modules (the lexicons read, entity forms compiled), then one pass over
 * the items by each.
 */
async function measureFirstUse() {
  const items = JSON.parse(readFileSync(0, 'utf8')) as Text[];
  const loading = process.cpuUsage();
  const { classifyItem } = await import('#analyse/classify-relevance.ts');
  const loadMicros = cpuMicros(loading);
  const ours = process.cpuUsage();
  for (const item of items) classifyItem(item);
  const oursMicros = cpuMicros(ours);
  const keyword = process.cpuUsage();
  for (const item of items) keywordRule(item);
  const keywordMicros = cpuMicros(keyword);
  return {
    items: items.length,
    loadMs: Math.round(loadMicros / 100) / 10,
    oursMicrosPerItem: Math.round((oursMicros / items.length) * 10) / 10,
    keywordMicrosPerItem: Math.round((keywordMicros / items.length) * 10) / 10,
  };
}

if (process.argv.includes(FIRST_USE)) process.stdout.write(JSON.stringify(await measureFirstUse()));
if (process.argv.includes(WARM)) process.stdout.write(JSON.stringify(await measureWarm()));

export async function benchClassify(synthetic: readonly Text[], line: (s: string) => void) {
  // Timed in a fresh process, as first use is: in the bench's own process the parse bench runs
  // first, and its heap and the code V8 is still optimising would be timed with the classifier.
  const [short, real] = inFreshProcess(WARM, [synthetic, await sampleDayItems(6_640)]) as [
    Comparison,
    Comparison,
  ];
  for (const [name, r] of [
    ['synthetic', short],
    ['sample-day feed items', real],
  ] as const) {
    line(
      `classify (${name}, ${r.items} items, CPU, in a fresh process): model ${r.oursItemsPerSecond} items/s (${r.microsecondsPerItem} µs/item, ${r.oursRelevant} relevant) vs keyword rule ${r.keywordItemsPerSecond} items/s (${r.keywordRelevant}); the rule is ${r.keywordTimesFaster}x faster`,
    );
  }
  const first = inFreshProcess(FIRST_USE, await sampleDayItems(0)) as Awaited<
    ReturnType<typeof measureFirstUse>
  >;
  const firstRatio = Math.round((first.oursMicrosPerItem / first.keywordMicrosPerItem) * 10) / 10;
  line(
    `classify (first use in a fresh process, sample-day feed items, ${first.items} items, CPU): loading ${first.loadMs} ms (tsx compiling the TypeScript included; bundles: npm run bench:bundle), then model ${first.oursMicrosPerItem} µs/item vs keyword rule ${first.keywordMicrosPerItem} µs/item; the rule is ${firstRatio}x faster`,
  );
  return {
    synthetic: short,
    sampleDay: real,
    firstUse: { ...first, keywordTimesFaster: firstRatio },
    note: 'CPU time after a warm-up pass; precision/recall of both on the labelled sets: npm run eval:relevance',
  };
}
