/**
 * Bytes to text with the right charset: BOM first, then the HTTP charset, then the XML
 * declaration or HTML <meta>, then UTF-8 (falling back to windows-1252 when the bytes are not
 * valid UTF-8). Legacy Russian and Chinese encodings go through iconv-lite.
 */
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = {
  'x-gbk': 'gbk',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gb2312': 'gb18030',
  'x-big5': 'big5',
  'big5-hkscs': 'big5hkscs',
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  koi8r: 'koi8-r',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  utf8: 'utf-8',
  'x-sjis': 'shift_jis',
};

export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  const name = ALIASES[clean] ?? clean;
  return iconv.encodingExists(name) ? name : undefined;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

function sniffDeclared(head: string): string | undefined {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w:-]+)/i.exec(head);
  return meta?.[1];
}

function bomEncoding(body: Buffer): { encoding: string; skip: number } | undefined {
  if (body[0] === 0x00 && body[1] === 0x00 && body[2] === 0xfe && body[3] === 0xff)
    return { encoding: 'utf-32be', skip: 4 };
  if (body[0] === 0xff && body[1] === 0xfe && body[2] === 0x00 && body[3] === 0x00)
    return { encoding: 'utf-32le', skip: 4 };
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** UTF-16/32 without a BOM shows itself as NULs around the ASCII of `<?`. */
function sniffUtf16(body: Buffer): string | undefined {
  if (body.length < 4) return undefined;
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x00 && body[3] === 0x00) return 'utf-32le';
  if (body[0] === 0x00 && body[1] === 0x00 && body[2] === 0x00 && body[3] === 0x3c) return 'utf-32be';
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

export function decodeDocument(body: Buffer, contentType?: string): string {
  const bom = bomEncoding(body);
  if (bom) return iconv.decode(body.subarray(bom.skip), bom.encoding);
  const utf16 = sniffUtf16(body);
  if (utf16) return iconv.decode(body, utf16);
  const head = body.subarray(0, 2048).toString('latin1');
  const declared = normaliseCharset(sniffDeclared(head));
  const fromHeader = normaliseCharset(charsetFromContentType(contentType));
  // A document's own declaration beats a generic server default, except when the header is
  // specific and the declaration is the UTF-8 default that many CMSs emit regardless.
  let encoding = fromHeader ?? declared ?? 'utf-8';
  if (fromHeader && declared && fromHeader !== declared && fromHeader === 'windows-1252') encoding = declared;
  if (encoding === 'utf-8' || encoding === 'utf8') {
    if (isValidUtf8(body)) return body.toString('utf8');
    // Mislabelled legacy text: Cyrillic-heavy bytes are far more often windows-1251 than 1252.
    return iconv.decode(body, looksCyrillic1251(body) ? 'windows-1251' : 'windows-1252');
  }
  if (encoding.startsWith('utf-16')) return iconv.decode(body, encoding);
  return iconv.decode(body, encoding);
}

function looksCyrillic1251(body: Buffer): boolean {
  let high = 0;
  let cyr = 0;
  const n = Math.min(body.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = body[i]!;
    if (b >= 0x80) {
      high++;
      if (b >= 0xc0) cyr++;
    }
  }
  return high > 20 && cyr / high > 0.7;
}
