/**
 * Content tokens for clustering and summarising (stop words removed, light stemming, any
 * script; Chinese as character bigrams) and the overlap of two token sets.
 */

const STOP = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been being it its this that these those ' +
    'has have had will would can could should may might must do does did not no than then so such into over after before ' +
    'about against between during under up down out off more most new says said say also their they them he she his her ' +
    'we our you your who whom which what when where why how all any both each few other some own same very just amid ' +
    'per via while since until again further once here there i me my mr ms one two three first last year years week ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow news live update updates report ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще ' +
    'нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом ' +
    'себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под ' +
    'будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда ' +
    'зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много ' +
    'разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между заявил'
  ).split(' '),
);

/**
 * The one light stemmer of the project, for lower-case tokens: English suffixes off and at most
 * eight letters kept, Cyrillic words cut to six letters, anything else unchanged.
 */
export function stem(token: string): string {
  if (/^[a-z]+$/.test(token) && token.length > 4)
    return token.replace(/(ies|es|s|ed|ing|ly)$/, '').slice(0, 8);
  if (/^[\p{Script=Cyrillic}]+$/u.test(token) && token.length > 5) return token.slice(0, 6);
  return token;
}

/** Content tokens of a text; CJK runs become character bigrams. */
export function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/\p{Script=Han}/u.test(raw)) {
      for (let i = 0; i + 1 < raw.length; i++) out.push(raw.slice(i, i + 2));
      continue;
    }
    if (raw.length < 2 || STOP.has(raw) || /^\d{1,2}$/.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
