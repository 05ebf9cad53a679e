/**
 * Bounds requests in flight: globally and per host, so one busy host cannot take every slot.
 * A freed global slot goes to the host with the most requests still queued behind it, not to
 * the first in line: that host's queue is the run's critical path (36 feeds on one host at 3 at
 * a time take as long as 12 requests in a row), and served first come, first served it would
 * start last and end the stage late. A task waiting for a slot can be abandoned through an
 * AbortSignal (the run's budget for its stage): it then rejects with SkippedError and is never
 * started.
 */
import { SkippedError } from '#domain/errors.ts';

interface Waiter {
  grant: () => void;
  /** Higher goes first when a slot frees; equal ones keep their order. */
  priority?: () => number;
}

class Semaphore {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  constructor(private readonly limit: number) {}

  acquire(signal?: AbortSignal, priority?: () => number): Promise<void> {
    if (signal?.aborted) return Promise.reject(skipped(signal));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(skipped(signal!));
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const waiter: Waiter = priority ? { grant, priority } : { grant };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Hands the slot to the waiter of highest priority (the first of them), or frees it. */
  release(): void {
    if (this.waiting.length === 0) {
      this.active--;
      return;
    }
    let best = 0;
    let bestPriority = this.waiting[0]!.priority?.() ?? 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const priority = this.waiting[i]!.priority?.() ?? 0;
      if (priority > bestPriority) [best, bestPriority] = [i, priority];
    }
    this.waiting.splice(best, 1)[0]!.grant();
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
}

function skipped(signal: AbortSignal): SkippedError {
  return new SkippedError('not sent: the time budget ran out while it waited for a connection slot', {
    cause: signal.reason,
  });
}

export interface HostLimiter {
  /** Runs the task once it holds a slot of its host and a global one; `signal` abandons the wait. */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createHostLimiter(global: number, perHost: number): HostLimiter {
  const all = new Semaphore(global);
  const hosts = new Map<string, Semaphore>();
  const forget = (host: string, own: Semaphore) => {
    if (own.idle && hosts.get(host) === own) hosts.delete(host);
  };
  return {
    async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      let own = hosts.get(host);
      if (!own) {
        own = new Semaphore(perHost);
        hosts.set(host, own);
      }
      // The host slot first: a host at its limit waits without holding a global slot.
      try {
        await own.acquire(signal);
      } catch (error) {
        forget(host, own);
        throw error;
      }
      try {
        // The host with the longest queue behind this request gets the next global slot first.
        await all.acquire(signal, () => own.queued);
      } catch (error) {
        own.release();
        forget(host, own);
        throw error;
      }
      try {
        return await task();
      } finally {
        all.release();
        own.release();
        forget(host, own);
      }
    },
  };
}
