/**
 * Sends one message per recipient, exactly once per edition. Each send is claimed in the private
 * store with a conditional write before it is made and marked sent right after the provider
 * accepts it, so a retried or concurrent run skips what is done and finishes the rest. A claim
 * left by a crashed run is taken over once it is stale. Throttling backs off and retries within
 * the run; a permanent failure releases the claim for a later run and is counted.
 */
import { describeError, PreconditionFailedError } from '../domain/errors.ts';
import { dataKeys } from '../domain/keys.ts';
import type { Edition, ThemeId } from '../domain/types.ts';
import type { Clock, Logger, Mailer, OutgoingMail, Store } from '../ports/ports.ts';

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
  data: Store;
  clock: Clock;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

interface Claim {
  status: 'claimed' | 'sent' | 'failed';
  claimedAt: string;
  messageId?: string;
  providerId?: string;
  sentAt?: string;
  error?: string;
  attempts?: number;
}

/** A claim older than this belongs to a run that died; the window a crash could double-send is this short. */
export const STALE_CLAIM_MS = 15 * 60_000;

export async function sendDigest(
  deps: SendDeps,
  input: {
    edition: Edition;
    recipients: readonly Recipient[];
    build: (recipient: Recipient) => Promise<OutgoingMail>;
    ratePerSecond: number;
    maxAttempts?: number;
  },
): Promise<SendReport> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = input.maxAttempts ?? 4;
  const interval = 1000 / input.ratePerSecond;
  const report: SendReport = { sent: 0, skipped: 0, failed: 0, failures: [] };
  let nextSlot = 0;

  for (const recipient of input.recipients) {
    const key = dataKeys.sendClaim(input.edition.id, recipient.email);
    const claim = await claimSend(deps, key);
    if (!claim) {
      report.skipped++;
      continue;
    }
    let etag = claim.etag;
    let attempt = 0;
    for (;;) {
      attempt++;
      const wait = nextSlot - Date.now();
      if (wait > 0) await sleep(wait);
      nextSlot = Math.max(Date.now(), nextSlot) + interval;
      try {
        const mail = await input.build(recipient);
        const { providerId } = await deps.mailer.send(mail);
        const done: Claim = {
          status: 'sent',
          claimedAt: claim.claimedAt,
          messageId: mail.messageId,
          providerId,
          sentAt: deps.clock.now().toISOString(),
          attempts: attempt,
        };
        await deps.data.put(key, JSON.stringify(done), { contentType: 'application/json', ifMatch: etag });
        report.sent++;
        break;
      } catch (error) {
        if (error instanceof PreconditionFailedError) {
          // Another run took the claim over meanwhile; it owns this recipient now.
          report.skipped++;
          break;
        }
        const message = describeError(error);
        if (isThrottling(error) && attempt < maxAttempts) {
          const backoff = Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
          deps.logger.warn('send throttled, backing off', { attempt, backoffMs: Math.round(backoff) });
          await sleep(backoff);
          continue;
        }
        if (isTransient(error) && attempt < maxAttempts) {
          await sleep(500 * attempt);
          continue;
        }
        report.failed++;
        report.failures.push({ email: recipient.email, error: message });
        const failed: Claim = {
          status: 'failed',
          claimedAt: claim.claimedAt,
          error: message,
          attempts: attempt,
        };
        await deps.data
          .put(key, JSON.stringify(failed), { contentType: 'application/json', ifMatch: etag })
          .then((r) => {
            etag = r.etag;
          })
          .catch(() => {});
        deps.logger.error('send failed', { error: message, editionId: input.edition.id });
        break;
      }
    }
  }
  return report;
}

/** Claims a recipient for this run; undefined when it is already sent or owned by a live run. */
async function claimSend(
  deps: SendDeps,
  key: string,
): Promise<{ etag: string; claimedAt: string } | undefined> {
  const now = deps.clock.now();
  const fresh: Claim = { status: 'claimed', claimedAt: now.toISOString() };
  try {
    const { etag } = await deps.data.put(key, JSON.stringify(fresh), {
      contentType: 'application/json',
      ifNoneMatch: '*',
    });
    return { etag, claimedAt: fresh.claimedAt };
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  const existing = await deps.data.get(key);
  if (!existing?.etag) return undefined;
  let claim: Claim;
  try {
    claim = JSON.parse(existing.body.toString('utf8')) as Claim;
  } catch {
    return undefined;
  }
  const stale = claim.status === 'claimed' && now.getTime() - Date.parse(claim.claimedAt) > STALE_CLAIM_MS;
  if (claim.status === 'sent' || (claim.status === 'claimed' && !stale)) return undefined;
  try {
    const { etag } = await deps.data.put(key, JSON.stringify(fresh), {
      contentType: 'application/json',
      ifMatch: existing.etag,
    });
    return { etag, claimedAt: fresh.claimedAt };
  } catch (error) {
    if (error instanceof PreconditionFailedError) return undefined;
    throw error;
  }
}

function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.name === 'Throttling' ||
    e?.name === 'ThrottlingException' ||
    e?.name === 'TooManyRequestsException' ||
    /maximum sending rate exceeded|throttl/i.test(e?.message ?? '') ||
    e?.$metadata?.httpStatusCode === 429
  );
}

function isTransient(error: unknown): boolean {
  const e = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e?.$metadata?.httpStatusCode ?? 0;
  return (
    Boolean(e?.$retryable) || status >= 500 || ['ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e?.code ?? '')
  );
}
