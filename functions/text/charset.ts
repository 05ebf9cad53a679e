/**
 * Bytes to text with the right charset. Order of evidence: a byte-order mark; the NUL pattern of
 * UTF-16/32 around `<?`; the HTTP charset; the XML declaration; an HTML <meta> charset (HTML
 * documents only, first 2 KB); UTF-8. Common faults are corrected: a generic ISO-8859-1/ASCII
 * label loses to the document's own declaration or to bytes that are plainly UTF-8; UTF-8 claimed
 * over bytes that are not UTF-8 loses to a specific declaration, keeps its valid sequences when
 * only a few bytes are stray, and otherwise yields to a guess among the legacy charsets of the
 * sources we read (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, windows-1251, KOI8-R, windows-1252);
 * UTF-8 that was misread once and stored ("â€™") is repaired. Legacy charsets go through the
 * runtime's WHATWG TextDecoder (Node's full ICU), UTF-32 through a few lines here: no decoding
 * library in the Lambda bundle.
 */
import { isUtf8 } from 'node:buffer';

const ALIASES: Record<string, string> = {
  'x-gbk': 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'x-gb2312': 'gb18030',
  'gb_2312-80': 'gb18030',
  csgb2312: 'gb18030',
  'euc-cn': 'gb18030',
  cp936: 'gb18030',
  'x-big5': 'big5',
  // WHATWG's big5 is Big5-HKSCS.
  'big5-hkscs': 'big5',
  big5hkscs: 'big5',
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  'x-cp1252': 'windows-1252',
  koi8r: 'koi8-r',
  'koi8-u': 'koi8-u',
  'iso-8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  // "utf-16" without a BOM is big-endian by definition; with one, the BOM decides earlier.
  'utf-16': 'utf-16be',
  utf16: 'utf-16be',
  'ucs-2': 'utf-16be',
  'utf-32': 'utf-32be',
  utf32: 'utf-32be',
  u16: 'utf-16be',
};

/** The decoder's name for a charset label, or undefined when the label is unknown. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const known = CHARSET_NAMES.get(label);
  if (known !== undefined || CHARSET_NAMES.has(label)) return known;
  const name = lookUpCharset(label);
  if (CHARSET_NAMES.size < 1000) CHARSET_NAMES.set(label, name);
  return name;
}

/** Labels already looked up: constructing a decoder to check one is not free, and feeds repeat a handful of labels. */
const CHARSET_NAMES = new Map<string, string | undefined>();

function lookUpCharset(label: string): string | undefined {
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!clean) return undefined;
  const name = ALIASES[clean] ?? clean;
  return ['windows-1252', 'utf-32be', 'utf-32le'].includes(name) || decoderFor(name) ? name : undefined;
}

/** One decoder per charset name (undefined when the runtime has none); UTF-32 is decoded here. */
const DECODERS = new Map<string, TextDecoder>();

function decoderFor(name: string): TextDecoder | undefined {
  const known = DECODERS.get(name);
  if (known) return known;
  try {
    // Only charsets the runtime has are kept: the names come from documents, so a cache of every
    // name tried would grow with hostile input (normaliseCharset's own cache is capped).
    const decoder = new TextDecoder(name);
    DECODERS.set(name, decoder);
    return decoder;
  } catch {
    return undefined;
  }
}

/** Text of bytes in a charset normaliseCharset accepted; unmappable bytes become U+FFFD. */
function decode(body: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') return decodeWindows1252(body);
  if (charset === 'utf-32be' || charset === 'utf-32le') return decodeUtf32(body, charset === 'utf-32le');
  return (decoderFor(charset) ?? decoderFor('utf-8')!).decode(body);
}

/**
 * windows-1252 by table: Node 20's TextDecoder drops every byte above 0x7F for this label (its
 * Latin-1 fast path), and it is the commonest legacy charset we read.
 */
function decodeWindows1252(body: Uint8Array): string {
  // Buffer's latin1 is ISO-8859-1 byte for byte; windows-1252 differs only in 0x80-0x9F.
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => C1_1252[c.charCodeAt(0) - 0x80]!);
}

/** windows-1252's characters for 0x80-0x9F; its five unassigned bytes keep their C1 code points. */
const C1_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeUtf32(body: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 4 <= body.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    parts.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd');
  }
  return parts.join('');
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*(["']?)([^"';\s,]+)\1/i.exec(contentType ?? '')?.[2];
}

function declaredInXml(head: string): string | undefined {
  // feedparser-style files put a comment before the declaration; accept it anywhere in the head.
  return /<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
}

function declaredInHtml(head: string): string | undefined {
  // Only for HTML pages: a feed's CDATA can quote a page's <meta> without meaning it.
  if (!/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta)\b/i.test(head)) return undefined;
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1];
}

function bomEncoding(body: Buffer): { encoding: string; skip: number } | undefined {
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** UTF-16/32 without a BOM shows itself as NULs around the ASCII of `<?` or `<!`. */
function sniffWideEncoding(body: Buffer): string | undefined {
  if (body.length < 4) return undefined;
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  if (a === 0x3c && b === 0x00 && c === 0x00 && d === 0x00) return 'utf-32le';
  if (a === 0x00 && b === 0x00 && c === 0x00 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0x00 && c !== 0x00 && d === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c && c === 0x00 && d !== 0x00) return 'utf-16be';
  return undefined;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(body: Buffer, i: number): number {
  const b = body[i]!;
  if (b < 0x80) return 1;
  let length: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (i + length > body.length) return 0;
  let code = b & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const next = body[i + k]!;
    if ((next & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (next & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

interface Utf8Scan {
  validMultibyte: number;
  invalid: number;
}

function scanUtf8(body: Buffer): Utf8Scan {
  let validMultibyte = 0;
  let invalid = 0;
  for (let i = 0; i < body.length; ) {
    if (body[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(body, i);
    if (n === 0) {
      invalid++;
      i++;
    } else {
      validMultibyte++;
      i += n;
    }
  }
  return { validMultibyte, invalid };
}

/**
 * The most frequent non-ASCII characters of each candidate's language: a cheap detector scores
 * each candidate decoding by how much of its text they make up, less the bytes it cannot decode.
 * Real text hits them often (the Chinese top thirty cover about a fifth of a text); the same
 * bytes read in the wrong charset hardly ever do.
 */
const COMMON: Record<string, string> = {
  gb18030:
    '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年会对发展合作经济关系主义部长总统俄罗斯',
  big5: '的一是不了在人有我他這中大來上國個到說們為子和你地出道也時年會對發展合作經濟關係主義部長總統俄羅斯',
  shift_jis: 'のにはをたがでてとしいるれなかっすまりもこうら日本人年中大',
  'euc-jp': 'のにはをたがでてとしいるれなかっすまりもこうら日本人年中大',
  'euc-kr': '이다의는에하고을가한지서기로사를있시대일러',
  'windows-1251': 'оеаинтсрвл',
  'koi8-r': 'оеаинтсрвл',
  'windows-1252': 'éèàüöäçíáóñßúêâôîûëïœ',
};
const CANDIDATES = Object.keys(COMMON);
const COMMON_SETS = new Map(CANDIDATES.map((c) => [c, new Set(COMMON[c])]));
/** Characters a candidate's language uses besides its most common ones; anything else counts against it. */
const ORDINARY: Record<string, RegExp> = {
  cjk: /[\u2010-\u2027\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff5e]/,
  cyrillic: /[\u0401-\u045f\u00a0\u00ab\u00bb\u2013\u2014\u2018-\u201e\u2026\u2116\u00b0]/,
  latin: /[\u00a0-\u017f\u2013\u2014\u2018-\u201e\u2026\u20ac]/,
};
const SCRIPT_OF: Record<string, keyof typeof ORDINARY> = {
  gb18030: 'cjk',
  big5: 'cjk',
  shift_jis: 'cjk',
  'euc-jp': 'cjk',
  'euc-kr': 'cjk',
  'windows-1251': 'cyrillic',
  'koi8-r': 'cyrillic',
  'windows-1252': 'latin',
};

function plausibility(text: string, charset: string): number {
  const common = COMMON_SETS.get(charset)!;
  const ordinary = ORDINARY[SCRIPT_OF[charset]!]!;
  let nonAscii = 0;
  let hits = 0;
  let bad = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd || (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff)) bad += 2;
    else if (common.has(c)) {
      // Western accents stand alone among ASCII letters; runs of them are another charset's bytes.
      if (charset !== 'windows-1252') hits++;
      else if ((chars[i - 1]?.codePointAt(0) ?? 0) < 0x80 || (chars[i + 1]?.codePointAt(0) ?? 0) < 0x80)
        hits++;
    } else if (!ordinary.test(c)) bad++;
  }
  return nonAscii === 0 ? 0 : (hits - bad) / nonAscii;
}

/**
 * The legacy charset that best explains bytes that are not UTF-8 and carry no label: GB18030,
 * Big5, Shift_JIS, EUC-JP, EUC-KR, windows-1251, KOI8-R or windows-1252 (the default).
 */
export function guessLegacyCharset(body: Buffer): string {
  const sample = body.subarray(0, 32_768);
  let best = 'windows-1252';
  let bestScore = 0;
  for (const charset of CANDIDATES) {
    const score = plausibility(decode(sample, charset), charset);
    if (score > bestScore) [best, bestScore] = [charset, score];
  }
  return best;
}

const WINDOWS_1252_HIGH = decode(
  Uint8Array.from(Array.from({ length: 128 }, (_, i) => i + 128)),
  'windows-1252',
);

/** UTF-8 with stray legacy bytes (a windows-1252 quote pasted into a UTF-8 feed) read byte by byte. */
function decodeMixedUtf8(body: Buffer): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; ) {
    const n = body[i]! < 0x80 ? 1 : utf8SequenceLength(body, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(body.toString('utf8', start, i), WINDOWS_1252_HIGH[body[i]! - 128]!);
    i++;
    start = i;
  }
  parts.push(body.toString('utf8', start));
  return parts.join('');
}

/** Text of bytes that claim (or are assumed) to be UTF-8. */
function decodeUtf8Leniently(body: Buffer, declared: string | undefined): string {
  if (isUtf8(body)) return body.toString('utf8');
  const { validMultibyte, invalid } = scanUtf8(body);
  if (invalid === 0) return body.toString('utf8');
  // The server said UTF-8 but the document names a specific other charset: believe the document.
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-')) return decode(body, declared);
  if (invalid <= validMultibyte) return decodeMixedUtf8(body);
  return decode(body, guessLegacyCharset(body));
}

/** Decodes a fetched document (feed or page) to a string without a BOM, mojibake repaired. */
export function decodeDocument(body: Buffer, contentType?: string): string {
  return repairMojibake(decodeBytes(body, contentType));
}

/**
 * Decodes without the mojibake repair, for a reader that repairs every text it takes from the
 * document anyway (the feed parser's text cleaning does: character references can hide mojibake
 * from a repair of the whole document).
 */
export function decodeBytes(body: Buffer, contentType: string | undefined): string {
  const bom = bomEncoding(body);
  if (bom?.encoding === 'utf-8') return decodeUtf8Leniently(body.subarray(bom.skip), undefined);
  if (bom) return decode(body.subarray(bom.skip), bom.encoding);
  const wide = sniffWideEncoding(body);
  if (wide) return decode(body, wide);
  const head = body.subarray(0, 2048).toString('latin1');
  const declared = normaliseCharset(declaredInXml(head) ?? declaredInHtml(head));
  const fromHeader = normaliseCharset(charsetFromContentType(contentType));
  let encoding = fromHeader ?? declared ?? 'utf-8';
  // ISO-8859-1/ASCII in a header is most often a server default, not knowledge about the body.
  if (fromHeader === 'windows-1252' && declared && declared !== fromHeader) encoding = declared;
  // A wide encoding named without a BOM or NUL pattern is a lie the bytes give away.
  if (/^utf-(16|32)/.test(encoding)) encoding = 'utf-8';
  if (encoding === 'utf-8') return decodeUtf8Leniently(body, declared);
  if (encoding === 'windows-1252') {
    // Latin-1/ASCII labels are defaults more often than facts: valid multi-byte UTF-8 is UTF-8,
    // and bytes that read better in another charset (Cyrillic, Chinese) are that charset.
    if (isUtf8(body)) return body.toString('utf8');
    const { validMultibyte } = scanUtf8(body);
    if (validMultibyte === 0) return decode(body, guessLegacyCharset(body));
  }
  return decode(body, encoding);
}

/** Characters windows-1252 gives to the bytes 0x80-0xBF, i.e. what UTF-8 continuation bytes look like misread. */
const CONTINUATION = `[\u0080-\u00bf${WINDOWS_1252_HIGH.slice(0, 32).replace(/\ufffd/g, '')}]`;
/** How every mojibake sequence starts: a lead character, then one that reads as a continuation byte. */
export const MOJIBAKE_START = `[\u00c2-\u00f4]${CONTINUATION}`;
const MOJIBAKE = new RegExp(`${MOJIBAKE_START}{1,3}`, 'g');
const BYTE_OF = new Map([...WINDOWS_1252_HIGH].map((c, i) => [c, i + 128]));
/** Decodes whole sequences only (no streaming), so one instance serves every call. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes UTF-8 that was read as windows-1252 and written out again ("â€™" for "’", "Ã©" for
 * "é"), a common fault of feed generators. Only sequences that form valid UTF-8 are changed.
 */
export function repairMojibake(text: string): string {
  // Accented letters are common; a lead followed by what a continuation byte looks like is not.
  MOJIBAKE.lastIndex = 0;
  if (!MOJIBAKE.test(text)) return text;
  return text.replace(MOJIBAKE, (run) => {
    const lead = run.charCodeAt(0);
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (run.length < need) return run;
    const bytes = [...run.slice(0, need)].map((c) => BYTE_OF.get(c) ?? c.charCodeAt(0));
    if (bytes.some((b) => b > 0xff)) return run;
    try {
      return STRICT_UTF8.decode(Uint8Array.from(bytes)) + run.slice(need);
    } catch {
      return run;
    }
  });
}
