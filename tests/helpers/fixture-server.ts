/**
 * A small HTTP server on 127.0.0.1 for integration tests: serves a fixture folder with the
 * `__BASE__` token replaced by its own address, plus programmable routes (errors, broken XML).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { extname, join, normalize } from 'node:path';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  base: string;
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export async function startFixtureServer(
  dir: string,
  routes: Record<string, Route> = {},
): Promise<FixtureServer> {
  const requests: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const route = routes[path];
    if (route) return route(req, res);
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => {
        const text = body.toString('utf8').replaceAll('__BASE__', base);
        const etag = `"${createHash('md5').update(text).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', etag });
        res.end(text);
      })
      .catch(() => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * A port with nothing listening: connections are refused. Not a freed ephemeral port: another
 * test file's server, started in parallel with listen(0), could be given it between our close
 * and the run's request. Ports below 1024 are never handed out by listen(0) and cannot be bound
 * without root, so the first of these that refuses a connection stays refused (none is on
 * fetch's list of blocked ports).
 */
export async function refusedPort(): Promise<number> {
  for (const port of [2, 3, 4, 5, 6, 8]) if (await refuses(port)) return port;
  throw new Error('refusedPort: every candidate port below 1024 accepts connections on 127.0.0.1');
}

/** A port nothing listens on now, for a server a test is about to start. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function refuses(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

/** Starts `server` on an ephemeral port of 127.0.0.1; resolves to its base URL. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops `server`, cutting keep-alive connections so the test run can end. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}
