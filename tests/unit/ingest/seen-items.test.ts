import { describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { dataKeys } from '#domain/keys.ts';
import { isUnseen, loadSeenState, markSeen } from '#ingest/seen-items.ts';
import type { CorruptDocument } from '#state/stored-json.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

function setUp() {
  const store = createMemoryStore();
  const corrupt: CorruptDocument[] = [];
  return {
    store,
    corrupt,
    state: { store, logger: silentLogger, onCorrupt: (d: CorruptDocument) => corrupt.push(d) },
  };
}

describe('seen items', () => {
  it('remembers what an edition carried, keeps it for a rebuilt edition, and forgets after the window', async () => {
    const { state } = setUp();
    await markSeen(state, ['a', 'b'], '2026-11-20', new Date('2026-11-20T07:00:00Z'), 7);
    let seen = await loadSeenState(state);
    expect(isUnseen(seen, 'a', '2026-11-21')).toBe(false);
    expect(isUnseen(seen, 'a', '2026-11-20')).toBe(true);
    expect(isUnseen(seen, 'c', '2026-11-21')).toBe(true);
    await markSeen(state, ['c'], '2026-11-28', new Date('2026-11-28T07:00:00Z'), 7);
    seen = await loadSeenState(state);
    expect(Object.keys(seen.items).sort()).toEqual(['c']);
  });

  it('merges concurrent markings', async () => {
    const { state } = setUp();
    const at = new Date('2026-11-20T07:00:00Z');
    await Promise.all([markSeen(state, ['a'], 'e1', at, 7), markSeen(state, ['b'], 'e2', at, 7)]);
    expect(Object.keys((await loadSeenState(state)).items).sort()).toEqual(['a', 'b']);
  });

  // Each of these crashed a run before the state helper: before sending, or after the mail went out.
  it.each([
    ['not json', 'not valid JSON'],
    ['{"items":null}', 'items: Invalid input: expected record, received null'],
    ['{"items":{"x":null}}', 'items.x: Invalid input: expected object, received null'],
    [
      '{"items":{"x":{"editionId":"e","at":5}}}',
      'items.x.at: Invalid input: expected string, received number',
    ],
    ['null', '(document)'],
  ])('reads %s as empty, says so, keeps it aside, and marks over it', async (body, problem) => {
    const { store, corrupt, state } = setUp();
    await store.put(dataKeys.seenItems(), body, { contentType: 'application/json' });

    expect(await loadSeenState(state)).toEqual({ items: {} });
    await markSeen(state, ['a'], 'e1', new Date('2026-11-20T07:00:00Z'), 7);

    expect(corrupt[0]!.problem).toContain(`state/seen-items.json: ${problem}`);
    expect(store.objects.get(corrupt[0]!.keptAs!)!.body.toString()).toBe(body);
    expect(Object.keys((await loadSeenState(state)).items)).toEqual(['a']);
  });
});
