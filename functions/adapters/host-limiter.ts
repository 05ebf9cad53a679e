/** Bounds requests in flight: globally and per host, so one busy host cannot take every slot. */

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
}

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(global: number, perHost: number): HostLimiter {
  const all = new Semaphore(global);
  const hosts = new Map<string, Semaphore>();
  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      let own = hosts.get(host);
      if (!own) {
        own = new Semaphore(perHost);
        hosts.set(host, own);
      }
      // The host slot first: a host at its limit waits without holding a global slot.
      await own.acquire();
      await all.acquire();
      try {
        return await task();
      } finally {
        all.release();
        own.release();
        if (own.idle) hosts.delete(host);
      }
    },
  };
}
