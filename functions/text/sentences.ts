/**
 * Sentences of English, Russian or Chinese text. Initials, abbreviations and decimal points
 * ("U.S.", "James S. Brady", "Mr.", "6.1%") do not end a sentence, a parenthesis right after a sentence (a photo credit)
 * stays with it, and a quotation of several sentences stays one sentence so that nothing opens
 * mid-quote. Whitespace, line breaks included, is collapsed: split paragraphs first where they matter.
 */
export function splitSentences(paragraph: string): string[] {
  const guarded = paragraph
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, GUARD))
    // A decimal point ("6.1%", "$188.6 billion") is not a full stop.
    .replace(/(\d)\.(?=\d)/g, `$1${GUARD}`)
    .replace(ABBREVIATIONS, `$1${GUARD}`)
    .replace(/(^|[\s(“"])(\p{Lu})\.(?= \p{Lu})/gu, `$1$2${GUARD}`);
  const parts =
    guarded.match(/[^.!?。！？]+(?:[.!?。！？]+(?:["'”’»)\]](?=\s|$))*(?: ?\([^()]{1,160}\))?|$)/gu) ?? [];
  const pieces: string[] = [];
  for (const part of parts) {
    const piece = part.replaceAll(GUARD, '.').trim();
    if (!piece) continue;
    // A sentence never opens in lower case: after "(D-Ore.)", "Calif." or a quoted question
    // ("“Why?” he asked") the text goes on ("Sen. Jeff Merkley (D-Ore.) blasted …").
    const last = pieces.length - 1;
    if (last >= 0 && /^\p{Ll}/u.test(piece) && CONTINUED.test(pieces[last]!)) pieces[last] += ` ${piece}`;
    else pieces.push(piece);
  }
  // A quotation of several sentences stays one sentence: a summary must not open mid-quote.
  const out: string[] = [];
  let open = '';
  for (const piece of pieces) {
    open = open ? `${open} ${piece}` : piece;
    if (!isOpenQuote(open) || open.length > 600) {
      out.push(open);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

function isOpenQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const curlyOpen = (text.match(/[“«]/g) ?? []).length;
  const curlyClose = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || curlyOpen > curlyClose;
}

const GUARD = '\u0000';
/** An end that may be an abbreviation's point or a quoted question's mark rather than a full stop. */
const CONTINUED = /(\b\p{L}{1,5}\.\)?|[?!]["'”’»]?)$/u;
const ABBREVIATIONS =
  /\b(Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs|etc|approx|т\.е|т\.д|т\.п|г|гг|им|млрд|млн|тыс|руб|долл)\.(?= ?[\p{L}\d])/gu;
