import { describe, expect, it } from 'vitest';
import { backoffDelay } from '#domain/backoff.ts';

describe('backoffDelay', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [6, 1, 30_000],
    [20, 0, 15_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { baseMs: 1_000, capMs: 30_000 }, () => random)).toBe(expected);
  });
});
