/**
 * `npm run eval:relevance`: classifies every item of the labelled development set in
 * ../shared/corpora/relevance-dev, scores the predictions with the corpus's own score.mjs, and
 * scores the keyword baseline ("mentions a China term and a Russia term") the same way, in the
 * same run, with throughput for both. Skips with a message when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyItem } from '../functions/pipeline/classify-relevance.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpora/relevance-dev');
if (!existsSync(join(corpus, 'items.jsonl'))) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}

interface DevItem {
  id: string;
  title: string;
  summary: string;
  url: string;
  source: string;
}
const items = readFileSync(join(corpus, 'items.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as DevItem);

const CHINA_TERM = /china|chinese|beijing|xi jinping|\bxi\b|китай|пекин|中国|北京|习近平/i;
const RUSSIA_TERM = /russia|russian|moscow|kremlin|putin|росси|москв|путин|俄罗斯|普京|莫斯科/i;

function timeIt<T>(fn: () => T, rounds: number): { result: T; microsPerItem: number } {
  let result = fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) result = fn();
  const ns = Number(process.hrtime.bigint() - start) / rounds;
  return { result, microsPerItem: ns / 1000 / items.length };
}

const ours = timeIt(
  () =>
    items.map((i) => ({
      id: i.id,
      ...classifyItem({ title: i.title, summary: i.summary, url: i.url, source: i.source }),
    })),
  50,
);
const baseline = timeIt(
  () =>
    items.map((i) => {
      const text = `${i.title} ${i.summary}`;
      const relevant = CHINA_TERM.test(text) && RUSSIA_TERM.test(text);
      return { id: i.id, relevant, score: relevant ? 1 : 0, themes: relevant ? ['alliance-diplomacy'] : [] };
    }),
  50,
);

const outDir = join(root, '.bench');
mkdirSync(outDir, { recursive: true });
const score = (name: string, rows: object[]) => {
  const file = join(outDir, `relevance-${name}.jsonl`);
  writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return execFileSync(process.execPath, [join(corpus, 'score.mjs'), file, join(corpus, 'items.jsonl')], {
    encoding: 'utf8',
  });
};

console.log('== Briefing classifier');
console.log(score('ours', ours.result).trim());
console.log(
  `speed: ${ours.microsPerItem.toFixed(1)} µs/item (${Math.round(1e6 / ours.microsPerItem)} items/s)`,
);
console.log('\n== Baseline: mentions a China term and a Russia term');
console.log(score('baseline', baseline.result).trim());
console.log(`speed: ${baseline.microsPerItem.toFixed(1)} µs/item`);
