/**
 * `npm run eval:corpus-days`: more days to read the edition on. The training corpus's items carry
 * their outlet and time; each date with at least `--min` (default 6) label-2 items becomes a day of
 * feeds (one RSS file per outlet, in a temporary folder), run through the unchanged pipeline
 * (`briefing run`, a fresh process per day, article fetching off, the clock at 06:00 UTC the next
 * day). Each edition is scored by the news-days scorer against the corpus's own labels (label-1/2
 * items and their themes; no events or developments are labelled there, so only relevance, themes
 * and page furniture are scored), and written as plain text and edition.json with `--keep DIR`.
 *
 * What the figures are worth: the relevance and theme models were fitted on these very items, so
 * rel_f1 and theme_f1 are in-sample and say nothing of new data. The edition stage (stories,
 * summaries, signals, top line, theme paragraphs) had never run on them until 2026-12-03, when
 * general fixes were read off them (README, "Unseen days from the training corpus"): they are
 * for reading the edition as an analyst would, and `noise` (page-furniture sentences) counts there.
 * Skips with a message when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEdition, scoresOf } from './lib/run-edition.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const items = resolve(root, '../shared/corpora/relevance-train/items.jsonl');
const scorer = resolve(root, '../shared/corpora/news-days/score-edition.mjs');
if (!existsSync(items) || !existsSync(scorer)) {
  console.log('eval:corpus-days skipped: ../shared/corpora (relevance-train, news-days) is absent');
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const min = Number(option('--min') ?? 6);
const keep = option('--keep') ? resolve(option('--keep')!) : undefined;

interface CorpusItem {
  id: string;
  title: string;
  summary: string | null;
  url: string;
  source: string;
  published: string;
  language?: string;
  label: number;
  themes: string[];
}

const corpus = readFileSync(items, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as CorpusItem);
const byDay = new Map<string, CorpusItem[]>();
for (const item of corpus) {
  const day = item.published.slice(0, 10);
  byDay.set(day, [...(byDay.get(day) ?? []), item]);
}
const days = [...byDay.entries()]
  .filter(([, list]) => list.filter((i) => i.label === 2).length >= min)
  .map(([day]) => day)
  .sort();

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One RSS file per outlet and the feeds file naming them. */
function writeFeeds(dir: string, list: readonly CorpusItem[]): string {
  const outlets = new Map<string, CorpusItem[]>();
  for (const item of list) outlets.set(item.source, [...(outlets.get(item.source) ?? []), item]);
  const feeds = [...outlets.entries()].map(([source, own], i) => {
    const entries = own.map(
      (it) =>
        `<item><title>${xml(it.title)}</title><link>${xml(it.url)}</link><guid>${xml(it.id)}</guid>` +
        `<pubDate>${new Date(it.published).toUTCString()}</pubDate><description>${xml(it.summary ?? '')}</description></item>`,
    );
    const file = `feed-${i}.xml`;
    writeFileSync(
      join(dir, file),
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(source)}</title>` +
        `<link>${xml(own[0]!.url)}</link><description>${xml(source)}</description>${entries.join('')}</channel></rss>`,
    );
    const language = own[0]!.language;
    return { name: source, url: file, ...(language === 'en' || language === 'pl' ? { language } : {}) };
  });
  const file = join(dir, 'feeds.json');
  writeFileSync(file, JSON.stringify(feeds, null, 1));
  return file;
}

interface EditionText {
  topLine: { text: string }[];
  stories: { title: string; signal?: string; themes: string[]; summary: string }[];
  themes: { title: string; summary: string }[];
}

/** The edition as an analyst reads it: the top line, each story, each theme paragraph. */
function asText(day: string, edition: EditionText): string {
  return [
    `# ${day}`,
    '',
    '## Top line',
    ...edition.topLine.map((t) => `- ${t.text}`),
    '',
    '## Stories',
    ...edition.stories.flatMap((s) => [
      `### ${s.title} [${s.themes.join(', ')}]${s.signal ? ` ${s.signal}` : ''}`,
      s.summary,
    ]),
    '',
    '## Themes',
    ...edition.themes.flatMap((t) => (t.summary ? [`### ${t.title}`, t.summary] : [])),
    '',
  ].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'eval-corpus-days-'));
const config = join(work, 'config.json');
writeFileSync(config, JSON.stringify({ fetch: { maxArticles: 0 } }));
console.log(
  'day         items  label2  stories  top_line  reinforces  new  counter  noise  rel_f1*  theme_f1*',
);
try {
  for (const day of days) {
    const list = byDay.get(day)!;
    const dir = join(work, day);
    mkdirSync(dir, { recursive: true });
    const feeds = writeFeeds(dir, list);
    const out = join(dir, 'out');
    const next = new Date(Date.parse(`${day}T06:00:00Z`) + 86_400_000).toISOString();
    const editionFile = runEdition({ feeds, config, now: next, out });
    const gold = join(dir, 'gold.json');
    writeFileSync(
      gold,
      JSON.stringify({
        day,
        events: {},
        developments: [],
        items: list
          .filter((i) => i.label >= 1)
          .map((i) => ({ link: i.url, label: i.label, themes: i.themes, event: i.id, title: i.title })),
      }),
    );
    const scores = scoresOf(
      execFileSync(process.execPath, [scorer, gold, editionFile, '--quiet'], { encoding: 'utf8' }),
    );
    const score = (name: string) => scores[name] ?? '-';
    const edition = JSON.parse(readFileSync(editionFile, 'utf8')) as EditionText;
    const signals = (kind: string) => edition.stories.filter((s) => s.signal === kind).length;
    console.log(
      [
        day,
        String(list.length).padStart(6),
        String(list.filter((i) => i.label === 2).length).padStart(7),
        String(edition.stories.length).padStart(8),
        String(edition.topLine.length).padStart(9),
        String(signals('reinforces')).padStart(11),
        String(signals('new-development')).padStart(4),
        String(signals('counter-signal')).padStart(8),
        score('noise').padStart(6),
        score('rel_f1').padStart(8),
        score('theme_f1').padStart(10),
      ].join(' '),
    );
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, `${day}.txt`), asText(day, edition));
      writeFileSync(join(keep, `${day}.edition.json`), JSON.stringify(edition, null, 2));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('* in-sample: the models were fitted on these items.');
if (keep) console.log(`editions as text and edition.json in ${keep}`);
