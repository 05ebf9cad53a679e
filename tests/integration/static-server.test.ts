/** `briefing serve`: the published folder over HTTP on 127.0.0.1, as CloudFront would serve it. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { SECURITY_HEADERS, SITE_CSP, startStaticServer } from '#adapters/static-server.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { publishEdition } from '#archive/publish-archive.ts';
import { makeEdition } from '#tests/fixtures/editions/sample-edition.ts';
import { SITE_CSP as CLOUDFRONT_CSP } from '../../infra/briefing-stack.ts';

const CONTEXT = {
  archiveTitle: 'China–Russia Briefing',
  archiveBaseUrl: 'https://briefing.example.org/',
  apiBaseUrl: 'https://briefing.example.org/api/',
};

async function publishSample(root: string, ids: readonly string[]): Promise<void> {
  const deps = {
    site: createFolderStore(root),
    clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
    logger: silentLogger,
    templates: createEtaTemplates(),
  };
  for (const [i, id] of ids.entries()) await publishEdition(deps, makeEdition(6 + i * 6, { id }), CONTEXT);
}

/** A raw request, so paths like /../ reach the server as written (fetch would normalise them). */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  const work = mkdtempSync(join(tmpdir(), 'static-server-'));
  const root = join(work, 'out');
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(root);
    await publishSample(root, ['2026-11-23']);
    // Private state beside the site, and a secret outside it reachable only by a link.
    mkdirSync(join(root, '.state'));
    writeFileSync(join(root, '.state', 'signing-secret'), 'TOP-SECRET');
    writeFileSync(join(work, 'outside.txt'), 'OUTSIDE');
    symlinkSync(join(work, 'outside.txt'), join(root, 'linked.txt'));
    server = await startStaticServer(root, { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', '<h1>China–Russia Briefing</h1>'],
    ['/index.html', 'text/html; charset=utf-8', 'editions/2026-11-23/index.html'],
    ['/editions/2026-11-23/', 'text/html; charset=utf-8', 'id="story-story-000"'],
    ['/editions/2026-11-23/edition.json', 'application/json; charset=utf-8', '"id": "2026-11-23"'],
    ['/editions.json', 'application/json; charset=utf-8', '"storyCount": 6'],
    ['/feed.xml', 'application/atom+xml; charset=utf-8', '<feed xmlns="http://www.w3.org/2005/Atom"'],
    ['/themes/energy/', 'text/html; charset=utf-8', '<h1>'],
    ['/themes/energy/feed.xml', 'application/atom+xml; charset=utf-8', '<feed'],
    ['/assets/site.css', 'text/css; charset=utf-8', ':root'],
    ['/assets/search.js', 'text/javascript; charset=utf-8', 'search-index.json'],
    ['/assets/minisearch.js', 'text/javascript; charset=utf-8', 'MiniSearch'],
    ['/search-index.json', 'application/json; charset=utf-8', '"e":"2026-11-23"'],
  ])('serves %s as %s with the security headers', async (path, type, content) => {
    const res = await rawGet(server.url, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toContain(content);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], name).toBe(value);
  });

  it('sends the Content-Security-Policy CloudFront sends, which the pages repeat without frame-ancestors', async () => {
    expect(SITE_CSP).toBe(CLOUDFRONT_CSP);
    const res = await rawGet(server.url, '/');
    expect(res.headers['content-security-policy']).toBe(CLOUDFRONT_CSP);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(res.body)?.[1];
    expect(`${meta?.replaceAll('&#39;', "'")}; frame-ancestors 'none'`).toBe(CLOUDFRONT_CSP);
  });

  it.each([
    '/.state/signing-secret',
    '/.meta/index.html.json',
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/..%2foutside.txt',
    '/editions/..%2f..%2foutside.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/linked.txt',
    '/index.html%00.txt',
    '/missing/page.html',
  ])('refuses %s with the 404 page, never the file', async (path) => {
    const res = await rawGet(server.url, path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.body).not.toContain('OUTSIDE');
    expect(res.headers['content-security-policy']).toBe(SITE_CSP);
  });

  it('answers a miss with the archive 404 page', async () => {
    const res = await rawGet(server.url, '/no-such-edition/');
    expect(res.status).toBe(404);
    expect(res.body).toContain('Page not found');
  });

  it('revalidates with ETag, answers HEAD without a body and refuses other methods', async () => {
    const first = await rawGet(server.url, '/feed.xml');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(server.url, '/feed.xml', 'GET', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const head = await rawGet(server.url, '/feed.xml', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
    expect(head.body).toBe('');
    expect((await rawGet(server.url, '/index.html', 'POST')).status).toBe(405);
    expect((await rawGet(server.url, '/index.html', 'DELETE')).status).toBe(405);
  });

  it('closes, freeing the port', async () => {
    const other = await startStaticServer(root, {});
    await other.close();
    await expect(rawGet(other.url, '/')).rejects.toThrow();
  });
});

/**
 * assets/search.js running against the served archive in jsdom (scripts from the server, the
 * page's own relative URLs): MiniSearch indexes the published documents on first use.
 */
describe('archive search script', () => {
  const roots = {
    full: mkdtempSync(join(tmpdir(), 'search-')),
    plain: mkdtempSync(join(tmpdir(), 'search-')),
  };
  const servers: Record<string, { url: string; close(): Promise<void> }> = {};

  beforeAll(async () => {
    await publishSample(roots.full, ['2026-11-22', '2026-11-23']);
    await publishSample(roots.plain, ['2026-11-22', '2026-11-23']);
    rmSync(join(roots.plain, 'assets', 'minisearch.js'));
    servers.full = await startStaticServer(roots.full, {});
    servers.plain = await startStaticServer(roots.plain, {});
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server.close();
  });

  /** Opens a page with ?q=, as the no-JavaScript form submission would, and reads the results. */
  async function search(server: string, page: string, query: string) {
    const errors: string[] = [];
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (error) => errors.push(error.message));
    virtualConsole.on('error', (message: unknown) => errors.push(String(message)));
    const dom = await JSDOM.fromURL(`${servers[server]!.url}${page}?q=${encodeURIComponent(query)}`, {
      virtualConsole,
      runScripts: 'dangerously',
      resources: 'usable',
      beforeParse(window) {
        // jsdom has no fetch; the page's relative URL resolves against its own address.
        (window as unknown as { fetch: typeof fetch }).fetch = (input) =>
          fetch(new URL(String(input), window.location.href));
      },
    });
    try {
      const deadline = Date.now() + 5000;
      const results = () => dom.window.document.querySelector('#search-results p');
      while (!results() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const links = [...dom.window.document.querySelectorAll('#search-results li a')].map((a) => ({
        text: a.textContent ?? '',
        href: (a as HTMLAnchorElement).href,
      }));
      return {
        heading: results()?.textContent ?? '',
        links,
        miniSearch: typeof (dom.window as unknown as { MiniSearch?: unknown }).MiniSearch === 'function',
        errors,
      };
    } finally {
      dom.window.close();
    }
  }

  it('finds stories by title, newest edition included, linking to the story in its edition page', async () => {
    const result = await search('full', 'index.html', 'Power of Siberia');
    expect(result.miniSearch).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.links[0]?.text).toBe('Power of Siberia 2 pipeline talks stall again over gas price');
    expect(result.links.map((l) => new URL(l.href).pathname)).toEqual(
      expect.arrayContaining(['/editions/2026-11-23/index.html', '/editions/2026-11-22/index.html']),
    );
    expect(new URL(result.links[0]!.href).hash).toMatch(/^#story-story-\d+$/);
  });

  it('tolerates a typo and a prefix (MiniSearch fuzzy and prefix search)', async () => {
    expect((await search('full', 'index.html', 'Sibiria pipelin')).links[0]?.text).toContain(
      'Power of Siberia',
    );
  });

  it('searches summaries and source names, from a page two folders down', async () => {
    const edition = makeEdition(12, { id: '2026-11-23' });
    const source = edition.stories[7]!.articles[0]!.source;
    const bySource = await search('full', 'editions/2026-11-23/index.html', source);
    expect(bySource.links.length).toBeGreaterThan(0);
    expect(bySource.links.every((l) => new URL(l.href).pathname.startsWith('/editions/'))).toBe(true);
    const word = edition.stories[1]!.summary.split(' ')
      .find((w) => w.length > 7)!
      .replace(/[^\p{L}]/gu, '');
    expect((await search('full', 'themes/energy/index.html', word)).links.length).toBeGreaterThan(0);
  });

  it('says when nothing matches', async () => {
    const result = await search('full', 'index.html', 'zzzqqqxxx');
    expect(result.heading).toBe('0 results for “zzzqqqxxx”');
  });

  it('still answers with plain matching when minisearch.js is missing', async () => {
    const result = await search('plain', 'index.html', 'Siberia pipeline');
    expect(result.miniSearch).toBe(false);
    expect(result.errors.join(' ')).toContain('assets/minisearch.js');
    expect(result.links[0]?.text).toContain('Power of Siberia');
    expect((await search('plain', 'index.html', 'Sibiria')).links).toEqual([]);
  });
});
