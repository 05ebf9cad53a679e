/** The offline sample server over real HTTP on 127.0.0.1: feeds, pages, redirects, 304s, refusals. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_BASE_TOKEN,
  SAMPLE_DAY_DIR,
  type SampleServer,
  sampleHttpClient,
  startSampleServer,
} from '#cli/sample-server.ts';
import { ConfigError } from '#domain/errors.ts';

interface Manifest {
  recordedAt: string;
  feeds: { name: string; path: string; perspective: string; language?: string; contentType: string }[];
  redirects: Record<string, string>;
}
interface Label {
  feed: string;
  title: string;
  link: string;
  page: 'ok' | 'paywalled' | 'missing' | 'none';
}

const manifest = JSON.parse(readFileSync(join(SAMPLE_DAY_DIR, 'manifest.json'), 'utf8')) as Manifest;
const labels = (JSON.parse(readFileSync(join(SAMPLE_DAY_DIR, 'labels.json'), 'utf8')) as { items: Label[] })
  .items;

/** A raw request, so paths reach the server exactly as written (fetch would normalise `..`). */
function rawGet(
  baseUrl: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startSampleServer', () => {
  let server: SampleServer;

  beforeAll(async () => {
    server = await startSampleServer(SAMPLE_DAY_DIR);
  });
  afterAll(async () => {
    await server?.close();
  });

  const resolveLink = (link: string) => link.replaceAll(SAMPLE_BASE_TOKEN, server.baseUrl);

  it('listens on 127.0.0.1 and lists every manifest feed with an absolute URL', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.recordedAt).toBe(manifest.recordedAt);
    expect(server.feeds.map((f) => f.name)).toEqual(manifest.feeds.map((f) => f.name));
    for (const [i, feed] of server.feeds.entries()) {
      const entry = manifest.feeds[i]!;
      expect(feed.url).toBe(`${server.baseUrl}/${entry.path}`);
      expect(feed.perspective).toBe(entry.perspective);
      expect(feed.language).toBe(entry.language);
    }
  });

  it.each(manifest.feeds.map((f) => [f.name, f] as const))(
    'serves the feed of %s with its content type and its own address in place of the token',
    async (_name, entry) => {
      const res = await fetch(`${server.baseUrl}/${entry.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(entry.contentType);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.includes(Buffer.from(SAMPLE_BASE_TOKEN))).toBe(false);
      expect(body.includes(Buffer.from(`${server.baseUrl}/`))).toBe(true);
    },
  );

  it('replaces the token byte for byte in the windows-1251 feed without damaging its Cyrillic', async () => {
    const res = await fetch(`${server.baseUrl}/feeds/vestnik.xml`);
    const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'windows-1251');
    expect(text).toContain('<?xml version="1.0" encoding="windows-1251"?>');
    expect(text).toContain('Путин и Си Цзиньпин провели переговоры по видеосвязи');
    expect(text).toContain(`${server.baseUrl}/articles/vestnik/putin-si-peregovory.html`);
  });

  it('serves a page for every item link the labels say has one, following aggregator redirects', async () => {
    const withPages = labels.filter((l) => l.page === 'ok' || l.page === 'paywalled');
    expect(withPages.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const label of withPages) {
      const res = await fetch(resolveLink(label.link));
      const body = await res.text();
      if (
        res.status !== 200 ||
        !res.headers.get('content-type')?.startsWith('text/html') ||
        body.includes(SAMPLE_BASE_TOKEN)
      )
        failures.push(`${label.feed}: ${label.title} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 for the deliberately missing page and for items recorded without a page', async () => {
    const missing = labels.filter((l) => l.page === 'missing');
    expect(missing).toHaveLength(1);
    const none = labels.filter((l) => l.page === 'none');
    for (const label of [...missing, ...none]) {
      const res = await fetch(resolveLink(label.link));
      await res.arrayBuffer();
      expect(res.status, label.title).toBe(404);
    }
  });

  it('redirects a news-search link to the publisher page with a 302', async () => {
    // A recorded aggregator link whose publisher page is in the sample (some are missing on purpose).
    const [from, to] = Object.entries(manifest.redirects).find(([, target]) =>
      existsSync(join(SAMPLE_DAY_DIR, target)),
    )!;
    const res = await fetch(`${server.baseUrl}${from}?oc=5`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${server.baseUrl}${to}`);
  });

  it.each([
    ['articles/vestnik/putin-si-peregovory.html', 'windows-1251', 'Путин и Си Цзиньпин'],
    ['articles/ribao/xi-putin-shipin-huiwu.html', 'gb2312', '习近平同普京举行视频会晤'],
    ['articles/meridian/xi-putin-video-call-energy.html', 'utf-8', 'Xi and Putin agree'],
  ])('labels the page %s with the charset it is written in (%s)', async (path, charset, title) => {
    const res = await fetch(`${server.baseUrl}/${path}`);
    expect(res.headers.get('content-type')).toBe(`text/html; charset=${charset}`);
    const text = iconv.decode(
      Buffer.from(await res.arrayBuffer()),
      charset === 'gb2312' ? 'gb18030' : charset,
    );
    expect(text).toContain(title);
    expect(text).toContain(`<link rel="canonical" href="${server.baseUrl}/${path}">`);
  });

  describe('conditional requests', () => {
    const path = '/feeds/meridian.xml';

    it('answers If-None-Match with the current ETag (alone, weak or in a list) with an empty 304', async () => {
      const first = await fetch(`${server.baseUrl}${path}`);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      for (const header of [etag, `W/${etag}`, `"stale", ${etag}`]) {
        const again = await fetch(`${server.baseUrl}${path}`, { headers: { 'if-none-match': header } });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect((await again.arrayBuffer()).byteLength).toBe(0);
      }
    });

    it('sends the body again for another ETag', async () => {
      const res = await fetch(`${server.baseUrl}${path}`, {
        headers: { 'if-none-match': '"something-else"' },
      });
      expect(res.status).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(1000);
    });

    it('answers If-Modified-Since from the recording time', async () => {
      const first = await fetch(`${server.baseUrl}${path}`);
      await first.arrayBuffer();
      expect(first.headers.get('last-modified')).toBe(new Date(manifest.recordedAt).toUTCString());
      const fresh = await fetch(`${server.baseUrl}${path}`, {
        headers: { 'if-modified-since': first.headers.get('last-modified')! },
      });
      expect(fresh.status).toBe(304);
      const older = await fetch(`${server.baseUrl}${path}`, {
        headers: {
          'if-modified-since': new Date(Date.parse(manifest.recordedAt) - 86_400_000).toUTCString(),
        },
      });
      expect(older.status).toBe(200);
      await older.arrayBuffer();
    });

    it('gives a second server (another port, so other bodies) its own ETags', async () => {
      const other = await startSampleServer(SAMPLE_DAY_DIR);
      try {
        const a = await fetch(`${server.baseUrl}${path}`);
        const b = await fetch(`${other.baseUrl}${path}`);
        await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
        expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
      } finally {
        await other.close();
      }
    });
  });

  describe('refusals', () => {
    it.each([
      ['/../package.json', 403],
      ['/articles/../../package.json', 403],
      ['/%2e%2e/%2e%2e/etc/passwd', 403],
      ['/articles/..%2f..%2fpackage.json', 403],
      ['/feeds/meridian.xml%00.html', 403],
      ['/feeds/%E0%A4%A', 400],
      ['/feeds/no-such-feed.xml', 404],
      ['/articles/meridian/', 404],
      ['/', 404],
    ])('GET %s -> %i', async (path, status) => {
      expect((await rawGet(server.baseUrl, path)).status).toBe(status);
    });

    it('refuses methods other than GET and HEAD', async () => {
      const res = await rawGet(server.baseUrl, '/feeds/meridian.xml', 'POST');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    });

    it('answers HEAD with the headers of GET', async () => {
      const res = await rawGet(server.baseUrl, '/feeds/steppe.rdf', 'HEAD');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/rdf+xml');
      expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
    });
  });
});

describe('startSampleServer with a broken sample', () => {
  it('fails with a ConfigError when the manifest is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-none-'));
    await expect(startSampleServer(dir)).rejects.toThrow(ConfigError);
    await expect(startSampleServer(dir)).rejects.toThrow(/offline sample missing/);
  });

  it.each([
    ['not json', /not JSON/],
    [JSON.stringify({ recordedAt: 'yesterday', feeds: [] }), /recordedAt/],
    [
      JSON.stringify({
        recordedAt: '2026-11-23T06:30:00Z',
        feeds: [{ name: 'x', path: 'feeds/x.xml', perspective: 'tabloid', contentType: 'text/xml' }],
      }),
      /feeds\.0\.perspective/,
    ],
  ])('names what is wrong in an invalid manifest (%#)', async (text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-bad-'));
    writeFileSync(join(dir, 'manifest.json'), text);
    await expect(startSampleServer(dir)).rejects.toThrow(message);
  });
});

describe('the sample at its public address', () => {
  let server: SampleServer;
  const publicBase = 'http://127.0.0.1:8081';

  beforeAll(async () => {
    server = await startSampleServer(SAMPLE_DAY_DIR, { publicBase });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('names the public address in feeds and pages, while redirects lead to the server itself', async () => {
    expect(server.feeds.every((f) => f.url.startsWith(`${publicBase}/`))).toBe(true);
    const feed = manifest.feeds.find((f) => f.path.endsWith('.xml'))!;
    const body = await (await fetch(`${server.baseUrl}/${feed.path}`)).arrayBuffer();
    expect(Buffer.from(body).includes(Buffer.from(publicBase))).toBe(true);
    expect(Buffer.from(body).includes(Buffer.from(server.baseUrl))).toBe(false);
    const [from] = Object.keys(manifest.redirects);
    const res = await rawGet(server.baseUrl, from!);
    expect(res.status).toBe(302);
    expect(String(res.headers.location)).toBe(`${server.baseUrl}${manifest.redirects[from!]}`);
  });

  it('is reached through sampleHttpClient, which maps the public address both ways', async () => {
    const seen: string[] = [];
    const inner = {
      get: async (request: { url: string }) => {
        seen.push(request.url);
        const res = await fetch(request.url);
        return {
          url: res.url,
          status: res.status,
          headers: {},
          body: Buffer.from(await res.arrayBuffer()),
          notModified: false,
        };
      },
    };
    const client = sampleHttpClient(inner, server);
    // A recorded aggregator link whose publisher page is in the sample (some are missing on purpose).
    const [from, to] = Object.entries(manifest.redirects).find(([, target]) =>
      existsSync(join(SAMPLE_DAY_DIR, target)),
    )!;
    const response = await client.get({ url: `${publicBase}${from}` });
    expect(seen).toEqual([`${server.baseUrl}${from}`]);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${publicBase}${to}`);
    // Anything else passes through untouched.
    expect(sampleHttpClient(inner, { baseUrl: server.baseUrl, publicBase: server.baseUrl })).toBe(inner);
  });
});
