/**
 * The one way stored JSON documents (seen items, source health, feed and article caches,
 * subscribers, the archive index, editions) are read and written.
 *
 * - Every read goes through the document's zod schema. A document of the wrong shape (or not
 *   JSON at all) is reported with one line naming the key and the field, copied aside under
 *   `corrupt/<key>@<hash>` (kept, never deleted) and handed to the caller as `corrupt`, so the
 *   caller continues with what is safe instead of crashing half-way or silently resetting.
 * - Read-modify-write goes through `updateStoredJson`: a conditional put (If-Match on the ETag
 *   read, If-None-Match: * when the key was absent) retried with jittered backoff when another
 *   writer won the race, so concurrent runs and Lambda instances never lose each other's writes.
 */
import { backoffDelay } from '#domain/backoff.ts';
import { describeError, PreconditionFailedError } from '#domain/errors.ts';
import { corruptCopyKey, keyHash } from '#domain/keys.ts';
import * as z from '#domain/zod.ts';
import type { Logger, PutOptions, Store } from '#ports/ports.ts';

/** A stored document that did not match its schema, as reported to the caller and the run report. */
export interface CorruptDocument {
  key: string;
  /** One line: `<key>: <field>: <what is wrong>`. */
  problem: string;
  /** Where the unreadable bytes were kept; absent when the copy could not be written. */
  keptAs?: string;
}

export type StoredRead<T> =
  | { status: 'absent' }
  | { status: 'ok'; value: T; etag?: string }
  | ({ status: 'corrupt'; etag?: string } & CorruptDocument);

export interface StateContext {
  store: Store;
  logger: Logger;
  /** Told about every corrupt document met (once per read), e.g. to list them in the run report. */
  onCorrupt?: (document: CorruptDocument) => void;
  /** Report corrupt documents but copy nothing aside (a dry run stores nothing). */
  readOnly?: boolean;
}

export interface UpdateOptions {
  /** Conditional puts tried before giving up with PreconditionFailedError. */
  attempts?: number;
  contentType?: string;
  cacheControl?: string;
  /** Indented JSON for documents an operator reads by hand. */
  pretty?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

const JSON_TYPE = 'application/json';
const CONFLICT_BACKOFF = { baseMs: 50, capMs: 1000 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Parses stored bytes against a schema; the problem line names the key and the first bad field. */
export function parseStoredJson<T>(
  key: string,
  body: Buffer,
  schema: z.core.$ZodType<T>,
): { ok: true; value: T } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return { ok: false, problem: `${key}: not valid JSON (${describeError(error)})` };
  }
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(document)';
  return { ok: false, problem: `${key}: ${field}: ${issue?.message ?? 'invalid'}` };
}

/** Reads and validates one document; a corrupt one is kept aside and reported, never thrown. */
export async function readStoredJson<T>(
  context: StateContext,
  key: string,
  schema: z.core.$ZodType<T>,
): Promise<StoredRead<T>> {
  const object = await context.store.get(key);
  if (!object) return { status: 'absent' };
  const etag = object.etag ? { etag: object.etag } : {};
  const parsed = parseStoredJson(key, object.body, schema);
  if (parsed.ok) return { status: 'ok', value: parsed.value, ...etag };
  const document: CorruptDocument = { key, problem: parsed.problem };
  const keptAs = context.readOnly
    ? undefined
    : await keepAside(context, key, object.body, object.contentType);
  if (keptAs) document.keptAs = keptAs;
  context.logger.warn('stored document is corrupt', { ...document });
  context.onCorrupt?.(document);
  return { status: 'corrupt', ...document, ...etag };
}

/** The document's value, or undefined when it is absent or corrupt (already reported). */
export async function readStoredValue<T>(
  context: StateContext,
  key: string,
  schema: z.core.$ZodType<T>,
): Promise<T | undefined> {
  const read = await readStoredJson(context, key, schema);
  return read.status === 'ok' ? read.value : undefined;
}

/**
 * Read-modify-write under optimistic concurrency. `change` gets the current value (undefined when
 * absent or corrupt; `read` says which) and returns the next value, or undefined for "no change".
 * It may run several times, so it must be a pure function of its input.
 */
export async function updateStoredJson<T>(
  context: StateContext,
  key: string,
  schema: z.core.$ZodType<T>,
  change: (current: T | undefined, read: StoredRead<T>) => T | undefined,
  options: UpdateOptions = {},
): Promise<{ value: T | undefined; written: boolean }> {
  const attempts = options.attempts ?? 10;
  const sleep = options.sleep ?? defaultSleep;
  let reported = false;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    // A corrupt document is reported (and kept) once, however often the write is retried.
    const read = await readStoredJson(reported ? { ...context, onCorrupt: undefined } : context, key, schema);
    if (read.status === 'corrupt') reported = true;
    const current = read.status === 'ok' ? read.value : undefined;
    const next = change(current, read);
    if (next === undefined) return { value: current, written: false };
    try {
      await context.store.put(key, serialise(next, options.pretty), {
        contentType: options.contentType ?? JSON_TYPE,
        ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
        ...(read.status !== 'absent' && read.etag ? { ifMatch: read.etag } : { ifNoneMatch: '*' as const }),
      });
      return { value: next, written: true };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (attempt < attempts) await sleep(backoffDelay(attempt, CONFLICT_BACKOFF));
    }
  }
  throw new PreconditionFailedError(key);
}

/**
 * A write of a document whose key only this run writes (caches, run reports); with `ifAbsent`,
 * only when the key does not exist yet (PreconditionFailedError otherwise).
 */
export async function writeStoredJson(
  store: Store,
  key: string,
  value: unknown,
  options: Omit<UpdateOptions, 'attempts' | 'sleep'> & { ifAbsent?: boolean } = {},
): Promise<{ etag: string }> {
  const put: PutOptions = { contentType: options.contentType ?? JSON_TYPE };
  if (options.cacheControl) put.cacheControl = options.cacheControl;
  if (options.ifAbsent) put.ifNoneMatch = '*';
  return store.put(key, serialise(value, options.pretty), put);
}

function serialise(value: unknown, pretty = false): string {
  return pretty ? `${JSON.stringify(value, null, 2)}\n` : JSON.stringify(value);
}

/** Copies the bytes to `corrupt/<key>@<hash>`: idempotent, so a document met again is kept once. */
async function keepAside(
  context: StateContext,
  key: string,
  body: Buffer,
  contentType: string | undefined,
): Promise<string | undefined> {
  const target = corruptCopyKey(key, keyHash(body.toString('base64')));
  try {
    await context.store.put(target, body, { contentType: contentType ?? JSON_TYPE, ifNoneMatch: '*' });
  } catch (error) {
    if (error instanceof PreconditionFailedError) return target;
    context.logger.warn('corrupt document not kept aside', { key, target, error: describeError(error) });
    return undefined;
  }
  return target;
}

/**
 * The corrupt documents one run meets, for its report: a document met twice (read, then replaced
 * by a write) is listed once.
 */
export function corruptDocumentList(): {
  documents: CorruptDocument[];
  note: (document: CorruptDocument) => void;
} {
  const documents: CorruptDocument[] = [];
  const note = (document: CorruptDocument) => {
    if (!documents.some((c) => c.key === document.key && c.keptAs === document.keptAs))
      documents.push(document);
  };
  return { documents, note };
}
