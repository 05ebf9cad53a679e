/**
 * `npm run eval:relevance`: the relevance and theme models measured on data they were not
 * fitted to.
 *
 *  1. 10-fold cross-validation on ../shared/corpora/relevance-train, folds of consecutive days
 *     (the whole training procedure, calibration included, is refitted without each fold):
 *     precision/recall/F1 of label 2 against label 0, the share of label 1 marked relevant,
 *     the false-positive rate per negative kind, per-language figures, theme micro-F1 and
 *     per-theme figures on label-2 items, a reliability table of the score, and the errors by
 *     kind. With `--ablation`, the same with word n-grams switched on (the ablation behind
 *     their absence). Then Polish held out entirely (fitted on the other items, scored on Polish): what a
 *     language without training data gets from the lexicon alone.
 *  2. The development set (../shared/corpora/relevance-dev), classified by the committed model
 *     and scored by the corpus's own score.mjs, beside the keyword baseline, with the speed of
 *     both (CPU time: warm, and the first pass of first use).
 *  3. The labelled news days (../shared/corpora/news-days/<day>/gold.json): recall of label-2
 *     items and the items marked relevant that are not label 1 or 2, per day and for Polish.
 *
 * Skips each part with a message when its corpus is absent. `--verbose` lists every error;
 * `--dev-only` runs part 2 alone (what `npm run bench` reports).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { pairOnlyInBackdrop } from '#analyse/features.ts';
import { sigmoid } from '#analyse/fit-logistic.ts';
import { capBackdropPair } from '#analyse/relevance-model.ts';
import { indicatedThemes, pickThemes } from '#analyse/themes.ts';
import {
  dateFolds,
  linearScore,
  type Prepared,
  prepareItems,
  TRAIN_CONFIG,
  type TrainConfig,
  type TrainedModels,
  trainPrepared,
} from '#analyse/train-model.ts';
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import {
  type CorpusItem,
  DEV_DIR,
  DEV_FILE,
  normaliseLink,
  ROOT,
  readCorpus,
  TRAIN_FILE,
} from './relevance-corpus.ts';

const verbose = process.argv.includes('--verbose');
const FOLDS = 10;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');

interface Prediction {
  score: number;
  relevant: boolean;
  themes: ThemeId[];
}

/** Scores one prepared item with fitted parameters, as classifyItem does with the committed ones. */
function predict(models: TrainedModels, p: Prepared): Prediction {
  const weights = new Map(Object.entries(models.relevance.weights));
  const logit = linearScore({ bias: models.relevance.bias, weights }, p.relevance);
  const fitted = sigmoid(models.relevance.calibration.scale * logit + models.relevance.calibration.shift);
  const { probability } = capBackdropPair(fitted, pairOnlyInBackdrop(p.reading), models.relevance.threshold);
  const score = Math.round(probability * 1000) / 1000;
  const relevant = score >= models.relevance.threshold;
  const indicated = indicatedThemes(p.themes);
  const candidates = THEME_IDS.map((id) => {
    const m = models.themes.themes[id];
    const weights = new Map(Object.entries(m.weights));
    const probability = sigmoid(linearScore({ bias: m.bias, weights }, p.themes));
    return { id, probability, indicated: indicated.has(id) };
  });
  return { score, relevant, themes: pickThemes(candidates, relevant, models.themes) };
}

/** Out-of-fold predictions: the whole training procedure refitted without each fold. */
function crossValidate(
  items: readonly CorpusItem[],
  config: TrainConfig,
  folds: readonly number[],
): Prediction[] {
  const prepared = prepareItems(items, config);
  const out = new Array<Prediction>(items.length);
  for (let f = 0; f < FOLDS; f++) {
    const models = trainPrepared(
      prepared.filter((_, i) => folds[i] !== f),
      config,
    );
    prepared.forEach((p, i) => {
      if (folds[i] === f) out[i] = predict(models, p);
    });
  }
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function relevanceCounts(items: readonly CorpusItem[], preds: readonly Prediction[]): Counts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  items.forEach((item, i) => {
    const rel = preds[i]!.relevant;
    if (item.label === 2) rel ? c.tp++ : c.fn++;
    else if (item.label === 0) rel ? c.fp++ : c.tn++;
  });
  return c;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  return { p, r, f1: (2 * p * r) / (p + r) };
}

function themeCounts(items: readonly CorpusItem[], preds: readonly Prediction[]) {
  const per = new Map<ThemeId, Counts>(THEME_IDS.map((t) => [t, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  const all = { tp: 0, fp: 0, fn: 0, tn: 0 };
  items.forEach((item, i) => {
    if (item.label !== 2) return;
    const predicted = preds[i]!.themes;
    for (const t of predicted) {
      const hit = item.themes.includes(t);
      hit ? all.tp++ : all.fp++;
      hit ? per.get(t)!.tp++ : per.get(t)!.fp++;
    }
    for (const t of item.themes) {
      if (predicted.includes(t)) continue;
      all.fn++;
      per.get(t)!.fn++;
    }
  });
  return { all, per };
}

function printRelevance(label: string, items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  const c = relevanceCounts(items, preds);
  const { p, r, f1 } = prf(c);
  const borderline = items.filter((x) => x.label === 1);
  const marked = borderline.filter((x) => preds[items.indexOf(x)]!.relevant).length;
  console.log(
    `${label}: P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn}); label 1 marked relevant ${marked}/${borderline.length} (${pct(marked / borderline.length)})`,
  );
}

function printByNegativeKind(items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  const kinds = new Map<string, { fp: number; n: number }>();
  items.forEach((item, i) => {
    if (item.label !== 0) return;
    const kind = item.negative_type ?? 'unknown';
    const k = kinds.get(kind) ?? { fp: 0, n: 0 };
    k.n++;
    if (preds[i]!.relevant) k.fp++;
    kinds.set(kind, k);
  });
  console.log('  false-positive rate by negative kind:');
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].n - a[1].n)) {
    console.log(
      `    ${kind.padEnd(12)} ${String(k.fp).padStart(3)}/${String(k.n).padEnd(4)} ${pct(k.fp / k.n)}`,
    );
  }
}

function printByLanguage(items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  const languages = [...new Set(items.map((x) => x.language ?? 'unknown'))];
  console.log('  by language (feed tag):');
  for (const language of languages) {
    const idx = items.map((x, i) => ((x.language ?? 'unknown') === language ? i : -1)).filter((i) => i >= 0);
    const sub = idx.map((i) => items[i]!);
    const subPreds = idx.map((i) => preds[i]!);
    const c = relevanceCounts(sub, subPreds);
    const { p, r, f1 } = prf(c);
    const t = themeCounts(sub, subPreds).all;
    const tf = prf(t).f1;
    console.log(
      `    ${language.padEnd(8)} n=${String(sub.length).padEnd(5)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  label-0 FPR ${pct(c.fp / (c.fp + c.tn))}  theme F1 ${fmt(tf)}`,
    );
  }
}

function printThemes(items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  const { all, per } = themeCounts(items, preds);
  const { p, r, f1 } = prf(all);
  console.log(
    `  themes on label-2 items (micro): P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`,
  );
  for (const [id, c] of per) {
    const x = prf(c);
    console.log(`    ${id.padEnd(20)} gold ${String(c.tp + c.fn).padStart(3)}  P ${fmt(x.p)}  R ${fmt(x.r)}`);
  }
  if (!verbose) return;
  // Every theme error of a label-2 item: what the model said beside what the annotators did.
  items.forEach((x, i) => {
    if (x.label !== 2 || !preds[i]!.relevant) return;
    const said = preds[i]!.themes;
    const gold = x.themes ?? [];
    const extra = said.filter((t) => !gold.includes(t));
    const missed = gold.filter((t) => !said.includes(t));
    if (extra.length + missed.length === 0) return;
    console.log(`      theme ${x.id} +[${extra.join(' ')}] -[${missed.join(' ')}] ${x.title.slice(0, 90)}`);
  });
}

/** In each score bin: how many items, their mean score, and the share that is label 2 (label 1 left out). */
function printReliability(items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  console.log('  reliability (labels 0 and 2): bin, items, mean score, share relevant');
  for (let b = 0; b < 10; b++) {
    const lo = b / 10;
    const hi = (b + 1) / 10;
    const inBin = items
      .map((x, i) => ({ x, s: preds[i]!.score }))
      .filter(({ x, s }) => x.label !== 1 && s >= lo && (s < hi || (b === 9 && s <= 1)));
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((sum, e) => sum + e.s, 0) / inBin.length;
    const share = inBin.filter((e) => e.x.label === 2).length / inBin.length;
    console.log(
      `    ${lo.toFixed(1)}-${hi.toFixed(1)}  ${String(inBin.length).padStart(5)}  ${mean.toFixed(3)}  ${share.toFixed(3)}`,
    );
  }
  const near = items.filter((x, i) => x.label !== 1 && Math.abs(preds[i]!.score - 0.5) < 0.05).length;
  console.log(`  scores within 0.05 of the threshold: ${near}`);
}

function printErrors(items: readonly CorpusItem[], preds: readonly Prediction[]): void {
  const errors = items
    .map((x, i) => ({ x, p: preds[i]! }))
    .filter(({ x, p }) => x.label !== 1 && p.relevant !== (x.label === 2));
  const byKind = new Map<string, typeof errors>();
  for (const e of errors) {
    const kind =
      e.x.label === 2
        ? `false negative (${e.x.language ?? '?'})`
        : `false positive: ${e.x.negative_type ?? '?'}`;
    byKind.set(kind, [...(byKind.get(kind) ?? []), e]);
  }
  console.log('  errors by kind (label 1 excluded):');
  for (const [kind, list] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    ${kind}: ${list.length}`);
    for (const e of list.slice(0, verbose ? list.length : 3))
      console.log(`      ${e.x.id} ${e.p.score.toFixed(3)} ${e.x.title.slice(0, 100)}`);
  }
}

function crossValidation(train: CorpusItem[]): void {
  const folds = dateFolds(train, FOLDS);
  console.log(
    `== Cross-validation on relevance-train (${train.length} items, ${FOLDS} folds of consecutive days)`,
  );
  const started = process.cpuUsage();
  const preds = crossValidate(train, TRAIN_CONFIG, folds);
  const cpu = process.cpuUsage(started);
  printRelevance('relevance (label 2 vs 0)', train, preds);
  printByNegativeKind(train, preds);
  printByLanguage(train, preds);
  printThemes(train, preds);
  printReliability(train, preds);
  printErrors(train, preds);
  console.log(`  (${FOLDS} refits in ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);

  if (process.argv.includes('--ablation')) {
    console.log('\n== Ablation: the same cross-validation with word n-grams (relevance and themes)');
    const withNgrams: TrainConfig = {
      ...TRAIN_CONFIG,
      relevance: { ...TRAIN_CONFIG.relevance, ngrams: true },
      themes: { ...TRAIN_CONFIG.themes, ngrams: true },
    };
    const ngramPreds = crossValidate(train, withNgrams, folds);
    printRelevance('relevance with n-grams', train, ngramPreds);
    printThemes(train, ngramPreds);
  }

  console.log(
    '\n== A language without training data: Polish held out (fitted on the other items, scored on Polish)',
  );
  const isPolish = (x: CorpusItem) => x.language === 'pl';
  const polishFolds = train.map((x) => (isPolish(x) ? 0 : 1));
  const heldOut = crossValidateSplit(train, polishFolds);
  const polish = train.filter(isPolish);
  const polishPreds = train.map((_, i) => heldOut[i]).filter((_, i) => isPolish(train[i]!)) as Prediction[];
  printRelevance('Polish, lexicon only', polish, polishPreds);
  printThemes(polish, polishPreds);
  console.log(
    '  Russian, Ukrainian, Chinese, German, French and Spanish have no training data: they are covered by their lexicon features (entities, relation words, theme indicators) with the weights learned from English and Polish.',
  );
}

/** Fits on the items of fold 1, predicts those of fold 0. */
function crossValidateSplit(
  items: readonly CorpusItem[],
  folds: readonly number[],
): (Prediction | undefined)[] {
  const prepared = prepareItems(items, TRAIN_CONFIG);
  const models = trainPrepared(
    prepared.filter((_, i) => folds[i] === 1),
    TRAIN_CONFIG,
  );
  return prepared.map((p, i) => (folds[i] === 0 ? predict(models, p) : undefined));
}

/** The keyword baseline of the corpus README: a China term and a Russia term anywhere. */
const CHINA_TERM = /china|chinese|beijing|xi jinping|\bxi\b|китай|пекин|си цзиньпин|中国|北京|习近平/iu;
const RUSSIA_TERM = /russia|russian|moscow|kremlin|putin|росси|москв|кремл|путин|俄罗斯|普京|莫斯科/iu;

function classifyBaseline(item: CorpusItem) {
  const text = `${item.title} ${item.summary ?? ''}`;
  const relevant = CHINA_TERM.test(text) && RUSSIA_TERM.test(text);
  return { relevant, score: relevant ? 1 : 0, themes: relevant ? ['alliance-diplomacy'] : [] };
}

function classifyOurs(item: CorpusItem) {
  const { relevant, score, themes, reasons } = classifyItem(item);
  return { relevant, score, themes, reasons };
}

/** CPU seconds `run` takes (every thread of the process: the optimising compiler's included). */
function cpuSeconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(started);
  return (cpu.user + cpu.system) / 1e6;
}

/** Passes over the set before the warm figure: enough for the optimising compiler to be done. */
const WARM_UP_PASSES = 50;
const MEASURED_PASSES = 50;

/**
 * CPU time per item: the first pass over the set (the first use of `classify` in this process:
 * cue words compiled, code interpreted and then optimised, what a Lambda's run pays at its
 * start), and warm, after WARM_UP_PASSES. Twenty passes after one used to mix the two, mostly
 * the optimising compiler's work.
 */
function measure<T>(items: readonly CorpusItem[], classify: (item: CorpusItem) => T) {
  let rows: (T & { id: string })[] = [];
  const pass = () => {
    rows = items.map((item) => ({ id: item.id, ...classify(item) }));
  };
  const first = cpuSeconds(pass);
  for (let r = 0; r < WARM_UP_PASSES; r++) pass();
  const warm = cpuSeconds(() => {
    for (let r = 0; r < MEASURED_PASSES; r++) pass();
  });
  const n = MEASURED_PASSES * items.length;
  return {
    rows,
    firstMicrosPerItem: (first * 1e6) / items.length,
    microsPerItem: (warm * 1e6) / n,
    itemsPerSecond: n / warm,
  };
}

/** The speed line of one classifier. */
function speedLine(m: ReturnType<typeof measure>): string {
  return `speed: ${m.microsPerItem.toFixed(1)} µs/item CPU warm, ${Math.round(m.itemsPerSecond).toLocaleString('en')} items/s; first pass ${m.firstMicrosPerItem.toFixed(1)} µs/item CPU`;
}

/**
 * The development set classified by ours and by the baseline, with their speed. Run before
 * anything else in the process, as a Lambda's classifier runs: after the cross-validation's fits
 * the heap is large and the classifier's code is compiled for the training code's inputs too.
 */
function classifyDevelopmentSet() {
  const dev = readCorpus(DEV_FILE);
  if (!dev || !existsSync(join(DEV_DIR, 'score.mjs'))) return undefined;
  return { dev, ours: measure(dev, classifyOurs), baseline: measure(dev, classifyBaseline) };
}

function developmentSet(classified: ReturnType<typeof classifyDevelopmentSet>): void {
  if (!classified) {
    console.log(`\n== development set skipped: ${DEV_DIR} is absent`);
    return;
  }
  const { dev, ours, baseline } = classified;
  const outDir = join(ROOT, '.bench');
  mkdirSync(outDir, { recursive: true });
  const score = (file: string, rows: object[]) => {
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return execFileSync(process.execPath, [join(DEV_DIR, 'score.mjs'), file, DEV_FILE], {
      encoding: 'utf8',
    }).trim();
  };
  console.log(`\n== Briefing classifier on the development set (${dev.length} items, committed model)`);
  console.log(score(join(outDir, 'relevance-predictions.jsonl'), ours.rows));
  const preds = ours.rows.map((r) => ({ score: r.score, relevant: r.relevant, themes: r.themes }));
  printReliability(dev, preds);
  console.log(speedLine(ours));
  console.log('\n== Baseline: mentions a China term and a Russia term');
  console.log(score(join(outDir, 'relevance-baseline-predictions.jsonl'), baseline.rows));
  console.log(speedLine(baseline));
  if (verbose) {
    console.log('\n== Misjudged development items (label 1 excluded)');
    dev.forEach((item, i) => {
      const row = ours.rows[i]!;
      if (item.label === 1 || row.relevant === (item.label === 2)) return;
      console.log(`${item.id} label=${item.label} score=${row.score} | ${item.title}`);
      for (const reason of row.reasons) console.log(`    ${reason}`);
    });
  }
}

interface GoldDay {
  items: { link: string; label: number; title: string; file: string; themes: ThemeId[] }[];
}

async function newsDays(): Promise<void> {
  const base = resolve(ROOT, '../shared/corpora/news-days');
  if (!existsSync(base)) {
    console.log(`\n== news days skipped: ${base} is absent`);
    return;
  }
  console.log('\n== Labelled news days (feed text only; label 1 counts neither way)');
  for (const day of readdirSync(base).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    const goldFile = join(base, day, 'gold.json');
    if (!existsSync(goldFile)) continue;
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldDay;
    const labels = new Map(gold.items.map((g) => [normaliseLink(g.link), g.label]));
    const goldThemes = new Map(gold.items.map((g) => [normaliseLink(g.link), g.themes]));
    const themeCount = { tp: 0, fp: 0, fn: 0, tn: 0 };
    const feeds = JSON.parse(readFileSync(join(base, day, 'feeds.json'), 'utf8')) as { url: string }[];
    let found = 0;
    let relevantGold = 0;
    let extra = 0;
    let seen = 0;
    let polishGold = 0;
    let polishFound = 0;
    const missed: string[] = [];
    for (const feed of feeds) {
      let parsed: Awaited<ReturnType<typeof parseFeed>>;
      try {
        parsed = await parseFeed(readFileSync(join(base, day, feed.url)));
      } catch {
        continue;
      }
      for (const item of parsed.items) {
        seen++;
        const label = labels.get(normaliseLink(item.link)) ?? 0;
        const c = classifyItem({
          title: item.title,
          summary: item.summary,
          language: item.language ?? parsed.language,
        });
        const polish = c.language === 'pl';
        if (label === 2) {
          const expected = goldThemes.get(normaliseLink(item.link)) ?? [];
          for (const t of c.themes) expected.includes(t) ? themeCount.tp++ : themeCount.fp++;
          for (const t of expected) if (!c.themes.includes(t)) themeCount.fn++;
          relevantGold++;
          if (polish) polishGold++;
          if (c.relevant) {
            found++;
            if (polish) polishFound++;
          } else missed.push(`${c.score.toFixed(3)} ${item.title.slice(0, 90)}`);
        } else if (label === 0 && c.relevant) extra++;
      }
    }
    console.log(
      `  ${day}: ${seen} items; label 2 found ${found}/${relevantGold} (recall ${fmt(found / relevantGold)}), Polish ${polishFound}/${polishGold}; label-0 items marked relevant ${extra}; theme micro-F1 on label-2 items ${fmt(prf(themeCount).f1)}`,
    );
    for (const m of missed.slice(0, verbose ? missed.length : 3)) console.log(`      missed ${m}`);
  }
}

const devOnly = process.argv.includes('--dev-only');
const development = classifyDevelopmentSet();
const train = devOnly ? undefined : readCorpus(TRAIN_FILE);
if (train) crossValidation(train);
else if (!devOnly) console.log(`== cross-validation skipped: ${TRAIN_FILE} is absent`);
developmentSet(development);
if (!devOnly) await newsDays();
