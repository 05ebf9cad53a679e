/**
 * Publishes an edition so readers never see a broken state: the edition's own files first,
 * then the archive index with optimistic concurrency (a retried or concurrent run merges, never
 * loses or duplicates an edition), then every page and feed derived from that index. The
 * derived files are rewritten until the index they were built from is still the latest. An
 * edition page links its previous and next editions, so the pages beside a new edition are
 * rendered again with it (edition pages are therefore cached briefly, edition.json for good).
 */

import { PreconditionFailedError } from '#domain/errors.ts';
import { siteKeys } from '#domain/keys.ts';
import {
  type Edition,
  PERSPECTIVES,
  PerspectiveSchema,
  THEME_IDS,
  type ThemeId,
  ThemeIdSchema,
} from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Clock, Logger, PutOptions, Store, Templates } from '#ports/ports.ts';
import {
  type CorruptDocument,
  readStoredJson,
  readStoredValue,
  type StateContext,
} from '#state/stored-json.ts';
import {
  type ArchiveRecord,
  archiveRecordOf,
  buildSearchDocuments,
  indexEntryOf,
  mergeRecords,
  neighboursOf,
  perspectivePageKey,
  renderEditionPage,
  renderEditionsFeed,
  renderHomePage,
  renderNotFoundPage,
  renderPerspectivePage,
  renderThemeFeed,
  renderThemePage,
  type SiteContext,
} from './render-site.ts';

export interface PublishDeps {
  site: Store;
  clock: Clock;
  logger: Logger;
  templates: Templates;
  /** Told about a corrupt archive index or edition (the run report lists them). */
  onCorrupt?: (document: CorruptDocument) => void;
}

export interface PublishReport {
  editionId: string;
  files: number;
  indexAttempts: number;
}

export const ARCHIVE_INDEX_KEY = 'archive-index.json';

const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=300',
  asset: 'public, max-age=86400',
};

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';
const JS_TYPE = 'text/javascript; charset=utf-8';

export async function publishEdition(
  deps: PublishDeps,
  edition: Edition,
  context: SiteContext,
): Promise<PublishReport> {
  const templates = deps.templates;
  let files = 0;
  const put = async (key: string, body: string | Buffer, options: PutOptions) => {
    await deps.site.put(key, body, options);
    files++;
  };
  // 1. The assets and the edition itself: complete before anything points at them.
  files += await writeAssets(deps, templates);
  await put(siteKeys.editionJson(edition.id), `${JSON.stringify(edition, null, 2)}\n`, {
    contentType: JSON_TYPE,
    cacheControl: CACHE.immutable,
  });
  // Its previous/next links follow in step 3, once the index says who its neighbours are.
  await put(siteKeys.editionPage(edition.id), renderEditionPage(edition, context, templates), {
    contentType: HTML,
    cacheControl: CACHE.short,
  });

  // 2. The index, merged under optimistic concurrency.
  const record = archiveRecordOf(edition);
  let attempts = 0;
  let etag: string | undefined;
  let records: ArchiveRecord[] = [];
  for (;;) {
    attempts++;
    const current = await readIndex(deps);
    records = mergeRecords(current.records, record);
    try {
      etag = (
        await deps.site.put(ARCHIVE_INDEX_KEY, JSON.stringify(records), {
          contentType: JSON_TYPE,
          cacheControl: 'no-cache',
          ...(current.etag ? { ifMatch: current.etag } : { ifNoneMatch: '*' }),
        })
      ).etag;
      break;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempts >= 10) throw error;
      deps.logger.info('archive index changed meanwhile, merging again', { editionId: edition.id, attempts });
    }
  }

  // 3. Derived pages and feeds, from the index as written; redone if a later run moved it on.
  for (let round = 0; round < 5; round++) {
    files += await writeDerived(deps, records, context, templates);
    files += await writeEditionPages(deps, records, context, templates, [edition.id], edition);
    const latest = await readIndex(deps);
    if (latest.etag === etag) break;
    records = latest.records;
    etag = latest.etag;
  }
  return { editionId: edition.id, files, indexAttempts: attempts };
}

/** Rebuilds the index and every derived file from editions/<id>/edition.json alone. */
export async function rebuildArchive(
  deps: PublishDeps,
  context: SiteContext,
): Promise<{ editions: number; skipped: string[]; files: number }> {
  const templates = deps.templates;
  const { records, skipped } = await readEditionRecords(deps);
  await deps.site.put(ARCHIVE_INDEX_KEY, JSON.stringify(records), {
    contentType: JSON_TYPE,
    cacheControl: 'no-cache',
  });
  const files =
    (await writeAssets(deps, templates)) +
    (await writeDerived(deps, records, context, templates)) +
    (await writeEditionPages(deps, records, context, templates, 'all'));
  return { editions: records.length, skipped, files };
}

/** Theme ids the catalogue no longer has are dropped, not a reason to lose the record. */
const KnownThemesSchema = z.pipe(
  z.array(z.string()),
  z.transform((ids) => ids.filter(isThemeId)),
);
const isThemeId = (id: string): id is ThemeId => ThemeIdSchema.safeParse(id).success;

/** archive-index.json: what every page and feed of the archive is rendered from. */
const ArchiveIndexSchema: z.ZodMiniType<ArchiveRecord[]> = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    generatedAt: z.string(),
    storyCount: z.number(),
    topLine: z.array(z.object({ text: z.string(), url: z.string() })),
    themeCounts: z.partialRecord(ThemeIdSchema, z.number()),
    stories: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        themes: KnownThemesSchema,
        // A label for display; a record without one (or of a later shape) still renders.
        signal: z.catch(z.string(), ''),
        summary: z.string(),
        sources: z.array(z.string()),
        perspectives: z.optional(z.array(PerspectiveSchema)),
        // For search; records written before they existed have none.
        headlines: z.optional(z.array(z.string())),
        sentences: z.optional(z.array(z.string())),
      }),
    ),
  }),
);

/** What archiveRecordOf reads of a stored edition.json; everything else in it is kept as is. */
const EditionForArchiveSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  generatedAt: z.string(),
  topLine: z.array(z.looseObject({ text: z.string(), url: z.string() })),
  stories: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      themes: KnownThemesSchema,
      signal: z.catch(z.string(), ''),
      summary: z.string(),
      sentences: z.catch(z.array(z.looseObject({ text: z.string() })), []),
      articles: z.array(
        z.looseObject({
          source: z.string(),
          title: z.catch(z.string(), ''),
          perspective: z.catch(PerspectiveSchema, 'other'),
        }),
      ),
    }),
  ),
});

function siteState(deps: PublishDeps): StateContext {
  return { store: deps.site, logger: deps.logger, ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}) };
}

/** The archive record of every readable edition; unreadable ones are reported, kept aside and skipped. */
async function readEditionRecords(
  deps: PublishDeps,
): Promise<{ records: ArchiveRecord[]; skipped: string[] }> {
  const keys = (await deps.site.list('editions/')).filter((k) => k.endsWith('/edition.json'));
  let records: ArchiveRecord[] = [];
  const skipped: string[] = [];
  for (const key of keys) {
    const edition = await readStoredValue(siteState(deps), key, EditionForArchiveSchema);
    // The schema checked every field archiveRecordOf reads.
    if (edition) records = mergeRecords(records, archiveRecordOf(edition as unknown as Edition));
    else skipped.push(key);
  }
  return { records, skipped };
}

/**
 * The index with its ETag. A corrupt one (truncated, `{}`, `[null]`, `[{"id":5}]`...) is kept aside
 * and rebuilt from the editions, so a publish neither crashes nor drops the archive's history; the
 * caller's conditional write then replaces it.
 */
async function readIndex(deps: PublishDeps): Promise<{ records: ArchiveRecord[]; etag?: string }> {
  const read = await readStoredJson(siteState(deps), ARCHIVE_INDEX_KEY, ArchiveIndexSchema);
  if (read.status === 'absent') return { records: [] };
  const etag = read.etag ? { etag: read.etag } : {};
  if (read.status === 'ok') return { records: read.value, ...etag };
  deps.logger.warn('archive index rebuilt from the editions', { problem: read.problem });
  return { records: (await readEditionRecords(deps)).records, ...etag };
}

/**
 * Renders edition pages again with their previous/next links: every one (`'all'`, for a rebuild),
 * or the given editions' neighbours and, when `current` is given, the given editions themselves
 * from it. Pages are rendered from their edition.json; one that cannot be read is left as it is.
 */
async function writeEditionPages(
  deps: PublishDeps,
  records: ArchiveRecord[],
  context: SiteContext,
  templates: Templates,
  around: string[] | 'all',
  current?: Edition,
): Promise<number> {
  const ids = new Set<string>();
  if (around === 'all') for (const r of records) ids.add(r.id);
  else
    for (const id of around) {
      const { previous, next } = neighboursOf(records, id);
      for (const n of [previous, next]) if (n) ids.add(n.id);
      if (current?.id === id) ids.add(id);
    }
  let written = 0;
  for (const id of ids) {
    const edition = current?.id === id ? current : await readEdition(deps, id);
    if (!edition) continue;
    await deps.site.put(
      siteKeys.editionPage(id),
      renderEditionPage(edition, context, templates, neighboursOf(records, id)),
      { contentType: HTML, cacheControl: CACHE.short },
    );
    written++;
  }
  return written;
}

/** What a neighbour's page is rendered from: its edition.json, checked where the page reads it. */
const EditionPageSchema = z.extend(EditionForArchiveSchema, {
  window: z.looseObject({ from: z.string(), to: z.string() }),
  themes: z.array(
    z.looseObject({ id: z.string(), title: z.string(), summary: z.string(), storyIds: z.array(z.string()) }),
  ),
  sources: z.array(z.looseObject({ name: z.string(), status: z.string(), items: z.number() })),
  stats: z.looseObject({ itemsSeen: z.number(), itemsRelevant: z.number() }),
});

async function readEdition(deps: PublishDeps, id: string): Promise<Edition | undefined> {
  const edition = await readStoredValue(siteState(deps), siteKeys.editionJson(id), EditionPageSchema);
  // The schema checked what the page reads; a corrupt edition is reported and its page left as it is.
  return edition?.id === id ? (edition as unknown as Edition) : undefined;
}

function required(templates: Templates, path: string): Buffer {
  const body = templates.asset(path);
  if (!body) throw new Error(`template asset ${path} is missing from ${templates.id}`);
  return body;
}

/** The static assets every page links to; written before any page that could reference them. */
async function writeAssets(deps: PublishDeps, templates: Templates): Promise<number> {
  const writes: [string, Buffer, PutOptions][] = [
    [
      siteKeys.asset('site.css'),
      required(templates, 'site/assets/site.css'),
      { contentType: 'text/css; charset=utf-8', cacheControl: CACHE.asset },
    ],
    [
      siteKeys.asset('search.js'),
      required(templates, 'site/assets/search.js'),
      { contentType: JS_TYPE, cacheControl: CACHE.asset },
    ],
  ];
  const miniSearch = templates.asset('site/vendor/minisearch.js');
  if (miniSearch) {
    writes.push([
      siteKeys.asset('minisearch.js'),
      miniSearch,
      { contentType: JS_TYPE, cacheControl: CACHE.asset },
    ]);
  } else {
    deps.logger.warn('MiniSearch browser build not found: search falls back to plain matching', {
      templates: templates.id,
    });
  }
  for (const [key, body, options] of writes) await deps.site.put(key, body, options);
  return writes.length;
}

async function writeDerived(
  deps: PublishDeps,
  records: ArchiveRecord[],
  context: SiteContext,
  templates: Templates,
): Promise<number> {
  const site = deps.site;
  const writes: [string, string | Buffer, PutOptions][] = [
    [
      siteKeys.editionsIndex(),
      `${JSON.stringify(records.map(indexEntryOf), null, 2)}\n`,
      { contentType: JSON_TYPE, cacheControl: CACHE.short },
    ],
    [
      siteKeys.searchIndex(),
      JSON.stringify(buildSearchDocuments(records)),
      { contentType: JSON_TYPE, cacheControl: CACHE.short },
    ],
    [siteKeys.feed(), renderEditionsFeed(records, context), { contentType: ATOM, cacheControl: CACHE.short }],
    [
      siteKeys.home(),
      renderHomePage(records, context, templates),
      { contentType: HTML, cacheControl: CACHE.short },
    ],
    ['404.html', renderNotFoundPage(context, templates), { contentType: HTML, cacheControl: CACHE.short }],
  ];
  for (const theme of THEME_IDS) {
    writes.push([
      siteKeys.themePage(theme),
      renderThemePage(theme, records, context, templates),
      { contentType: HTML, cacheControl: CACHE.short },
    ]);
    writes.push([
      siteKeys.themeFeed(theme),
      renderThemeFeed(theme, records, context),
      { contentType: ATOM, cacheControl: CACHE.short },
    ]);
  }
  for (const perspective of PERSPECTIVES) {
    writes.push([
      perspectivePageKey(perspective),
      renderPerspectivePage(perspective, records, context, templates),
      { contentType: HTML, cacheControl: CACHE.short },
    ]);
  }
  for (const [key, body, options] of writes) await site.put(key, body, options);
  return writes.length;
}
