/**
 * `npm run bench`: speed and memory of each stage against baselines measured in the same run, and
 * a real news day replayed from 127.0.0.1. Results go to .bench/results.json; figures are ratios
 * against the named baseline. Never part of `npm test`. Parts that read ../shared say so and skip
 * when it is absent.
 *
 *   parse     ours vs plain rss-parser, CPU time, on the news days' feeds and the sample day's (bench/parse.ts)
 *   classify  ours vs the keyword rule "a China term and a Russia term" (items/s)
 *   cluster   100 / 1,000 / 10,000 items, cost per item (should stay flat: no all-pairs)
 *   summarise stories/s on clustered synthetic reports
 *   day       a real news day (news-days/2023-03-21: 106 feeds, 2,932 items) served from 127.0.0.1
 *             with 50-300 ms per response, one server per original host, the benchmark's real pages
 *             as the articles; wall and CPU time and peak RSS per stage, beside the ideal fetch
 *             schedule (critical path given the latencies, per-host and global limits) (bench/news-day.ts)
 *   scaling   synthetic feeds in-process at 1x and 10x the items, 100x with BENCH_SCALE_100=1 (parse, classify, cluster, summarise)
 *   relevance precision/recall of ours and of the keyword rule on the development set (same run)
 *   extract   ours vs Readability on linkedom and on jsdom, CPU time (npm run eval:extract, same run)
 *   bundle    the four Lambda bundles' sizes and module initialisation in fresh processes beside bare node (bench/bundle.ts)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { clusterStories } from '#analyse/cluster-stories.ts';
import type { ScoredItem } from '#domain/types.ts';
import { buildStories } from '#edition/build-stories.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import { benchBundles } from './bundle.ts';
import { benchClassify } from './classify.ts';
import { benchNewsDayInFreshProcess } from './news-day.ts';
import { benchParse } from './parse.ts';
import { benchSend } from './send.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = join(root, '../shared/corpora');
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  at: new Date().toISOString(),
};
const time = async <T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
};
const line = (s: string) => process.stdout.write(`${s}\n`);

// parse
{
  const parse = await benchParse(root, corpora);
  results.parse = parse;
  line(
    `parse: ${parse.readByRssParser} of ${parse.documents} feeds read by plain rss-parser, ${parse.items} items: ours ${parse.oursCpuMs} ms CPU (${parse.oursItemsPerCpuSecond} items/CPU s) vs rss-parser ${parse.rssParserCpuMs} ms (${parse.rssParserItemsPerCpuSecond} items/CPU s): ratio ${parse.cpuRatio} (median of ${parse.rounds} rounds)`,
  );
}

// synthetic items
const TOPICS = [
  'gas pipeline price talks',
  'joint naval patrol',
  'yuan payments banks',
  'summit video call',
  'Arctic shipping route',
  'sanctions on suppliers',
  'BRICS ministers',
  'car market share',
  'Ukraine envoy',
  'media cooperation',
];
function syntheticItem(i: number): ScoredItem {
  const topic = TOPICS[i % TOPICS.length]!;
  const relevant = i % 20 === 0;
  const title = relevant
    ? `China and Russia: ${topic} update ${Math.floor(i / 200)}`
    : `City council debates budget item ${i}`;
  const summary = relevant
    ? `Beijing and Moscow officials discussed the ${topic} on day ${i % 7}.`
    : `Local officials discussed item ${i} of the plan.`;
  return {
    id: `s${i}`,
    title,
    summary,
    link: `https://outlet${i % 37}.example.org/${i}`,
    published: new Date(Date.UTC(2026, 10, 23) - (i % 40) * 3_600_000).toISOString(),
    categories: [],
    source: `Outlet ${i % 37}`,
    perspective: 'western',
    classification: { relevant, score: relevant ? 0.8 : 0.1, themes: ['energy'], reasons: [] },
  };
}

// classify
results.classify = await benchClassify(
  Array.from({ length: 20_000 }, (_, i) => syntheticItem(i)),
  line,
);

// cluster and summarise scaling
{
  const rows: { n: number; ms: number; microsPerItem: number; summariseStoriesPerSecond: number }[] = [];
  for (const n of [100, 1_000, 10_000]) {
    const items = Array.from({ length: n }, (_, i) => ({
      ...syntheticItem(i),
      classification: { relevant: true, score: 0.8, themes: ['energy' as const], reasons: [] },
    }));
    const clustered = await time(() => clusterStories(items));
    const summarised = await time(() =>
      buildStories(clustered.value, { now: new Date('2026-11-23T07:00:00Z') }),
    );
    rows.push({
      n,
      ms: Math.round(clustered.ms),
      microsPerItem: Math.round((clustered.ms * 1000) / n),
      summariseStoriesPerSecond: Math.round((summarised.value.length / summarised.ms) * 1000),
    });
  }
  results.cluster = rows;
  line(
    `cluster: ${rows.map((r) => `n=${r.n}: ${r.ms} ms (${r.microsPerItem} µs/item)`).join(', ')}; growth 100→10,000 per item: ${(rows[2]!.microsPerItem / Math.max(1, rows[0]!.microsPerItem)).toFixed(1)}x`,
  );
  line(`summarise: ${rows.map((r) => `${r.summariseStoriesPerSecond} stories/s at n=${r.n}`).join(', ')}`);
}

// a real news day over HTTP, with latency, in a fresh process (its peak RSS is its own)
{
  const day = benchNewsDayInFreshProcess({
    corpora,
    day: '2023-03-21',
    latencyMs: [50, 300],
    concurrency: 16,
    perHost: 3,
  });
  results.day = day;
  if ('skipped' in day) line(`day: skipped (${day.skipped})`);
  else {
    line(
      `day ${day.day}: ${day.feeds} feeds on ${day.hosts} hosts, ${day.items} items, ${day.relevant} relevant, ${day.pages} pages, ${day.stories} stories: ${day.wallMs} ms wall, ${day.cpuMs} ms CPU, peak RSS ${day.peakRssMb} MB`,
    );
    line(
      `     stages (wall / CPU ms): ${Object.entries(day.stages)
        .map(([stage, f]) => `${stage} ${f.wallMs} / ${f.cpuMs}`)
        .join(', ')}`,
    );
    line(
      `     fetch+articles ${day.fetchWallMs} ms vs ideal schedule ${day.idealFetchMs} ms (${day.requests} requests): ratio ${day.fetchOverIdeal}; staged bound (feeds, then pages) ${day.stagedIdealFetchMs} ms: ratio ${(day.fetchWallMs / day.stagedIdealFetchMs).toFixed(2)}`,
    );
    line(
      `     pages prefetched while the feeds arrived ${day.prefetch.prefetched}, used ${day.prefetch.used}, wasted ${day.prefetch.wasted}; load average ${day.loadAverage}`,
    );
  }
}

// synthetic feeds in-process at 1x, 10x and (BENCH_SCALE_100=1) 100x (no network)
{
  const rows: Record<string, number | string>[] = [];
  // 100x puts ~1,600 synthetic reports in each story, far beyond any real day: tens of minutes of
  // summarising on this machine, so it runs only when asked for.
  for (const factor of process.env.BENCH_SCALE_100 === '1' ? [1, 10, 100] : [1, 10]) {
    const feedsCount = 100 * factor;
    const xmls = Array.from({ length: feedsCount }, (_, f) => {
      const items = Array.from({ length: 50 }, (_, i) => {
        const id = f * 50 + i;
        const relevant = id % 5 === 0;
        const topic = TOPICS[id % TOPICS.length]!;
        const title = relevant
          ? `China and Russia agree on ${topic}, officials say (${id % 400})`
          : `Regional news item ${id} about transport and housing`;
        return `<item><title>${title}</title><link>https://h${f % 10}.example.org/p/${id}</link><guid>${id}</guid><pubDate>Mon, 23 Nov 2026 0${id % 6}:00:00 GMT</pubDate><description>${relevant ? `Beijing and Moscow discussed the ${topic}.` : 'Local councillors voted on the plan.'}</description></item>`;
      }).join('');
      return `<?xml version="1.0"?><rss version="2.0"><channel><title>F${f}</title>${items}</channel></rss>`;
    });
    const rssBefore = process.memoryUsage().rss;
    const parsed = await time(async () => {
      const all = [];
      for (const x of xmls) all.push(...(await parseFeed(x)).items);
      return all;
    });
    const classified = await time(() =>
      parsed.value.flatMap((i) => {
        const c = classifyItem({ title: i.title, summary: i.summary });
        return c.relevant ? [{ ...i, source: 'x', perspective: 'western' as const, classification: c }] : [];
      }),
    );
    const clustered = await time(() => clusterStories(classified.value));
    const summarised = await time(() =>
      buildStories(clustered.value, { now: new Date('2026-11-23T07:00:00Z') }),
    );
    const items = parsed.value.length;
    rows.push({
      factor: `${factor}x`,
      items,
      relevant: classified.value.length,
      stories: summarised.value.length,
      parseMs: Math.round(parsed.ms),
      classifyMs: Math.round(classified.ms),
      clusterMs: Math.round(clustered.ms),
      summariseMs: Math.round(summarised.ms),
      microsPerItem: Math.round(((parsed.ms + classified.ms + clustered.ms + summarised.ms) * 1000) / items),
      rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
    });
  }
  results.scaling = rows;
  for (const r of rows)
    line(
      `scaling ${r.factor}: ${r.items} items, ${r.relevant} relevant, ${r.stories} stories; parse ${r.parseMs} ms, classify ${r.classifyMs} ms, cluster ${r.clusterMs} ms, summarise ${r.summariseMs} ms; ${r.microsPerItem} µs/item`,
    );
}

// relevance quality beside the keyword rule (same run, development set)
{
  const { execFileSync } = await import('node:child_process');
  const output = execFileSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/eval-relevance.ts'), '--dev-only'],
    { encoding: 'utf8' },
  );
  const grab = (block: string, key: string) =>
    Number(new RegExp(`${key}=([0-9.]+)`).exec(block)?.[1] ?? Number.NaN);
  const [ours = '', baseline = ''] = output.split('== Baseline');
  results.relevanceQuality = {
    ours: {
      precision: grab(ours, 'precision'),
      recall: grab(ours, 'recall'),
      themeF1: grab(ours, 'theme_f1'),
    },
    keywordRule: {
      precision: grab(baseline, 'precision'),
      recall: grab(baseline, 'recall'),
      themeF1: grab(baseline, 'theme_f1'),
    },
  };
  line(
    `relevance: ours P=${grab(ours, 'precision')} R=${grab(ours, 'recall')} vs keyword rule P=${grab(baseline, 'precision')} R=${grab(baseline, 'recall')}${output.includes('skipped') ? ' (development set absent)' : ''}`,
  );
}

// extraction against Readability (same run)
{
  const { execFileSync } = await import('node:child_process');
  try {
    const output = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/eval-extract.ts')],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const summary = output
      .split('\n')
      .filter((l) => /^(briefing|readability\+|speed|readability-pages|eval:extract skipped)/.test(l));
    for (const l of summary) line(`extract: ${l}`);
    results.extract = existsSync(join(root, '.bench/eval-extract.json'))
      ? JSON.parse(readFileSync(join(root, '.bench/eval-extract.json'), 'utf8'))
      : { skipped: true };
  } catch (error) {
    line(`extract: failed (${(error as Error).message.split('\n')[0]})`);
  }
}

results.send = await benchSend(line);

// bundle
results.bundle = await benchBundles(root, line);

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
line('written: .bench/results.json (extraction figures: npm run eval:extract)');
process.exit(0);
