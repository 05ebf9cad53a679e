/**
 * The product's main job end to end, as a user runs it: `briefing run --feeds FILE` as a
 * subprocess against feeds served from 127.0.0.1, then the edition, web page and mail checked.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '#domain/types.ts';
import { type FixtureServer, refusedPort, startFixtureServer } from '#tests/helpers/fixture-server.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/e2e');

describe('briefing run against feeds on 127.0.0.1', () => {
  let server: FixtureServer;
  let out: string;
  let edition: Edition;
  let run: { code: number; stdout: string; stderr: string };
  let deadPort: number;
  let feedsFile: string;

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES, {
      '/error500.xml': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
      '/broken.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0"?>\n<oops><unclosed>'),
    });
    deadPort = await refusedPort();
    const work = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
    out = join(work, 'out');
    // A feed given as a path relative to the feeds file.
    writeFileSync(
      join(work, 'local.xml'),
      readFileSync(join(FIXTURES, 'wire.xml'), 'utf8')
        .replaceAll('__BASE__', server.base)
        .replace('<title>Test Wire – World</title>', '<title>Local copy</title>')
        .replaceAll('wire-10', 'local-10'),
    );
    copyFileSync(join(FIXTURES, 'state.atom'), join(work, 'unused.atom'));
    const feeds = [
      { name: 'Test Wire', url: `${server.base}/wire.xml`, perspective: 'wire' },
      { name: 'Test State News', url: `${server.base}/state.atom`, perspective: 'russian-state' },
      { name: 'Local Copy', url: 'local.xml', perspective: 'western' },
      { name: 'Refused', url: `http://127.0.0.1:${deadPort}/feed.xml` },
      { name: 'Server Error', url: `${server.base}/error500.xml` },
      { name: 'Broken XML', url: `${server.base}/broken.xml` },
    ];
    feedsFile = join(work, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify(feeds));
    run = await runCli([
      'run',
      '--feeds',
      join(work, 'feeds.json'),
      '--out',
      out,
      '--now',
      '2026-11-23T18:00:00Z',
      '--allow-private-network',
    ]);
    edition = JSON.parse(readFileSync(join(out, 'site/editions/2026-11-23/edition.json'), 'utf8')) as Edition;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('exits 0 and prints a summary with the output paths', () => {
    expect(run.stderr).not.toMatch(/Error:|at .*\.ts:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Edition 2026-11-23');
    expect(run.stdout).toMatch(/relevant\s+\d+/);
    expect(run.stdout).toContain('site/editions/2026-11-23/edition.json');
    expect(run.stdout).toContain('outbox');
  });

  it('says the address guard is off, because the flag asked for it', () => {
    expect(run.stderr).toContain('warning: --allow-private-network: the address guard is off');
  });

  it('keeps private state beside the site, never inside it', () => {
    expect(readdirSync(join(out, 'state', 'state')).length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'site')).sort()).toEqual(
      [
        '.meta',
        '404.html',
        'archive-index.json',
        'assets',
        'editions',
        'editions.json',
        'feed.xml',
        'index.html',
        'perspectives',
        'search-index.json',
        'themes',
      ].sort(),
    );
  });

  it('writes edition.json with the contract fields', () => {
    expect(edition.id).toBe('2026-11-23');
    expect(edition.generatedAt).toBe('2026-11-23T18:00:00.000Z');
    expect(edition.window).toEqual({ from: '2026-11-22T18:00:00.000Z', to: '2026-11-23T18:00:00.000Z' });
    expect(edition.stats.itemsSeen).toBeGreaterThanOrEqual(7);
    expect(edition.stats.stories).toBe(edition.stories.length);
    for (const story of edition.stories) {
      expect(story.id).toBeTruthy();
      expect(story.title).toBeTruthy();
      expect(story.summary.length).toBeGreaterThan(20);
      expect(story.themes.length).toBeGreaterThan(0);
      for (const a of story.articles) {
        expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pages\//);
        expect(a.url).not.toContain('utm_');
        expect(typeof a.score).toBe('number');
        expect(a.reasons.length).toBeGreaterThan(0);
        expect(a.source).toBeTruthy();
      }
    }
    expect(edition.themes.map((t) => t.id)).toContain('energy');
  });

  it('keeps what is about China–Russia and groups one event from several outlets', () => {
    const titles = edition.stories.flatMap((s) => s.articles.map((a) => a.title)).join(' | ');
    expect(titles).toContain('video call');
    expect(titles).toContain('Power of Siberia 2');
    expect(titles).not.toContain('Pentagon');
    expect(titles).not.toContain('Moscow Mule');
    expect(titles).not.toContain('Storm');
    const call = edition.stories.find((s) => s.articles.some((a) => a.title.includes('video call')))!;
    const sources = new Set(call.articles.map((a) => a.source));
    expect(sources.has('Test Wire')).toBe(true);
    expect(sources.has('Test State News')).toBe(true);
  });

  it('records each failing source with its error and still builds the edition', () => {
    const byName = Object.fromEntries(edition.sources.map((s) => [s.name, s]));
    expect(byName['Test Wire']!.status).toBe('ok');
    expect(byName['Local Copy']!.status).toBe('ok');
    expect(byName['Local Copy']!.items).toBe(5);
    for (const name of ['Refused', 'Server Error', 'Broken XML']) {
      expect(byName[name]!.status).toBe('failed');
      expect(byName[name]!.error).toBeTruthy();
      expect(byName[name]!.error).not.toContain('\n');
    }
    // edition.json is public: a reason, not the error's text; the run report keeps the detail.
    expect(byName['Server Error']!.error).toBe('HTTP 500');
    expect(byName['Broken XML']!.error).toBe('not a feed');
    expect(byName.Refused!.error).toBe('not reachable');
    const report = JSON.parse(readFileSync(join(out, 'state/runs/2026-11-23.json'), 'utf8'));
    const refused = report.sources.find((s: { name: string }) => s.name === 'Refused');
    expect(refused.detail).toMatch(/connection refused/i);
    expect(refused.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('writes the edition web page and the archive home', () => {
    const page = readFileSync(join(out, 'site/editions/2026-11-23/index.html'), 'utf8');
    expect(page).toContain('<html');
    expect(page).toContain('Power of Siberia 2');
    const index = JSON.parse(readFileSync(join(out, 'site/editions.json'), 'utf8'));
    expect(index[0]).toMatchObject({ id: '2026-11-23', storyCount: edition.stories.length });
    expect(readFileSync(join(out, 'site/feed.xml'), 'utf8')).toContain('<feed');
    expect(readFileSync(join(out, 'site/index.html'), 'utf8')).toContain('2026-11-23');
  });

  it('on a second run, unchanged feeds cost a 304 and nobody is mailed twice', async () => {
    const again = await runCli([
      'run',
      '--feeds',
      feedsFile,
      '--out',
      out,
      '--now',
      '2026-11-23T18:00:00Z',
      '--allow-private-network',
      '--json',
    ]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).delivery).toMatchObject({ sent: 0, skipped: 1 });
    const second = JSON.parse(
      readFileSync(join(out, 'site/editions/2026-11-23/edition.json'), 'utf8'),
    ) as Edition;
    const byName = Object.fromEntries(second.sources.map((s) => [s.name, s.status]));
    expect(byName['Test Wire']).toBe('not-modified');
    expect(byName['Test State News']).toBe('not-modified');
    expect(second.stories.map((s) => s.id).sort()).toEqual(edition.stories.map((s) => s.id).sort());
  }, 60_000);

  it('writes a standard multipart .eml with absolute links', () => {
    const outbox = join(out, 'outbox');
    const emls = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBe(1);
    const raw = readFileSync(join(outbox, emls[0]!), 'utf8');
    expect(raw).toMatch(/^Subject: .+/m);
    expect(raw).toMatch(/^To: reader@example\.org/m);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(raw).toMatch(/^List-Unsubscribe:\s+<http/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const html = readFileSync(join(outbox, 'preview.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  });
});
