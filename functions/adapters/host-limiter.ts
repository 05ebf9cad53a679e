/**
 * Bounds requests in flight: globally and per host, so one busy host cannot take every slot.
 * A task waiting for a slot can be abandoned through an AbortSignal (the run's budget for its
 * stage): it then rejects with SkippedError and is never started.
 */
import { SkippedError } from '#domain/errors.ts';

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(skipped(signal));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(skipped(signal!));
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Hands the slot to the next waiter, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
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
        await all.acquire(signal);
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
