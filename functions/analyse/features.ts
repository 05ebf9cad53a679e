/**
 * Feature extraction for the relevance and theme models: what the lexicon and the context rules
 * see in an item (who is named where, how the two sides are linked, the relation cues and the
 * frames around the link, third parties, venues, private persons), plus word n-grams in which
 * every entity is replaced by its side (@cn, @ru, @3...), so "@cn and @ru sign" is one pattern in
 * every spelling of the two names.
 *
 * Features are named, not hashed: the fitted model is a readable list of weights, and every
 * decision can be explained by its strongest features. Lexicon features carry across languages;
 * n-grams only help in languages that have training data.
 */
import { splitSentences } from '#text/sentences.ts';
import { stem } from '#text/tokens.ts';
import { detectLanguageOfRuns } from './detect-language.ts';
import {
  applyIdahoRule,
  applyNotNamesRule,
  isActor,
  MARK,
  type Mention,
  readSentence,
  type Sentence,
  surfaceOf,
  tagSentence,
} from './entities.ts';
import { frameOfHeadline, WESTERN_ACTORS } from './headline-frame.ts';
import { joinOf, markVisits, readRelationFrames, sidesByClause } from './relation-frames.ts';

export interface ItemText {
  title: string;
  summary?: string;
  /** The article text, when it was fetched. */
  text?: string;
  /** The feed's language tag, if any. */
  language?: string;
}

export interface Reading {
  language: string;
  title: Sentence;
  /** The title as given (capped), for the headline's frame. */
  titleText: string;
  /** The description's sentences, then the article's sentences that name a side. */
  summary: Sentence[];
  /** How many of `summary` come from the article text (they are the last ones). */
  bodySentences: number;
  /** China, Russia or a joint project is named somewhere (as an actor or not). */
  namesASide: boolean;
  senses: string[];
}

/** Caps on what is read, so a long text costs a bounded time. */
const MAX_TITLE = 400;
const MAX_SUMMARY = 1500;
const MAX_BODY = 4000;
/** Article sentences that name a side, at most: the article's account of the relation. */
const MAX_BODY_SENTENCES = 4;

/** Reads an item's title, description and (when present) the article sentences that name a side. */
export function readItem(item: ItemText): Reading {
  const titleSentence = readSentence((item.title ?? '').slice(0, MAX_TITLE));
  const summary = splitSentences((item.summary ?? '').slice(0, MAX_SUMMARY)).map(readSentence);
  let bodySentences = 0;
  if (item.text) {
    for (const text of splitSentences(item.text.slice(0, MAX_BODY))) {
      if (bodySentences >= MAX_BODY_SENTENCES) break;
      const sentence = readSentence(text);
      if (namesSide([sentence])) {
        summary.push(sentence);
        bodySentences++;
      }
    }
  }
  const all = [titleSentence, ...summary];
  const language = detectLanguageOfRuns(
    all.map((s) => s.tokens),
    item.language,
  );
  // Cue words, venues and private persons qualify mentions of the two sides: an item naming
  // neither is scored without them (most items of a day's feeds).
  const namesASide = namesSide(all);
  if (namesASide) {
    for (const sentence of all) tagSentence(sentence, language);
    for (const sentence of all) {
      const visit = markVisits(sentence);
      if (visit) VISITS.set(sentence, visit);
    }
  }
  applyIdahoRule(all);
  applyNotNamesRule(all, language);
  const senses: string[] = [];
  for (const s of all) for (const sense of s.senses) senses.push(sense);
  return {
    language,
    title: titleSentence,
    titleText: (item.title ?? '').slice(0, MAX_TITLE),
    summary,
    bodySentences,
    // The rules above may have dropped the only mention of a side.
    namesASide: namesASide && namesSide(all),
    senses,
  };
}

/** Whether any of the sentences names China, Russia or a joint project (as an actor or not). */
function namesSide(sentences: readonly Sentence[]): boolean {
  for (const s of sentences) for (const m of s.mentions) if (isSideParty(m.party)) return true;
  return false;
}

/** Sentences in which one side's leader or official travels to the other: the evidence. */
const VISITS = new WeakMap<Sentence, string>();

export interface FeatureOptions {
  /** Word unigrams and bigrams (off: lexicon and context features only). */
  ngrams: boolean;
}

/** Feature values with, for each, the text that triggered it (for reasons). */
export interface Features {
  values: Map<string, number>;
  evidence: Map<string, string>;
}

type SideCode = 'cn' | 'ru';
const SIDE_CODE: Record<string, SideCode> = { china: 'cn', russia: 'ru' };
const PLACEHOLDER: Record<string, string> = {
  china: '@cn',
  russia: '@ru',
  both: '@cr',
  third: '@3',
  ukraine: '@ua',
};

function isSideParty(party: string): boolean {
  return party === 'china' || party === 'russia' || party === 'both';
}

const ACTOR_SIDES = new WeakMap<Sentence, Set<SideCode>>();
const ANY_SIDES = new WeakMap<Sentence, Set<SideCode>>();

function sidesOf(sentence: Sentence, actorsOnly: boolean): Set<SideCode> {
  const out = new Set<SideCode>();
  for (const m of sentence.mentions) {
    if (actorsOnly && !isActor(m)) continue;
    if (m.party === 'both') {
      out.add('cn');
      out.add('ru');
    }
    const code = SIDE_CODE[m.party];
    if (code) out.add(code);
  }
  return out;
}

/** The sides named as actors in a sentence (a joint project names both); computed once per sentence. */
function actorSides(sentence: Sentence): Set<SideCode> {
  let sides = ACTOR_SIDES.get(sentence);
  if (!sides) {
    sides = sidesOf(sentence, true);
    ACTOR_SIDES.set(sentence, sides);
  }
  return sides;
}

/** The sides named at all, venues and private persons included. */
function anySides(sentence: Sentence): Set<SideCode> {
  let sides = ANY_SIDES.get(sentence);
  if (!sides) {
    sides = sidesOf(sentence, false);
    ANY_SIDES.set(sentence, sides);
  }
  return sides;
}

const FRAMES = new WeakMap<Sentence, Map<string, string>>();
const NO_FRAMES: ReadonlyMap<string, string> = new Map();

/** The relation frames of a sentence naming both sides as actors (none otherwise); computed once. */
function relationFramesOf(sentence: Sentence): ReadonlyMap<string, string> {
  if (actorSides(sentence).size < 2) return NO_FRAMES;
  let frames = FRAMES.get(sentence);
  if (!frames) {
    frames = readRelationFrames(sentence);
    FRAMES.set(sentence, frames);
  }
  return frames;
}

interface PairLinks {
  bound?: string;
  coordinated?: string;
  list?: string;
}

const LINKS = new WeakMap<Sentence, PairLinks>();

/**
 * How the two sides are linked in one sentence, and whether a third party is listed with them;
 * computed once per sentence (the features and the backdrop rule both ask).
 */
function linksIn(sentence: Sentence): PairLinks {
  let links = LINKS.get(sentence);
  if (!links) {
    links = readLinks(sentence);
    LINKS.set(sentence, links);
  }
  return links;
}

function readLinks(sentence: Sentence): PairLinks {
  const links: PairLinks = {};
  const ms = sentence.mentions;
  for (const m of ms) if (m.party === 'both' && isActor(m)) links.bound ??= m.text;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const join = joinOf(sentence, a, b);
    if (!join) continue;
    const sides = SIDE_CODE[a.party] && SIDE_CODE[b.party];
    const text = surfaceOf(sentence.tokens, a.first, b.last);
    if (sides && a.party !== b.party) {
      if (join === 'bound') links.bound ??= text;
      else links.coordinated ??= text;
    } else if ((SIDE_CODE[a.party] && b.party === 'third') || (a.party === 'third' && SIDE_CODE[b.party])) {
      if (join === 'coordinated') links.list ??= text;
    }
  }
  return links;
}

/** Sets a feature to 1, keeping the first evidence given for it. */
function put(features: Features, name: string, why = ''): void {
  features.values.set(name, 1);
  if (why && !features.evidence.has(name)) features.evidence.set(name, why);
}

/** The first mention of `party` in a sentence (as an actor, when asked). */
function firstOf(sentence: Sentence, party: string, actorOnly: boolean): Mention | undefined {
  for (const m of sentence.mentions) if (m.party === party && (!actorOnly || isActor(m))) return m;
  return undefined;
}

/** The text of the first mention of a side (or of both) in a sentence, "" when none. */
function mentionText(sentence: Sentence, side: SideCode): string {
  for (const m of sentence.mentions) if (SIDE_CODE[m.party] === side || m.party === 'both') return m.text;
  return '';
}

/** The texts of all mentions of a sentence, "A … B". */
function mentionTexts(sentence: Sentence): string {
  const { mentions } = sentence;
  let out = mentions[0]?.text ?? '';
  for (let k = 1; k < mentions.length; k++) out = `${out} … ${mentions[k]!.text}`;
  return out;
}

function namesLeader(sentence: Sentence, side: SideCode): boolean {
  for (const m of sentence.mentions)
    if (SIDE_CODE[m.party] === side && m.entity.kind === 'leader') return true;
  return false;
}

function someNamesLeader(sentences: readonly Sentence[], side: SideCode): boolean {
  for (const s of sentences) if (namesLeader(s, side)) return true;
  return false;
}

/** The first sentence naming a side as an actor. */
function firstWithActor(sentences: readonly Sentence[], side: SideCode): Sentence | undefined {
  for (const s of sentences) if (actorSides(s).has(side)) return s;
  return undefined;
}

/** Whether any of the sentences names a side at all, venues and private persons included. */
function namedAnywhere(sentences: readonly Sentence[], side: SideCode): boolean {
  for (const s of sentences) if (anySides(s).has(side)) return true;
  return false;
}

const SIDES = ['cn', 'ru'] as const;

/**
 * Lexicon and context features of an item, then (optionally) its n-grams. Written as plain loops
 * and small functions rather than array chains and closures: it runs for every item, and the
 * optimising compiler's work on a large function (CPU time too) was much of a day's classifying.
 */
export function extractFeatures(reading: Reading, options: FeatureOptions): Features {
  const features: Features = { values: new Map(), evidence: new Map() };
  const { title, summary } = reading;
  if (!reading.namesASide) {
    // Neither side named: only these features can fire (the rest qualify a side's mentions).
    put(features, 'no-side');
    const third = firstOf(title, 'third', false);
    if (third) put(features, 'third@title', third.text);
    const ukraine = firstOf(title, 'ukraine', false);
    if (ukraine) put(features, 'ua@title', ukraine.text);
    if (reading.senses.length > 0) put(features, 'sense', reading.senses[0]);
    addShape(reading, features);
    if (options.ngrams) addNgrams(reading, features.values);
    return features;
  }
  const titleSides = actorSides(title);
  const summarySides = new Set<SideCode>();
  for (const s of summary) for (const side of actorSides(s)) summarySides.add(side);

  for (const side of SIDES) {
    if (titleSides.has(side)) put(features, `${side}@title`, mentionText(title, side));
    if (summarySides.has(side)) {
      const s = firstWithActor(summary, side);
      put(features, `${side}@summary`, s ? mentionText(s, side) : '');
    }
  }

  // The sentences in which the two sides meet: the title, summary sentences naming both, or
  // the title with the first summary sentence naming the side the title lacks.
  const pairSentences: Sentence[] = [];
  if (titleSides.size === 2) {
    pairSentences.push(title);
    put(features, 'both@title', mentionTexts(title));
  }
  let summaryPairs = 0;
  for (const s of summary) {
    if (actorSides(s).size !== 2) continue;
    if (summaryPairs++ === 0) put(features, 'both@summary-sentence', mentionTexts(s));
    pairSentences.push(s);
  }
  if (titleSides.size === 1 && summaryPairs === 0) {
    const missing: SideCode = titleSides.has('cn') ? 'ru' : 'cn';
    const other = firstWithActor(summary, missing);
    if (other) {
      const present = titleSides.has('cn') ? 'cn' : 'ru';
      put(features, 'cross', `${mentionText(title, present)} … ${mentionText(other, missing)}`);
      pairSentences.push(title, other);
    }
  }
  if (titleSides.size === 0 && summaryPairs === 0 && summarySides.size === 2)
    put(features, 'both@summary-apart');
  const actorCn = titleSides.has('cn') || summarySides.has('cn');
  const actorRu = titleSides.has('ru') || summarySides.has('ru');
  if (actorCn !== actorRu) put(features, 'one-side');
  if (!actorCn && !actorRu) put(features, 'no-side');
  const all = [title, ...summary];
  const namedCn = namedAnywhere(all, 'cn');
  const namedRu = namedAnywhere(all, 'ru');
  if (namedCn && namedRu && pairSentences.length === 0) put(features, 'both-incidental');

  addSentenceFeatures(features, title, 'title');
  for (const sentence of summary) addSentenceFeatures(features, sentence, 'summary');
  for (const side of SIDES) {
    const asActor = side === 'cn' ? actorCn : actorRu;
    if ((side === 'cn' ? namedCn : namedRu) && !asActor) {
      const venue = firstVenue(all, side);
      if (venue) put(features, `venue-only:${side}`, venue.text);
    }
  }
  if (namesLeader(title, 'cn') && namesLeader(title, 'ru')) put(features, 'leaders@title');
  if (someNamesLeader(all, 'cn') && someNamesLeader(all, 'ru')) put(features, 'leaders@item');

  const titleThird = firstOf(title, 'third', true);
  if (titleThird) put(features, 'third@title', titleThird.text);
  const titleUkraine = firstOf(title, 'ukraine', false);
  if (titleUkraine) put(features, 'ua@title', titleUkraine.text);
  for (const s of pairSentences) addPairFeatures(features, s);
  let pairCues = 0;
  for (const name of features.values.keys())
    if (name.startsWith('cue:') && name.endsWith('@pair')) pairCues++;
  if (pairCues >= 2) put(features, 'cues>=2@pair');
  if (titleSides.size > 0)
    for (const [tag, text] of title.tags) if (isCueOrFrame(tag)) put(features, `${tag}@title`, text);
  if (reading.senses.length > 0) put(features, 'sense', reading.senses[0]);
  addShape(reading, features);
  addIndicators(reading, features);

  if (options.ngrams) addNgrams(reading, features.values);
  return features;
}

/**
 * The theme indicators by zone ("ind:ukraine-war:peace plan@title"), read by the relevance model
 * too: what a report is about ("peace plan", "Wagner", "sanctions") weighs on whether the two
 * sides' relation is its subject, and the labels are shared by every language.
 */
function addIndicators(reading: Reading, features: Features): void {
  putIndicators(features, reading.title, 'title', false);
  for (const sentence of reading.summary) putIndicators(features, sentence, 'summary', false);
}

/**
 * A sentence's theme indicators under its zone and, when `pooled`, each theme's pooled title
 * indicator too ("ind:<theme>:" + TITLE_WORDS: it takes the theme's indicator prior in training).
 */
function putIndicators(
  features: Features,
  sentence: Sentence,
  zone: 'title' | 'summary',
  pooled: boolean,
): void {
  for (const [tag, text] of sentence.tags) {
    if (!tag.startsWith('ind:')) continue;
    put(features, `${tag}@${zone}`, text);
    if (pooled) put(features, `${tag.slice(0, tag.indexOf(':', 4) + 1)}${TITLE_WORDS}@title`, text);
  }
}

function isCueOrFrame(tag: string): boolean {
  return tag.startsWith('cue:') || tag.startsWith('frame:');
}

/** How the two sides are linked in one sentence of a zone, its frames, and who is named as what. */
function addSentenceFeatures(features: Features, sentence: Sentence, zone: 'title' | 'summary'): void {
  const links = linksIn(sentence);
  if (links.bound) put(features, `pair:bound@${zone}`, links.bound);
  if (links.coordinated) put(features, `pair:coordinated@${zone}`, links.coordinated);
  if (links.list && actorSides(sentence).size > 0) put(features, `list@${zone}`, links.list);
  for (const [frame, why] of relationFramesOf(sentence)) put(features, `rel:${frame}@${zone}`, why);
  const visit = VISITS.get(sentence);
  if (visit) put(features, `rel:visit@${zone}`, visit);
  for (const m of sentence.mentions) {
    const side = SIDE_CODE[m.party];
    if (!side) continue;
    if (isActor(m)) put(features, `kind:${side}.${m.entity.kind}@${zone}`, m.text);
    if (m.person) put(features, 'person', m.text);
  }
}

/** Who else is named where the two sides meet, and the cue and frame words there. */
function addPairFeatures(features: Features, s: Sentence): void {
  const t = firstOf(s, 'third', true);
  if (t) put(features, 'third@pair', t.text);
  // A crowd of states ("Russia, Iran, China and North Korea"; "Israel, Hamas, Russia, Ukraine, the
  // US and China") is a list of the day's actors, not a pair.
  const thirds = new Set(s.mentions.filter((m) => m.party === 'third').map((m) => m.entity.id));
  if (thirds.size >= 2) put(features, 'thirds>=2@pair', [...thirds].join(', '));
  const u = firstOf(s, 'ukraine', false);
  if (u) put(features, 'ua@pair', u.text);
  // A frame word said by the two sides together is about someone else ("China and Russia
  // accuse US of threats"): it is weighed apart from one said about them ("Threats from
  // China and Russia rise", a frame word before the pair).
  const frames = relationFramesOf(s);
  const joint = (frames.has('joint-subject') || frames.has('joint-act')) && !framedBeforeSides(s);
  for (const [tag, text] of s.tags) {
    if (!isCueOrFrame(tag)) continue;
    put(features, `${tag}@${joint && tag.startsWith('frame:') ? 'joint' : 'pair'}`, text);
  }
}

function firstVenue(sentences: readonly Sentence[], side: SideCode): Mention | undefined {
  for (const s of sentences) for (const m of s.mentions) if (SIDE_CODE[m.party] === side && m.venue) return m;
  return undefined;
}

/** Whether a frame word comes before the first side the sentence names as an actor. */
function framedBeforeSides(sentence: Sentence): boolean {
  const first = sentence.mentions.find((m) => isSideParty(m.party) && isActor(m));
  if (!first) return false;
  for (let k = 0; k < first.first; k++) if ((sentence.marks[k]! & MARK.frame) !== 0) return true;
  return false;
}

const SHAPE_PARTIES: readonly [string, string][] = [
  ['china', 'cn'],
  ['russia', 'ru'],
  ['ukraine', 'ua'],
  ['third', '3'],
];

/** The parties sentences name as actors, coded: "cn+ua". */
function shapeCode(sentences: readonly Sentence[]): string {
  const parties = new Set<string>();
  for (const s of sentences)
    for (const m of s.mentions) {
      if (!isActor(m)) continue;
      if (m.party === 'both') {
        parties.add('china');
        parties.add('russia');
      } else parties.add(m.party);
    }
  let code = '';
  for (const [party, c] of SHAPE_PARTIES) if (parties.has(party)) code = code === '' ? c : `${code}+${c}`;
  return code;
}

/**
 * Which parties the title names, as one feature: "shape:t=cn+ua". Not combined with the
 * summary's parties ("shape:t=cn+ru|s=ru+3", as it once was): the combinations are many and
 * sparse, and cross-validated by date they were fitted to the training items (F1 0.919 with
 * them, 0.922 without; 147 fewer features).
 */
function addShape(reading: Reading, features: Features): void {
  put(features, `shape:t=${shapeCode([reading.title])}`);
}

/**
 * The label of a theme's pooled title indicator, present when any of the theme's indicators is in
 * the title: a headline says what an item is about, and the pooled feature learns that from the
 * examples of all the theme's indicators together, so an indicator seldom seen in training (or
 * seen only in summaries) still counts when it heads the item.
 */
export const TITLE_WORDS = "the theme's words";

/**
 * The relevance features a theme model also reads: who else is named (a third party, Ukraine),
 * both leaders, and the relation word that links the two sides named apart (rel:linked:<cue>:
 * one supplies, visits, tells or praises the other), which says what kind of relation it is.
 */
const THEME_CONTEXT = /^(?:(?:third|ua|leaders)@|rel:linked:)/;

/**
 * Theme features: the indicators by zone (any language: the labels are shared), the pooled title
 * indicator of each theme named in the title (TITLE_WORDS), some relevance features under "r:" (a
 * third party with the pair says "Western response", Ukraine "the war", both leaders
 * "summitry", a flow between the two "trade" or "arms", a visit "summitry"), then n-grams when
 * asked.
 */
export function extractThemeFeatures(
  reading: Reading,
  options: FeatureOptions,
  relevance?: Features,
): Features {
  const features: Features = { values: new Map(), evidence: new Map() };
  const { values, evidence } = features;
  putIndicators(features, reading.title, 'title', true);
  for (const sentence of reading.summary) putIndicators(features, sentence, 'summary', false);
  const context = relevance ?? extractFeatures(reading, { ngrams: false });
  for (const [name, value] of context.values) {
    if (!THEME_CONTEXT.test(name)) continue;
    values.set(`r:${name}`, value);
    const why = context.evidence.get(name);
    if (why) evidence.set(`r:${name}`, why);
  }
  addWesternRole(reading, features);
  if (options.ngrams) addNgrams(reading, values);
  return features;
}

/**
 * The West's part in the headline, which the Western-response theme turns on (CONTRACTS.md: US,
 * EU and NATO warnings, sanctions, assessments): the actor ("US warns China over aid to Russia") or
 * only named, as the object of the two sides' move ("Russia and China criticise Trump's plan"):
 * "a third party named in the title" alone cannot tell the two apart.
 */
function addWesternRole(reading: Reading, features: Features): void {
  const west = reading.title.mentions.find((m) => WESTERN_ACTORS.has(m.entity.label));
  if (!west) return;
  const actor = frameOfHeadline(reading.titleText).thirdParty;
  const role = actor !== undefined && WESTERN_ACTORS.has(actor) ? 'actor' : 'named';
  put(features, `west:${role}@title`, west.text);
}

/** Word unigrams (title and whole item) and bigrams, entities replaced by their side. */
function addNgrams(reading: Reading, values: Map<string, number>): void {
  [reading.title, ...reading.summary].forEach((sentence, index) => {
    let previous: string | undefined;
    for (const word of wordsOf(sentence)) {
      if (word.charAt(0) !== '@') {
        values.set(`w:${word}`, 1);
        if (index === 0) values.set(`t:${word}`, 1);
      }
      if (previous !== undefined) values.set(`b:${previous} ${word}`, 1);
      previous = word;
    }
  });
}

const DIGITS = /^\d+$/;

/** The words of a sentence for n-grams: entities as placeholders, Han text as character pairs. */
function wordsOf(sentence: Sentence): string[] {
  const out: string[] = [];
  const { tokens, mentionAt, mentions } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const at = mentionAt[i]!;
    if (at >= 0) {
      const mention = mentions[at]!;
      if (mention.first === i) out.push(PLACEHOLDER[mention.party] ?? '@3');
      continue;
    }
    const token = tokens[i]!;
    if (token.han) {
      const text = token.norm;
      if (text.length === 1) out.push(text);
      for (let k = 0; k + 1 < text.length; k++) out.push(text.slice(k, k + 2));
      continue;
    }
    out.push(DIGITS.test(token.norm) ? '#' : stem(token.norm));
  }
  return out;
}

/**
 * Knowledge rule, from the labelling rules of the news days (README "Gold labels": label 0
 * includes "items that name both sides but are about something else, such as US tanks 'as Putin
 * meets Xi'"): when the two sides meet only inside a background clause ("as …", "amid …", "made
 * during the visit by …"), one dealing with the other there rather than acting together, and the
 * main clauses of title and summary name one side or, naming neither, a third party, the pair is
 * another story's backdrop, not its subject. The training corpus has too few such items (and
 * labels some of them 2) for the model to learn it. A main clause with a tie or joint word
 * beside one side ("During Xi's visit, Putin praises ties") is about the relation. A pair joined
 * anywhere in the item ("as China, Russia warplanes enter …") acts together: its act is often
 * what the main clause answers, so the rule leaves it to the model. Returns the backdrop clause
 * as evidence, or undefined.
 */
export function pairOnlyInBackdrop(reading: Reading): string | undefined {
  if (!reading.namesASide) return undefined;
  const main = new Set<string>();
  let third = false;
  let evidence: string | undefined;
  for (const sentence of [reading.title, ...reading.summary]) {
    if (actorSides(sentence).size === 0) continue;
    const links = linksIn(sentence);
    if (links.bound || links.coordinated) return undefined;
    const sides = sidesByClause(sentence);
    for (const side of sides.main) main.add(side);
    third ||= sides.thirdInMain;
    // A main clause that speaks of ties or joint action ("…, Putin praises ties") is the relation.
    if (sides.relationInMain && sides.main.size > 0) return undefined;
    if (evidence === undefined && sides.backdrop.size === 2) evidence = sides.clause;
  }
  // The main clauses need a subject of their own: one side, or a third party ("US wants …").
  // Without one ("Three things to watch as Xi meets Putin") the backdrop is the story.
  return main.size === 1 || (main.size === 0 && third) ? evidence : undefined;
}
