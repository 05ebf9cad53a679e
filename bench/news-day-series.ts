/**
 * The news-day replay several times over, in fresh processes, its modes interleaved round by
 * round so the load other work puts on the machine falls on each alike: prefetch (runDigest's
 * default), staged (every page after the last feed) and prefetch without the second look at near
 * misses. Prints every run and each mode's median.
 *   npm run bench:news-day -- '{"corpora":"../shared/corpora","rounds":5}'
 */
import { benchNewsDayInFreshProcess, type NewsDayOptions, type NewsDayResult } from './news-day.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as Partial<NewsDayOptions> & { rounds?: number };
const base: NewsDayOptions = {
  corpora: args.corpora ?? '../shared/corpora',
  day: args.day ?? '2023-03-21',
  latencyMs: args.latencyMs ?? [50, 300],
  concurrency: args.concurrency ?? 16,
  perHost: args.perHost ?? 3,
};
const modes: Record<string, Partial<NewsDayOptions>> = {
  prefetch: { prefetch: true },
  staged: { prefetch: false },
  // The scheduler alone: the near misses' pages (analyse/near-misses.ts) are extra work, and
  // one whose event arrives in a later feed waits for that feed, which the ideal does not count.
  'prefetch, no second look': { prefetch: true, nearMissPages: 0 },
};
const runs = new Map<string, NewsDayResult[]>();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

for (let round = 1; round <= (args.rounds ?? 5); round++) {
  for (const [mode, extra] of Object.entries(modes)) {
    const result = benchNewsDayInFreshProcess({ ...base, ...extra });
    if ('skipped' in result) {
      process.stdout.write(`skipped: ${result.skipped}\n`);
      process.exit(0);
    }
    runs.set(mode, [...(runs.get(mode) ?? []), result]);
    const { fetch, articles } = result.stages;
    process.stdout.write(
      `${round} ${mode}: fetch+articles ${result.fetchWallMs} ms, ratio ${result.fetchOverIdeal} (pooled bound ${result.idealFetchMs}, staged ${result.stagedIdealFetchMs}); fetch ${fetch?.wallMs}/${fetch?.cpuMs}, articles ${articles?.wallMs}/${articles?.cpuMs} ms wall/CPU; run ${result.wallMs} ms wall, ${result.cpuMs} CPU, RSS ${result.peakRssMb} MB; prefetched ${result.prefetch.prefetched}, used ${result.prefetch.used}, wasted ${result.prefetch.wasted}; busiest feed host ${result.busiestFeedHost.feeds} feeds, first request at ${result.busiestFeedHost.firstRequestMs} ms, last answer ${result.busiestFeedHost.lastAnswerMs} ms; load ${result.loadAverage}\n`,
    );
  }
}
for (const [mode, results] of runs) {
  const m = (pick: (r: NewsDayResult) => number) => median(results.map(pick));
  process.stdout.write(
    `median ${mode}: ratio ${m((r) => r.fetchOverIdeal).toFixed(2)} (${Math.min(...results.map((r) => r.fetchOverIdeal))}-${Math.max(...results.map((r) => r.fetchOverIdeal))}), fetch+articles ${m((r) => r.fetchWallMs)} ms, staged ratio ${m((r) => r.fetchWallMs / r.stagedIdealFetchMs).toFixed(2)}, run ${m((r) => r.wallMs)} ms wall, ${m((r) => r.cpuMs)} ms CPU, RSS ${m((r) => r.peakRssMb)} MB, load ${m((r) => r.loadAverage)}\n`,
  );
}
