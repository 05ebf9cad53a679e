/** `briefing run`: resolve options into a RunRequest, build local deps, run, print a summary. */
import { join, resolve } from 'node:path';
import { createJsonLogger } from '#adapters/json-logger.ts';
import { writePreview } from '#adapters/outbox-mailer.ts';
import { fixedClock, systemClock } from '#adapters/system-clock.ts';
import type { Config } from '#config/schema.ts';
import { renderEmail } from '#deliver/render-email.ts';
import { InvalidInputError, SourcesFailedError } from '#domain/errors.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Clock } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { eventFromOptions } from '../event-options.ts';
import { readFeedsFile } from '../feeds-file.ts';
import type { CliIo } from '../io.ts';
import { loadLocalConfig, withFeeds } from '../load-config.ts';
import { createLocalDeps, localPaths } from '../local-deps.ts';
import { createProgressDisplay } from '../progress-display.ts';
import { formatRunSummary } from '../run-summary.ts';
import { SAMPLE_DAY_DIR, startSampleServer } from '../sample-server.ts';

export interface RunOptions {
  config?: string;
  feeds?: string;
  out: string;
  now?: string;
  since?: string;
  until?: string;
  themes?: string[];
  query?: string;
  dryRun?: boolean;
  to?: string[];
  edition?: string;
  archive: boolean;
  offline?: boolean;
  allowPrivateNetwork?: boolean;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export async function runDigestCommand(options: RunOptions, io: CliIo): Promise<void> {
  if (options.offline && options.feeds)
    throw new InvalidInputError('--offline and --feeds cannot be combined');
  let config = loadLocalConfig({ configPath: options.config });
  let feedsRoot: string | undefined;
  let clockAt = options.now ? parseIso(options.now, '--now') : undefined;
  const sample = options.offline ? await startSampleServer(SAMPLE_DAY_DIR) : undefined;
  try {
    if (sample) {
      config = withFeeds(config, sample.feeds);
      clockAt ??= new Date(sample.recordedAt);
    } else if (options.feeds) {
      const file = readFeedsFile(options.feeds);
      config = withFeeds(config, file.feeds);
      feedsRoot = file.root;
    }
    if (sample || options.allowPrivateNetwork) config = allowPrivate(config);
    // Every sample outlet lives on the one 127.0.0.1 server; a per-host cap would treat them as one site.
    if (sample) config = { ...config, fetch: { ...config.fetch, articlesPerHost: config.fetch.maxArticles } };

    const clock: Clock = clockAt ? fixedClock(clockAt) : systemClock;
    const event = eventFromOptions(options);
    const request = resolveRunRequest(event, {
      now: clock.now(),
      windowHours: config.windowHours,
      timeZone: config.schedule.timeZone,
    });

    const paths = localPaths(resolve(options.out));
    const progress = createProgressDisplay(io.stderr, !options.quiet && !options.json);
    const logger = createJsonLogger((line) => io.stderr.write(line), options.debug ? 'debug' : 'error');
    const deps = await createLocalDeps({ config, paths, clock, logger, progress, feedsRoot });
    const result = await runDigest(deps, config, request).catch((error: unknown) => {
      progress.finish();
      if (error instanceof SourcesFailedError) explainFailedRun(error, io, Boolean(sample));
      throw error;
    });
    progress.finish();

    let preview: string | undefined;
    if (!request.dryRun && result.edition.stories.length > 0) {
      const rendered = renderEmail(
        result.edition,
        {
          archiveTitle: config.archive.title,
          editionUrl: result.editionUrl,
          postalAddress: config.delivery.postalAddress,
          maxHtmlBytes: config.delivery.maxHtmlBytes,
        },
        deps.templates,
      );
      preview = await writePreview(paths.outbox, rendered.html);
    }
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify({ editionId: result.edition.id, editionUrl: result.editionUrl, stats: result.edition.stats, delivery: result.delivery, out: paths.out, preview }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(
        formatRunSummary(result, { out: paths.out, outbox: join(paths.out, 'outbox'), preview }),
      );
    }
  } finally {
    await sample?.close();
  }
}

/** Which sources did not answer, and the way out when no name resolved (no internet here). */
function explainFailedRun(error: SourcesFailedError, io: CliIo, offline: boolean): void {
  for (const line of error.details.slice(0, 8)) io.stderr.write(`  ${line}\n`);
  if (error.details.length > 8)
    io.stderr.write(`  ... and ${error.details.length - 8} more (see the run report)\n`);
  if (error.unresolved > 0 && !offline)
    error.hint = `${error.unresolved} feed host name(s) did not resolve: no network? \`briefing run --offline\` runs the bundled sample day`;
}

function allowPrivate(config: Config): Config {
  return { ...config, fetch: { ...config.fetch, allowPrivateNetwork: true } };
}

function parseIso(value: string, flag: string): Date {
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new InvalidInputError(`${flag}: expected an ISO date such as 2026-11-24T07:00:00Z`);
  return new Date(at);
}
