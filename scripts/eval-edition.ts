/**
 * `npm run eval:edition`: runs the unchanged pipeline (`briefing run`, a fresh process per day)
 * on each real news day of ../shared/corpora/news-days with article fetching off (the links point
 * at real hosts) and the clock at the next midnight UTC, scores every edition with the corpus's
 * own score-edition.mjs, and prints the scores per day and their mean, with the edition's prose
 * word count (top line, story summaries, theme paragraphs: what the email can show at most), the
 * number of sentences the edition prints twice (the top line aside: it leads a story below), and
 * the coverage again with the reference documents' picture phrases taken out of the theme
 * paragraphs (`cov_nobase`: the baseline must not convey a day's development by its words).
 * The theme score has a ceiling that the scorer's rule sets: every report of a story is scored
 * with the story's one set of themes. `ceiling` is the best theme F1 any choice of story themes
 * could reach with the edition's stories, and `gold_ceil` the same with the gold events as the
 * stories (perfect clustering): a day whose gold_ceil is below a target cannot meet it.
 * Skips with a message when ../shared is absent. `--verbose` prints each day's full score report;
 * `--day YYYY-MM-DD` (repeatable) limits the run to those days; `--keep DIR` keeps the editions.
 * Last, the bundled fictional sample day (`briefing run --offline`): its same-event pairwise F1
 * against tests/fixtures/sample-day/labels.json (`--day sample` runs only that; skipped when
 * other days are named).
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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeById } from '#domain/themes.ts';
import type { ThemeId } from '#domain/types.ts';
import { splitSentences } from '#text/sentences.ts';
import { canonicalizeUrl } from '#text/urls.ts';
import { runEdition, scoresOf } from './lib/run-edition.ts';

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

const sampleLabels = join(root, 'tests/fixtures/sample-day/labels.json');
const runSample = only.length === 0 || only.includes('sample');

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
  relevance: { tp: number };
}

interface GoldItem {
  link: string;
  label: number;
  event: string;
  themes: string[];
}

const work = mkdtempSync(join(tmpdir(), 'eval-edition-'));
const configFile = join(work, 'config.json');
writeFileSync(configFile, JSON.stringify({ fetch: { maxArticles: 0 } }));

const rows: {
  day: string;
  scores: Scores;
  words: number;
  stories: number;
  repeated: number;
  withoutBaseline: number;
  missed: string[];
  ceiling: number;
  goldCeiling: number;
}[] = [];
try {
  for (const day of days) {
    const out = keep ? join(keep, day) : join(work, day);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const editionFile = runEdition({
      feeds: join(corpus, day, 'feeds.json'),
      config: configFile,
      now: `${next}T00:00:00Z`,
      out,
    });
    const reportFile = join(work, `${day}.report.json`);
    const text = execFileSync(
      process.execPath,
      [scorer, join(corpus, day), editionFile, '--json', reportFile],
      {
        encoding: 'utf8',
      },
    );
    if (verbose) console.log(text);
    const scores = Object.fromEntries(
      Object.entries(scoresOf(text)).map(([name, value]) => [name, Number(value)]),
    ) as unknown as Scores;
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    const edition = JSON.parse(readFileSync(editionFile, 'utf8')) as EditionText;
    const ablated = join(work, `${day}.no-baseline.json`);
    writeFileSync(ablated, JSON.stringify(withoutPictures(edition)));
    const ablatedScores = scoresOf(
      execFileSync(process.execPath, [scorer, join(corpus, day), ablated], { encoding: 'utf8' }),
    );
    rows.push({
      day,
      scores,
      words: proseWords(edition),
      stories: edition.stories.length,
      repeated: repeatedSentences(edition),
      withoutBaseline: Number(ablatedScores.dev_cov ?? Number.NaN),
      missed: report.developments.missed.map((m) => `${m.id}[${m.importance}]`),
      ...themeCeilings(edition, join(corpus, day, 'gold.json'), report.relevance.tp),
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

interface EditionText {
  topLine: { text: string }[];
  stories: { summary: string; sentences: { text: string }[]; articles: { url: string }[] }[];
  themes: { id: ThemeId; summary: string }[];
}

/** The edition with each theme's picture of the reference documents blanked out of its paragraph. */
function withoutPictures(edition: EditionText): EditionText {
  return {
    ...edition,
    themes: edition.themes.map((t) => ({ ...t, summary: t.summary.replace(themeById(t.id).picture, '…') })),
  };
}

/** Sentences printed twice: in two summaries, two theme paragraphs, or a paragraph and a summary. */
function repeatedSentences(edition: EditionText): number {
  const seen = new Set<string>();
  let repeated = 0;
  const texts = [
    ...edition.stories.flatMap((s) => s.sentences.map((x) => x.text)),
    ...edition.themes.flatMap((t) =>
      t.summary.startsWith('No significant') ? [] : splitSentences(t.summary),
    ),
  ];
  for (const text of texts) {
    if (seen.has(text)) repeated++;
    seen.add(text);
  }
  return repeated;
}

/**
 * The theme F1 ceilings (see the header): the gold themes of the found label-2 reports grouped by
 * the edition's stories (a report in two stories counts under the first, as the scorer does), and
 * of every label-2 report grouped by its gold event. `found` is the scorer's count of found
 * label-2 reports, which the matching here must reproduce.
 */
function themeCeilings(
  edition: EditionText,
  goldFile: string,
  found: number,
): { ceiling: number; goldCeiling: number } {
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as { items: GoldItem[] }).items.filter(
    (i) => i.label === 2,
  );
  const byLink = new Map(gold.map((i) => [canonicalizeUrl(i.link), i]));
  const seen = new Set<string>();
  const stories = edition.stories.map((story) =>
    story.articles.flatMap((a) => {
      const item = byLink.get(canonicalizeUrl(a.url));
      if (!item || seen.has(item.link)) return [];
      seen.add(item.link);
      return [item.themes];
    }),
  );
  if (seen.size !== found)
    throw new Error(`eval:edition: matched ${seen.size} label-2 reports where the scorer found ${found}`);
  const events = new Map<string, string[][]>();
  for (const i of gold) events.set(i.event, [...(events.get(i.event) ?? []), i.themes]);
  return { ceiling: bestThemeF1(stories), goldCeiling: bestThemeF1([...events.values()]) };
}

/**
 * The highest micro-F1 of one theme set per group against each member's gold themes. Choosing
 * theme t for a group of n members, k of whom carry it, adds k true and n - k false positives;
 * F1 = 2tp / (tp + fp + gold) is a ratio, so the best choice takes t exactly when k / n > F / 2
 * for the best F, which this fixed-point iteration (Dinkelbach's) reaches in a few steps.
 */
function bestThemeF1(groups: readonly (readonly string[])[][]): number {
  let f = 0;
  for (let step = 0; step < 50; step++) {
    let tp = 0;
    let fp = 0;
    let total = 0;
    for (const members of groups) {
      const counts = new Map<string, number>();
      for (const themes of members) for (const t of themes) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const k of counts.values()) {
        total += k;
        if (k / members.length > f / 2) {
          tp += k;
          fp += members.length - k;
        }
      }
    }
    const next = total === 0 ? 0 : (2 * tp) / (tp + fp + total);
    if (Math.abs(next - f) < 1e-12) break;
    f = next;
  }
  return f;
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
console.log(
  'day         dev_cov  rel_f1  cluster_f1  theme_f1  ceiling  gold_ceil  noise  stories  words  repeated  cov_nobase  missed developments',
);
for (const r of rows) {
  const s = r.scores;
  console.log(
    `${r.day}  ${fmt(s.dev_cov)}    ${fmt(s.rel_f1)}   ${fmt(s.cluster_f1)}       ${fmt(s.theme_f1)}    ${fmt(r.ceiling)}      ${fmt(r.goldCeiling)}  ${String(s.noise).padStart(3)}  ${String(r.stories).padStart(7)}  ${String(r.words).padStart(5)}  ${String(r.repeated).padStart(8)}  ${fmt(r.withoutBaseline).padStart(10)}  ${r.missed.join(' ') || '-'}`,
  );
}
if (rows.length > 1) {
  const avg = (of: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + of(r), 0) / rows.length;
  const mean = (key: keyof Scores) => avg((r) => r.scores[key]);
  const noise = rows.reduce((a, r) => a + r.scores.noise, 0);
  const minCov = Math.min(...rows.map((r) => r.scores.dev_cov));
  console.log(
    `mean        ${fmt(mean('dev_cov'))}    ${fmt(mean('rel_f1'))}   ${fmt(mean('cluster_f1'))}       ${fmt(mean('theme_f1'))}    ${fmt(avg((r) => r.ceiling))}      ${fmt(avg((r) => r.goldCeiling))}  ${String(noise).padStart(3)}  (noise: sum; lowest dev_cov ${fmt(minCov)}; most words ${Math.max(...rows.map((r) => r.words))})`,
  );
}

if (runSample) {
  const out = keep ? join(keep, 'sample') : mkdtempSync(join(tmpdir(), 'eval-sample-'));
  try {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    execFileSync(
      process.execPath,
      [join(root, 'bin/briefing.mjs'), 'run', '--offline', '--out', out, '--quiet'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const index = JSON.parse(readFileSync(join(out, 'site', 'editions.json'), 'utf8')) as { id: string }[];
    const edition = JSON.parse(
      readFileSync(join(out, 'site', 'editions', index[0]!.id, 'edition.json'), 'utf8'),
    ) as { stories: { articles: { url: string }[] }[] };
    const labels = JSON.parse(readFileSync(sampleLabels, 'utf8')) as {
      items: { link: string; event?: string }[];
    };
    // A news search's link is a redirect to the outlet's page, which is what the edition links.
    const { redirects } = JSON.parse(readFileSync(join(dirname(sampleLabels), 'manifest.json'), 'utf8')) as {
      redirects: Record<string, string>;
    };
    const resolved = labels.items.map((i) => {
      const path = new URL(i.link.replace('__SAMPLE_BASE__', 'http://127.0.0.1')).pathname;
      const target = redirects[path];
      return target ? { ...i, link: `__SAMPLE_BASE__${target}` } : i;
    });
    const f = sameEventF1(edition, resolved);
    console.log(
      `sample day  same-event pairs: precision ${fmt(f.precision)}  recall ${fmt(f.recall)}  F1 ${fmt(f.f1)}  (${f.found}/${f.labelled} event reports found, ${edition.stories.length} stories)`,
    );
  } finally {
    if (!keep) rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Pairwise same-event precision, recall and F1 of an edition's stories against labelled events,
 * over the labelled reports the edition carries (a report in two stories counts under the
 * first), as score-edition.mjs computes it for the news days. Links are compared canonical, by
 * their path under articles/, which the sample server's base does not change.
 */
function sameEventF1(
  edition: { stories: { articles: { url: string }[] }[] },
  items: readonly { link: string; event?: string }[],
): { precision: number; recall: number; f1: number; found: number; labelled: number } {
  // Tracking parameters are stripped when items are read ("?utm_source=rss"): compare canonical links.
  const path = (url: string) =>
    canonicalizeUrl(url.replace('__SAMPLE_BASE__', 'http://127.0.0.1')).replace(/^.*?\/articles\//, '');
  const events = new Map(items.filter((i) => i.event).map((i) => [path(i.link), i.event!]));
  const storyOf = new Map<string, number>();
  edition.stories.forEach((story, s) => {
    for (const a of story.articles)
      if (events.has(path(a.url)) && !storyOf.has(path(a.url))) storyOf.set(path(a.url), s);
  });
  const found = [...storyOf.keys()];
  let same = 0;
  let gold = 0;
  let both = 0;
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++) {
      const s = storyOf.get(found[i]!) === storyOf.get(found[j]!);
      const g = events.get(found[i]!) === events.get(found[j]!);
      if (s) same++;
      if (g) gold++;
      if (s && g) both++;
    }
  const precision = same === 0 ? 1 : both / same;
  const recall = gold === 0 ? 1 : both / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, found: found.length, labelled: events.size };
}
