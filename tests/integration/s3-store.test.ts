import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { PreconditionFailedError } from '#domain/errors.ts';
import { loadSeenState, markSeen } from '#ingest/seen-items.ts';
import type { CorruptDocument } from '#state/stored-json.ts';
import { takeConfirmationSlot } from '#subscribe/sign-up-limits.ts';
import { type S3TestServer, startS3Server } from '#tests/helpers/s3-server.ts';

describe('S3 store over HTTP (s3rver on 127.0.0.1)', () => {
  let s3: S3TestServer;
  beforeAll(async () => {
    s3 = await startS3Server(['briefing-site']);
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('puts and gets an object with its content type, cache control and metadata', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site' });
    const { etag } = await store.put('editions/2026-11-24/index.html', '<p>ok</p>', {
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
      metadata: { edition: '2026-11-24' },
    });
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const object = await store.get('editions/2026-11-24/index.html');
    expect(object?.body.toString()).toBe('<p>ok</p>');
    expect(object?.contentType).toBe('text/html; charset=utf-8');
    expect(object?.etag).toBe(etag);
    expect(object?.metadata).toMatchObject({ edition: '2026-11-24' });
  });

  it('returns undefined for a missing key', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site' });
    expect(await store.get('nope.json')).toBeUndefined();
  });

  it('enforces If-None-Match and If-Match as PreconditionFailedError', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'cond/' });
    const first = await store.put('claim.json', '{"n":1}', {
      contentType: 'application/json',
      ifNoneMatch: '*',
    });
    await expect(
      store.put('claim.json', '{"n":2}', { contentType: 'application/json', ifNoneMatch: '*' }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    const second = await store.put('claim.json', '{"n":2}', {
      contentType: 'application/json',
      ifMatch: first.etag,
    });
    await expect(
      store.put('claim.json', '{"n":3}', { contentType: 'application/json', ifMatch: first.etag }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.get('claim.json'))?.etag).toBe(second.etag);
    expect((await store.get('claim.json'))?.body.toString()).toBe('{"n":2}');
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'race/' });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.put('k.json', String(i), { contentType: 'application/json', ifNoneMatch: '*' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('lists keys under a prefix across pages, and deletes', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'list/' });
    await Promise.all(
      Array.from({ length: 1005 }, (_, i) =>
        store.put(`items/${String(i).padStart(4, '0')}.json`, '{}', { contentType: 'application/json' }),
      ),
    );
    const keys = await store.list('items/');
    expect(keys).toHaveLength(1005);
    expect(keys[0]).toBe('items/0000.json');
    await store.delete('items/0000.json');
    expect(await store.get('items/0000.json')).toBeUndefined();
  }, 60_000);

  it('state helper: two instances marking seen items at once lose nothing, over S3 preconditions', async () => {
    // Two Lambda instances: separate store objects over the same bucket.
    const one = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'state-race/' });
    const two = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'state-race/' });
    const at = new Date('2026-11-23T07:00:00Z');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        markSeen({ store: i % 2 ? one : two, logger: silentLogger }, [`item-${i}`], `e${i}`, at, 7),
      ),
    );
    const seen = await loadSeenState({ store: one, logger: silentLogger });
    expect(Object.keys(seen.items).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `item-${i}`).sort());
  });

  it('state helper: a corrupt document is kept aside in the bucket and replaced under its ETag', async () => {
    const store = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'state-corrupt/' });
    await store.put('state/seen-items.json', '{"items":null}', { contentType: 'application/json' });
    const corrupt: CorruptDocument[] = [];
    const state = { store, logger: silentLogger, onCorrupt: (d: CorruptDocument) => corrupt.push(d) };
    await markSeen(state, ['a'], 'e1', new Date('2026-11-23T07:00:00Z'), 7);
    expect(corrupt).toHaveLength(1);
    expect((await store.get(corrupt[0]!.keptAs!))?.body.toString()).toBe('{"items":null}');
    expect(Object.keys((await loadSeenState(state)).items)).toEqual(['a']);
  });

  it('sign-up limits hold across two instances: 30 concurrent sign-ups, a limit of 10 mails', async () => {
    const one = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'limits-race/' });
    const two = createS3Store({ client: s3.client, bucket: 'briefing-site', prefix: 'limits-race/' });
    const limits = { perHour: 10, perClientPerHour: 1000, perAddressPerDay: 3 };
    const now = new Date('2026-11-23T07:00:00Z');
    const granted = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        takeConfirmationSlot({ store: i % 2 ? one : two, logger: silentLogger }, limits, now, `client-${i}`),
      ),
    );
    // Never more than the limit, and every granted slot counted. Under heavy contention a
    // sign-up whose retries run out is refused (the limit fails closed), so fewer may be granted.
    const count = granted.filter(Boolean).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(10);
    const counter = JSON.parse((await one.get('limits/sign-ups/2026-11-23T07/all.json'))!.body.toString());
    expect(counter).toEqual({ count });
  });
});
