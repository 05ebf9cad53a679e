/**
 * The curated default sources: wire services, Western, Russian (state and independent) and
 * Chinese (state and Hong Kong) outlets, plus news-search queries. A deployment overrides
 * this list in its config; the offline sample uses its own list on 127.0.0.1.
 */
import type { FeedSource } from '#domain/types.ts';

const googleNews = (query: string, hl = 'en-GB', gl = 'GB') =>
  `https://news.google.com/rss/search?q=${encodeURIComponent(query)}&hl=${hl}&gl=${gl}&ceid=${gl}:${hl.split('-')[0]}`;

export const DEFAULT_FEEDS: FeedSource[] = [
  {
    name: 'Google News: Xi Putin',
    url: googleNews('Xi Putin when:1d'),
    perspective: 'aggregator',
    language: 'en',
  },
  {
    name: 'Google News: China Russia relations',
    url: googleNews('"China" "Russia" relations OR partnership OR sanctions when:1d'),
    perspective: 'aggregator',
    language: 'en',
  },
  {
    name: 'Google News (RU): Китай Россия',
    url: googleNews('Китай Россия Си Цзиньпин Путин when:1d', 'ru', 'RU'),
    perspective: 'aggregator',
    language: 'ru',
  },
  {
    name: 'Google News (ZH): 中俄',
    url: googleNews('中俄 习近平 普京 when:1d', 'zh-CN', 'CN'),
    perspective: 'aggregator',
    language: 'zh',
  },
  {
    name: 'BBC News – World',
    url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    perspective: 'western',
    language: 'en',
  },
  {
    name: 'The Guardian – World',
    url: 'https://www.theguardian.com/world/rss',
    perspective: 'western',
    language: 'en',
  },
  {
    name: 'NYT – World',
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    perspective: 'western',
    language: 'en',
  },
  { name: 'NPR – World', url: 'https://feeds.npr.org/1004/rss.xml', perspective: 'western', language: 'en' },
  {
    name: 'Deutsche Welle',
    url: 'https://rss.dw.com/rdf/rss-en-world',
    perspective: 'western',
    language: 'en',
  },
  {
    name: 'France 24 – Asia-Pacific',
    url: 'https://www.france24.com/en/asia-pacific/rss',
    perspective: 'western',
    language: 'en',
  },
  {
    name: 'Al Jazeera',
    url: 'https://www.aljazeera.com/xml/rss/all.xml',
    perspective: 'regional',
    language: 'en',
  },
  {
    name: 'Japan Today – World',
    url: 'https://japantoday.com/category/world/feed',
    perspective: 'regional',
    language: 'en',
  },
  { name: 'TASS', url: 'https://tass.com/rss/v2.xml', perspective: 'russian-state', language: 'en' },
  { name: 'RT', url: 'https://www.rt.com/rss/news/', perspective: 'russian-state', language: 'en' },
  {
    name: 'RIA Novosti',
    url: 'https://ria.ru/export/rss2/archive/index.xml',
    perspective: 'russian-state',
    language: 'ru',
  },
  {
    name: 'Kommersant',
    url: 'https://www.kommersant.ru/RSS/news.xml',
    perspective: 'russian-state',
    language: 'ru',
  },
  {
    name: 'The Moscow Times',
    url: 'https://www.themoscowtimes.com/rss/news',
    perspective: 'russian-independent',
    language: 'en',
  },
  { name: 'Meduza', url: 'https://meduza.io/rss/en/all', perspective: 'russian-independent', language: 'en' },
  {
    name: 'Xinhua – World',
    url: 'http://www.xinhuanet.com/english/rss/worldrss.xml',
    perspective: 'chinese-state',
    language: 'en',
  },
  {
    name: 'Global Times',
    url: 'https://www.globaltimes.cn/rss/outbrain.xml',
    perspective: 'chinese-state',
    language: 'en',
  },
  {
    name: 'China Daily – World',
    url: 'https://www.chinadaily.com.cn/rss/world_rss.xml',
    perspective: 'chinese-state',
    language: 'en',
  },
  {
    name: 'CGTN – World',
    url: 'https://www.cgtn.com/subscribe/rss/section/world.xml',
    perspective: 'chinese-state',
    language: 'en',
  },
  {
    name: "People's Daily (ZH) – World",
    url: 'http://www.people.com.cn/rss/world.xml',
    perspective: 'chinese-state',
    language: 'zh',
  },
  {
    name: 'SCMP – China',
    url: 'https://www.scmp.com/rss/4/feed',
    perspective: 'chinese-independent',
    language: 'en',
  },
];
