/**
 * Exact duplicates across feeds (the same canonical link, or the same id) become one item that
 * lists every source that carried it. Same-event reports with different links are a matter for
 * clustering, not for this step.
 */
import type { FeedItem } from '../domain/types.ts';

export function mergeDuplicateItems(items: readonly FeedItem[]): FeedItem[] {
  const byKey = new Map<string, FeedItem>();
  const order: FeedItem[] = [];
  for (const item of items) {
    const keys = [`id:${item.id}`, ...(item.link ? [`link:${item.link}`] : [])];
    const existing = keys.map((k) => byKey.get(k)).find(Boolean);
    if (!existing) {
      const copy: FeedItem = { ...item, categories: [...item.categories] };
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
  if (other.source !== target.source && !target.alsoIn?.includes(other.source)) {
    target.alsoIn = [...(target.alsoIn ?? []), other.source];
  }
  if (other.published && (!target.published || other.published < target.published))
    target.published = other.published;
  if ((other.summary?.length ?? 0) > (target.summary?.length ?? 0)) target.summary = other.summary;
  if ((other.content?.length ?? 0) > (target.content?.length ?? 0)) target.content = other.content;
  if (!target.author && other.author) target.author = other.author;
  if (!target.language && other.language) target.language = other.language;
  for (const c of other.categories) if (!target.categories.includes(c)) target.categories.push(c);
}
