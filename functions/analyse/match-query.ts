/**
 * Ad-hoc narrowing of an edition by free text (the manual event's `query`): every query term, or
 * "quoted phrase", must occur in the item, ignoring case and diacritics. Terms are compared
 * through the project's one stemmer (text/tokens.ts), so a term finds its inflected forms.
 */
import type { ScoredItem } from '#domain/types.ts';
import { stem } from '#text/tokens.ts';

const MARKS = /\p{M}/gu;
const FOLD_CHARS = /[ё’‘]/gu;
const FOLD_MAP: Record<string, string> = { ё: 'е', '’': "'", '‘': "'" };
const HAS_CJK = /[\u3400-\u9fff]/u;
const QUOTED = /"([^"]+)"/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Longest inflectional ending a stem may be followed by and still count as the same word. */
const MAX_ENDING = 4;

/** Lower case without diacritics, so "Sánchez" finds "sanchez" and "ё" finds "е". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLD_CHARS, (c) => FOLD_MAP[c] ?? c);
}

/** True when the item matches the query; an empty query matches everything. */
export function matchesQuery(
  item: { title: string; summary?: string; text?: string },
  query: string,
): boolean {
  const phrases: string[] = [];
  const rest = fold(query).replace(QUOTED, (_, phrase: string) => {
    phrases.push(phrase.trim());
    return ' ';
  });
  const terms = rest.split(NON_WORD).filter((t) => t.length > 0);
  if (phrases.length === 0 && terms.length === 0) return true;
  const haystack = fold(`${item.title} ${item.summary ?? ''} ${(item.text ?? '').slice(0, 20_000)}`);
  if (!phrases.every((p) => haystack.includes(p))) return false;
  const tokens = haystack.split(NON_WORD).filter(Boolean);
  const stems = new Set(tokens.map(stem));
  return terms.every((term) => {
    // Chinese has no spaces: a term is found anywhere in the text.
    if (HAS_CJK.test(term)) return haystack.includes(term);
    const s = stem(term);
    return (
      stems.has(s) || tokens.some((token) => token.startsWith(s) && token.length - s.length <= MAX_ENDING)
    );
  });
}

/** Whether an item answers the query in its feed text and, when its page was read, the page. */
export function itemAnswers(item: ScoredItem, query: string): boolean {
  const text = [item.content, item.article?.text].filter(Boolean).join('\n');
  return matchesQuery({ title: item.title, summary: item.summary, text }, query);
}
