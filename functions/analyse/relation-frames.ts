/**
 * How the two sides are related inside one sentence, read from word order and the lexicon's
 * cue marks (entities.ts MARK), the same way in every language with a lexicon. Each frame is a
 * named feature the relevance model weighs; none decides alone.
 *
 * - `joint-subject`: the two sides, joined ("China and Russia", "Xi-Putin", "Rosja i Chiny"),
 *   open their clause: they act together ("China and Russia accuse US of …").
 * - `joint-act`: a relation word follows the joined pair closely ("Xi and Putin sign", "what
 *   Putin and Xi agreed"): the pair does something, wherever it stands.
 * - `pair-object`: the joined pair comes later in its clause, after another actor or a verb
 *   ("US bans chip exports to China and Russia"): a list of targets more often than a relation.
 * - `pair-noun`: a relation noun right before or after the joined pair ("alliance of China and
 *   Russia", "China-Russia ties", "sojusz Chin i Rosji").
 * - `linked:<cue>`: the two named apart with a relation word between them and nothing in the way
 *   (no third party, no frame word, no clause break): "China's support for Russia", "Xi tells
 *   Putin", "Chiny pomagają Rosji"; the cue class is the strongest between them.
 * - `near`: named apart, a word or two between them and no relation word; `apart`: the rest.
 * - `in-backdrop`: the pair only inside a background clause ("US rushes tanks as Putin meets
 *   Xi"); `split`: one side in the main clause, the other only in the backdrop ("Uyghurs demand
 *   Xi's arrest after court issues warrant for Putin").
 * - `third-subject`: the main clause opens with a third party ("White House rejects …").
 * - `visit`: a leader or official of one side travels to the other's country or capital
 *   (markVisits makes the host a party, not a venue).
 */
import { isActor, MARK, type Mention, type Sentence, surfaceOf } from './entities.ts';

type Side = 'china' | 'russia';

const PAIR_GAP = /^\s?[-‐‑–—/]\s?$/u;
const LIST_GAP = /^\s*[,、&+/]\s*$/u;
const COLON = /:/;
const COMMA = /[,;]/;
/** Words of a label ("Ukraine latest:", "Watch:") at most: a longer opening is a speaker's quote. */
const MAX_LABEL = 4;
/**
 * "such as", "as soon as", and "as" after a verb of role ("bills itself as a peacemaker", "seen
 * as", "hailed as"): "as" that names a role or a measure, not a background clause.
 */
const NOT_BACKDROP_AFTER = new Set([
  'such',
  'same',
  'so',
  'as',
  'well',
  'itself',
  'himself',
  'herself',
  'themselves',
  'seen',
  'viewed',
  'regarded',
  'billed',
  'bills',
  'cast',
  'casts',
  'portrayed',
  'portrays',
  'emerges',
  'emerged',
  'serves',
  'served',
  'acts',
  'acted',
  'known',
  'described',
  'touted',
  'touts',
  'hailed',
  'hails',
  'positions',
  'positioned',
]);
/** Words between two sides read as one relation at most. */
const MAX_LINK = 6;
/** Words before a joined pair that still leave it the subject ("Why", "Presidents"). */
const MAX_SUBJECT_LEAD = 2;
const CUE_ORDER: readonly [number, string][] = [
  [MARK.visit, 'visit'],
  [MARK.contact, 'contact'],
  [MARK.tie, 'tie'],
  [MARK.joint, 'joint'],
  [MARK.flow, 'flow'],
];
const RELATION_NOUN = MARK.tie | MARK.joint;
/** Words after a joined pair that make it act ("Xi and Putin sign", "China and Russia affirm … cooperation"). */
const MAX_ACT = 3;
const ACT = MARK.tie | MARK.joint | MARK.contact | MARK.visit;
const ANY_CUE = MARK.tie | MARK.joint | MARK.contact | MARK.flow | MARK.visit;
const BLOCKING = MARK.frame | MARK.backdrop;
/** Relation words that make a main clause about the relation (flows are not: "tanks to Ukraine"). */
const MAIN_RELATION = MARK.tie | MARK.joint;

function sideOf(m: Mention): Side | undefined {
  return m.party === 'china' || m.party === 'russia' ? m.party : undefined;
}

const SPACED_DASH = /^\s+[-–—]\s+$/u;

/** "… trade in rubles and yuan – Siluanov": the speaker after a spaced dash that ends the sentence. */
function isTrailingSpeaker(sentence: Sentence, m: Mention): boolean {
  return m.last === sentence.tokens.length - 1 && SPACED_DASH.test(sentence.tokens[m.first]!.gap);
}

/** Two mentions next to each other, joined by a hyphen ("China-Russia") or by a connector or comma. */
export function joinOf(sentence: Sentence, a: Mention, b: Mention): 'bound' | 'coordinated' | undefined {
  if (isTrailingSpeaker(sentence, b)) return undefined;
  if (b.first === a.last + 1) {
    const gap = sentence.tokens[b.first]!.gap;
    if (PAIR_GAP.test(gap)) return 'bound';
    if (LIST_GAP.test(gap)) return 'coordinated';
    return undefined;
  }
  const between = b.first - a.last - 1;
  if (between < 1 || between > 3) return undefined;
  for (let k = a.last + 1; k < b.first; k++) if (!sentence.connectors.has(k)) return undefined;
  return 'coordinated';
}

interface Clauses {
  /** First token after a label ("Analysis:"). */
  start: number;
  /** The background clause, [from, to); empty when from === to. */
  from: number;
  to: number;
}

/** The label, the main clause and the backdrop of a sentence. */
function clausesOf(sentence: Sentence): Clauses {
  const { tokens, marks, connectors } = sentence;
  let start = 0;
  for (let k = 1; k <= MAX_LABEL && k < tokens.length; k++) {
    if (COLON.test(tokens[k]!.gap)) {
      if (tokens.length - k >= 3) start = k;
      break;
    }
  }
  for (let b = start; b < tokens.length; b++) {
    if ((marks[b]! & MARK.backdrop) === 0 || connectors.has(b)) continue;
    if (b > 0 && NOT_BACKDROP_AFTER.has(tokens[b - 1]!.norm)) continue;
    // Chinese backdrop words close the clause they follow ("习近平访问莫斯科之际，美国 …").
    if (tokens[b]!.han) return { start, from: start, to: b + 1 };
    // Several tokens of one backdrop phrase ("ahead of"): the clause begins at the first.
    if (b > start) return { start, from: b, to: tokens.length };
    // "Ahead of Xi-Putin meeting, White House rejects …": the backdrop runs to the comma.
    for (let c = b + 1; c < tokens.length; c++) {
      if (COMMA.test(tokens[c]!.gap)) return { start, from: b, to: c };
    }
    return { start, from: b, to: b };
  }
  return { start, from: tokens.length, to: tokens.length };
}

const inBackdrop = (c: Clauses, k: number) => k >= c.from && k < c.to;

/**
 * The sides a tagged sentence names as actors in its main clause and inside its background
 * clause ("US rushes tanks as Putin meets Xi": none, and both), whether a third party acts in
 * the main clause (the US there), and the background clause's words.
 */
export function sidesByClause(sentence: Sentence): {
  main: Set<Side>;
  backdrop: Set<Side>;
  thirdInMain: boolean;
  /** A relation word (tie, joint, contact) in the main clause: "… , Putin praises ties". */
  relationInMain: boolean;
  clause: string;
} {
  const clauses = clausesOf(sentence);
  const main = new Set<Side>();
  const backdrop = new Set<Side>();
  let thirdInMain = false;
  for (const m of sentence.mentions) {
    if (!isActor(m)) continue;
    const back = inBackdrop(clauses, m.first);
    const target = back ? backdrop : main;
    if (m.party === 'both') {
      target.add('china');
      target.add('russia');
    } else if (m.party === 'china' || m.party === 'russia') target.add(m.party);
    else if (m.party === 'third' && !back && m.first >= clauses.start) thirdInMain = true;
  }
  let relationInMain = false;
  for (let k = clauses.start; k < sentence.tokens.length; k++)
    if (!inBackdrop(clauses, k) && (sentence.marks[k]! & MAIN_RELATION) !== 0) relationInMain = true;
  // The clause's words, to the comma after its last side ("during the visit … by Xi Jinping, came …").
  let last = clauses.from - 1;
  for (const m of sentence.mentions)
    if ((sideOf(m) || m.party === 'both') && inBackdrop(clauses, m.first)) last = Math.max(last, m.last);
  if (last >= clauses.from)
    while (last + 1 < clauses.to && !COMMA.test(sentence.tokens[last + 1]!.gap)) last++;
  const clause = last >= clauses.from ? surfaceOf(sentence.tokens, clauses.from, last) : '';
  return { main, backdrop, thirdInMain, relationInMain, clause };
}

/**
 * A leader or official of one side with the other side's country or capital as the place they
 * travel to ("Putin arrives in China", "Miedwiediew w Chinach", "Xi heads to Moscow"): the host
 * becomes a party of the sentence, not a venue. Not when a third party is named before the place
 * ("Putin meets Modi in Beijing": a meeting with someone else that happens there), and only with
 * a word of travel unless the traveller is a leader or an official. Returns the evidence.
 */
export function markVisits(sentence: Sentence): string | undefined {
  const { mentions, marks } = sentence;
  let evidence: string | undefined;
  // Asked only when a side's country or capital is a venue (few sentences).
  let travel: boolean | undefined;
  for (let j = 0; j < mentions.length; j++) {
    const host = mentions[j]!;
    const hostSide = sideOf(host);
    if (!host.venue || !hostSide || (host.entity.kind !== 'country' && host.entity.kind !== 'capital'))
      continue;
    if (mentions.slice(0, j).some((m) => m.party === 'third' && isActor(m))) continue;
    travel ??= marks.some((m) => (m & MARK.visit) !== 0);
    const visitor = mentions.find((m) => {
      const side = sideOf(m);
      if (!side || side === hostSide || !isActor(m)) return false;
      return travel || m.entity.kind === 'leader' || m.entity.kind === 'official';
    });
    if (!visitor) continue;
    host.venue = false;
    evidence ??= `${visitor.text} … ${host.text}`;
  }
  return evidence;
}

/** The closest pair of actor mentions of the two sides (earliest on a tie), a trailing speaker left out. */
function closestPair(sentence: Sentence): [Mention, Mention] | undefined {
  const { mentions } = sentence;
  let best: [Mention, Mention] | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const sa = sideOf(a);
    if (!sa || !isActor(a)) continue;
    for (let j = i + 1; j < mentions.length; j++) {
      const b = mentions[j]!;
      const sb = sideOf(b);
      if (!sb || sb === sa || !isActor(b)) continue;
      if (isTrailingSpeaker(sentence, b)) continue;
      if (b.first - a.last < distance) {
        distance = b.first - a.last;
        best = [a, b];
      }
      break;
    }
  }
  return best;
}

/** The first token of the list a mention closes ("Iran, China and Russia": Iran's). */
function listStart(sentence: Sentence, first: number): number {
  const { mentionAt, connectors } = sentence;
  let k = first;
  while (k > 0) {
    const previous = k - 1;
    if (mentionAt[previous]! >= 0) k = previous;
    else if (connectors.has(previous) && previous > 0 && mentionAt[previous - 1]! >= 0) k = previous;
    else break;
  }
  return k;
}

/** The relation frames of one sentence naming both sides as actors: frame name → evidence. */
export function readRelationFrames(sentence: Sentence): Map<string, string> {
  const frames = new Map<string, string>();
  // One name of the pair ("中俄", "Power of Siberia") stands for the two sides joined.
  const both = sentence.mentions.find((m) => m.party === 'both' && isActor(m));
  const pair = closestPair(sentence) ?? (both && ([both, both] as [Mention, Mention]));
  if (!pair) return frames;
  const [a, b] = pair;
  const { tokens, marks, mentions, mentionAt } = sentence;
  const clauses = clausesOf(sentence);
  const text = surfaceOf(tokens, a.first, b.last);
  const aBack = inBackdrop(clauses, a.first);
  const bBack = inBackdrop(clauses, b.first);
  if (aBack && bBack) frames.set('in-backdrop', text);
  else if (aBack !== bBack) frames.set('split', text);

  const join = a === b ? 'bound' : joinOf(sentence, a, b);
  if (join) {
    const lead = listStart(sentence, a.first);
    const clauseStart = aBack ? clauses.from : clauses.start;
    let filler = 0;
    let thirdBefore = false;
    for (let k = clauseStart; k < lead; k++) {
      const at = mentionAt[k]!;
      if (at >= 0) thirdBefore ||= mentions[at]!.party === 'third' && isActor(mentions[at]!);
      else if ((marks[k]! & MARK.backdrop) === 0) filler++;
    }
    frames.set(!thirdBefore && filler <= MAX_SUBJECT_LEAD ? 'joint-subject' : 'pair-object', text);
    // "Xi and Putin sign …", "… what Putin and Xi agreed": the pair does something.
    for (let k = b.last + 1; k <= b.last + MAX_ACT && k < tokens.length; k++) {
      if (inBackdrop(clauses, k) !== aBack || mentionAt[k]! >= 0) break;
      if ((marks[k]! & ACT) !== 0) {
        frames.set('joint-act', `${text} … ${tokens[k]!.text}`);
        break;
      }
    }
    const before = (k: number) => k >= clauseStart && (marks[k]! & RELATION_NOUN) !== 0;
    const after = (k: number) => k < tokens.length && (marks[k]! & RELATION_NOUN) !== 0;
    if (before(lead - 1) || before(lead - 2) || after(b.last + 1) || after(b.last + 2))
      frames.set('pair-noun', text);
  } else {
    let cues = 0;
    let blocked = aBack !== bBack;
    for (let k = a.last + 1; k < b.first; k++) {
      cues |= marks[k]! & ANY_CUE;
      if ((marks[k]! & BLOCKING) !== 0) blocked = true;
      const at = mentionAt[k]!;
      if (at >= 0 && mentions[at]!.party === 'third' && isActor(mentions[at]!)) blocked = true;
    }
    const between = b.first - a.last - 1;
    const cue = CUE_ORDER.find(([bit]) => (cues & bit) !== 0);
    if (!blocked && between <= MAX_LINK && cue) frames.set(`linked:${cue[1]}`, text);
    else if (!blocked && between <= 2) frames.set('near', text);
    else frames.set('apart', text);
  }
  const subject = mentions.find(
    (m) => isActor(m) && m.first >= clauses.start && !inBackdrop(clauses, m.first),
  );
  if (subject?.party === 'third') frames.set('third-subject', subject.text);
  return frames;
}
