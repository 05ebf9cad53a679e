/**
 * The Store port on a local folder: keys are relative paths under the root, so `--out DIR`
 * holds exactly the layout the S3 bucket would. Content type, cache control and metadata live
 * in a hidden sidecar per key; ETags are content hashes. Conditional writes are serialised per
 * key inside this process and use an exclusive-create lock file across processes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { BriefingError, PreconditionFailedError } from '#domain/errors.ts';
import type { PutOptions, Store, StoredObject } from '#ports/ports.ts';

const META_DIR = '.meta';
/** A lock file older than this was left by a process that died mid-write; it is taken over. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10;
const LOCK_ATTEMPTS = 500;

interface Sidecar {
  contentType?: string;
  cacheControl?: string;
  metadata?: Record<string, string>;
}

export function assertSafeKey(key: string): void {
  if (
    key.length === 0 ||
    key.length > 1024 ||
    key.includes('\0') ||
    key.startsWith('/') ||
    key.includes('\\') ||
    key.split('/').some((part) => part === '..' || part === '.' || part === '') ||
    key.split('/')[0] === META_DIR
  ) {
    throw new BriefingError(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

const etagOf = (body: Buffer) => `"${createHash('md5').update(body).digest('hex')}"`;

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EISDIR'
    )
      return undefined;
    throw error;
  }
}

function parseSidecar(text: Buffer | undefined): Sidecar {
  if (!text) return {};
  try {
    return JSON.parse(text.toString('utf8')) as Sidecar;
  } catch {
    // A sidecar edited or truncated by hand: the object is still served, without its headers.
    return {};
  }
}

async function replaceFile(path: string, body: Buffer | string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeCreatingFolder(temp, body);
  await rename(temp, path);
}

/**
 * Writes a file, creating its folder only when the write finds it missing: most writes go to a
 * folder that exists, and a mkdir per write cost more than the write (about 17 ms in a day's
 * article stage).
 */
async function writeCreatingFolder(path: string, body: Buffer | string, flag = 'w'): Promise<void> {
  try {
    await writeFile(path, body, { flag });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body, { flag });
  }
}

/**
 * A lock is stale when the process that wrote it is gone (killed with -9 mid-write: an immediate
 * rerun must not wait for it), or, when its owner cannot be told, once it is older than STALE_LOCK_MS.
 */
async function isStale(lock: string): Promise<boolean> {
  try {
    const owner = Number((await readFile(lock, 'utf8')).trim());
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) return true;
    return Date.now() - (await stat(lock)).mtimeMs > STALE_LOCK_MS;
  } catch {
    // Gone meanwhile: the next exclusive create will tell.
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function createFolderStore(root: string): Store {
  const locks = new Map<string, Promise<unknown>>();
  const pathOf = (key: string) => join(root, ...key.split('/'));
  const metaOf = (key: string) => join(root, META_DIR, `${key}.json`);

  /** Runs fn alone for this key within the process, and under a lock file across processes. */
  async function exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = locks.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => {})
      .then(async () => {
        const lock = join(root, META_DIR, `${key}.lock`);
        for (let attempt = 0; ; attempt++) {
          try {
            await writeCreatingFolder(lock, String(process.pid), 'wx');
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            if (await isStale(lock)) {
              await rm(lock, { force: true });
              continue;
            }
            if (attempt >= LOCK_ATTEMPTS)
              throw new BriefingError(`folder store: ${key} stays locked by ${lock}`, { cause: error });
            await new Promise((r) => setTimeout(r, LOCK_WAIT_MS));
          }
        }
        try {
          return await fn();
        } finally {
          await rm(lock, { force: true });
        }
      });
    locks.set(key, run);
    return run;
  }

  async function write(key: string, body: Buffer, options: PutOptions): Promise<{ etag: string }> {
    const sidecar: Sidecar = {
      contentType: options.contentType,
      ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
      ...(options.metadata ? { metadata: options.metadata } : {}),
    };
    // Both files are replaced by rename, so a concurrent reader sees the old or the new, never half.
    await replaceFile(pathOf(key), body);
    await replaceFile(metaOf(key), JSON.stringify(sidecar));
    return { etag: etagOf(body) };
  }

  return {
    async get(key: string): Promise<StoredObject | undefined> {
      assertSafeKey(key);
      const body = await readIfExists(pathOf(key));
      if (!body) return undefined;
      const metaText = await readIfExists(metaOf(key));
      const meta = parseSidecar(metaText);
      return {
        body,
        etag: etagOf(body),
        ...(meta.contentType ? { contentType: meta.contentType } : {}),
        ...(meta.metadata ? { metadata: meta.metadata } : {}),
      };
    },

    async put(key: string, body: Buffer | string, options: PutOptions): Promise<{ etag: string }> {
      assertSafeKey(key);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      if (!options.ifMatch && !options.ifNoneMatch) return write(key, bytes, options);
      return exclusive(key, async () => {
        const current = await readIfExists(pathOf(key));
        if (options.ifNoneMatch === '*' && current) throw new PreconditionFailedError(key);
        if (options.ifMatch && (!current || etagOf(current) !== options.ifMatch))
          throw new PreconditionFailedError(key);
        return write(key, bytes, options);
      });
    },

    async list(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      const walk = async (dir: string) => {
        let entries: import('node:fs').Dirent[];
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const entry of entries) {
          const full = join(dir, entry.name);
          // Hidden entries (sidecars, the private .state beside a site) are not keys of this store.
          if (dir === root && entry.name.startsWith('.')) continue;
          if (entry.isDirectory()) {
            await walk(full);
          } else if (!entry.name.endsWith('.tmp')) {
            const key = relative(root, full).split(sep).join('/');
            if (key.startsWith(prefix)) keys.push(key);
          }
        }
      };
      // Only walk the part of the tree the prefix can match.
      const fixed = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      await walk(fixed ? join(root, ...fixed.split('/')) : root);
      return keys.sort();
    },

    async delete(key: string): Promise<void> {
      assertSafeKey(key);
      await rm(pathOf(key), { force: true });
      await rm(metaOf(key), { force: true });
    },
  };
}
