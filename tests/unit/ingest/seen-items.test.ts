import { describe, expect, it } from 'vitest';
import { isUnseen, loadSeenState, markSeen } from '#ingest/seen-items.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

describe('seen items', () => {
  it('remembers what an edition carried, keeps it for a rebuilt edition, and forgets after the window', async () => {
    const store = createMemoryStore();
    await markSeen(store, ['a', 'b'], '2026-11-20', new Date('2026-11-20T07:00:00Z'), 7);
    let state = await loadSeenState(store);
    expect(isUnseen(state, 'a', '2026-11-21')).toBe(false);
    expect(isUnseen(state, 'a', '2026-11-20')).toBe(true);
    expect(isUnseen(state, 'c', '2026-11-21')).toBe(true);
    await markSeen(store, ['c'], '2026-11-28', new Date('2026-11-28T07:00:00Z'), 7);
    state = await loadSeenState(store);
    expect(Object.keys(state.items).sort()).toEqual(['c']);
  });

  it('merges concurrent markings and survives a corrupt state file', async () => {
    const store = createMemoryStore();
    const at = new Date('2026-11-20T07:00:00Z');
    await Promise.all([markSeen(store, ['a'], 'e1', at, 7), markSeen(store, ['b'], 'e2', at, 7)]);
    expect(Object.keys((await loadSeenState(store)).items).sort()).toEqual(['a', 'b']);
    await store.put('state/seen-items.json', 'not json', { contentType: 'application/json' });
    expect(await loadSeenState(store)).toEqual({ items: {} });
  });
});
