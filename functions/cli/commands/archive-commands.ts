/** Commands over an existing output folder: preview, serve, archive rebuild; and feeds import. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createApiHandler } from '#adapters/api-http.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { createJsonLogger } from '#adapters/json-logger.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { startStaticServer } from '#adapters/static-server.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { rebuildArchive } from '#archive/publish-archive.ts';
import { renderEmail } from '#deliver/render-email.ts';
import { BriefingError, InvalidInputError } from '#domain/errors.ts';
import { isValidEditionId, siteKeys } from '#domain/keys.ts';
import type { Edition, EditionIndexEntry, FeedSource } from '#domain/types.ts';
import { mergeFeedSources, parseOpml } from '#ingest/opml.ts';
import { subscriptionSettings } from '#subscribe/subscriptions.ts';
import { readFeedsFile } from '../feeds-file.ts';
import type { CliIo } from '../io.ts';
import { loadLocalConfig, readJsonFile } from '../load-config.ts';
import { localPaths, localSigningSecret } from '../local-deps.ts';

export async function runPreview(
  options: { out: string; edition?: string; config?: string; to?: string; write?: string },
  io: CliIo,
): Promise<void> {
  const config = loadLocalConfig({ configPath: options.config });
  const out = resolve(options.out);
  const id = options.edition ?? latestEditionId(out);
  if (!isValidEditionId(id)) throw new InvalidInputError(`--edition: invalid edition id "${id}"`);
  const file = join(out, siteKeys.editionJson(id));
  if (!existsSync(file)) throw new BriefingError(`no edition ${id} in ${options.out} (expected ${file})`);
  const edition = readJsonFile(file, 'edition') as Edition;
  const editionUrl = new URL(`editions/${id}/`, config.archive.baseUrl).toString();
  const rendered = renderEmail(
    edition,
    {
      archiveTitle: config.archive.title,
      editionUrl,
      postalAddress: config.delivery.postalAddress,
      maxHtmlBytes: config.delivery.maxHtmlBytes,
      ...(options.to
        ? {
            recipient: {
              email: options.to,
              unsubscribeUrl: new URL('unsubscribe', config.archive.apiBaseUrl).toString(),
              preferencesUrl: new URL('preferences', config.archive.apiBaseUrl).toString(),
            },
          }
        : {}),
    },
    createEtaTemplates(),
  );
  const target = resolve(options.write ?? join(out, 'outbox', `preview-${id}.html`));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, rendered.html);
  io.stdout.write(
    `${rendered.subject}\n  html  ${target} (${Buffer.byteLength(rendered.html)} bytes, ${rendered.omittedStoryCount} stories moved to the web version)\n`,
  );
}

function latestEditionId(out: string): string {
  const file = join(out, siteKeys.editionsIndex());
  if (!existsSync(file)) throw new BriefingError(`no editions in ${out}: run \`briefing run\` first`);
  const entries = readJsonFile(file, 'editions index') as EditionIndexEntry[];
  const first = entries[0];
  if (!first) throw new BriefingError(`no editions in ${out}`);
  return first.id;
}

export async function runServe(
  dir: string,
  options: { port: string; config?: string },
  io: CliIo,
): Promise<void> {
  const root = resolve(dir);
  if (!existsSync(root)) throw new BriefingError(`${dir}: no such folder (run \`briefing run\` first)`);
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError('--port: expected 0-65535');
  // The subscription API runs beside the site, on the output folder's private state and outbox.
  const config = loadLocalConfig({ configPath: options.config });
  const paths = localPaths(root);
  const data = createFolderStore(paths.state);
  const api = createApiHandler(
    {
      data,
      mailer: createOutboxMailer(paths.outbox),
      clock: systemClock,
      logger: createJsonLogger((l) => io.stderr.write(l), 'warn'),
      templates: createEtaTemplates(),
      signingSecret: await localSigningSecret(data),
    },
    subscriptionSettings(config),
  );
  const server = await startStaticServer(root, { port, host: '127.0.0.1', api });
  io.stdout.write(
    `Serving ${dir} at ${server.url} with the subscription API at ${server.url}api/ (Ctrl+C to stop)\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function runFeedsImport(opmlPath: string, feedsPath: string, io: CliIo): Promise<void> {
  let opml: string;
  try {
    opml = await readFile(opmlPath, 'utf8');
  } catch {
    throw new BriefingError(`${opmlPath}: cannot read`);
  }
  const imported = parseOpml(opml);
  const existing: FeedSource[] = existsSync(feedsPath) ? readFeedsFileRaw(feedsPath) : [];
  const merged = mergeFeedSources(existing, imported);
  await writeFile(feedsPath, `${JSON.stringify(merged.feeds, null, 2)}\n`);
  io.stdout.write(
    `${feedsPath}: ${merged.added} feeds added, ${merged.skipped} already present, ${merged.feeds.length} in all\n`,
  );
}

/** The feeds file as written (relative paths kept), validated. */
function readFeedsFileRaw(path: string): FeedSource[] {
  readFeedsFile(path);
  return readJsonFile(path, 'feeds file') as FeedSource[];
}

export async function runArchiveRebuild(options: { out: string; config?: string }, io: CliIo): Promise<void> {
  const config = loadLocalConfig({ configPath: options.config });
  const out = resolve(options.out);
  if (!existsSync(join(out, 'editions'))) throw new BriefingError(`no editions under ${options.out}`);
  const report = await rebuildArchive(
    {
      site: createFolderStore(out),
      clock: systemClock,
      logger: createJsonLogger((l) => io.stderr.write(l), 'error'),
      templates: createEtaTemplates(),
    },
    {
      archiveTitle: config.archive.title,
      archiveBaseUrl: config.archive.baseUrl,
      apiBaseUrl: config.archive.apiBaseUrl,
    },
  );
  io.stdout.write(`Rebuilt the archive in ${options.out}: ${JSON.stringify(report)}\n`);
}
