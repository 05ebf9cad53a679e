/**
 * Fitting the relevance and theme models from labelled items (the relevance-train corpus) and
 * cross-validating them with folds split by date. Pure and deterministic: the same items give
 * the same parameters, byte for byte once rounded, which is how the committed model files are
 * checked against a fresh fit.
 *
 * Relevance: logistic regression of "label 2" on the lexicon and context features of
 * features.ts. Label 1 (borderline) counts as a soft 0.5 at half weight. Word n-grams are an
 * option (`ngrams`): cross-validated by date they add nothing over the lexicon features (the
 * eval prints both), and without them the model reads every language the same way. The score
 * is calibrated by Platt scaling of out-of-fold logits from an inner cross-validation.
 *
 * Themes: one logistic regression per theme on the label-1/2 items, from the theme indicators
 * and who else is named (positives up-weighted by the square root of the class ratio, so thin themes are not drowned;
 * the theme's own indicators start from a prior weight of +1 instead of 0: knowledge that
 * holds where a theme has few examples and yields where the examples disagree);
 * an item takes the themes whose probability reaches the threshold, at most three, and at least
 * the most probable one when it is relevant.
 */
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import {
  extractFeatures,
  extractThemeFeatures,
  type FeatureOptions,
  type Reading,
  readItem,
} from './features.ts';
import { type Example, type FitOptions, fitLogistic, type LinearModel } from './fit-logistic.ts';

export interface LabelledItem {
  id: string;
  title: string;
  summary?: string;
  language?: string;
  published?: string;
  label: 0 | 1 | 2;
  themes: ThemeId[];
}

export interface TrainConfig {
  relevance: FitOptions & { ngrams: boolean; borderlineWeight: number };
  themes: FitOptions & { ngrams: boolean; balance: number; indicatorPrior: number };
  /** Folds of the inner cross-validation that calibrates the relevance score. */
  calibrationFolds: number;
  threshold: number;
  themeThreshold: number;
  /** The probability the broad theme needs to join a more probable one (see ThemeParameters). */
  broadSecondaryThreshold: number;
  maxThemes: number;
}

export const TRAIN_CONFIG: TrainConfig = {
  relevance: { l2: 0.001, iterations: 150, minCount: 2, ngrams: false, borderlineWeight: 0.5 },
  themes: { l2: 0.003, iterations: 150, minCount: 2, ngrams: false, balance: 0.5, indicatorPrior: 1.5 },
  calibrationFolds: 5,
  threshold: 0.5,
  themeThreshold: 0.4,
  // Chosen on the development set (0.6-0.9 tried), confirmed on the four news days; see README.
  broadSecondaryThreshold: 0.8,
  maxThemes: 3,
};

/** The fitted parameters: the relevance model as stored in model/relevance.json. */
export interface RelevanceParameters {
  bias: number;
  weights: Record<string, number>;
  calibration: { scale: number; shift: number };
  threshold: number;
}

export interface ThemeParameters {
  threshold: number;
  /**
   * Beside a more probable theme, the broad one (partnership and summitry, which every report
   * that mentions a visit touches) needs this probability: an analysis of the two sides'
   * imbalance that mentions the visit is about the imbalance.
   */
  broadSecondaryThreshold: number;
  maxThemes: number;
  themes: Record<ThemeId, { bias: number; weights: Record<string, number> }>;
}

/**
 * The theme models as stored in model/themes.json: one row per feature with its weight in each
 * theme (the order of `themes`, 0 where a theme has none), so a feature's name is written once,
 * not once per theme (the file ships in the digest bundle), and a diff shows a feature's weights
 * side by side.
 */
export interface ThemeModelFile {
  threshold: number;
  broadSecondaryThreshold: number;
  maxThemes: number;
  themes: ThemeId[];
  biases: number[];
  weights: Record<string, number[]>;
}

export interface TrainedModels {
  relevance: RelevanceParameters;
  themes: ThemeParameters;
}

export interface Prepared {
  item: LabelledItem;
  reading: Reading;
  relevance: ReadonlyMap<string, number>;
  themes: ReadonlyMap<string, number>;
}

/** Reads every item once: features are computed here and reused by every fold. */
export function prepareItems(items: readonly LabelledItem[], config: TrainConfig = TRAIN_CONFIG): Prepared[] {
  const relevance: FeatureOptions = { ngrams: config.relevance.ngrams };
  const themes: FeatureOptions = { ngrams: config.themes.ngrams };
  return items.map((item) => {
    const reading = readItem(item);
    const context = extractFeatures(reading, relevance);
    return {
      item,
      reading,
      relevance: context.values,
      themes: extractThemeFeatures(reading, themes, relevance.ngrams ? undefined : context).values,
    };
  });
}

const targetOf = (item: LabelledItem) => (item.label === 2 ? 1 : item.label === 1 ? 0.5 : 0);

function relevanceExamples(items: readonly Prepared[], config: TrainConfig): Example[] {
  return items.map((p) => ({
    values: p.relevance,
    target: targetOf(p.item),
    weight: p.item.label === 1 ? config.relevance.borderlineWeight : 1,
  }));
}

export function linearScore(model: LinearModel, values: ReadonlyMap<string, number>): number {
  let z = model.bias;
  for (const [name, v] of values) z += (model.weights.get(name) ?? 0) * v;
  return z;
}

/** Platt scaling: p = sigmoid(scale * logit + shift), fitted to (logit, target) pairs. */
function fitPlatt(pairs: readonly { logit: number; target: number; weight: number }[]): {
  scale: number;
  shift: number;
} {
  const model = fitLogistic(
    pairs.map((p) => ({ values: new Map([['logit', p.logit]]), target: p.target, weight: p.weight })),
    { l2: 0, iterations: 100, minCount: 1 },
  );
  return { scale: model.weights.get('logit') ?? 1, shift: model.bias };
}

/**
 * Folds of consecutive days with about equal numbers of items, so that one event's reports stay
 * in one fold. Items without a date go to the fold of their position in the input.
 */
export function dateFolds(items: readonly { published?: string }[], k: number): number[] {
  const order = items
    .map((item, i) => ({ i, day: (item.published ?? '').slice(0, 10) || `~${String(i).padStart(6, '0')}` }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
  const folds = new Array<number>(items.length).fill(0);
  const size = items.length / k;
  let fold = 0;
  let inFold = 0;
  for (let n = 0; n < order.length; n++) {
    const { i, day } = order[n]!;
    const previousDay = order[n - 1]?.day;
    // Move on only at a day boundary, once this fold is full.
    if (inFold >= size && day !== previousDay && fold < k - 1) {
      fold++;
      inFold = 0;
    }
    folds[i] = fold;
    inFold++;
  }
  return folds;
}

function fitRelevanceCore(items: readonly Prepared[], config: TrainConfig): LinearModel {
  return fitLogistic(relevanceExamples(items, config), config.relevance);
}

/** Out-of-fold logits of the relevance model: each item scored by a model fitted without its fold. */
export function outOfFoldLogits(
  items: readonly Prepared[],
  folds: readonly number[],
  config: TrainConfig,
): number[] {
  const k = Math.max(...folds) + 1;
  const logits = new Array<number>(items.length).fill(0);
  for (let f = 0; f < k; f++) {
    const model = fitRelevanceCore(
      items.filter((_, i) => folds[i] !== f),
      config,
    );
    items.forEach((p, i) => {
      if (folds[i] === f) logits[i] = linearScore(model, p.relevance);
    });
  }
  return logits;
}

function fitRelevance(items: readonly Prepared[], config: TrainConfig): RelevanceParameters {
  const inner = dateFolds(
    items.map((p) => p.item),
    config.calibrationFolds,
  );
  const logits = outOfFoldLogits(items, inner, config);
  const calibration = fitPlatt(
    items.map((p, i) => ({
      logit: logits[i]!,
      target: targetOf(p.item),
      weight: p.item.label === 1 ? config.relevance.borderlineWeight : 1,
    })),
  );
  const model = fitRelevanceCore(items, config);
  return {
    bias: round(model.bias),
    weights: roundedRecord(model.weights),
    calibration: { scale: round(calibration.scale), shift: round(calibration.shift) },
    threshold: config.threshold,
  };
}

function fitThemes(items: readonly Prepared[], config: TrainConfig): ThemeParameters {
  const themed = items.filter((p) => p.item.label > 0 && p.item.themes.length > 0);
  const themes = {} as ThemeParameters['themes'];
  for (const id of THEME_IDS) {
    const positives = themed.filter((p) => p.item.themes.includes(id)).length;
    const up = ((themed.length - positives) / Math.max(positives, 1)) ** config.themes.balance;
    const model = fitLogistic(
      themed.map((p) => {
        const on = p.item.themes.includes(id);
        return { values: p.themes, target: on ? 1 : 0, weight: on ? up : 1 };
      }),
      {
        ...config.themes,
        prior: (name) => (name.startsWith(`ind:${id}:`) ? config.themes.indicatorPrior : 0),
      },
    );
    themes[id] = { bias: round(model.bias), weights: roundedRecord(model.weights) };
  }
  return {
    threshold: config.themeThreshold,
    broadSecondaryThreshold: config.broadSecondaryThreshold,
    maxThemes: config.maxThemes,
    themes,
  };
}

/** Fits both models on all the items. */
export function trainModels(
  items: readonly LabelledItem[],
  config: TrainConfig = TRAIN_CONFIG,
): TrainedModels {
  const prepared = prepareItems(items, config);
  return { relevance: fitRelevance(prepared, config), themes: fitThemes(prepared, config) };
}

/** Fits on some prepared items (for cross-validation). */
export function trainPrepared(items: readonly Prepared[], config: TrainConfig = TRAIN_CONFIG): TrainedModels {
  return { relevance: fitRelevance(items, config), themes: fitThemes(items, config) };
}

/**
 * Weights are stored to three decimals, and those under 0.005 dropped: finer ones move no score by
 * a printed digit, and the model ships inside the digest bundle, which has a size budget.
 */
const PRECISION = 1e3;
const MIN_WEIGHT = 0.005;
function round(x: number): number {
  return Math.round(x * PRECISION) / PRECISION;
}

function roundedRecord(weights: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of [...weights.keys()].sort()) {
    const w = round(weights.get(name) ?? 0);
    if (Math.abs(w) >= MIN_WEIGHT) out[name] = w;
  }
  return out;
}
