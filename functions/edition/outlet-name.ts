/**
 * The outlet's name as the outlet writes it, for attributions ("…, The New York Times
 * reports."). A maintained list of major news domains gives the name outright (a feed called
 * "NY times" or "Aljazeera" is still The New York Times and Al Jazeera); otherwise the feed's
 * name without its section ("BBC News - Asia" → "BBC News", "China - South China Morning Post"
 * → "South China Morning Post").
 */

import { siteHostOf } from '#domain/outlets.ts';

/** Registrable domain → the outlet's own spelling of its name. Subdomains match. */
const NAMES: Readonly<Record<string, string>> = {
  'abcnews.go.com': 'ABC News',
  'aljazeera.com': 'Al Jazeera',
  'aljazeera.net': 'Al Jazeera',
  'apnews.com': 'AP',
  'axios.com': 'Axios',
  'bankier.pl': 'Bankier.pl',
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'bbci.co.uk': 'BBC News',
  'bloomberg.com': 'Bloomberg',
  'businessinsider.com': 'Business Insider',
  'businessinsider.com.pl': 'Business Insider Polska',
  'cgtn.com': 'CGTN',
  'chinadaily.com.cn': 'China Daily',
  'cnbc.com': 'CNBC',
  'cnn.com': 'CNN',
  'dailymail.co.uk': 'Daily Mail',
  'dailywire.com': 'The Daily Wire',
  'dw.com': 'DW',
  'economist.com': 'The Economist',
  'foreignpolicy.com': 'Foreign Policy',
  'forsal.pl': 'Forsal.pl',
  'foxnews.com': 'Fox News',
  'france24.com': 'France 24',
  'ft.com': 'Financial Times',
  'gazeta.pl': 'Gazeta.pl',
  'globaltimes.cn': 'Global Times',
  'interia.pl': 'Interia',
  'japantoday.com': 'Japan Today',
  'kyivindependent.com': 'The Kyiv Independent',
  'lemonde.fr': 'Le Monde',
  'meduza.io': 'Meduza',
  'money.pl': 'Money.pl',
  'msn.com': 'MSN',
  'nbcnews.com': 'NBC News',
  'news.cn': 'Xinhua',
  'npr.org': 'NPR',
  'nytimes.com': 'The New York Times',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'polsatnews.pl': 'Polsat News',
  'reuters.com': 'Reuters',
  'rt.com': 'RT',
  'scmp.com': 'South China Morning Post',
  'sky.com': 'Sky News',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'theepochtimes.com': 'The Epoch Times',
  'theguardian.com': 'The Guardian',
  'thehill.com': 'The Hill',
  'themoscowtimes.com': 'The Moscow Times',
  'tvn24.pl': 'TVN24',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'xinhuanet.com': 'Xinhua',
};

/** Feed-name parts that name a section or a tagline, not the outlet. */
const SECTION =
  /^(world|world news|news|top news|top stories|latest|breaking news.*|politics|tech|technology|business|economy|innovation|international|china|asia|africa|europe|middle east|us & canada|us and canada|americas|frontpage|topics: news|opinion|analysis|home|rss|feed)$/i;
const TRAILING_SECTION = /\s+(world|politics|tech|technology|business|international|topics)$/i;

/** The outlet's name: from the report's domain when it is a known outlet, else from the feed's name. */
export function outletName(feedName: string, url?: string): string {
  const known = url ? nameOfHost(url) : undefined;
  if (known) return known;
  const parts = feedName
    .split(/\s+[–—>|-]\s+|:\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const named = parts.filter((p) => !SECTION.test(p));
  let name = (named[0] ?? parts[0] ?? feedName).trim();
  // "NBC world", "Epoch times world", "Financial Times World": a section word glued on.
  if (name.split(/\s+/).length > 1) name = name.replace(TRAILING_SECTION, '');
  return name || feedName;
}

function nameOfHost(url: string): string | undefined {
  const host = siteHostOf(url);
  if (!host) return undefined;
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = NAMES[h];
    if (name) return name;
  }
  return undefined;
}
