/**
 * No network at all (the first attack): every feed host fails to resolve. The CLI exits
 * non-zero, names the sources and suggests --offline; the Lambda invocation errors, so the
 * scheduler retries and the "digest failed" alarm fires. Only name resolution is replaced (a stub
 * resolver answering ENOTFOUND, as getaddrinfo does offline): no name is ever looked up.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { systemClock } from '#adapters/system-clock.ts';
import type { CliIo } from '#cli/io.ts';
import { parseConfig } from '#config/schema.ts';
import { SourcesFailedError } from '#domain/errors.ts';
import { silentProgress } from '#ports/ports.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';

const notFound = async (host: string): Promise<string[]> => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
};

vi.mock('#adapters/node-http-client.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#adapters/node-http-client.ts')>();
  return {
    ...real,
    createHttpClientFromConfig: (fetch: Parameters<typeof real.createHttpClientFromConfig>[0]) =>
      real.createHttpClient({ ...fetch, maxBytes: fetch.maxPageBytes, resolve: notFound }),
  };
});

const FEEDS = [
  { name: 'Reuters', url: 'https://feeds.reuters.example/world' },
  { name: 'TASS', url: 'https://tass.example/rss/v2.xml' },
];

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c));
  stderr.on('data', (c: Buffer) => (err += c));
  // The CLI writes to its streams only; a PassThrough stands in for a terminal's WriteStream.
  const io = { stdin: new PassThrough(), stdout, stderr } as unknown as CliIo;
  return { io, text: () => ({ out, err }) };
}

describe('a run with no network', () => {
  it('CLI: exits 1 with one line, the sources, and a hint to use --offline; nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-network-'));
    const feedsFile = join(dir, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify(FEEDS));
    const { main } = await import('#cli/main.ts');
    const { io, text } = capture();

    const code = await main(['run', '--feeds', feedsFile, '--out', join(dir, 'out'), '--quiet'], io);

    const { err } = text();
    expect(code).toBe(1);
    expect(err).toContain(
      'briefing: run failed: none of the 2 sources answered; nothing was published or mailed',
    );
    expect(err).toContain('  Reuters: host not found (ENOTFOUND)');
    expect(err).toMatch(/hint: 2 feed host name\(s\) did not resolve: no network\? `briefing run --offline`/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['state']);
  });

  it('Lambda: the invocation errors (retries and alarms), after recording the failed run', async () => {
    const { createMemoryStore } = await import('#tests/helpers/memory-store.ts');
    const { createEtaTemplates } = await import('#adapters/eta-templates.ts');
    const { createHttpClientFromConfig } = await import('#adapters/node-http-client.ts');
    const config = parseConfig({ feeds: FEEDS });
    const data = createMemoryStore();
    const site = createMemoryStore();
    const mailer = recordingMailer();
    vi.doMock('#handlers/aws-deps.ts', () => ({
      createAwsDigestDeps: async () => ({
        config,
        deps: {
          http: createHttpClientFromConfig(config.fetch),
          data,
          site,
          mailer,
          clock: systemClock,
          logger: silentLogger,
          progress: silentProgress,
          templates: createEtaTemplates(),
          signingSecret: 'secret-secret-secret',
        },
      }),
    }));
    const { handler } = await import('#handlers/digest.ts');

    await expect(handler({ source: 'briefing.schedule' })).rejects.toBeInstanceOf(SourcesFailedError);

    expect(mailer.calls).toBe(0);
    expect([...site.objects.keys()]).toEqual([]);
    const [runKey] = await data.list('runs/');
    expect(JSON.parse(data.objects.get(runKey!)!.body.toString())).toMatchObject({ status: 'failed' });
  });
});
