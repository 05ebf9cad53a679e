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
