/** The CLI contract (CONTRACTS.md): help, one-line errors, and the stdin tools. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

describe('briefing --help', () => {
  it('lists every command', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'run',
      'classify',
      'extract',
      'parse-feed',
      'preview',
      'serve',
      'feeds',
      'archive',
    ]) {
      expect(stdout).toContain(command);
    }
  });

  it('describes every option of run in the contract', async () => {
    const { code, stdout } = await runCli(['run', '--help']);
    expect(code).toBe(0);
    for (const option of [
      '--feeds',
      '--out',
      '--now',
      '--since',
      '--until',
      '--dry-run',
      '--to',
      '--edition',
      '--offline',
      '--themes',
      '--query',
      '--no-archive',
    ]) {
      expect(stdout).toContain(option);
    }
  });
});

describe('bad input', () => {
  it.each([
    [['run', '--now', 'yesterday', '--dry-run'], '--now: expected an ISO date'],
    [['run', '--now', '2026-02-30', '--dry-run'], '--now: 2026-02-30 is not a calendar date and time'],
    [
      ['run', '--until', '2026-11-31T00:00:00Z', '--dry-run'],
      '--until: 2026-11-31T00:00:00Z is not a calendar',
    ],
    [['run', '--since', 'soon', '--dry-run'], '--since: expected a duration like "72h"/"3d" or an ISO date'],
    [
      ['run', '--offline', '--dry-run', '--since', '2026-11-25', '--now', '2026-11-24T07:00:00Z'],
      '--since: must be before --until',
    ],
    [['run', '--feeds', '/nonexistent/feeds.json'], 'feeds file'],
    [['run', '--themes', 'energy,gossip', '--dry-run', '--offline'], '--themes "gossip": Invalid option'],
    [['run', '--to', 'not-an-address', '--offline', '--dry-run'], '--to "not-an-address": Invalid email'],
    [['extract', '--url', 'ftp://x'], '--url: expected an http(s) URL'],
    [['preview', '--out', '/nonexistent-out'], 'no editions'],
  ])('%j fails with one line', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a document that is not a feed with one line', async () => {
    const { code, stderr, stdout } = await runCli(['parse-feed'], {
      stdin: '<html><body>hello</body></html>',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')[0]).toMatch(/^briefing: not a feed/);
  });

  it.each([
    [{ maxStorys: 20 }, 'briefing.config.json maxStorys: unknown key (did you mean "maxStories"?)'],
    [{ delivery: { form: 'a@example.org' } }, 'delivery.form: unknown key (did you mean "from"?)'],
    [
      { fetch: { allowPrivateNetwork: true } },
      'fetch.allowPrivateNetwork: a config file cannot turn off the address guard',
    ],
  ])('refuses the config %j with one line naming the key', async (doc, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-config-'));
    writeFileSync(join(dir, 'briefing.config.json'), JSON.stringify(doc));
    const { code, stderr } = await runCli(['run', '--offline', '--dry-run'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')[0]).toContain(message);
  });

  it('classifies every good line of classify input, names each bad one, and exits non-zero at the end', async () => {
    const stdin = [
      '{"id":"a","title":"Xi and Putin sign energy deal in Moscow"}',
      '{oops',
      '{"id":"c","title":"Storm batters Atlantic coast"}',
      '{"title":"no id"}',
      '',
      '{"id":"e","title":"Путин и Си Цзиньпин провели переговоры в Пекине"}',
    ].join('\n');
    const { code, stdout, stderr } = await runCli(['classify'], { stdin });
    expect(code).toBe(1);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a', 'c', 'e']);
    const errors = stderr.trim().split('\n');
    expect(errors[0]).toBe('briefing classify: line 2: invalid JSON');
    expect(errors[1]).toMatch(/^briefing classify: line 4 id: /);
    expect(errors[2]).toBe('briefing: 2 of 5 lines not classified (see above); the other 3 were');
  });
});

describe('stdin tools', () => {
  it('classify answers one line per input line, in order', async () => {
    const input = [
      {
        id: 'a',
        title: 'Xi and Putin sign energy deal in Moscow',
        summary: 'China and Russia agreed to expand gas supplies.',
      },
      { id: 'b', title: 'Storm batters Atlantic coast' },
      { id: 'c', title: 'Путин и Си Цзиньпин провели переговоры в Пекине' },
    ]
      .map((i) => JSON.stringify(i))
      .join('\n');
    const { code, stdout } = await runCli(['classify'], { stdin: input });
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows[0]).toMatchObject({ relevant: true });
    expect(rows[0].themes).toContain('energy');
    expect(rows[0].reasons.length).toBeGreaterThan(0);
    expect(rows[1]).toMatchObject({ relevant: false });
    expect(rows[2]).toMatchObject({ relevant: true });
    for (const r of rows) expect(r.score).toBeGreaterThanOrEqual(0);
  });

  it('extract prints the article of a page', async () => {
    const page = readFileSync(join(REPO_ROOT, 'tests/fixtures/e2e/pages/pos2-stall.html'), 'utf8');
    const { code, stdout } = await runCli(['extract', '--url', 'https://news.example.org/pos2'], {
      stdin: page,
    });
    expect(code).toBe(0);
    const article = JSON.parse(stdout);
    expect(article.title).toContain('Power of Siberia 2');
    expect(article.text).toContain('Negotiations between Russia');
    expect(article.text).not.toContain('You may also like');
    expect(article.text).not.toContain('Click to comment');
    expect(article.text).not.toContain('cookies');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('parse-feed prints the contract shape', async () => {
    const feed = readFileSync(join(REPO_ROOT, 'tests/fixtures/e2e/state.atom'), 'utf8').replaceAll(
      '__BASE__',
      'https://state.example.org',
    );
    const { code, stdout } = await runCli(['parse-feed'], { stdin: feed });
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.title).toBe('Test State News');
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[0]).toMatchObject({
      id: expect.any(String),
      title: 'Xi, Putin hail "best in history" ties during video call',
      link: 'https://state.example.org/pages/state-call.html',
      published: '2026-11-23T09:30:00.000Z',
      author: 'State News',
    });
  });
});
