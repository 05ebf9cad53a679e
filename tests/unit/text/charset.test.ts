import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument, guessLegacyCharset, normaliseCharset, repairMojibake } from '#text/charset.ts';

const RU = 'Переговоры о поставках нефти продолжатся на следующей неделе в Пекине';
const ZH = '中国和俄罗斯的经济合作关系继续发展';
const ZH_TW = '中俄關係持續發展，專家看法分歧，學者認為雙方合作有其限制。';
const xml = (body: string, encoding?: string) =>
  `${encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : ''}<rss><channel><title>${body}</title></channel></rss>`;

describe('normaliseCharset', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['"windows-1251"', 'windows-1251'],
    ['x-gbk', 'gb18030'],
    ['GB2312', 'gb18030'],
    ['gbk', 'gb18030'],
    ['Big5-HKSCS', 'big5'],
    ['iso-8859-5', 'iso-8859-5'],
    ['UTF-32', 'utf-32be'],
    ['cp1251', 'windows-1251'],
    ['KOI8R', 'koi8-r'],
    ['ISO-8859-1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['utf-16', 'utf-16be'],
    ['no-such-charset', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (label, expected) => {
    expect(normaliseCharset(label)).toBe(expected);
  });
});

describe('decodeDocument', () => {
  it.each([
    ['windows-1251', RU],
    ['koi8-r', RU],
    ['gb18030', `${ZH} 𠮷 €`],
    ['gbk', ZH],
    ['gb2312', ZH],
    ['big5', ZH_TW],
    ['euc-kr', '한국어 뉴스'],
    ['shift_jis', '日本語のニュース'],
  ])('reads %s from the XML declaration', (charset, text) => {
    expect(decodeDocument(iconv.encode(xml(text, charset), charset))).toBe(xml(text, charset));
  });

  it.each([
    ['utf-8 BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
    ['utf-16le BOM', Buffer.from([0xff, 0xfe]), 'utf-16le'],
    ['utf-16be BOM', Buffer.from([0xfe, 0xff]), 'utf-16be'],
    ['utf-32le BOM', Buffer.from([0xff, 0xfe, 0x00, 0x00]), 'utf-32le'],
    ['utf-32be BOM', Buffer.from([0x00, 0x00, 0xfe, 0xff]), 'utf-32be'],
  ])('a %s beats the header and the declaration, and is removed', (_name, bom, encoding) => {
    const doc = xml(`${RU} ${ZH}`, 'windows-1251');
    const body = Buffer.concat([bom, iconv.encode(doc, encoding)]);
    expect(decodeDocument(body, 'text/xml; charset=iso-8859-1')).toBe(doc);
  });

  it.each([
    ['utf-16le', xml(ZH, 'utf-16')],
    ['utf-16be', xml(ZH, 'utf-16')],
    ['utf-32le', xml(ZH, 'utf-32')],
    ['utf-32be', xml(ZH, 'utf-32')],
  ])('recognises %s without a BOM by its NUL pattern', (encoding, doc) => {
    expect(decodeDocument(iconv.encode(doc, encoding))).toBe(doc);
  });

  it('honours the HTTP charset over the XML declaration', () => {
    const doc = xml(RU, 'utf-8');
    expect(decodeDocument(iconv.encode(doc, 'koi8-r'), 'application/rss+xml; charset="KOI8-R"')).toBe(doc);
  });

  it('lets a specific declaration beat a generic ISO-8859-1 header', () => {
    const doc = xml(RU, 'windows-1251');
    expect(decodeDocument(iconv.encode(doc, 'windows-1251'), 'text/xml; charset=ISO-8859-1')).toBe(doc);
  });

  it('believes the declaration when the header says UTF-8 over bytes that are not UTF-8', () => {
    const doc = xml(ZH, 'GBK');
    expect(decodeDocument(iconv.encode(doc, 'gbk'), 'application/xml; charset=utf-8')).toBe(doc);
  });

  it('reads UTF-8 under a Latin-1 header as UTF-8 when the bytes are valid UTF-8', () => {
    const doc = xml(`Café ${RU}`);
    expect(decodeDocument(Buffer.from(doc), 'text/xml; charset=iso-8859-1')).toBe(doc);
  });

  it('reads every windows-1252 byte, the 0x80-0x9F block included', () => {
    const text = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡©®°±²µ¶·¼½¾¿ÀÆÇÈÉÑÖ×ØÜßàæçèéñö÷øüÿ';
    const doc = xml(text, 'windows-1252');
    expect(decodeDocument(iconv.encode(doc, 'windows-1252'))).toBe(doc);
  });

  it('reads a genuine windows-1252 document under a Latin-1 header', () => {
    const doc = xml('Mãe de utente é a nova presidente da Raríssimas', 'ISO-8859-1');
    expect(decodeDocument(iconv.encode(doc, 'windows-1252'), 'text/xml; charset=iso-8859-1')).toBe(doc);
  });

  it('uses <meta charset> of an HTML page, but not one quoted inside a feed', () => {
    const page = `<!doctype html><html><head><meta charset="windows-1251"><title>${RU}</title></head></html>`;
    expect(decodeDocument(iconv.encode(page, 'windows-1251'))).toBe(page);
    const feed = `<rss><channel><description><![CDATA[<meta charset="koi8-r">]]></description><title>${ZH}</title></channel></rss>`;
    expect(decodeDocument(Buffer.from(feed))).toBe(feed);
  });

  it('finds a declaration that follows a comment', () => {
    const doc = `<!-- generated -->\n<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RU}</title></channel></rss>`;
    expect(decodeDocument(iconv.encode(doc, 'windows-1251'))).toBe(doc);
  });

  it.each([
    ['windows-1251', RU],
    ['koi8-r', RU],
    ['gb18030', ZH],
    ['big5', ZH_TW],
  ])('guesses undeclared %s from the bytes', (charset, text) => {
    expect(decodeDocument(iconv.encode(xml(text), charset))).toBe(xml(text));
  });

  it('keeps UTF-8 and reads stray windows-1252 bytes in it as windows-1252', () => {
    const body = Buffer.concat([
      Buffer.from(`<rss><title>${ZH} don`),
      Buffer.from([0x92]),
      Buffer.from('t</title></rss>'),
    ]);
    expect(decodeDocument(body)).toBe(`<rss><title>${ZH} don’t</title></rss>`);
  });

  it('repairs invalid bytes after a UTF-8 BOM instead of replacing them', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Ѩ Espa'),
      Buffer.from([0xf1]),
      Buffer.from('a'),
    ]);
    expect(decodeDocument(body)).toBe('Ѩ España');
  });

  it('reads an empty body as the empty string', () => {
    expect(decodeDocument(Buffer.alloc(0))).toBe('');
  });
});

describe('guessLegacyCharset', () => {
  it.each([
    ['windows-1251', RU],
    ['koi8-r', RU],
    ['gb18030', ZH],
    ['big5', ZH_TW],
    ['euc-kr', '한국어 뉴스는 정부가 발표한 내용을 다룬다'],
    ['shift_jis', '日本のニュースは政府が発表した内容を伝えている'],
    ['windows-1252', 'Le café est très populaire à Paris, où les élèves étudient.'],
  ])('%s', (charset, text) => {
    expect(guessLegacyCharset(iconv.encode(`<title>${text}</title>`, charset))).toBe(charset);
  });

  it('falls back to windows-1252 when nothing is above ASCII', () => {
    expect(guessLegacyCharset(Buffer.from('<rss/>'))).toBe('windows-1252');
  });
});

describe('repairMojibake', () => {
  it.each([
    ['donâ€™t', 'don’t'],
    ['Ã©tÃ©', 'été'],
    ['â€¦', '…'],
    ['ÐŸÑƒÑ‚Ð¸Ð½', 'Путин'],
    ['ä¸­å›½', '中国'],
  ])('%s -> %s', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it.each(['Café crème', 'Mãe de utente', 'Größe «Zürich»', 'naïve São Paulo', '100 °C ± 2'])(
    'leaves real accented text alone: %s',
    (text) => {
      expect(repairMojibake(text)).toBe(text);
    },
  );
});
