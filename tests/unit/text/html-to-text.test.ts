import { describe, expect, it } from 'vitest';
import { NestingTooDeepError } from '#domain/errors.ts';
import { MAX_NESTING } from '#text/html-guard.ts';
import {
  cleanInlineText,
  decodeEntities,
  htmlToPlainText,
  removeInvisibleCharacters,
  truncateText,
} from '#text/html-to-text.ts';

describe('htmlToPlainText', () => {
  it.each([
    ['plain text stays', 'Xi meets Putin', 'Xi meets Putin'],
    ['entities decode', 'Caf&eacute; &amp; &ldquo;talks&rdquo; &#8212; &#x41;', 'Café & “talks” — A'],
    [
      'double-escaped entities decode',
      'Putin&amp;#039;s &amp;quot;red line&amp;quot;',
      'Putin\'s "red line"',
    ],
    ['paragraphs become blank lines', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['headings and list items are blocks', '<h2>Head</h2><ul><li>a</li><li>b</li></ul>', 'Head\n\na\n\nb'],
    ['a <br> joins its lines with a space', 'line one<br/>line two', 'line one line two'],
    ['inline markup inside words leaves no gap', 'wo<b>r</b>d and <a href="x">link</a>', 'word and link'],
    ['table cells stay apart', '<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    [
      'scripts, styles and iframes disappear',
      'a<script>alert(1)</script><style>p{}</style><iframe src="x"/> b',
      'a b',
    ],
    ['an unclosed comment hides the rest, as in a browser', 'safe<!-- rest', 'safe'],
    ['comments disappear', 'sa<!-- x -->fe', 'safe'],
    [
      'entity-escaped markup is stripped too',
      '&lt;p&gt;Escaped &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Next&lt;/p&gt;',
      'Escaped bold\n\nNext',
    ],
    ['whitespace and nbsp collapse', '  a \t\n b&nbsp;&nbsp;c  ', 'a b c'],
    ['object fallback content is kept', 'safe<object data="x"> description</object>', 'safe description'],
    ['windows-1252 controls read as punctuation', 'don\u0092t \u0093quote\u0094', 'don’t “quote”'],
    ['mojibake from character references is repaired', '&#226;&#128;&#166; Ã©tÃ©', '… été'],
    ['a lone < is text', '1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['CJK and Cyrillic pass through', '<p>中俄 &amp; Россия</p>', '中俄 & Россия'],
    ['zero-width characters go', 'a\u200bb\ufeffc', 'abc'],
    ['one line end is a space, two a blank line', 'a \u2003\n b\n \t\nc', 'a b\n\nc'],
    ['spaces and tabs fold around other spaces', 'a\t\u2003  b\nc  d \u3000 e', 'a \u2003 b c d \u3000 e'],
    ['a paragraph mark makes a blank line', '<p>a</p>  <p> b</p>\n', 'a\n\nb'],
  ])('%s', (_name, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });

  it('returns the empty string for nothing', () => {
    expect(htmlToPlainText('')).toBe('');
    expect(htmlToPlainText(undefined)).toBe('');
    expect(htmlToPlainText('<p> </p><br>')).toBe('');
  });

  it('refuses markup nested deeper than the guard allows, in time linear in its length', () => {
    const deep = `${'<div><b>'.repeat(20_000)}deep${'</div></b>'.repeat(20_000)}`;
    expect(() => htmlToPlainText(deep)).toThrow(NestingTooDeepError);
    expect(() => htmlToPlainText(`<!-- parser -->${'<i>'.repeat(MAX_NESTING + 1)}x`)).toThrow(
      `markup nested deeper than ${MAX_NESTING} levels`,
    );
  });

  it('reads markup as deep as the limit, and unclosed paragraphs however many', () => {
    expect(htmlToPlainText(`${'<span>'.repeat(MAX_NESTING)}deep`)).toBe('deep');
    expect(htmlToPlainText(`<!-- parser -->${'<p>x'.repeat(5_000)}`)).toBe(
      Array(5_000).fill('x').join('\n\n'),
    );
  });

  it.each([
    ['U+202E right-to-left override', 'gnp.\u202eexe', 'gnp.exe'],
    ['U+202A-U+202D embeddings and overrides', '\u202aa\u202bb\u202cc\u202dd', 'abcd'],
    ['U+2066-U+2069 isolates', '\u2066a\u2067b\u2068c\u2069d', 'abcd'],
    ['U+200E/U+200F marks', 'x\u200ey\u200fz', 'xyz'],
    ['U+061C Arabic letter mark', 'a\u061cb', 'ab'],
    ['a character reference', 'Xi &#x202E;meets&#8238; Putin', 'Xi meets Putin'],
    ['inside markup', '<p>Xi \u202emeets</p>', 'Xi meets'],
  ])('strips bidirectional controls: %s', (_name, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
    expect(cleanInlineText(html)).toBe(text);
  });
});

describe('cleanInlineText', () => {
  it.each([
    ['&lt;b&gt;Breaking:&lt;/b&gt; Xi &amp;amp; Putin', 'Breaking: Xi & Putin'],
    ['<p>Two</p><p>paragraphs</p>', 'Two paragraphs'],
    ['  spaced\n\n title  ', 'spaced title'],
    ['Tom &amp;amp; Jerry&amp;#8217;s', 'Tom & Jerry’s'],
  ])('%s -> %s', (input, expected) => {
    expect(cleanInlineText(input)).toBe(expected);
  });

  it('returns the empty string for nothing', () => {
    expect(cleanInlineText(undefined)).toBe('');
  });

  it('leaves one line with single spaces whatever whitespace the title had', () => {
    const whitespace = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter(
      (c) => /\s/.test(c) && c !== ' ',
    );
    expect(whitespace.length).toBeGreaterThan(20);
    for (const c of whitespace) expect(cleanInlineText(`Xi${c}meets Putin`)).toMatch(/^Xi ?meets Putin$/);
    expect(cleanInlineText('Xi meets Putin')).toBe('Xi meets Putin');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;', '&'],
    ['&amp;amp;', '&'],
    ['&amp;#039;', "'"],
    ['AT&T', 'AT&T'],
  ])('%s -> %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('truncateText', () => {
  it.each([
    ['short', 10, 'short'],
    ['one two three four five', 14, 'one two three…'],
    ['abcdefghijklmnop', 5, 'abcde…'],
  ])('%s at %i -> %s', (input, max, expected) => {
    expect(truncateText(input, max)).toBe(expected);
  });
});

describe('removeInvisibleCharacters', () => {
  it('removes zero-width and bidirectional characters and leaves the rest', () => {
    expect(removeInvisibleCharacters('a\u200bb\u202ec\u2069d\ufeffe f')).toBe('abcde f');
    expect(removeInvisibleCharacters('plain')).toBe('plain');
  });
});
