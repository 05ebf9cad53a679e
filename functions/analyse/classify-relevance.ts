/**
 * Is an item about the China–Russia relationship? Not "does it mention both countries".
 *
 * The item is read with the multilingual lexicon (entities.ts), turned into named features
 * (features.ts: who is named where, how the two sides are linked, relation words and frames
 * around the link, third parties, venues), and scored by a logistic regression fitted on the
 * labelled training corpus (`npm run train:relevance`, parameters in model/relevance.json).
 * `score` is the calibrated probability; `relevant` is `score >= threshold` on the printed
 * (rounded) score, so the two always agree. Every decision lists its strongest features with
 * their weights in logit units; with the baseline they add up to the logit.
 */
import type { Classification, ThemeId } from '#domain/types.ts';
import { extractFeatures, pairOnlyInBackdrop, readItem } from './features.ts';
import {
  capBackdropPair,
  explainRelevance,
  RELEVANCE_PARAMETERS,
  scoreRelevance,
} from './relevance-model.ts';
import { chooseThemes } from './themes.ts';

export interface ClassifyInput {
  title: string;
  summary?: string;
  /** The article text, when it was fetched: its sentences naming a side count like the summary's. */
  text?: string;
  url?: string;
  source?: string;
  /** The feed's language tag; guessed from the text when absent or contradicted by it. */
  language?: string;
}

/** Score at or above which an item is relevant (the model's calibrated 0.5 unless refitted otherwise). */
export const RELEVANCE_THRESHOLD = RELEVANCE_PARAMETERS.threshold;
/** Score at or above which an item is borderline: it gets themes but is not relevant. */
export const BORDERLINE_THRESHOLD = 0.3;

/** Decides whether an item is about the China–Russia relationship, with its themes and the reasons. */
export function classifyItem(input: ClassifyInput): Classification & {
  language: string;
  /** China, Russia or a joint project is named. */
  namesASide: boolean;
} {
  const reading = readItem(input);
  const features = extractFeatures(reading, { ngrams: false });
  const scored = scoreRelevance(features);
  // A knowledge rule the training data cannot teach: the pair only as another story's backdrop.
  const capped = capBackdropPair(scored.probability, pairOnlyInBackdrop(reading));
  const score = Math.round(capped.probability * 1000) / 1000;
  const relevant = score >= RELEVANCE_THRESHOLD;
  const reasons = explainRelevance(scored);
  if (capped.reason) reasons.push(capped.reason);
  if (reading.bodySentences > 0) {
    reasons.push(
      `article text: ${reading.bodySentences} sentence(s) naming a side read with the summary (+0.00)`,
    );
  }
  let themes: Classification['themes'] = [];
  if (score >= BORDERLINE_THRESHOLD) {
    const choice = chooseThemes(reading, relevant, features);
    themes = choice.themes;
    reasons.push(...choice.reasons);
  }
  return { relevant, score, themes, reasons, language: reading.language, namesASide: reading.namesASide };
}

/** No relevance context: a sentence read alone says nothing about who else the item names. */
const NO_CONTEXT = { values: new Map<string, number>(), evidence: new Map<string, string>() };

/**
 * The themes a text is about by itself (a headline, one sentence of a summary: the edition's
 * theme paragraphs), by the theme model from the text's indicators alone, without the relevance
 * decision: only themes whose own indicators occur and whose probability reaches the threshold.
 */
export function assignThemes(title: string, summary = '', body = ''): ThemeId[] {
  return chooseThemes(readItem({ title, summary, text: body }), false, NO_CONTEXT).themes;
}
