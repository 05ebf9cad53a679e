/**
 * The sender Lambda: consumes the send queue (SQS event source mapping with
 * ReportBatchItemFailures). Thin: reuse dependencies built once per cold start, hand the records
 * to processSendRecords, return the ids to redeliver. It stops starting new mail when the
 * invocation is close to its timeout, so nothing is cut off half way.
 */
import { processSendRecords } from '#deliver/send-queue.ts';
import type { Edition } from '#domain/types.ts';
import { createAwsSenderDeps } from './aws-deps.ts';

export interface SqsEvent {
  Records?: { messageId: string; body: string; attributes?: { ApproximateReceiveCount?: string } }[];
}

export interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** Time kept back at the end of an invocation: one send and its records take well under this. */
const SAFETY_MS = 20_000;

let ready: ReturnType<typeof createAwsSenderDeps> | undefined;
// A daily edition is sent by many invocations of the same instance: read it once.
const editions = new Map<string, Edition>();

export async function handler(event: SqsEvent, context?: LambdaContext): Promise<SqsBatchResponse> {
  ready ??= createAwsSenderDeps(process.env);
  const { config, deps } = await ready;
  if (editions.size > 4) editions.clear();
  const records = (event.Records ?? []).map((r) => ({
    id: r.messageId,
    body: r.body,
    receiveCount: Number(r.attributes?.ApproximateReceiveCount ?? 1),
  }));
  const remaining = context?.getRemainingTimeInMillis;
  const failed = await processSendRecords(deps, config, records, {
    editions,
    ...(remaining ? { outOfTime: () => remaining() < SAFETY_MS } : {}),
  });
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}
