/**
 * The offline sample day: a recorded set of outlets' feeds and article pages shipped in
 * tests/fixtures/sample-day, served from 127.0.0.1 with the token __SAMPLE_BASE__ replaced by
 * the server's own address, so `briefing run --offline` exercises the unchanged pipeline
 * (HTTP, charsets, conditional GET, extraction) with no internet.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { type FeedSource, PerspectiveSchema } from '../domain/types.ts';

export const SAMPLE_DAY_DIR = fileURLToPath(new URL('../../tests/fixtures/sample-day/', import.meta.url));
const TOKEN = Buffer.from('__SAMPLE_BASE__');

const ManifestSchema = z.object({
  recordedAt: z.string(),
  description: z.string().optional(),
  feeds: z.array(
    z.object({
      name: z.string(),
      path: z.string(),
      perspective: PerspectiveSchema,
      language: z.string().optional(),
      contentType: z.string(),
    }),
  ),
});

function replaceToken(body: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(TOKEN, from); at !== -1; at = body.indexOf(TOKEN, from)) {
    parts.push(body.subarray(from, at), replacement);
    from = at + TOKEN.length;
  }
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

export async function startSampleServer(
  dir: string = SAMPLE_DAY_DIR,
): Promise<{ baseUrl: string; feeds: FeedSource[]; recordedAt: string; close(): Promise<void> }> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new ConfigError(`offline sample missing: ${join(dir, 'manifest.json')}`);
  }
  const manifest = ManifestSchema.parse(JSON.parse(manifestText));
  const types = new Map(manifest.feeds.map((f) => [`/${f.path}`, f.contentType]));
  const root = normalize(dir + sep);
  let base = Buffer.alloc(0);

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || path.includes('\0')) {
      res.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((raw) => {
        const body = replaceToken(raw, base);
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        const type =
          types.get(path) ??
          (extname(file) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream');
        res.writeHead(200, { 'content-type': type, etag, 'cache-control': 'no-cache' }).end(body);
      })
      .catch(() => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
