/**
 * Ad-hoc briefings as an analyst runs them, over the offline sample: private by default (the
 * public archive, its feeds, trends and search are byte for byte unchanged), mailed with the
 * question and window in the subject and no subscriber controls, published only with --publish,
 * and a --dry-run that leaves its rendering in a scratch folder and nothing else.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition, EditionIndexEntry } from '#domain/types.ts';
import { runCli } from '#tests/helpers/run-cli.ts';

/** Every file under `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** An RFC 2047 header value as text (nodemailer writes non-ASCII subjects as Q-encoded words). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\r?\n[ \t]+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text/html part of a composed message, decoded (nodemailer picks base64 or quoted-printable). */
function htmlPartOf(raw: string): string {
  const part =
    /Content-Type: text\/html; charset=utf-8\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([\s\S]+?)\r?\n--/i.exec(
      raw,
    );
  if (!part) return '';
  const [, encoding, body] = part as unknown as [string, string, string];
  if (encoding.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const ADHOC = ['--since', '72h', '--query', 'Power of Siberia', '--to', 'analyst@example.org'];

describe('an ad-hoc briefing', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'adhoc-')), 'out');
  const site = join(out, 'site');
  let before: Map<string, string>;
  let outboxBefore: string[];
  let run: Awaited<ReturnType<typeof runCli>>;
  let id: string;

  beforeAll(async () => {
    expect((await runCli(['run', '--offline', '--out', out, '--quiet'])).code).toBe(0);
    before = snapshot(site);
    outboxBefore = readdirSync(join(out, 'outbox'));
    run = await runCli(['run', '--offline', '--out', out, '--quiet', ...ADHOC, '--json']);
    id = JSON.parse(run.stdout).editionId;
  }, 180_000);

  it('leaves the public archive, its index, feeds, trends and search exactly as they were', () => {
    expect(run.code).toBe(0);
    expect(id).toMatch(/^2026-11-23-adhoc-[a-z0-9]+$/);
    const after = snapshot(site);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
    expect(JSON.parse(run.stdout)).toMatchObject({ private: true });
    expect(JSON.parse(run.stdout).editionUrl).toBeUndefined();
  });

  it('is written under the private adhoc/ folder, as a page that stands on its own', () => {
    const edition = JSON.parse(readFileSync(join(out, 'adhoc', id, 'edition.json'), 'utf8')) as Edition;
    expect(edition).toMatchObject({ id, kind: 'ad-hoc', private: true, query: 'Power of Siberia' });
    expect(edition.stories.length).toBeGreaterThan(0);
    for (const story of edition.stories)
      expect(`${story.title} ${story.summary}`.toLowerCase()).toMatch(/siberia|сибир|西伯利亚|pipeline|gas/);
    const page = readFileSync(join(out, 'adhoc', id, 'index.html'), 'utf8');
    expect(page).toContain('A private ad-hoc briefing');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|href="\.\.\/\.\.\//);
  });

  it('puts the question to the report’s page when its feed text does not answer it', () => {
    const edition = JSON.parse(readFileSync(join(out, 'adhoc', id, 'edition.json'), 'utf8')) as Edition;
    const urls = edition.stories.flatMap((s) => s.articles.map((a) => a.url));
    // Meridian's video-call report names the pipeline only in its article (Ushakov's words).
    expect(urls.some((u) => u.endsWith('/meridian/xi-putin-video-call-energy.html'))).toBe(true);
    // A relevant report that names it nowhere stays out.
    expect(edition.stories.some((s) => /Wang Yi|Lavrov/.test(s.title))).toBe(false);
  });

  it('reports the whole window, including what the daily edition already carried', () => {
    const daily = JSON.parse(readFileSync(join(site, 'editions/2026-11-23/edition.json'), 'utf8')) as Edition;
    const adhoc = JSON.parse(readFileSync(join(out, 'adhoc', id, 'edition.json'), 'utf8')) as Edition;
    const dailyUrls = new Set(daily.stories.flatMap((s) => s.articles.map((a) => a.url)));
    expect(adhoc.stories.some((s) => s.articles.some((a) => dailyUrls.has(a.url)))).toBe(true);
  });

  it('is mailed to the analyst with the question and window in the subject, and no subscriber controls', () => {
    const added = readdirSync(join(out, 'outbox')).filter((f) => !outboxBefore.includes(f));
    // The daily edition's preview.html stays; the briefing's HTML part has a file of its own.
    expect(added.sort()).toEqual([`${id}-analyst@example.org.eml`, `preview-${id}.html`]);
    const raw = readFileSync(join(out, 'outbox', `${id}-analyst@example.org.eml`), 'utf8');
    const subject = decodeHeader(/^Subject: (.+(?:\r?\n[ \t].+)*)/m.exec(raw)![1]!);
    expect(subject).toBe('Power of Siberia, last 72 hours · China–Russia Briefing');
    const body = htmlPartOf(raw);
    expect(body).toContain('<html');
    expect(body).toContain('prepared for analyst@example.org on request');
    expect(body).not.toContain('>Unsubscribe<');
    expect(body).not.toContain('Choose your themes');
    expect(body).not.toContain('daily digest');
  });

  it('can be previewed again from its private copy', async () => {
    const preview = await runCli(['preview', '--out', out, '--edition', id]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^Power of Siberia, last 72 hours · China–Russia Briefing\n/);
    expect(readFileSync(join(out, 'outbox', `preview-${id}.html`), 'utf8')).not.toContain('Read on the web');
  });

  it('joins the public archive only when --publish says so', async () => {
    const published = await runCli([
      'run',
      '--offline',
      '--out',
      out,
      '--quiet',
      ...ADHOC,
      '--publish',
      '--json',
    ]);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ editionId: id, private: false });
    const index = JSON.parse(readFileSync(join(site, 'editions.json'), 'utf8')) as EditionIndexEntry[];
    expect(index.map((e) => e.id)).toContain(id);
    expect(readFileSync(join(site, 'search-index.json'), 'utf8')).toContain(`"e":"${id}"`);
    expect(existsSync(join(site, 'editions', id, 'index.html'))).toBe(true);
  }, 120_000);
});

describe('a dry run', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'dry-run-')), 'out');

  it('stores and sends nothing, and leaves its rendering in a scratch folder it names', async () => {
    const run = await runCli(['run', '--offline', '--out', out, '--quiet', '--dry-run']);
    expect(run.code).toBe(0);
    const scratch = join(out, 'dry-run', '2026-11-23');
    expect(run.stdout).toContain(`nothing stored or sent; the rendering is in ${scratch}/`);
    expect(readdirSync(scratch).sort()).toEqual([
      'edition.json',
      'email.html',
      'email.txt',
      'index.html',
      'subject.txt',
    ]);
    expect(readFileSync(join(scratch, 'email.html'), 'utf8')).toContain('Top line');
    expect(readFileSync(join(scratch, 'subject.txt'), 'utf8')).toMatch(
      /^China–Russia Briefing, 23 November 2026: /,
    );
    expect(existsSync(join(out, 'site'))).toBe(false);
    expect(existsSync(join(out, 'outbox'))).toBe(false);
    expect(existsSync(join(out, 'adhoc'))).toBe(false);
  }, 120_000);
});
