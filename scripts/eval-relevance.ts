/**
 * `npm run eval:relevance`: classifies every item of the labelled development set in
 * ../shared/corpora/relevance-dev, writes the predictions to .bench/relevance-predictions.jsonl,
 * scores them with the corpus's own score.mjs, and scores the keyword baseline ("mentions a China
 * term and a Russia term") the same way in the same run, with the throughput of both.
 * Skips with a message when ../shared is absent. `--verbose` also prints each misjudged item
 * with its reasons.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyItem } from '#analyse/classify-relevance.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpora/relevance-dev');
const itemsFile = join(corpus, 'items.jsonl');
if (!existsSync(itemsFile) || !existsSync(join(corpus, 'score.mjs'))) {
  console.log(`eval:relevance skipped: ${corpus} is absent`);
  process.exit(0);
}
const verbose = process.argv.includes('--verbose');

interface DevItem {
  id: string;
  title: string;
  summary?: string;
  url?: string;
  source?: string;
  label: number;
}
const items = readFileSync(itemsFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as DevItem);

/** The keyword baseline of the corpus README: a China term and a Russia term anywhere. */
const CHINA_TERM = /china|chinese|beijing|xi jinping|\bxi\b|китай|пекин|си цзиньпин|中国|北京|习近平/iu;
const RUSSIA_TERM = /russia|russian|moscow|kremlin|putin|росси|москв|кремл|путин|俄罗斯|普京|莫斯科/iu;

function classifyBaseline(item: DevItem) {
  const text = `${item.title} ${item.summary ?? ''}`;
  const relevant = CHINA_TERM.test(text) && RUSSIA_TERM.test(text);
  return { relevant, score: relevant ? 1 : 0, themes: relevant ? ['alliance-diplomacy'] : [] };
}

function classifyOurs(item: DevItem) {
  return classifyItem({ title: item.title, summary: item.summary, url: item.url, source: item.source });
}

/** Runs the classifier over the whole set `rounds` times and reports the mean cost per item. */
function measure<T>(classify: (item: DevItem) => T, rounds: number) {
  let rows = items.map((item) => ({ id: item.id, ...classify(item) }));
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) rows = items.map((item) => ({ id: item.id, ...classify(item) }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = rounds * items.length;
  return { rows, microsPerItem: (seconds * 1e6) / n, itemsPerSecond: n / seconds };
}

function describeSpeed(m: { microsPerItem: number; itemsPerSecond: number }): string {
  return `speed: ${m.microsPerItem.toFixed(1)} µs/item, ${Math.round(m.itemsPerSecond).toLocaleString('en')} items/s`;
}

const outDir = join(root, '.bench');
mkdirSync(outDir, { recursive: true });

function score(file: string, rows: object[]): string {
  writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return execFileSync(process.execPath, [join(corpus, 'score.mjs'), file, itemsFile], {
    encoding: 'utf8',
  }).trim();
}

const ours = measure(classifyOurs, 20);
const baseline = measure(classifyBaseline, 20);

console.log(`== Briefing classifier (${items.length} items)`);
console.log(score(join(outDir, 'relevance-predictions.jsonl'), ours.rows));
console.log(describeSpeed(ours));
console.log('\n== Baseline: mentions a China term and a Russia term');
console.log(score(join(outDir, 'relevance-baseline-predictions.jsonl'), baseline.rows));
console.log(describeSpeed(baseline));

if (verbose) {
  console.log('\n== Misjudged items (label 1 excluded)');
  for (const item of items) {
    const row = ours.rows.find((r) => r.id === item.id);
    if (!row || item.label === 1 || row.relevant === (item.label === 2)) continue;
    console.log(`${item.id} label=${item.label} score=${row.score} | ${item.title}`);
    for (const reason of row.reasons) console.log(`    ${reason}`);
  }
}
