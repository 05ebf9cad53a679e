import { describe, expect, it } from 'vitest';
import { createToken, verifyToken } from '#domain/tokens.ts';

const secret = 'test-secret-not-for-production';
const now = new Date('2026-11-24T07:00:00Z');
const expiresAt = Math.floor(now.getTime() / 1000) + 3600;

describe('subscription tokens', () => {
  it('round-trips a valid token', () => {
    const token = createToken({ email: 'a@example.org', purpose: 'unsubscribe', expiresAt }, secret);
    expect(verifyToken(token, secret, 'unsubscribe', now)).toEqual({
      email: 'a@example.org',
      purpose: 'unsubscribe',
      expiresAt,
    });
  });

  it.each([
    ['another purpose', (t: string) => t, 'confirm' as const, now, secret],
    [
      'an expired token',
      (t: string) => t,
      'unsubscribe' as const,
      new Date(now.getTime() + 7_200_000),
      secret,
    ],
    ['another secret', (t: string) => t, 'unsubscribe' as const, now, 'other'],
    ['a tampered payload', (t: string) => `x${t}`, 'unsubscribe' as const, now, secret],
    ['a tampered signature', (t: string) => `${t.slice(0, -2)}AA`, 'unsubscribe' as const, now, secret],
    ['extra segments', (t: string) => `${t}.x`, 'unsubscribe' as const, now, secret],
    ['garbage', () => 'not-a-token', 'unsubscribe' as const, now, secret],
  ])('rejects %s', (_name, mutate, purpose, at, key) => {
    const token = createToken({ email: 'a@example.org', purpose: 'unsubscribe', expiresAt }, secret);
    expect(verifyToken(mutate(token), key, purpose, at)).toBeUndefined();
  });
});
