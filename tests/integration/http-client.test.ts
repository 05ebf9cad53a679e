/** The HTTP client over real sockets: servers on 127.0.0.1 that misbehave on purpose. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../../functions/adapters/address-guard.ts';
import { createHttpClient, type HttpClientOptions } from '../../functions/adapters/node-http-client.ts';
import { BlockedUrlError, ResponseTooLargeError, TimeoutError } from '../../functions/domain/errors.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;
let active = 0;
let maxActive = 0;
const waits: number[] = [];

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
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('address guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['192.0.2.10', true],
    ['not-an-ip', true],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
  ])('%s blocked=%s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });
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
});
