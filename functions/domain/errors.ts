/** Error classes of the domain. Messages are one line and safe to show to users. */
import type * as z from './zod.ts';

export class BriefingError extends Error {
  override name = 'BriefingError';
  /** A next step for the user, printed by the CLI on its own line after the message. */
  hint?: string;
}

export class ConfigError extends BriefingError {
  override name = 'ConfigError';
}

/** A manual event or CLI input that failed validation; the message names the field. */
export class InvalidInputError extends BriefingError {
  override name = 'InvalidInputError';
}

export class PreconditionFailedError extends BriefingError {
  override name = 'PreconditionFailedError';
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`precondition failed for ${key}`, options);
  }
}

export class HttpError extends BriefingError {
  override name = 'HttpError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The URL or an address it resolves to is not allowed (scheme, private/reserved network). */
export class BlockedUrlError extends HttpError {
  override name = 'BlockedUrlError';
}

export class ResponseTooLargeError extends HttpError {
  override name = 'ResponseTooLargeError';
}

export class TimeoutError extends HttpError {
  override name = 'TimeoutError';
}

/** An article link that answered with something other than a web page (a PDF, an image...). */
export class NotAPageError extends HttpError {
  override name = 'NotAPageError';
}

/** A document that is not a feed of any supported format. */
export class NotAFeedError extends BriefingError {
  override name = 'NotAFeedError';
}

/**
 * Markup nested deeper than the parsers' guard allows (text/html-guard.ts): a hostile document,
 * refused rather than parsed. Feed text is refused with it; article pages are flattened instead.
 */
export class NestingTooDeepError extends BriefingError {
  override name = 'NestingTooDeepError';
  constructor(
    readonly limit: number,
    options?: ErrorOptions,
  ) {
    super(`markup nested deeper than ${limit} levels`, options);
  }
}

/** A queued request not sent because the run's budget for its stage was spent meanwhile. */
export class SkippedError extends BriefingError {
  override name = 'SkippedError';
}

/**
 * The run stopped before publishing or mailing anything: too many sources failed to answer, so
 * an edition would claim a quiet day it cannot know. The CLI exits non-zero and the Lambda
 * invocation errors (retries, alarms).
 */
export class SourcesFailedError extends BriefingError {
  override name = 'SourcesFailedError';
  constructor(
    readonly unanswered: number,
    readonly total: number,
    readonly maxFailedShare: number,
    /** How many of them failed because their host name did not resolve (no network, no DNS). */
    readonly unresolved: number,
    /** One line per source that did not answer, `name: full error`, for the operator. */
    readonly details: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    const what =
      unanswered === total
        ? `none of the ${total} sources answered`
        : `${unanswered} of ${total} sources did not answer (at most ${Math.round(maxFailedShare * 100)} % may fail)`;
    super(`run failed: ${what}; nothing was published or mailed`, options);
  }
}

/** The public reason of a failure to resolve the host's name (the CLI then suggests --offline). */
export const NAME_NOT_RESOLVED = 'not reachable (name not resolved)';

/**
 * What may be published about a failure: a short reason from the error's kind, never its message
 * (which can carry internal addresses, URLs with keys, or server text).
 */
export function publicReasonOf(error: unknown): string {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  const code = chain.map((e) => (e as NodeJS.ErrnoException).code).find((c) => typeof c === 'string');
  if (chain.some((e) => e instanceof SkippedError)) return 'time budget spent before it was requested';
  if (chain.some((e) => e instanceof BlockedUrlError)) return 'address not allowed';
  if (chain.some((e) => e instanceof TimeoutError)) return 'timed out';
  if (chain.some((e) => e instanceof ResponseTooLargeError)) return 'response too large';
  if (chain.some((e) => e instanceof NotAFeedError)) return 'not a feed';
  if (chain.some((e) => e instanceof NestingTooDeepError)) return 'markup nested too deep';
  if (chain.some((e) => e instanceof NotAPageError)) return 'not a web page';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return NAME_NOT_RESOLVED;
  const http = chain.find((e): e is HttpError => e instanceof HttpError);
  if (http?.status !== undefined && http.status >= 400) return `HTTP ${http.status}`;
  if (http && /redirect/i.test(http.message)) return 'too many redirects';
  if (http?.status !== undefined) return 'bad response';
  if (http) return 'not reachable';
  return 'failed';
}

/**
 * How a mailer failed, so the sender can act without knowing any provider's error shapes:
 * - throttled: over the provider's send rate; wait and try again.
 * - transient: a network or provider fault that may pass; try again a few times.
 * - permanent: this message or recipient will never be accepted as it is.
 * - quota: nothing more can be sent for now (daily quota spent, sending paused, disk full):
 *   stop sending and leave the rest for a later run.
 */
export type MailFailureKind = 'throttled' | 'transient' | 'permanent' | 'quota';

/** Thrown by every Mailer adapter; the message is one line and safe to log. */
export class MailSendError extends BriefingError {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly kind: MailFailureKind,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A one-line, user-safe description of any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const line = error.message.split('\n')[0] ?? '';
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
  }
  return String(error).split('\n')[0] ?? 'unknown error';
}

/** First issue of a zod error as "path.to.field: message". */
export function describeZodError(error: z.core.$ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix}: invalid`;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
  return `${prefix}${path ? ` ${path.replace(/\.\[/g, '[')}` : ''}: ${issue.message}`;
}

/** An abstractive summariser's answer that is not the agreed shape (not JSON, wrong fields). */
export class SummaryFormatError extends BriefingError {
  override name = 'SummaryFormatError';
}

/** The translation service answered without a translation. */
export class TranslationError extends BriefingError {
  override name = 'TranslationError';
}
