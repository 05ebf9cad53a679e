/** preview, archive rebuild, serve and feeds import, as a user runs them. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

  it('rebuilds the archive indexes from the editions alone', async () => {
    const before = readFileSync(join(out, 'editions.json'), 'utf8');
    rmSync(join(out, 'editions.json'));
    rmSync(join(out, 'archive-index.json'));
    writeFileSync(join(out, 'feed.xml'), 'broken');
    const { code } = await runCli(['archive', 'rebuild', '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'editions.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('<feed');
  });

  it('serves the folder on 127.0.0.1 without its private state', async () => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin/briefing.mjs'), 'serve', out, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(c.toString());
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error('serve exited')));
      });
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(`${url}editions/2026-11-23/edition.json`)).headers.get('content-type')).toContain(
        'application/json',
      );
      expect((await fetch(`${url}.state/state/signing-secret`)).status).toBe(404);
      expect((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
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
});
