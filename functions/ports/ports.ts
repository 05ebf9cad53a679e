/**
 * Ports: the only ways the core reaches the outside world. Adapters implement them for Lambda
 * (S3, SES, real network) and for a laptop (folder, .eml outbox); tests use the local ones or
 * real protocol servers on 127.0.0.1.
 */

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  /** Conditional GET validators from a previous fetch. */
  etag?: string;
  lastModified?: string;
  /** Cap on the decoded body; larger responses fail with ResponseTooLargeError. */
  maxBytes?: number;
  /**
   * The request's own time budget, retries and their waits included. It counts only time the
   * request holds a connection slot (or waits to retry), never time queued behind other requests.
   */
  timeoutMs?: number;
  /**
   * The run's budget for this stage: a request still queued for a slot when it aborts is never
   * sent and fails with SkippedError; one already sent finishes under its own timeout.
   */
  signal?: AbortSignal;
  /** Whether the URL came from untrusted content (a feed item, a redirect): always address-checked. */
  untrusted?: boolean;
}

export interface HttpResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Raw body bytes (already content-decoded from gzip/br/deflate). Empty for 304. */
  body: Buffer;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
}

export interface HttpClient {
  get(request: HttpRequest): Promise<HttpResponse>;
}

export interface StoredObject {
  body: Buffer;
  contentType?: string;
  etag?: string;
  metadata?: Record<string, string>;
}

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
  metadata?: Record<string, string>;
  /** Write only if the current object has this ETag (optimistic concurrency). */
  ifMatch?: string;
  /** '*' = write only if the key does not exist yet (claims, first writes). */
  ifNoneMatch?: '*';
}

/** A key/value object store: an S3 bucket or a local folder. Keys come from domain/keys.ts. */
export interface Store {
  get(key: string): Promise<StoredObject | undefined>;
  /** Throws PreconditionFailedError when ifMatch/ifNoneMatch does not hold. */
  put(key: string, body: Buffer | string, options: PutOptions): Promise<{ etag: string }>;
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

export interface OutgoingMail {
  from: string;
  to: string;
  /** Complete RFC 5322 message, as composed by the core. */
  raw: Buffer;
  messageId: string;
}

export interface Mailer {
  /** Rejects with MailSendError (domain/errors.ts), whose kind says whether to retry, skip or stop. */
  send(mail: OutgoingMail): Promise<{ providerId: string }>;
}

/**
 * A work queue: SQS in AWS, served in process by the CLI. Messages are small JSON documents
 * (a batch of recipients and an edition id, never the mail itself).
 */
export interface Queue {
  /**
   * Resolves once every message is accepted (durably queued, or already processed when
   * `consumed` is true: the in-process queue runs its consumer before it returns).
   */
  enqueue(bodies: readonly string[]): Promise<{ consumed: boolean }>;
}

export interface Clock {
  now(): Date;
}

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line (e.g. editionId). */
  child(fields: LogFields): Logger;
}

/** Stage progress for a terminal display; the Lambda ignores it. */
export type ProgressEvent =
  | { kind: 'stage'; stage: string }
  | { kind: 'feeds'; done: number; total: number }
  | { kind: 'articles'; done: number; total: number };

export interface Progress {
  report(event: ProgressEvent): void;
}

export const silentProgress: Progress = { report() {} };

/** A logger that drops everything: tests, and operator commands that report by other means. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};

/** The templates of pages and mails (templates/) and the static files beside them. */
export interface Templates {
  /** Identifies the template set (its folder): caches keyed by it stay per set. */
  id: string;
  /** Renders templates/<name>.eta with `it` = data (name without the .eta). */
  render(name: string, data: object): string;
  /** A static file under templates/ ("site/assets/site.css"), or undefined when absent. */
  asset(path: string): Buffer | undefined;
}

/**
 * What an abstractive summariser is given for one story: its clustered reports, numbered from
 * 1, and the baselines of its themes (background from the reference documents, not news).
 */
export interface SummaryRequest {
  storyId: string;
  title: string;
  reports: { n: number; source: string; title: string; url: string; text: string }[];
  baselines: { theme: string; text: string }[];
}

/** One sentence of an abstractive summary and the number of the report it rests on. */
export interface CitedSentence {
  text: string;
  cite: number;
}

/**
 * An abstractive summariser (Amazon Bedrock). Resolves with the model's cited sentences as
 * given; rejects on any failure (throttling, a timeout, an answer that is not the agreed JSON).
 * The edition checks every sentence against its cited report and keeps the extractive summary
 * when nothing survives.
 */
export interface Summariser {
  summarise(request: SummaryRequest): Promise<CitedSentence[]>;
}

/** An item as shown to a relevance reviewer: what a reader of the feed sees. */
export interface ReviewItem {
  id: string;
  title: string;
  summary?: string;
  language?: string;
}

/** A reviewer's verdict on one item, with its rationale in a sentence or two. */
export interface RelevanceVerdict {
  relevant: boolean;
  /** How sure the reviewer is, 0.5..1. */
  confidence: number;
  rationale: string;
  /** Which model gave it (e.g. the Bedrock model id). */
  model: string;
}

/**
 * A second opinion on relevance (Amazon Bedrock), asked only for items the local model is unsure
 * of. `review` throws on any failure; the caller falls back to the local model.
 */
export interface RelevanceReviewer {
  /** Upper estimate of what reviewing this item costs, in US dollars (for the per-run cap). */
  estimateCostUsd(item: ReviewItem): number;
  review(item: ReviewItem): Promise<RelevanceVerdict>;
}

/**
 * Machine translation of a short text (a headline) into English (Amazon Translate). Resolves
 * with the translation; rejects on any failure. The edition caches translations and caps the
 * calls per run; a failed translation leaves the headline as it was.
 */
export interface Translator {
  /** `sourceLanguage`: a primary language subtag ("pl", "ru"), or "auto" to let the service detect it. */
  translate(text: string, sourceLanguage: string): Promise<string>;
}
