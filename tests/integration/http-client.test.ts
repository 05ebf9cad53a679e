/** The HTTP client over real sockets: servers on 127.0.0.1 that misbehave on purpose. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '#adapters/node-http-client.ts';
import {
  BlockedUrlError,
  HttpError,
  ResponseTooLargeError,
  SkippedError,
  TimeoutError,
} from '#domain/errors.ts';
import { closeServer, listenLocal, refusedPort } from '#tests/helpers/fixture-server.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;
let active = 0;
let maxActive = 0;
const waits: number[] = [];

/** A resolver stub: test host names resolve to the given addresses, anything else fails (no real DNS). */
const names =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<string[]> => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  };
const portOf = () => (server.address() as AddressInfo).port;

const client = (overrides: Partial<HttpClientOptions> = {}) =>
  createHttpClient({
    userAgent: 'BriefingTest/1.0 (+https://example.org)',
    connectTimeoutMs: 2000,
    timeoutMs: 3000,
    retries: 2,
    maxBytes: 1024 * 1024,
    concurrency: 8,
    perHost: 2,
    allowPrivateNetwork: true,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  base = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});

describe('HTTP client', () => {
  it('sends a descriptive User-Agent and decodes gzip and brotli', async () => {
    let agent = '';
    routes.set('/gz', (req, res) => {
      agent = req.headers['user-agent'] ?? '';
      res
        .writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' })
        .end(gzipSync('hello gzip'));
    });
    routes.set('/br', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('hello br')),
    );
    expect((await client().get({ url: `${base}/gz` })).body.toString()).toBe('hello gzip');
    expect((await client().get({ url: `${base}/br` })).body.toString()).toBe('hello br');
    expect(agent).toContain('BriefingTest/1.0');
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    routes.set('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 23 Nov 2026 06:00:00 GMT' }).end('body');
    });
    const first = await client().get({ url: `${base}/cond` });
    expect(first).toMatchObject({ status: 200, etag: '"v1"', notModified: false });
    const second = await client().get({ url: `${base}/cond`, etag: first.etag });
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    let calls = 0;
    routes.set('/429', (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200).end('ok');
    });
    waits.length = 0;
    const response = await client().get({ url: `${base}/429` });
    expect(response.body.toString()).toBe('ok');
    expect(waits).toEqual([1000]);
  });

  it('gives up after bounded retries on a 5xx storm', async () => {
    let calls = 0;
    routes.set('/503', (_req, res) => {
      calls++;
      res.writeHead(503).end();
    });
    await expect(client({ retries: 2 }).get({ url: `${base}/503` })).rejects.toThrowError(
      'HTTP 503 after 3 attempts',
    );
    expect(calls).toBe(3);
  });

  it('does not retry a 404', async () => {
    let calls = 0;
    routes.set('/gone', (_req, res) => {
      calls++;
      res.writeHead(404).end();
    });
    await expect(client().get({ url: `${base}/gone` })).rejects.toThrowError('HTTP 404');
    expect(calls).toBe(1);
  });

  it('stops redirect loops and over-long chains', async () => {
    routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
    routes.set('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
    await expect(client().get({ url: `${base}/loop-a` })).rejects.toThrowError('redirect loop');
    for (let i = 0; i < 8; i++)
      routes.set(`/chain-${i}`, (_req, res) => res.writeHead(301, { location: `/chain-${i + 1}` }).end());
    await expect(client({ maxRedirects: 5 }).get({ url: `${base}/chain-0` })).rejects.toThrowError(
      'more than 5 redirects',
    );
  });

  it('cuts off an oversized body and a decompression bomb', async () => {
    routes.set('/big', (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 97);
      for (let i = 0; i < 64; i++) res.write(chunk);
      res.end();
    });
    routes.set('/bomb', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024))),
    );
    await expect(client().get({ url: `${base}/big`, maxBytes: 100_000 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    await expect(client().get({ url: `${base}/bomb`, maxBytes: 1_000_000 })).rejects.toThrowError(
      'response larger than 1000000 bytes',
    );
  });

  it('times out a body that trickles forever', async () => {
    routes.set('/trickle', (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    await expect(
      client({ retries: 0 }).get({ url: `${base}/trickle`, timeoutMs: 400 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses private addresses for untrusted URLs, including after DNS and redirects', async () => {
    const guarded = client({ allowPrivateNetwork: false, resolve: async () => ['127.0.0.1'] });
    await expect(guarded.get({ url: `${base}/gz`, untrusted: true })).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(
      guarded.get({ url: 'http://169.254.169.254/latest/meta-data/', untrusted: true }),
    ).rejects.toThrowError('blocked address 169.254.169.254');
    const port = (server.address() as AddressInfo).port;
    await expect(
      guarded.get({ url: `http://feeds.example.test:${port}/gz`, untrusted: true }),
    ).rejects.toThrowError('blocked address 127.0.0.1 for feeds.example.test');
    routes.set('/to-private', (_req, res) => res.writeHead(302, { location: 'http://10.0.0.5/admin' }).end());
    // The operator's own feed URL may be local; where it redirects to is checked.
    await expect(guarded.get({ url: `${base}/to-private` })).rejects.toThrowError('blocked address 10.0.0.5');
    await expect(guarded.get({ url: 'file:///etc/passwd', untrusted: true })).rejects.toThrowError(
      'scheme file is not allowed',
    );
  });

  it('keeps at most perHost requests in flight to one host', async () => {
    active = 0;
    maxActive = 0;
    routes.set('/slow', (_req, res) => {
      active++;
      maxActive = Math.max(maxActive, active);
      setTimeout(() => {
        active--;
        res.writeHead(200).end('ok');
      }, 60);
    });
    const c = client({ perHost: 2, concurrency: 10 });
    await Promise.all(Array.from({ length: 8 }, () => c.get({ url: `${base}/slow` })));
    expect(maxActive).toBe(2);
  });

  it('decodes deflate and follows a relative redirect, reporting the final URL', async () => {
    routes.set('/deflate', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync('hello deflate')),
    );
    routes.set('/moved', (_req, res) => res.writeHead(301, { location: 'deflate?x=1' }).end());
    const response = await client().get({ url: `${base}/moved` });
    expect(response.body.toString()).toBe('hello deflate');
    expect(response.url).toBe(`${base}/deflate?x=1`);
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    let since: string | undefined;
    routes.set('/since', (req, res) => {
      since = req.headers['if-modified-since'];
      res.writeHead(304).end();
    });
    const response = await client().get({
      url: `${base}/since`,
      lastModified: 'Mon, 23 Nov 2026 06:00:00 GMT',
    });
    expect(since).toBe('Mon, 23 Nov 2026 06:00:00 GMT');
    expect(response.notModified).toBe(true);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    let calls = 0;
    routes.set('/429-date', (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }).end();
      else res.writeHead(200).end('ok');
    });
    waits.length = 0;
    await client({ timeoutMs: 10_000 }).get({ url: `${base}/429-date` });
    expect(waits).toHaveLength(1);
    // Second resolution on the date: between 1 and 2 seconds from now.
    expect(waits[0]).toBeGreaterThan(900);
    expect(waits[0]).toBeLessThanOrEqual(2000);
  });

  it('fails at once when Retry-After is longer than the remaining budget', async () => {
    let calls = 0;
    routes.set('/429-long', (_req, res) => {
      calls++;
      res.writeHead(429, { 'retry-after': '3600' }).end();
    });
    waits.length = 0;
    await expect(client({ timeoutMs: 5000 }).get({ url: `${base}/429-long` })).rejects.toThrowError(
      'HTTP 429; retry would exceed the 5000 ms budget',
    );
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('backs off exponentially with jitter between 5xx retries', async () => {
    routes.set('/500', (_req, res) => res.writeHead(500).end());
    waits.length = 0;
    const error = await client({ retries: 3, random: () => 0.5, timeoutMs: 60_000 })
      .get({ url: `${base}/500` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('HTTP 500 after 4 attempts');
    expect((error as HttpError).status).toBe(500);
    // min(cap, 500 ms * 2^(n-1)) * (0.5 + random() / 2): the shared backoffDelay
    expect(waits).toEqual([375, 750, 1500]);
  });

  it('counts retries and their waits against the total time budget', async () => {
    let calls = 0;
    routes.set('/slow-503', (_req, res) => {
      calls++;
      setTimeout(() => res.writeHead(503).end(), 150);
    });
    const started = Date.now();
    const slept = client({
      retries: 5,
      random: () => 1,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    await expect(slept.get({ url: `${base}/slow-503`, timeoutMs: 600 })).rejects.toThrowError(
      /budget|timed out/,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(calls).toBeLessThan(4);
  });

  it('retries a connection reset and then succeeds', async () => {
    let calls = 0;
    routes.set('/flaky', (req, res) => {
      calls++;
      if (calls === 1) req.socket.destroy();
      else res.writeHead(200).end('second time');
    });
    waits.length = 0;
    const response = await client().get({ url: `${base}/flaky` });
    expect(response.body.toString()).toBe('second time');
    expect(calls).toBe(2);
    expect(waits).toHaveLength(1);
  });

  it('reports a refused connection after its bounded retries', async () => {
    const port = await refusedPort();
    await expect(client({ retries: 1 }).get({ url: `http://127.0.0.1:${port}/feed` })).rejects.toThrowError(
      'connection refused (ECONNREFUSED) after 2 attempts',
    );
  });

  it('fails a 4xx at once with its status', async () => {
    routes.set('/forbidden', (_req, res) => res.writeHead(403).end('no'));
    const error = await client()
      .get({ url: `${base}/forbidden` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ message: 'HTTP 403', status: 403 });
  });

  it('treats a redirect without a Location as a failure', async () => {
    routes.set('/nowhere', (_req, res) => res.writeHead(302).end());
    await expect(client().get({ url: `${base}/nowhere` })).rejects.toThrowError(
      'HTTP 302 without a Location',
    );
  });

  it('refuses a declared oversize body before reading it', async () => {
    routes.set('/declared-big', (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x'); // and then nothing: only the declaration can end this quickly
    });
    const started = Date.now();
    await expect(client().get({ url: `${base}/declared-big`, maxBytes: 1000 })).rejects.toThrowError(
      'response larger than 1000 bytes',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reuses one keep-alive connection for sequential requests to a host', async () => {
    const ports = new Set<number>();
    routes.set('/who', (req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      res.writeHead(200).end('ok');
    });
    const c = client();
    for (let i = 0; i < 4; i++) await c.get({ url: `${base}/who` });
    expect(ports.size).toBe(1);
  });

  it('checks every address a name resolves to, not just the first', async () => {
    const guarded = client({
      allowPrivateNetwork: false,
      resolve: names({ 'mixed.example.test': ['93.184.216.34', '10.0.0.1'] }),
    });
    await expect(
      guarded.get({ url: 'http://mixed.example.test/page', untrusted: true }),
    ).rejects.toThrowError('blocked address 10.0.0.1 for mixed.example.test');
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    routes.set('/to-internal', (_req, res) =>
      res.writeHead(302, { location: 'http://internal.example.test/admin' }).end(),
    );
    const guarded = client({
      allowPrivateNetwork: false,
      resolve: names({ 'internal.example.test': ['192.168.0.10'] }),
    });
    const error = await guarded.get({ url: `${base}/to-internal` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedUrlError);
    expect((error as Error).message).toBe('blocked address 192.168.0.10 for internal.example.test');
  });

  it('never lends an unchecked connection to an untrusted request for the same host', async () => {
    const guarded = client({
      allowPrivateNetwork: false,
      resolve: names({ 'intranet.example.test': ['127.0.0.1'] }),
    });
    const url = `http://intranet.example.test:${portOf()}/who`;
    // The operator's own feed on an internal host is fetched (trusted)...
    expect((await guarded.get({ url })).status).toBe(200);
    // ...but a feed item's link to the same host is refused, kept-alive socket or not.
    await expect(guarded.get({ url, untrusted: true })).rejects.toBeInstanceOf(BlockedUrlError);
  });

  it('bounds requests in flight across hosts by the global limit', async () => {
    active = 0;
    maxActive = 0;
    const c = client({
      concurrency: 2,
      perHost: 4,
      resolve: names({ 'a.test': ['127.0.0.1'], 'b.test': ['127.0.0.1'], 'c.test': ['127.0.0.1'] }),
    });
    await Promise.all(
      ['a.test', 'b.test', 'c.test'].flatMap((host) =>
        [1, 2].map(() => c.get({ url: `http://${host}:${portOf()}/slow` })),
      ),
    );
    expect(maxActive).toBe(2);
  });

  it('closes a redirect whose body never ends instead of draining it', async () => {
    let closed: Promise<void> = Promise.resolve();
    let written = 0;
    routes.set('/endless-redirect', (_req, res) => {
      res.writeHead(302, { location: '/plain' });
      const pump = setInterval(() => {
        res.write(Buffer.alloc(16 * 1024, 97));
        written += 16 * 1024;
      }, 5);
      closed = new Promise<void>((done) =>
        res.on('close', () => {
          clearInterval(pump);
          done();
        }),
      );
    });
    routes.set('/plain', (_req, res) => res.writeHead(200).end('final'));

    const response = await client().get({ url: `${base}/endless-redirect` });

    expect(response.body.toString()).toBe('final');
    // Before the fix the response was drained with resume(): it never closed and kept downloading.
    await Promise.race([
      closed,
      new Promise((_, fail) => setTimeout(() => fail(new Error('redirect response still open')), 2000)),
    ]);
    expect(written).toBeLessThan(1024 * 1024);
  });

  it('does not count time queued for a slot against a request’s own timeout', async () => {
    routes.set('/hold', (_req, res) => setTimeout(() => res.writeHead(200).end('held'), 900));
    routes.set('/quick', (_req, res) => res.writeHead(200).end('quick'));
    const c = client({ perHost: 1, timeoutMs: 600, retries: 0 });
    // The first request holds the host's only slot for 900 ms, beyond the others' 600 ms budget.
    const slow = c.get({ url: `${base}/hold`, timeoutMs: 5000 });
    const quick = [1, 2, 3].map(() => c.get({ url: `${base}/quick` }));

    const bodies = await Promise.all(quick);

    expect(bodies.map((r) => r.body.toString())).toEqual(['quick', 'quick', 'quick']);
    expect((await slow).body.toString()).toBe('held');
  });

  it('skips (never sends) what is still queued when the stage budget runs out; in-flight work finishes', async () => {
    const received: string[] = [];
    routes.set('/queued', (req, res) => {
      received.push(req.url ?? '');
      setTimeout(() => res.writeHead(200).end('done'), 400);
    });
    const c = client({ perHost: 1, timeoutMs: 5000 });
    const signal = AbortSignal.timeout(150);

    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => c.get({ url: `${base}/queued?n=${n}`, signal })),
    );

    expect(results[0]).toMatchObject({ status: 'fulfilled' });
    for (const r of results.slice(1)) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SkippedError);
    }
    expect(received).toEqual(['/queued?n=1']);
    // The limiter gave the slots back: the host is usable at once.
    expect((await c.get({ url: `${base}/plain` })).status).toBe(200);
  });

  it('reports a retry that never got its slot as the failure it was, not as skipped', async () => {
    routes.set('/busy', (_req, res) => res.writeHead(503).end());
    const controller = new AbortController();
    // The first attempt answers 503; the budget ends before the retry is given a slot.
    const c = client({
      perHost: 1,
      retries: 2,
      sleep: async () => {
        controller.abort(new Error('stage budget spent'));
      },
    });
    const attempt = c.get({ url: `${base}/busy`, signal: controller.signal });
    await expect(attempt).rejects.toThrow('HTTP 503 after 1 attempt');
    await expect(attempt).rejects.not.toBeInstanceOf(SkippedError);
  });
});
