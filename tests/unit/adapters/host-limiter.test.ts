import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '#adapters/host-limiter.ts';
import { SkippedError } from '#domain/errors.ts';

/** Runs `count` tasks per host and records the peak in flight, globally and per host. */
async function observe(global: number, perHost: number, hosts: string[], count: number) {
  const limiter = createHostLimiter(global, perHost);
  let active = 0;
  let peak = 0;
  const activeByHost = new Map<string, number>();
  const peakByHost = new Map<string, number>();
  const tasks = hosts.flatMap((host) =>
    Array.from({ length: count }, () =>
      limiter.run(host, async () => {
        active++;
        peak = Math.max(peak, active);
        const mine = (activeByHost.get(host) ?? 0) + 1;
        activeByHost.set(host, mine);
        peakByHost.set(host, Math.max(peakByHost.get(host) ?? 0, mine));
        await new Promise((r) => setTimeout(r, 5));
        activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
        active--;
        return host;
      }),
    ),
  );
  const results = await Promise.all(tasks);
  return { peak, peakByHost, results };
}

describe('createHostLimiter', () => {
  it('keeps one host at its own limit even with global slots free', async () => {
    const { peak, peakByHost } = await observe(10, 2, ['a.example'], 8);
    expect(peakByHost.get('a.example')).toBe(2);
    expect(peak).toBe(2);
  });

  it('bounds the total across hosts', async () => {
    const { peak, peakByHost } = await observe(3, 2, ['a', 'b', 'c', 'd'], 4);
    expect(peak).toBe(3);
    for (const host of ['a', 'b', 'c', 'd']) expect(peakByHost.get(host)).toBeLessThanOrEqual(2);
  });

  it('lets other hosts proceed while one host is saturated', async () => {
    const limiter = createHostLimiter(4, 1);
    let release!: () => void;
    const blocked = limiter.run('slow', () => new Promise<void>((r) => (release = r)));
    const queued = limiter.run('slow', async () => 'second');
    const other = await limiter.run('fast', async () => 'fast done');
    expect(other).toBe('fast done');
    release();
    await blocked;
    expect(await queued).toBe('second');
  });

  it('returns results and frees the slot when a task throws', async () => {
    const limiter = createHostLimiter(1, 1);
    await expect(
      limiter.run('h', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrowError('boom');
    await expect(limiter.run('h', async () => 42)).resolves.toBe(42);
  });

  it('abandons a queued task when its signal aborts: never started, slot order kept', async () => {
    const limiter = createHostLimiter(4, 1);
    let release!: () => void;
    const started: string[] = [];
    const holder = limiter.run('h', () => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const abandoned = limiter.run('h', async () => started.push('abandoned'), controller.signal);
    const next = limiter.run('h', async () => started.push('next'));

    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(SkippedError);
    release();
    await holder;
    await next;

    expect(started).toEqual(['next']);
  });

  it('refuses at once when the signal has already aborted, and frees the global slot it waited for', async () => {
    const limiter = createHostLimiter(1, 4);
    await expect(limiter.run('h', async () => 1, AbortSignal.abort())).rejects.toBeInstanceOf(SkippedError);
    let release!: () => void;
    const holder = limiter.run('a', () => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    // Holds its host slot while waiting for the only global slot, then gives both back.
    const waiting = limiter.run('b', async () => 'never', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(SkippedError);
    release();
    await holder;
    await expect(limiter.run('b', async () => 'b runs')).resolves.toBe('b runs');
  });
});

describe('createHostLimiter: who gets a freed slot', () => {
  it('gives it to the host with the most requests queued behind it, not to the first in line', async () => {
    const limiter = createHostLimiter(1, 1);
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await new Promise((r) => setTimeout(r, 2));
    };
    // b1 takes the only global slot; c1 then a1 wait for it; a2..a4 wait behind a1 for their host's slot.
    const runs = [
      limiter.run('b', task('b1')),
      limiter.run('c', task('c1')),
      ...['a1', 'a2', 'a3', 'a4'].map((name) => limiter.run('a', task(name))),
    ];
    await Promise.all(runs);
    // First come, first served would start c1 second; a1 has three requests queued behind it.
    expect(started).toEqual(['b1', 'a1', 'c1', 'a2', 'a3', 'a4']);
  });
});
