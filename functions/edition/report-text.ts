/**
 * The reporting sentences of one report, as summaries may use them: the article text when it
 * was fetched, else the feed's content and summary, split into sentences, the wire dateline
 * dropped, and every sentence passed through the one boilerplate list (page furniture, promos,
 * captions, headings, questions, cut-off teasers) plus the editorial checks a summary needs on
 * top of it (a teaser that describes the piece instead of the news, the headline repeated).
 * This module is the only caller of the boilerplate list in edition/.
 */
import type { ScoredItem } from '#domain/types.ts';
import { isBoilerplateSentence } from '#extract/boilerplate.ts';
import { splitSentences } from '#text/sentences.ts';
import { cleanTitle } from '#text/titles.ts';
import { dice, tokensOf } from '#text/tokens.ts';

export interface ReportText {
  url: string;
  source: string;
  /** The headline, site name removed. */
  title: string;
  sentences: string[];
  /** The headline as a sentence, when it reads as one (sentence case, a statement, not a label). */
  headline?: string;
  /** Sentences about the piece rather than the news ("X explains what to look out for"): a last resort. */
  teasers: string[];
}

/** Article text read per report: the lead and the first developments. */
const TEXT_CHARS = 8000;
/** Word overlap (Dice) at or above which a sentence only repeats a headline. */
const HEADLINE_REPEAT = 0.75;

/**
 * Sentences that describe the piece rather than report the news: "X explains what to look out
 * for", "In this episode", "Watch:", "Here's what we know". An analyst wants what happened.
 */
const TEASER =
  /\b(explains?|explained|explainer|looks? at|takes? a look|we look|breaks? down|unpacks?|analy[sz]es) (what|why|how|the|whether|where|who)\b|\b(what (to|you need to) (know|watch|look out for|expect)|here['’]?s (what|how|why)|things to (watch|know)|in this (episode|video|podcast|newsletter|edition)|listen to|watch:|live updates?|follow (our|the) live|live (blog|coverage)|our (correspondent|reporter|editor)s? (explains?|looks?|reports? from)|find out)\b|^(watch|listen|analysis|opinion|explainer|live|video|podcast|newsletter)\s*[:|–-]/i;

/** The URL a story links for this report: its canonical article URL, else the feed link. */
export function reportUrl(item: ScoredItem): string {
  return item.article?.canonicalUrl || item.link || item.article?.url || '';
}

/** The reporting sentences of a report, in their order; `keyTerms` drops the off-topic ones. */
export function reportText(item: ScoredItem, keyTerms?: ReadonlySet<string>): ReportText {
  const title = cleanTitle(item.title, item.source);
  const headline = new Set(tokensOf(title));
  const body = item.article?.text?.trim() ? item.article.text : (item.content ?? '');
  const sentences: string[] = [];
  const teasers: string[] = [];
  const add = (text: string, wholeLines: boolean) => {
    for (const paragraph of text.split(/\n+/)) {
      // In a page, a whole line of furniture (a teaser block, an unrelated headline) goes before
      // splitting. A feed summary is one paragraph that is often cut off: only its sentences count.
      if (wholeLines && isBoilerplateSentence(paragraph)) continue;
      for (const sentence of splitSentences(paragraph)) {
        const clean = stripDateline(sentence);
        if (sentences.includes(clean)) continue;
        if (!isSummaryMaterial(clean, headline, keyTerms)) {
          if (TEASER.test(clean) && !isBoilerplateSentence(clean)) teasers.push(clean);
          continue;
        }
        sentences.push(clean);
      }
    }
  };
  add(body.slice(0, TEXT_CHARS), true);
  add(endSentence(item.summary ?? ''), false);
  const asSentence = headlineSentence(title, `${body.slice(0, TEXT_CHARS)} ${item.summary ?? ''}`);
  return {
    url: reportUrl(item),
    source: item.source,
    title,
    sentences,
    ...(asSentence ? { headline: asSentence } : {}),
    teasers,
  };
}

/** Words a text writes in lower case inside its sentences: common words, not names. */
export function lowercaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![.!?]\s)\b\p{Ll}[\p{L}’'-]*/gu) ?? []);
}

/**
 * A headline that reads as a sentence ("China's Xi vows to stand with friend Putin against
 * 'hegemonic bullying'"), with its full stop; undefined for Title Case, questions, labels
 * ("Analysis: …") and fragments.
 */
function headlineSentence(title: string, context: string): string | undefined {
  let text = title.trim();
  if (/[?？:]/.test(text) || TEASER.test(text) || /^(why|how|what|who|when|where|whether)\b/i.test(text))
    return undefined;
  const words = text.split(/\s+/);
  if (words.length < 6) return undefined;
  const long = words.filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (long.length === 0) return undefined;
  if (capitalised / long.length >= 0.6) {
    // Title Case: words the report writes in lower case elsewhere go to lower case, names stay.
    const lower = lowercaseWords(context);
    text = words.map((w, i) => (i > 0 && lower.has(w.toLowerCase()) ? w.toLowerCase() : w)).join(' ');
    const still = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
    if (still.filter((w) => /^\p{Lu}/u.test(w)).length / still.length >= 0.6) return undefined;
  }
  return /[.!。！]$/.test(text) ? text : `${text}.`;
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
  if (TEASER.test(sentence)) return false;
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

function stripDateline(sentence: string): string {
  return sentence.replace(DATELINE, '');
}
