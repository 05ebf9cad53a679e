/**
 * Themes of an item, by the fitted per-theme models of model/themes.json over the theme
 * indicators of lexicon/ (one set of labels, every language) and who else is named. A theme
 * needs one of its own indicators in the item; among those, an item takes the themes whose
 * probability reaches the threshold, most probable first, at most three; beside a more probable
 * one, the broad theme (partnership and summitry) needs a higher probability. A relevant item
 * with none still takes its most probable theme.
 */
import { BROAD_THEME } from '#domain/themes.ts';
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import { LEXICONS } from './entities.ts';
import { extractThemeFeatures, type Features, type Reading } from './features.ts';
import { explainTheme, scoreTheme, THEME_PARAMETERS, themeProbabilities } from './relevance-model.ts';
import type { ThemeParameters } from './train-model.ts';

export interface ThemeChoice {
  themes: ThemeId[];
  reasons: string[];
}

export interface ThemeCandidate {
  id: ThemeId;
  probability: number;
  /** One of the theme's own indicators occurs in the item. */
  indicated: boolean;
}

/** The selection rule, shared by the classifier and the evaluation. */
export function pickThemes(
  candidates: readonly ThemeCandidate[],
  relevant: boolean,
  params: Pick<ThemeParameters, 'threshold' | 'broadSecondaryThreshold' | 'maxThemes'> = THEME_PARAMETERS,
): ThemeId[] {
  const ranked = [...candidates].sort((a, b) => b.probability - a.probability);
  const chosen = ranked
    .filter((t) => t.indicated && t.probability >= params.threshold)
    .filter((t, i) => i === 0 || t.id !== BROAD_THEME || t.probability >= params.broadSecondaryThreshold)
    .slice(0, params.maxThemes)
    .map((t) => t.id);
  if (chosen.length === 0 && relevant && ranked[0]) return [ranked[0].id];
  return chosen;
}

/** The themes with one of their own indicators among the features, in one pass. */
export function indicatedThemes(features: ReadonlyMap<string, number>): Set<string> {
  const themes = new Set<string>();
  for (const name of features.keys()) {
    // "ind:<theme>:<label>@<zone>"; theme ids have no colon.
    const end = name.startsWith('ind:') ? name.indexOf(':', 4) : -1;
    if (end >= 0) themes.add(name.slice(4, end));
  }
  return themes;
}

/** The themes of a read item and a reason line for each. */
export function chooseThemes(reading: Reading, relevant: boolean, relevance?: Features): ThemeChoice {
  const features = extractThemeFeatures(reading, { ngrams: false }, relevance);
  const probabilities = themeProbabilities(features);
  const indicated = indicatedThemes(features.values);
  const candidates = THEME_IDS.map((id, t) => ({
    id,
    probability: probabilities[t]!,
    indicated: indicated.has(id),
  }));
  const themes = pickThemes(candidates, relevant);
  return { themes, reasons: themes.map((id) => explainTheme(id, scoreTheme(id, features))) };
}

/** The indicator labels of one theme, shared by every language's lexicon. */
export function themeIndicators(id: ThemeId): string[] {
  const labels = new Set<string>();
  for (const lexicon of LEXICONS) for (const label of Object.keys(lexicon.themes[id])) labels.add(label);
  return [...labels];
}
