/**
 * Mails an edition: chooses the recipients (explicit ones only, or the confirmed list), then
 * either sends to them itself (a list up to delivery.inlineSendLimit, or no queue) or stores the
 * edition for the senders and enqueues the recipients in batches (send-queue.ts). Either way
 * every send goes through the claim protocol, so nobody is mailed twice.
 */

import type { Config } from '#config/schema.ts';
import type { RunRequest } from '#domain/run-request.ts';
import type { Edition } from '#domain/types.ts';
import type { Clock, Logger, Mailer, Queue, Store, Templates } from '#ports/ports.ts';
import type { CorruptDocument } from '#state/stored-json.ts';
import { saveSendEdition, summariseDelivery } from './delivery-records.ts';
import { createDigestMailBuilder } from './digest-mail.ts';
import { resolveRecipients, suppressionOf } from './recipients.ts';
import { createRateLimiter, realSleep, type SendReport, sendDigest } from './send-digest.ts';
import { batchMessages } from './send-queue.ts';

export interface DeliveryReport extends SendReport {
  recipients: number;
  quietDay: boolean;
  /** inline: mailed by this run; queued: handed to the send queue, `batches` messages. */
  mode: 'inline' | 'queued';
  batches?: number;
  /** Why nothing was sent, when nothing was. */
  note?: string;
}

export interface DeliveryDeps {
  data: Store;
  mailer: Mailer;
  /** The run's clock (the Date header, link lifetimes). */
  clock: Clock;
  /** Real time for send claims when `clock` is pinned (a CLI run with --now); defaults to clock. */
  wallClock?: Clock;
  logger: Logger;
  templates: Templates;
  signingSecret: string;
  /** The send queue; without one every list is mailed inline. */
  queue?: Queue;
  /** Told about a corrupt subscriber record met (the run report lists them). */
  onCorrupt?: (document: CorruptDocument) => void;
  sleep?: (ms: number) => Promise<void>;
}

const NOTHING = { sent: 0, skipped: 0, pending: 0, suppressed: 0, failed: 0, deferred: 0, failures: [] };

export async function deliverEdition(
  deps: DeliveryDeps,
  config: Config,
  request: RunRequest,
  edition: Edition,
  editionUrl: string,
): Promise<DeliveryReport> {
  const quietDay = edition.stories.length === 0;
  const recipients = await resolveRecipients(deps, config, request);
  const empty = { ...NOTHING, recipients: recipients.length, quietDay, mode: 'inline' as const };
  if (recipients.length === 0) return { ...empty, note: 'no recipients' };
  if (quietDay && config.delivery.quietDay === 'skip') {
    return { ...empty, skipped: recipients.length, note: 'quiet day: configured to send nothing' };
  }

  if (!deps.queue || recipients.length <= config.delivery.inlineSendLimit) {
    const sleep = deps.sleep ?? realSleep;
    const report = await sendDigest(
      {
        mailer: deps.mailer,
        data: deps.data,
        clock: deps.wallClock ?? deps.clock,
        logger: deps.logger,
        sleep,
      },
      {
        editionId: edition.id,
        recipients,
        build: createDigestMailBuilder(deps, config, edition, editionUrl),
        suppression: (recipient) => suppressionOf(deps.data, recipient),
        acquire: createRateLimiter(config.delivery.sendRatePerSecond, sleep),
        leaseMs: config.delivery.claimLeaseSeconds * 1000,
      },
    );
    return { ...report, recipients: recipients.length, quietDay, mode: 'inline' };
  }

  // The senders render from this copy: an ad-hoc edition is mailed without being published.
  await saveSendEdition(deps.data, edition);
  const bodies = batchMessages(edition.id, recipients, config.delivery.batchSize);
  const { consumed } = await deps.queue.enqueue(bodies);
  deps.logger.info('recipients queued', { recipients: recipients.length, batches: bodies.length });
  const queued = { ...empty, mode: 'queued' as const, batches: bodies.length };
  if (!consumed)
    return { ...queued, note: `${recipients.length} recipients queued in ${bodies.length} batches` };
  const summary = await summariseDelivery(deps.data, edition.id, bodies.length);
  return {
    ...queued,
    sent: summary.sent,
    pending: summary.pending,
    suppressed: summary.suppressed,
    failed: summary.failed,
    deferred: summary.deferred + (recipients.length - summary.recipients),
    failures: summary.failures,
  };
}
