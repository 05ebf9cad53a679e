/**
 * What Lambda's SQS event source mapping does, on 127.0.0.1: long-poll a queue with `concurrency`
 * workers, hand each batch to the consumer, delete the messages it did not report as failed
 * (ReportBatchItemFailures), and leave the failed ones to reappear after the visibility timeout.
 * Used by the integration tests and the send benchmark against fauxqs.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueRecord } from '#deliver/send-queue.ts';

export interface SqsPoller {
  /** Resolves once `idle()` has held for `quietMs` (nothing received, nothing in hand). */
  drained(quietMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startSqsPoller(options: {
  client: SQSClient;
  queueUrl: string;
  concurrency: number;
  batchSize: number;
  consume: (records: QueueRecord[]) => Promise<string[]>;
}): SqsPoller {
  let running = true;
  let busy = 0;
  let lastActivity = performance.now();
  const worker = async () => {
    while (running) {
      const out = await options.client.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: options.batchSize,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      const messages = out.Messages ?? [];
      if (messages.length === 0) continue;
      busy++;
      lastActivity = performance.now();
      try {
        const records = messages.map((m) => ({
          id: m.MessageId!,
          body: m.Body ?? '',
          receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
        }));
        const failed = new Set(await options.consume(records));
        const done = messages.filter((m) => !failed.has(m.MessageId!));
        if (done.length > 0 && running) {
          await options.client.send(
            new DeleteMessageBatchCommand({
              QueueUrl: options.queueUrl,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
      } finally {
        busy--;
        lastActivity = performance.now();
      }
    }
  };
  const workers = Array.from({ length: options.concurrency }, () => worker());
  return {
    async drained(quietMs = 2500) {
      while (busy > 0 || performance.now() - lastActivity < quietMs) {
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}
