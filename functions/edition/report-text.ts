/**
 * The reporting sentences of one report, as summaries may use them: the article text when it
 * was fetched, else the feed's content and summary, split into sentences, the wire dateline
 * dropped, and every sentence passed through the one boilerplate list (page furniture, promos,
 * teasers, captions, headings, questions, cut-off sentences) plus the one editorial check a
 * summary needs on top of it (the headline repeated). This module is the only caller of the
 * boilerplate list in edition/.
 */
import { isRoundUp } from '#analyse/headline-frame.ts';
import type { ScoredItem, Story } from '#domain/types.ts';
import { boilerplateReason, isBoilerplateSentence } from '#extract/boilerplate.ts';
import { datesEarlierEvent } from '#text/dates.ts';
import { normaliseLanguage } from '#text/language.ts';
import { splitSentences } from '#text/sentences.ts';
import { cleanTitle } from '#text/titles.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { namesItsSpeaker } from './attribution.ts';
import type { HeadlineTranslation } from './translate-headlines.ts';

export interface ReportText {
  url: string;
  source: string;
  /** The headline, site name removed. */
  title: string;
  sentences: string[];
  /** The report's language (primary subtag), when the feed or the page says it. */
  language?: string;
  /** The headline states a development and may be quoted as one (not a question, a label or a teaser). */
  quotable: boolean;
  /** A live page, briefing or round-up: its sentences are about several events, each in passing. */
  roundUp: boolean;
  /** The headline in English, when it is not in English and was translated (the translation option). */
  titleEnglish?: HeadlineTranslation;
}

/** Article text read per report: the lead and the first developments. */
const TEXT_CHARS = 8000;
/** Word overlap (Dice) at or above which a sentence only repeats a headline. */
const HEADLINE_REPEAT = 0.75;

/** A longer "headline" is a feed's summary in the title field, not a headline to quote. */
const MAX_HEADLINE_WORDS = 22;
/** The URL a story links for this report: its canonical article URL, else the feed link. */
export function reportUrl(item: ScoredItem): string {
  return item.article?.canonicalUrl || item.link || item.article?.url || '';
}

/** The reporting sentences of a report, in their order; `keyTerms` drops the off-topic ones. */
export function reportText(
  item: ScoredItem,
  keyTerms?: ReadonlySet<string>,
  titleEnglish?: HeadlineTranslation,
): ReportText {
  const title = cleanTitle(item.title, item.source);
  const headline = new Set(tokensOf(title));
  const body = item.article?.text?.trim() ? item.article.text : (item.content ?? '');
  const sentences: string[] = [];
  const add = (text: string, wholeLines: boolean) => {
    for (const paragraph of text.split(/\n+/)) {
      // In a page, a whole line of furniture (a teaser block, an unrelated headline) goes before
      // splitting. A feed summary is one paragraph that is often cut off: only its sentences count.
      if (wholeLines && isBoilerplateSentence(paragraph)) continue;
      for (const sentence of splitSentences(paragraph)) {
        const clean = stripDateline(sentence);
        if (sentences.includes(clean) || !isSummaryMaterial(clean, headline, keyTerms)) continue;
        sentences.push(clean);
      }
    }
  };
  add(body.slice(0, TEXT_CHARS), true);
  add(endSentence(item.summary ?? ''), false);
  // A feed that puts a whole attributed sentence in the title ("White House says …, adding that
  // …") and nothing in the summary has given the report's lead sentence, not a headline.
  const words = title.split(/\s+/).length;
  if (words > MAX_HEADLINE_WORDS && namesItsSpeaker(title) && sentences.length === 0)
    sentences.push(endSentence(title));
  const language = normaliseLanguage(item.language ?? item.article?.language);
  return {
    url: reportUrl(item),
    source: item.source,
    title,
    sentences,
    ...(language ? { language } : {}),
    // The label the title cleaner takes off ("Live updates:") still says what the report is.
    quotable: isQuotableHeadline(title) && !isRoundUp(item.title),
    roundUp: isRoundUp(item.title),
    ...(titleEnglish ? { titleEnglish } : {}),
  };
}

/**
 * A headline that states a development: a quote of it says something ("Gazprom Shares Tumble
 * After Power of Siberia 2 Deal Announcement"). Questions, labels ("Analysis: …", "SCMP daily
 * highlights"), teasers and fragments say nothing by themselves.
 */
function isQuotableHeadline(title: string): boolean {
  const text = title.trim();
  if (/[?？]/.test(text) || /^(why|how|what|who|when|where|whether)\b/i.test(text)) return false;
  if (/^[^:]{1,25}:\s/.test(text) && !/^[^:]*\b(says?|said)\b/i.test(text)) return false;
  // A round-up, a briefing or a live page names a format, not a development.
  if (isRoundUp(text)) return false;
  // A headline is heading-like by nature; any other reason (a promo, a teaser) disqualifies it.
  const reason = boilerplateReason(`${text}.`);
  if (reason && !/heading|too short/.test(reason)) return false;
  const words = text.split(/\s+/).length;
  return words >= 5 && words <= MAX_HEADLINE_WORDS;
}

/**
 * Whether a sentence may stand in a summary: not furniture, not a teaser about the piece, not
 * the headline again, and (given the story's key terms) about the story.
 */
export function isSummaryMaterial(
  sentence: string,
  headline: ReadonlySet<string> = new Set(),
  keyTerms?: ReadonlySet<string>,
): boolean {
  if (isBoilerplateSentence(sentence, keyTerms ? { keyTerms } : {})) return false;
  return headline.size === 0 || dice(new Set(tokensOf(sentence)), headline) < HEADLINE_REPEAT;
}

/**
 * A feed summary is a standfirst, often written without a final full stop ("Closer co-operation
 * is forcing Pentagon and allies to react"): it ends as a sentence unless it was cut off.
 */
function endSentence(summary: string): string {
  const text = summary.trim();
  if (!text || /[.!?。！？…"'”’»)]$/.test(text)) return text;
  return `${text}.`;
}

/** "BISHKEK, Nov. 22 (Xinhua) -- ", "MOSCOW (Reuters) - ": the wire's dateline, not the news. */
const DATELINE =
  /^[\p{Lu}][\p{Lu} .'’-]{2,30}(?:, [\p{L}]{3,9}\.? \d{1,2})?(?: \([^()]{2,30}\))? ?(?:--|—|–|-) ?(?=\p{Lu})/u;

/**
 * The sentence without the wire's dateline, with quotes that hug their words ("' dear friend '"),
 * and with the article a standfirst written as a headline leaves out ("Statement decries …" →
 * "The statement decries …", "Chinese leader, a guest …" → "The Chinese leader, a guest …").
 */
function stripDateline(sentence: string): string {
  return (
    sentence
      .replace(DATELINE, '')
      // The text after a caption ("… on February 22, 2023. - South Africa embarked on …").
      .replace(/^[-–—]\s+(?=\p{Lu})/u, '')
      .replace(LOOSE_QUOTE, (_, open: string, words: string, close: string) =>
        open === "'" && close === "'" ? `‘${words}’` : `${open}${words}${close}`,
      )
      .replace(BARE_NOUN_AFTER_ADJECTIVE, 'The $1')
      .replace(BARE_NOUN, (noun: string) => `The ${noun.toLowerCase()}`)
  );
}

/** Roles and documents a standfirst opens with, without their article. */
const ROLE_NOUNS =
  'leader|president|premier|minister|foreign minister|ministry|foreign ministry|defence ministry|defense ministry|statement|joint statement|move|deal|agreement|visit|trip|official|spokesman|spokeswoman|spokesperson|envoy|delegation|summit|meeting|report|pact|plan|decision|government|military|army|navy|embassy|state media|relationship|partnership|alliance|treaty|pipeline|project|bloc|exercise|patrol|drill';
const NATIONALITY =
  'Chinese|Russian|US|U\\.S\\.|American|Ukrainian|Japanese|European|Western|Indian|Mongolian|North Korean|Kremlin';
/**
 * Then a comma or a lower-case word: "Statement decries", not "President Xi"; nor a compound
 * noun or a list ("Government officials and politicians step up warnings").
 */
const NEXT =
  '(?=,| (?!(?:officials?|sources|leaders|ministers|forces|troops|media|figures|and|or)\\b)\\p{Ll})';
const BARE_NOUN_AFTER_ADJECTIVE = new RegExp(`^((?:${NATIONALITY}) (?:${ROLE_NOUNS}))${NEXT}`, 'u');
const BARE_NOUN = new RegExp(
  `^(?:${ROLE_NOUNS.split('|')
    .map((n) => n.charAt(0).toUpperCase() + n.slice(1))
    .join('|')})${NEXT}`,
  'u',
);

/** A short quotation with a space inside each mark: "' dear friend '", "“ no limits ”". */
const LOOSE_QUOTE = /(['‘“"])\s+([^'‘’“”"]{1,60}?)\s+(['’”"])/g;

const PLAIN =
  /^(china|chinese|beijing|xi|jinping|russia|russian|moscow|kremlin|putin|vladimir|president|leader|leaders|country|countries|two|visit\w*|trip|talks?|meet\w*|january|february|march|april|may|june|july|august|september|october|november|december|\d+\w*)$/i;

/**
 * How many content words a text carries beyond the two sides' names, their leaders' roles, a
 * meeting and a date: "Xi Jinping and Vladimir Putin meeting for talks in Beijing" has none,
 * "Putin and Xi invoke wartime unity as they hail ties" has five.
 */
export function informativeWords(text: string): number {
  return new Set(
    (text.toLowerCase().match(/\p{L}[\p{L}'’-]{2,}|\d+/gu) ?? []).filter(
      (w) => !PLAIN.test(w) && !/^(the|and|for|with|from|that|this|has|have|was|were|will|reports?)$/.test(w),
    ),
  ).size;
}

/** Share of a headline's informative tokens that a sentence holds, at or above which it only repeats it. */
const HEADLINE_HELD = 0.6;

/**
 * Whether a sentence already says what a headline says: it holds most of the headline's
 * informative tokens (the two sides' names, roles, meetings and dates aside). Containment, not
 * overlap: a short headline inside a long sentence scores low on Dice and still adds nothing
 * ("China and Russia fly bombers, sail warships in joint Pacific patrol" beside the report of
 * the joint patrol of warships and bombers), while one with words of its own ("… supports
 * Russia against 'hegemonic bullying'") does add them.
 */
export function sentenceHoldsHeadline(headline: ReadonlySet<string>, sentence: ReadonlySet<string>): boolean {
  let own = 0;
  let held = 0;
  for (const token of headline) {
    // Anchor keys ("k:patrol") stand for words already counted.
    if (PLAIN.test(token) || token.includes(':')) continue;
    own++;
    if (sentence.has(token)) held++;
  }
  return own > 0 && held / own >= HEADLINE_HELD;
}

/**
 * Whether a text reads an event rather than reports it: "… seems to show China is on Russia's
 * side", "remarks appear to have been a carefully crafted barb".
 */
export function hedges(text: string): boolean {
  return HEDGED.test(text);
}

const HEDGED = /\b(?:seems?|seemed|appears?|appeared) to\b/i;

/** An explicit calendar day more than this before the story's latest report is an earlier event's. */
const EARLIER_DAYS = 7;

/** Whether a sentence of the story dates what it says weeks before the story's latest report. */
export function tellsOfEarlierEvent(story: Story, sentence: string): boolean {
  const latest = Math.max(
    ...story.articles
      .map((a) => (a.published ? Date.parse(a.published) : Number.NaN))
      .filter(Number.isFinite),
  );
  return Number.isFinite(latest) && datesEarlierEvent(sentence, new Date(latest), EARLIER_DAYS);
}
