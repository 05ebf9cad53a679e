/**
 * A real news day, replayed end to end: the feeds of a day of ../shared/corpora/news-days served
 * from 127.0.0.1 with injected latency, one local server per original host (so the HTTP client's
 * per-host limits apply as they would), every link rewritten to its host's server, and the article
 * pages of the items the run asks for served from the article-extraction benchmark's real pages.
 * The hosts run in a child process (news-day-hosts.ts), as remote hosts run on other machines:
 * the CPU time and RSS measured here are the run's own.
 * The pipeline runs as the CLI runs it (fetch, extract, classify, cluster, summarise, render,
 * publish, send to one recipient), with wall time, CPU time and peak RSS per stage, beside the
 * ideal fetch schedule: the critical path given the injected latencies and the limits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { ProgressEvent } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { forkReplayHosts, type Served } from './news-day-hosts.ts';

export interface NewsDayOptions {
  /** The corpora folder (../shared/corpora). */
  corpora: string;
  /** A day folder of news-days/. */
  day: string;
  /** Injected latency per response, uniform in [min, max] ms (deterministic). */
  latencyMs: [number, number];
  concurrency: number;
  perHost: number;
  /** Article pages started while the feeds arrive (runDigest's default); false for the staged run. */
  prefetch?: boolean;
  /** fetch.nearMissPages (the configuration's default when absent; 0: no second look). */
  nearMissPages?: number;
}

export interface StageFigures {
  wallMs: number;
  cpuMs: number;
}

export interface NewsDayResult {
  day: string;
  feeds: number;
  hosts: number;
  items: number;
  relevant: number;
  pages: number;
  stories: number;
  requests: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  stages: Record<string, StageFigures>;
  fetchWallMs: number;
  idealFetchMs: number;
  /**
   * The same bound for a pipeline that fetches every feed before any page, as runDigest does (it
   * merges duplicates across feeds and picks the pages to fetch from the whole day): the feeds'
   * bound plus the pages'. Printed beside the target's bound, to say how much of the gap is the
   * staging and how much the run's own time.
   */
  stagedIdealFetchMs: number;
  fetchOverIdeal: number;
  /** Pages started while the feeds arrived, used by the article stage, and wasted (none when off). */
  prefetch: { prefetched: number; used: number; wasted: number };
  /** The machine's one-minute load average when the run started (the machine may be shared). */
  loadAverage: number;
  /**
   * The host with the most feeds (its queue is the feeds' critical path): how many, when its first
   * request reached it and when its last answer was due, in ms from the run's start.
   */
  busiestFeedHost: { feeds: number; firstRequestMs: number; lastAnswerMs: number };
}

/** Replays one news day; undefined (with the reason in `skipped`) when the corpora are absent. */
export async function benchNewsDay(options: NewsDayOptions): Promise<NewsDayResult | { skipped: string }> {
  const dayDir = join(options.corpora, 'news-days', options.day);
  if (!existsSync(dayDir) || !existsSync(join(options.corpora, 'article-extraction-benchmark')))
    return { skipped: `${dayDir} or the article-extraction benchmark is absent` };
  // The hosts run in a process of their own: serving is not the product's work (news-day-hosts.ts).
  const replay = await forkReplayHosts(options);
  const { sources } = replay;

  const now = new Date(Date.parse(`${options.day}T00:00:00Z`) + 86_400_000);
  const config = parseConfig({
    feeds: sources,
    windowHours: 24,
    fetch: {
      concurrency: options.concurrency,
      perHost: options.perHost,
      // Every server is 127.0.0.1 and the page cap counts hosts by name, not port: the run cap holds.
      articlesPerHost: 1000,
      allowPrivateNetwork: true,
      timeoutMs: 60_000,
      retries: 0,
      ...(options.nearMissPages === undefined ? {} : { nearMissPages: options.nearMissPages }),
    },
    delivery: { recipients: ['reader@example.org'] },
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-news-day-'));
  const marks: { stage: string; at: number; cpu: NodeJS.CpuUsage }[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const clock = fixedClock(now);
  const deps = {
    http: createHttpClientFromConfig(config.fetch),
    data: createFolderStore(join(dir, '.state')),
    site: createFolderStore(dir),
    mailer: createOutboxMailer(join(dir, 'outbox')),
    clock,
    logger: silentLogger,
    progress: {
      report: (e: ProgressEvent) => {
        if (e.kind === 'stage')
          marks.push({ stage: e.stage, at: performance.now(), cpu: process.cpuUsage() });
      },
    },
    templates: createEtaTemplates(),
    signingSecret: 'bench-secret-0123456789',
    prefetchArticles: options.prefetch !== false,
  };
  const loadAverage = loadavg()[0]!;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const startedAt = Date.now();
  let run: Awaited<ReturnType<typeof runDigest>>;
  let latencies: Served[];
  try {
    run = await runDigest(deps, config, resolveRunRequest({}, { now, windowHours: 24, timeZone: 'UTC' }));
  } finally {
    clearInterval(sampler);
    latencies = await replay.stop();
  }
  const wall = performance.now() - started;
  const cpuEnd = process.cpuUsage();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rmSync(dir, { recursive: true, force: true });

  const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  const stages: Record<string, StageFigures> = {};
  marks.forEach((m, i) => {
    const next = marks[i + 1];
    stages[m.stage] = {
      wallMs: Math.round((next?.at ?? started + wall) - m.at),
      cpuMs: Math.round(cpuMs(m.cpu, next?.cpu ?? cpuEnd)),
    };
  });
  // The ideal schedule: no host finishes faster than its latencies over its slots, the whole
  // fetch no faster than all latencies over the global slots, and a page waits for its feed.
  const byHost = new Map<string, number>();
  for (const l of latencies) byHost.set(l.host, (byHost.get(l.host) ?? 0) + l.ms);
  const total = latencies.reduce((s, l) => s + l.ms, 0);
  const slowest = (kind: 'feed' | 'page') =>
    Math.max(0, ...latencies.filter((l) => l.kind === kind).map((l) => l.ms));
  const idealFetchMs = Math.max(
    ...[...byHost.values()].map((ms) => ms / options.perHost),
    total / options.concurrency,
    slowest('feed') + slowest('page'),
  );
  const boundOf = (kind?: 'feed' | 'page') => {
    const mine = latencies.filter((l) => kind === undefined || l.kind === kind);
    const perHost = new Map<string, number>();
    for (const l of mine) perHost.set(l.host, (perHost.get(l.host) ?? 0) + l.ms);
    return Math.max(
      0,
      ...[...perHost.values()].map((ms) => ms / options.perHost),
      mine.reduce((sum, l) => sum + l.ms, 0) / options.concurrency,
      ...mine.map((l) => l.ms),
    );
  };
  const stagedIdealFetchMs = boundOf('feed') + boundOf('page');
  const feedsPerHost = new Map<string, number>();
  for (const l of latencies)
    if (l.kind === 'feed') feedsPerHost.set(l.host, (feedsPerHost.get(l.host) ?? 0) + 1);
  const [busiest, busiestFeeds] = [...feedsPerHost].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const busiestRequests = latencies.filter((l) => l.kind === 'feed' && l.host === busiest);
  const fetchWallMs = (stages.fetch?.wallMs ?? 0) + (stages.articles?.wallMs ?? 0);
  return {
    day: options.day,
    feeds: sources.length,
    hosts: replay.hosts,
    items: run.edition.stats.itemsSeen,
    relevant: run.edition.stats.itemsRelevant,
    pages: run.edition.stats.articlesFetched ?? 0,
    stories: run.edition.stats.stories,
    requests: latencies.length,
    wallMs: Math.round(wall),
    cpuMs: Math.round(cpuMs(cpuStart, cpuEnd)),
    peakRssMb: Math.round(peakRss / 1e6),
    stages,
    fetchWallMs,
    idealFetchMs: Math.round(idealFetchMs),
    stagedIdealFetchMs: Math.round(stagedIdealFetchMs),
    fetchOverIdeal: Number((fetchWallMs / idealFetchMs).toFixed(2)),
    prefetch: run.articlePrefetch ?? { prefetched: 0, used: 0, wasted: 0 },
    loadAverage: Number(loadAverage.toFixed(2)),
    busiestFeedHost: {
      feeds: busiestFeeds,
      firstRequestMs: Math.round(Math.min(...busiestRequests.map((l) => l.at)) - startedAt),
      lastAnswerMs: Math.round(Math.max(...busiestRequests.map((l) => l.at + l.ms)) - startedAt),
    },
  };
}

/**
 * The same, in a fresh process: its peak RSS is the run's own, not that of whatever the calling
 * process measured before (the bench's other parts leave their heaps behind).
 */
export function benchNewsDayInFreshProcess(options: NewsDayOptions): NewsDayResult | { skipped: string } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(options)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(output) as NewsDayResult | { skipped: string };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchNewsDay(JSON.parse(process.argv[2]!) as NewsDayOptions);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}
