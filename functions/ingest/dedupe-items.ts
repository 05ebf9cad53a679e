/**
 * Exact duplicates across feeds (the same canonical link, or the same GUID-based id) become one
 * item that lists every other source that carried it. Reports of the same event under different
 * links are a matter for clustering, not for this step.
 */
import type { DuplicateReport, FeedItem } from '#domain/types.ts';

/**
 * Merges exact duplicates. The first occurrence (feed order: the operator's order of sources) is
 * the representative and is kept whole: its own title, text, date, categories and source. Every
 * other source is named in `alsoIn` and keeps its own headline, perspective, link and date in
 * `duplicates`; no field is ever taken from one source into another's report.
 */
export function mergeDuplicateItems(items: readonly FeedItem[]): FeedItem[] {
  // One map per key kind, looked up id first: no key strings or arrays made per item.
  const byId = new Map<string, FeedItem>();
  const byLink = new Map<string, FeedItem>();
  const order: FeedItem[] = [];
  for (const item of items) {
    const { id, link } = item;
    const existing = byId.get(id) ?? (link ? byLink.get(link) : undefined);
    if (!existing) {
      const copy: FeedItem = { ...item, categories: [...item.categories] };
      if (item.alsoIn) copy.alsoIn = [...item.alsoIn];
      if (item.duplicates) copy.duplicates = item.duplicates.map((d) => ({ ...d }));
      order.push(copy);
      byId.set(id, copy);
      if (link) byLink.set(link, copy);
      continue;
    }
    recordDuplicate(existing, item);
    if (!byId.has(id)) byId.set(id, existing);
    if (link && !byLink.has(link)) byLink.set(link, existing);
  }
  return order;
}

function recordDuplicate(target: FeedItem, other: FeedItem): void {
  const reports: DuplicateReport[] = [reportOf(other), ...(other.duplicates ?? [])];
  for (const report of reports) {
    if (report.source === target.source || target.duplicates?.some((d) => d.source === report.source))
      continue;
    target.duplicates = [...(target.duplicates ?? []), report];
  }
  for (const source of [other.source, ...(other.alsoIn ?? [])]) {
    if (source !== target.source && !target.alsoIn?.includes(source)) {
      target.alsoIn = [...(target.alsoIn ?? []), source];
    }
  }
}

function reportOf(item: FeedItem): DuplicateReport {
  return {
    source: item.source,
    perspective: item.perspective,
    title: item.title,
    link: item.link,
    ...(item.published ? { published: item.published } : {}),
  };
}
