/**
 * The extractive summary of a story: one to three sentences taken from its reports that say
 * what happened, central to the cluster (they share its recurring terms and anchors), early in
 * their report, about China and Russia, in the digest's language where the story has it, with
 * no sentence repeating another (maximal marginal relevance) and none repeating a headline.
 * Every sentence links the report it came from and is attributed (attribution.ts). This is
 * also the fallback of the abstractive option.
 */
import { storyAnchorsOf } from '#analyse/cluster-stories.ts';
import { findMentions, isSide } from '#analyse/entities.ts';
import { frameOfHeadline } from '#analyse/headline-frame.ts';
import type { ScoredItem, SummarySentence } from '#domain/types.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { attributeAll, isDigestLanguage, type SourcedSentence } from './attribution.ts';
import { cueSpans } from './label-signal.ts';
import { hedges, type ReportText } from './report-text.ts';

/** What the story is about: how many of its reports mention each term or anchor in headline or lead. */
export interface StoryTerms {
  counts: Map<string, number>;
  anchors: Map<string, number>;
  /** Terms in at least one headline or lead: a sentence sharing none is off-topic. */
  key: Set<string>;
}

export interface SummaryOptions {
  /** At most this many sentences (1..3). */
  maxSentences: number;
}

const MAX_SENTENCES = 3;
/** Two sentences are enough when they already say this much, unless the story is broad. */
const TWO_SENTENCE_CHARS = 420;
/** Reports from which a story is broad: its facets need the third sentence whatever its length. */
const BROAD_STORY = 5;
const MAX_SENTENCE_CHARS = 380;
/** Word-and-anchor overlap (Dice) above which a sentence repeats one already chosen. */
const REDUNDANT = 0.4;
/** Word overlap (Dice) with the story's title at or above which another headline only repeats it. */
const HEADLINE_REPEATS = 0.6;
/** Word overlap (Dice) with the story's title at or above which a sentence only restates it. */
const TITLE_REPEAT = 0.75;

export function termsOfStory(reports: readonly ScoredItem[]): StoryTerms {
  const counts = new Map<string, number>();
  const anchors = new Map<string, number>();
  for (const item of reports) {
    const lead = `${item.title}\n${item.summary ?? ''}`;
    for (const t of new Set(tokensOf(lead))) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const a of storyAnchorsOf(lead)) anchors.set(a, (anchors.get(a) ?? 0) + 1);
  }
  return { counts, anchors, key: new Set(counts.keys()) };
}

/** A sentence of a report, scored for how well it says what the story is about. */
export interface ScoredSentence extends SourcedSentence {
  tokens: Set<string>;
  score: number;
  /** From a live page or round-up. */
  roundUp?: boolean;
}

/**
 * Every reporting sentence of the story, scored; the best first. The headlines of the story's
 * other reports are candidates too (quoted as headlines when printed): they often carry the fact
 * the feed summaries leave out. With a sentence in the digest's language in the story, a
 * sentence in another language is not summary material.
 */
export function scoreSentences(
  ordered: readonly ScoredItem[],
  texts: readonly ReportText[],
  terms: StoryTerms,
): ScoredSentence[] {
  const hasDigestLanguage = texts.some((t) => t.sentences.some((x) => isDigestLanguage(x, t.language)));
  const storyTitle = new Set(tokensOf(texts[0]?.title ?? ''));
  const hasTranslated = !hasDigestLanguage && texts.some((t) => t.titleEnglish);
  const out: ScoredSentence[] = [];
  texts.forEach((text, rankInStory) => {
    const item = ordered[rankInStory]!;
    const lines: { sentence: string; headline: boolean; translatedFrom?: string }[] = text.sentences.map(
      (sentence) => ({ sentence, headline: false }),
    );
    // The story's own headline is printed above the summary and is never repeated in it.
    if (
      rankInStory > 0 &&
      text.quotable &&
      dice(new Set(tokensOf(text.title)), storyTitle) < HEADLINE_REPEATS
    )
      lines.push({ sentence: text.title, headline: true });
    // A story with nothing in English says what its reports are about by their translated headlines.
    if (!hasDigestLanguage && text.titleEnglish)
      lines.push({
        sentence: text.titleEnglish.english,
        headline: true,
        translatedFrom: text.titleEnglish.from,
      });
    lines.forEach(({ sentence, headline, translatedFrom }, position) => {
      const words = tokensOf(sentence);
      if (words.length === 0 || sentence.length > MAX_SENTENCE_CHARS) return;
      // The story's headline is printed above its summary: a sentence restating it adds nothing.
      if (!headline && dice(new Set(words), storyTitle) >= TITLE_REPEAT) return;
      // A round-up's sentence naming neither side is about its other items ("A major U.N. climate
      // report and a manhunt in the Indian state of Punjab" under "Your Tuesday Briefing: Xi Meets Putin").
      if (text.roundUp && !findMentions(sentence).some((m) => isSide(m.party))) return;
      const inDigestLanguage = translatedFrom !== undefined || isDigestLanguage(sentence, text.language);
      // With English in the story, or translated headlines, another language is not summary material.
      if (!inDigestLanguage && (hasDigestLanguage || hasTranslated)) return;
      const anchors = storyAnchorsOf(sentence);
      // Redundancy is judged on words and anchors together: a paraphrase repeats the names and figures.
      const tokens = new Set([...words, ...anchors]);
      let central = 0;
      for (const t of new Set(words)) central += Math.min(terms.counts.get(t) ?? 0, 3);
      let anchored = 0;
      for (const a of anchors) anchored += Math.min(terms.anchors.get(a) ?? 0, 3);
      const score =
        central / Math.sqrt(words.length + 4) +
        anchored * 0.25 +
        (headline ? -0.6 : position === 0 ? 1 : position === 1 ? 0.5 : position === 2 ? 0.25 : 0) +
        (BOTH_SIDES.test(sentence) ? 0.6 : SIDE.test(sentence) ? 0.2 : 0) +
        (rankInStory === 0 ? 0.3 : 0) +
        item.classification.score * 0.3 +
        (FIGURE.test(sentence) ? 0.3 : 0) +
        // A caveat or a limit ("not a binding supply contract") is what the day changes.
        (cueSpans(sentence, 'friction').length > 0 ? 1 : 0) +
        // So is a step taken: a signing, a launch, an agreement.
        (cueSpans(sentence, 'new-step').length > 0 ? 0.5 : 0) -
        (sentence.length > 320 ? 0.5 : 0) -
        (QUOTE_ONLY.test(sentence) ? 0.4 : 0) -
        (ANAPHORIC.test(sentence) ? 0.8 : 0) -
        // A round-up mentions the event in passing, among others.
        (text.roundUp ? 1 : 0);
      out.push({
        text: sentence,
        url: text.url,
        source: text.source,
        ...(headline ? { headline: true } : {}),
        ...(translatedFrom
          ? { translatedFrom, language: 'en' }
          : text.language
            ? { language: text.language }
            : {}),
        ...(text.roundUp ? { roundUp: true } : {}),
        tokens,
        score,
      });
    });
  });
  return out.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
}

/** Picks up to `max` sentences by maximal marginal relevance, none repeating `already` or each other. */
export function pickSentences(
  candidates: readonly ScoredSentence[],
  max: number,
  already: readonly ScoredSentence[] = [],
  capLength = true,
): ScoredSentence[] {
  const chosen: ScoredSentence[] = [];
  const remaining = [...candidates];
  while (chosen.length < max && remaining.length > 0) {
    let bestIndex = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, i) => {
      const redundancy = Math.max(0, ...[...already, ...chosen].map((x) => dice(x.tokens, c.tokens)));
      if (redundancy > REDUNDANT) return;
      // One quoted headline is enough in a summary (two translated ones, when nothing is in English).
      const headlines = chosen.filter((x) => x.headline).length;
      if (c.headline && headlines >= (c.translatedFrom ? 2 : 1)) return;
      // A report not yet quoted brings another facet of the story.
      const fresh = [...already, ...chosen].some((x) => x.url === c.url) ? 0 : 0.4;
      const value = c.score - 3 * redundancy + fresh;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    const [next] = remaining.splice(bestIndex, 1);
    chosen.push(next!);
    if (
      capLength &&
      chosen.length === 2 &&
      chosen[0]!.text.length + chosen[1]!.text.length > TWO_SENTENCE_CHARS
    )
      break;
  }
  return chosen;
}

/**
 * The story's extractive summary: attributed sentences, each linked to its report. A story
 * whose reports carry no reporting sentence (a bare headline, a photo caption) has none: its
 * headline above says all there is, and is not repeated.
 */
export function summariseExtractively(
  ordered: readonly ScoredItem[],
  texts: readonly ReportText[],
  terms: StoryTerms,
  options: SummaryOptions = { maxSentences: MAX_SENTENCES },
): SummarySentence[] {
  // A story with nothing in English and no translated headline has no summary: a sentence in a
  // language the reader may not read costs the reading budget and says nothing to most; its
  // headline and sources are printed (the translation option gives it English headlines).
  const english = texts.some(
    (t) => t.titleEnglish || t.sentences.some((x) => isDigestLanguage(x, t.language)),
  );
  if (!english) return [];
  const max = Math.max(1, Math.min(MAX_SENTENCES, options.maxSentences));
  const scored = scoreSentences(ordered, texts, terms);
  const substantive = scored.filter((s) => !isSchedule(s.text));
  const chosen = pickSentences(
    substantive.length > 0 ? substantive : scored,
    max,
    [],
    ordered.length < BROAD_STORY,
  );
  // The summary opens with a sentence that stands on its own, and with the event before others'
  // reactions to it when the story is the event ("China … released a 12-point plan for peace"
  // before "Western leaders have questioned what the real motive behind China's 12-point peace
  // plan is"); a quoted headline comes last.
  const story = ordered[0] ? frameOfHeadline(ordered[0].title) : undefined;
  const ofTheEvent = story?.known === true && !story.thirdParty && !story.commentary;
  const standing = (c: ScoredSentence) => !ANAPHORIC.test(c.text) && !c.headline;
  // A reading of the event ("remarks appear to have been a carefully crafted barb") follows the
  // report of it, as in the top line.
  const reports = (c: ScoredSentence) => standing(c) && !REACTION.test(c.text);
  const plain = chosen.findIndex((c) => reports(c) && !hedges(c.text));
  const event = ofTheEvent ? (plain >= 0 ? plain : chosen.findIndex(reports)) : -1;
  const opener = event >= 0 ? event : chosen.findIndex(standing);
  if (opener > 0) chosen.unshift(...chosen.splice(opener, 1));
  return attributeAll([...chosen.filter((c) => !c.headline), ...chosen.filter((c) => c.headline)]);
}

/** A sentence opening with others' reaction: Western leaders, US officials, critics, analysts. */
const REACTION =
  /^(the )?(western|european|eu|us|u\.s\.|american|nato|g7|ukrainian|japanese|british|german|french) (leaders|officials|governments|allies|lawmakers|diplomats|critics|politicians)\b|^(critics|analysts|experts|observers|commentators)\b/i;

const SIDE =
  /china|chinese|beijing|xi jinping|russia|russian|moscow|kremlin|putin|кита|росси|москв|пекин|中国|俄罗斯|中俄/iu;
const BOTH_SIDES =
  /(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平).*(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄)|(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄).*(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平)/iu;
/**
 * A meeting announced ahead or resumed ("Putin and Xi will hold talks by video link on Sunday",
 * "The leaders meet again on Tuesday"): the story's headline says the meeting is news; its
 * schedule is no development, and a summary with anything else to say leaves it out.
 */
const SCHEDULE =
  /\b(will|are to|is to|are due to|is due to|are set to|is set to|are scheduled to|is scheduled to) (hold|meet|have) (talks|a (video |phone )?call|a meeting|a summit|in)\b|\bwill (meet|speak|talk)\b|\b(call|meeting|talks|summit|visit|trip) (will|is expected to|is likely to)\b|\b(meet|talk|speak)s? again (on|in|later|next|this|today|tomorrow)\b/i;

export function isSchedule(sentence: string): boolean {
  return SCHEDULE.test(sentence);
}

/** Whether a sentence leans on one before it ("It was…", "The deal was…"): it cannot open a paragraph. */
export function leansOnContext(sentence: string): boolean {
  return ANAPHORIC.test(sentence) || REFERS_BACK.test(sentence);
}

/**
 * A back-reference inside the sentence: "… has nonetheless fallen", "Beijing condemned the
 * measures", "…, the ministry said", "two of the people said", "…, he said". Printed alone, the
 * reader cannot tell what is meant; in its story's summary the sentences before it say it. "The
 * People's Republic of China" is a name.
 */
const REFERS_BACK =
  /\b(?:nonetheless|nevertheless|meanwhile|likewise|instead)\b|[,;]\s+(?:he|she|they) (?:said|says|added|adds|noted|told)\b|\bthe (?:measures?|patrol|exercises?|drills?|moves?|steps?|ministry|company|firm|group|people|person|officials?|spokes(?:man|woman|person)|sources?|ceremony|signing ceremony|decision|announcement|document|proposal)\b(?!\s+(?:of|for|on|in|at|from|to|that|which|who)\b|['’]s republic\b)/i;

/**
 * A sentence leaning on one before it ("The deal was...", "But...") is a weak opener. "Those"
 * introducing whom it means ("Those living on the border hope …") points forward, not back.
 */
const ANAPHORIC =
  /^(but|and|also|however|yet|still|it|its|this|that|these|those(?!\s+(?:who|whom|\w+ing|\w+ed)\b)|he|she|they|his|her|their|the (deal|move|visit|agreement|statement|project|plan|call|meeting|talks|trip|leaders|two leaders|two sides|ministers|patrol|series))\b/i;
/** A sentence that is only a quotation says less about what happened than one that reports it. */
const QUOTE_ONLY = /^["“«].*["”»]\.?$/u;
/** Names and numbers are what an analyst keeps: "$245 billion", "95%", "38 bcm", "45th". */
const FIGURE = /\d/;
