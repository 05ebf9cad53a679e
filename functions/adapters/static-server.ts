/**
 * Serves the site folder on 127.0.0.1 the way CloudFront serves the bucket: content types by
 * extension, index.html for folders, the same security headers, 404.html for misses, and never
 * a dotfile or a path outside the root (private state and mail live beside the site folder, not
 * in it). An optional API handler answers /api/*, so the subscribe form works locally too.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The archive's Content-Security-Policy as CloudFront sends it (infra's SITE_CSP; a test keeps
 * the two equal). The pages repeat it in a <meta>, which cannot carry frame-ancestors.
 */
export const SITE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The response headers policy of the CloudFront distribution, header for header. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': SITE_CSP,
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export type ApiHandler = (req: IncomingMessage, body: string, res: ServerResponse) => Promise<void>;

export async function startStaticServer(
  root: string,
  options: { port?: number; host?: '127.0.0.1'; api?: ApiHandler } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const base = normalize(root + sep);
  const realBase = normalize((await realpath(root)) + sep);
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.api && url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > 64 * 1024) break;
        chunks.push(chunk as Buffer);
      }
      return options.api(req, Buffer.concat(chunks).toString('utf8'), res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    if (path.split('/').some((part) => part.startsWith('.')) || path.includes('\0')) return notFound(res);
    let file = normalize(join(base, path));
    if (!file.startsWith(base) && file !== normalize(root)) return notFound(res);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      // A symbolic link must not lead out of the folder.
      if (!(await realpath(file)).startsWith(realBase)) return notFound(res);
      // Revalidation is cheap locally; a rerun may rewrite an "immutable" edition in place.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
        ...SECURITY_HEADERS,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res);
    }
  }

  function notFound(res: ServerResponse): void {
    readFile(join(base, '404.html'))
      .then((body) => res.writeHead(404, { 'content-type': TYPES['.html']!, ...SECURITY_HEADERS }).end(body))
      .catch(() =>
        res.writeHead(404, { 'content-type': 'text/plain', ...SECURITY_HEADERS }).end('not found'),
      );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
