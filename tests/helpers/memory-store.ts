/** An in-memory Store with S3's precondition semantics, and a way to fail the Nth write. */
import { createHash } from 'node:crypto';
import { PreconditionFailedError } from '#domain/errors.ts';
import type { PutOptions, Store, StoredObject } from '#ports/ports.ts';

export interface MemoryStore extends Store {
  objects: Map<string, StoredObject & { cacheControl?: string }>;
  /** Throw on the next `n`-th put (1 = the next one). */
  failPut(n: number, error?: Error): void;
}

export function createMemoryStore(): MemoryStore {
  const objects = new Map<string, StoredObject & { cacheControl?: string }>();
  let countdown = 0;
  let failure: Error | undefined;
  return {
    objects,
    failPut(n, error = new Error('injected store failure')) {
      countdown = n;
      failure = error;
    },
    async get(key) {
      const o = objects.get(key);
      return o ? { ...o, body: Buffer.from(o.body) } : undefined;
    },
    async put(key, body, options: PutOptions) {
      if (countdown > 0 && --countdown === 0) throw failure!;
      const current = objects.get(key);
      if (options.ifNoneMatch === '*' && current) throw new PreconditionFailedError(key);
      if (options.ifMatch && current?.etag !== options.ifMatch) throw new PreconditionFailedError(key);
      const bytes = Buffer.from(body);
      const etag = `"${createHash('md5').update(bytes).update(String(Math.random())).digest('hex')}"`;
      objects.set(key, {
        body: bytes,
        etag,
        contentType: options.contentType,
        ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
      });
      return { etag };
    },
    async list(prefix) {
      return [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
    },
    async delete(key) {
      objects.delete(key);
    },
  };
}
