/**
 * Stored state of the wrong shape, as an operator's slip, a disk fault or a half-written file
 * leaves it. Before the state helper each of these crashed the run (before or after the mail),
 * published without mailing, or silently dropped the archive's history or a subscriber. Now the
 * run finishes, says which document was corrupt (key and field), keeps its bytes aside, and goes
 * on with what is safe.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '#cli/io.ts';
import { main } from '#cli/main.ts';
import { dataKeys } from '#domain/keys.ts';
import { type DayFeedServer, runDay, startDayFeedServer } from '#tests/helpers/day-feed-server.ts';

let server: DayFeedServer;
beforeAll(async () => {
  server = await startDayFeedServer();
});
afterAll(() => server.close());

const feeds = (day: string) => [
  { name: 'Wire', url: `${server.base}/wire/${day}` },
  { name: 'Quiet', url: `${server.base}/quiet/${day}` },
];
const stateFile = (dir: string, key: string) => join(dir, 'state', ...key.split('/'));
const plant = (path: string, body: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
};
const mailsTo = (dir: string, who: string) =>
  existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')).filter((f) => f.includes(who)) : [];
const keptCopies = (root: string, key: string) => {
  const folder = join(root, 'corrupt', ...key.split('/').slice(0, -1));
  const name = key.split('/').at(-1)!;
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith(`${name}@`)) : [];
};

describe('a run over corrupt stored state', () => {
  it.each([
    [dataKeys.seenItems(), '{"items":null}', 'items: Invalid input: expected record, received null'],
    // This one used to crash after the mail had gone out, so the next run mailed it again.
    [dataKeys.seenItems(), '{"items":{"x":null}}', 'items.x: Invalid input: expected object, received null'],
    [dataKeys.seenItems(), '{"items":{"a":', 'not valid JSON'],
    // This one used to publish the edition and then crash before mailing anyone.
    [dataKeys.sourceHealth(), 'null', '(document): Invalid input: expected record, received null'],
  ])('%s = %s: finishes, mails, reports the field and keeps the bytes', async (key, body, field) => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    plant(stateFile(dir, key), body);

    const result = await runDay(dir, '2026-11-23', feeds('2026-11-23'));

    expect(result.delivery?.sent).toBe(1);
    expect(result.published).toBeDefined();
    expect(result.corruptState).toEqual([
      {
        key,
        problem: expect.stringContaining(`${key}: ${field}`),
        keptAs: expect.stringMatching(/^corrupt\//),
      },
    ]);
    expect(readFileSync(stateFile(dir, result.corruptState[0]!.keptAs!), 'utf8')).toBe(body);
    // The document was written again in its proper shape.
    expect(() => JSON.parse(readFileSync(stateFile(dir, key), 'utf8'))).not.toThrow();
    const report = JSON.parse(readFileSync(stateFile(dir, dataKeys.runReport('2026-11-23')), 'utf8'));
    expect(report.corruptState).toEqual(result.corruptState);
  });

  it.each([
    ['[null]', '[0]: Invalid input: expected object, received null'],
    ['[{"id":5}]', '[0].id: Invalid input: expected string, received number'],
    ['{}', '(document): Invalid input: expected array, received object'],
    ['[{"id":"2026-11-22","title":"x"', 'not valid JSON'],
  ])('archive index %s: publishes, and rebuilds the history from the editions', async (body, field) => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    await runDay(dir, '2026-11-21', feeds('2026-11-21'));
    await runDay(dir, '2026-11-22', feeds('2026-11-22'));
    writeFileSync(join(dir, 'site', 'archive-index.json'), body);

    const result = await runDay(dir, '2026-11-23', feeds('2026-11-23'));

    expect(result.published).toBeDefined();
    expect(result.delivery?.sent).toBe(1);
    const index = JSON.parse(readFileSync(join(dir, 'site', 'editions.json'), 'utf8')) as { id: string }[];
    expect(index.map((e) => e.id)).toEqual(['2026-11-23', '2026-11-22', '2026-11-21']);
    expect(result.corruptState.map((c) => c.problem).join('\n')).toContain(`archive-index.json: ${field}`);
    expect(keptCopies(join(dir, 'site'), 'archive-index.json')).toHaveLength(1);
  });

  it('mails a subscriber whose themes include one the catalogue no longer has, on the themes that remain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const record = (email: string, themes: string[]) =>
      JSON.stringify({
        email,
        status: 'confirmed',
        themes,
        createdAt: '2026-11-01',
        updatedAt: '2026-11-01',
      });
    plant(
      stateFile(dir, dataKeys.subscriber('old@example.org')),
      record('old@example.org', ['energy', 'arctic-ice']),
    );
    plant(
      stateFile(dir, dataKeys.subscriber('gone@example.org')),
      record('gone@example.org', ['arctic-ice']),
    );

    const result = await runDay(dir, '2026-11-23', feeds('2026-11-23'));

    expect(result.delivery?.sent).toBe(3);
    expect(mailsTo(dir, 'old@example.org')).toHaveLength(1);
    expect(mailsTo(dir, 'gone@example.org')).toHaveLength(1);
  });

  it('skips a truncated subscriber record, keeps it aside and mails everyone else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const key = dataKeys.subscriber('cut@example.org');
    plant(stateFile(dir, key), '{"email":"cut@example.org","status":"confir');

    const result = await runDay(dir, '2026-11-23', feeds('2026-11-23'));

    expect(result.delivery?.sent).toBe(1);
    expect(keptCopies(join(dir, 'state'), key)).toHaveLength(1);
    expect(result.corruptState.map((c) => c.key)).toEqual([key]);
  });

  it('a corrupt feed cache costs a full fetch and is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const sources = feeds('2026-11-23');
    const key = dataKeys.feedCache(sources[0]!.url);
    plant(stateFile(dir, key), '{"etag":"abc","fetchedAt":"2026-11-22T07:00:00Z","items":[{"id":1}]}');

    const result = await runDay(dir, '2026-11-23', sources);

    expect(result.sources[0]).toMatchObject({ name: 'Wire', status: 'ok', items: 1 });
    expect(result.corruptState.map((c) => c.problem)).toEqual([
      `${key}: items[0].id: Invalid input: expected string, received number`,
    ]);
  });

  it('CLI: the summary names the corrupt document and where it was kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const out = join(dir, 'out');
    plant(stateFile(out, dataKeys.seenItems()), '{"items":null}');
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify(feeds('2026-11-23')));
    let stdout = '';
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => (stdout += c));
    const io = { stdin: new PassThrough(), stdout: sink, stderr: new PassThrough() } as unknown as CliIo;

    const code = await main(
      [
        'run',
        '--feeds',
        join(dir, 'feeds.json'),
        '--out',
        out,
        '--now',
        '2026-11-23T07:00:00Z',
        '--allow-private-network',
        '--quiet',
      ],
      io,
    );

    expect(code).toBe(0);
    expect(stdout).toMatch(
      /corrupt state +state\/seen-items\.json: items: Invalid input: expected record, received null \(kept as corrupt\/state\/seen-items\.json@[0-9a-f]+\)/,
    );
  });
});
