/**
 * Themes of an item, by the fitted per-theme models of model/themes.json over the theme
 * indicators of lexicon/ (one set of labels, every language). An item takes the themes whose
 * probability reaches the threshold, most probable first, at most three; a relevant item with
 * none above it still takes its most probable theme.
 */
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import { LEXICONS } from './entities.ts';
import { extractThemeFeatures, type Reading } from './features.ts';
import { explainTheme, type Scored, scoreTheme, THEME_PARAMETERS } from './relevance-model.ts';

export interface ThemeChoice {
  themes: ThemeId[];
  reasons: string[];
}

/** The themes of a read item and a reason line for each. */
export function chooseThemes(reading: Reading, relevant: boolean): ThemeChoice {
  const features = extractThemeFeatures(reading, { ngrams: false });
  const scored: { id: ThemeId; s: Scored }[] = THEME_IDS.map((id) => ({
    id,
    s: scoreTheme(id, features, false),
  }));
  scored.sort((a, b) => b.s.probability - a.s.probability);
  let chosen = scored
    .filter((t) => t.s.probability >= THEME_PARAMETERS.threshold)
    .slice(0, THEME_PARAMETERS.maxThemes);
  if (chosen.length === 0 && relevant && scored[0]) chosen = [scored[0]];
  return {
    themes: chosen.map((t) => t.id),
    reasons: chosen.map((t) => explainTheme(t.id, scoreTheme(t.id, features))),
  };
}

/** The indicator labels of one theme, shared by every language's lexicon. */
export function themeIndicators(id: ThemeId): string[] {
  const labels = new Set<string>();
  for (const lexicon of LEXICONS) for (const label of Object.keys(lexicon.themes[id])) labels.add(label);
  return [...labels];
}
