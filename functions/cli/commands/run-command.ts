/** `briefing run`: resolve options into a RunRequest, build local deps, run, print a summary. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createJsonLogger } from '#adapters/json-logger.ts';
import { writePreview } from '#adapters/outbox-mailer.ts';
import { fixedClock, systemClock } from '#adapters/system-clock.ts';
import { renderPrivateEditionPage } from '#archive/render-site.ts';
import type { Config } from '#config/schema.ts';
import { type RenderedEmail, renderEmail, renderQuietDay } from '#deliver/render-email.ts';
import { InvalidInputError, SourcesFailedError } from '#domain/errors.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Edition } from '#domain/types.ts';
import type { Clock, Templates } from '#ports/ports.ts';
import { type RunResult, runDigest } from '#run-digest';
import { eventFromOptions, flagNamer, parseIsoFlag } from '../event-options.ts';
import { readFeedsFile } from '../feeds-file.ts';
import type { CliIo } from '../io.ts';
import { loadLocalConfig, withFeeds } from '../load-config.ts';
import { createLocalDeps, type LocalPaths, openLocalLayout } from '../local-deps.ts';
import { createProgressDisplay } from '../progress-display.ts';
import { formatRunSummary, type LocalCopies } from '../run-summary.ts';
import { SAMPLE_DAY_DIR, SAMPLE_PUBLIC_BASE, sampleHttpClient, startSampleServer } from '../sample-server.ts';
import { createStyler } from '../terminal.ts';

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
  publish?: boolean;
  offline?: boolean;
  allowPrivateNetwork?: boolean;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
  color?: boolean;
}

export async function runDigestCommand(options: RunOptions, io: CliIo): Promise<void> {
  if (options.offline && options.feeds)
    throw new InvalidInputError('--offline and --feeds cannot be combined');
  const style = createStyler(io.stderr, { color: options.color });
  let config = loadLocalConfig({ configPath: options.config });
  let feedsRoot: string | undefined;
  let clockAt = options.now ? parseIsoFlag(options.now, '--now') : undefined;
  // Validated before anything starts, so a typo in a flag costs no fetching.
  const event = eventFromOptions(options);
  if (options.allowPrivateNetwork)
    io.stderr.write(
      style.warning(
        'warning: --allow-private-network: the address guard is off; feed content may reach loopback and private addresses\n',
      ),
    );
  // The sample's links name the address `briefing serve` answers for it, not the temporary
  // port the run fetched them from.
  const sample = options.offline
    ? await startSampleServer(SAMPLE_DAY_DIR, { publicBase: SAMPLE_PUBLIC_BASE })
    : undefined;
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
    const request = resolveRunRequest(event, {
      now: clock.now(),
      windowHours: config.windowHours,
      timeZone: config.schedule.timeZone,
      nameField: flagNamer(options),
    });

    const paths = openLocalLayout(resolve(options.out), (line) => io.stderr.write(`${line}\n`));
    const progress = createProgressDisplay(io.stderr, !options.quiet && !options.json);
    const logger = createJsonLogger((line) => io.stderr.write(line), options.debug ? 'debug' : 'error');
    const deps = await createLocalDeps({ config, paths, clock, logger, progress, feedsRoot });
    if (sample) deps.http = sampleHttpClient(deps.http, sample);
    const result = await runDigest(deps, config, request).catch((error: unknown) => {
      progress.finish();
      if (error instanceof SourcesFailedError) explainFailedRun(error, io, Boolean(sample));
      throw error;
    });
    progress.finish();

    const files = await writeLocalCopies(result, config, paths, deps.templates, request.dryRun);
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            editionId: result.edition.id,
            ...(result.editionUrl ? { editionUrl: result.editionUrl } : {}),
            private: result.edition.private ?? false,
            stats: result.edition.stats,
            delivery: result.delivery,
            out: paths.out,
            ...files,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout.write(
        formatRunSummary(
          result,
          { ...paths, ...files },
          { width: io.stdout.columns, style: createStyler(io.stdout, { color: options.color }) },
        ),
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

async function writeLocalCopies(
  result: RunResult,
  config: Config,
  paths: LocalPaths,
  templates: Templates,
  dryRun: boolean,
): Promise<LocalCopies> {
  const { edition } = result;
  const files: LocalCopies = {};
  if (result.privateCopy) files.privatePage = join(paths.out, result.privateCopy.keys[0]!);
  if (dryRun) {
    const dir = join(paths.dryRun, edition.id);
    await mkdir(dir, { recursive: true });
    const email = previewEmail(edition, result, config, templates);
    await writeFile(join(dir, 'edition.json'), `${JSON.stringify(edition, null, 2)}\n`);
    await writeFile(
      join(dir, 'index.html'),
      renderPrivateEditionPage(edition, siteContextOf(config), templates),
    );
    await writeFile(join(dir, 'email.html'), email.html);
    await writeFile(join(dir, 'email.txt'), email.text);
    await writeFile(join(dir, 'subject.txt'), `${email.subject}\n`);
    files.scratch = dir;
  } else if (edition.stories.length > 0) {
    // The daily edition's preview keeps its well-known name; an ad-hoc briefing's sits beside it.
    files.preview = await writePreview(
      paths.outbox,
      previewEmail(edition, result, config, templates).html,
      edition.kind === 'ad-hoc' ? `preview-${edition.id}.html` : undefined,
    );
  }
  return files;
}

/** The email as a reader without subscriber links would get it (the outbox has the real ones). */
function previewEmail(
  edition: Edition,
  result: RunResult,
  config: Config,
  templates: Templates,
): RenderedEmail {
  const context = {
    archiveTitle: config.archive.title,
    editionUrl: result.editionUrl ?? '',
    postalAddress: config.delivery.postalAddress,
    maxHtmlBytes: config.delivery.maxHtmlBytes,
    topic: config.topic.name,
  };
  return edition.stories.length > 0
    ? renderEmail(edition, context, templates)
    : renderQuietDay(edition, context, templates);
}

function siteContextOf(config: Config) {
  return {
    archiveTitle: config.archive.title,
    archiveBaseUrl: config.archive.baseUrl,
    apiBaseUrl: config.archive.apiBaseUrl,
  };
}

function allowPrivate(config: Config): Config {
  return { ...config, fetch: { ...config.fetch, allowPrivateNetwork: true } };
}
