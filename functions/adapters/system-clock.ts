import type { Clock } from '#ports/ports.ts';

export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned to one instant: `--now ISO` and tests. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
