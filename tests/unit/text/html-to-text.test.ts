import { describe, expect, it } from 'vitest';
import { cleanInlineText, decodeEntities, htmlToPlainText, truncateText } from '#text/html-to-text.ts';

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
  ])('%s', (_name, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });

  it('returns the empty string for nothing', () => {
    expect(htmlToPlainText('')).toBe('');
    expect(htmlToPlainText(undefined)).toBe('');
    expect(htmlToPlainText('<p> </p><br>')).toBe('');
  });

  it('survives very deep nesting', () => {
    const deep = `${'<div><b>'.repeat(20_000)}deep${'</b></div>'.repeat(20_000)}`;
    expect(htmlToPlainText(deep)).toBe('deep');
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
