/**
 * One address per article: tracking parameters, fragments and AMP variants removed, host
 * lower-cased, default ports dropped. Aggregator redirect links (Google News) are resolved to
 * the publisher's URL when the entry itself shows it.
 */

const TRACKING = [
  /^utm_/i,
  /^at_/i,
  /^(fbclid|gclid|dclid|gclsrc|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|icid|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|sr_share|smid|smtyp|wt\.mc_id|ito|s_cid|xtor|ref_src|ref_url|taid|ftag|__twitter_impression|mkt_tok|spm)$/i,
];

function isTracking(name: string): boolean {
  return TRACKING.some((re) => re.test(name));
}

/** Canonical form of an absolute http(s) URL; anything unparseable is returned trimmed. */
export function canonicalizeUrl(url: string, base?: string): string {
  const raw = url.trim();
  if (!raw) return '';
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return raw;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.toString();
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (parsed.hostname.startsWith('amp.')) parsed.hostname = parsed.hostname.slice(4);
  for (const name of [...parsed.searchParams.keys()]) {
    if (
      isTracking(name) ||
      name.toLowerCase() === 'amp' ||
      (name === 'outputType' && parsed.searchParams.get(name) === 'amp')
    ) {
      parsed.searchParams.delete(name);
    }
  }
  parsed.searchParams.sort();
  let path = parsed.pathname
    .replace(/\/amp\/?$/i, '/')
    .replace(/\/amp\//i, '/')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/') && /\.[a-z0-9]+\/$/i.test(path)) path = path.slice(0, -1);
  parsed.pathname = path;
  const out = parsed.toString();
  return parsed.search === '' ? out.replace(/\?$/, '') : out;
}

const AGGREGATOR_HOSTS = /(^|\.)news\.google\.com$|(^|\.)news\.yahoo\.com$|(^|\.)bing\.com$|(^|\.)msn\.com$/i;

export function isAggregatorLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Google News redirect links have this path shape whichever host serves them (recorded copies included).
    return AGGREGATOR_HOSTS.test(parsed.hostname) || /^\/(search\/)?rss\/articles\//.test(parsed.pathname);
  } catch {
    return false;
  }
}

/**
 * Publisher URL for an aggregator item: a `url=` parameter, else the first link in the
 * description's HTML that leaves the aggregator; otherwise the aggregator link is kept.
 */
export function resolveAggregatorLink(
  link: string,
  entry: { descriptionHtml?: string; sourceUrl?: string },
): string {
  if (!isAggregatorLink(link)) return link;
  try {
    const param = new URL(link).searchParams.get('url');
    if (param && /^https?:\/\//.test(param) && !isAggregatorLink(param)) return canonicalizeUrl(param);
  } catch {
    // fall through
  }
  for (const match of (entry.descriptionHtml ?? '').matchAll(/href\s*=\s*["']([^"']+)["']/gi)) {
    const href = match[1]!.replace(/&amp;/g, '&');
    if (/^https?:\/\//.test(href) && !isAggregatorLink(href)) return canonicalizeUrl(href);
  }
  return link;
}
