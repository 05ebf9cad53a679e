/**
 * The last gate before a sentence reaches a summary: bylines, comment and share prompts,
 * "You may also like", newsletter and cookie text, navigation, photo credits, tables of
 * contents and FAQs, teasers cut off with "...", headings and unrelated headlines (lines
 * without a sentence's ending), and lines in a script the story is not written in. The seed
 * documents in shared/seeds show all of these inside real scraped article text; extraction
 * removes most of them, and this filter catches what is left, sentence by sentence.
 */

import { tokensOf } from '#text/tokens.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { TEASER_RULES } from './teaser-rules.ts';

export interface SentenceContext {
  /** Content tokens (as `tokensOf` makes them) that the story is about; a sentence sharing none is off-topic. */
  keyTerms?: ReadonlySet<string>;
}

const FURNITURE: readonly (readonly [string, RegExp])[] = [
  [
    'related-links prompt',
    /^(you (may|might) also like|related( stories| articles| posts| news| coverage| content)?|more (stories|from|on this|news)|recommended( for you| reading)?|read (more|next|also|the full)|also read|see also|most (read|popular|viewed|shared)|trending( now| stories)?|popular (now|stories)|top stories|latest (news|stories|updates)|editor['’]?s picks|don['’]?t miss|what to read next)\b/i,
  ],
  [
    'comment prompt',
    /^(click|tap) (here )?to (comment|read|subscribe|share|view|see|continue|watch|listen)|^(notify of|inline feedbacks?|view all comments|leave a (comment|reply)|\d+ comments?|comments?( \(\d+\))?|join the (conversation|discussion)|add a comment|post a comment|show comments|load comments|be the first to comment)\b/i,
  ],
  [
    'share prompt',
    /^(share|share this( article| story| page| post)?|share on \w+|tweet( this)?|email( this)?|print( this)?|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest)[:.!]?$/i,
  ],
  [
    'newsletter or subscription prompt',
    /\b(sign up (for|to)|subscribe (to|for|now|today)|newsletter|delivered to your inbox|in your inbox|to receive .* in your inbox|already a subscriber|subscribe to continue|to continue reading|log ?in to (read|continue)|create a free account|become a member|support (our|independent) journalism|consider subscribing|catch up on (some of )?\S+ (biggest|top|latest|best))\b/i,
  ],
  [
    'cookie notice',
    /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences|consent)|by continuing to (browse|use) this|privacy (policy|settings))\b/i,
  ],
  [
    'social follow prompt',
    /\bfollow (us|করুন|@\w+)\b|\b(join|follow) (our|us on) (telegram|whatsapp|twitter|x|facebook|instagram|youtube|google news)\b|\bgoogle news\b.*\b(follow|subscribe)\b/i,
  ],
  [
    'navigation',
    /^(top of page|bottom of page|back to top|skip to (main )?content|connect with us|hi,? what are you looking for\??|search( for)?:?|menu|home|close|next|previous|(previous|next) (article|post|story)\b.*|jump to|in this article|on this page)$/i,
  ],
  [
    'table of contents or FAQ',
    /^(table of contents|contents|faqs?\b.*|frequently asked questions.*|key takeaways|at a glance)$/i,
  ],
  [
    'byline',
    /^(by|written by|reporting by|reported by|author:?|words by|story by)\s+[\p{L}.'’ ,&-]{2,80}$|^by admin\b|^\(?(reporting|writing|editing|additional reporting) by\b|\b\d+ views?$/iu,
  ],
  [
    'dateline or stamp',
    /^(posted|published|updated|last updated|first published)( on| at)?[:\s]+\S+|^\d+ min(ute)?s? read$|^listen to this article\b/i,
  ],
  [
    'photo credit or caption',
    /^(photo|photograph|image|picture|video|graphic|illustration|file photo|image source|image caption|media caption|caption|credit|source)s?\s*[:/(,]|\((photo|image|picture)s? (by|:|credit)[^)]*\)$|^(getty images|afp|reuters|ap photo|epa|shutterstock|sputnik|xinhua|tass)(\s*(\/|via).*)?$/i,
  ],
  [
    'photo caption',
    /\([^()]*\b(getty images|afp|reuters|ap photo|epa|sputnik|xinhua|tass|shutterstock|photo by|pool photo)\b[^()]*\)\.?$|\((l|r|c|left|right|centre|center|front|back)\)\s+\p{Ll}/iu,
  ],
  ['copyright', /^(©|\(c\)|copyright)\s*\d{4}|all rights reserved\.?$/i],
  [
    'advertisement',
    /^(advertisement|advert|sponsored( content)?|paid (post|content)|promoted( content)?|ad|ads by \w+)$/i,
  ],
  [
    'site blurb',
    /^(we['’]re|we are) (dedicated|committed|working|proud) to\b|^(about us|contact us|terms of (use|service)|all articles by)\b/i,
  ],
  [
    'chatty aside',
    /^(hey (guys|folks|everyone)|let['’]?s (dive|break it down|take a (look|closer look)|talk about)|so,? yeah)\b|shall we\?$/i,
  ],
  ['link', /https?:\/\/|\bwww\.\S+|\bbit\.ly\//i],
  ...TEASER_RULES,
];

/** Why a sentence must not reach a summary, or undefined when it may. */
export function boilerplateReason(sentence: string, context: SentenceContext = {}): string | undefined {
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (!text) return 'empty';
  for (const [reason, re] of FURNITURE) if (re.test(text)) return reason;
  if (isBoilerplateLine(text)) return 'page furniture';
  if (isForeignScript(text)) return 'line in an unrelated script';
  if (/[?？]["'”’»)]*$/.test(text)) return 'question, not a report';
  if (/(\.\.\.|…)["'”’»)]*$/.test(text)) return 'teaser cut off mid-sentence';
  if (isHeadingLike(text)) return 'heading or headline, not a sentence';
  if (isTooShort(text)) return 'too short to say what happened';
  if (context.keyTerms && context.keyTerms.size > 0 && !sharesTerms(text, context.keyTerms)) {
    return 'unrelated to the story';
  }
  return undefined;
}

/** Whether a sentence is page furniture, a heading, a teaser or off-topic: never summary material. */
export function isBoilerplateSentence(sentence: string, context: SentenceContext = {}): boolean {
  return boilerplateReason(sentence, context) !== undefined;
}

/** Letters mostly outside Latin, Cyrillic and CJK: a promotion in another language pasted around the story. */
function isForeignScript(text: string): boolean {
  let known = 0;
  let other = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (
      /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(
        ch,
      )
    )
      known++;
    else other++;
  }
  return other > 0 && other >= known * 0.3;
}

/**
 * A line without a sentence's ending is a heading, a crosshead or the headline of some other
 * story ("Rafale Fighter Jets: India's High-Stakes Modernization Faces First Major Combat
 * Test"). Long lines in sentence case are kept: some sites drop the final full stop.
 */
function isHeadingLike(text: string): boolean {
  if (/[.!。！]["'”’»)\]]*$/.test(text)) {
    // Title Case throughout with a full stop is still a headline ("Putin Hails Ties With China.").
    return wordCount(text) >= 4 && wordCount(text) <= 12 && !hasLowercaseContentWord(text);
  }
  if (/\p{Script=Han}/u.test(text)) return [...text].length < 40;
  const words = wordCount(text);
  return words <= 14 || titleCaseShare(text) >= 0.6;
}

/** Words a Title Case headline leaves in lower case. */
const MINOR_WORDS = new Set('a an the and or but of to in on at by for as vs'.split(' '));

function hasLowercaseContentWord(text: string): boolean {
  return text.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !MINOR_WORDS.has(w.replace(/\P{L}/gu, '')));
}

function titleCaseShare(text: string): number {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w) && w.length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function isTooShort(text: string): boolean {
  if (/\p{Script=Han}/u.test(text)) return [...text].length < 10;
  return wordCount(text) < 5 || text.length < 30;
}

function sharesTerms(text: string, keyTerms: ReadonlySet<string>): boolean {
  for (const t of tokensOf(text)) if (keyTerms.has(t)) return true;
  return false;
}
