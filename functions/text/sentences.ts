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
  const pieces = parts.map((p) => p.replaceAll(GUARD, '.').trim()).filter((p) => p.length > 0);
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
const ABBREVIATIONS =
  /\b(Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs|etc|approx|т\.е|т\.д|т\.п|г|гг|им|млрд|млн|тыс|руб|долл)\.(?= ?[\p{L}\d])/gu;
