/**
 * One short paragraph per theme, in plain prose: the day's developments on the theme in order
 * of importance (each said by its source, in the words of a report, preferring a fact the story
 * summaries passed over), what they add to or change in the baseline drawn from the reference
 * documents (always said to be the documents' picture, never today's fact, and never with a
 * year after the edition's date), and a report from another perspective when the day has one.
 * A theme with nothing reported says so.
 */
import { assignThemes } from '#analyse/classify-relevance.ts';
import { themeById } from '#domain/themes.ts';
import type { Perspective, Story, ThemeDigest, ThemeId } from '#domain/types.ts';
import { scriptOf } from '#text/language.ts';
import { splitSentences } from '#text/sentences.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import type { StoryDraft } from './build-stories.ts';
import {
  attribute,
  lowerOpener,
  type ScoredSentence,
  scoreSentences,
  vocabularyOf,
} from './summarise-stories.ts';

/** A story and, when the edition was built from reports, what it was made from. */
export type ThemeMaterial = Pick<StoryDraft, 'story'> & Partial<Omit<StoryDraft, 'story'>>;

export const QUIET_THEME = 'No significant developments reported on this theme today.';

/** Development sentences per paragraph, before the baseline and perspective sentences. */
const DEVELOPMENTS = 2;
/** Overlap (Dice) above which a sentence repeats one already in the paragraph. */
const REPEATS = 0.4;
/** Words kept of the baseline's picture. */
const GIST_WORDS = 20;

/** Whose coverage it is, as readers tell outlets apart. */
const VOICE: Partial<Record<Perspective, string>> = {
  wire: 'wire',
  western: 'Western',
  'russian-state': 'Russian state',
  'russian-independent': 'independent Russian',
  'chinese-state': 'Chinese state',
  'chinese-independent': 'Hong Kong and independent Chinese',
  regional: 'regional',
};
const CAMP: Partial<Record<Perspective, string>> = {
  wire: 'west',
  western: 'west',
  'russian-state': 'russian-state',
  'russian-independent': 'independent',
  'chinese-state': 'chinese-state',
  'chinese-independent': 'independent',
  regional: 'regional',
};

interface Candidate extends ScoredSentence {
  storyId: string;
  rank: number;
  perspective?: Perspective;
}

export function buildThemeDigests(
  material: readonly ThemeMaterial[],
  themeIds: readonly ThemeId[],
  asOf?: Date,
): ThemeDigest[] {
  const used = new Set<string>(material.flatMap((m) => m.story.sentences.map((s) => s.text)));
  const vocabulary = vocabularyOf(material.flatMap((m) => m.texts ?? []));
  return themeIds.map((id) => {
    const theme = themeById(id);
    // A story on the theme, or one with a facet on it: reports on the theme and a sentence saying so.
    const mine = material
      .filter(
        (m) =>
          m.story.themes.includes(id) ||
          (m.reports?.some((r) => r.classification.themes.includes(id)) && candidatesOf(m, id).length > 0),
      )
      .sort((a, b) => b.story.rank - a.story.rank);
    if (mine.length === 0) return { id, title: theme.title, summary: QUIET_THEME, storyIds: [] };

    const chosen = chooseDevelopments(mine, id, used);
    const parts = chosen.map((c) => attribute(c.text, c.source, vocabulary));
    const contrast = contrastWithBaseline(
      theme.baseline,
      mine.map((m) => m.story),
      asOf,
    );
    if (contrast) parts.push(contrast);
    const other = otherPerspective(mine, id, chosen, used, vocabulary);
    if (other) parts.push(other);
    for (const c of chosen) used.add(c.text);
    return { id, title: theme.title, summary: parts.join(' '), storyIds: mine.map((m) => m.story.id) };
  });
}

/** The theme's sentences of a story: from its reports when known, else its summary. */
function candidatesOf(m: ThemeMaterial, theme: ThemeId): Candidate[] {
  const perspectiveOf = new Map(m.story.articles.map((a) => [a.url, a.perspective]));
  const scored: ScoredSentence[] =
    m.reports && m.texts && m.terms
      ? scoreSentences(m.reports, m.texts, m.terms)
      : m.story.sentences.map((s, i) => ({
          text: s.text,
          url: s.url,
          source: m.story.articles.find((a) => a.url === s.url)?.source ?? '',
          tokens: new Set(tokensOf(s.text)),
          score: 3 - i,
        }));
  return scored
    .filter((s) => assignThemes(s.text).includes(theme))
    .map((s) => ({
      ...s,
      storyId: m.story.id,
      rank: m.story.rank,
      ...(perspectiveOf.get(s.url) ? { perspective: perspectiveOf.get(s.url)! } : {}),
    }));
}

/**
 * The developments in order of importance: the best sentence on the theme from each of the
 * most important stories, then more from the lead story. A sentence already printed elsewhere
 * in the edition counts less, so the paragraph adds what the summaries passed over.
 */
function chooseDevelopments(
  mine: readonly ThemeMaterial[],
  theme: ThemeId,
  used: ReadonlySet<string>,
): Candidate[] {
  const byStory = mine.map((m) => {
    const candidates = candidatesOf(m, theme).map((c) => ({
      ...c,
      score: c.score - (used.has(c.text) ? 1.5 : 0),
    }));
    if (candidates.length === 0) {
      // The story is on the theme as a whole; its own lead says what happened.
      const lead = m.story.sentences[0];
      if (lead)
        candidates.push({
          text: lead.text,
          url: lead.url,
          source: m.story.articles.find((a) => a.url === lead.url)?.source ?? '',
          tokens: new Set(tokensOf(lead.text)),
          score: 0,
          storyId: m.story.id,
          rank: m.story.rank,
        });
    }
    return candidates.sort((a, b) => b.score - a.score);
  });
  const chosen: Candidate[] = [];
  const fits = (c: Candidate) => !chosen.some((x) => x.text === c.text || dice(x.tokens, c.tokens) > REPEATS);
  for (const list of byStory) {
    if (chosen.length >= DEVELOPMENTS) break;
    const best = list.find(fits);
    if (best) chosen.push(best);
  }
  for (const c of byStory[0] ?? []) {
    if (chosen.length >= DEVELOPMENTS) break;
    if (fits(c)) chosen.push(c);
  }
  return chosen;
}

/** What the day does to the reference documents' picture, by the stories' signals. */
function contrastWithBaseline(baseline: string, stories: readonly Story[], asOf?: Date): string | undefined {
  const gist = gistOf(baseline, stories, asOf);
  if (!gist) return undefined;
  const counter = stories.filter((s) => s.signal === 'counter-signal').length;
  const fresh = stories.filter((s) => s.signal === 'new-development').length;
  const reinforcing = stories.filter((s) => s.signal === 'reinforces').length;
  if (counter > 0)
    return `${counter === 1 ? 'One report cuts' : `${counter} reports cut`} against the reference documents' picture, in which ${gist}`;
  if (fresh > 0) return `That goes beyond the reference documents' picture, in which ${gist}`;
  if (reinforcing > 0) return `That fits the reference documents' picture, in which ${gist}`;
  return undefined;
}

/** Prefixes of the catalogue's baselines that introduce them as the documents' view. */
const BASELINE_PREFIX =
  /^(our reading of the reference material:|according to the reference documents,?|as the seed documents describe it,|the (reference|seed) (documents|texts) (say|show|describe|agree)( that)?|in the reference documents,?)\s*/i;

/**
 * The baseline sentence closest to the day's stories, shortened, as a clause ("in which …").
 * A sentence naming a year after the edition's date is never used: the documents' picture
 * must not tell a past day about its future.
 */
function gistOf(baseline: string, stories: readonly Story[], asOf?: Date): string | undefined {
  const day = new Set(tokensOf(stories.map((s) => `${s.title} ${s.summary}`).join(' ')));
  const year = asOf?.getUTCFullYear();
  let best: string | undefined;
  let bestOverlap = -1;
  for (const raw of splitSentences(baseline)) {
    const sentence = raw.replace(BASELINE_PREFIX, '');
    const years = [...sentence.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0]));
    if (year !== undefined && years.some((y) => y > year)) continue;
    let overlap = 0;
    for (const t of new Set(tokensOf(sentence))) if (day.has(t)) overlap++;
    if (overlap > bestOverlap) {
      best = sentence;
      bestOverlap = overlap;
    }
  }
  if (!best) return undefined;
  const words = best.replace(/[.!?]+$/, '').split(/\s+/);
  const clause =
    words.length > GIST_WORDS
      ? `${words
          .slice(0, GIST_WORDS)
          .join(' ')
          .replace(/[,;:]$/, '')}…`
      : `${words.join(' ')}.`;
  return lowerOpener(clause);
}

/**
 * A report on the theme from another camp than the paragraph's (Western against Russian or
 * Chinese state media, or an independent outlet), when the day's stories carry one.
 */
function otherPerspective(
  mine: readonly ThemeMaterial[],
  theme: ThemeId,
  chosen: readonly Candidate[],
  used: ReadonlySet<string>,
  vocabulary: ReadonlySet<string>,
): string | undefined {
  const camps = new Set(chosen.map((c) => (c.perspective ? CAMP[c.perspective] : undefined)).filter(Boolean));
  if (camps.size === 0) return undefined;
  const other = mine
    .flatMap((m) => candidatesOf(m, theme))
    .filter(
      (c) =>
        c.perspective &&
        CAMP[c.perspective] &&
        scriptOf(c.text) === 'latin' &&
        !camps.has(CAMP[c.perspective]!) &&
        !used.has(c.text) &&
        !chosen.some((x) => dice(x.tokens, c.tokens) > REPEATS),
    )
    .sort((a, b) => b.rank - a.rank || b.score - a.score)[0];
  if (!other) return undefined;
  return `In ${VOICE[other.perspective!]} coverage, ${attribute(other.text, other.source, vocabulary)}`;
}
