/**
 * Who receives an edition: explicit recipients only (an ad-hoc run), or the confirmed list plus
 * the fixed ones from config. A recipient is an address, its theme choice and where it came
 * from, small enough to travel in a queue message; links and mail are made at send time.
 */
import type { Config } from '#config/schema.ts';
import { dataKeys } from '#domain/keys.ts';
import type { RunRequest } from '#domain/run-request.ts';
import { isDeliverable, type Subscriber, SubscriberSchema } from '#domain/subscriber.ts';
import { ThemeIdSchema } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Logger, Store } from '#ports/ports.ts';
import { type CorruptDocument, parseStoredJson, readStoredValue } from '#state/stored-json.ts';

export const RecipientSchema = z.object({
  // Checked where each address entered (sign-up, config, --to), by rules wider than z.email():
  // re-checking here would poison a whole queue message over one unusual but valid address.
  email: z.string().check(z.minLength(3), z.maxLength(254), z.includes('@')),
  themes: z.optional(z.array(ThemeIdSchema).check(z.minLength(1))),
  /** subscriber: a confirmed list member; fixed: config.delivery.recipients; explicit: --to. */
  kind: z.enum(['subscriber', 'fixed', 'explicit']),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/** Explicit recipients replace the list entirely; otherwise confirmed subscribers plus fixed ones. */
export async function resolveRecipients(
  deps: { data: Store; logger: Logger; onCorrupt?: (document: CorruptDocument) => void },
  config: Config,
  request: RunRequest,
): Promise<Recipient[]> {
  if (request.recipients) {
    return dedupe(request.recipients).map((email) => ({
      email,
      kind: 'explicit' as const,
      ...(request.themes && request.themes.length > 0 ? { themes: request.themes } : {}),
    }));
  }
  const byEmail = new Map<string, Recipient>();
  const keys = await deps.data.list(dataKeys.subscribersPrefix());
  // A corrupt record is reported with its key and field, kept aside and skipped (state helper).
  const state = {
    store: deps.data,
    logger: deps.logger,
    ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}),
  };
  const records = await mapInFlight(keys, READS_IN_FLIGHT, (key) =>
    readStoredValue(state, key, SubscriberSchema),
  );
  for (const record of records) {
    if (!record || !isDeliverable(record)) continue;
    const email = record.email.toLowerCase();
    byEmail.set(email, {
      email,
      kind: 'subscriber',
      ...(record.themes && record.themes.length > 0 ? { themes: record.themes } : {}),
    });
  }
  for (const email of dedupe(config.delivery.recipients)) {
    if (!byEmail.has(email)) byEmail.set(email, { email, kind: 'fixed' });
  }
  return [...byEmail.values()];
}

/**
 * One record per subscriber: read one after another, 100,000 of them at ~15 ms each would take
 * 25 minutes, past the digest's timeout; 32 at a time takes under a minute (README, scaling).
 */
const READS_IN_FLIGHT = 32;

/** `fn` over `items` with at most `limit` calls in flight; results in the items' order. */
async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Read again just before sending: an address that bounced, complained or left the list since
 * the run began is not mailed. Fixed and explicit recipients have no subscription, but a bounce
 * or complaint is remembered for them too (a record with that status) and honoured here.
 */
export async function suppressionOf(data: Store, recipient: Recipient): Promise<string | undefined> {
  const record = await peekSubscriber(data, recipient.email);
  if (record === 'unreadable')
    return recipient.kind === 'subscriber' ? 'subscriber record unreadable' : undefined;
  if (record?.status === 'bounced' || record?.status === 'complained') return record.status;
  if (recipient.kind === 'subscriber' && (!record || !isDeliverable(record)))
    return record ? record.status : 'no longer subscribed';
  return undefined;
}

/**
 * A subscriber's record as stored, read only: for readers that may not keep a corrupt copy aside
 * (the sender's role writes only sends/; the operator's import pre-check leaves that to subscribe()).
 */
export async function peekSubscriber(
  data: Store,
  email: string,
): Promise<Subscriber | 'unreadable' | undefined> {
  const key = dataKeys.subscriber(email);
  const object = await data.get(key);
  if (!object) return undefined;
  const parsed = parseStoredJson(key, object.body, SubscriberSchema);
  return parsed.ok ? parsed.value : 'unreadable';
}

function dedupe(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))];
}
