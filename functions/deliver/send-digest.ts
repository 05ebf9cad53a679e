/**
 * Sends one message per recipient, exactly once per edition, across crashes, re-runs,
 * redelivered queue messages and concurrent senders.
 *
 * Claim protocol, in the private store under dataKeys.sendClaim(editionId, email):
 * 1. Look first: a 'sent' record -> skipped; a live claim of another sender, or a record that
 *    cannot be read, -> pending.
 * 2. Build the message and wait for the rate limiter while holding nothing.
 * 3. Claim as late as possible: put {status:'claimed'} with ifNoneMatch '*', or with ifMatch on
 *    the ETag of a 'failed' or lapsed record. Of two senders one wins; the other looks again.
 * 4. Send, then at once record {status:'sent', messageId, providerId, sentAt} with ifMatch.
 * 5. A failed send releases the claim as {status:'failed'}, so a later attempt may take it.
 *
 * A sender holds a claim for one provider call (seconds); a claim older than `leaseMs` belongs to
 * a sender that died between steps 3 and 4, and the next attempt takes it over and sends. The one
 * window left: a death after the provider accepted the message and before step 4 landed (one
 * store write long) gives that recipient a second copy with the same Message-ID. A death anywhere
 * else loses nobody and repeats nothing: before the claim nothing is held, after step 4 the record
 * says 'sent'.
 *
 * Store errors while looking or claiming stop the run (exactly-once needs the store); mailer
 * errors are per recipient and typed (MailSendError): throttled and transient ones back off and
 * retry, a permanent one fails that recipient, 'quota' stops sending and defers the rest.
 */
import { backoffDelay } from '#domain/backoff.ts';
import {
  describeError,
  type MailFailureKind,
  MailSendError,
  PreconditionFailedError,
} from '#domain/errors.ts';
import { dataKeys, keyHash } from '#domain/keys.ts';
import * as z from '#domain/zod.ts';
import type { Clock, Logger, Mailer, OutgoingMail, Store } from '#ports/ports.ts';
import { parseStoredJson } from '#state/stored-json.ts';

export interface SendReport {
  /** Mailed by this run. */
  sent: number;
  /** Mailed before (an earlier run or delivery already recorded it). */
  skipped: number;
  /** Claimed by another sender that has not recorded a result: finished by a later attempt once its lease lapses. */
  pending: number;
  /** Not mailed because the address bounced, complained or left the list. */
  suppressed: number;
  /** Refused for good in this run (a permanent error, or a message that could not be built). */
  failed: number;
  /** Not tried or not finished now (throttled past the attempts, quota spent, out of time): retry later. */
  deferred: number;
  failures: { email: string; error: string }[];
  /** Set when the mailer said nothing more can be sent for now (quota): the reason. */
  halted?: string;
}

export interface SendDeps {
  mailer: Mailer;
  /** The private store (send claims live beside subscribers, never under the published site). */
  data: Store;
  /** Real time: claims are compared across processes, so never a pinned business clock. */
  clock: Clock;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendInput<R extends { email: string }> {
  editionId: string;
  recipients: readonly R[];
  build: (recipient: R) => Promise<OutgoingMail>;
  /** Why this recipient must not be mailed now (bounced, unsubscribed), checked before claiming. */
  suppression?: (recipient: R) => Promise<string | undefined>;
  /** Waits for a send slot; one limiter shared by every batch a process sends keeps the rate. */
  acquire: () => Promise<void>;
  /** How long a claim protects a recipient (see the protocol above). */
  leaseMs: number;
  /** Attempts per recipient for throttled or transient errors (default 5). */
  maxAttempts?: number;
  /** True when no time is left to start another send (a Lambda near its timeout). */
  outOfTime?: () => boolean;
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

const DEFAULT_MAX_ATTEMPTS = 5;
/** Send retries wait 0.5-1 s, then 1-2 s, 2-4 s, ... at most 30 s. */
const SEND_BACKOFF = { baseMs: 1_000, capMs: 30_000 };
const MARK_ATTEMPTS = 3;
const JSON_TYPE = 'application/json';

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

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What became of one recipient. */
type Outcome = 'sent' | 'skipped' | 'pending' | 'suppressed' | 'failed' | 'deferred';

interface Seen {
  claim?: SendClaim;
  etag?: string;
}

export async function sendDigest<R extends { email: string }>(
  deps: SendDeps,
  input: SendInput<R>,
): Promise<SendReport> {
  const sleep = deps.sleep ?? realSleep;
  const maxAttempts = Math.max(1, input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const logger = deps.logger.child({ editionId: input.editionId });
  const report: SendReport = {
    sent: 0,
    skipped: 0,
    pending: 0,
    suppressed: 0,
    failed: 0,
    deferred: 0,
    failures: [],
  };
  let halted: string | undefined;

  const judge = (seen: Seen, key: string): 'sent' | 'held' | 'free' => {
    if (seen.etag && !seen.claim) {
      // Unreadable: trusted neither as sent nor as free (retaking it could mail twice). Pending
      // until an operator deletes it; logged so they can.
      logger.error('send record unreadable', { key });
      return 'held';
    }
    if (seen.claim?.status === 'sent') return 'sent';
    if (seen.claim?.status !== 'claimed') return 'free';
    const age = deps.clock.now().getTime() - Date.parse(seen.claim.claimedAt);
    return age > input.leaseMs ? 'free' : 'held';
  };

  const sendOne = async (recipient: R): Promise<{ outcome: Outcome; error?: string }> => {
    if (halted) return { outcome: 'deferred', error: halted };
    const key = dataKeys.sendClaim(input.editionId, recipient.email);
    const recipientHash = keyHash(recipient.email.toLowerCase());
    let seen = await look(deps.data, key);
    const first = judge(seen, key);
    if (first === 'sent') return { outcome: 'skipped' };
    if (first === 'held') return { outcome: 'pending' };
    const suppressed = await input.suppression?.(recipient);
    if (suppressed) return { outcome: 'suppressed', error: suppressed };

    let mail: OutgoingMail;
    try {
      mail = await input.build(recipient);
    } catch (error) {
      const message = `could not build the message: ${describeError(error)}`;
      logger.error('send failed', { recipientHash, error: message });
      return { outcome: 'failed', error: message };
    }

    let held: Held | undefined;
    for (let attempt = 1; ; attempt++) {
      if (input.outOfTime?.()) return { outcome: 'deferred', error: 'out of time' };
      await input.acquire();
      if (!held) {
        const taken = await take(deps, key, seen);
        if ('lost' in taken) {
          // Another sender claimed or finished it between our look and our claim.
          return { outcome: judge(taken.lost, key) === 'sent' ? 'skipped' : 'pending' };
        }
        held = taken;
      }
      logger.debug('claimed', { recipientHash, attempt });
      let providerId: string;
      try {
        ({ providerId } = await deps.mailer.send(mail));
      } catch (error) {
        const kind: MailFailureKind = error instanceof MailSendError ? error.kind : 'permanent';
        const message = describeError(error);
        const released = await release(deps, logger, key, held, message, attempt);
        if (released === 'lost') return { outcome: 'pending' };
        if (released) {
          seen = released;
          held = undefined;
        }
        if (kind === 'quota') {
          halted = `not sent: ${message}`;
          logger.error('sending stopped for this run', { error: message });
          return { outcome: 'deferred', error: message };
        }
        const retryable = kind === 'throttled' || kind === 'transient';
        if (retryable && attempt < maxAttempts) {
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
        logger.error('send failed', { recipientHash, attempt, error: message, errorKind: kind });
        return { outcome: retryable ? 'deferred' : 'failed', error: message };
      }
      // Accepted by the provider: record it before anything else can go wrong.
      await markSent(deps, logger, sleep, key, held, {
        messageId: mail.messageId,
        providerId,
        attempts: attempt,
      });
      logger.debug('sent', { recipientHash, attempt });
      return { outcome: 'sent' };
    }
  };

  for (const recipient of input.recipients) {
    const { outcome, error } = await sendOne(recipient);
    report[outcome]++;
    if (error && (outcome === 'failed' || outcome === 'deferred'))
      report.failures.push({ email: recipient.email, error });
  }
  if (halted) report.halted = halted;
  logger.info('digest sent', {
    sent: report.sent,
    skipped: report.skipped,
    pending: report.pending,
    suppressed: report.suppressed,
    failed: report.failed,
    deferred: report.deferred,
  });
  return report;
}

interface Held {
  etag: string;
  claimedAt: string;
}

async function look(data: Store, key: string): Promise<Seen> {
  const object = await data.get(key);
  if (!object) return {};
  return { claim: parseClaim(key, object.body), ...(object.etag ? { etag: object.etag } : {}) };
}

/** Claims a free record: a first write, or a takeover conditional on the ETag we judged. */
async function take(deps: SendDeps, key: string, seen: Seen): Promise<Held | { lost: Seen }> {
  const claimedAt = deps.clock.now().toISOString();
  const body = JSON.stringify({ status: 'claimed', claimedAt } satisfies SendClaim);
  try {
    const { etag } = await deps.data.put(key, body, {
      contentType: JSON_TYPE,
      ...(seen.etag ? { ifMatch: seen.etag } : { ifNoneMatch: '*' as const }),
    });
    return { etag, claimedAt };
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    return { lost: await look(deps.data, key) };
  }
}

/** sends/<edition>/<hash>.json; a record of another shape is unreadable (see judge() in sendDigest). */
const SendClaimSchema: z.ZodMiniType<SendClaim> = z.object({
  status: z.enum(['claimed', 'sent', 'failed']),
  claimedAt: z.catch(z.string(), ''),
  messageId: z.optional(z.string()),
  providerId: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  error: z.optional(z.string()),
  attempts: z.optional(z.number()),
});

function parseClaim(key: string, body: Buffer): SendClaim | undefined {
  const parsed = parseStoredJson(key, body, SendClaimSchema);
  return parsed.ok ? parsed.value : undefined;
}

async function markSent(
  deps: SendDeps,
  logger: Logger,
  sleep: (ms: number) => Promise<void>,
  key: string,
  claim: Held,
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
        // Our claim lapsed and another sender took it over: it may send again. Rare and logged.
        logger.warn('send claim taken over after sending', { key, messageId: sent.messageId });
        return;
      }
      if (attempt === MARK_ATTEMPTS) {
        // The message went out; the record stays 'claimed' and is retaken only once it lapses.
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

/**
 * Marks the claim 'failed' so a later attempt may take it. 'lost': another sender took the claim
 * over meanwhile; undefined: the write failed and the claim is still ours.
 */
async function release(
  deps: SendDeps,
  logger: Logger,
  key: string,
  claim: Held,
  error: string,
  attempts: number,
): Promise<Seen | 'lost' | undefined> {
  const record: SendClaim = { status: 'failed', claimedAt: claim.claimedAt, error, attempts };
  try {
    const { etag } = await deps.data.put(key, JSON.stringify(record), {
      contentType: JSON_TYPE,
      ifMatch: claim.etag,
    });
    return { claim: record, etag };
  } catch (cause) {
    if (cause instanceof PreconditionFailedError) return 'lost';
    // Left 'claimed', the recipient is retried once the lease lapses.
    logger.warn('could not release send claim', { key, error: describeError(cause) });
    return undefined;
  }
}
