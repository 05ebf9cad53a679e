/**
 * Outlets by perspective: a maintained list of news domains (state media of Russia and China,
 * wire services, major Western and regional outlets, news searches). When a feed names no
 * perspective, it is inferred from the feed's or the report's host and marked as inferred, so a
 * reader can tell a label we were given from one we guessed. Unknown hosts stay unknown.
 *
 * Keep entries to the registrable domain ("bbc.co.uk"); subdomains match ("feeds.bbci.co.uk").
 * A news search on a wire or Western domain (news.google.com) is listed before its parent.
 */
import type { Perspective } from './types.ts';

const OUTLETS: Record<Exclude<Perspective, 'other'>, readonly string[]> = {
  aggregator: [
    'news.google.com',
    'news.yahoo.com',
    'bing.com',
    'news.search.yahoo.com',
    'msn.com',
    'flipboard.com',
  ],
  wire: [
    'reuters.com',
    'apnews.com',
    'afp.com',
    'bloomberg.com',
    'dpa.com',
    'efe.com',
    'ansa.it',
    'kyodonews.net',
    'yna.co.kr',
    'pap.pl',
    'upi.com',
  ],
  'russian-state': [
    'tass.ru',
    'tass.com',
    'ria.ru',
    'rt.com',
    'sputniknews.com',
    'sputnikglobe.com',
    'sputniknews.cn',
    'rg.ru',
    'kremlin.ru',
    'mid.ru',
    'government.ru',
    'interfax.ru',
    'interfax.com',
    'iz.ru',
    '1tv.ru',
    'vesti.ru',
    'smotrim.ru',
    'ren.tv',
    'tvzvezda.ru',
    'lenta.ru',
    'gazeta.ru',
    'aif.ru',
    'kp.ru',
    'rbc.ru',
    'kommersant.ru',
    'vedomosti.ru',
    'globalaffairs.ru',
    'valdaiclub.com',
    'russiancouncil.ru',
  ],
  'russian-independent': [
    'themoscowtimes.com',
    'meduza.io',
    'novayagazeta.eu',
    'novayagazeta.ru',
    'tvrain.tv',
    'tvrain.ru',
    'istories.media',
    'theins.ru',
    'theins.press',
    'zona.media',
    'holod.media',
    'verstka.media',
    'agents.media',
    'svoboda.org',
    'rferl.org',
    'currenttime.tv',
    'carnegie.ru',
    'carnegieendowment.org',
    're-russia.net',
    'riddle.io',
  ],
  'chinese-state': [
    'xinhuanet.com',
    'news.cn',
    'chinadaily.com.cn',
    'chinadailyhk.com',
    'globaltimes.cn',
    'people.com.cn',
    'people.cn',
    'cgtn.com',
    'cctv.com',
    'cctv.cn',
    'chinanews.com.cn',
    'chinanews.com',
    'ecns.cn',
    'china.org.cn',
    'gov.cn',
    'fmprc.gov.cn',
    'mfa.gov.cn',
    'mod.gov.cn',
    'cri.cn',
    'guancha.cn',
    'thepaper.cn',
    'huanqiu.com',
    'gmw.cn',
    'ce.cn',
    'caixin.com',
    'sixthtone.com',
  ],
  'chinese-independent': [
    'scmp.com',
    'hongkongfp.com',
    'rthk.hk',
    'thestandard.com.hk',
    'theinitium.com',
    'rfa.org',
    'voachinese.com',
    'chinadigitaltimes.net',
    'caixinglobal.com',
    'cna.com.tw',
    'taipeitimes.com',
    'focustaiwan.tw',
    'rti.org.tw',
    'zaobao.com.sg',
    'zaobao.com',
    'bbc.com/zhongwen',
  ],
  western: [
    'bbc.co.uk',
    'bbc.com',
    'bbci.co.uk',
    'theguardian.com',
    'guardian.co.uk',
    'nytimes.com',
    'washingtonpost.com',
    'wsj.com',
    'ft.com',
    'economist.com',
    'politico.com',
    'politico.eu',
    'npr.org',
    'cnn.com',
    'nbcnews.com',
    'today.com',
    'cbsnews.com',
    'abcnews.go.com',
    'foxnews.com',
    'thehill.com',
    'axios.com',
    'newsweek.com',
    'time.com',
    'theatlantic.com',
    'foreignpolicy.com',
    'foreignaffairs.com',
    'forbes.com',
    'cnbc.com',
    'usatoday.com',
    'latimes.com',
    'nypost.com',
    'voanews.com',
    'dw.com',
    'france24.com',
    'rfi.fr',
    'lemonde.fr',
    'lefigaro.fr',
    'liberation.fr',
    'spiegel.de',
    'zeit.de',
    'faz.net',
    'sueddeutsche.de',
    'welt.de',
    'tagesschau.de',
    'elpais.com',
    'elmundo.es',
    'corriere.it',
    'repubblica.it',
    'nzz.ch',
    'euronews.com',
    'news.sky.com',
    'sky.com',
    'telegraph.co.uk',
    'thetimes.co.uk',
    'independent.co.uk',
    'dailymail.co.uk',
    'express.co.uk',
    'mirror.co.uk',
    'inews.co.uk',
    'channel4.com',
    'itv.com',
    'abc.net.au',
    'smh.com.au',
    'cbc.ca',
    'theglobeandmail.com',
    'rnz.co.nz',
    'dailywire.com',
    'washingtonexaminer.com',
    'washingtontimes.com',
    'nationalreview.com',
    'breitbart.com',
    'newsmax.com',
    'foxbusiness.com',
    'pbs.org',
    'epochtimes.com',
    'theepochtimes.com',
    'businessinsider.com',
    'breakingdefense.com',
    'defensenews.com',
    'theconversation.com',
    'atlanticcouncil.org',
    'csis.org',
    'brookings.edu',
    'rand.org',
    'chathamhouse.org',
    'iiss.org',
    'merics.org',
    'ecfr.eu',
    'understandingwar.org',
    'tvn24.pl',
    'onet.pl',
    'interia.pl',
    'wp.pl',
    'gazeta.pl',
    'rp.pl',
    'polsatnews.pl',
    'rmf24.pl',
    'money.pl',
    'bankier.pl',
    'chip.pl',
    'businessinsider.com.pl',
    'wyborcza.pl',
    'dorzeczy.pl',
    'wpolityce.pl',
    'forsal.pl',
    'dziennik.pl',
    'gazetaprawna.pl',
    'wprost.pl',
    'newsweek.pl',
    'polityka.pl',
    'tvp.info',
    'polskieradio.pl',
    'pb.pl',
    'niezalezna.pl',
    'o2.pl',
    'natemat.pl',
    'oko.press',
    'defence24.pl',
    'osw.waw.pl',
    'pism.pl',
    'kyivindependent.com',
    'kyivpost.com',
    'pravda.com.ua',
    'ukrinform.net',
    'ukrinform.ua',
    'unian.net',
    'unian.info',
    'suspilne.media',
    'rbc.ua',
    'nv.ua',
    'euromaidanpress.com',
  ],
  regional: [
    'aljazeera.com',
    'aljazeera.net',
    'japantoday.com',
    'japantimes.co.jp',
    'nhk.or.jp',
    'asahi.com',
    'nikkei.com',
    'asia.nikkei.com',
    'koreaherald.com',
    'koreatimes.co.kr',
    'straitstimes.com',
    'channelnewsasia.com',
    'thehindu.com',
    'hindustantimes.com',
    'timesofindia.indiatimes.com',
    'indianexpress.com',
    'ndtv.com',
    'dawn.com',
    'thediplomat.com',
    'eurasianet.org',
    'akipress.com',
    'kun.uz',
    'astanatimes.com',
    'trtworld.com',
    'dailysabah.com',
    'timesofisrael.com',
    'haaretz.com',
    'arabnews.com',
    'thenationalnews.com',
    'middleeasteye.net',
    'africanews.com',
    'news24.com',
    'mg.co.za',
    'batimes.com.ar',
    'mercopress.com',
    'mongolia.gogo.mn',
    'montsame.mn',
    'vnexpress.net',
    'bangkokpost.com',
    'inquirer.net',
    'rappler.com',
    'antaranews.com',
    'thejakartapost.com',
  ],
};

/**
 * The site an http(s) URL belongs to, as outlets are listed: the host name in lower case without
 * "www." or a final dot ("https://WWW.BBC.co.uk./news" → "bbc.co.uk"); undefined for anything
 * else. The one copy: outlet names, perspectives, per-site page limits and news-search sources
 * all key sites by it.
 */
export function siteHostOf(url: string | undefined): string | undefined {
  const parsed = httpUrl(url);
  return parsed && siteOf(parsed);
}

function httpUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  const parsed = URL.parse(url);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed : undefined;
}

function siteOf(parsed: URL): string | undefined {
  return (
    parsed.hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '') || undefined
  );
}

/** Perspective by domain, built once; longest domain wins (news.google.com over google.com). */
const BY_DOMAIN = new Map<string, Exclude<Perspective, 'other'>>();
for (const [perspective, domains] of Object.entries(OUTLETS) as [Exclude<Perspective, 'other'>, string[]][])
  for (const domain of domains) BY_DOMAIN.set(domain, perspective);

/**
 * The perspective of the outlet at `url` (a feed or an article), or undefined when the host is
 * not in the list. Subdomains inherit their domain's perspective; a path-qualified entry
 * ("bbc.com/zhongwen") wins over its host.
 */
export function perspectiveOfUrl(url: string | undefined): Exclude<Perspective, 'other'> | undefined {
  const parsed = httpUrl(url);
  const host = parsed && siteOf(parsed);
  if (!parsed || !host) return undefined;
  const path = parsed.pathname.toLowerCase();
  const section = /^\/[^/]+/.exec(path)?.[0];
  if (section) {
    const withPath = BY_DOMAIN.get(host + section);
    if (withPath) return withPath;
  }
  for (let name = host; name.includes('.'); name = name.slice(name.indexOf('.') + 1)) {
    const found = BY_DOMAIN.get(name);
    if (found) return found;
  }
  return undefined;
}
