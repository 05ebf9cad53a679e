/**
 * `npm run eval:edition`: runs the unchanged pipeline (`briefing run`, a fresh process per day)
 * on each real news day of ../shared/corpora/news-days with article fetching off (the links point
 * at real hosts) and the clock at the next midnight UTC, scores every edition with the corpus's
 * own score-edition.mjs, and prints the scores per day and their mean, with the edition's prose
 * word count (top line, story summaries, theme paragraphs: what the email can show at most).
 * Skips with a message when ../shared is absent. `--verbose` prints each day's full score report;
 * `--day YYYY-MM-DD` (repeatable) limits the run to those days; `--keep DIR` keeps the editions.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpus = resolve(root, '../shared/corpora/news-days');
const scorer = join(corpus, 'score-edition.mjs');
if (!existsSync(scorer)) {
  console.log(`eval:edition skipped: ${corpus} is absent`);
  process.exit(0);
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.flatMap((a, i) => (a === '--day' && args[i + 1] ? [args[i + 1]!] : []));
const keepIndex = args.indexOf('--keep');
const keep = keepIndex >= 0 ? resolve(args[keepIndex + 1] ?? '.scratch/editions') : undefined;

const days = readdirSync(corpus)
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && existsSync(join(corpus, d, 'gold.json')))
  .filter((d) => only.length === 0 || only.includes(d))
  .sort();

interface Scores {
  dev_cov: number;
  rel_f1: number;
  cluster_f1: number;
  theme_f1: number;
  noise: number;
}

interface Report {
  developments: { missed: { id: string; importance: number }[] };
}

const work = mkdtempSync(join(tmpdir(), 'eval-edition-'));
const configFile = join(work, 'config.json');
writeFileSync(configFile, JSON.stringify({ fetch: { maxArticles: 0 } }));

const rows: { day: string; scores: Scores; words: number; stories: number; missed: string[] }[] = [];
try {
  for (const day of days) {
    const out = keep ? join(keep, day) : join(work, day);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    execFileSync(
      process.execPath,
      [
        join(root, 'bin/briefing.mjs'),
        'run',
        '--feeds',
        join(corpus, day, 'feeds.json'),
        '--config',
        configFile,
        '--now',
        `${next}T00:00:00Z`,
        '--out',
        out,
        '--quiet',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    // The CLI writes the published site under <out>/site/ (private state beside it, in state/).
    const index = JSON.parse(readFileSync(join(out, 'site', 'editions.json'), 'utf8')) as { id: string }[];
    const editionFile = join(out, 'site', 'editions', index[0]!.id, 'edition.json');
    const reportFile = join(work, `${day}.report.json`);
    const text = execFileSync(
      process.execPath,
      [scorer, join(corpus, day), editionFile, '--json', reportFile],
      {
        encoding: 'utf8',
      },
    );
    if (verbose) console.log(text);
    const line = text.trim().split('\n').at(-1) ?? '';
    const scores = Object.fromEntries(
      [...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]),
    ) as unknown as Scores;
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    const edition = JSON.parse(readFileSync(editionFile, 'utf8')) as EditionText;
    rows.push({
      day,
      scores,
      words: proseWords(edition),
      stories: edition.stories.length,
      missed: report.developments.missed.map((m) => `${m.id}[${m.importance}]`),
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

interface EditionText {
  topLine: { text: string }[];
  stories: { summary: string }[];
  themes: { summary: string }[];
}

/** Words of prose an edition can put in front of a reader. */
function proseWords(edition: EditionText): number {
  const texts = [
    ...edition.topLine.map((t) => t.text),
    ...edition.stories.map((s) => s.summary),
    ...edition.themes.map((t) => t.summary),
  ];
  return texts.join(' ').split(/\s+/).filter(Boolean).length;
}

const fmt = (x: number) => x.toFixed(3);
console.log('day         dev_cov  rel_f1  cluster_f1  theme_f1  noise  stories  words  missed developments');
for (const r of rows) {
  const s = r.scores;
  console.log(
    `${r.day}  ${fmt(s.dev_cov)}    ${fmt(s.rel_f1)}   ${fmt(s.cluster_f1)}       ${fmt(s.theme_f1)}     ${String(s.noise).padStart(3)}  ${String(r.stories).padStart(7)}  ${String(r.words).padStart(5)}  ${r.missed.join(' ') || '-'}`,
  );
}
if (rows.length > 1) {
  const mean = (key: keyof Scores) => rows.reduce((a, r) => a + r.scores[key], 0) / rows.length;
  const noise = rows.reduce((a, r) => a + r.scores.noise, 0);
  const minCov = Math.min(...rows.map((r) => r.scores.dev_cov));
  console.log(
    `mean        ${fmt(mean('dev_cov'))}    ${fmt(mean('rel_f1'))}   ${fmt(mean('cluster_f1'))}       ${fmt(mean('theme_f1'))}     ${String(noise).padStart(3)}  (noise: sum; lowest dev_cov ${fmt(minCov)}; most words ${Math.max(...rows.map((r) => r.words))})`,
  );
}
