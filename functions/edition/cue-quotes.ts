/**
 * The reports' own words, quoted as evidence: a cue (a word of friction, a new step, praise) with
 * the few words that make it a phrase ("talks stall over gas price"), cut where its clause ends
 * and never mid-name or before its complement; phrases that repeat one another dropped; each
 * quote followed by its outlet. Used by the theme paragraphs' reading against the baseline and by
 * their perspective split.
 */
import { isTitleCase } from '#text/titles.ts';
import { dice, tokensOf } from '#text/tokens.ts';

/** Words of a report quoted to show a cue: the cue and a few words around it. */
const CUE_WORDS_AFTER = 6;

/** Whether a phrase, or one much like it ("deal to build new gas pipeline"), was quoted already. */
function wasQuoted(quoted: ReadonlySet<string>, phrase: string): boolean {
  const lower = phrase.toLowerCase();
  const tokens = new Set(tokensOf(phrase));
  for (const q of quoted)
    if (q.includes(lower) || lower.includes(q) || dice(new Set(tokensOf(q)), tokens) > 0.5) return true;
  return false;
}

/**
 * Whether a phrase was said already: quoted before in the edition (or one much like it), or
 * printed in `printed` (lower-case text the reader has just read).
 */
export function alreadySaid(
  quoted: ReadonlySet<string>,
  printed: readonly string[],
  phrase: string,
): boolean {
  const lower = unquoted(phrase.toLowerCase());
  // A quote drops the report's quote marks, so "praised deepening “political mutual trust”"
  // printed above is the phrase "praised deepening political mutual trust".
  return wasQuoted(quoted, phrase) || printed.some((t) => unquoted(t).includes(lower));
}

/** Text without double quote marks, as `cuePhrase` quotes it. */
function unquoted(text: string): string {
  return text.replace(/["“”«»]/g, '');
}

export function remember(quoted: Set<string>, ...phrases: string[]): void {
  for (const p of phrases) quoted.add(p.replace(/[“”]/g, '').toLowerCase());
}

/** A phrase quoted from a report, with the outlet it is quoted from. */
export interface QuotedCue {
  phrase: string;
  outlet?: string;
}

/**
 * The cues quoted and joined, each followed by its outlet in brackets, or the outlet once at the
 * end when one outlet said them all: the reports' words are always said to be whose.
 */
export function quoteCues(cues: readonly QuotedCue[], join: (quotes: string[]) => string): string {
  const outlets = new Set(cues.map((c) => c.outlet));
  const [only] = outlets;
  if (outlets.size === 1) return `${join(cues.map((c) => `“${c.phrase}”`))}${only ? ` (${only})` : ''}`;
  return join(cues.map((c) => `“${c.phrase}”${c.outlet ? ` (${c.outlet})` : ''}`));
}

/** Phrases that do not repeat one another, longer (more specific) ones first, at most `max`. */
export function distinctPhrases(phrases: readonly string[], max: number): string[] {
  const out: string[] = [];
  const ranked = [...phrases].sort(
    (a, b) => Math.min(b.split(' ').length, 4) - Math.min(a.split(' ').length, 4),
  );
  for (const p of ranked) {
    const tokens = new Set(tokensOf(p));
    const lower = p.toLowerCase();
    if (out.some((o) => dice(new Set(tokensOf(o)), tokens) > 0.3 || o.toLowerCase().includes(lower)))
      continue;
    out.push(p);
    if (out.length >= max) break;
  }
  return out;
}

/** Words that end a quoted cue: a new clause or a verb of its own begins. */
const CLAUSE_BREAK =
  /^(as|while|and|but|amid|after|before|during|ahead|until|following|because|since|when|with|which|who|that|despite|although|is|are|was|were|will|would|has|have|had|could|can|may|might|said|says|saying|adding|noting|telling|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|last|next|this)$/i;
/** Words a quotation does not end on. */
const TRAILING =
  /^(via|of|to|in|on|for|with|from|by|at|into|over|about|new|major|more|its|their|his|her|a|an|the|and|or|but|that|this|as|is|are|was|were|be|been|has|have|had|could|would|may|might|will|can|only|also|not)$/i;
/** Prepositions that open a phrase a cut quote can end before. */
const PREPOSITION = /^(in|on|at|for|with|from|by|over|about|into|amid|as)$/i;
const NEXT_WORD = /^\s*(\S+)/;
/** Adverbs before a cue say nothing about it. */
const ADVERB = /^(so|far|already|still|now|just|even|never|ever|yet|again|reportedly|\p{L}+ly)$/iu;
/** "There's unease": an empty subject before a cue says neither whose nor which. */
const EXPLETIVE = /^(there|it|here)(['’]s)?$/i;

/** Capitalised words that open a headline without being anyone's name. */
const OPENER =
  /^(as|the|a|an|in|on|at|for|with|after|before|while|when|why|how|what|who|and|but|or|if|amid|despite|live|watch|analysis|opinion|explainer|exclusive|update|breaking)$/i;
const NAME = /^\p{Lu}[\p{L}\p{N}’'.-]*$/u;
/** Names in a row before `start`: at most this many words. */
const MAX_NAME_WORDS = 4;

/**
 * Where the names just before `start` begin ("Putin, Xi" in "Putin, Xi hail …", "Moscow and
 * Beijing" in "Moscow and Beijing agree …"), or `start` when the word before is not a name or a
 * punctuation mark ends it.
 */
function namesBefore(text: string, start: number): number {
  const words = [...text.slice(0, start).matchAll(/\S+/g)];
  let from = start;
  let taken = 0;
  let afterAnd = false;
  for (let i = words.length - 1; i >= 0 && taken < MAX_NAME_WORDS; i--) {
    const raw = words[i]![0];
    if (/^and$/i.test(raw) && taken > 0 && !afterAnd) {
      afterAnd = true;
      continue;
    }
    // The word next to the cue ends its own clause when it ends with a mark; a name before that
    // may end with a comma ("Russia, China").
    const mark = /[,.;:!?)”"’]$/.test(raw);
    const word = raw.replace(/,$/, '');
    if ((mark && (taken === 0 || !raw.endsWith(','))) || !NAME.test(word) || OPENER.test(word)) break;
    from = words[i]!.index;
    taken++;
    afterAnd = false;
  }
  return from;
}

/**
 * The cue as a short quotation from its text: the cue, the word before a noun cue ("key
 * obstacle"), and the words after it to the end of its phrase. Title Case headlines give no cue
 * phrases: their capitals would be quoted as if they were names.
 */
export function cuePhrase(text: string, [start, end]: [number, number]): string | undefined {
  if (isTitleCase(text)) return undefined;
  const bare = (w: string) => w.replace(/^["'“”‘’«»(]+|["'“”‘’«»),.;:!?]+$/g, '');
  let from = start;
  const cue = text.slice(start, end).trim();
  const before = /(\S+)\s+$/.exec(text.slice(0, start));
  // The word before says whose or which: "talks stall", "key obstacle"; not "so far rejected".
  const prev = before ? bare(before[1]!) : '';
  if (
    before &&
    /^\p{Ll}/u.test(prev) &&
    !/[,.;:!?]$/.test(before[1]!) &&
    !TRAILING.test(prev) &&
    !ADVERB.test(prev) &&
    !EXPLETIVE.test(prev)
  )
    from = start - before[0].length;
  // Who, when the cue opens a clause after names: "Xi invites Putin to Beijing", "Russia, China
  // ink deal"; not a headline's opening word ("As China's exports dip": "As" is no name).
  if (from === start) from = namesBefore(text, start);
  // The words after the cue, up to a new clause, a punctuation mark or the word limit.
  const words: { word: string; end: number }[] = [];
  const re = /\S+/g;
  if (!/[,.;:!?]["'”’»)]*$/.test(cue)) {
    re.lastIndex = end;
    for (let m = re.exec(text); m && words.length < CUE_WORDS_AFTER; m = re.exec(text)) {
      if (CLAUSE_BREAK.test(bare(m[0]))) break;
      words.push({ word: m[0], end: m.index + m[0].length });
      if (/[,.;:!?]["'”’»)]*$/.test(m[0])) break;
    }
    // A name is not cut: "Shanghai Cooperation" runs on to "Organisation".
    const last = words.at(-1);
    if (
      last &&
      words.length === CUE_WORDS_AFTER &&
      /^\p{Lu}/u.test(bare(last.word)) &&
      !/[,.;:!?]/.test(last.word)
    ) {
      re.lastIndex = last.end;
      let next = re.exec(text);
      for (let n = 0; next && n < 3 && /^\p{Lu}/u.test(next[0]); next = re.exec(text), n++) {
        words.push({ word: next[0], end: next.index + next[0].length });
        if (/[,.;:!?]/.test(next[0])) break;
      }
      // Still running on ("Shanghai Cooperation summit"): the name is left out rather than cut.
      if (next && /^\p{Ll}/u.test(next[0]) && !/[,.;:!?]/.test(words.at(-1)!.word))
        while (words.length > 0 && /^\p{Lu}/u.test(bare(words.at(-1)!.word))) words.pop();
    }
  }
  // Cut by the word limit before "of …" ("invites Putin to Beijing in growing sign [of …]"): the
  // last noun lacks its complement, so the quote ends before the phrase that holds it. Cut inside
  // a short phrase ("ties in warm [video conversation]"), it ends before that phrase too.
  const following =
    words.length === CUE_WORDS_AFTER && !/[,.;:!?]/.test(words.at(-1)!.word)
      ? NEXT_WORD.exec(text.slice(words.at(-1)!.end))
      : null;
  const next = following ? bare(following[1]!) : '';
  const beforeOf = /^of$/i.test(next);
  if (beforeOf || (/^\p{Ll}/u.test(next) && !CLAUSE_BREAK.test(next))) {
    const at = words.findLastIndex((w, i) => i > 0 && PREPOSITION.test(bare(w.word)));
    if (at > 0 && (beforeOf || at >= words.length - 2)) words.splice(at);
  }
  while (words.length > 0 && TRAILING.test(bare(words.at(-1)!.word))) words.pop();
  // "… to set": an infinitive cut from its object says nothing ("to Beijing" is a place, kept); a
  // phrase its own punctuation ends is whole ("No path to peace:").
  if (
    words.length >= 2 &&
    /^to$/i.test(bare(words.at(-2)!.word)) &&
    /^\p{Ll}/u.test(bare(words.at(-1)!.word)) &&
    !/[,.;:!?]["'”’»)]*$/.test(words.at(-1)!.word)
  )
    words.splice(-2);
  while (words.length > 0 && TRAILING.test(bare(words.at(-1)!.word))) words.pop();
  const to = words.at(-1)?.end ?? end;
  let phrase = unquoted(text.slice(from, to))
    .replace(/[,.;:!?]+$/, '')
    .trim();
  // A quote mark left open by the cut goes; an apostrophe inside a word ("who’s") stays.
  const marks = /(?<!\p{L})[‘’']|[‘’'](?!\p{L})|‘/gu;
  if ((phrase.match(marks)?.length ?? 0) % 2 === 1) phrase = phrase.replace(marks, '');
  // One word out of its sentence ("rejected") says nothing.
  return phrase.includes(' ') ? phrase : undefined;
}
