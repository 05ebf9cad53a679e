/** preview, archive rebuild, serve and feeds import, as a user runs them. */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#tests/helpers/fixture-server.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

describe('commands over an output folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'archive-cmds-'));
  const out = join(work, 'out');
  beforeAll(async () => {
    expect((await runCli(['run', '--offline', '--out', out, '--quiet'])).code).toBe(0);
  }, 120_000);

  it('previews the email of the latest edition, as received by one reader', async () => {
    const { code, stdout } = await runCli(['preview', '--out', out, '--to', 'reader@example.org']);
    expect(code).toBe(0);
    expect(stdout).toContain('China–Russia Briefing, 23 November 2026');
    const html = readFileSync(join(out, 'outbox/preview-2026-11-23.html'), 'utf8');
    expect(html).toContain('Top line');
    expect(html).toContain('/api/unsubscribe');
  });

  it('rebuilds the archive indexes from the editions alone, and says what it did', async () => {
    const site = join(out, 'site');
    const before = readFileSync(join(site, 'editions.json'), 'utf8');
    rmSync(join(site, 'editions.json'));
    rmSync(join(site, 'archive-index.json'));
    writeFileSync(join(site, 'feed.xml'), 'broken');
    mkdirSync(join(site, 'editions/broken'), { recursive: true });
    writeFileSync(join(site, 'editions/broken/edition.json'), '{not json');
    const { code, stdout } = await runCli(['archive', 'rebuild', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rebuilt the archive in .*site: 1 edition, \d+ files written\n/);
    expect(stdout).toContain(
      'skipped 1 unreadable edition file (left as they are):\n    editions/broken/edition.json\n',
    );
    expect(readFileSync(join(site, 'editions.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toContain('<feed');
    const json = await runCli(['archive', 'rebuild', '--out', out, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ editions: 1, skipped: ['editions/broken/edition.json'] });
    rmSync(join(site, 'editions/broken'), { recursive: true });
  });

  it("serves the site on 127.0.0.1, never its private state or mail, and the sample's pages beside it", async () => {
    // The sample's own port is 8081 by default; a free one here, as other runs may hold 8081.
    const samplePort = await freePort();
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin/briefing.mjs'), 'serve', out, '--port', '0', '--sample-port', String(samplePort)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let printed = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          printed += c.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*article pages: /.exec(printed);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error('serve exited')));
      });
      expect(printed).toContain(`The offline sample's article pages: http://127.0.0.1:${samplePort}/`);
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(`${url}editions/2026-11-23/edition.json`)).headers.get('content-type')).toContain(
        'application/json',
      );
      expect((await fetch(`${url}state/state/signing-secret`)).status).toBe(404);
      expect((await fetch(`${url}.state/state/signing-secret`)).status).toBe(404);
      expect((await fetch(`${url}outbox/2026-11-23-reader@example.org.eml`)).status).toBe(404);
      expect((await fetch(`${url}..%2foutbox%2fpreview.html`)).status).toBe(404);
      expect((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
      // The sample's reports, at the path the edition links to, on the sample's port.
      const edition = JSON.parse(readFileSync(join(out, 'site/editions/2026-11-23/edition.json'), 'utf8'));
      const report = new URL(edition.stories[0].articles[0].url);
      expect(report.origin).toBe('http://127.0.0.1:8081');
      const page = await fetch(`http://127.0.0.1:${samplePort}${report.pathname}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`http://127.0.0.1:${samplePort}/`);
      const subscribe = await fetch(`${url}api/subscribe`, {
        method: 'POST',
        body: 'email=new%40example.org',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(subscribe.status).toBe(202);
    } finally {
      child.kill();
    }
  });

  it('moves an output folder of the earlier layout into site/ and state/, once', async () => {
    const legacy = join(work, 'legacy');
    cpSync(join(out, 'site'), legacy, { recursive: true });
    cpSync(join(out, 'state'), join(legacy, '.state'), { recursive: true });
    writeFileSync(join(legacy, 'notes.txt'), 'mine');
    const { code, stderr } = await runCli(['archive', 'rebuild', '--out', legacy]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'moved .state/ to state/ and the archive to site/ (one-time move to the current layout)',
    );
    expect(readdirSync(legacy).sort()).toEqual(['notes.txt', 'site', 'state']);
    expect(existsSync(join(legacy, 'site/.meta'))).toBe(true);
    expect(existsSync(join(legacy, 'site/editions/2026-11-23/edition.json'))).toBe(true);
    expect(existsSync(join(legacy, 'state/state/signing-secret'))).toBe(true);
    const again = await runCli(['archive', 'rebuild', '--out', legacy]);
    expect(again.stderr).not.toContain('moved');
  });

  it('imports an OPML list into a feeds file without duplicates', async () => {
    const opml = join(work, 'list.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
        <outline text="Russian state"><outline text="TASS" xmlUrl="https://tass.example/rss.xml?utm_source=x" language="en"/></outline>
        <outline text="Wire" xmlUrl="https://wire.example/feed"/><outline text="Wire again" xmlUrl="https://wire.example/feed"/></body></opml>`,
    );
    const feeds = join(work, 'feeds.json');
    const first = await runCli(['feeds', 'import', opml, '--feeds', feeds]);
    expect(first.stdout).toContain('2 feeds added, 1 already present');
    expect(first.stdout).not.toContain('not imported');
    expect(JSON.parse(readFileSync(feeds, 'utf8'))).toEqual([
      {
        name: 'TASS',
        url: 'https://tass.example/rss.xml?utm_source=x',
        perspective: 'russian-state',
        language: 'en',
      },
      { name: 'Wire', url: 'https://wire.example/feed', perspective: 'other' },
    ]);
    expect((await runCli(['feeds', 'import', opml, '--feeds', feeds])).stdout).toContain(
      '0 feeds added, 3 already present',
    );
    const notOpml = join(work, 'x.opml');
    writeFileSync(notOpml, '<html/>');
    expect((await runCli(['feeds', 'import', notOpml, '--feeds', feeds])).stderr).toContain(
      'not an OPML document',
    );
    expect(existsSync(feeds)).toBe(true);
  });

  it('reports the feeds it leaves out, guards the addresses and infers perspectives from the domain', async () => {
    const opml = join(work, 'mixed.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><body>
        <outline text="TASS" xmlUrl="https://tass.com/rss/v2.xml"/>
        <outline text="Xinhua" xmlUrl="https://english.news.cn/rss/world.xml"/>
        <outline text="Unknown" xmlUrl="https://blog.example.net/feed"/>
        <outline text="Old FTP" xmlUrl="ftp://files.example.org/feed.xml"/>
        <outline text="Disk" xmlUrl="file:///etc/passwd"/>
        <outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/>
        <outline text="Loopback" xmlUrl="http://127.0.0.1:8080/feed.xml"/>
        <outline text="Intranet" xmlUrl="http://wiki.internal/feed"/></body></opml>`,
    );
    const feeds = join(work, 'mixed.json');
    const { code, stdout } = await runCli(['feeds', 'import', opml, '--feeds', feeds]);
    expect(code).toBe(0);
    expect(stdout).toContain('3 feeds added, 0 already present, 3 in all');
    expect(stdout).toContain("2 perspectives inferred from the outlet's domain");
    expect(stdout).toContain('5 not imported:');
    expect(stdout).toContain('Old FTP ftp://files.example.org/feed.xml: ftp: URLs are not fetched');
    expect(stdout).toContain('Disk file:///etc/passwd: file: URLs are not fetched');
    expect(stdout).toContain(
      'Metadata http://169.254.169.254/latest/meta-data/: 169.254.169.254 is not a public address',
    );
    expect(stdout).toContain('Loopback http://127.0.0.1:8080/feed.xml: 127.0.0.1 is not a public address');
    expect(stdout).toContain(
      'Intranet http://wiki.internal/feed: wiki.internal names a local or private host',
    );
    expect(JSON.parse(readFileSync(feeds, 'utf8'))).toEqual([
      {
        name: 'TASS',
        url: 'https://tass.com/rss/v2.xml',
        perspective: 'russian-state',
        perspectiveInferred: true,
      },
      {
        name: 'Xinhua',
        url: 'https://english.news.cn/rss/world.xml',
        perspective: 'chinese-state',
        perspectiveInferred: true,
      },
      { name: 'Unknown', url: 'https://blog.example.net/feed', perspective: 'other' },
    ]);
    const local = await runCli(['feeds', 'import', opml, '--feeds', feeds, '--allow-private-network']);
    expect(local.stdout).toContain('3 feeds added, 3 already present, 6 in all');
  });

  it('exports the curated list as a feeds file a run accepts, and never overwrites one unasked', async () => {
    const feeds = join(work, 'curated.json');
    const first = await runCli(['feeds', 'export', '--feeds', feeds]);
    expect(first.code).toBe(0);
    const list = JSON.parse(readFileSync(feeds, 'utf8')) as { name: string; url: string }[];
    expect(first.stdout).toContain(`the curated list, ${list.length} feeds`);
    expect(list.length).toBeGreaterThan(10);
    for (const f of list) expect(f.url).toMatch(/^https?:\/\//);
    const again = await runCli(['feeds', 'export', '--feeds', feeds]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists: pass --force');
    expect((await runCli(['feeds', 'export', '--feeds', feeds, '--force'])).code).toBe(0);
  });
});
