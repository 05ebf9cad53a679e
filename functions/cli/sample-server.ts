/**
 * The offline sample day: a recorded set of outlets' feeds and article pages shipped in
 * tests/fixtures/sample-day, served from 127.0.0.1 with the token __SAMPLE_BASE__ replaced by
 * the server's own address, so `briefing run --offline` exercises the unchanged pipeline
 * (HTTP, charsets, conditional GET, aggregator redirects, extraction) with no internet.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '#domain/errors.ts';
import { type FeedSource, PerspectiveSchema } from '#domain/types.ts';

export const SAMPLE_DAY_DIR = fileURLToPath(new URL('../../tests/fixtures/sample-day/', import.meta.url));

/** Replaced in every served body; ASCII, so a byte-level replace is safe in any charset. */
export const SAMPLE_BASE_TOKEN = '__SAMPLE_BASE__';
const TOKEN = Buffer.from(SAMPLE_BASE_TOKEN);

const ManifestSchema = z.object({
  recordedAt: z.iso.datetime(),
  description: z.string().optional(),
  feeds: z
    .array(
      z.object({
        name: z.string().min(1),
        path: z.string().min(1),
        perspective: PerspectiveSchema,
        language: z.string().min(2).optional(),
        contentType: z.string().min(1),
      }),
    )
    .min(1),
  /** Aggregator redirect links (a path under the server) to the publisher page they lead to. */
  redirects: z.record(z.string().startsWith('/'), z.string().startsWith('/')).optional(),
});
export type SampleManifest = z.infer<typeof ManifestSchema>;

export interface SampleServer {
  baseUrl: string;
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

/**
 * Serves `dir` on 127.0.0.1 (a free port): feeds with the manifest's content types, pages with
 * the charset they declare, ETag/If-None-Match and Last-Modified/If-Modified-Since (so a second
 * run sees 304s), 302s for recorded aggregator links, 404 for anything missing, 403 for paths
 * that leave the folder.
 */
export async function startSampleServer(dir: string = SAMPLE_DAY_DIR): Promise<SampleServer> {
  const manifest = await readSampleManifest(dir);
  const root = resolve(dir);
  const feedTypes = new Map(manifest.feeds.map((f) => [`/${f.path}`, f.contentType]));
  const redirects = new Map(Object.entries(manifest.redirects ?? {}));
  const lastModified = new Date(manifest.recordedAt).toUTCString();
  let base = Buffer.alloc(0);
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    const raw = (req.url ?? '/').split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(raw);
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
      res.writeHead(302, { location: `${baseUrl}${target}`, 'content-type': 'text/plain' }).end();
      return;
    }
    let stored: Buffer;
    try {
      stored = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page not found</h1>');
      return;
    }
    const body = replaceToken(stored, base);
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

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = Buffer.from(baseUrl);
  return {
    baseUrl,
    recordedAt: manifest.recordedAt,
    feeds: manifest.feeds.map((f) => ({
      name: f.name,
      url: `${baseUrl}/${f.path}`,
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
