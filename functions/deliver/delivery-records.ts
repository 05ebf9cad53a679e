/**
 * The stored documents of fanned-out sending: the edition as the senders render it, and what
 * each queue message came to. Claims themselves live in send-digest.ts.
 */
import { EditionSchema } from '#domain/edition-schema.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Edition } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Store } from '#ports/ports.ts';
import { parseStoredJson, readStoredJson, type StateContext } from '#state/stored-json.ts';
import type { SendReport } from './send-digest.ts';

const JSON_TYPE = 'application/json';

export async function saveSendEdition(data: Store, edition: Edition): Promise<void> {
  await data.put(dataKeys.sendEdition(edition.id), JSON.stringify(edition), { contentType: JSON_TYPE });
}

/**
 * The edition the digest stored for sending, read through the state helper with the edition's
 * schema (the senders render every field of it); otherwise why not, in one line: absent, of the
 * wrong shape (the key and field named), or another edition's.
 */
export async function loadSendEdition(
  state: StateContext,
  editionId: string,
): Promise<{ edition: Edition } | { problem: string }> {
  const key = dataKeys.sendEdition(editionId);
  const read = await readStoredJson(state, key, EditionSchema);
  if (read.status === 'absent') return { problem: `edition ${editionId} is not stored for sending` };
  if (read.status === 'corrupt') return { problem: `stored edition is corrupt: ${read.problem}` };
  if (read.value.id !== editionId) return { problem: `${key}: id: holds edition ${read.value.id}` };
  return { edition: read.value };
}

const BatchOutcomeSchema = z.object({
  editionId: z.string(),
  batch: z.number().check(z.int()),
  recipients: z.number().check(z.int()),
  /** Mailed, by this delivery of the message or an earlier one. */
  sent: z.number().check(z.int()),
  pending: z.number().check(z.int()),
  suppressed: z.number().check(z.int()),
  failed: z.number().check(z.int()),
  deferred: z.number().check(z.int()),
  receiveCount: z.number().check(z.int()),
  updatedAt: z.string(),
  failures: z.array(z.object({ email: z.string(), error: z.string() })),
});
export type BatchOutcome = z.infer<typeof BatchOutcomeSchema>;

/**
 * Each delivery of a message rewrites its outcome, and a recipient mailed by an earlier delivery
 * counts as sent, so the last write is the batch's state whatever the number of deliveries.
 */
export async function recordBatchOutcome(
  data: Store,
  input: { editionId: string; batch: number; recipients: number; receiveCount: number; at: Date },
  report: SendReport,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = {
    editionId: input.editionId,
    batch: input.batch,
    recipients: input.recipients,
    sent: report.sent + report.skipped,
    pending: report.pending,
    suppressed: report.suppressed,
    failed: report.failed,
    deferred: report.deferred,
    receiveCount: input.receiveCount,
    updatedAt: input.at.toISOString(),
    failures: report.failures,
  };
  await data.put(dataKeys.sendBatch(input.editionId, input.batch), JSON.stringify(outcome), {
    contentType: JSON_TYPE,
  });
  return outcome;
}

export interface DeliverySummary {
  batches: number;
  batchesReported: number;
  recipients: number;
  sent: number;
  pending: number;
  suppressed: number;
  failed: number;
  deferred: number;
  failures: { email: string; error: string }[];
  /** Batch outcomes that could not be read, one line each naming the key and the field. */
  unreadable: string[];
}

/** Adds up the outcomes of an edition's queued batches (those processed so far). */
export async function summariseDelivery(
  data: Store,
  editionId: string,
  batches: number,
): Promise<DeliverySummary> {
  const summary: DeliverySummary = {
    batches,
    batchesReported: 0,
    recipients: 0,
    sent: 0,
    pending: 0,
    suppressed: 0,
    failed: 0,
    deferred: 0,
    failures: [],
    unreadable: [],
  };
  for (const key of await data.list(dataKeys.sendBatchesPrefix(editionId))) {
    const object = await data.get(key);
    if (!object) continue;
    const parsed = parseStoredJson(key, object.body, BatchOutcomeSchema);
    if (!parsed.ok) {
      summary.unreadable.push(parsed.problem);
      continue;
    }
    const o = parsed.value;
    summary.batchesReported++;
    summary.recipients += o.recipients;
    summary.sent += o.sent;
    summary.pending += o.pending;
    summary.suppressed += o.suppressed;
    summary.failed += o.failed;
    summary.deferred += o.deferred;
    summary.failures.push(...o.failures);
  }
  return summary;
}
