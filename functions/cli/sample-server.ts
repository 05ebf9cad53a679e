/**
 * The offline sample day: a recorded set of outlets' feeds and article pages shipped in
 * tests/fixtures/sample-day, served from 127.0.0.1 with the token __SAMPLE_BASE__ replaced by
 * an address, so `briefing run --offline` exercises the unchanged pipeline (HTTP, charsets,
 * conditional GET, aggregator redirects, extraction) with no internet.
 *
 * The address in the pages is the sample's public base, SAMPLE_PUBLIC_BASE, where `briefing serve`
 * answers from the same folder beside the archive: the links of an offline edition keep working
 * after the run, and item ids are the same from run to run. During the run, sampleHttpClient
 * maps that base to the run's own server on a free port. (An origin of its own, not a path of the
 * archive's: the sample's pages are other sites, and aggregator links are recognised by path.)
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '#domain/errors.ts';
import { type FeedSource, PerspectiveSchema } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { HttpClient } from '#ports/ports.ts';

export const SAMPLE_DAY_DIR = fileURLToPath(new URL('../../tests/fixtures/sample-day/', import.meta.url));

/** Port of the sample's public base: beside `briefing serve`'s default 8080. */
export const SAMPLE_PUBLIC_PORT = 8081;
export const SAMPLE_PUBLIC_BASE = `http://127.0.0.1:${SAMPLE_PUBLIC_PORT}`;

/** Replaced in every served body; ASCII, so a byte-level replace is safe in any charset. */
export const SAMPLE_BASE_TOKEN = '__SAMPLE_BASE__';
const TOKEN = Buffer.from(SAMPLE_BASE_TOKEN);

const ManifestSchema = z.object({
  recordedAt: z.iso.datetime(),
  description: z.optional(z.string()),
  feeds: z
    .array(
      z.object({
        name: z.string().check(z.minLength(1)),
        path: z.string().check(z.minLength(1)),
        perspective: PerspectiveSchema,
        language: z.optional(z.string().check(z.minLength(2))),
        contentType: z.string().check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
  /** Aggregator redirect links (a path under the server) to the publisher page they lead to. */
  redirects: z.optional(z.record(z.string().check(z.startsWith('/')), z.string().check(z.startsWith('/')))),
});
export type SampleManifest = z.infer<typeof ManifestSchema>;

export interface SampleServer {
  /** Where the server really listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The address its pages and feeds name, e.g. http://127.0.0.1:8080/sample */
  publicBase: string;
  /** Feeds at their public addresses. */
  feeds: FeedSource[];
  recordedAt: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

function replaceToken(body: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(TOKEN, from); at !== -1; at = body.indexOf(TOKEN, from)) {
    parts.push(body.subarray(from, at), replacement);
    from = at + TOKEN.length;
  }
  if (from === 0) return body;
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

/** The charset a page declares in its first KiB, so legacy pages are labelled as they are encoded. */
function declaredCharset(body: Buffer): string {
  const head = body.subarray(0, 1024).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?([\w:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export async function readSampleManifest(dir: string): Promise<SampleManifest> {
  const path = resolve(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`offline sample missing: ${path}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`offline sample manifest is not JSON: ${path}`, { cause: error });
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `offline sample manifest ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

type SampleHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/**
 * Answers requests for the sample day in `dir` (`path` relative to the sample's root): feeds
 * with the manifest's content types, pages with the charset they declare, ETag/If-None-Match
 * and Last-Modified/If-Modified-Since (so a second run sees 304s), 302s for recorded aggregator
 * links (to `redirectBase()`), 404 for anything missing, 403 for paths that leave the folder.
 * Bodies name `bodyBase()` wherever the recording has the token.
 */
function createSampleHandler(
  dir: string,
  manifest: SampleManifest,
  bases: { body: () => string; redirect: () => string },
): SampleHandler {
  const root = resolve(dir);
  const feedTypes = new Map(manifest.feeds.map((f) => [`/${f.path}`, f.contentType]));
  const redirects = new Map(Object.entries(manifest.redirects ?? {}));
  const lastModified = new Date(manifest.recordedAt).toUTCString();
  return async (req, res, raw) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(raw.split('?')[0]!);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path');
      return;
    }
    const file = resolve(root, `.${path}`);
    if (
      path.includes('\0') ||
      path.split(/[\\/]/).includes('..') ||
      (file !== root && !file.startsWith(root + sep))
    ) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    const target = redirects.get(path);
    if (target) {
      res.writeHead(302, { location: `${bases.redirect()}${target}`, 'content-type': 'text/plain' }).end();
      return;
    }
    let stored: Buffer;
    try {
      stored = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page not found</h1>');
      return;
    }
    const body = replaceToken(stored, Buffer.from(bases.body()));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const ext = extname(file);
    const type =
      feedTypes.get(path) ??
      (ext === '.html' ? `text/html; charset=${declaredCharset(stored)}` : TYPES[ext]) ??
      'application/octet-stream';
    const headers = { etag, 'last-modified': lastModified, 'cache-control': 'no-cache' };
    const since = req.headers['if-modified-since'];
    const notModified =
      req.headers['if-none-match'] !== undefined
        ? etagMatches(req.headers['if-none-match'], etag)
        : since !== undefined && Date.parse(since) >= Date.parse(lastModified);
    if (notModified) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * Serves `dir` on 127.0.0.1 (`port`, else a free one). Its bodies name `publicBase` when given
 * (see the module comment), else the server's own address; redirects always lead to the server
 * itself.
 */
export async function startSampleServer(
  dir: string = SAMPLE_DAY_DIR,
  options: { publicBase?: string; port?: number } = {},
): Promise<SampleServer> {
  const manifest = await readSampleManifest(dir);
  let baseUrl = '';
  const publicBase = () => (options.publicBase ?? baseUrl).replace(/\/+$/, '');
  const handle = createSampleHandler(dir, manifest, { body: publicBase, redirect: () => baseUrl });
  const server = createServer((req, res) => {
    handle(req, res, req.url ?? '/').catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    publicBase: publicBase(),
    recordedAt: manifest.recordedAt,
    feeds: manifest.feeds.map((f) => ({
      name: f.name,
      url: `${publicBase()}/${f.path}`,
      perspective: f.perspective,
      ...(f.language ? { language: f.language } : {}),
    })),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Sends requests for the sample's public base to the running sample server, and maps answers back. */
export function sampleHttpClient(
  inner: HttpClient,
  sample: Pick<SampleServer, 'baseUrl' | 'publicBase'>,
): HttpClient {
  if (sample.publicBase === sample.baseUrl) return inner;
  const swap = (url: string, from: string, to: string) =>
    url === from || url.startsWith(`${from}/`) ? to + url.slice(from.length) : url;
  return {
    async get(request) {
      const response = await inner.get({
        ...request,
        url: swap(request.url, sample.publicBase, sample.baseUrl),
      });
      return { ...response, url: swap(response.url, sample.baseUrl, sample.publicBase) };
    },
  };
}
