/** Error classes of the domain. Messages are one line and safe to show to users. */
import type { z } from 'zod';

export class BriefingError extends Error {
  override name = 'BriefingError';
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

/** A document that is not a feed of any supported format. */
export class NotAFeedError extends BriefingError {
  override name = 'NotAFeedError';
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
export function describeZodError(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix}: invalid`;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
  return `${prefix}${path ? ` ${path.replace(/\.\[/g, '[')}` : ''}: ${issue.message}`;
}

/** An abstractive summariser's answer that is not the agreed shape (not JSON, wrong fields). */
export class SummaryFormatError extends BriefingError {
  override name = 'SummaryFormatError';
}
