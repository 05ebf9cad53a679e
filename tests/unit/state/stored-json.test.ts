import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '#adapters/json-logger.ts';
import { PreconditionFailedError } from '#domain/errors.ts';
import {
  type CorruptDocument,
  parseStoredJson,
  readStoredJson,
  updateStoredJson,
  writeStoredJson,
} from '#state/stored-json.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const CounterSchema = z.object({ count: z.number().int(), by: z.record(z.string(), z.number()) });
type Counter = z.infer<typeof CounterSchema>;
const KEY = 'state/counter.json';
const noSleep = async () => {};

function context() {
  const store = createMemoryStore();
  const corrupt: CorruptDocument[] = [];
  return {
    store,
    corrupt,
    state: { store, logger: silentLogger, onCorrupt: (d: CorruptDocument) => corrupt.push(d) },
  };
}

describe('parseStoredJson', () => {
  it.each([
    ['{"count":1,"by":{}}', undefined],
    ['{"count":1,"by":{', `${KEY}: not valid JSON`],
    ['', `${KEY}: not valid JSON`],
    ['null', `${KEY}: (document): Invalid input: expected object, received null`],
    ['{"count":"1","by":{}}', `${KEY}: count: Invalid input: expected number, received string`],
    ['{"count":1,"by":{"x":null}}', `${KEY}: by.x: Invalid input: expected number, received null`],
    ['[{"count":1}]', `${KEY}: (document): Invalid input: expected object, received array`],
  ])('%s -> %s', (body, problem) => {
    const result = parseStoredJson(KEY, Buffer.from(body), CounterSchema);
    if (problem === undefined) expect(result).toEqual({ ok: true, value: { count: 1, by: {} } });
    else {
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.problem).toContain(problem);
      expect(result.ok ? '' : result.problem).not.toContain('\n');
    }
  });

  it('names an array element by its index', () => {
    const result = parseStoredJson(
      KEY,
      Buffer.from('[{"id":"a"},{"id":5}]'),
      z.array(z.object({ id: z.string() })),
    );
    expect(result.ok ? '' : result.problem).toBe(
      `${KEY}: [1].id: Invalid input: expected string, received number`,
    );
  });
});

describe('readStoredJson', () => {
  it('tells an absent document from a valid one', async () => {
    const { store, state } = context();
    expect(await readStoredJson(state, KEY, CounterSchema)).toEqual({ status: 'absent' });
    await store.put(KEY, '{"count":2,"by":{"a":2}}', { contentType: 'application/json' });
    const read = await readStoredJson(state, KEY, CounterSchema);
    expect(read).toMatchObject({ status: 'ok', value: { count: 2, by: { a: 2 } } });
    expect(read.status === 'ok' && read.etag).toBeTruthy();
  });

  it('reports a corrupt document once per read, keeps its bytes aside and leaves the original in place', async () => {
    const { store, corrupt, state } = context();
    await store.put(KEY, '{"count":null}', { contentType: 'application/json' });
    const read = await readStoredJson(state, KEY, CounterSchema);
    expect(read.status).toBe('corrupt');
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]!.problem).toBe(`${KEY}: count: Invalid input: expected number, received null`);
    const keptAs = corrupt[0]!.keptAs!;
    expect(keptAs).toMatch(/^corrupt\/state\/counter\.json@[0-9a-f]{24}$/);
    expect(store.objects.get(keptAs)!.body.toString()).toBe('{"count":null}');
    expect(store.objects.get(KEY)!.body.toString()).toBe('{"count":null}');
    // Met again: reported again, but kept only once.
    await readStoredJson(state, KEY, CounterSchema);
    expect([...store.objects.keys()].filter((k) => k.startsWith('corrupt/'))).toEqual([keptAs]);
  });

  it('copies nothing aside when read-only (a dry run), but still reports', async () => {
    const { store, corrupt, state } = context();
    await store.put(KEY, '[]', { contentType: 'application/json' });
    const read = await readStoredJson({ ...state, readOnly: true }, KEY, CounterSchema);
    expect(read.status).toBe('corrupt');
    expect(corrupt).toEqual([
      { key: KEY, problem: expect.stringContaining('expected object, received array') },
    ]);
    expect([...store.objects.keys()]).toEqual([KEY]);
  });

  it('still reports a corrupt document when the copy cannot be written', async () => {
    const { store, corrupt, state } = context();
    await store.put(KEY, 'garbage', { contentType: 'application/json' });
    store.failPut(1);
    const read = await readStoredJson(state, KEY, CounterSchema);
    expect(read.status).toBe('corrupt');
    expect(corrupt[0]).toEqual({ key: KEY, problem: expect.stringContaining('not valid JSON') });
  });
});

describe('updateStoredJson', () => {
  const increment =
    (who: string) =>
    (current: Counter | undefined): Counter => ({
      count: (current?.count ?? 0) + 1,
      by: { ...current?.by, [who]: (current?.by[who] ?? 0) + 1 },
    });

  it('creates, then changes under If-Match, and writes nothing when told "no change"', async () => {
    const { store, state } = context();
    expect(await updateStoredJson(state, KEY, CounterSchema, increment('a'))).toEqual({
      value: { count: 1, by: { a: 1 } },
      written: true,
    });
    await updateStoredJson(state, KEY, CounterSchema, increment('a'));
    const before = store.objects.get(KEY)!.etag;
    const unchanged = await updateStoredJson(state, KEY, CounterSchema, () => undefined);
    expect(unchanged).toEqual({ value: { count: 2, by: { a: 2 } }, written: false });
    expect(store.objects.get(KEY)!.etag).toBe(before);
  });

  it('loses no write among 20 concurrent writers', async () => {
    const { store, state } = context();
    const writers = Array.from({ length: 20 }, (_, i) =>
      updateStoredJson(state, KEY, CounterSchema, increment(`w${i % 4}`), { attempts: 50, sleep: noSleep }),
    );
    await Promise.all(writers);
    const final = JSON.parse(store.objects.get(KEY)!.body.toString()) as Counter;
    expect(final.count).toBe(20);
    expect(final.by).toEqual({ w0: 5, w1: 5, w2: 5, w3: 5 });
  });

  it('replaces a corrupt document under its ETag, after keeping it aside and reporting it once', async () => {
    const { store, corrupt, state } = context();
    await store.put(KEY, '{"count":1,"by":{"x":null}}', { contentType: 'application/json' });
    const seen: string[] = [];
    await updateStoredJson(state, KEY, CounterSchema, (current, read) => {
      seen.push(read.status);
      return increment('a')(current);
    });
    expect(seen).toEqual(['corrupt']);
    expect(corrupt).toHaveLength(1);
    expect(JSON.parse(store.objects.get(KEY)!.body.toString())).toEqual({ count: 1, by: { a: 1 } });
    expect(store.objects.get(corrupt[0]!.keptAs!)!.body.toString()).toBe('{"count":1,"by":{"x":null}}');
  });

  it('gives up with PreconditionFailedError when every attempt loses the race', async () => {
    const { store, state } = context();
    await store.put(KEY, '{"count":0,"by":{}}', { contentType: 'application/json' });
    const rival = async (current: Counter | undefined) => {
      // Another writer moves the document on between our read and our write, every time.
      await store.put(KEY, JSON.stringify({ count: (current?.count ?? 0) + 100, by: {} }), {
        contentType: 'application/json',
      });
    };
    let calls = 0;
    const attempt = updateStoredJson(
      state,
      KEY,
      CounterSchema,
      (current) => {
        calls++;
        void rival(current);
        return increment('a')(current);
      },
      { attempts: 3, sleep: noSleep },
    );
    await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(calls).toBe(3);
  });

  it('fails on a store error without retrying', async () => {
    const { store, state } = context();
    store.failPut(1, new Error('disk full'));
    await expect(updateStoredJson(state, KEY, CounterSchema, increment('a'))).rejects.toThrow('disk full');
    expect(store.objects.has(KEY)).toBe(false);
  });
});

describe('writeStoredJson', () => {
  it('writes indented JSON when asked, with its content type', async () => {
    const { store } = context();
    await writeStoredJson(store, 'runs/x.json', { a: 1 }, { pretty: true });
    expect(store.objects.get('runs/x.json')!.body.toString()).toBe('{\n  "a": 1\n}\n');
    expect(store.objects.get('runs/x.json')!.contentType).toBe('application/json');
  });
});
