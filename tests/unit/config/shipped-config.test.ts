/** The config the functions read at cold start: schema-checked, and the deployment's own revision. */
import { describe, expect, it } from 'vitest';
import { loadShippedConfig, readShippedConfig } from '#config/shipped-config.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const KEY = 'briefing.config.json';

describe('the shipped config', () => {
  it('reads the document through the schema, with its revision', async () => {
    const store = createMemoryStore();
    await store.put(KEY, JSON.stringify({ windowHours: 48 }), {
      contentType: 'application/json',
      metadata: { revision: 'r1' },
    });
    store.objects.get(KEY)!.metadata = { revision: 'r1' };
    const shipped = await readShippedConfig(store, KEY);
    expect(shipped.revision).toBe('r1');
    expect(shipped.config.windowHours).toBe(48);
  });

  it.each([
    [undefined, 'config briefing.config.json: not found (deploy the stack to ship it)'],
    ['{', 'config briefing.config.json: not valid JSON'],
    [
      '{"windowHours":"x"}',
      'config briefing.config.json windowHours: Invalid input: expected number, received string',
    ],
  ])('refuses %s with one line', async (body, message) => {
    const store = createMemoryStore();
    if (body !== undefined) await store.put(KEY, body, { contentType: 'application/json' });
    await expect(readShippedConfig(store, KEY)).rejects.toThrowError(message);
  });

  it('waits for the revision it was deployed with while a deployment is still writing it', async () => {
    const store = createMemoryStore();
    await store.put(KEY, JSON.stringify({ windowHours: 24 }), { contentType: 'application/json' });
    store.objects.get(KEY)!.metadata = { revision: 'old' };
    const waits: number[] = [];
    const config = await loadShippedConfig(store, KEY, 'new', {
      sleep: async (ms) => {
        waits.push(ms);
        // The deployment lands during the second wait.
        if (waits.length === 2) {
          await store.put(KEY, JSON.stringify({ windowHours: 72 }), { contentType: 'application/json' });
          store.objects.get(KEY)!.metadata = { revision: 'new' };
        }
      },
      warn: () => {},
    });
    expect(config.windowHours).toBe(72);
    expect(waits).toEqual([1000, 2000]);
  });

  it('uses what is there, with a warning, when its revision never arrives', async () => {
    const store = createMemoryStore();
    await store.put(KEY, '{}', { contentType: 'application/json' });
    const warnings: string[] = [];
    const config = await loadShippedConfig(store, KEY, 'new', {
      attempts: 2,
      sleep: async () => {},
      warn: (m) => void warnings.push(m),
    });
    expect(config.windowHours).toBe(24);
    expect(warnings).toEqual(['config briefing.config.json: revision none, expected new; using it']);
  });
});
