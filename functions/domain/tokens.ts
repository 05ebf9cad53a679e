/**
 * Signed, expiring tokens for subscription links (confirm, unsubscribe, preferences).
 * HMAC-SHA256 over a compact JSON payload; the secret comes from Secrets Manager in AWS and
 * from the private store locally, never from code or plain environment variables.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'confirm' | 'unsubscribe' | 'preferences';

export interface TokenPayload {
  email: string;
  purpose: TokenPurpose;
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sign(body: string, secret: string): string {
  return b64(createHmac('sha256', secret).update(body).digest());
}

export function createToken(payload: TokenPayload, secret: string): string {
  const body = b64(JSON.stringify({ e: payload.email, p: payload.purpose, x: payload.expiresAt }));
  return `${body}.${sign(body, secret)}`;
}

/** Returns the payload when the token is authentic, of the expected purpose and not expired. */
export function verifyToken(
  token: string,
  secret: string,
  expected: TokenPurpose,
  now: Date,
): TokenPayload | undefined {
  if (token.length > 1024) return undefined;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const wanted = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return undefined;
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof raw.e !== 'string' || raw.p !== expected || typeof raw.x !== 'number') return undefined;
    if (raw.x * 1000 < now.getTime()) return undefined;
    return { email: raw.e, purpose: expected, expiresAt: raw.x };
  } catch {
    return undefined;
  }
}
