/** Commands over an existing output folder: preview, serve, archive rebuild. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createApiHandler } from '#adapters/api-http.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { createJsonLogger } from '#adapters/json-logger.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { startStaticServer } from '#adapters/static-server.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { rebuildArchive } from '#archive/publish-archive.ts';
import { renderEmail } from '#deliver/render-email.ts';
import { BriefingError, describeError, InvalidInputError } from '#domain/errors.ts';
import { dataKeys, isValidEditionId, siteKeys } from '#domain/keys.ts';
import type { Edition, EditionIndexEntry } from '#domain/types.ts';
import { subscriptionSettings } from '#subscribe/subscriptions.ts';
import type { CliIo } from '../io.ts';
import { loadLocalConfig, readJsonFile } from '../load-config.ts';
import { type LocalPaths, localPaths, localSigningSecret, openLocalLayout } from '../local-deps.ts';
import { SAMPLE_DAY_DIR, SAMPLE_PUBLIC_PORT, startSampleServer } from '../sample-server.ts';
import { createStyler } from '../terminal.ts';

export async function runPreview(
  options: { out: string; edition?: string; config?: string; to?: string; write?: string },
  io: CliIo,
): Promise<void> {
  const config = loadLocalConfig({ configPath: options.config });
  const paths = openLocalLayout(resolve(options.out), (line) => io.stderr.write(`${line}\n`));
  const id = options.edition ?? latestEditionId(paths.site);
  if (!isValidEditionId(id)) throw new InvalidInputError(`--edition: invalid edition id "${id}"`);
  // A published edition, else a private ad-hoc briefing of the same folder.
  const candidates = [
    join(paths.site, siteKeys.editionJson(id)),
    join(paths.out, dataKeys.adHocEditionJson(id)),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new BriefingError(`no edition ${id} in ${options.out} (expected ${candidates[0]})`);
  const edition = readJsonFile(file, 'edition') as Edition;
  const editionUrl = edition.private ? '' : new URL(`editions/${id}/`, config.archive.baseUrl).toString();
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
  const target = resolve(options.write ?? join(paths.outbox, `preview-${id}.html`));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, rendered.html);
  io.stdout.write(
    `${rendered.subject}\n  html  ${target} (${Buffer.byteLength(rendered.html)} bytes, ${rendered.omittedStoryCount} stories moved to the web version)\n`,
  );
}

function latestEditionId(site: string): string {
  const file = join(site, siteKeys.editionsIndex());
  if (!existsSync(file)) throw new BriefingError(`no editions in ${site}: run \`briefing run\` first`);
  const entries = readJsonFile(file, 'editions index') as EditionIndexEntry[];
  const first = entries[0];
  if (!first) throw new BriefingError(`no editions in ${site}`);
  return first.id;
}

export async function runServe(
  dir: string,
  options: { port: string; config?: string; samplePort?: string },
  io: CliIo,
): Promise<void> {
  const root = resolve(dir);
  if (!existsSync(root)) throw new BriefingError(`${dir}: no such folder (run \`briefing run\` first)`);
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError('--port: expected 0-65535');
  const { site, paths } = siteFolderOf(root, dir, io);
  // The subscription API runs beside the site, on the output folder's private state and outbox.
  const config = loadLocalConfig({ configPath: options.config });
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
  const server = await startStaticServer(site, { port, host: '127.0.0.1', api });
  io.stdout.write(
    `Serving ${relativeOrAbsolute(site)} at ${server.url} with the subscription API at ${server.url}api/ (Ctrl+C to stop)\n`,
  );
  // The offline sample's article pages, at the address its editions link to.
  const samplePort = Number(options.samplePort ?? SAMPLE_PUBLIC_PORT);
  const sample =
    samplePort > 0
      ? await startSampleServer(SAMPLE_DAY_DIR, { port: samplePort }).catch((error: unknown) => {
          io.stderr.write(`warning: the offline sample's pages are not served (${describeError(error)})\n`);
          return undefined;
        })
      : undefined;
  if (sample) io.stdout.write(`The offline sample's article pages: ${sample.baseUrl}/\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      void Promise.all([server.close(), sample?.close()]).then(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * The folder to serve: <out>/site of an output folder (moved into the current layout first), or
 * a site folder given directly. Only the site is ever served: state, outbox and ad-hoc briefings
 * sit beside it.
 */
function siteFolderOf(root: string, dir: string, io: CliIo): { site: string; paths: LocalPaths } {
  const paths = openLocalLayout(root, (line) => io.stderr.write(`${line}\n`));
  if (existsSync(paths.site)) return { site: paths.site, paths };
  if (existsSync(join(root, 'index.html')) && basename(root) === 'site')
    return { site: root, paths: localPaths(dirname(root)) };
  throw new BriefingError(
    `no archive in ${dir} (expected ${join(dir, 'site')}/): run \`briefing run\` first`,
  );
}

function relativeOrAbsolute(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export async function runArchiveRebuild(
  options: { out: string; config?: string; json?: boolean; color?: boolean },
  io: CliIo,
): Promise<void> {
  const config = loadLocalConfig({ configPath: options.config });
  const paths = openLocalLayout(resolve(options.out), (line) => io.stderr.write(`${line}\n`));
  if (!existsSync(join(paths.site, 'editions')))
    throw new BriefingError(`no editions under ${join(options.out, 'site')}`);
  const report = await rebuildArchive(
    {
      site: createFolderStore(paths.site),
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
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ site: paths.site, ...report }, null, 2)}\n`);
    return;
  }
  const style = createStyler(io.stdout, { color: options.color });
  const lines = [
    `Rebuilt the archive in ${relativeOrAbsolute(paths.site)}: ${report.editions} edition${report.editions === 1 ? '' : 's'}, ${report.files} files written`,
  ];
  if (report.skipped.length > 0) {
    lines.push(
      style.warning(
        `  skipped ${report.skipped.length} unreadable edition file${report.skipped.length === 1 ? '' : 's'} (left as they are):`,
      ),
    );
    for (const key of report.skipped) lines.push(style.warning(`    ${key}`));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
