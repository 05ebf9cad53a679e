/**
 * Reads a text with the lexicons of lexicon/: finds who is named (China, Russia, a joint project,
 * a third party, Ukraine, or another sense of the same words) and tags the words the models read
 * (relation cues, frames, theme indicators, connectors, venue prepositions, private-person nouns).
 *
 * Text is split into tokens once; forms are looked up in maps (exact words, word prefixes,
 * multi-word phrases), so the cost grows with the text, not with the size of the lexicon. Entity
 * forms of every language are always active (a Polish feed may quote "Xi Jinping", an English one
 * "Chiny" never harms); cue words only for the item's language, because short function words of
 * one language are content words of another. Han text has no spaces: one pattern of every Han
 * form, longest first, cuts each run of Han characters into known forms and the rest.
 * Entity forms and the Han pattern are compiled at module load, a language's cue words the first
 * time a text of that language is tagged.
 */
import { DE } from './lexicon/de.ts';
import { EN } from './lexicon/en.ts';
import { ES } from './lexicon/es.ts';
import { FR } from './lexicon/fr.ts';
import { PL } from './lexicon/pl.ts';
import { RU } from './lexicon/ru.ts';
import type { EntityEntry, EntityKind, LanguageLexicon, Party } from './lexicon/types.ts';
import { UK } from './lexicon/uk.ts';
import { ZH } from './lexicon/zh.ts';

/** Every lexicon, English first: its labels are the reference. */
export const LEXICONS: readonly LanguageLexicon[] = [EN, PL, RU, UK, ZH, DE, FR, ES];
export const LANGUAGES = LEXICONS.map((l) => l.language);

/** One entity after the entries of all languages with its id are merged. */
export interface Entity {
  id: string;
  label: string;
  party: Party;
  kind: EntityKind;
}

export interface Token {
  /** The text as written. */
  text: string;
  /** Lower case without diacritics (Han text unchanged). */
  norm: string;
  /** Part of a run of Han characters (its n-grams are character pairs). */
  han: boolean;
  /** What separates it from the previous token ("" for the first). */
  gap: string;
  /** Offset of its first character in the text it was read from. */
  start: number;
}

export interface Mention {
  entity: Entity;
  party: Party;
  /** First and last token index (inclusive) in the sentence. */
  first: number;
  last: number;
  /** Character offsets in the sentence's text (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** A place after a locative preposition ("in Moscow"): where something happens. */
  venue: boolean;
  /** A demonym describing one private person ("Russian skater"). */
  person: boolean;
}

/** A mention that names an actor: not a venue or a private person. */
export function isActor(m: Mention): boolean {
  return !m.venue && !m.person;
}

/** One sentence of a zone, read. */
export interface Sentence {
  tokens: Token[];
  mentions: Mention[];
  /** For each token, the index of the mention covering it, or -1. */
  mentionAt: Int16Array;
  /** Tags found in the sentence ("cue:tie", "ind:energy:oil"), each with the first text that carried it. */
  tags: Map<string, string>;
  /** Token indices of connectors and locatives (for pair and venue rules). */
  connectors: Set<number>;
  /** For each token, the MARK bits of the cue words covering it (for the relation frames). */
  marks: Uint8Array;
  /** Other senses masked in this sentence ("bone china: porcelain"). */
  senses: string[];
}

const MARKS = /\p{M}/gu;
const FOLD_EXTRA: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', ø: 'o', đ: 'd', ı: 'i' };
const FOLD_EXTRA_RE = /[łŁßøđı]/g;
const ASCII = /^[\x00-\x7f]*$/;
const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
const HYPHEN_AFTER = /^\s?[-‐‑–—]\s?$/u;

/** Lower case without diacritics, so "Pekinie" meets "pekinie" and "Rosję" meets "rosje". */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c] ?? c);
}

/**
 * fold of words with letters beyond ASCII, remembered: normalising costs ten times a lookup, and
 * a day's feeds repeat their words. Bounded, so that unseen words cannot grow it without end.
 */
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 20_000;

function foldRemembered(word: string): string {
  let norm = FOLDED.get(word);
  if (norm === undefined) {
    norm = fold(word);
    if (FOLDED.size < MAX_FOLDED) FOLDED.set(word, norm);
  }
  return norm;
}

interface Word {
  norm: string;
  prefix: boolean;
}

interface Phrase<T> {
  words: Word[];
  /** The last word must be followed by a hyphen ("sino-"). */
  hyphen: boolean;
  payload: T;
}

const ONE_WORD = /^[\p{L}\p{N}]+\*?$/u;
const ALL_HAN = /^\p{Script=Han}+$/u;

/** Splits a lexicon form into words: `rosj*` is a prefix, a trailing `-` needs a hyphen after it. */
function parseForm(form: string): { words: Word[]; hyphen: boolean } {
  // Most forms are one word that TOKEN reads as one token (letters and digits, all Han or none):
  // the same result as below without splitting and matching.
  if (ONE_WORD.test(form) && (!HAN.test(form) || ALL_HAN.test(form))) {
    const prefix = form.endsWith('*');
    return { words: [{ norm: fold(prefix ? form.slice(0, -1) : form), prefix }], hyphen: false };
  }
  const hyphen = form.endsWith('-');
  const body = hyphen ? form.slice(0, -1) : form;
  const words: Word[] = [];
  for (const part of body.split(/\s+/)) {
    if (part === '') continue;
    const prefix = part.endsWith('*');
    const pieces = (prefix ? part.slice(0, -1) : part).match(TOKEN) ?? [];
    for (let i = 0; i < pieces.length; i++) {
      words.push({ norm: fold(pieces[i]!), prefix: prefix && i === pieces.length - 1 });
    }
  }
  return { words, hyphen };
}

/**
 * Forms indexed by their first word: exact words in a map; prefixes by their first two
 * characters, shortest first. A token looks up its own text once, then compares itself with the
 * few prefixes that open like it, so a lookup costs a hash or two whatever the size of the
 * lexicon. (A character trie walks the same way but allocates a map per character of every prefix
 * form: most of the module's load time. Slicing the token to each prefix length cost a new string
 * and its hash per length.)
 */
class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  /** For the first two characters of prefix forms (as one number), the prefixes, shortest first. */
  private readonly prefixes = new Map<number, { prefix: string; phrases: Phrase<T>[] }[]>();

  add(form: string, payload: T): void {
    const { words, hyphen } = parseForm(form);
    const first = words[0];
    if (!first) return;
    const phrase: Phrase<T> = { words, hyphen, payload };
    if (!first.prefix) {
      pushTo(this.exact, first.norm, phrase);
      return;
    }
    // Prefixes are grouped by two characters: a shorter prefix would match too much anyway.
    if (first.norm.length < 2) throw new Error(`lexicon form "${form}": a prefix needs two letters at least`);
    const code = pairCode(first.norm);
    let group = this.prefixes.get(code);
    if (!group) {
      group = [];
      this.prefixes.set(code, group);
    }
    const known = group.find((g) => g.prefix === first.norm);
    if (known) {
      known.phrases.push(phrase);
      return;
    }
    // After the prefixes as long or shorter: shortest first, in lexicon order among equals.
    let at = group.length;
    while (at > 0 && group[at - 1]!.prefix.length > first.norm.length) at--;
    group.splice(at, 0, { prefix: first.norm, phrases: [phrase] });
  }

  /**
   * Every phrase that matches at token `i`, with the index of its last token: exact forms first,
   * then prefix forms from the shortest prefix to the longest, each in lexicon order.
   */
  matchesAt(tokens: readonly Token[], i: number, into: Match<T>[]): void {
    const token = tokens[i];
    if (!token) return;
    const norm = token.norm;
    const exact = this.exact.get(norm);
    if (exact) collectMatches(exact, tokens, i, into);
    const group = this.prefixes.get(pairCode(norm));
    if (group === undefined) return;
    for (const { prefix, phrases } of group) {
      if (prefix.length > norm.length) return;
      if (norm.startsWith(prefix)) collectMatches(phrases, tokens, i, into);
    }
  }
}

/** Appends to the list under `key`. */
function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first two UTF-16 units of a word as one number (a one-letter word pairs with 0). */
function pairCode(word: string): number {
  return (word.charCodeAt(0) << 16) | (word.length > 1 ? word.charCodeAt(1) : 0);
}

interface Match<T> {
  phrase: Phrase<T>;
  last: number;
}

function collectMatches<T>(
  list: readonly Phrase<T>[],
  tokens: readonly Token[],
  i: number,
  into: Match<T>[],
): void {
  for (const phrase of list) {
    const last = matchRest(phrase, tokens, i);
    if (last >= 0) into.push({ phrase, last });
  }
}

function wordMatches(word: Word, token: Token | undefined): boolean {
  if (!token) return false;
  return word.prefix ? token.norm.startsWith(word.norm) : token.norm === word.norm;
}

const PHRASE_BREAK = /[,;:()]/;

/** Index of the phrase's last token when it matches from token `i`, else -1. */
function matchRest<T>(phrase: Phrase<T>, tokens: readonly Token[], i: number): number {
  for (let k = 1; k < phrase.words.length; k++) {
    const token = tokens[i + k];
    // Words of a phrase follow each other: a sentence break or a comma between them ends it.
    if (!token || PHRASE_BREAK.test(token.gap) || !wordMatches(phrase.words[k]!, token)) return -1;
  }
  const last = i + phrase.words.length - 1;
  if (phrase.hyphen && !HYPHEN_AFTER.test(tokens[last + 1]?.gap ?? '')) return -1;
  return last;
}

/** Per-token bits of Sentence.marks: which kind of cue word covers a token. */
export const MARK = {
  tie: 1,
  joint: 2,
  contact: 4,
  flow: 8,
  frame: 16,
  visit: 32,
  backdrop: 64,
} as const;
const MARK_OF_TAG = new Map<string, number>([
  ['cue:tie', MARK.tie],
  ['cue:joint', MARK.joint],
  ['cue:contact', MARK.contact],
  ['cue:flow', MARK.flow],
  ['visit', MARK.visit],
  ['back', MARK.backdrop],
]);

const ENTITY_BY_ID = new Map<string, Entity>();
const ENTITY_INDEX = new PhraseIndex<Entity>();
const CASED = new Map<string, Entity>();
const HAN_FORMS = new Set<string>();

function entityOf(entry: EntityEntry): Entity {
  const known = ENTITY_BY_ID.get(entry.id);
  if (known) return known;
  const entity = { id: entry.id, label: entry.label, party: entry.party, kind: entry.kind };
  ENTITY_BY_ID.set(entry.id, entity);
  return entity;
}

for (const lexicon of LEXICONS) {
  for (const entry of lexicon.entities) {
    const entity = entityOf(entry);
    for (const form of entry.forms) {
      if (HAN.test(form)) HAN_FORMS.add(form);
      ENTITY_INDEX.add(form, entity);
    }
    for (const form of entry.cased ?? []) CASED.set(form, entity);
  }
}
/** The longest cased form: a longer word need not be looked up. */
const CASED_LENGTH = Math.max(...[...CASED.keys()].map((form) => form.length));

/**
 * The tag dictionary of one language, form by form: cue classes, frames, theme indicators,
 * private-person nouns, connectors ("conn") and venue prepositions ("loc").
 */
function forEachTagForm(lexicon: LanguageLexicon, visit: (form: string, tag: string) => void): void {
  for (const [cls, forms] of Object.entries(lexicon.cues)) for (const f of forms) visit(f, `cue:${cls}`);
  for (const [cls, forms] of Object.entries(lexicon.frames)) for (const f of forms) visit(f, `frame:${cls}`);
  for (const [theme, indicators] of Object.entries(lexicon.themes)) {
    for (const [label, forms] of Object.entries(indicators))
      for (const f of forms) visit(f, `ind:${theme}:${label}`);
  }
  for (const f of lexicon.persons) visit(f, 'person');
  for (const f of lexicon.visits) visit(f, 'visit');
  for (const f of lexicon.backdrops) visit(f, 'back');
  for (const f of lexicon.connectors) visit(f, 'conn');
  for (const f of lexicon.locatives) visit(f, 'loc');
}

// Han text is cut with the Han forms of every lexicon, so they are all known before any text is read.
for (const lexicon of LEXICONS)
  forEachTagForm(lexicon, (form) => {
    if (HAN.test(form)) HAN_FORMS.add(form);
  });

/**
 * Each language's tag dictionary in one index, compiled when a text of that language is first
 * tagged: a run reads the languages of its feeds (three with the default feeds), not all eight.
 */
const TAGS = new Map<string, PhraseIndex<string>>();
const LEXICON_OF = new Map(LEXICONS.map((l) => [l.language, l]));
/** The destination locatives of the languages that have them, folded as tokens are. */
const DESTINATIONS = new Map(
  LEXICONS.filter((l) => l.destinations).map((l) => [l.language, new Set(l.destinations!.map(fold))]),
);

/**
 * English drops a silent e before -ing: the prefix form "embrace*" reads "embraces" and
 * "embraced" but not "embracing", so such a form also stands for its -ing word ("agree*" keeps
 * its e: "agreeing").
 */
const SILENT_E = /(?<![e\s])e\*$/;
export function englishIngForm(form: string): string | undefined {
  return SILENT_E.test(form) ? form.replace(SILENT_E, 'ing') : undefined;
}

function tagsOf(language: string): PhraseIndex<string> {
  const lexicon = LEXICON_OF.get(language) ?? EN;
  let index = TAGS.get(lexicon.language);
  if (!index) {
    const compiled = new PhraseIndex<string>();
    forEachTagForm(lexicon, (form, tag) => {
      compiled.add(form, tag);
      const ing = lexicon.language === 'en' ? englishIngForm(form) : undefined;
      if (ing) compiled.add(ing, tag);
    });
    TAGS.set(lexicon.language, compiled);
    index = compiled;
  }
  return index;
}

/** Han forms, longest first, so that 中俄 wins over 中 and 俄罗斯 over 俄. */
const HAN_SPLIT = new RegExp(
  [...HAN_FORMS]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gu',
);

/**
 * TOKEN's words, with what is known of each from the match alone, marked by an empty group (so
 * that no second copy of the word is made): a Han run (group 1), a run of ASCII letters and
 * digits that is a whole word (group 2: its fold is its lower case, no Han in it), or any other
 * run of letters and digits. Same boundaries as TOKEN: the ASCII branch only matches a run that
 * no letter or digit follows, which is then TOKEN's whole word.
 */
const TOKEN_KINDS = /\p{Script=Han}+()|[A-Za-z0-9]+(?![\p{L}\p{N}])()|[\p{L}\p{N}]+/gu;

/** Tokens of one sentence; Han runs are cut into known forms and the characters between them. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  TOKEN_KINDS.lastIndex = 0;
  for (let m = TOKEN_KINDS.exec(text); m !== null; m = TOKEN_KINDS.exec(text)) {
    const gap = text.slice(end, m.index);
    const word = m[0];
    const start = m.index;
    end = start + word.length;
    if (m[2] !== undefined) {
      tokens.push({ text: word, norm: word.toLowerCase(), han: false, gap, start });
      continue;
    }
    if (m[1] === undefined && !HAN.test(word)) {
      tokens.push({ text: word, norm: foldRemembered(word), han: false, gap, start });
      continue;
    }
    let at = 0;
    let first = true;
    const push = (piece: string, offset: number) => {
      tokens.push({ text: piece, norm: piece, han: true, gap: first ? gap : '', start: start + offset });
      first = false;
    };
    HAN_SPLIT.lastIndex = 0;
    for (let h = HAN_SPLIT.exec(word); h !== null; h = HAN_SPLIT.exec(word)) {
      if (h.index > at) push(word.slice(at, h.index), at);
      push(h[0], h.index);
      at = h.index + h[0].length;
    }
    if (at < word.length) push(word.slice(at), at);
  }
  return tokens;
}

/** The text of tokens first..last as written. */
export function surfaceOf(tokens: readonly Token[], first: number, last: number): string {
  let out = tokens[first]?.text ?? '';
  for (let k = first + 1; k <= last; k++) out += `${tokens[k]!.gap}${tokens[k]!.text}`;
  return out;
}

const VENUE_KINDS = new Set<EntityKind>(['capital', 'country', 'place', 'seat']);

/** Singular demonyms of every lexicon, folded: each names one private person. */
const PERSON_DEMONYMS = new Set(LEXICONS.flatMap((l) => (l.personDemonyms ?? []).map(fold)));

/** Reads one sentence: its tokens and entity mentions (longest match wins). Tags come later. */
export function readSentence(text: string): Sentence {
  const tokens = tokenise(text);
  const mentionAt = new Int16Array(tokens.length).fill(-1);
  const mentions: Mention[] = [];
  const senses: string[] = [];
  const candidates: Match<Entity>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (candidates.length > 0) candidates.length = 0;
    ENTITY_INDEX.matchesAt(tokens, i, candidates);
    let entity: Entity | undefined;
    let last = i;
    for (const c of candidates) {
      if (!entity || c.last > last) {
        entity = c.phrase.payload;
        last = c.last;
      }
    }
    if (!entity && tokens[i]!.text.length <= CASED_LENGTH) entity = CASED.get(tokens[i]!.text);
    if (!entity) continue;
    const text = surfaceOf(tokens, i, last);
    if (entity.party === 'sense') senses.push(`${text}: ${entity.label}`);
    else {
      for (let k = i; k <= last; k++) mentionAt[k] = mentions.length;
      const end = tokens[last]!.start + tokens[last]!.text.length;
      mentions.push({
        entity,
        party: entity.party,
        first: i,
        last,
        start: tokens[i]!.start,
        end,
        text,
        venue: false,
        person: false,
      });
    }
    i = last;
  }
  return {
    tokens,
    mentions,
    mentionAt,
    tags: new Map(),
    connectors: new Set(),
    marks: new Uint8Array(tokens.length),
    senses,
  };
}

/** Tags a read sentence with the cue words of `language`, and marks venues and private persons. */
export function tagSentence(sentence: Sentence, language: string): void {
  const { tokens, tags, connectors, mentions, marks } = sentence;
  const index = tagsOf(language);
  const destinations = DESTINATIONS.get(language);
  const found: Match<string>[] = [];
  const locatives = new Set<number>();
  // Where the flow words are: a destination locative right after one's phrase names the recipient.
  const flows: number[] = [];
  // Entity tokens carry tags too: "Gazprom" is Russian and an energy company, "yuan" Chinese and a currency.
  for (let i = 0; i < tokens.length; i++) {
    if (found.length > 0) found.length = 0;
    index.matchesAt(tokens, i, found);
    for (const { phrase, last } of found) {
      const tag = phrase.payload;
      const mark = MARK_OF_TAG.get(tag) ?? (tag.startsWith('frame:') ? MARK.frame : 0);
      if (mark !== 0) for (let k = i; k <= last; k++) marks[k]! |= mark;
      if (tag === 'cue:flow' && destinations) flows.push(i);
      if (tag === 'conn') for (let k = i; k <= last; k++) connectors.add(k);
      else if (tag === 'loc') locatives.add(last);
      else if (tag !== 'visit' && tag !== 'back' && !tags.has(tag)) tags.set(tag, surfaceOf(tokens, i, last));
    }
  }
  for (const mention of mentions) {
    // "in Moscow" is a venue; "in Russia-Ukraine war" and "in Russia's war" are not.
    const next = tokens[mention.last + 1];
    const compound =
      next !== undefined && (HYPHEN_AFTER.test(next.gap) || (next.norm === 's' && /['’]/.test(next.gap)));
    const at = mention.first - 1;
    if (
      VENUE_KINDS.has(mention.entity.kind) &&
      locatives.has(at) &&
      !compound &&
      !(destinations?.has(tokens[at]!.norm) && flowsTo(flows, mentions, at))
    )
      mention.venue = true;
    if (mention.entity.kind === 'people' && mention.first === mention.last) {
      if (PERSON_DEMONYMS.has(tokens[mention.first]!.norm)) mention.person = true;
    }
    if (mention.entity.kind === 'people' && !mention.person && mention.last + 1 < tokens.length) {
      if (found.length > 0) found.length = 0;
      index.matchesAt(tokens, mention.last + 1, found);
      if (found.some((f) => f.phrase.payload === 'person')) mention.person = true;
    }
  }
  // "Chinese and Russian tourists": a demonym listed before a private person's is one too.
  for (let j = mentions.length - 2; j >= 0; j--) {
    const m = mentions[j]!;
    const next = mentions[j + 1]!;
    if (m.entity.kind !== 'people' || !next.person || next.first - m.last > 3) continue;
    let listed = true;
    for (let k = m.last + 1; k < next.first; k++) if (!connectors.has(k)) listed = false;
    if (listed || LIST_COMMA.test(tokens[next.first]!.gap)) m.person = true;
  }
}

const LIST_COMMA = /^\s*,\s*$/;

/**
 * Whether a flow word comes before position `at` with no party named between them: "fournit des
 * composants à Moscou" is a delivery to Moscow; "Le pétrole russe : Macron à Pékin" is a visit.
 */
function flowsTo(flows: readonly number[], mentions: readonly Mention[], at: number): boolean {
  for (const f of flows) {
    if (f >= at) continue;
    let between = false;
    for (const m of mentions) if (m.first > f && m.first < at) between = true;
    if (!between) return true;
  }
  return false;
}

/** An item names Idaho: its Moscow is the university town, not the Russian capital. */
export function applyIdahoRule(sentences: Sentence[]): void {
  if (!sentences.some((s) => s.senses.some((x) => x.endsWith(': Moscow, Idaho')))) return;
  for (const sentence of sentences) {
    const dropped = dropMentions(sentence, (m) => m.entity.id === 'moscow');
    for (const m of dropped) sentence.senses.push(`${m.text}: Moscow, Idaho`);
  }
}

/** In a text of a language whose common words look like a name ("Kim jest…?"), they are no name. */
export function applyNotNamesRule(sentences: Sentence[], language: string): void {
  const notNames = LEXICON_OF.get(language)?.notNames;
  if (!notNames || notNames.length === 0) return;
  for (const sentence of sentences) dropMentions(sentence, (m) => notNames.includes(m.text));
}

/** Removes the mentions `drop` picks and re-indexes the rest; returns the removed ones. */
function dropMentions(sentence: Sentence, drop: (m: Mention) => boolean): Mention[] {
  const removed = sentence.mentions.filter(drop);
  if (removed.length === 0) return removed;
  const kept = sentence.mentions.filter((m) => !drop(m));
  sentence.mentions = kept;
  sentence.mentionAt.fill(-1);
  kept.forEach((m, n) => {
    for (let k = m.first; k <= m.last; k++) sentence.mentionAt[k] = n;
  });
  return removed;
}

/**
 * The entity mentions of a text, in order, other senses left out, with character offsets: for
 * callers that cut the text around them (edition/ and headline-frame.ts).
 */
export function findMentions(text: string): Mention[] {
  return readSentence(text).mentions;
}

/** The two sides of the relationship (a joint project counts for both). */
export function isSide(party: Party): party is 'china' | 'russia' | 'both' {
  return party === 'china' || party === 'russia' || party === 'both';
}
