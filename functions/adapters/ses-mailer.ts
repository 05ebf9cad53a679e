/**
 * The Mailer port on Amazon SES SendRawEmail: the raw message carries the List-Unsubscribe
 * headers (RFC 8058) that SES's simple API cannot set. Every SES or network error becomes a
 * MailSendError whose kind tells the sender what to do, so no code past this file knows SES's
 * error shapes. The client should be built with maxAttempts 1: the sender owns retries, paced
 * by its rate limiter, and does not stack them on the SDK's.
 */
import type { SESClient } from '@aws-sdk/client-ses';
import { describeError, type MailFailureKind, MailSendError } from '#domain/errors.ts';
import type { Mailer, OutgoingMail } from '#ports/ports.ts';

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const QUOTA_NAMES = new Set([
  'AccountSendingPausedException',
  'SendingPausedException',
  'ConfigurationSetSendingPausedException',
]);
const THROTTLE_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** SES's answer mapped to what the sender should do. SES reports a spent daily quota as 'Throttling' too. */
export function classifySesError(error: unknown): MailFailureKind {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = e.$metadata?.httpStatusCode;
  if (/daily message quota exceeded/i.test(message) || QUOTA_NAMES.has(name)) return 'quota';
  if (
    THROTTLE_NAMES.has(name) ||
    /maximum sending rate exceeded|rate exceeded/i.test(message) ||
    status === 429
  )
    return 'throttled';
  if (
    e.$retryable ||
    (typeof status === 'number' && status >= 500) ||
    (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) ||
    TIMEOUT_NAMES.has(name)
  )
    return 'transient';
  return 'permanent';
}

export function createSesMailer({
  client,
  configurationSet,
}: {
  client: SESClient;
  configurationSet?: string;
}): Mailer {
  return {
    async send(mail: OutgoingMail) {
      // Loaded on first use, not with the bundle, like the client (handlers/aws-deps.ts).
      const { SendRawEmailCommand } = await import('@aws-sdk/client-ses');
      try {
        const out = await client.send(
          new SendRawEmailCommand({
            Source: mail.from,
            Destinations: [mail.to],
            RawMessage: { Data: mail.raw },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          }),
        );
        return { providerId: out.MessageId ?? '' };
      } catch (error) {
        throw new MailSendError(describeError(error), classifySesError(error), { cause: error });
      }
    },
  };
}
