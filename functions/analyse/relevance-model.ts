/**
 * Scoring with the fitted parameters of model/relevance.json and model/themes.json, and the
 * explanation of every decision: the strongest features with their weights (logit units), plus
 * the rest and the baseline, so the listed weights add up to the model's logit.
 */
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import type { Features } from './features.ts';
import { sigmoid } from './fit-logistic.ts';
import relevanceFile from './model/relevance.json' with { type: 'json' };
import themesFile from './model/themes.json' with { type: 'json' };
import type { RelevanceParameters, ThemeModelFile, ThemeParameters } from './train-model.ts';

export const RELEVANCE_PARAMETERS = relevanceFile as RelevanceParameters;
const THEME_FILE = themesFile as ThemeModelFile;
if (THEME_FILE.themes.join() !== THEME_IDS.join())
  throw new Error(`model/themes.json: themes ${THEME_FILE.themes.join()} are not ${THEME_IDS.join()}`);

/** The theme models' stored form, from the fitted parameters (`npm run train:relevance`). */
export function themeModelFile(params: ThemeParameters): ThemeModelFile {
  const names = [...new Set(THEME_IDS.flatMap((id) => Object.keys(params.themes[id].weights)))].sort();
  return {
    threshold: params.threshold,
    broadSecondaryThreshold: params.broadSecondaryThreshold,
    maxThemes: params.maxThemes,
    themes: [...THEME_IDS],
    biases: THEME_IDS.map((id) => params.themes[id].bias),
    weights: Object.fromEntries(
      names.map((n) => [n, THEME_IDS.map((id) => params.themes[id].weights[n] ?? 0)]),
    ),
  };
}

/** The fitted parameters, from their stored form. */
export function themeParametersOf(file: ThemeModelFile): ThemeParameters {
  const themes = {} as ThemeParameters['themes'];
  file.themes.forEach((id, t) => {
    const weights: Record<string, number> = {};
    for (const [name, row] of Object.entries(file.weights)) if (row[t] !== 0) weights[name] = row[t]!;
    themes[id] = { bias: file.biases[t]!, weights };
  });
  const { threshold, broadSecondaryThreshold, maxThemes } = file;
  return { threshold, broadSecondaryThreshold, maxThemes, themes };
}

export const THEME_PARAMETERS = themeParametersOf(THEME_FILE);

/** How many features a reason list names before it sums up the rest. */
const MAX_REASONS = 6;
const MIN_REASON_WEIGHT = 0.05;

export interface Contribution {
  name: string;
  weight: number;
  evidence?: string;
}

export interface Scored {
  logit: number;
  probability: number;
  /** Every non-zero contribution, strongest first. */
  contributions: Contribution[];
  bias: number;
}

/** A feature's weight in one model (undefined or 0: none). */
type WeightOf = (name: string) => number | undefined;

function contributionsOf(weightOf: WeightOf, features: Features): Contribution[] {
  const out: Contribution[] = [];
  for (const [name, value] of features.values) {
    const w = weightOf(name);
    if (w === undefined || w === 0) continue;
    out.push({ name, weight: w * value, evidence: features.evidence.get(name) });
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.name < b.name ? -1 : 1));
}

/**
 * The committed relevance weights as a map: looking a computed name up among a large object's
 * properties costs a string-table search per feature.
 */
const RELEVANCE_WEIGHTS = new Map(Object.entries(RELEVANCE_PARAMETERS.weights));
const committedRelevanceWeight: WeightOf = (name) => RELEVANCE_WEIGHTS.get(name);

/** The calibrated probability that the item is about the China–Russia relationship. */
export function scoreRelevance(
  features: Features,
  params: RelevanceParameters = RELEVANCE_PARAMETERS,
): Scored {
  const weightOf: WeightOf =
    params === RELEVANCE_PARAMETERS ? committedRelevanceWeight : (name) => params.weights[name];
  const contributions = contributionsOf(weightOf, features);
  const logit = contributions.reduce((sum, c) => sum + c.weight, params.bias);
  const probability = sigmoid(params.calibration.scale * logit + params.calibration.shift);
  return { logit, probability, contributions, bias: params.bias };
}

/** How far below the threshold a knowledge rule caps a score: still borderline, never relevant. */
const CAP_MARGIN = 0.1;

/**
 * The knowledge rule of features.ts pairOnlyInBackdrop applied to a calibrated probability:
 * with evidence (the background clause), the score is capped below the threshold, and the reason
 * says so; without, the probability is returned as it is.
 */
export function capBackdropPair(
  probability: number,
  backdrop: string | undefined,
  threshold: number = RELEVANCE_PARAMETERS.threshold,
): { probability: number; reason?: string } {
  const cap = threshold - CAP_MARGIN;
  if (backdrop === undefined || probability <= cap) return { probability };
  return {
    probability: cap,
    reason: `capped at ${cap.toFixed(2)} by a labelling rule: the two sides meet only in a background clause, another story's backdrop: '${backdrop}' (+0.00)`,
  };
}

/** Every theme's weight for a feature in one lookup: feature → weights in THEME_IDS order. */
const THEME_TABLE = new Map(
  Object.entries(THEME_FILE.weights).map(([n, row]) => [n, Float64Array.from(row)]),
);
const THEME_BIASES = Float64Array.from(THEME_FILE.biases);

/** The probability of every theme (THEME_IDS order) under the committed parameters. */
export function themeProbabilities(features: Features): Float64Array {
  const logits = new Float64Array(THEME_BIASES);
  for (const [name, value] of features.values) {
    const row = THEME_TABLE.get(name);
    if (row) for (let t = 0; t < logits.length; t++) logits[t]! += row[t]! * value;
  }
  for (let t = 0; t < logits.length; t++) logits[t] = sigmoid(logits[t]!);
  return logits;
}

/** One theme's probability and its contributions, strongest first. */
export function scoreTheme(
  id: ThemeId,
  features: Features,
  params: ThemeParameters = THEME_PARAMETERS,
): Scored {
  const model = params.themes[id];
  // The committed weights are read from THEME_TABLE (0 where this theme has none).
  const t = THEME_IDS.indexOf(id);
  const weightOf: WeightOf =
    params === THEME_PARAMETERS ? (name) => THEME_TABLE.get(name)?.[t] : (name) => model.weights[name];
  const contributions = contributionsOf(weightOf, features);
  const logit = contributions.reduce((sum, c) => sum + c.weight, model.bias);
  return { logit, probability: sigmoid(logit), contributions, bias: model.bias };
}

/** "+1.23" / "-0.40": the weight format of every reason. */
export function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return `${r < 0 ? '-' : '+'}${Math.abs(r).toFixed(2)}`;
}

/** Reason lines: the strongest contributions, then the rest and the baseline (they sum to the logit). */
export function explainRelevance(scored: Scored): string[] {
  const shown = scored.contributions
    .filter((c) => Math.abs(c.weight) >= MIN_REASON_WEIGHT)
    .slice(0, MAX_REASONS);
  const lines = shown.map((c) => `${describeFeature(c.name, c.evidence)} (${signed(c.weight)})`);
  const rest = scored.contributions.slice(shown.length).reduce((sum, c) => sum + c.weight, 0);
  if (scored.contributions.length > shown.length)
    lines.push(`${scored.contributions.length - shown.length} weaker signals (${signed(rest)})`);
  lines.push(`baseline (${signed(scored.bias)})`);
  return lines;
}

/** One line for a chosen theme: its probability and its two strongest indicators. */
export function explainTheme(id: ThemeId, scored: Scored): string {
  const top = scored.contributions
    .filter((c) => c.weight > 0)
    .slice(0, 2)
    .map((c) => `${describeFeature(c.name, c.evidence)} ${signed(c.weight)}`);
  const why = top.length > 0 ? `: ${top.join(', ')}` : '';
  return `theme ${id} p=${scored.probability.toFixed(2)}${why} (${signed(scored.logit)})`;
}

const SIDE_NAME: Record<string, string> = {
  cn: 'China',
  ru: 'Russia',
  ua: 'Ukraine',
  '3': 'a third party',
  cr: 'both',
};
const ZONE_NAME: Record<string, string> = {
  title: 'in the title',
  summary: 'in the summary',
  pair: 'where the two sides meet',
  joint: 'said by the two sides together',
};
const FIXED: Record<string, string> = {
  'both@title': 'both sides named in the title',
  'both@summary-sentence': 'both sides in one sentence of the summary',
  'both@summary-apart': 'both sides in the summary, in separate sentences',
  cross: 'one side in the title, the other in the summary',
  'one-side': 'only one side named',
  'no-side': 'neither side named',
  'both-incidental': 'both named, one only as a venue or a private person',
  person: 'a demonym describing a private person',
  'leaders@title': 'both leaders named in the title',
  'leaders@item': 'both leaders named',
  'cues>=2@pair': 'several kinds of relation word where the two sides meet',
  'thirds>=2@pair': 'two or more third parties where the two sides meet',
  sense: 'another sense of a name, ignored',
  'west:actor@title': 'the West acts in the title',
  'west:named@title': 'the West named in the title, not as its actor',
};

/** The relation frames of relation-frames.ts in words. */
const RELATION_FRAME: Record<string, string> = {
  'joint-subject': 'the two sides act together',
  'joint-act': 'a relation word on the two sides together',
  'pair-object': 'the two sides listed as the object of another actor',
  'pair-noun': 'a relation noun on the pair',
  'linked:visit': 'one side travels to the other',
  'linked:contact': 'one side deals with the other',
  'linked:tie': 'a tie word between the two sides',
  'linked:joint': 'a joint word between the two sides',
  'linked:flow': 'a flow (trade, arms, energy) between the two sides',
  near: 'the two sides next to each other',
  apart: 'the two sides named apart',
  'in-backdrop': 'the two sides only in a background clause',
  split: 'one side only in a background clause',
  'third-subject': 'a third party is the subject',
  visit: 'a leader or official of one side visits the other',
};

function partiesOf(code: string): string {
  if (code === '') return 'no party';
  return code
    .split('+')
    .map((c) => SIDE_NAME[c] ?? c)
    .join(', ');
}

/** Feature name patterns in words: [pattern on the name before "@zone", wording]. */
const WORDING: readonly [RegExp, (m: RegExpExecArray, zone: string) => string][] = [
  [/^(cn|ru)$/, (m, zone) => `${SIDE_NAME[m[1]!]} named ${zone}`],
  [/^third$/, (_m, zone) => `a third party named ${zone}`],
  [/^ua$/, (_m, zone) => `Ukraine named ${zone}`],
  [/^pair:bound$/, (_m, zone) => `the two sides bound in one phrase ${zone}`],
  [/^pair:coordinated$/, (_m, zone) => `the two sides coordinated ${zone}`],
  [/^list$/, (_m, zone) => `a side listed with a third party ${zone}`],
  [/^kind:(cn|ru)\.(\w+)$/, (m, zone) => `${SIDE_NAME[m[1]!]} as ${m[2]} ${zone}`],
  [/^cue:(\w+)$/, (m, zone) => `relation word (${m[1]}) ${zone}`],
  [/^frame:(\w+)$/, (m, zone) => `${m[1]} frame ${zone}`],
  [/^rel:([\w:-]+)$/, (m, zone) => `${RELATION_FRAME[m[1]!] ?? m[1]} ${zone}`],
  [/^ind:[\w-]+:(.+)$/, (m, zone) => `${m[1]} ${zone}`],
  [/^venue-only:(cn|ru)$/, (m) => `${SIDE_NAME[m[1]!]} only as a venue`],
  [/^shape:t=(.*)$/, (m) => `the title names ${partiesOf(m[1]!)}`],
  [/^[wtb]:(.+)$/, (m) => `word '${m[1]}'`],
];

/** A feature name in words, for reasons ("pair:bound@title" → "the two sides bound in one phrase in the title"). */
export function describeFeature(name: string, evidence?: string): string {
  const quote = evidence ? `: '${evidence}'` : '';
  let words = DESCRIBED.get(name);
  if (words === undefined) {
    words = wordsFor(name);
    // Bounded: only features with a weight are described, a few hundred names.
    if (DESCRIBED.size < 10_000) DESCRIBED.set(name, words);
  }
  return `${words}${quote}`;
}

const DESCRIBED = new Map<string, string>();

function wordsFor(name: string): string {
  // Relevance features inside a theme model read the same.
  if (name.startsWith('r:')) return wordsFor(name.slice(2));
  const fixed = FIXED[name];
  if (fixed) return fixed;
  // Zones follow the last "@"; placeholders such as "@cn" inside n-grams and syntax features are not zones.
  const at = name.lastIndexOf('@');
  const zone = at > 0 ? ZONE_NAME[name.slice(at + 1)] : undefined;
  const head = zone ? name.slice(0, at) : name;
  for (const [pattern, words] of WORDING) {
    const m = pattern.exec(head);
    if (m) return words(m, zone ?? '');
  }
  return name;
}
