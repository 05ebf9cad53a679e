/**
 * The four real news days of ../shared/corpora/news-days through the unchanged pipeline (article
 * fetching off: the links point at real hosts; the clock at the next midnight UTC), as
 * `npm run eval:edition` runs them. The top lines, theme paragraphs and story summaries are
 * golden files, regenerated on purpose (UPDATE_GOLDEN=1) and reviewed in the diff; the reading
 * budget and the absence of page furniture are checked on every day.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '#domain/types.ts';
import { QUIET_THEME } from '#edition/theme-digests.ts';
import { isBoilerplateSentence } from '#extract/boilerplate.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';
import { splitSentences } from '#text/sentences.ts';

const corpus = resolve(REPO_ROOT, '../shared/corpora/news-days');
const days = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort()
  : [];

/**
 * Sentences printed twice in the edition: in two story summaries, two theme paragraphs, or a
 * paragraph and a summary. The top line is the lead sentence of a story below it, by design.
 */
function repeatedSentences(edition: Edition): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const texts = [
    ...edition.stories.flatMap((s) => s.sentences.map((x) => x.text)),
    ...edition.themes.filter((t) => t.summary !== QUIET_THEME).flatMap((t) => splitSentences(t.summary)),
  ];
  for (const text of texts) {
    if (seen.has(text)) repeated.push(text);
    seen.add(text);
  }
  return repeated;
}

/**
 * Phrases the theme paragraphs quote as evidence (“…” in the reading against the baseline and in
 * "Coverage divides: …") that a development sentence of any theme paragraph already prints: the
 * quotes show the reports' words, not the sentences the reader has just read.
 */
function requotedPhrases(edition: Edition): string[] {
  const readings = (summary: string) =>
    splitSentences(summary).filter(
      (x) => x.startsWith('Today’s reports') || x.startsWith('Coverage divides'),
    );
  const developments = edition.themes
    .flatMap((t) => splitSentences(t.summary).filter((x) => !readings(t.summary).includes(x)))
    .join(' ')
    .toLowerCase()
    // A quote drops the report's own quote marks; the development sentence keeps them.
    .replace(/["“”«»]/g, '');
  const out: string[] = [];
  for (const theme of edition.themes)
    for (const sentence of readings(theme.summary))
      for (const [, phrase] of sentence.matchAll(/“([^”]+)”/g))
        if (developments.includes(phrase!.toLowerCase())) out.push(`${theme.id}: ${phrase}`);
  return out;
}

if (days.length === 0) console.warn(`skipped: ${corpus} is absent`);

describe.skipIf(days.length === 0)('the news days through the unchanged pipeline', () => {
  const work = mkdtempSync(join(tmpdir(), 'news-days-'));
  const config = join(work, 'config.json');
  writeFileSync(config, JSON.stringify({ fetch: { maxArticles: 0 } }));

  it.each(days)(
    '%s: the edition as reviewed in tests/golden/news-days',
    async (day) => {
      const out = join(work, day);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const run = await runCli([
        'run',
        '--feeds',
        join(corpus, day, 'feeds.json'),
        '--config',
        config,
        '--now',
        `${next}T00:00:00Z`,
        '--out',
        out,
        '--quiet',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const edition = JSON.parse(
        readFileSync(join(out, 'site', 'editions', next, 'edition.json'), 'utf8'),
      ) as Edition;

      const prose = [
        ...edition.topLine.map((t) => t.text),
        ...edition.stories.flatMap((s) => s.sentences.map((x) => x.text)),
        ...edition.themes.map((t) => t.summary),
      ];
      expect(edition.topLine.length).toBeLessThanOrEqual(3);
      for (const story of edition.stories) {
        // A headline-only story has no summary: its headline is printed, never repeated.
        expect(story.sentences.length).toBeLessThanOrEqual(3);
        for (const s of story.sentences) {
          expect(isBoilerplateSentence(s.text), s.text).toBe(false);
          expect(s.text).not.toContain(story.title);
        }
      }
      // The relevance model of issue 12 finds 72 of the 73 relevant items of 2023-03-21 (23 of them
      // Polish); the reading budget of ~1,500 words of prose holds on that busiest day too.
      expect(prose.join(' ').split(/\s+/).length).toBeLessThanOrEqual(1_500);
      expect(repeatedSentences(edition)).toEqual([]);
      expect(requotedPhrases(edition)).toEqual([]);

      const golden = join(REPO_ROOT, 'tests/golden/news-days', `${day}.json`);
      const text = `${JSON.stringify(
        {
          topLine: edition.topLine.map((t) => t.text),
          themes: edition.themes.map((t) => ({ id: t.id, summary: t.summary })),
          stories: edition.stories.map((s) => ({
            title: s.title,
            signal: s.signal ?? null,
            themes: s.themes,
            reports: s.articles.length,
            sentences: s.sentences.map((x) => x.text),
          })),
        },
        null,
        2,
      )}\n`;
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    },
    120_000,
  );
});
