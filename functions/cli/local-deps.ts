/**
 * Dependencies for a run on one machine, laid out as in AWS so that publishing `site/` publishes
 * nothing private:
 *
 *   <out>/site/     the site bucket: what `briefing serve` serves and a sync would publish
 *   <out>/state/    the private data bucket: feed caches, seen items, subscribers, send claims
 *   <out>/adhoc/    private ad-hoc briefings (the data bucket's adhoc/ prefix in AWS)
 *   <out>/outbox/   the mail, as .eml files (SES in AWS), and preview.html
 *   <out>/dry-run/  what a --dry-run rendered, for a look before the real run
 *
 * A queue served in process stands in for SQS (lists over delivery.inlineSendLimit go through it).
 *
 * Output folders of the earlier layout (site files at the top, private state in .state/) are
 * moved into this one, once, the first time a command opens them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { TranslateClient } from '@aws-sdk/client-translate';
import { createAmazonTranslator } from '#adapters/amazon-translate.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { createInProcessQueue } from '#adapters/in-process-queue.ts';
import { withLocalFiles } from '#adapters/local-file-http.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { systemClock } from '#adapters/system-clock.ts';
import type { Config } from '#config/schema.ts';
import { createRateLimiter, realSleep } from '#deliver/send-digest.ts';
import { processSendMessage } from '#deliver/send-queue.ts';
import { PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Edition } from '#domain/types.ts';
import type { Clock, Logger, Progress, Store } from '#ports/ports.ts';
import type { DigestDeps } from '#run-digest';

export interface LocalPaths {
  out: string;
  site: string;
  state: string;
  outbox: string;
  dryRun: string;
}

export function localPaths(out: string): LocalPaths {
  return {
    out,
    site: join(out, 'site'),
    state: join(out, 'state'),
    outbox: join(out, 'outbox'),
    dryRun: join(out, 'dry-run'),
  };
}

/** What the earlier layout kept at the top of the output folder; only these names are ever moved. */
const LEGACY_SITE_ENTRIES = [
  // The folder store's content types and cache headers for the files below.
  '.meta',
  'index.html',
  '404.html',
  'feed.xml',
  'editions.json',
  'search-index.json',
  'archive-index.json',
  'assets',
  'editions',
  'themes',
  'perspectives',
  // Copies of unreadable site documents the state helper kept (state/stored-json.ts).
  'corrupt',
];

/**
 * Moves an output folder of the earlier layout into the current one and says what it did, or
 * returns undefined when there was nothing to move. Only known names move, so `--out .` never
 * sweeps a working directory into site/.
 */
export function migrateLocalLayout(out: string): string | undefined {
  const paths = localPaths(out);
  const moved: string[] = [];
  const legacyState = join(out, '.state');
  if (existsSync(legacyState) && !existsSync(paths.state)) {
    renameSync(legacyState, paths.state);
    moved.push('.state/ to state/');
  }
  const entries = LEGACY_SITE_ENTRIES.filter((name) => existsSync(join(out, name)));
  if (entries.length > 0 && !existsSync(join(paths.site, 'index.html'))) {
    mkdirSync(paths.site, { recursive: true });
    for (const name of entries) {
      if (!existsSync(join(paths.site, name))) renameSync(join(out, name), join(paths.site, name));
    }
    moved.push('the archive to site/');
  }
  return moved.length > 0
    ? `${out}: moved ${moved.join(' and ')} (one-time move to the current layout)`
    : undefined;
}

/** The paths of an output folder, after moving an earlier layout into place (told on `notify`). */
export function openLocalLayout(out: string, notify: (line: string) => void): LocalPaths {
  const note = migrateLocalLayout(out);
  if (note) notify(note);
  return localPaths(out);
}

export async function createLocalDeps(options: {
  config: Config;
  paths: LocalPaths;
  clock: Clock;
  logger: Logger;
  progress: Progress;
  /** Folder that relative feed paths live in. */
  feedsRoot?: string;
}): Promise<DigestDeps> {
  const { config, paths } = options;
  const network = createHttpClientFromConfig(config.fetch);
  const http = options.feedsRoot ? withLocalFiles(network, options.feedsRoot) : network;
  const data = createFolderStore(paths.state);
  const mailer = createOutboxMailer(paths.outbox);
  const templates = createEtaTemplates();
  const signingSecret = await localSigningSecret(data);
  // One sender in this process: it keeps the whole send rate, and reads the edition once.
  const editions = new Map<string, Edition>();
  const sender = {
    data,
    mailer,
    clock: systemClock,
    logger: options.logger,
    templates,
    signingSecret,
    acquire: createRateLimiter(config.delivery.sendRatePerSecond, realSleep),
  };
  return {
    http,
    data,
    site: createFolderStore(paths.site),
    // Keys under adhoc/: <out>/adhoc/<id>/, beside the state rather than inside it.
    adHoc: createFolderStore(paths.out),
    mailer,
    clock: options.clock,
    // Claims are compared across runs in real time, whatever --now says.
    wallClock: systemClock,
    queue: createInProcessQueue(
      (body, receiveCount) => processSendMessage(sender, config, body, { receiveCount, editions }),
      { logger: options.logger },
    ),
    logger: options.logger,
    progress: options.progress,
    templates,
    signingSecret,
    // The translation option calls Amazon Translate with the machine's AWS credentials.
    ...(config.translate.kind === 'amazon-translate'
      ? {
          translator: createAmazonTranslator({
            client: new TranslateClient(config.translate.region ? { region: config.translate.region } : {}),
          }),
        }
      : {}),
  };
}

/** Generated once per output folder and kept in its private state. */
export async function localSigningSecret(data: Store): Promise<string> {
  const key = dataKeys.localSigningSecret();
  const existing = await data.get(key);
  if (existing) return existing.body.toString('utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  try {
    await data.put(key, secret, { contentType: 'text/plain', ifNoneMatch: '*' });
    return secret;
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const raced = await data.get(key);
    return raced!.body.toString('utf8').trim();
  }
}
