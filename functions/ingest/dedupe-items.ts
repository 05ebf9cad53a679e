/**
 * Exact duplicates across feeds (the same canonical link, or the same GUID-based id) become one
 * item that lists every other source that carried it. Reports of the same event under different
 * links are a matter for clustering, not for this step.
 */
import type { FeedItem } from '#domain/types.ts';

/**
 * Merges exact duplicates, keeping the first occurrence's place, title and source; the merged item
 * has the earliest date, the longest summary and content, and `alsoIn` naming the other sources.
 */
export function mergeDuplicateItems(items: readonly FeedItem[]): FeedItem[] {
  const byKey = new Map<string, FeedItem>();
  const order: FeedItem[] = [];
  for (const item of items) {
    const keys = [`id:${item.id}`, ...(item.link ? [`link:${item.link}`] : [])];
    const existing = keys.map((k) => byKey.get(k)).find((found) => found !== undefined);
    if (!existing) {
      const copy: FeedItem = { ...item, categories: [...item.categories] };
      if (item.alsoIn) copy.alsoIn = [...item.alsoIn];
      order.push(copy);
      for (const k of keys) byKey.set(k, copy);
      continue;
    }
    mergeInto(existing, item);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, existing);
  }
  return order;
}

function mergeInto(target: FeedItem, other: FeedItem): void {
  for (const source of [other.source, ...(other.alsoIn ?? [])]) {
    if (source !== target.source && !target.alsoIn?.includes(source)) {
      target.alsoIn = [...(target.alsoIn ?? []), source];
    }
  }
  if (other.published && (!target.published || other.published < target.published))
    target.published = other.published;
  if ((other.summary?.length ?? 0) > (target.summary?.length ?? 0)) target.summary = other.summary;
  if ((other.content?.length ?? 0) > (target.content?.length ?? 0)) target.content = other.content;
  if (!target.link && other.link) target.link = other.link;
  if (!target.author && other.author) target.author = other.author;
  if (!target.language && other.language) target.language = other.language;
  for (const c of other.categories) if (!target.categories.includes(c)) target.categories.push(c);
}
