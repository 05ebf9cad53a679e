/**
 * Fan-out: the digest splits the recipients into queue messages (an edition id and up to
 * batchSize recipients each, never the mail), and senders turn each message into mail with the
 * claim protocol of send-digest.ts, so a redelivered message mails nobody twice.
 *
 * A message is done when every recipient in it is sent, skipped as sent before, suppressed or
 * refused for good; it is handed back for redelivery when any recipient is pending (another
 * sender's claim, finished once its lease lapses) or deferred (throttled, quota, out of time),
 * and when it cannot be read at all (after the queue's receive limit it goes to the DLQ).
 */
import type { Config } from '#config/schema.ts';
import { describeError } from '#domain/errors.ts';
import { isValidEditionId } from '#domain/keys.ts';
import type { Edition } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Clock, Logger, Mailer, Store, Templates } from '#ports/ports.ts';
import { type BatchOutcome, loadSendEdition, recordBatchOutcome } from './delivery-records.ts';
import { createDigestMailBuilder } from './digest-mail.ts';
import { type Recipient, RecipientSchema, suppressionOf } from './recipients.ts';
import { sendDigest } from './send-digest.ts';

export const SendMessageSchema = z.strictObject({
  v: z.literal(1),
  editionId: z.string().check(z.refine(isValidEditionId, 'not an edition id')),
  batch: z.number().check(z.int(), z.minimum(0)),
  recipients: z.array(RecipientSchema).check(z.minLength(1), z.maxLength(500)),
});
export type SendMessage = z.infer<typeof SendMessageSchema>;

/** One message body per batch of recipients, numbered from 0. */
export function batchMessages(
  editionId: string,
  recipients: readonly Recipient[],
  batchSize: number,
): string[] {
  const bodies: string[] = [];
  for (let start = 0, batch = 0; start < recipients.length; start += batchSize, batch++) {
    const message: SendMessage = {
      v: 1,
      editionId,
      batch,
      recipients: recipients.slice(start, start + batchSize),
    };
    bodies.push(JSON.stringify(message));
  }
  return bodies;
}

export interface SenderDeps {
  data: Store;
  mailer: Mailer;
  /** Real time, for claims, the Date header and link lifetimes. */
  clock: Clock;
  logger: Logger;
  templates: Templates;
  signingSecret: string;
  /** The process's rate limiter (createRateLimiter), shared by every message it sends. */
  acquire: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

/** The rate each sender keeps so that all of them together stay under the account's rate. */
export function senderRatePerSecond(config: Config, concurrentSenders: number): number {
  return config.delivery.sendRatePerSecond / Math.max(1, concurrentSenders);
}

export type MessageResult =
  | { done: true; outcome: BatchOutcome }
  | { done: false; reason: string; outcome?: BatchOutcome; halted?: boolean };

export interface ProcessOptions {
  /** How many times the queue has handed this message out (1 the first time). */
  receiveCount: number;
  outOfTime?: () => boolean;
  /** Editions already read by this process, so a batch of messages reads each once. */
  editions?: Map<string, Edition>;
}

export async function processSendMessage(
  deps: SenderDeps,
  config: Config,
  body: string,
  options: ProcessOptions,
): Promise<MessageResult> {
  const message = parseSendMessage(body);
  if (typeof message === 'string') return { done: false, reason: message };
  const logger = deps.logger.child({ editionId: message.editionId, batch: message.batch });
  const cached = options.editions?.get(message.editionId);
  const loaded = cached
    ? { edition: cached }
    : // Read-only: the sender never rewrites the edition, so a corrupt one stays where it is for
      // the operator, and the sender needs no write access beyond sends/.
      await loadSendEdition({ store: deps.data, logger, readOnly: true }, message.editionId);
  if ('problem' in loaded) return { done: false, reason: loaded.problem };
  const { edition } = loaded;
  options.editions?.set(edition.id, edition);

  const report = await sendDigest(
    { ...deps, logger },
    {
      editionId: edition.id,
      recipients: message.recipients,
      build: createDigestMailBuilder(deps, config, edition),
      suppression: (recipient) => suppressionOf(deps.data, recipient),
      acquire: deps.acquire,
      leaseMs: config.delivery.claimLeaseSeconds * 1000,
      ...(options.outOfTime ? { outOfTime: options.outOfTime } : {}),
    },
  );
  const outcome = await recordBatchOutcome(
    deps.data,
    {
      editionId: edition.id,
      batch: message.batch,
      recipients: message.recipients.length,
      receiveCount: options.receiveCount,
      at: deps.clock.now(),
    },
    report,
  );
  if (report.pending === 0 && report.deferred === 0) return { done: true, outcome };
  return {
    done: false,
    reason: `${report.pending} pending, ${report.deferred} deferred`,
    outcome,
    ...(report.halted ? { halted: true } : {}),
  };
}

function parseSendMessage(body: string): SendMessage | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'message is not JSON';
  }
  const parsed = SendMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `message ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`.replace(' :', ':');
  }
  return parsed.data;
}

export interface QueueRecord {
  id: string;
  body: string;
  receiveCount: number;
}

/**
 * A delivery of several messages (one Lambda invocation): each in turn; the ids of those to
 * hand back. Once sending is halted (quota), the rest are handed back untouched.
 */
export async function processSendRecords(
  deps: SenderDeps,
  config: Config,
  records: readonly QueueRecord[],
  options: { outOfTime?: () => boolean; editions?: Map<string, Edition> } = {},
): Promise<string[]> {
  const failed: string[] = [];
  let halted = false;
  for (const record of records) {
    if (halted || options.outOfTime?.()) {
      failed.push(record.id);
      continue;
    }
    try {
      const result = await processSendMessage(deps, config, record.body, {
        receiveCount: record.receiveCount,
        ...options,
      });
      if (result.done) continue;
      failed.push(record.id);
      halted = result.halted === true;
      deps.logger.warn('send message handed back', {
        messageId: record.id,
        receiveCount: record.receiveCount,
        reason: result.reason,
      });
    } catch (error) {
      // A store failure while claiming: nothing unrecorded went out; the queue redelivers it.
      failed.push(record.id);
      deps.logger.error('send message failed', { messageId: record.id, error: describeError(error) });
    }
  }
  return failed;
}
