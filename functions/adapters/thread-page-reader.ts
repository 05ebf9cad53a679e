/**
 * Pages read on a worker thread: the thread that fetches keeps answering responses (feeds still
 * arriving, pages still queued) while the pages already in are extracted beside it. Worth it only
 * with a second CPU: on a Lambda below 1,769 MB (one vCPU) the two threads share one, and the
 * copy of each page to the thread is pure cost. The thread is started once and unref'd, so an
 * idle reader never keeps the process alive; close() ends it.
 */
import { Worker } from 'node:worker_threads';
import type { PageReader, PageReading } from '#ports/ports.ts';

type Answer = { id: number; reading: PageReading } | { id: number; error: string };

export interface ThreadPageReader extends PageReader {
  close(): Promise<void>;
}

export class PageReadError extends Error {
  override name = 'PageReadError';
}

export function createThreadPageReader(): ThreadPageReader {
  const worker = startThread(new URL('./page-reader-thread.ts', import.meta.url));
  worker.unref();
  const pending = new Map<number, { resolve: (r: PageReading) => void; reject: (e: Error) => void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (error: Error) => {
    dead ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (answer: Answer) => {
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    if (pending.size === 0) worker.unref();
    if ('reading' in answer) waiter.resolve(answer.reading);
    else waiter.reject(new PageReadError(answer.error));
  });
  worker.on('error', (error) =>
    failAll(new PageReadError('the page reader thread failed', { cause: error })),
  );
  worker.on('exit', () => failAll(new PageReadError('the page reader thread exited')));
  return {
    read({ body, contentType, url }) {
      return new Promise<PageReading>((resolve, reject) => {
        if (dead) {
          reject(dead);
          return;
        }
        const id = next++;
        pending.set(id, { resolve, reject });
        // Waiting on the thread keeps the process alive, as any pending I/O would.
        worker.ref();
        worker.postMessage({ id, body, url, ...(contentType ? { contentType } : {}) });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * The thread, on its module: from source (a .ts file, the CLI and the bench) through the
 * TypeScript loader the parent runs under, registered in the thread before the module loads.
 */
function startThread(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(entry.href);
  return new Worker(`import(${loader}).then((tsx) => { tsx.register(); return import(${module}); });`, {
    eval: true,
  });
}
