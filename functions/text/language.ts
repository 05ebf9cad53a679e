/** The script a text is written in: decides whether word overlap with another text can be expected. */
export function scriptOf(text: string): 'latin' | 'cyrillic' | 'han' | 'other' {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han === 0 && cyrillic === 0 && latin === 0) return 'other';
  if (han * 3 > latin + cyrillic) return 'han';
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

/** A BCP 47-ish tag ("en-GB", "ru_RU", " zh ") reduced to its primary language subtag, lower case. */
export function normaliseLanguage(tag: string | undefined): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))*\s*$/i.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/** English function words that other Latin-script languages rarely use as words. */
const ENGLISH_WORDS = new Set(
  'the of and is was for that with from has have are were been which will by this their its his her he she they it said says who would could should than into about after over on in at as an be not but or also more while against between'.split(
    ' ',
  ),
);
/** Letters with diacritics that English words do not carry (names aside). */
const FOREIGN_LETTERS = /[ąćęłńśźżőűøåäöüßñçãõâêîôûàèìòùáéíóúýčďěňřšťůž]/giu;

/**
 * Whether a Latin-script text reads as English, by its letters and its function words: feeds
 * often declare "en-US" for Polish or French items, so the declared language alone is not
 * enough. Headlines carry few function words, so only a longer text without any counts against.
 */
export function looksEnglish(text: string): boolean {
  if ((text.match(FOREIGN_LETTERS)?.length ?? 0) >= 3) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 16) return true;
  return words.filter((w) => ENGLISH_WORDS.has(w)).length * 25 >= words.length;
}
