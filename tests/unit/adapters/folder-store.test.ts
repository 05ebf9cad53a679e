import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolderStore } from '#adapters/folder-store.ts';
import { BriefingError, PreconditionFailedError } from '#domain/errors.ts';

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

  it('creates a folder when a write finds it missing, also after it was removed', async () => {
    const { root, store: s } = store();
    await s.put('a/b/one.json', '1', { contentType: 'application/json' });
    rmSync(join(root, 'a'), { recursive: true });
    await s.put('a/b/two.json', '2', { contentType: 'application/json', ifNoneMatch: '*' });
    expect((await s.get('a/b/two.json'))!.body.toString()).toBe('2');
    expect(await s.get('a/b/one.json')).toBeUndefined();
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

  it('uses the MD5 of the content as ETag, the same on put and get', async () => {
    const { store: s } = store();
    const { etag } = await s.put('a.txt', 'hello', { contentType: 'text/plain' });
    expect(etag).toBe(`"${createHash('md5').update('hello').digest('hex')}"`);
    expect((await s.get('a.txt'))?.etag).toBe(etag);
  });

  it('waits for a conditional write another process holds, then applies its precondition', async () => {
    const { root, store: s } = store();
    const first = await s.put('index.json', '1', { contentType: 'application/json' });
    mkdirSync(join(root, '.meta'), { recursive: true });
    const lock = join(root, '.meta', 'index.json.lock');
    // Held by a live process (our parent stands in for another writer).
    writeFileSync(lock, String(process.ppid));
    let settled = false;
    const pending = s
      .put('index.json', '2', { contentType: 'application/json', ifMatch: first.etag })
      .finally(() => {
        settled = true;
      });
    await new Promise((r) => setTimeout(r, 80));
    expect(settled).toBe(false);
    // The other writer changes the object, then releases its lock: our If-Match must now fail.
    writeFileSync(join(root, 'index.json'), 'other');
    rmSync(lock);
    await expect(pending).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('takes over a lock left behind by a process that died', async () => {
    const { root, store: s } = store();
    mkdirSync(join(root, '.meta'), { recursive: true });
    const lock = join(root, '.meta', 'index.json.lock');
    writeFileSync(lock, 'not a pid');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await s.put('index.json', '1', { contentType: 'application/json', ifNoneMatch: '*' });
    expect((await s.get('index.json'))?.body.toString()).toBe('1');
  });

  it('takes over at once a lock whose writer was killed with -9, instead of waiting it out', async () => {
    const { root, store: s } = store();
    mkdirSync(join(root, '.meta'), { recursive: true });
    const lock = join(root, '.meta', 'state', 'seen-items.json.lock');
    // A real process takes the lock as the store does, then dies mid-write.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('node:fs').mkdirSync(${JSON.stringify(join(root, '.meta', 'state'))}, { recursive: true });
         require('node:fs').writeFileSync(${JSON.stringify(lock)}, String(process.pid), { flag: 'wx' });
         process.stdout.write('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const started = performance.now();
    await s.put('state/seen-items.json', '{}', { contentType: 'application/json', ifNoneMatch: '*' });

    // Before, the rerun waited 5 s for the lock and then failed ("stays locked").
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await s.get('state/seen-items.json'))?.body.toString()).toBe('{}');
  });
});
