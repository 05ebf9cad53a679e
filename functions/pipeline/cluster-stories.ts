/**
 * Groups reports of the same event from several outlets (and languages) into one story.
 * Two reports belong together when their words overlap strongly, or when they share enough
 * cross-language anchors (the same people, project and kind of event) within a day and a half.
 * Candidates come from an inverted index of distinctive terms, so the cost grows with the
 * number of items times a bounded posting list, not with the square of the items.
 */
import type { ScoredItem } from '../domain/types.ts';
import { anchorsOf, dice, tokensOf } from './text-features.ts';

export interface ClusterOptions {
  /** Word-overlap (Dice) above which two reports are the same story. */
  wordThreshold?: number;
  /** Shared anchors needed when the words differ (other language, other wording). */
  anchorThreshold?: number;
  /** Reports further apart than this are different events. */
  maxHoursApart?: number;
}

/** Anchors that name the relationship itself, shared by almost every item: no evidence of the same event. */
const COMMON_ANCHORS = new Set(['xi', 'putin', 'trade', 'sanctions', 'us', 'ukraine']);
const EVENT_ANCHORS = new Set([
  'price',
  'envoy',
  'call',
  'visit',
  'summit',
  'patrol',
  'exercise',
  'power-of-siberia',
  'pipeline',
  'ceasefire',
  'secondary',
  'arctic',
  'space',
  'victory',
  'brics',
  'sco',
  'railway',
  'bank',
  'payment',
  'cars',
  'media',
  'naval',
  'bomber',
  'yuan',
  'rouble',
  'gas',
  'oil',
]);
const MAX_POSTINGS = 400;

interface Features {
  tokens: Set<string>;
  anchors: Set<string>;
  at?: number;
}

export function clusterStories(items: readonly ScoredItem[], options: ClusterOptions = {}): ScoredItem[][] {
  const wordThreshold = options.wordThreshold ?? 0.4;
  const anchorThreshold = options.anchorThreshold ?? 3;
  const maxApart = (options.maxHoursApart ?? 36) * 3_600_000;
  const features: Features[] = items.map((item) => {
    const text = `${item.title} ${item.summary ?? ''}`;
    const published = item.published ? Date.parse(item.published) : undefined;
    // Anchors from the headline and summary only: article bodies mention background (trade, sanctions) that would chain events.
    return {
      tokens: new Set(tokensOf(text)),
      anchors: anchorsOf(text),
      ...(published ? { at: published } : {}),
    };
  });

  // Document frequency: terms in most items (china, russia...) say nothing about the event.
  const df = new Map<string, number>();
  for (const f of features) for (const t of f.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const common = Math.max(3, items.length * 0.25);

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const index = new Map<string, number[]>();
  features.forEach((f, i) => {
    const keys = [...f.tokens].filter((t) => (df.get(t) ?? 0) <= common).map((t) => `t:${t}`);
    for (const a of f.anchors) if (!COMMON_ANCHORS.has(a)) keys.push(`a:${a}`);
    const candidates = new Set<number>();
    for (const key of keys) {
      const posting = index.get(key);
      if (!posting) continue;
      for (let k = posting.length - 1; k >= 0 && posting.length - k <= MAX_POSTINGS; k--)
        candidates.add(posting[k]!);
    }
    for (const j of candidates) {
      if (find(i) === find(j)) continue;
      if (sameStory(f, features[j]!, wordThreshold, anchorThreshold, maxApart, df, common)) union(i, j);
    }
    for (const key of keys) {
      const posting = index.get(key);
      if (posting) posting.push(i);
      else index.set(key, [i]);
    }
  });

  const groups = new Map<number, ScoredItem[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}

function sameStory(
  a: Features,
  b: Features,
  wordThreshold: number,
  anchorThreshold: number,
  maxApart: number,
  df: Map<string, number>,
  common: number,
): boolean {
  if (a.at !== undefined && b.at !== undefined && Math.abs(a.at - b.at) > maxApart) return false;
  const distinct = (s: Set<string>) => new Set([...s].filter((t) => (df.get(t) ?? 0) <= common));
  const ta = distinct(a.tokens);
  const tb = distinct(b.tokens);
  if (dice(ta, tb) >= wordThreshold) return true;
  let sharedTokens = 0;
  for (const t of ta) if (tb.has(t)) sharedTokens++;
  // A short headline contained in a longer report: most of the smaller set is shared.
  if (sharedTokens >= 3 && sharedTokens / Math.min(ta.size, tb.size) >= 0.5) return true;
  let shared = 0;
  let events = 0;
  for (const x of a.anchors) {
    if (!b.anchors.has(x)) continue;
    shared++;
    if (EVENT_ANCHORS.has(x)) events++;
  }
  // Different wording or language: two markers of the same kind of event, or the same people and one such marker.
  return events >= 2 || (events >= 1 && shared >= anchorThreshold);
}
