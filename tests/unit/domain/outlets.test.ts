import { describe, expect, it } from 'vitest';
import { perspectiveOfUrl, siteHostOf } from '#domain/outlets.ts';

describe('perspectiveOfUrl', () => {
  it.each([
    ['https://tass.com/politics/1234', 'russian-state'],
    ['https://www.rt.com/news/600000-xi-putin/', 'russian-state'],
    ['https://meduza.io/en/feature/2025/09/02/x', 'russian-independent'],
    ['https://www.themoscowtimes.com/rss/news', 'russian-independent'],
    ['http://english.news.cn/20250902/abc/c.html', 'chinese-state'],
    ['https://www.globaltimes.cn/page/202509/1.shtml', 'chinese-state'],
    ['https://www.scmp.com/rss/4/feed', 'chinese-independent'],
    ['https://www.bbc.com/zhongwen/simp/world-1', 'chinese-independent'],
    ['https://feeds.bbci.co.uk/news/world/rss.xml', 'western'],
    ['https://www.bbc.com/news/world-asia-1', 'western'],
    ['https://www.reuters.com/world/china/x/', 'wire'],
    ['https://news.google.com/rss/search?q=Xi+Putin', 'aggregator'],
    ['https://www.aljazeera.com/xml/rss/all.xml', 'regional'],
    ['https://tvn24.pl/swiat/chiny-rosja-ra123', 'western'],
    ['https://forsal.pl/swiat/rosja/artykuly/123,chiny.html', 'western'],
    ['https://www.dailywire.com/news/xi-putin', 'western'],
    // Read as Other on the training corpus's days until 2026-12-03.
    ['https://www.today.com/news/xi-putin-talks-rcna1', 'western'],
    ['https://www.chip.pl/2023/03/chiny-rosja', 'western'],
  ])('%s is %s', (url, perspective) => {
    expect(perspectiveOfUrl(url)).toBe(perspective);
  });

  it.each<[string | undefined, string]>([
    ['https://example.org/news', 'an unknown host'],
    ['https://nottass.com/x', 'a host that only ends like a listed one'],
    ['ftp://tass.ru/x', 'a non-http URL'],
    ['not a url', 'garbage'],
    [undefined, 'nothing'],
  ])('%s (%s) is unknown', (url) => {
    expect(perspectiveOfUrl(url)).toBeUndefined();
  });
});

describe('siteHostOf', () => {
  it.each([
    ['https://WWW.BBC.co.uk./news/world', 'bbc.co.uk'],
    ['http://apnews.com:8080/article/x', 'apnews.com'],
    ['https://news.google.com/rss/articles/CBMi', 'news.google.com'],
    ['ftp://example.com/file', undefined],
    ['mailto:desk@example.com', undefined],
    ['/relative/path', undefined],
    ['not a url', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, host) => {
    expect(siteHostOf(url)).toBe(host);
  });
});
