/**
 * The extractive summary of a story: one to three sentences taken from its reports that say
 * what happened, central to the cluster (they share its recurring terms and anchors), early in
 * their report, about China and Russia, in the digest's language where the story has it, with
 * no sentence repeating another (maximal marginal relevance) and none repeating a headline.
 * Every sentence links the report it came from and is attributed: a sentence that names no
 * speaker opens with its outlet ("Al Jazeera reports that …"). This is also the fallback of
 * the abstractive option.
 */
import { storyAnchorsOf } from '#analyse/cluster-stories.ts';
import type { ScoredItem, SummarySentence } from '#domain/types.ts';
import { truncateText } from '#text/html-to-text.ts';
import { scriptOf } from '#text/language.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { frictionCue } from './label-signal.ts';
import { outletName } from './outlet-name.ts';
import { lowercaseWords, type ReportText } from './report-text.ts';

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
/** Two sentences are enough when they already say this much. */
const TWO_SENTENCE_CHARS = 420;
const MAX_SENTENCE_CHARS = 380;
/** Word-and-anchor overlap (Dice) above which a sentence repeats one already chosen. */
const REDUNDANT = 0.4;

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
export interface ScoredSentence {
  text: string;
  url: string;
  source: string;
  tokens: Set<string>;
  score: number;
}

/** Every reporting sentence of the story, scored; the best first. */
export function scoreSentences(
  ordered: readonly ScoredItem[],
  texts: readonly ReportText[],
  terms: StoryTerms,
): ScoredSentence[] {
  const latinCount = texts.reduce((n, t) => n + t.sentences.filter((x) => scriptOf(x) === 'latin').length, 0);
  const hasLatin = latinCount > 0;
  const out: ScoredSentence[] = [];
  texts.forEach((text, rankInStory) => {
    const item = ordered[rankInStory]!;
    // Another report's headline often carries the fact its feed summary leaves out; the story's
    // own headline is printed above the summary and is never repeated in it.
    const lines = rankInStory > 0 && text.headline ? [...text.sentences, text.headline] : text.sentences;
    lines.forEach((sentence, position) => {
      const words = tokensOf(sentence);
      if (words.length === 0) return;
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
        (position === 0 ? 1 : position === 1 ? 0.5 : position === 2 ? 0.25 : 0) +
        (BOTH_SIDES.test(sentence) ? 0.6 : SIDE.test(sentence) ? 0.2 : 0) +
        (rankInStory === 0 ? 0.3 : 0) +
        item.classification.score * 0.3 +
        (FIGURE.test(sentence) ? 0.3 : 0) +
        // A caveat or a limit ("not a binding supply contract") is what the day changes.
        (frictionCue(sentence) ? 1 : 0) -
        (sentence.length > 320 ? 0.5 : 0) -
        (QUOTE_ONLY.test(sentence) ? 0.4 : 0) -
        (ANAPHORIC.test(sentence) ? 0.8 : 0);
      const inDigestLanguage = !hasLatin || scriptOf(sentence) === 'latin';
      // With enough English in the story, another language's sentence is not summary material.
      if (!inDigestLanguage && latinCount >= 2) return;
      out.push({
        text: truncateText(sentence, MAX_SENTENCE_CHARS),
        url: text.url,
        source: text.source,
        tokens,
        score: inDigestLanguage ? score : score * 0.2 - 1,
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
): ScoredSentence[] {
  const chosen: ScoredSentence[] = [];
  const remaining = [...candidates];
  while (chosen.length < max && remaining.length > 0) {
    let bestIndex = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, i) => {
      const redundancy = Math.max(0, ...[...already, ...chosen].map((x) => dice(x.tokens, c.tokens)));
      if (redundancy > REDUNDANT) return;
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
    if (chosen.length === 2 && chosen[0]!.text.length + chosen[1]!.text.length > TWO_SENTENCE_CHARS) break;
  }
  return chosen;
}

/** The story's extractive summary: attributed sentences, each linked to its report. */
export function summariseExtractively(
  ordered: readonly ScoredItem[],
  texts: readonly ReportText[],
  terms: StoryTerms,
  options: SummaryOptions = { maxSentences: MAX_SENTENCES },
): SummarySentence[] {
  const max = Math.max(1, Math.min(MAX_SENTENCES, options.maxSentences));
  const chosen = pickSentences(scoreSentences(ordered, texts, terms), max);
  if (chosen.length === 0) {
    // No reporting sentence: what the piece itself says it is, else its headline, quoted.
    const first = texts[0]!;
    const teaser = texts.flatMap((t) => t.teasers.map((text) => ({ text, url: t.url })))[0];
    if (teaser) return [teaser];
    return [{ text: `${outletName(first.source)} carries the report “${first.title}”.`, url: first.url }];
  }
  // The summary opens with a sentence that stands on its own.
  const opener = chosen.findIndex((c) => !ANAPHORIC.test(c.text));
  if (opener > 0) chosen.unshift(...chosen.splice(opener, 1));
  return attributeAll(chosen, vocabularyOf(texts));
}

/** The lower-case words of the reports: which opening words are common words, not names. */
export function vocabularyOf(texts: readonly ReportText[]): Set<string> {
  return lowercaseWords(texts.map((t) => t.sentences.join(' ')).join(' '));
}

/** Attributes the first sentence of each outlet that names no speaker; later ones carry it on. */
export function attributeAll(
  sentences: readonly { text: string; url: string; source: string }[],
  vocabulary?: ReadonlySet<string>,
): SummarySentence[] {
  const named = new Set<string>();
  return sentences.map((s) => {
    const first = !named.has(s.source);
    named.add(s.source);
    return { text: first ? attribute(s.text, s.source, vocabulary) : s.text, url: s.url };
  });
}

/** The sentence with its first word in lower case when that word is not a name, to follow a clause. */
export function lowerOpener(sentence: string, vocabulary?: ReadonlySet<string>): string {
  const first = /^\p{L}+/u.exec(sentence)?.[0] ?? '';
  // "President Xi Jinping …": a title before a name stays as written.
  if (/^\p{L}+\s+\p{Lu}/u.test(sentence) && !COMMON_OPENER.test(sentence)) return sentence;
  const common =
    COMMON_OPENER.test(sentence) || (first.length > 1 && vocabulary?.has(first.toLowerCase()) === true);
  return common && !/^\p{Lu}{2,}$/u.test(first) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}

/** Speech and reporting verbs, or a quotation: the sentence already says who says so. */
const ATTRIBUTED =
  /\b(said|says|say|told|tells|tell|according to|reported|reports|announced|announces|stated|states|claimed|claims|wrote|writes|added|adds|warned|warns|urged|urges|noted|notes|insisted|argued|argues|declared|declares|quoted|cited|cites|spokes(man|woman|person)|according)\b|[«“"][^«“"»”]{12,}[»”"]/i;
/** Sentence openers that are not names, lower-cased after "… reports that". */
const COMMON_OPENER =
  /^(The|A|An|In|On|At|This|These|Those|That|Its|It|There|Both|Two|Three|Four|Five|Some|Many|More|Most|After|Before|During|While|Since|As|With|For|From|By|Under|Over|Despite|Amid|Last|Next|Earlier|Later|Officials|Analysts|Trade|Bilateral|Once|When|Ahead|Following|Such|Their|His|Her|Our|Several|Almost|Nearly|About|Only|All|Each|Every|One|No|Not|Yet|Still|Even)\b/;

/** "Al Jazeera reports that …" for a sentence that names no speaker. */
export function attribute(sentence: string, source: string, vocabulary?: ReadonlySet<string>): string {
  if (ATTRIBUTED.test(sentence)) return sentence;
  const outlet = outletName(source);
  // A sentence in another language is quoted after its outlet's name, not woven into English.
  if (scriptOf(sentence) !== 'latin') return `${outlet}: ${sentence}`;
  const body = lowerOpener(sentence, vocabulary);
  const ended = /[.!?。！？]["'”’»)]*$/.test(body) ? body : `${body}.`;
  return `${outlet} reports that ${ended}`;
}

const SIDE =
  /china|chinese|beijing|xi jinping|russia|russian|moscow|kremlin|putin|кита|росси|москв|пекин|中国|俄罗斯|中俄/iu;
const BOTH_SIDES =
  /(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平).*(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄)|(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄).*(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平)/iu;
/** A sentence leaning on one before it ("The deal was...", "But...") is a weak opener. */
const ANAPHORIC =
  /^(but|and|also|however|yet|still|it|its|this|that|these|those|he|she|they|his|her|their|the (deal|move|visit|agreement|statement|project|plan|call|meeting|talks|trip|leaders|two leaders|two sides|ministers|patrol|series))\b/i;
/** A sentence that is only a quotation says less about what happened than one that reports it. */
const QUOTE_ONLY = /^["“«].*["”»]\.?$/u;
/** Names and numbers are what an analyst keeps: "$245 billion", "95%", "38 bcm", "45th". */
const FIGURE = /\d/;
