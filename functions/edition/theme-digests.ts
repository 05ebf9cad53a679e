/**
 * One short paragraph per theme, in plain prose, that adds to the stories printed below it
 * rather than repeating them:
 *  - the day's developments on the theme in order of importance: from each of the most
 *    important stories on the theme, its best sentence on the theme that the edition has not
 *    printed yet (a story summary, the top line or another paragraph), attributed;
 *  - one complete sentence on what the day does to the theme's baseline (the reference
 *    documents' picture, a short phrase with no year in it, never cut), with the words of the
 *    reports that show it ("they speak of “a key obstacle”");
 *  - how the perspectives differ, when the reports of one story do: which outlets point to
 *    friction or limits and which to the new step or the show of unity, with their words.
 * A paragraph with nothing of its own to add is empty: the email and the pages list the theme's
 * stories under it already, and naming them again would only repeat their headlines. A theme
 * with nothing reported says so.
 */
import { assignThemes } from '#analyse/classify-relevance.ts';
import { splitHeadline } from '#analyse/headline-frame.ts';
import { BROAD_THEME, themeById } from '#domain/themes.ts';
import type { Perspective, SignalLabel, Story, ThemeDigest, ThemeId } from '#domain/types.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { attributeAll, isDigestLanguage } from './attribution.ts';
import type { StoryDraft } from './build-stories.ts';
import {
  alreadySaid,
  cuePhrase,
  distinctPhrases,
  type QuotedCue,
  quoteCues,
  remember,
} from './cue-quotes.ts';
import { type CueKind, cueSpans } from './label-signal.ts';
import { outletName } from './outlet-name.ts';
import { informativeWords, sentenceHoldsHeadline, tellsOfEarlierEvent } from './report-text.ts';
import { isSchedule, leansOnContext, type ScoredSentence, scoreSentences } from './summarise-stories.ts';

/** A story and, when the edition was built from reports, what it was made from. */
export type ThemeMaterial = Pick<StoryDraft, 'story'> & Partial<Omit<StoryDraft, 'story'>>;

export const QUIET_THEME = 'No significant developments reported on this theme today.';

/** Development sentences per paragraph, and the words they may take together. */
const DEVELOPMENTS = 2;
const DEVELOPMENT_WORDS = 75;
/** Stories of the theme read for developments, most important first. */
const STORIES_READ = 4;
/** Word overlap (Dice) above which a sentence repeats one the edition already prints. */
const REPEATS = 0.45;
/** The same for a quoted headline beside a sentence of the paragraph. */
const HEADLINE_REPEATS = 0.25;

/** Perspectives as readers name groups of outlets. */
const CAMP: Partial<Record<Perspective, string>> = {
  wire: 'wire',
  western: 'Western',
  'russian-state': 'Russian state',
  'russian-independent': 'independent Russian',
  'chinese-state': 'Chinese state',
  'chinese-independent': 'independent Chinese',
  regional: 'regional',
};

interface Candidate extends ScoredSentence {
  storyId: string;
}

/**
 * The theme paragraphs. `printed` is the edition's other text (top line, story summaries):
 * a paragraph never repeats it, nor a sentence of an earlier paragraph.
 */
export function buildThemeDigests(
  material: readonly ThemeMaterial[],
  themeIds: readonly ThemeId[],
  printed: readonly string[] = [],
): ThemeDigest[] {
  const seen = [...printed, ...material.flatMap((m) => m.story.sentences.map((s) => s.text))].map(
    (t) => new Set(tokensOf(t)),
  );
  // A story's split of perspectives is said once, under the story's own theme; a phrase of a
  // report is quoted once in the edition.
  const splitSaid = new Set<string>();
  const quoted = new Set<string>();
  // What the theme paragraphs print, in lower case: a phrase they print is not quoted again.
  const prose: string[] = [];
  const memo = createMemo();
  const digestOf = (id: ThemeId): ThemeDigest => {
    const theme = themeById(id);
    // A story on the theme, or one with a facet on it: reports on the theme and a sentence saying so.
    const mine = material
      .filter(
        (m) =>
          m.story.themes.includes(id) ||
          (m.reports?.some((r) => r.classification.themes.includes(id)) &&
            candidatesOf(m, id, memo, false).length > 0),
      )
      .sort((a, b) => b.story.rank - a.story.rank);
    if (mine.length === 0) {
      // Reports filed under the theme with no sentence on it to print (2025-09-02: "Why huge
      // China-Russia gas pipeline deal could face 'key obstacle'", filed under the limits too),
      // or a sentence of a report on it, printed or not (2024-05-16: Putin "called for stronger
      // economic ties" in a summit story filed under the partnership alone; 2025-05-08: Moscow's
      // airports "closed by Ukrainian drone attacks" before Xi landed): the day did report on the
      // theme, so it is not quiet; the paragraph names their stories and claims nothing.
      const touching = material
        .filter(
          (m) =>
            m.reports?.some((r) => r.classification.themes.includes(id)) ||
            memo.scored(m).some((s) => memo.themesOf(s.text).includes(id)),
        )
        .sort((a, b) => b.story.rank - a.story.rank);
      if (touching.length === 0) return { id, title: theme.title, summary: QUIET_THEME, storyIds: [] };
      return { id, title: theme.title, summary: '', storyIds: touching.map((m) => m.story.id) };
    }

    const developments = chooseDevelopments(mine, id, seen, memo);
    // The paragraph links no report: it names each sentence's outlet.
    const parts = attributeAll(developments, { unlinked: true }).map((s) => s.text);
    const own = mine.filter((m) => m.story.themes[0] === id);
    // The reading against the baseline comes from the stories mainly about the theme; a story
    // filed elsewhere counts only through its text on this theme.
    const paragraph = [...prose, ...parts.map((t) => t.toLowerCase())];
    const common = { theme: id, quoted, paragraph, developments: parts.length > 0, memo };
    const reading: Reading =
      own.length > 0
        ? { ...common, stories: own, onThemeOnly: false }
        : { ...common, stories: mine.filter((m) => m.story.themes.includes(id)), onThemeOnly: true };
    // A reading needs its evidence in the paragraph: the reports' words, or a development of its own.
    const verdict = baselineSentence(theme.picture, reading);
    const baseline = verdict && (verdict.quotes || developments.length > 0) ? verdict.text : undefined;
    if (baseline) parts.push(baseline);
    const top = mine[0]!;
    const split =
      own.includes(top) && !splitSaid.has(top.story.id)
        ? perspectiveSplit(top, quoted, paragraph)
        : undefined;
    if (split) {
      parts.push(split.text);
      splitSaid.add(split.storyId);
    }
    for (const text of parts) {
      seen.push(new Set(tokensOf(text)));
      prose.push(text.toLowerCase());
    }
    // With no reading against the baseline, nothing is claimed about it: "it does not change the
    // picture" would be said exactly when the stories give no sign either way (a drones-supply
    // report with no signal label is no confirmation of "drills both sides call defensive").
    const summary = parts.join(' ');
    return {
      id,
      title: theme.title,
      summary,
      ...(baseline ? { baseline } : {}),
      storyIds: mine.map((m) => m.story.id),
    };
  };
  // A sentence or a quoted phrase serves one paragraph only: the specific themes choose first,
  // and the broad one every summit story falls under takes what is left.
  const order = [...themeIds].sort((a, b) => Number(a === BROAD_THEME) - Number(b === BROAD_THEME));
  const digests = new Map(order.map((id) => [id, digestOf(id)]));
  return themeIds.map((id) => digests.get(id)!);
}

/** The theme's sentences of a story, in the digest's language: from its reports when known, else its summary. */
function candidatesOf(m: ThemeMaterial, theme: ThemeId, memo: Memo, mainly = true): Candidate[] {
  // From a story filed under another theme, a sentence on this one makes the story touch it; only
  // one mainly about it ("'no limits' partnership" is about partnership, whatever else it hints)
  // is printed as a development of the theme. Partnership is what every report of the two sides
  // touches: it is no facet of another story. A story filed under this theme second is under
  // another first: its sentences too must be mainly about this one (a bomber patrol's sentence is
  // no development of the war because its story also touches the war).
  const onTheme = (text: string) =>
    m.story.themes[0] === theme
      ? memo.themesOf(text).includes(theme)
      : m.story.themes.includes(theme)
        ? memo.themesOf(text)[0] === theme
        : theme !== BROAD_THEME &&
          (mainly ? memo.themesOf(text)[0] === theme : memo.themesOf(text).includes(theme));
  // A headline of another theme's story is read by its main clause: "Putin and Xi tout deepening
  // ties ahead of Beijing military parade" is about the ties; the parade is its backdrop.
  const own = m.story.themes[0] === theme;
  return memo
    .scored(m)
    .filter(
      (s) =>
        !s.roundUp &&
        !leansOnContext(s.text) &&
        isDigestLanguage(s.text, s.language) &&
        onTheme(s.headline && !own ? splitHeadline(s.text).main : s.text),
    )
    .map((s) => ({ ...s, storyId: m.story.id }));
}

/** Each story's scored sentences and each sentence's themes, computed once for all the paragraphs. */
interface Memo {
  scored(m: ThemeMaterial): readonly ScoredSentence[];
  themesOf(text: string): readonly ThemeId[];
}

function createMemo(): Memo {
  const scored = new Map<ThemeMaterial, readonly ScoredSentence[]>();
  const themes = new Map<string, readonly ThemeId[]>();
  return {
    scored(m) {
      let out = scored.get(m);
      if (!out) {
        out = scoredSentencesOf(m);
        scored.set(m, out);
      }
      return out;
    },
    themesOf(text) {
      let out = themes.get(text);
      if (!out) {
        out = assignThemes(text);
        themes.set(text, out);
      }
      return out;
    },
  };
}

/** The story's sentences, scored: from its reports when known, else its summary. */
function scoredSentencesOf(m: ThemeMaterial): ScoredSentence[] {
  return m.reports && m.texts && m.terms
    ? scoreSentences(m.reports, m.texts, m.terms)
    : m.story.sentences.map((s, i) => ({
        text: s.text,
        url: s.url,
        source: m.story.articles.find((a) => a.url === s.url)?.source ?? '',
        tokens: new Set(tokensOf(s.text)),
        score: 3 - i,
      }));
}

/**
 * The developments in order of importance: the best sentence on the theme that the edition has
 * not printed from each of the most important stories, then more from the lead story. At most
 * one quoted headline, and within the paragraph's word budget.
 */
function chooseDevelopments(
  mine: readonly ThemeMaterial[],
  theme: ThemeId,
  seen: readonly Set<string>[],
  memo: Memo,
): Candidate[] {
  // A headline says less than a sentence: beside one on the same facet, in the paragraph or
  // anywhere else in the edition, it only repeats it.
  const fresh = (c: Candidate, chosen: readonly Candidate[]) =>
    !seen.some((s) => dice(s, c.tokens) > REPEATS || (c.headline && sentenceHoldsHeadline(c.tokens, s))) &&
    !chosen.some((x) => dice(x.tokens, c.tokens) > (c.headline || x.headline ? HEADLINE_REPEATS : REPEATS)) &&
    !(c.headline && chosen.some((x) => x.headline));
  // A sentence with little beyond the two sides and a date ("The Russian president is visiting
  // China on May 16 and 17") is no development.
  const byStory = mine
    .slice(0, STORIES_READ)
    .map((m) =>
      candidatesOf(m, theme, memo).filter(
        (c) =>
          informativeWords(c.text) >= INFORMATIVE &&
          !isSchedule(c.text) &&
          !BACKGROUND.test(c.text) &&
          !tellsOfEarlierEvent(m.story, c.text),
      ),
    );
  const chosen: Candidate[] = [];
  const words = () => chosen.reduce((n, c) => n + c.text.split(/\s+/).length, 0);
  const tryAdd = (c: Candidate | undefined) => {
    if (!c || chosen.length >= DEVELOPMENTS) return;
    if (chosen.length > 0 && words() + c.text.split(/\s+/).length > DEVELOPMENT_WORDS) return;
    chosen.push(c);
  };
  for (const list of byStory) tryAdd(list.find((c) => fresh(c, chosen)));
  for (const c of byStory[0] ?? []) if (fresh(c, chosen)) tryAdd(c);
  // A reported sentence opens the paragraph; a quoted headline follows it, and alone is no
  // paragraph ("The New York Times ran the headline …" says only what a story list says).
  if (chosen.every((c) => c.headline)) return [];
  return chosen.sort((a, b) => Number(a.headline ?? false) - Number(b.headline ?? false));
}

/**
 * A state of things before today ("Heihe and Blagoveshchensk are already linked by a road
 * bridge"): background to a development, not one.
 */
const BACKGROUND = /\balready\b/i;

/** Content words a development sentence must carry beyond the sides' names, roles and dates. */
const INFORMATIVE = 4;

/** How the day's stories read against the baseline: the strongest signal among them. */
function signalOf(stories: readonly Story[]): SignalLabel | undefined {
  const signals = stories.map((s) => s.signal);
  if (signals.includes('counter-signal')) return 'counter-signal';
  if (signals.includes('new-development')) return 'new-development';
  if (signals.includes('reinforces')) return 'reinforces';
  return undefined;
}

const SIGNAL_CUE: Record<SignalLabel, CueKind> = {
  'counter-signal': 'friction',
  'new-development': 'new-step',
  reinforces: 'restated',
};

/** Where the reading against the baseline comes from. */
interface Reading {
  stories: readonly ThemeMaterial[];
  theme: ThemeId;
  /** Cues only from text on the theme (the stories are filed under another theme). */
  onThemeOnly: boolean;
  /** Phrases already quoted in the edition: never quoted twice. */
  quoted: Set<string>;
  /**
   * The theme paragraphs' text so far and this one's development sentences, in lower case: a
   * phrase they print is not quoted again.
   */
  paragraph: readonly string[];
  /** The paragraph prints sentences of its own before the reading. */
  developments: boolean;
  memo: Memo;
}

/**
 * What the day does to the reference documents' picture, with the reports' own words for it:
 * "Today's reports qualify the established picture of …: they speak of “…”" ("established":
 * subscribers read the email without knowing of the reference documents). A new step
 * whose reports also note its limits is both. No sentence when the stories give no clear
 * reading, or (for stories filed under another theme) no words on this theme show it; `quotes`
 * says whether the sentence carries the reports' own words.
 */
function baselineSentence(picture: string, reading: Reading): { text: string; quotes: boolean } | undefined {
  const signal = signalOf(reading.stories.map((m) => m.story));
  if (!signal) return mixedReading(picture, reading);
  const cues = (label: SignalLabel | undefined, kind: CueKind, max = 2) =>
    quotedCues(
      reading.stories.filter((m) => label === undefined || m.story.signal === label),
      kind,
      reading,
      max,
    );
  const established = `the established picture of ${picture}`;
  // Friction and limits are the limits theme's own picture: whatever the stories' labels (a
  // story filed under the partnership may be its counter-signal), their words bear it out.
  const restatedBy = themeById(reading.theme).restatedBy;
  if (restatedBy === 'friction') {
    const found = cues(undefined, 'friction');
    if (found.length === 0) return undefined;
    remember(reading.quoted, ...found.map((c) => c.phrase));
    return {
      text: `Today’s reports bear out ${established}: they speak of ${quoteCues(found, joinWords)}.`,
      quotes: true,
    };
  }
  if (signal === 'counter-signal' || signal === 'new-development') {
    const [step] = cues('new-development', 'new-step', 1);
    const [limit] = cues(signal === 'counter-signal' ? 'counter-signal' : undefined, 'friction', 1);
    if (step && limit) return bothWays(`both add to and qualify ${established}`, step, limit, reading);
  }
  // Praise and pledges restate the partnership; they do not restate the West's answers or the limits.
  if (signal === 'reinforces' && restatedBy !== 'praise') return undefined;
  // Beside the paragraph's own sentences, a restatement needs no quoted words: those sentences
  // are its evidence, and fragments of praise ("old friend Putin") would only say them again.
  if (signal === 'reinforces' && reading.developments && !reading.onThemeOnly)
    return { text: `Today’s reports restate ${established}.`, quotes: false };
  const found = cues(signal, SIGNAL_CUE[signal]);
  if (reading.onThemeOnly && found.length === 0) return undefined;
  remember(reading.quoted, ...found.map((c) => c.phrase));
  const verb =
    signal === 'counter-signal' ? 'qualify' : signal === 'new-development' ? 'add a new step to' : 'restate';
  const evidence = found.length > 0 ? `: they speak of ${quoteCues(found, joinWords)}` : '';
  return { text: `Today’s reports ${verb} ${established}${evidence}.`, quotes: found.length > 0 };
}

/**
 * Stories that read both ways and no label among them ("Xi to meet with Putin … in show of
 * support" beside "Xi Jinping to test limits of friendship with Putin"): the reports restate the
 * picture and qualify it, each said in their words; nothing when the words are not both there.
 */
function mixedReading(picture: string, reading: Reading): { text: string; quotes: true } | undefined {
  const mixed = reading.stories.filter((m) => m.mixed);
  if (mixed.length === 0) return undefined;
  const [restated] = quotedCues(mixed, 'restated', reading, 1);
  const [limit] = quotedCues(mixed, 'friction', reading, 1);
  if (!restated || !limit) return undefined;
  return bothWays(`restate and qualify the established picture of ${picture}`, restated, limit, reading);
}

/** "Today's reports <reading>: they speak of “…” but also of “…”", the two phrases remembered as quoted. */
function bothWays(
  reading: string,
  first: QuotedCue,
  second: QuotedCue,
  context: Reading,
): { text: string; quotes: true } {
  remember(context.quoted, first.phrase, second.phrase);
  return {
    text: `Today’s reports ${reading}: they speak of ${quoteCues([first, second], ([a, b]) => `${a} but also of ${b}`)}.`,
    quotes: true,
  };
}

/**
 * Up to `max` distinct cue phrases of a kind from the stories' headlines and sentences, quoted
 * and not quoted before in the edition, each with its outlet: from text on the theme when there
 * is such a cue (only from there when the reading says so), longer phrases first.
 */
function quotedCues(
  mine: readonly ThemeMaterial[],
  kind: CueKind,
  reading: Reading,
  max: number,
): QuotedCue[] {
  const texts = mine.flatMap((m) => {
    const outletOf = (url: string) => {
      const article = m.story.articles.find((a) => a.url === url);
      return outletName(article?.source ?? '', url);
    };
    if (!m.texts) {
      const lead = m.story.articles[0];
      return [
        ...(lead ? [{ text: m.story.title, outlet: outletOf(lead.url) }] : []),
        ...m.story.sentences.map((s) => ({ text: s.text, outlet: outletOf(s.url) })),
      ];
    }
    return m.texts.flatMap((t, i) => {
      if (!isDigestLanguage(t.title, t.language) || t.roundUp) return [];
      const outlet = outletName(t.source, m.reports?.[i]?.link ?? t.url);
      return [t.title, ...t.sentences].map((text) => ({ text, outlet }));
    });
  });
  const outlets = new Map<string, string>();
  const phrases = (list: readonly { text: string; outlet: string }[]) =>
    list.flatMap(({ text, outlet }) =>
      cueSpans(text, kind).flatMap((span) => {
        const p = cuePhrase(text, span);
        if (!p || alreadySaid(reading.quoted, reading.paragraph, p)) return [];
        if (!outlets.has(p)) outlets.set(p, outlet);
        return [p];
      }),
    );
  const onTheme = phrases(texts.filter((t) => reading.memo.themesOf(t.text).includes(reading.theme)));
  const pool = onTheme.length > 0 || reading.onThemeOnly ? onTheme : phrases(texts);
  return distinctPhrases(pool, max).map((phrase) => {
    const outlet = outlets.get(phrase);
    return outlet ? { phrase, outlet } : { phrase };
  });
}

/**
 * When the reports of one story read differently by camp (some point to friction or limits,
 * others only on the new step or the show of unity), one sentence saying who says what, with
 * their words where the edition has not quoted them yet. Nothing when the camps agree or only
 * one camp reported.
 */
function perspectiveSplit(
  m: ThemeMaterial,
  quoted: Set<string>,
  printed: readonly string[],
): { text: string; storyId: string } | undefined {
  if (!m.texts || !m.reports) return undefined;
  interface CampReading {
    friction: string[];
    step: string[];
    unity: string[];
    /** The camp's outlets whose reports carry friction, and those that carry only the step or unity. */
    critical: Set<string>;
    upbeat: Set<string>;
  }
  const readings = new Map<string, CampReading>();
  m.texts.forEach((t, i) => {
    const article = m.story.articles.find((a) => a.url === t.url);
    const camp = article ? CAMP[article.perspective] : undefined;
    if (!camp || t.roundUp || !isDigestLanguage(t.title, t.language)) return;
    const reading = readings.get(camp) ?? {
      friction: [],
      step: [],
      unity: [],
      critical: new Set<string>(),
      upbeat: new Set<string>(),
    };
    const own = { friction: [] as string[], step: [] as string[], unity: [] as string[] };
    for (const text of [t.title, ...t.sentences]) {
      const add = (kind: CueKind, into: string[]) => {
        for (const span of cueSpans(text, kind)) {
          const p = cuePhrase(text, span);
          if (p) into.push(p);
        }
      };
      add('friction', own.friction);
      add('new-step', own.step);
      add('restated', own.unity);
    }
    reading.friction.push(...own.friction);
    reading.step.push(...own.step);
    reading.unity.push(...own.unity);
    // An outlet is named for what its own reports say, not for its camp's other outlets.
    const outlet = outletName(t.source, m.reports?.[i]?.link ?? t.url);
    if (own.friction.length > 0) reading.critical.add(outlet);
    else if (own.step.length + own.unity.length > 0) reading.upbeat.add(outlet);
    readings.set(camp, reading);
  });
  const critical = [...readings].filter(([, r]) => r.friction.length > 0);
  const upbeat = [...readings].filter(
    ([, r]) => r.friction.length === 0 && r.step.length + r.unity.length > 0,
  );
  if (critical.length === 0 || upbeat.length === 0) return undefined;
  // Who says it (the outlets whose own reports do, and their camps) and their words, quoted once.
  const who = (
    list: typeof critical,
    outletsOf: (r: CampReading) => Set<string>,
    pick: (r: CampReading) => string[],
  ) => {
    const named = [...new Set(list.flatMap(([, r]) => [...outletsOf(r)]))];
    const camps = joinWords(list.map(([camp]) => camp));
    const [words] = distinctPhrases(
      list.flatMap(([, r]) => pick(r)).filter((p) => !alreadySaid(quoted, printed, p)),
      1,
    );
    if (words) remember(quoted, words);
    return {
      text: `${joinWords(named.slice(0, 3))} (${camps})`,
      many: named.length > 1,
      quote: words ? ` (“${words}”)` : '',
    };
  };
  const steps = upbeat.some(([, r]) => r.step.length > 0);
  const limits = who(
    critical,
    (r) => r.critical,
    (r) => r.friction,
  );
  const positive = who(
    upbeat,
    (r) => r.upbeat,
    (r) => (steps ? r.step : r.unity),
  );
  // One cue word is a pointer, not a report's whole argument: "point to", not "dwell on".
  const verb = limits.many ? 'point' : 'points';
  const step = steps ? 'the new step' : 'the show of unity';
  return {
    text: `Coverage divides: ${limits.text} ${verb} to the limits${limits.quote}, ${positive.text} to ${step}${positive.quote}.`,
    storyId: m.story.id,
  };
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
