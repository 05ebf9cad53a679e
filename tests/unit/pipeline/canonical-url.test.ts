import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, resolveAggregatorLink } from '../../../functions/pipeline/canonical-url.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://News.Example.org:443/a?utm_source=x&utm_medium=y#frag', 'https://news.example.org/a'],
    ['https://example.org/a?fbclid=1&gclid=2&id=5', 'https://example.org/a?id=5'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?a=1&b=2'],
    ['https://amp.example.org/story/amp/', 'https://example.org/story/'],
    ['https://example.org/story.amp.html', 'https://example.org/story.html'],
    ['https://example.org/story?outputType=amp', 'https://example.org/story'],
    ['https://example.org/a?at_medium=rss&at_campaign=x', 'https://example.org/a'],
    ['/relative/path', 'https://base.example.org/relative/path'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalizeUrl(input, 'https://base.example.org/feed')).toBe(expected);
  });

  it('keeps aggregator links when the entry does not show the publisher', () => {
    const link = 'https://news.google.com/rss/articles/CBMiABC?oc=5';
    expect(resolveAggregatorLink(link, { descriptionHtml: 'no link here' })).toBe(link);
    expect(
      resolveAggregatorLink(link, {
        descriptionHtml: '<a href="https://pub.example.org/x?utm_source=gn">x</a>',
      }),
    ).toBe('https://pub.example.org/x');
  });
});
