import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolderStore } from '../../../functions/adapters/folder-store.ts';
import { BriefingError, PreconditionFailedError } from '../../../functions/domain/errors.ts';

const store = () => {
  const root = mkdtempSync(join(tmpdir(), 'folder-store-'));
  return { root, store: createFolderStore(root) };
};

describe('folder store', () => {
  it('keeps content type, cache control and metadata beside each object', async () => {
    const { store: s } = store();
    const { etag } = await s.put('editions/x/index.html', '<p>hi</p>', {
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'no-cache',
      metadata: { a: 'b' },
    });
    expect(await s.get('editions/x/index.html')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      etag,
      metadata: { a: 'b' },
    });
    expect((await s.get('editions/x/index.html'))!.body.toString()).toBe('<p>hi</p>');
    expect(await s.get('missing.json')).toBeUndefined();
  });

  it('enforces If-None-Match and If-Match, also under concurrent writers', async () => {
    const { store: s } = store();
    const first = await s.put('k.json', '1', { contentType: 'application/json', ifNoneMatch: '*' });
    await expect(
      s.put('k.json', '2', { contentType: 'application/json', ifNoneMatch: '*' }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await s.put('k.json', '2', { contentType: 'application/json', ifMatch: first.etag });
    await expect(
      s.put('k.json', '3', { contentType: 'application/json', ifMatch: first.etag }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        s.put('race.json', String(i), { contentType: 'application/json', ifNoneMatch: '*' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it.each(['../escape.txt', '/etc/passwd', 'a/../../b', 'a//b', '.meta/x', 'nul\0byte', ''])(
    'refuses the key %j',
    async (key) => {
      const { store: s } = store();
      await expect(s.put(key, 'x', { contentType: 'text/plain' })).rejects.toBeInstanceOf(BriefingError);
    },
  );

  it('lists keys under a prefix, never its hidden folders', async () => {
    const { root, store: s } = store();
    await s.put('editions/a/edition.json', '{}', { contentType: 'application/json' });
    await s.put('editions/b/edition.json', '{}', { contentType: 'application/json' });
    await s.put('index.html', 'x', { contentType: 'text/html' });
    writeFileSync(join(root, '.hidden'), 'x');
    expect(await s.list('editions/')).toEqual(['editions/a/edition.json', 'editions/b/edition.json']);
    expect(await s.list('')).toEqual(['editions/a/edition.json', 'editions/b/edition.json', 'index.html']);
    await s.delete('index.html');
    expect(await s.list('')).not.toContain('index.html');
  });
});
