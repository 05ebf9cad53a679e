import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isAggregatorLink, resolveAggregatorLink } from '#text/urls.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://News.Example.org:443/a?utm_source=x&utm_medium=y#frag', 'https://news.example.org/a'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['https://example.org:8443/a', 'https://example.org:8443/a'],
    ['https://user:pw@example.org/a', 'https://example.org/a'],
    ['https://example.org/a?fbclid=1&gclid=2&id=5', 'https://example.org/a?id=5'],
    // One parameter: tracking (also when percent-encoded) goes, anything else stays as written.
    ['https://example.org/a/story?utm%5Fsource=rss', 'https://example.org/a/story'],
    ['https://example.org/a/story?id=98024191', 'https://example.org/a/story?id=98024191'],
    ['https://example.org/a/story?q=a+b', 'https://example.org/a/story?q=a+b'],
    // A second "//" or a dot segment is no canonical path.
    ['https://example.org/a//b/./c', 'https://example.org/a/b/c'],
    [
      'https://example.org/a?dclid=1&msclkid=2&yclid=3&igshid=4&_ga=5&mc_cid=6&mc_eid=7',
      'https://example.org/a',
    ],
    ['https://example.org/a?ocid=rss&cmpid=x&CMP=share_btn&icid=y', 'https://example.org/a'],
    ['https://example.org/a?at_medium=rss&at_campaign=x', 'https://example.org/a'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?a=1&b=2'],
    ['https://example.org/a?q=one%20two&x=a,b', 'https://example.org/a?q=one%20two&x=a,b'],
    ['https://example.org/a?ref=rss&page=2', 'https://example.org/a?page=2'],
    ['https://example.org/a?ref=twitter_share', 'https://example.org/a'],
    ['https://example.org/a?ref=v2-api-docs', 'https://example.org/a?ref=v2-api-docs'],
    ['https://example.org/a?from=rss&id=1', 'https://example.org/a?id=1'],
    ['https://example.org/a?ref_src=twsrc', 'https://example.org/a'],
    ['https://amp.example.org/story/amp/', 'https://example.org/story/'],
    ['https://example.org/news/amp/story-123', 'https://example.org/news/story-123'],
    ['https://amp.dev/about', 'https://amp.dev/about'],
    ['https://example.org/story.amp.html', 'https://example.org/story.html'],
    ['https://example.org/story.amp', 'https://example.org/story'],
    ['https://example.org/story?outputType=amp', 'https://example.org/story'],
    ['https://example.org/story?amp=1&id=3', 'https://example.org/story?id=3'],
    ['https://example.org/story?amp', 'https://example.org/story'],
    ['https://www-example-org.cdn.ampproject.org/c/s/www.example.org/story', 'https://www.example.org/story'],
    ['https://example.org/a//b', 'https://example.org/a/b'],
    ['/relative/path', 'https://base.example.org/relative/path'],
    ['  https://example.org/trim  ', 'https://example.org/trim'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['not a url at all', 'https://base.example.org/not%20a%20url%20at%20all'],
    ['', ''],
    ['https://example.org/a#', 'https://example.org/a'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org./a', 'https://example.org/a'],
    ['https://example.org/a/./b/../c', 'https://example.org/a/c'],
    ['http://0x7f.1/a', 'http://127.0.0.1/a'],
    ['https://example.org/caf\u00e9', 'https://example.org/caf%C3%A9'],
    ['https://example.org/a\\b', 'https://example.org/a/b'],
    ['https://www.bbc.com/news/articles/cw4ry74dkejo', 'https://www.bbc.com/news/articles/cw4ry74dkejo'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalizeUrl(input, 'https://base.example.org/feed')).toBe(expected);
  });

  it('returns an unparseable address trimmed when there is no base', () => {
    expect(canonicalizeUrl(' not a url ')).toBe('not a url');
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('https://AMP.example.org/x/amp/?utm_source=a&z=1&a=2#f');
    expect(canonicalizeUrl(once)).toBe(once);
  });
});

describe('isAggregatorLink', () => {
  it.each([
    ['https://news.google.com/rss/articles/CBMiABC?oc=5', true],
    ['https://news.google.co.uk/articles/CBMi', true],
    ['https://www.google.com/url?rct=j&url=https://pub.example.org/a', true],
    ['https://www.bing.com/news/apiclick.aspx?url=https%3a%2f%2fpub.example.org%2fa', true],
    ['https://search-copy.example/search/rss/articles/abc', true],
    ['https://www.google.com/search?q=x', false],
    ['https://pub.example.org/url', false],
    ['https://pub.example.org/a', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAggregatorLink(url)).toBe(expected);
  });
});

describe('resolveAggregatorLink', () => {
  const gn = 'https://news.google.com/rss/articles/CBMiABC?oc=5';

  it.each([
    ['no link in the description', gn, { descriptionHtml: 'no link here' }, gn],
    [
      'a publisher link in the description',
      gn,
      { descriptionHtml: '<a href="https://pub.example.org/x?utm_source=gn&amp;id=2">x</a>' },
      'https://pub.example.org/x?id=2',
    ],
    [
      'only aggregator links in the description',
      gn,
      {
        descriptionHtml: `<a href="${gn}">x</a>&nbsp;<font>Pub</font>`,
        sourceUrl: 'https://pub.example.org',
      },
      gn,
    ],
    [
      'the link on the <source> site first',
      gn,
      {
        descriptionHtml:
          '<ol><li><a href="https://other.example.net/y">y</a></li><li><a href="https://www.pub.example.org/x">x</a></li></ol>',
        sourceUrl: 'https://pub.example.org',
      },
      'https://www.pub.example.org/x',
    ],
    [
      'a url= parameter',
      'https://www.google.com/url?rct=j&sa=t&url=https://pub.example.org/alert?utm_medium=email&ct=ga',
      {},
      'https://pub.example.org/alert',
    ],
    [
      'a Bing News url= parameter',
      'https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&url=https%3a%2f%2fpub.example.org%2fb%3fid%3d4&c=1',
      {},
      'https://pub.example.org/b?id=4',
    ],
    [
      'a link that is not an aggregator',
      'https://pub.example.org/a',
      { descriptionHtml: '<a href="https://other.example.org/b">b</a>' },
      'https://pub.example.org/a',
    ],
  ])('%s', (_name, link, entry, expected) => {
    expect(resolveAggregatorLink(link, entry)).toBe(expected);
  });
});
