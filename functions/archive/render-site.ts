/**
 * The archive as static files: home (latest edition, editions by month, stories per theme over
 * the last 30 and 90 editions as inline SVG), one page per edition and per theme, Atom feeds of
 * editions and of each theme, and the search documents. Pure: the archive index in, strings out.
 * Pages link relatively (the site works under any prefix); feeds link absolutely.
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
import { PERSPECTIVE_LABELS, SIGNAL_LABELS, storyView } from '#edition/story-view.ts';
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
    summary: string;
    sources: string[];
    /** Absent in records written before perspective pages existed; `archive rebuild` fills it. */
    perspectives?: Perspective[];
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
    stories: edition.stories.map((s) => ({
      id: s.id,
      title: s.title,
      themes: s.themes,
      ...(s.signal ? { signal: s.signal } : {}),
      summary: s.summary.slice(0, 400),
      sources: [...new Set(s.articles.map((a) => a.source))],
      perspectives: [...new Set(s.articles.map((a) => a.perspective))],
    })),
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
  const view = (s: Story) => ({ ...storyView(s), reasons: s.signalReasons });
  const sections = edition.themes.map((theme): EditionSection => {
    const members = ranked.filter((s) => s.themes.includes(theme.id) || theme.storyIds.includes(s.id));
    return {
      id: theme.id,
      title: theme.title,
      summary: theme.summary,
      baseline: baselineOf(theme.id),
      linkTheme: (THEME_IDS as readonly string[]).includes(theme.id),
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
      stories: others.map(view),
      alsoHere: [],
    });
  }
  return sections;
}

function editionPageData(edition: Edition) {
  return {
    edition,
    sections: editionSections(edition),
    topLine: edition.topLine.map((t) => ({ text: t.text, url: safeHref(t.url) })),
    sources: edition.sources.map((s) => ({
      ...s,
      perspectiveLabel: s.perspective ? PERSPECTIVE_LABELS[s.perspective] : '',
    })),
  };
}

/** The edition as a web page: what the email shows, plus every story the email had no room for. */
export function renderEditionPage(edition: Edition, context: SiteContext, renderer: Templates): string {
  return page(renderer, 'edition', context, '../../', {
    ...editionPageData(edition),
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
  return page(renderer, 'edition', context, '', { ...data, sections }, true);
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
  return page(renderer, 'home', context, '', {
    latest: records[0],
    months: [...months.entries()].map(([month, list]) => ({
      month,
      label: monthLabel(month),
      editions: list,
    })),
    charts: [30, 90].map((n) => {
      const shown = Math.min(n, records.length);
      const label = `Stories per theme, last ${shown} edition${shown === 1 ? '' : 's'}`;
      return { n, shown, svg: themeChartSvg(records.slice(0, n), label) };
    }),
    perspectives: perspectiveCounts(records),
  });
}

/** Theme and perspective pages list this many stories; older ones stay reachable by edition. */
const MAX_LIST_ENTRIES = 500;

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
        signalLabel: s.signal ? (SIGNAL_LABELS[s.signal as keyof typeof SIGNAL_LABELS] ?? s.signal) : '',
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
        signalLabel: s.signal ? (SIGNAL_LABELS[s.signal as keyof typeof SIGNAL_LABELS] ?? s.signal) : '',
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

/**
 * Compact documents for the client-side search, one per story: id, edition, title, the start of
 * the summary, source names. Derived from the archive index, so a republished edition replaces
 * its documents and a concurrent publish adds its own; search.js indexes them with MiniSearch.
 */
export function buildSearchDocuments(
  records: readonly ArchiveRecord[],
): { id: string; e: string; t: string; s: string; src: string }[] {
  return records.flatMap((r) =>
    r.stories.map((s) => ({
      id: s.id,
      e: r.id,
      t: s.title,
      s: s.summary.slice(0, 240),
      src: s.sources.join(', '),
    })),
  );
}
