/**
 * Which items earlier editions already carried, so the digest does not repeat them. Items are
 * marked only once an edition is built from them, never on a failed fetch; the items of the
 * edition being (re)built are kept, so a retried run reproduces the same edition.
 */
import { PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Store } from '#ports/ports.ts';

interface SeenEntry {
  editionId: string;
  at: string;
}

export interface SeenState {
  items: Record<string, SeenEntry>;
}

export async function loadSeenState(store: Store): Promise<SeenState> {
  const object = await store.get(dataKeys.seenItems());
  if (!object) return { items: {} };
  try {
    const parsed = JSON.parse(object.body.toString('utf8')) as SeenState;
    return parsed && typeof parsed.items === 'object' ? parsed : { items: {} };
  } catch {
    // A corrupt state file must not stop the edition: worst case an item is repeated once.
    return { items: {} };
  }
}

/** Keeps items never sent before, or sent in the edition being rebuilt. */
export function isUnseen(state: SeenState, itemId: string, editionId: string): boolean {
  const entry = state.items[itemId];
  return !entry || entry.editionId === editionId;
}

/** Records the items of an edition; prunes entries older than the window. Retries on races. */
export async function markSeen(
  store: Store,
  itemIds: readonly string[],
  editionId: string,
  now: Date,
  windowDays: number,
): Promise<void> {
  const key = dataKeys.seenItems();
  const cutoff = now.getTime() - windowDays * 86_400_000;
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.get(key);
    let state: SeenState = { items: {} };
    if (current) {
      try {
        state = JSON.parse(current.body.toString('utf8')) as SeenState;
      } catch {
        state = { items: {} };
      }
    }
    const items: Record<string, SeenEntry> = {};
    for (const [id, entry] of Object.entries(state.items ?? {})) {
      if (Date.parse(entry.at) >= cutoff) items[id] = entry;
    }
    for (const id of itemIds) items[id] ??= { editionId, at: now.toISOString() };
    try {
      await store.put(key, JSON.stringify({ items }), {
        contentType: 'application/json',
        ...(current?.etag ? { ifMatch: current.etag } : { ifNoneMatch: '*' as const }),
      });
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  throw new PreconditionFailedError(key);
}
