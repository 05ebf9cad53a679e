/**
 * Sends one message per recipient, exactly once per edition.
 *
 * Claim protocol, in the private store under dataKeys.sendClaim(editionId, email):
 * 1. Claim: put {status:'claimed'} with ifNoneMatch '*'. Only one run can win it.
 * 2. If the key exists: 'sent' -> skip; 'claimed' recently -> skip (a live run owns it);
 *    'failed', or 'claimed' longer ago than STALE_CLAIM_MS (its run died) -> take it over with
 *    ifMatch on the ETag just read, so of two runs taking over, one wins.
 * 3. Send, then at once put {status:'sent', messageId, providerId, sentAt} with ifMatch.
 * 4. A permanent failure writes {status:'failed'}, releasing the recipient to a later run.
 *
 * The one window left: a run that dies after the provider accepted a message and before step 3
 * lands leaves a 'claimed' record; once it is stale, a later run sends again. Step 3 follows the
 * provider's answer with nothing in between, so the window is one store write long. A crash
 * anywhere else never double-sends: before the send, the recipient is merely delayed until the
 * claim goes stale; after step 3, the record says 'sent'.
 *
 * Store errors while claiming stop the run (it cannot promise exactly-once without the store);
 * mailer errors are per recipient: throttling and transient errors back off and retry within
 * the run, a daily-quota or account-paused error stops sending and leaves the rest unclaimed.
 */
import { z } from 'zod';
import { backoffDelay } from '#domain/backoff.ts';
import { describeError, PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys, keyHash } from '#domain/keys.ts';
import type { Edition, ThemeId } from '#domain/types.ts';
import type { Clock, Logger, Mailer, OutgoingMail, Store } from '#ports/ports.ts';
import { parseStoredJson } from '#state/stored-json.ts';

export interface Recipient {
  email: string;
  themes?: ThemeId[];
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export interface SendReport {
  sent: number;
  skipped: number;
  failed: number;
  failures: { email: string; error: string }[];
}

export interface SendDeps {
  mailer: Mailer;
  /** The private store (send claims live beside subscribers, never under the published site). */
  data: Store;
  clock: Clock;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendInput {
  edition: Edition;
  recipients: readonly Recipient[];
  build: (recipient: Recipient) => Promise<OutgoingMail>;
  ratePerSecond: number;
  /** Attempts per recipient for throttled or transient errors (default 5). */
  maxAttempts?: number;
}

export interface SendClaim {
  status: 'claimed' | 'sent' | 'failed';
  claimedAt: string;
  messageId?: string;
  providerId?: string;
  sentAt?: string;
  error?: string;
  attempts?: number;
}

/**
 * A 'claimed' record older than this belongs to a run that died: Lambda stops any run at 15
 * minutes, and a live run holds a claim only for the seconds one send takes.
 */
export const STALE_CLAIM_MS = 15 * 60_000;

const DEFAULT_MAX_ATTEMPTS = 5;
/** Send retries wait 0.5-1 s, then 1-2 s, 2-4 s, ... at most 30 s. */
const SEND_BACKOFF = { baseMs: 1_000, capMs: 30_000 };
const MARK_ATTEMPTS = 3;

export type SendErrorKind = 'throttled' | 'transient' | 'halt' | 'permanent';

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  retryable?: unknown;
  $retryable?: unknown;
  status?: unknown;
  statusCode?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const HALT_NAMES = new Set([
  'AccountSendingPausedException',
  'SendingPausedException',
  'ConfigurationSetSendingPausedException',
]);
const THROTTLE_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** How a provider error should be handled. SES reports a spent daily quota as 'Throttling' too. */
export function classifySendError(error: unknown): SendErrorKind {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = [e.$metadata?.httpStatusCode, e.statusCode, e.status].find((s) => typeof s === 'number');
  if (/daily message quota exceeded/i.test(message) || HALT_NAMES.has(name)) return 'halt';
  if (
    THROTTLE_NAMES.has(name) ||
    /maximum sending rate exceeded|rate exceeded|throttl/i.test(message) ||
    status === 429
  )
    return 'throttled';
  if (
    e.retryable === true ||
    e.$retryable ||
    (typeof status === 'number' && status >= 500) ||
    (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) ||
    name === 'TimeoutError'
  )
    return 'transient';
  return 'permanent';
}

/**
 * A token bucket holding one token, refilled at `ratePerSecond`: sends are evenly spaced, so no
 * one-second window ever holds more than the provider's maximum send rate. Time is monotonic
 * (pacing, not business time); a test injects both the clock and the sleep.
 */
export function createRateLimiter(
  ratePerSecond: number,
  sleep: (ms: number) => Promise<void>,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
  const interval = 1000 / ratePerSecond;
  let tokens = 1;
  let last = now();
  return async () => {
    const t = now();
    tokens = Math.min(1, tokens + Math.max(0, t - last) / interval);
    last = Math.max(last, t);
    if (tokens >= 1) {
      tokens -= 1;
      return;
    }
    const wait = (1 - tokens) * interval;
    tokens = 0;
    // The wait is spent whether or not the injected sleep really waits: count it as elapsed.
    last += wait;
    await sleep(wait);
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendDigest(deps: SendDeps, input: SendInput): Promise<SendReport> {
  const sleep = deps.sleep ?? realSleep;
  const maxAttempts = Math.max(1, input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const acquire = createRateLimiter(input.ratePerSecond, sleep);
  const editionId = input.edition.id;
  const logger = deps.logger.child({ editionId });
  const report: SendReport = { sent: 0, skipped: 0, failed: 0, failures: [] };
  let halted: string | undefined;

  const fail = (email: string, error: string) => {
    report.failed++;
    report.failures.push({ email, error });
  };

  for (const recipient of input.recipients) {
    const recipientHash = keyHash(recipient.email.toLowerCase());
    if (halted) {
      // Not claimed: the next run picks these recipients up as if new.
      fail(recipient.email, halted);
      continue;
    }
    const key = dataKeys.sendClaim(editionId, recipient.email);
    const claim = await claimSend(deps, key);
    if (!claim) {
      report.skipped++;
      continue;
    }

    let mail: OutgoingMail;
    try {
      mail = await input.build(recipient);
    } catch (error) {
      const message = `could not build the message: ${describeError(error)}`;
      fail(recipient.email, message);
      await releaseClaim(deps, logger, key, claim, message, 0);
      logger.error('send failed', { recipientHash, error: message });
      continue;
    }

    for (let attempt = 1; ; attempt++) {
      await acquire();
      let providerId: string;
      try {
        ({ providerId } = await deps.mailer.send(mail));
      } catch (error) {
        const kind = classifySendError(error);
        const message = describeError(error);
        if ((kind === 'throttled' || kind === 'transient') && attempt < maxAttempts) {
          const backoffMs = backoffDelay(attempt, SEND_BACKOFF);
          logger.warn(kind === 'throttled' ? 'send throttled, backing off' : 'send failed, retrying', {
            recipientHash,
            attempt,
            backoffMs,
            error: message,
          });
          await sleep(backoffMs);
          continue;
        }
        if (kind === 'halt') {
          halted = `not sent: ${message}`;
          logger.error('sending stopped for this run', { error: message });
        }
        fail(recipient.email, message);
        await releaseClaim(deps, logger, key, claim, message, attempt);
        logger.error('send failed', { recipientHash, attempt, error: message, errorKind: kind });
        break;
      }
      // Accepted by the provider: record it before anything else can go wrong.
      await markSent(deps, logger, sleep, key, claim, {
        messageId: mail.messageId,
        providerId,
        attempts: attempt,
      });
      report.sent++;
      break;
    }
  }
  logger.info('digest sent', { sent: report.sent, skipped: report.skipped, failed: report.failed });
  return report;
}

interface HeldClaim {
  etag: string;
  claimedAt: string;
}

const JSON_TYPE = 'application/json';

/** Claims a recipient for this run; undefined when it is sent already or a live run holds it. */
async function claimSend(deps: SendDeps, key: string): Promise<HeldClaim | undefined> {
  const now = deps.clock.now();
  const fresh: SendClaim = { status: 'claimed', claimedAt: now.toISOString() };
  const body = JSON.stringify(fresh);
  try {
    const { etag } = await deps.data.put(key, body, { contentType: JSON_TYPE, ifNoneMatch: '*' });
    return { etag, claimedAt: fresh.claimedAt };
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  const existing = await deps.data.get(key);
  // Deleted between our put and get (an operator clearing sends): leave it to the next run.
  if (!existing?.etag) return undefined;
  const claim = parseClaim(key, existing.body);
  if (claim?.status === 'sent') return undefined;
  if (claim?.status === 'claimed') {
    const age = now.getTime() - Date.parse(claim.claimedAt);
    if (!(age > STALE_CLAIM_MS)) return undefined;
  }
  // 'failed', stale, or unreadable: take over, unless another run does so first.
  try {
    const { etag } = await deps.data.put(key, body, { contentType: JSON_TYPE, ifMatch: existing.etag });
    return { etag, claimedAt: fresh.claimedAt };
  } catch (error) {
    if (error instanceof PreconditionFailedError) return undefined;
    throw error;
  }
}

/** sends/<edition>/<hash>.json; a record of another shape is treated like a failed one. */
const SendClaimSchema: z.ZodType<SendClaim> = z.object({
  status: z.enum(['claimed', 'sent', 'failed']),
  claimedAt: z.string().catch(''),
  messageId: z.string().optional(),
  providerId: z.string().optional(),
  sentAt: z.string().optional(),
  error: z.string().optional(),
  attempts: z.number().optional(),
});

function parseClaim(key: string, body: Buffer): SendClaim | undefined {
  // An unreadable record is retaken like a failed one, never trusted as 'sent'.
  const parsed = parseStoredJson(key, body, SendClaimSchema);
  return parsed.ok ? parsed.value : undefined;
}

async function markSent(
  deps: SendDeps,
  logger: Logger,
  sleep: (ms: number) => Promise<void>,
  key: string,
  claim: HeldClaim,
  sent: { messageId: string; providerId: string; attempts: number },
): Promise<void> {
  const record: SendClaim = {
    status: 'sent',
    claimedAt: claim.claimedAt,
    ...sent,
    sentAt: deps.clock.now().toISOString(),
  };
  for (let attempt = 1; attempt <= MARK_ATTEMPTS; attempt++) {
    try {
      await deps.data.put(key, JSON.stringify(record), { contentType: JSON_TYPE, ifMatch: claim.etag });
      return;
    } catch (error) {
      if (error instanceof PreconditionFailedError) {
        // Our claim went stale and another run took it over: it may send again. Rare and logged.
        logger.warn('send claim taken over after sending', { key, messageId: sent.messageId });
        return;
      }
      if (attempt === MARK_ATTEMPTS) {
        // The message went out; the record stays 'claimed' and is only retaken once stale.
        logger.error('sent but not recorded', {
          key,
          messageId: sent.messageId,
          error: describeError(error),
        });
        return;
      }
      await sleep(100 * attempt);
    }
  }
}

async function releaseClaim(
  deps: SendDeps,
  logger: Logger,
  key: string,
  claim: HeldClaim,
  error: string,
  attempts: number,
): Promise<void> {
  const record: SendClaim = { status: 'failed', claimedAt: claim.claimedAt, error, attempts };
  try {
    await deps.data.put(key, JSON.stringify(record), { contentType: JSON_TYPE, ifMatch: claim.etag });
  } catch (cause) {
    // Left 'claimed', the recipient is retried once the claim is stale.
    logger.warn('could not release send claim', { key, error: describeError(cause) });
  }
}
