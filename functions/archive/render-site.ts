/**
 * The archive as static files: home (the latest edition's top line and themes, editions by
 * month, stories per theme as inline SVG: over the last 30 editions, and over 90 once the archive
 * holds more than 30), one page per edition (contents by theme, previous/next edition) and per
 * theme, Atom feeds of editions and of each theme, and the search documents. Pure: the archive
 * index in, strings out. Pages link relatively (the site works under any prefix); feeds link
 * absolutely.
 */

import { themeById } from '#domain/themes.ts';
import {
  type Edition,
  type EditionIndexEntry,
  PERSPECTIVES,
  type Perspective,
  type Story,
  THEME_IDS,
  type ThemeId,
} from '#domain/types.ts';
import {
  firstEditionNote,
  PERSPECTIVE_LABELS,
  SIGNAL_LABELS,
  storyView,
  truncateAtWord,
} from '#edition/story-view.ts';
import type { Templates } from '#ports/ports.ts';
import { safeHref } from '#text/urls.ts';

export interface SiteContext {
  archiveTitle: string;
  archiveBaseUrl: string;
  apiBaseUrl: string;
}

/** What the archive keeps per edition, so every index page can be rebuilt without reading editions. */
export interface ArchiveRecord {
  id: string;
  title: string;
  generatedAt: string;
  storyCount: number;
  topLine: { text: string; url: string }[];
  themeCounts: Partial<Record<ThemeId, number>>;
  stories: {
    id: string;
    title: string;
    themes: ThemeId[];
    signal?: string;
    /** The whole summary (records written before 2026-12 kept its first 400 characters). */
    summary: string;
    sources: string[];
    /** Absent in records written before perspective pages existed; `archive rebuild` fills it. */
    perspectives?: Perspective[];
    /** The reports' own headlines, other than the story's (in their languages), for search. */
    headlines?: string[];
    /** Summary sentences the summary does not already hold, for search. */
    sentences?: string[];
  }[];
}

/** Site key of a perspective's page (siteKeys has none: the page is optional in the layout). */
export function perspectivePageKey(perspective: Perspective): string {
  return `perspectives/${perspective}/index.html`;
}

export function archiveRecordOf(edition: Edition): ArchiveRecord {
  const themeCounts: Partial<Record<ThemeId, number>> = {};
  for (const story of edition.stories)
    for (const t of story.themes) themeCounts[t] = (themeCounts[t] ?? 0) + 1;
  return {
    id: edition.id,
    title: edition.title,
    generatedAt: edition.generatedAt,
    storyCount: edition.stories.length,
    topLine: edition.topLine.map((t) => ({ text: t.text, url: t.url })),
    themeCounts,
    stories: edition.stories.map((s) => {
      const headlines = [...new Set(s.articles.map((a) => a.title).filter((t) => t && t !== s.title))];
      const sentences = s.sentences.map((x) => x.text).filter((t) => t && !s.summary.includes(t));
      return {
        id: s.id,
        title: s.title,
        themes: s.themes,
        ...(s.signal ? { signal: s.signal } : {}),
        summary: s.summary,
        sources: [...new Set(s.articles.map((a) => a.source))],
        perspectives: [...new Set(s.articles.map((a) => a.perspective))],
        ...(headlines.length > 0 ? { headlines } : {}),
        ...(sentences.length > 0 ? { sentences } : {}),
      };
    }),
  };
}

export function indexEntryOf(record: ArchiveRecord): EditionIndexEntry {
  return {
    id: record.id,
    title: record.title,
    generatedAt: record.generatedAt,
    storyCount: record.storyCount,
  };
}

/** Newest first, one record per edition id (a re-published edition replaces its record). */
export function mergeRecords(records: readonly ArchiveRecord[], added: ArchiveRecord): ArchiveRecord[] {
  return [added, ...records.filter((r) => r.id !== added.id)].sort(
    (a, b) => b.id.localeCompare(a.id) || b.generatedAt.localeCompare(a.generatedAt),
  );
}

export function contentSecurityPolicy(context: SiteContext): string {
  let api = '';
  try {
    const origin = new URL(context.apiBaseUrl).origin;
    if (origin !== new URL(context.archiveBaseUrl).origin) api = ` ${origin}`;
  } catch {
    api = '';
  }
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'${api}; base-uri 'none'`;
}

function page(
  renderer: Templates,
  template: string,
  context: SiteContext,
  root: string,
  data: object,
  standalone = false,
): string {
  return renderer.render(`site/${template}`, {
    ...data,
    site: {
      title: context.archiveTitle,
      root,
      csp: contentSecurityPolicy(context),
      subscribeAction: safeHref(new URL('subscribe', context.apiBaseUrl).toString()),
      themes: THEME_IDS.map((id) => ({ id, title: themeById(id).title })),
      standalone,
      // A standalone page carries its styles: it is opened from a private folder or bucket.
      inlineCss: standalone ? (renderer.asset('site/assets/site.css')?.toString('utf8') ?? '') : '',
    },
  });
}

const OTHER_SECTION = 'other';

/** Theme definitions may outlive an old edition's theme ids; such a section simply has no baseline. */
function baselineOf(id: string): string {
  return (THEME_IDS as readonly string[]).includes(id) ? themeById(id as ThemeId).baseline : '';
}

interface EditionSection {
  id: string;
  title: string;
  summary: string;
  baseline: string;
  linkTheme: boolean;
  /** Stories on the theme, placed here or cross-linked: the count in the contents. */
  count: number;
  stories: (ReturnType<typeof storyView> & { reasons: string[] })[];
  alsoHere: { id: string; title: string }[];
}

/**
 * Every story of the edition exactly once, highest rank first, placed as the email places it:
 * under its primary theme when that section exists, else under a section that lists it, else
 * under "Other developments". Stories that also belong to a section are cross-linked from it.
 */
function editionSections(edition: Edition) {
  const order = new Map(edition.stories.map((s, i) => [s.id, i]));
  const ranked = [...edition.stories].sort(
    (a, b) => b.rank - a.rank || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  const home = new Map<string, string>();
  for (const story of ranked) {
    home.set(
      story.id,
      story.themes.find((t) => edition.themes.some((x) => x.id === t)) ??
        edition.themes.find((t) => t.storyIds.includes(story.id))?.id ??
        OTHER_SECTION,
    );
  }
  const editionDay = edition.window.to.slice(0, 10);
  const view = (s: Story) => ({ ...storyView(s, editionDay), reasons: s.signal ? s.signalReasons : [] });
  const sections = edition.themes.map((theme): EditionSection => {
    const members = ranked.filter((s) => s.themes.includes(theme.id) || theme.storyIds.includes(s.id));
    return {
      id: theme.id,
      title: theme.title,
      summary: theme.summary,
      baseline: baselineOf(theme.id),
      linkTheme: (THEME_IDS as readonly string[]).includes(theme.id),
      count: members.length,
      stories: members.filter((s) => home.get(s.id) === theme.id).map(view),
      alsoHere: members
        .filter((s) => home.get(s.id) !== theme.id)
        .map((s) => ({ id: s.id, title: storyView(s).title })),
    };
  });
  const others = ranked.filter((s) => home.get(s.id) === OTHER_SECTION);
  if (others.length > 0) {
    sections.push({
      id: OTHER_SECTION,
      title: 'Other developments',
      summary: 'Stories outside the themes above.',
      baseline: '',
      linkTheme: false,
      count: others.length,
      stories: others.map(view),
      alsoHere: [],
    });
  }
  return sections;
}

/** The editions before and after one in the archive, for the links at the top and bottom of its page. */
export interface EditionNeighbours {
  previous?: { id: string; title: string };
  next?: { id: string; title: string };
}

/** An edition's neighbours in the archive index (newest first), by id. */
export function neighboursOf(records: readonly ArchiveRecord[], id: string): EditionNeighbours {
  const at = records.findIndex((r) => r.id === id);
  if (at === -1) return {};
  const link = (r: ArchiveRecord | undefined) => (r ? { id: r.id, title: r.title } : undefined);
  const previous = link(records[at + 1]);
  const next = link(records[at - 1]);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

const UTC_TIME = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

function editionPageData(edition: Edition) {
  const sections = editionSections(edition);
  return {
    edition,
    sections,
    contents: sections.filter((s) => s.count > 0).map((s) => ({ id: s.id, title: s.title, count: s.count })),
    generated: UTC_TIME(edition.generatedAt),
    firstEdition: firstEditionNote(edition),
    window: { from: UTC_TIME(edition.window.from), to: UTC_TIME(edition.window.to) },
    topLine: edition.topLine.map((t) => ({ text: t.text, url: safeHref(t.url) })),
    sources: edition.sources.map((s) => ({
      ...s,
      perspectiveLabel: s.perspective ? PERSPECTIVE_LABELS[s.perspective] : '',
    })),
  };
}

/** The edition as a web page: what the email shows, plus every story the email had no room for. */
export function renderEditionPage(
  edition: Edition,
  context: SiteContext,
  renderer: Templates,
  neighbours: EditionNeighbours = {},
): string {
  return page(renderer, 'edition', context, '../../', {
    ...editionPageData(edition),
    neighbours,
    canonical: new URL(`editions/${edition.id}/`, context.archiveBaseUrl).toString(),
  });
}

/**
 * A private ad-hoc briefing as one self-contained page: styles inside, no scripts, no links into
 * an archive it is not part of, readable from a private folder, a bucket or file://.
 */
export function renderPrivateEditionPage(
  edition: Edition,
  context: SiteContext,
  renderer: Templates,
): string {
  const data = editionPageData(edition);
  const sections = data.sections.map((s) => ({ ...s, linkTheme: false }));
  return page(renderer, 'edition', context, '', { ...data, sections, neighbours: {} }, true);
}

export function renderHomePage(
  records: readonly ArchiveRecord[],
  context: SiteContext,
  renderer: Templates,
): string {
  const months = new Map<string, ArchiveRecord[]>();
  for (const r of records) {
    const month = r.id.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), r]);
  }
  const latest = records[0];
  return page(renderer, 'home', context, '', {
    latest: latest && latestView(latest),
    months: [...months.entries()].map(([month, list]) => ({
      month,
      label: monthLabel(month),
      editions: list,
    })),
    // The 90-edition chart only adds information once the archive holds more than 30 editions.
    charts: (records.length > 30 ? [30, 90] : [30]).map((n) => {
      const shown = Math.min(n, records.length);
      const caption = `Stories per theme, last ${shown} edition${shown === 1 ? '' : 's'}${shown < n ? ' (all the archive holds so far)' : ''}`;
      return { n, shown, caption, svg: themeChartSvg(records.slice(0, n), caption) };
    }),
    perspectives: perspectiveCounts(records),
  });
}

/** Stories of the latest edition listed on the home page, beyond its top line. */
const LATEST_STORIES = 8;

/** The latest edition as the home page shows it: top line, its themes with counts, its leading stories. */
function latestView(record: ArchiveRecord) {
  return {
    ...record,
    topLine: record.topLine.map((t) => ({ text: t.text, url: safeHref(t.url) })),
    themes: THEME_IDS.filter((id) => (record.themeCounts[id] ?? 0) > 0).map((id) => ({
      id,
      title: themeById(id).title,
      count: record.themeCounts[id] ?? 0,
    })),
    stories: record.stories.slice(0, LATEST_STORIES).map((s) => ({ id: s.id, title: s.title })),
    moreStories: Math.max(0, record.stories.length - LATEST_STORIES),
  };
}

/** Theme and perspective pages list this many stories; older ones stay reachable by edition. */
const MAX_LIST_ENTRIES = 500;

/** Theme pages show this much of each summary, ending on a word. */
const EXCERPT_CHARS = 240;

const signalLabelOf = (signal: string | undefined) =>
  signal ? (SIGNAL_LABELS[signal as keyof typeof SIGNAL_LABELS] ?? signal) : '';

/** "23 Nov 2026" for lists: short enough never to wrap. */
function shortDate(record: ArchiveRecord): string {
  const at = new Date(
    /^\d{4}-\d{2}-\d{2}/.test(record.id) ? `${record.id.slice(0, 10)}T12:00:00Z` : record.generatedAt,
  );
  return Number.isNaN(at.getTime())
    ? record.id
    : new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(at);
}

export function renderThemePage(
  theme: ThemeId,
  records: readonly ArchiveRecord[],
  context: SiteContext,
  renderer: Templates,
): string {
  const definition = themeById(theme);
  const entries = records.flatMap((r) =>
    r.stories
      .filter((s) => s.themes.includes(theme))
      .map((s) => ({
        ...s,
        editionId: r.id,
        date: shortDate(r),
        excerpt: truncateAtWord(s.summary, EXCERPT_CHARS),
        signalLabel: signalLabelOf(s.signal),
      })),
  );
  return page(renderer, 'theme', context, '../../', {
    theme: definition,
    entries: entries.slice(0, MAX_LIST_ENTRIES),
    total: entries.length,
  });
}

/** Stories by one kind of source (wire, Russian state, ...), newest first. */
export function renderPerspectivePage(
  perspective: Perspective,
  records: readonly ArchiveRecord[],
  context: SiteContext,
  renderer: Templates,
): string {
  const entries = records.flatMap((r) =>
    r.stories
      .filter((s) => s.perspectives?.includes(perspective))
      .map((s) => ({
        ...s,
        editionId: r.id,
        date: shortDate(r),
        signalLabel: signalLabelOf(s.signal),
      })),
  );
  return page(renderer, 'perspective', context, '../../', {
    label: PERSPECTIVE_LABELS[perspective],
    entries: entries.slice(0, MAX_LIST_ENTRIES),
    total: entries.length,
  });
}

/** Stories per perspective across the archive, for the home page's list of perspective pages. */
export function perspectiveCounts(
  records: readonly ArchiveRecord[],
): { id: Perspective; label: string; count: number }[] {
  return PERSPECTIVES.map((id) => ({
    id,
    label: PERSPECTIVE_LABELS[id],
    count: records.reduce((n, r) => n + r.stories.filter((s) => s.perspectives?.includes(id)).length, 0),
  })).filter((p) => p.count > 0);
}

export function renderNotFoundPage(context: SiteContext, renderer: Templates): string {
  // Served at any depth by CloudFront's error response: links must be absolute to the archive root.
  return page(renderer, 'not-found', context, context.archiveBaseUrl, {});
}

function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? month
    : new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Characters XML 1.0 forbids even when escaped; one in a feed title would break the whole feed. */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xml = (s: string) =>
  s
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Horizontal bars, one per theme; numbers are ours, labels are ours: nothing feed-derived. */
export function themeChartSvg(records: readonly ArchiveRecord[], label: string): string {
  const counts = THEME_IDS.map((id) => ({
    id,
    title: themeById(id).title,
    n: records.reduce((s, r) => s + (r.themeCounts[id] ?? 0), 0),
  }));
  const max = Math.max(1, ...counts.map((c) => c.n));
  const row = 22;
  const width = 560;
  const labelWidth = 230;
  const bars = counts
    .map((c, i) => {
      const w = Math.round(((width - labelWidth - 40) * c.n) / max);
      const y = i * row + 4;
      return `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${xml(c.title)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="14" rx="2"></rect><text x="${labelWidth + w + 6}" y="${y + 14}">${c.n}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${xml(label)}" viewBox="0 0 ${width} ${counts.length * row + 8}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${xml(label)}</title>${bars}</svg>`;
}

interface FeedEntry {
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
}

export function renderAtomFeed(feed: {
  id: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  entries: FeedEntry[];
  /** For a feed without entries: when the archive last changed. */
  updated?: string;
}): string {
  const updated = feed.entries[0]?.updated ?? feed.updated ?? new Date(0).toISOString();
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <updated>${xml(e.updated)}</updated>
    <published>${xml(e.updated)}</published>
    <summary type="text">${xml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.siteUrl)}"/>
  <author><name>${xml(feed.title)}</name></author>
  <generator>Briefing</generator>
${entries}
</feed>
`;
}

export function renderEditionsFeed(records: readonly ArchiveRecord[], context: SiteContext): string {
  const base = context.archiveBaseUrl;
  return renderAtomFeed({
    id: new URL('feed.xml', base).toString(),
    title: context.archiveTitle,
    selfUrl: new URL('feed.xml', base).toString(),
    siteUrl: base,
    entries: records.slice(0, 50).map((r) => ({
      id: new URL(`editions/${r.id}/`, base).toString(),
      title: r.title,
      url: new URL(`editions/${r.id}/`, base).toString(),
      updated: r.generatedAt,
      summary: r.topLine.map((t) => t.text).join(' ') || `${r.storyCount} stories`,
    })),
  });
}

export function renderThemeFeed(
  theme: ThemeId,
  records: readonly ArchiveRecord[],
  context: SiteContext,
): string {
  const base = context.archiveBaseUrl;
  const definition = themeById(theme);
  const entries = records
    .flatMap((r) => r.stories.filter((s) => s.themes.includes(theme)).map((s) => ({ r, s })))
    .slice(0, 50)
    .map(({ r, s }) => ({
      id: new URL(`editions/${r.id}/#story-${s.id}`, base).toString(),
      title: s.title,
      url: new URL(`editions/${r.id}/#story-${s.id}`, base).toString(),
      updated: r.generatedAt,
      summary: s.summary,
    }));
  return renderAtomFeed({
    id: new URL(`themes/${theme}/feed.xml`, base).toString(),
    title: `${context.archiveTitle}: ${definition.title}`,
    selfUrl: new URL(`themes/${theme}/feed.xml`, base).toString(),
    siteUrl: new URL(`themes/${theme}/`, base).toString(),
    entries,
    ...(records[0] ? { updated: records[0].generatedAt } : {}),
  });
}

/** One story as search.js indexes it. Short keys: the file is fetched whole by every searcher. */
export interface SearchDocument {
  id: string;
  /** Edition id. */
  e: string;
  t: string;
  /** The whole summary, and any summary sentence it does not hold. */
  s: string;
  /** The reports' own headlines, in their languages. */
  h: string;
  src: string;
}

/**
 * Documents for the client-side search, one per story: its title, whole summary and sentences,
 * the headlines of its reports (so Russian and Chinese reporting is found in its own words) and
 * source names. Derived from the archive index, so a republished edition replaces its documents
 * and a concurrent publish adds its own; search.js indexes them with MiniSearch.
 */
export function buildSearchDocuments(records: readonly ArchiveRecord[]): SearchDocument[] {
  return records.flatMap((r) =>
    r.stories.map((s) => ({
      id: s.id,
      e: r.id,
      t: s.title,
      s: [s.summary, ...(s.sentences ?? [])].join(' '),
      h: (s.headlines ?? []).join(' · '),
      src: s.sources.join(', '),
    })),
  );
}
