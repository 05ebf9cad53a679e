/**
 * Exponential backoff with "equal" jitter, the one formula for every retry loop (HTTP fetches,
 * mail sends): attempt n (1-based) waits between half and all of min(cap, base * 2^(n-1)), so
 * retries spread out without ever collapsing to zero.
 */
export function backoffDelay(
  attempt: number,
  { baseMs, capMs }: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
