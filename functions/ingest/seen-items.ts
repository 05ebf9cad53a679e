/**
 * Which items earlier editions already carried, so the digest does not repeat them. Items are
 * marked only once an edition is built from them, never on a failed fetch; the items of the
 * edition being (re)built are kept, so a retried run reproduces the same edition.
 */
import { dataKeys } from '#domain/keys.ts';
import type { RunRequest } from '#domain/run-request.ts';
import type { FeedItem } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import { readStoredJson, type StateContext, updateStoredJson } from '#state/stored-json.ts';

const SeenEntrySchema = z.object({ editionId: z.string(), at: z.string() });
type SeenEntry = z.infer<typeof SeenEntrySchema>;

const SeenStateSchema = z.object({ items: z.record(z.string(), SeenEntrySchema) });
export type SeenState = z.infer<typeof SeenStateSchema>;

/**
 * The stored state; absent or corrupt is empty (a corrupt one is reported and kept aside by the
 * state helper: the worst case is an item repeated once, never a run that stops).
 */
export async function loadSeenState(context: StateContext): Promise<SeenState> {
  const read = await readStoredJson(context, dataKeys.seenItems(), SeenStateSchema);
  return read.status === 'ok' ? read.value : { items: {} };
}

/** Keeps items never sent before, or sent in the edition being rebuilt. */
export function isUnseen(state: SeenState, itemId: string, editionId: string): boolean {
  const entry = state.items[itemId];
  return !entry || entry.editionId === editionId;
}

/**
 * The items a run considers: inside its window and, for a daily edition, not carried by an
 * earlier one. An ad-hoc briefing reports its whole window, whatever daily editions carried; an
 * undated item belongs to a daily edition's window but not to an analyst's explicit one.
 */
export function selectCandidates(
  items: readonly FeedItem[],
  seen: SeenState,
  request: RunRequest,
): FeedItem[] {
  const from = request.window.from.getTime();
  const to = request.window.to.getTime();
  return items.filter((item) => {
    if (!request.adHoc && !isUnseen(seen, item.id, request.editionId)) return false;
    if (!item.published) return !request.adHoc;
    const at = Date.parse(item.published);
    return at >= from && at <= to;
  });
}

/** Records the items of an edition; prunes entries older than the window. Retries on races. */
export async function markSeen(
  context: StateContext,
  itemIds: readonly string[],
  editionId: string,
  now: Date,
  windowDays: number,
): Promise<void> {
  const cutoff = now.getTime() - windowDays * 86_400_000;
  await updateStoredJson(context, dataKeys.seenItems(), SeenStateSchema, (current) => {
    const items: Record<string, SeenEntry> = {};
    for (const [id, entry] of Object.entries(current?.items ?? {})) {
      if (Date.parse(entry.at) >= cutoff) items[id] = entry;
    }
    for (const id of itemIds) items[id] ??= { editionId, at: now.toISOString() };
    return { items };
  });
}
