/**
 * `npm run bench`: speed and memory of each stage against baselines measured in the same run,
 * plus a synthetic day served from 127.0.0.1 with injected latency. Results go to
 * .bench/results.json; figures are ratios against the named baseline. Never part of `npm test`.
 *
 *   parse     ours vs plain rss-parser (items/s) on the sample day's feeds (x20)
 *   classify  ours vs the keyword rule "a China term and a Russia term" (items/s)
 *   cluster   100 / 1,000 / 10,000 items, cost per item (should stay flat: no all-pairs)
 *   summarise stories/s on clustered synthetic reports
 *   day       100 feeds x 50 items and 1,000 pages over 10 hosts, 50-300 ms latency per response,
 *             end to end with per-stage wall time, CPU and peak RSS, against the fetch schedule's
 *             ideal bound (critical path given latencies, per-host and global limits)
 *   scaling   the same day in-process at 1x, 10x and 100x the items (parse, classify, cluster, summarise)
 *   relevance precision/recall of ours and of the keyword rule on the development set (same run)
 *   extract   ours vs Readability on linkedom and on jsdom (npm run eval:extract, same run)
 *   bundle    the digest handler's bundle size and module initialisation time
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createHttpClient } from '#adapters/node-http-client.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { clusterStories } from '#analyse/cluster-stories.ts';
import { parseConfig } from '#config/schema.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { ScoredItem } from '#domain/types.ts';
import { buildStories } from '#edition/build-stories.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import type { ProgressEvent } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { benchClassify } from './classify.ts';
import { benchSend } from './send.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
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

// --- parse -------------------------------------------------------------------------------
{
  const manifest = JSON.parse(
    readFileSync(join(root, 'tests/fixtures/sample-day/manifest.json'), 'utf8'),
  ) as { feeds: { path: string; contentType: string }[] };
  const bodies = manifest.feeds.map((f) => ({
    body: readFileSync(join(root, 'tests/fixtures/sample-day', f.path)),
    type: f.contentType,
  }));
  const rounds = 20;
  const ours = await time(async () => {
    let n = 0;
    for (let r = 0; r < rounds; r++)
      for (const b of bodies) n += (await parseFeed(b.body, { contentType: b.type })).items.length;
    return n;
  });
  const plain = new Parser();
  const theirs = await time(async () => {
    let n = 0;
    for (let r = 0; r < rounds; r++) {
      for (const b of bodies)
        n += (await plain.parseString(b.body.toString('utf8')).catch(() => ({ items: [] }))).items.length;
    }
    return n;
  });
  const parse = {
    oursItemsPerSecond: Math.round((ours.value / ours.ms) * 1000),
    rssParserItemsPerSecond: Math.round((theirs.value / theirs.ms) * 1000),
    itemsReadOurs: ours.value / rounds,
    itemsReadRssParser: theirs.value / rounds,
  };
  results.parse = parse;
  line(
    `parse: ${parse.oursItemsPerSecond} items/s (ours, normalised, all formats and charsets) vs ${parse.rssParserItemsPerSecond} items/s (plain rss-parser, which reads ${parse.itemsReadRssParser}/${parse.itemsReadOurs} items)`,
  );
}

// --- synthetic items ---------------------------------------------------------------------
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

// --- classify ----------------------------------------------------------------------------
results.classify = await benchClassify(
  Array.from({ length: 20_000 }, (_, i) => syntheticItem(i)),
  line,
);

// --- cluster and summarise scaling ---------------------------------------------------------
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

// --- a synthetic day over HTTP with latency ------------------------------------------------
{
  const HOSTS = 10;
  const FEEDS_PER_HOST = 10;
  const ITEMS_PER_FEED = 50;
  const latencies: { host: number; ms: number }[] = [];
  const rand = (seed: number) => {
    const x = Math.sin(seed) * 10_000;
    return x - Math.floor(x);
  };
  let requestCounter = 0;
  const paragraph =
    'Officials from both governments met in the capital on Monday and discussed the timetable for the next round of talks, according to people familiar with the meetings, who asked not to be named.';
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let h = 0; h < HOSTS; h++) {
    const server = createServer((req, res) => {
      const delay = 50 + Math.floor(rand(++requestCounter) * 250);
      latencies.push({ host: h, ms: delay });
      setTimeout(() => {
        const url = req.url ?? '/';
        if (url.startsWith('/feed/')) {
          const f = Number(url.split('/')[2]);
          const items = Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
            const id = (h * FEEDS_PER_HOST + f) * ITEMS_PER_FEED + i;
            const relevant = id % 5 === 0;
            const topic = TOPICS[id % TOPICS.length]!;
            const title = relevant
              ? `China and Russia agree on ${topic}, officials say (${id % 40})`
              : `Regional news item ${id} about transport and housing`;
            return `<item><title>${title}</title><link>${bases[h]}/page/${id}.html</link><guid>${id}</guid><pubDate>Mon, 23 Nov 2026 0${id % 6}:00:00 GMT</pubDate><description>${relevant ? `Beijing and Moscow discussed the ${topic}.` : 'Local councillors voted on the plan.'}</description></item>`;
          }).join('');
          res
            .writeHead(200, { 'content-type': 'application/rss+xml' })
            .end(
              `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${h}-${f}</title>${items}</channel></rss>`,
            );
        } else {
          const body = Array.from({ length: 12 }, () => `<p>${paragraph}</p>`).join('');
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(
              `<!doctype html><html lang="en"><head><title>Page</title></head><body><nav><a href="/">Home</a></nav><article><h1>China and Russia agree</h1>${body}</article><aside class="related"><a href="/x">More</a></aside></body></html>`,
            );
        }
      }, delay);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const feeds = bases.flatMap((b, h) =>
    Array.from({ length: FEEDS_PER_HOST }, (_, f) => ({
      name: `Feed ${h}-${f}`,
      url: `${b}/feed/${f}`,
      perspective: 'western' as const,
    })),
  );
  const perHost = 4;
  const concurrency = 24;
  const config = parseConfig({
    feeds,
    windowHours: 48,
    maxStories: 200,
    fetch: {
      perHost,
      concurrency,
      // All ten test hosts are 127.0.0.1 and the page cap counts hosts by name: let every page through.
      articlesPerHost: 1000,
      maxArticles: 1000,
      allowPrivateNetwork: true,
      timeoutMs: 60_000,
    },
    delivery: { recipients: ['reader@example.org'] },
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-day-'));
  const stageStarts: { stage: string; at: number }[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const cpuBefore = process.cpuUsage();
  const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
  const deps = {
    http: createHttpClient({
      userAgent: 'BriefingBench/1.0',
      connectTimeoutMs: 5000,
      timeoutMs: 60_000,
      retries: 0,
      maxBytes: 4_000_000,
      concurrency,
      perHost,
      allowPrivateNetwork: true,
    }),
    data: createFolderStore(join(dir, '.state')),
    site: createFolderStore(dir),
    mailer: createOutboxMailer(join(dir, 'outbox')),
    clock,
    logger: silentLogger,
    progress: {
      report: (e: ProgressEvent) =>
        e.kind === 'stage' && stageStarts.push({ stage: e.stage, at: performance.now() }),
    },
    templates: createEtaTemplates(),
    signingSecret: 'bench-secret-0123456789',
  };
  const started = performance.now();
  const run = await runDigest(
    deps,
    config,
    resolveRunRequest({}, { now: clock.now(), windowHours: 48, timeZone: 'UTC' }),
  );
  const wall = performance.now() - started;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  const stages: Record<string, number> = {};
  stageStarts.forEach((s, i) => {
    stages[s.stage] = Math.round((stageStarts[i + 1]?.at ?? started + wall) - s.at);
  });
  // Ideal fetch schedule: no host can go faster than its latency sum over its slots, the whole
  // fetch no faster than all latency over the global slots; feeds must precede their articles.
  const byHost = new Map<number, number>();
  for (const l of latencies) byHost.set(l.host, (byHost.get(l.host) ?? 0) + l.ms);
  const total = latencies.reduce((s, l) => s + l.ms, 0);
  const ideal = Math.max(...[...byHost.values()].map((ms) => ms / perHost), total / concurrency, 300 + 300);
  const fetchWall = (stages.fetch ?? 0) + (stages.articles ?? 0);
  results.day = {
    feeds: feeds.length,
    items: run.edition.stats.itemsSeen,
    relevant: run.edition.stats.itemsRelevant,
    pages: run.edition.stats.articlesFetched,
    stories: run.edition.stats.stories,
    requests: latencies.length,
    wallMs: Math.round(wall),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(peakRss / 1e6),
    stagesMs: stages,
    idealFetchMs: Math.round(ideal),
    fetchOverIdeal: Number((fetchWall / ideal).toFixed(2)),
  };
  line(
    `day: ${feeds.length} feeds, ${run.edition.stats.itemsSeen} items, ${run.edition.stats.articlesFetched} pages, ${run.edition.stats.stories} stories in ${Math.round(wall)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU, peak RSS ${Math.round(peakRss / 1e6)} MB`,
  );
  line(`     stages (ms): ${JSON.stringify(stages)}`);
  line(
    `     fetch+articles ${fetchWall.toFixed(0)} ms vs ideal schedule ${ideal.toFixed(0)} ms: ratio ${(fetchWall / ideal).toFixed(2)}`,
  );
}

// --- the same day in-process at 1x, 10x, 100x (no network) ---------------------------------
{
  const rows: Record<string, number | string>[] = [];
  for (const factor of [1, 10, 100]) {
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

// --- relevance quality beside the keyword rule (same run, development set) -------------------
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

// --- extraction against Readability (same run) ------------------------------------------------
{
  const { execFileSync } = await import('node:child_process');
  try {
    const output = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/eval-extract.ts')],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const summary = output.split('\n').filter((l) => /^(briefing|readability\+|speed|readability-pages|eval:extract skipped)/.test(l));
    for (const l of summary) line(`extract: ${l}`);
    results.extract = existsSync(join(root, '.bench/eval-extract.json'))
      ? JSON.parse(readFileSync(join(root, '.bench/eval-extract.json'), 'utf8'))
      : { skipped: true };
  } catch (error) {
    line(`extract: failed (${(error as Error).message.split('\n')[0]})`);
  }
}

results.send = await benchSend(line);

// --- bundle --------------------------------------------------------------------------------
{
  const { buildHandlers } = (await import(pathToFileURL(join(root, 'scripts/build.mjs')).href)) as {
    buildHandlers(out: string): Promise<Record<string, number>>;
  };
  // Inside the repository, so the SDK the bundle leaves external resolves as the Lambda runtime's would.
  const out = join(root, '.bench/bundle');
  const sizes = await buildHandlers(out);
  const init = await time(() => import(pathToFileURL(join(out, 'digest/index.mjs')).href));
  results.bundle = { bytes: sizes, digestInitMs: Math.round(init.ms) };
  line(
    `bundle: digest ${(sizes.digest! / 1024 / 1024).toFixed(2)} MiB, module initialisation ${Math.round(init.ms)} ms`,
  );
}

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
line('written: .bench/results.json (extraction figures: npm run eval:extract)');
process.exit(0);
