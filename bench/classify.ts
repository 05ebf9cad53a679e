/**
 * Classification speed: the fitted model (classifyItem, themes and reasons included) beside the
 * keyword rule "a China term and a Russia term" in the same run, on the same items, in CPU time
 * after one warm-up pass. Two sets: the synthetic items of bench/run.ts (short), and the sample
 * day's real-shaped feed items (titles and descriptions as the feeds carry them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { parseFeed } from '#ingest/parse-feed.ts';

interface Text {
  title: string;
  summary?: string;
}

const CHINA = /china|chinese|beijing|xi jinping|китай|中国/i;
const RUSSIA = /russia|russian|moscow|kremlin|putin|росси|俄罗斯/i;

/** Items per CPU second of `run` over `items`, after a warm-up pass. */
function itemsPerCpuSecond(
  items: readonly Text[],
  run: (item: Text) => boolean,
): { perSecond: number; relevant: number } {
  for (const item of items) run(item);
  const started = process.cpuUsage();
  let relevant = 0;
  for (const item of items) if (run(item)) relevant++;
  const cpu = process.cpuUsage(started);
  return { perSecond: Math.round(items.length / ((cpu.user + cpu.system) / 1e6)), relevant };
}

function compare(items: readonly Text[]) {
  const ours = itemsPerCpuSecond(items, (i) => classifyItem(i).relevant);
  const keyword = itemsPerCpuSecond(
    items,
    (i) => CHINA.test(`${i.title} ${i.summary}`) && RUSSIA.test(`${i.title} ${i.summary}`),
  );
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

/** The sample day's feed items, repeated to `count`. */
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
  return Array.from({ length: count }, (_, i) => items[i % items.length]!);
}

export async function benchClassify(synthetic: readonly Text[], line: (s: string) => void) {
  const short = compare(synthetic);
  const real = compare(await sampleDayItems(6_640));
  for (const [name, r] of [
    ['synthetic', short],
    ['sample-day feed items', real],
  ] as const) {
    line(
      `classify (${name}, ${r.items} items, CPU): model ${r.oursItemsPerSecond} items/s (${r.microsecondsPerItem} µs/item, ${r.oursRelevant} relevant) vs keyword rule ${r.keywordItemsPerSecond} items/s (${r.keywordRelevant}); the rule is ${r.keywordTimesFaster}x faster`,
    );
  }
  return {
    synthetic: short,
    sampleDay: real,
    note: 'CPU time after a warm-up pass; precision/recall of both on the labelled sets: npm run eval:relevance',
  };
}
