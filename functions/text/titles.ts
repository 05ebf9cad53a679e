/**
 * Headlines without what is not the headline: the site's or publisher's name that pages, feeds
 * and news-search aggregators put before or after it ("Talks stall | Reuters", "Meridian - Talks
 * stall", "Talks stall - The Hill"), and the live-blog and format labels of story titles. One
 * splitter finds the separated part; the callers say what counts as the site.
 */

/** What names the site: its declared names (og:site_name, a feed's source, a publisher) and its host. */
export interface SiteNames {
  names?: readonly (string | undefined)[];
  /** The page's host name; its first label ("reuters" of www.reuters.com) names the site too. */
  host?: string;
  /** A news-search headline whose publisher is unknown: any short " - Part" tail is the publisher. */
  anyTail?: boolean;
  /** A tail that reads like an outlet's name ("… News", "… Times", "….com") is the site. */
  outletWords?: boolean;
}

/** " | Site", " - Site", " – Site", " · Site", " » Site", " :: Site". */
const SUFFIX = /\s+(?:[|\-–—·»•]|::)\s+([^|\-–—·»•]+)$/u;
const PREFIX = /^([^|\-–—·»•]+?)\s+(?:[|\-–—·»•:]|::)\s+/u;
/** What separates a headline from a name written whole at its end; news-search feeds also use two spaces. */
const TAIL_SEPARATOR = /(?:\s+(?:[|\-–—·»•:]|::)\s*|\s{2,})$/u;
const OUTLET_WORD =
  /(^|[^\p{L}])(news|times|post|daily|journal|herald|tribune|agency|press|tv|online|\.com|\.ru|\.cn)($|[^\p{L}])/iu;
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The headline without a separated part that names the site; the title itself when nothing does. */
export function stripSiteName(title: string, site: SiteNames): string {
  const raw = title.trim();
  const text = raw.replace(/\s+/g, ' ');
  const names = (site.names ?? [])
    .map((n) => (n ?? '').replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((n) => n.length > 0);
  if (names.includes(text.toLowerCase())) return '';
  // A name written whole at the end, whatever it contains ("Reuters - UK").
  const lower = raw.toLowerCase();
  for (const name of names) {
    if (!lower.endsWith(name)) continue;
    const head = raw.slice(0, raw.length - name.length);
    if (TAIL_SEPARATOR.test(head)) return head.replace(TAIL_SEPARATOR, '').replace(/\s+/g, ' ').trim();
  }
  const hostWord = (site.host ?? '').replace(/^(www|m|amp)\./, '').split('.')[0] ?? '';
  const namesSite = (part: string, tail: boolean) => {
    const p = part.toLowerCase().trim();
    if (!p) return false;
    // A tail may be a shortened name ("Moscow Times" of "The Moscow Times"); a head must carry it whole.
    if (names.some((n) => p.includes(n) || (tail && p.length >= 4 && n.includes(p)))) return true;
    if (hostWord.length > 2 && squash(p) === hostWord) return true;
    return tail && site.outletWords === true && p.length <= 60 && OUTLET_WORD.test(p);
  };
  const suffix = SUFFIX.exec(text);
  if (suffix) {
    const part = suffix[1]!.trim();
    const head = text.slice(0, suffix.index).trim();
    if (head && (namesSite(part, true) || (site.anyTail === true && part.length >= 2 && part.length <= 80)))
      return head;
  }
  const prefix = PREFIX.exec(text);
  if (prefix && namesSite(prefix[1]!, false)) return text.slice(prefix[0].length).trim() || text;
  return text;
}

/**
 * A page's headline without declared metadata: the <h1> when the document title repeats it (the
 * title then only adds the site's name), else the document title without its site part; a
 * blog's <h1> is often the blog's name.
 */
export function pickVisibleTitle(h1: string, docTitle: string, site: SiteNames): string {
  if (h1 && docTitle.toLowerCase().includes(h1.toLowerCase())) return h1;
  if (!docTitle) return h1;
  const stripped = stripSiteName(docTitle, site);
  if (stripped !== docTitle && stripped) return stripped;
  // "Headline of four or more words | Short Site": the short trailing part is the site.
  const suffix = /\s+(?:[|–—»•]|::|-)\s+([^|–—»•]+)$/u.exec(docTitle);
  if (suffix) {
    const head = docTitle.slice(0, suffix.index).trim();
    if (suffix[1]!.trim().split(/\s+/).length <= 3 && head.split(/\s+/).length >= 4) return head;
  }
  return docTitle;
}

/** Labels of format rather than content in front of a story's headline. */
const FORMAT_LABEL =
  /^(live( updates?| blog)?|breaking( news)?|watch|video|listen|opinion|analysis|exclusive|update[sd]?)\s*[:|–—-]\s*/i;

/** A story's title: no live-blog or format label, no publication's name after it. */
export function cleanTitle(title: string, source = ''): string {
  const out = stripSiteName(title.replace(/\s+/g, ' ').trim().replace(FORMAT_LABEL, ''), {
    names: [source],
    outletWords: true,
  });
  // A story's title keeps its first part: "Russia - China: talks" is not "China: talks".
  return out || title.trim();
}

/**
 * A headline in Title Case: every longer word capitalised but the short function words Title
 * Case leaves low ("with", "from", "over"). One longer word in lower case makes it sentence case,
 * however many names it holds ("Russia and China criticise Trump’s Golden Dome plan").
 */
export function isTitleCase(text: string): boolean {
  const long = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+/u, ''))
    .filter((w) => w.length > 3 && !TITLE_CASE_LOWER.has(w.replace(/[^\p{L}]+$/u, '')));
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= 3 && capitalised === long.length;
}

/** Longer function words that Title Case styles keep in lower case. */
const TITLE_CASE_LOWER = new Set([
  'with',
  'from',
  'over',
  'into',
  'onto',
  'upon',
  'than',
  'that',
  'amid',
  'near',
  'after',
  'about',
  'before',
  'during',
  'against',
  'under',
  'without',
  'between',
]);
