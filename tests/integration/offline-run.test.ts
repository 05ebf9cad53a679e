/** `briefing run --offline`: the recorded sample day through the unchanged pipeline, twice. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '#domain/types.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

const GOLDEN = join(REPO_ROOT, 'tests/golden/sample-day-summaries.json');

describe('briefing run --offline', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'offline-')), 'out');
  let first: Awaited<ReturnType<typeof runCli>>;
  let edition: Edition;

  beforeAll(async () => {
    first = await runCli(['run', '--offline', '--out', out]);
    edition = JSON.parse(readFileSync(join(out, 'site/editions/2026-11-23/edition.json'), 'utf8')) as Edition;
  }, 120_000);

  it('reads every outlet of the sample and keeps only the China–Russia reporting', () => {
    expect(first.code).toBe(0);
    expect(edition.sources).toHaveLength(11);
    expect(edition.sources.every((s) => s.status === 'ok')).toBe(true);
    expect(edition.stats.itemsSeen).toBeGreaterThan(250);
    expect(edition.stats.itemsRelevant).toBeGreaterThanOrEqual(20);
    expect(edition.stats.itemsRelevant).toBeLessThan(edition.stats.itemsSeen / 5);
    const titles = edition.stories.flatMap((s) => s.articles.map((a) => a.title)).join('\n');
    for (const trap of [
      'Pentagon budget',
      'Terracotta',
      'unchanged XI',
      'Moscow, Idaho',
      'Moscow Mule',
      'Vladivostok for talks',
      'border patrols',
      'Hackers linked',
    ]) {
      expect(titles).not.toContain(trap);
    }
  });

  it('groups one event across outlets, perspectives and languages', () => {
    const call = edition.stories.find((s) => s.articles.some((a) => a.title.includes('video call')))!;
    const perspectives = new Set(call.articles.map((a) => a.perspective));
    expect(perspectives.has('russian-state')).toBe(true);
    expect(perspectives.has('chinese-state')).toBe(true);
    expect(call.articles.some((a) => a.language === 'ru')).toBe(true);
    expect(call.articles.some((a) => a.language === 'zh')).toBe(true);
  });

  it("links reports at the address `briefing serve` answers for the sample, not the run's own server", () => {
    const urls = edition.stories.flatMap((s) => s.articles.map((a) => a.url));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8081\/(articles|rss)\//);
  });

  it('records why an article was not used: a paywall, a missing page', () => {
    const notes = edition.stories.flatMap((s) => s.articles.map((a) => a.note ?? '')).join('\n');
    expect(notes).toContain('paywalled');
  });

  it('covers several themes, each with its paragraph', () => {
    const active = edition.themes.filter((t) => t.storyIds.length > 0).map((t) => t.id);
    expect(active.length).toBeGreaterThanOrEqual(6);
    expect(edition.topLine).toHaveLength(3);
  });

  it('summarises the sample day as reviewed in the golden file (regenerate with UPDATE_GOLDEN=1)', () => {
    const summaries = edition.stories
      .map((s) => ({
        title: s.title,
        signal: s.signal,
        themes: s.themes,
        sources: s.articles.length,
        sentences: s.sentences.map((x) => x.text),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    const themes = edition.themes.map((t) => ({ id: t.id, summary: t.summary }));
    const text = `${JSON.stringify({ topLine: edition.topLine.map((t) => t.text), summaries, themes }, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('writes the mail to the outbox and the archive pages', () => {
    expect(readdirSync(join(out, 'outbox')).some((f) => f.endsWith('.eml'))).toBe(true);
    expect(readFileSync(join(out, 'site/index.html'), 'utf8')).toContain('2026-11-23');
  });

  it("prints the figures and file names the README's quickstart quotes", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /a first offline run into an empty\n`out\/` prints[^\n]*\n\n```\n([\s\S]+?)```/.exec(
      readme,
    )?.[1];
    expect(block, 'the quoted summary in README.md').toBeDefined();
    const rows = (text: string) =>
      new Map(
        [...text.matchAll(/^ {2}([a-z.]+(?: [a-z]+)?)\s{2,}(.+)$/gm)].map(
          (m) => [m[1]!, m[2]!.trim()] as const,
        ),
      );
    const quoted = rows(block!);
    const printed = rows(first.stdout);
    for (const label of ['items seen', 'relevant', 'stories', 'sources', 'mail'])
      expect(printed.get(label), label).toBe(quoted.get(label));
    for (const label of ['preview', 'archive', 'edition', 'edition.json']) {
      const file = quoted.get(label)!;
      expect(file, label).toMatch(/^out\//);
      expect(existsSync(join(out, file.slice('out/'.length))), file).toBe(true);
    }
    expect(block).toContain(`Edition ${edition.id}: ${edition.title}`);
    // The top line is quoted shortened: its words, up to the ellipsis, open the printed one.
    const topLine = quoted.get('top line')!.replace(/^1\. /, '').replace(/ …$/, '');
    expect(edition.topLine[0]!.text.startsWith(topLine), topLine).toBe(true);
  });

  it('on a second run nobody is mailed twice', async () => {
    const second = await runCli(['run', '--offline', '--out', out, '--json']);
    expect(second.code).toBe(0);
    const result = JSON.parse(second.stdout) as { delivery: { sent: number; skipped: number } };
    expect(result.delivery).toMatchObject({ sent: 0, skipped: 1 });
  }, 120_000);
});
