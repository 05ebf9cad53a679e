/**
 * A feed server on 127.0.0.1 that misbehaves in every way we know, beside one healthy outlet.
 * The run must finish within its budget with bounded memory, record each failure against its
 * source, and still carry the healthy outlet's stories.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { createLocalDeps, localPaths } from '#cli/local-deps.ts';
import { parseConfig } from '#config/schema.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Edition, SourceFetchReport } from '#domain/types.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { closeServer, listenLocal, refusedPort } from '#tests/helpers/fixture-server.ts';

const rss = (items: string, decl = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${decl}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const healthy = rss(
  [
    [
      'Xi and Putin agree to expand energy cooperation in video call',
      'The Kremlin said gas supplies were discussed.',
    ],
    ['China and Russia hold joint naval patrol near Japan', 'Six warships and four bombers took part.'],
  ]
    .map(
      ([t, d], i) =>
        `<item><title>${t}</title><link>http://127.0.0.1:9/healthy/${i}</link><guid>h${i}</guid><pubDate>Mon, 23 Nov 2026 0${i + 1}:00:00 GMT</pubDate><description>${d}</description></item>`,
    )
    .join(''),
);
const relevantItem = (title: string) =>
  `<item><title>${title}</title><link>http://127.0.0.1:9/odd/${encodeURIComponent(title)}</link><pubDate>Mon, 23 Nov 2026 03:00:00 GMT</pubDate></item>`;

let server: Server;
let base = '';
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  let calls429 = 0;
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    switch (path) {
      case '/healthy':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(healthy);
      case '/reset':
        return void req.socket.destroy();
      case '/hang':
        return; // never answers
      case '/trickle': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const t = setInterval(() => res.write(' '), 100);
        timers.add(t);
        res.on('close', () => clearInterval(t));
        return;
      }
      case '/storm':
        return void res.writeHead(503).end('busy');
      case '/429':
        calls429++;
        if (calls429 === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss(relevantItem('Russia and China sign lunar station deal')));
      case '/loop':
        return void res.writeHead(302, { location: '/loop2' }).end();
      case '/loop2':
        return void res.writeHead(302, { location: '/loop' }).end();
      case '/huge': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 32);
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent >= 50) res.end();
          else res.once('drain', pump);
        };
        res.on('close', () => {
          sent = 50;
        });
        return pump();
      }
      case '/bomb':
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(200 * 1024 * 1024, 32)));
      case '/invalid-utf8':
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
          .end(
            Buffer.concat([
              Buffer.from(rss(relevantItem('Sino-Russian trade record ')).slice(0, 120)),
              Buffer.from([0xff, 0xfe, 0xfd]),
              Buffer.from(rss('').slice(120)),
            ]),
          );
      case '/wrong-charset':
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
          .end(
            iconv.encode(
              rss(relevantItem('Путин и Си Цзиньпин провели переговоры'), '<?xml version="1.0"?>'),
              'windows-1251',
            ),
          );
      case '/laughs':
        return void res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY x SYSTEM "file:///etc/passwd">]>${rss('<item><title>&d;&x;</title><link>http://127.0.0.1:9/odd/l</link></item>', '')}`,
          );
      case '/nested':
        return void res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}`);
      case '/many': {
        const items = Array.from(
          { length: 100_000 },
          (_, i) => `<item><title>n${i}</title><link>http://127.0.0.1:9/m/${i}</link></item>`,
        ).join('');
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items));
      }
      case '/empty':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(''));
      default:
        return void res.writeHead(404).end();
    }
  });
  base = await listenLocal(server);
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  await closeServer(server);
});

describe('a run against misbehaving sources', () => {
  let edition: Edition;
  let byName: Record<string, SourceFetchReport>;
  let elapsed = 0;
  let rssGrowth = 0;

  beforeAll(async () => {
    const dead = await refusedPort();
    const names = [
      'healthy',
      'reset',
      'hang',
      'trickle',
      'storm',
      '429',
      'loop',
      'huge',
      'bomb',
      'invalid-utf8',
      'wrong-charset',
      'laughs',
      'nested',
      'many',
      'empty',
    ];
    const feeds = [
      ...names.map((n) => ({ name: n, url: `${base}/${n}` })),
      { name: 'refused', url: `http://127.0.0.1:${dead}/feed` },
    ];
    const config = parseConfig({
      feeds,
      fetch: {
        // Generous for the 50 MB and gzip-bomb bodies on a loaded 2-core machine (same process as the server).
        timeoutMs: 12_000,
        retries: 2,
        maxFeedBytes: 8 * 1024 * 1024,
        connectTimeoutMs: 1000,
        concurrency: 16,
        perHost: 16,
        // Most sources here fail on purpose; the rule that stops such a run is tested on its own.
        maxFailedShare: 1,
      },
      delivery: { recipients: ['r@example.org'] },
    });
    const dir = mkdtempSync(join(tmpdir(), 'resilience-'));
    const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const started = performance.now();
    const deps = await createLocalDeps({
      config,
      paths: localPaths(dir),
      clock,
      logger: silentLogger,
      progress: silentProgress,
    });
    const result = await runDigest(
      deps,
      config,
      resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' }),
    );
    elapsed = performance.now() - started;
    clearInterval(sampler);
    rssGrowth = peak - rssBefore;
    edition = result.edition;
    byName = Object.fromEntries(result.sources.map((s) => [s.name, s]));
  }, 120_000);

  it('finishes within its time budget with bounded memory', () => {
    expect(elapsed).toBeLessThan(45_000);
    expect(rssGrowth).toBeLessThan(400 * 1024 * 1024);
  });

  it.each([
    ['refused', /connection refused/],
    ['reset', /socket hang up|ECONNRESET|reset/],
    ['hang', /timed out/],
    ['trickle', /timed out/],
    ['storm', /HTTP 503 after 3 attempts/],
    // With production settings the first redirect hop is already refused (it points at loopback).
    ['loop', /redirect loop|blocked address 127.0.0.1/],
    ['huge', /response larger than/],
    ['bomb', /response larger than/],
    ['nested', /not a feed/],
  ])('records %s as failed with its reason', (name, reason) => {
    expect(byName[name]!.status).toBe('failed');
    expect(byName[name]!.detail).toMatch(reason);
    expect(byName[name]!.detail).not.toContain('\n');
  });

  it.each([
    ['refused', 'not reachable'],
    ['hang', 'timed out'],
    ['storm', 'HTTP 503'],
    ['huge', 'response too large'],
    ['bomb', 'response too large'],
    ['nested', 'not a feed'],
  ])('publishes only a public reason for %s: %s', (name, reason) => {
    const published = edition.sources.find((s) => s.name === name)!;
    expect(published.error).toBe(reason);
    expect(Object.keys(published)).not.toContain('detail');
    // Feeds on an IP literal are internal addresses: their URL is not published.
    expect(published.url).toBeUndefined();
  });

  it.each([
    ['429', 1],
    ['invalid-utf8', 1],
    ['wrong-charset', 1],
    ['laughs', 1],
    ['empty', 0],
  ])('reads %s (retry-after honoured, bytes repaired, entities never expanded)', (name, items) => {
    expect(byName[name]!.status).toBe('ok');
    expect(byName[name]!.items).toBe(items);
  });

  it('caps a feed of 100,000 items', () => {
    expect(byName.many!.status).toBe('ok');
    expect(byName.many!.items).toBe(5000);
  });

  it('still carries the healthy outlet’s stories, and never expanded an entity', () => {
    const titles = edition.stories.map((s) => s.title).join('\n');
    expect(titles).toContain('Xi and Putin agree to expand energy cooperation');
    expect(titles).toContain('joint naval patrol');
    expect(JSON.stringify(edition)).not.toContain('aaaaaaaaaaaaaaaaaaaa');
    expect(JSON.stringify(edition)).not.toContain('root:x:0');
  });

  it('reads the mislabelled windows-1251 feed as Cyrillic', () => {
    expect(edition.stories.some((s) => s.title.includes('Путин'))).toBe(true);
  });
});
