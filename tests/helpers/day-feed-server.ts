/**
 * A feed server on 127.0.0.1 for whole-run tests: `/wire/<day>` answers one relevant China–Russia
 * item published that day, `/quiet/<day>` an empty feed; plus a port that refuses connections.
 */
import { createServer, type Server } from 'node:http';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { createLocalDeps, localPaths } from '#cli/local-deps.ts';
import { parseConfig } from '#config/schema.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { closeServer, listenLocal, refusedPort } from './fixture-server.ts';

export interface DayFeedServer {
  base: string;
  /** A 127.0.0.1 port nothing listens on. */
  deadPort: number;
  close(): Promise<void>;
}

const item = (day: string) =>
  `<item><title>Xi and Putin agree to expand energy cooperation in video call</title><link>http://127.0.0.1:9/a/${day}</link><guid>w-${day}</guid><pubDate>${new Date(`${day}T05:00:00Z`).toUTCString()}</pubDate><description>The Kremlin said gas supplies were discussed.</description></item>`;
const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>${items}</channel></rss>`;

export async function startDayFeedServer(): Promise<DayFeedServer> {
  const server: Server = createServer((req, res) => {
    const day = (req.url ?? '').match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '2026-11-23';
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss(req.url?.startsWith('/quiet') ? '' : item(day)));
  });
  const base = await listenLocal(server);
  return { base, deadPort: await refusedPort(), close: () => closeServer(server) };
}

/**
 * One daily run at 07:00 UTC of `day` into `dir` with the CLI's local dependencies (folder stores,
 * .eml outbox), mailing one fixed recipient; `extra` overrides config sections.
 */
export async function runDay(
  dir: string,
  day: string,
  feeds: { name: string; url: string; perspective?: string }[],
  extra: object = {},
) {
  const config = parseConfig({
    feeds,
    delivery: { recipients: ['editor@example.org'], quietDay: 'note' },
    fetch: { retries: 0, connectTimeoutMs: 500, timeoutMs: 2000, allowPrivateNetwork: true, maxArticles: 0 },
    ...extra,
  });
  const clock = fixedClock(new Date(`${day}T07:00:00Z`));
  const deps = await createLocalDeps({
    config,
    paths: localPaths(dir),
    clock,
    logger: silentLogger,
    progress: silentProgress,
  });
  return runDigest(
    deps,
    config,
    resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' }),
  );
}
