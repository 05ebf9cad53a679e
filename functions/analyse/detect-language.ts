/**
 * The language an item is read in. The feed's tag counts when it names a language with a
 * lexicon and the text does not plainly say otherwise (feeds mislabel: a Polish portal tagged
 * "en"). Otherwise a guess from the script (Han; Cyrillic with or without Ukrainian letters)
 * and, for Latin script, from the function words of each lexicon. Falls back to English.
 */
import { normaliseLanguage } from '#text/language.ts';
import { fold, LANGUAGES, LEXICONS, type Token } from './entities.ts';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const NON_ASCII = /[^\x00-\x7f]/;
const UKRAINIAN_LETTERS = /[іїєґ]/iu;
/** Letters that belong to one Latin-script language of the lexicon more than to the others. */
const LETTER_HINTS: readonly [string, RegExp][] = [
  ['pl', /[ąćęłńśźż]/iu],
  ['de', /[äöüß]/iu],
  ['fr', /[çèêàùâîôœ]/iu],
  ['es', /[ñ¿¡áíóú]/iu],
];
const SUPPORTED = new Set(LANGUAGES);
const LATIN = LEXICONS.filter((l) => !['ru', 'uk', 'zh'].includes(l.language));
/** Function word → the Latin-script languages it belongs to. */
const FUNCTION_WORDS = new Map<string, string[]>();
for (const lexicon of LATIN) {
  for (const word of new Set(lexicon.functionWords.map(fold))) {
    FUNCTION_WORDS.set(word, [...(FUNCTION_WORDS.get(word) ?? []), lexicon.language]);
  }
}
/** Function words the guess must lead the tagged language by before it overrides the tag. */
const OVERRIDE_MARGIN = 3;

/** A supported language code ("en", "pl", "ru", "uk", "zh", "de", "fr", "es") for the tokens. */
export function detectLanguage(tokens: readonly Token[], tag?: string): string {
  return detectLanguageOfRuns([tokens], tag);
}

/** detectLanguage of the runs' tokens one after another (an item's sentences), without joining them. */
export function detectLanguageOfRuns(runs: readonly (readonly Token[])[], tag?: string): string {
  let han = 0;
  let cyrillic = 0;
  let ukrainian = false;
  const hints = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const tokens of runs)
    for (const token of tokens) {
      if (token.han) {
        han += token.text.length;
        continue;
      }
      const first = token.text.charCodeAt(0);
      if (first >= 0x400 && first <= 0x52f && CYRILLIC.test(token.text)) {
        cyrillic++;
        ukrainian ||= UKRAINIAN_LETTERS.test(token.text);
        continue;
      }
      // Only a token that lost diacritics in folding can carry a language's letters (an ASCII one cannot).
      if (NON_ASCII.test(token.text) && token.norm !== token.text.toLowerCase()) {
        for (const [language, letters] of LETTER_HINTS) {
          if (letters.test(token.text)) hints.set(language, (hints.get(language) ?? 0) + 1);
        }
      }
      const languages = FUNCTION_WORDS.get(token.norm);
      if (languages) for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  const tagged = normaliseLanguage(tag);
  const script = han >= 4 ? 'zh' : cyrillic >= 3 ? (ukrainian ? 'uk' : 'ru') : undefined;
  if (script) return tagged === 'ru' || tagged === 'uk' ? (script === 'zh' ? 'zh' : tagged) : script;
  for (const [language, n] of hints) counts.set(language, (counts.get(language) ?? 0) + Math.min(n, 3));
  let guess = 'en';
  let best = counts.get('en') ?? 0;
  for (const [language, count] of counts) {
    if (count > best) {
      guess = language;
      best = count;
    }
  }
  if (tagged && SUPPORTED.has(tagged) && tagged !== 'zh' && tagged !== 'ru' && tagged !== 'uk') {
    return best - (counts.get(tagged) ?? 0) >= OVERRIDE_MARGIN ? guess : tagged;
  }
  return guess;
}
