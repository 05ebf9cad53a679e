/**
 * CPU-heavy work of the fetch stages (reading a feed, choosing the pages to start, reading a
 * page) runs one piece per event-loop turn. The network callbacks that arrive meanwhile are
 * handled between two pieces, so a response that frees a connection slot starts the next request
 * at once instead of after every document that came in with it: on a run where the busiest host's
 * queue of requests is the critical path, that is the difference between its requests following
 * each other and waiting for the thread. A piece's own promise continuations run in its turn.
 */

const queue: (() => void)[] = [];
let scheduled = false;

function runNext(): void {
  const piece = queue.shift();
  if (queue.length > 0) setImmediate(runNext);
  else scheduled = false;
  piece?.();
}

/** Runs `work` on a later turn, after the pieces queued before it; its result or failure is the promise's. */
export function inTurn<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runNext);
    }
  });
}
