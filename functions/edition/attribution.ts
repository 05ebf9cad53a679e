/**
 * Who says so, for every sentence the edition prints. A sentence that names its speaker ("…,
 * Peskov said", "according to Xinhua") is printed as it is; any other reporting sentence gets a
 * trailing attribution ("…, The Guardian reports."), which never touches the sentence's own
 * opening words, so no capital or name is mangled. A headline that states what happened, in
 * sentence case, is printed as its outlet's report; any other headline is quoted as the headline
 * it is, never passed off as a sentence of the report. A sentence in another language than the
 * digest's is quoted and its language said. A leading "But", "And" or "However" leans on a
 * sentence the reader has not seen and is dropped.
 */
import { detectLanguage } from '#analyse/detect-language.ts';
import { tokenise } from '#analyse/entities.ts';
import { frameOfHeadline } from '#analyse/headline-frame.ts';
import type { SummarySentence } from '#domain/types.ts';
import { scriptOf } from '#text/language.ts';
import { isTitleCase } from '#text/titles.ts';
import { outletName } from './outlet-name.ts';

/** A sentence to print, with where it came from. */
export interface SourcedSentence {
  text: string;
  url: string;
  /** The feed's name. */
  source: string;
  /** A report's headline rather than a sentence of its text. */
  headline?: boolean;
  /** The report's language (primary subtag), when known. */
  language?: string;
  /** A machine translation of a headline, from this language ("auto": detected by the service). */
  translatedFrom?: string;
}

/**
 * Speech and reporting verbs: the sentence already says who says so. Nouns that look like verbs
 * ("territorial claims", "the United States", "press reports of") do not count.
 */
const ATTRIBUTED =
  /\b(said|says|say|saying|told|tells|according to|reported|announced|announces|stated|claimed|wrote|writes|added|adds|warned|warns|urged|noted|insisted|argued|argues|declared|declares|quoted|cited|cites|estimated|estimates|believes?|thinks?|called|described|hailed|praised|pledged|vowed|accused|denied|stressed|emphasi[sz]ed|acknowledged|admitted|promised|proposed|rejected|welcomed|dismissed|condemned|(?:spokes(man|woman|person)|officials?|analysts?|experts?|sources?) (?:say|said|told|believe|expect|warn|argue|note|suggest)\w*|(?:minister|ministry|kremlin|president|government|agency|media|newspaper|readout|statement)\w* (?:reports?|reported|shows?|showed|confirms?|confirmed))\b/i;

/** Openers that lean on a sentence before them; dropped, since the reader has not seen it. */
const DISCOURSE_MARKER =
  /^(but|and|however|yet|still|meanwhile|also|moreover|furthermore|nonetheless|nevertheless|besides|instead|indeed|so|plus|in addition|on the other hand|at the same time|by contrast|in contrast)\b,?\s+(?=\S)/i;

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  de: 'German',
  es: 'Spanish',
  fr: 'French',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  pl: 'Polish',
  pt: 'Portuguese',
  ru: 'Russian',
  uk: 'Ukrainian',
  zh: 'Chinese',
};

/**
 * Whether a sentence is in the digest's language (English): a report declared in another
 * language is not, and neither is a sentence whose script or words are not English, whatever
 * its feed declares (the project's one language reader, analyse/detect-language.ts).
 */
export function isDigestLanguage(text: string, language?: string): boolean {
  if (language && language !== 'en') return false;
  if (scriptOf(text) !== 'latin') return false;
  let english = READ.get(text);
  if (english === undefined) {
    english = detectLanguage(tokenise(text), language) === 'en';
    if (READ.size >= READ_LIMIT) READ.clear();
    READ.set(text, english);
  }
  return english;
}

/** Sentences already read for their language: the same sentence is asked about many times a run. */
const READ = new Map<string, boolean>();
const READ_LIMIT = 20_000;

/** The sentence without a leading discourse marker, its new first letter in capitals. */
export function dropDiscourseMarker(sentence: string): string {
  const m = DISCOURSE_MARKER.exec(sentence);
  if (!m) return sentence;
  const rest = sentence.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Verbs of speech that say nothing of who speaks: a guest "was welcomed" (a ceremony, not
 * words), and "with Washington saying …" hangs a voice on a claim the reporter makes.
 */
const NO_SPEAKER =
  /\b(?:is|are|was|were|been|being|gets?|got)\s+(?:\p{L}+ly\s+)?welcomed\b|\bwith\s[^,;]{1,60}?\ssaying\b/giu;

/** Whether the sentence says who says so. */
export function namesItsSpeaker(sentence: string): boolean {
  return ATTRIBUTED.test(sentence.replace(NO_SPEAKER, ' ')) || OUTLET_LEAD.test(sentence);
}

/** "Bloomberg reports Xi touted …", "The FT writes that …": a lead-in that names the source. */
const OUTLET_LEAD =
  /^(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4} (?:reports|reported|writes|wrote)\b|\b(?:reports|writes) that\b/u;

/** The sentence as printed: attributed to its outlet unless it already names its speaker. */
export function attribute(sentence: SourcedSentence): string {
  const outlet = outletName(sentence.source, sentence.url);
  const text = dropDiscourseMarker(sentence.text.trim());
  if (sentence.headline && sentence.translatedFrom) {
    const from = LANGUAGE_NAMES[sentence.translatedFrom];
    return `${quoteHeadline(text, outlet).replace(/\.$/, '')} (machine translation${from ? ` from ${from}` : ''}).`;
  }
  if (sentence.headline) return headlineSentence(text, outlet, sentence.language);
  if (!isDigestLanguage(text, sentence.language)) {
    const language = sentence.language ? LANGUAGE_NAMES[sentence.language] : undefined;
    return `${outlet} reports (${language ? `in ${language}` : 'in the original'}): “${withoutFinalStop(text)}”.`;
  }
  if (namesItsSpeaker(text)) return ended(text);
  return withTrailingAttribution(text, outlet);
}

/**
 * The sentence as printed where no link shows its report (a theme paragraph): attributed as
 * `attribute` does, and a sentence that names its speaker but not its outlet says where it was
 * reported too ("… the Chinese leader said (South China Morning Post)."), in the parentheses
 * the paragraph's quoted phrases use.
 */
function attributeUnlinked(sentence: SourcedSentence): string {
  const text = attribute(sentence);
  const outlet = outletName(sentence.source, sentence.url);
  if (!outlet || text.includes(outlet)) return text;
  const body = withoutFinalStop(text);
  return ENDS_ASKING.test(body) ? `${body} (${outlet})` : `${body} (${outlet}).`;
}

/**
 * Attributes each sentence; a later sentence of an outlet already named in the same run of
 * text carries the attribution on, as a reporter would write it. `unlinked`: the text links no
 * report, so every outlet is named once (attributeUnlinked).
 */
export function attributeAll(
  sentences: readonly SourcedSentence[],
  options: { unlinked?: boolean } = {},
): SummarySentence[] {
  const named = new Set<string>();
  const first = options.unlinked ? attributeUnlinked : attribute;
  return sentences.map((s) => {
    const outlet = outletName(s.source, s.url);
    // A headline carries the attribution on only when it reads as a sentence; a quoted one names
    // its outlet, and so does any headline where no link shows that it is one.
    const again =
      named.has(outlet) &&
      (s.headline
        ? !options.unlinked && !s.translatedFrom && statesWhatHappened(s.text.trim(), s.language)
        : isDigestLanguage(s.text, s.language));
    named.add(outlet);
    const text = again ? ended(dropDiscourseMarker(s.text.trim())) : first(s);
    return s.headline ? { text, url: s.url, headline: true } : { text, url: s.url };
  });
}

/** "The Moscow Times ran the headline “…”.": a headline quoted as the headline it is. */
function quoteHeadline(title: string, outlet: string): string {
  const text = withoutFinalStop(title.trim());
  // A question or an exclamation ends the sentence with its own mark: “Will China arm Russia?”
  return `${outlet} ran the headline “${text}”${/[?!]$/.test(text) ? '' : '.'}`;
}

/**
 * A headline as the edition prints it: "China to build ice-class ships for Russia’s Arctic
 * route, Harbour Morning Post reports." when it states what happened, else quoted.
 */
export function headlineSentence(title: string, outlet: string, language?: string): string {
  const text = withoutFinalStop(title.trim());
  return statesWhatHappened(text, language) ? `${text}, ${outlet} reports.` : quoteHeadline(text, outlet);
}

/**
 * Whether a headline reads as a report's sentence: English in sentence case (Title Case
 * capitals are the headline's style, not the sentence's), with a finite verb, and no question,
 * label or speaker after a colon or dash, no quotation leading it, no commentary or preview.
 * "China and Russia v the West in the battle for WWII history" has no verb: quoted.
 */
export function statesWhatHappened(title: string, language?: string): boolean {
  if (isTitleCase(title) || /[:?!|]|\s[–—-]\s|^["'“‘«]/u.test(title)) return false;
  return isDigestLanguage(title, language) && HEADLINE_VERB.test(title) && !isCommentary(title);
}

/**
 * Whether an English headline, in any case style, may report an event: a word that can be its
 * verb ("talks stall", "EU sanctions firms" count), and no commentary or preview frame. A
 * feature's title ("Nestled between Russia and North Korea, the hopes and frustrations of a
 * piece of China") has none.
 */
export function headlinesAnEvent(title: string): boolean {
  const lower = title.toLowerCase();
  return (HEADLINE_VERB.test(lower) || NOUN_OR_VERB.test(lower)) && !isCommentary(title);
}

function isCommentary(title: string): boolean {
  const frame = frameOfHeadline(title);
  return frame.commentary || frame.preview;
}

/** Words as often nouns as a headline's verb: enough to say a headline may report an event. */
const NOUN_OR_VERB =
  /\b(?:sanction|visit|support|drop|dip|cut|start|open|target|clash|block|ban|push|help|stall|ship|call|back|plan|deal|talk|fear|eye|mull|slam|strike|step|lift|seal|arm)(?:s|es|ed|d)?\b/u;

/**
 * Verbs a news headline states its event with, in the forms headlines use (present, past,
 * "to" + verb for what is planned, auxiliaries); words that are as often nouns ("talks",
 * "sanctions", "visit", "support") are left out, so a verbless feature title is not read as a
 * report.
 */
const HEADLINE_VERB = new RegExp(
  `\\b(?:${[
    'say',
    'warn',
    'urge',
    'agree',
    'sign',
    'vow',
    'pledge',
    'accuse',
    'welcome',
    'meet',
    'hail',
    'laud',
    'praise',
    'tout',
    'flaunt',
    'affirm',
    'reaffirm',
    'seek',
    'reject',
    'condemn',
    'critici[sz]e',
    'slam',
    'blame',
    'deny',
    'denie',
    'tell',
    'want',
    'arrive',
    'host',
    'greet',
    'hold',
    'expand',
    'launch',
    'send',
    'deepen',
    'boost',
    'discuss',
    'invite',
    'offer',
    'promise',
    'thank',
    'announce',
    'approve',
    'buy',
    'sell',
    'raise',
    'rise',
    'fall',
    'tumble',
    'surge',
    'grow',
    'overtake',
    'join',
    'leave',
    'resume',
    'threaten',
    'refill',
    'suppl(?:y|ie)',
    'build',
    'settle',
    'weigh',
    'bind',
    'complete',
    'begin',
    'worr(?:y|ie)',
  ].join(
    '|',
  )})(?:s|es|d|ed)?\\b|\\b(?:said|told|met|held|sent|sold|rose|fell|grew|overtook|left|began|built|bound|bought|calls for|is|are|was|were|has|have|had|will|would|could|can|may)\\b|\\bto (?!(?:the|a|an|its|his|her|their|this|that|be)\\b)\\p{Ll}{3,}`,
  'u',
);

/** "…, The Guardian reports.": the attribution after the sentence, before its full stop. */
function withTrailingAttribution(text: string, outlet: string): string {
  const body = withoutFinalStop(text);
  // A sentence ending in a question or an exclamation keeps its mark; the attribution follows.
  if (ENDS_ASKING.test(body)) return `${body} (${outlet})`;
  return `${body}, ${outlet} reports.`;
}

/** A sentence ending in a question or an exclamation: it keeps its mark, and the outlet follows it. */
const ENDS_ASKING = /[?!]["'”’»)]*$/;

/** The text without its final full stop (inside or outside a closing quote). */
function withoutFinalStop(text: string): string {
  return text
    .trim()
    .replace(/[.。]+(["'”’»)]*)$/u, '$1')
    .replace(/[,;:]+$/, '');
}

function ended(text: string): string {
  return /[.!?。！？]["'”’»)]*$/u.test(text) ? text : `${text}.`;
}
