/**
 * One address per article, so the same story from two feeds is recognised as one: tracking
 * parameters, fragments, credentials and AMP variants removed, host lower-cased, default ports
 * dropped, the remaining query sorted (its original encoding kept). News-search redirect links
 * resolve to the publisher's URL when the entry itself shows it.
 */

import { siteHostOf } from '#domain/outlets.ts';

/** Parameters that only say where a click came from, never which document it is. */
const TRACKING_NAMES = new Set(
  [
    'fbclid',
    'gclid',
    'gclsrc',
    'dclid',
    'wbraid',
    'gbraid',
    'gad_source',
    'msclkid',
    'yclid',
    'twclid',
    'ttclid',
    'li_fat_id',
    'igshid',
    'igsh',
    'srsltid',
    'mc_cid',
    'mc_eid',
    '_ga',
    '_gl',
    '_hsenc',
    '_hsmi',
    'hsctatracking',
    'ocid',
    'cmpid',
    'cmp',
    'icid',
    'ncid',
    'sr_share',
    'smid',
    'smtyp',
    'wt.mc_id',
    'wt.mc_ev',
    'ito',
    's_cid',
    's_kwcid',
    'ef_id',
    'xtor',
    'ref_src',
    'ref_url',
    'taid',
    'ftag',
    'mkt_tok',
    'spm',
    'scm',
    'guccounter',
    'guce_referrer',
    'guce_referrer_sig',
    'fb_action_ids',
    'fb_action_types',
    'fb_source',
    'fb_ref',
    'oly_enc_id',
    'oly_anon_id',
    'vero_id',
    'rb_clickid',
    'soc_src',
    'soc_trk',
    '__twitter_impression',
  ].map((n) => n.toLowerCase()),
);
const TRACKING_PREFIXES = /^(utm_|at_|pk_|piwik_|mtm_|matomo_|ns_|hmb_|trk_)/i;
/** `ref=` and `from=` are tracking when their value names a channel rather than a document. */
const CHANNEL_VALUE =
  /^(rss|rss2|atom|feeds?|rss_?feed|twitter|tw|x|fb|facebook|social|share|email|e-?mail|newsletter|nl|homepage|hp|home|nav|menu|related|internal|top|topnav|sidebar|google|gn|googlenews|yahoo|msn|flipboard|smartnews|linkedin|telegram|tg|vk|whatsapp|weibo|wechat|timeline|push|alert|app|amp|widget|partner|headline|search)([_.:-].*)?$/i;

function isTrackingParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.test(lower)) return true;
  if (lower === 'ref' || lower === 'from' || lower === 'source' || lower === 'src')
    return CHANNEL_VALUE.test(value);
  return false;
}

function isAmpParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'amp' || lower === '_amp' || lower === 'amp_js_v' || lower === 'usqp') return true;
  return lower === 'outputtype' && value.toLowerCase() === 'amp';
}

function decodeComponent(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Google's AMP cache serves https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path. */
function fromAmpCache(url: URL): URL | undefined {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return undefined;
  const m = /^\/[cvi]\/(s\/)?([^/]+\.[^/]+)(\/.*)?$/i.exec(url.pathname);
  if (!m) return undefined;
  try {
    return new URL(`${m[1] ? 'https' : 'http'}://${m[2]}${m[3] ?? '/'}${url.search}`);
  } catch {
    return undefined;
  }
}

/**
 * An absolute URL already in canonical form, which parsing would give back unchanged: lower-case
 * http(s) scheme and host (a name, not a number the parser would rewrite), no port, credentials,
 * query or fragment, a path of plain characters without empty or dot segments or an AMP marker.
 * Most feed links are; they skip the parser.
 */
const CANONICAL =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/** A query the URL parser leaves as written: no fragment, space, quote or character it would encode. */
const PLAIN_QUERY = /^[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*$/;

/** The query without tracking and AMP parameters, the rest sorted by name, each pair as written. */
function canonicalSearch(search: string): string {
  // One pair (most tracked links carry one): nothing to sort.
  if (!search.includes('&')) {
    const pair = readPair(search.slice(1));
    return pair.pair && isKept(pair) ? `?${pair.pair}` : '';
  }
  const pairs = search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map(readPair)
    .filter(isKept)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.length ? `?${pairs.map((p) => p.pair).join('&')}` : '';
}

interface QueryPair {
  pair: string;
  name: string;
  value: string;
}

function readPair(pair: string): QueryPair {
  const eq = pair.indexOf('=');
  const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
  const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
  return { pair, name, value };
}

const isKept = ({ name, value }: QueryPair) => !isTrackingParam(name, value) && !isAmpParam(name, value);

function isCanonical(url: string): boolean {
  if (!CANONICAL.test(url)) return false;
  // CANONICAL puts the first "//" right after the scheme: a second one is an empty path segment.
  const slashes = url.indexOf('//');
  return (
    !url.startsWith('amp.', slashes + 2) &&
    url.indexOf('//', slashes + 2) === -1 &&
    !/amp/i.test(url) &&
    !(url.includes('/.') && DOT_SEGMENT.test(url))
  );
}

const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * Canonical form of an http(s) URL, resolved against `base` when relative. Anything that is not
 * http(s) or cannot be parsed comes back trimmed and otherwise untouched.
 */
export function canonicalizeUrl(url: string, base?: string): string {
  const raw = url.trim();
  if (!raw) return '';
  // CANONICAL has no "?": an address with a query is canonical only once its query is.
  const question = raw.indexOf('?');
  if (question < 0) {
    if (isCanonical(raw)) return raw;
  } else if (question > 0 && PLAIN_QUERY.test(raw.slice(question + 1))) {
    // A canonical address with a plain query (most tracked feed links): only the query needs work.
    const address = raw.slice(0, question);
    if (isCanonical(address)) return address + canonicalSearch(raw.slice(question));
  }
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return raw;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.toString();
  parsed = fromAmpCache(parsed) ?? parsed;
  // Each setter re-serialises the URL: only what needs changing is set.
  if (parsed.hash || parsed.href.includes('#')) parsed.hash = '';
  if (parsed.username) parsed.username = '';
  if (parsed.password) parsed.password = '';
  let host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (/^amp\.[^.]+\.[^.]+/.test(host)) host = host.slice(4);
  if (host !== parsed.hostname) parsed.hostname = host;
  if (parsed.search || parsed.href.includes('?')) parsed.search = canonicalSearch(parsed.search);
  if (/amp|\/\//i.test(parsed.pathname)) {
    const path = parsed.pathname
      .replace(/\/amp\/?$/i, '/')
      .replace(/\/amp\//i, '/')
      .replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '')
      .replace(/\/{2,}/g, '/');
    if (path !== parsed.pathname) parsed.pathname = path;
  }
  return parsed.toString();
}

/** Hosts and paths of news-search redirect links, whichever host serves them (recorded copies too). */
const AGGREGATOR_HOST = /(^|\.)news\.google\.[a-z.]+$|(^|\.)bing\.com$/i;
const AGGREGATOR_PATH = /^\/(search\/)?rss\/articles\//;

export function isAggregatorLink(url: string): boolean {
  // Most links name no aggregator at all: no need to parse them.
  if (!/google\.|bing\.com|\/rss\/articles\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    if (AGGREGATOR_HOST.test(parsed.hostname)) return true;
    if (/(^|\.)google\.[a-z.]+$/i.test(parsed.hostname) && parsed.pathname === '/url') return true;
    return AGGREGATOR_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

/**
 * The publisher's URL for a news-search item: a `url=` parameter of the redirect, else a link in
 * the entry's description HTML that leaves the aggregator (one on the `<source url>` site first).
 * When the entry does not show the publisher's article, the aggregator link is kept.
 */
export function resolveAggregatorLink(
  link: string,
  entry: { descriptionHtml?: string; sourceUrl?: string },
): string {
  if (!isAggregatorLink(link)) return link;
  try {
    const param = new URL(link).searchParams.get('url');
    if (param && /^https?:\/\//i.test(param) && !isAggregatorLink(param)) return canonicalizeUrl(param);
  } catch {
    // An unparseable link has no parameter to read.
  }
  const hrefs = [...(entry.descriptionHtml ?? '').matchAll(/href\s*=\s*["']([^"']+)["']/gi)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').trim())
    .filter((h) => /^https?:\/\//i.test(h) && !isAggregatorLink(h));
  const sourceHost = siteHostOf(entry.sourceUrl);
  const onSource = sourceHost
    ? hrefs.find((h) => {
        const host = siteHostOf(h);
        return host !== undefined && (host === sourceHost || host.endsWith(`.${sourceHost}`));
      })
    : undefined;
  const chosen = onSource ?? hrefs[0];
  return chosen ? canonicalizeUrl(chosen) : link;
}

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) renders as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
