/**
 * The Queue port on Amazon SQS: messages go out ten to a SendMessageBatch call (the API's
 * limit); entries SQS refuses in a batch are sent again a few times, then the call fails naming
 * how many were not queued, so the digest run fails rather than silently dropping recipients.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import { BriefingError } from '#domain/errors.ts';
import type { Queue } from '#ports/ports.ts';

const ENTRIES_PER_CALL = 10;
const ATTEMPTS = 3;

export function createSqsQueue({ client, queueUrl }: { client: SQSClient; queueUrl: string }): Queue {
  return {
    async enqueue(bodies) {
      // Loaded on first use, not with the bundle, like the client (handlers/aws-deps.ts).
      const { SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
      for (let start = 0; start < bodies.length; start += ENTRIES_PER_CALL) {
        let entries = bodies
          .slice(start, start + ENTRIES_PER_CALL)
          .map((body, i) => ({ Id: String(start + i), MessageBody: body }));
        for (let attempt = 1; entries.length > 0; attempt++) {
          const out = await client.send(
            new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
          );
          const refused = new Set((out.Failed ?? []).map((f) => f.Id));
          if (refused.size === 0) break;
          const first = out.Failed?.[0];
          if (attempt === ATTEMPTS || first?.SenderFault) {
            throw new BriefingError(
              `send queue: ${refused.size} message(s) not queued (${first?.Code ?? 'error'}: ${first?.Message ?? ''})`,
            );
          }
          entries = entries.filter((e) => refused.has(e.Id));
        }
      }
      return { consumed: false };
    },
  };
}
