/**
 * The Queue port in process, for the CLI and tests: `enqueue` runs the consumer on each message
 * at once and hands a message back to it, as SQS would redeliver it, up to `maxReceives` times;
 * what still fails is kept as dead letters and logged. No queue service is needed for a laptop run.
 */
import type { Logger, Queue } from '#ports/ports.ts';

/** The consumer's verdict on one delivery of a message: done, or hand it back. */
export type Consume = (body: string, receiveCount: number) => Promise<{ done: boolean; reason?: string }>;

export interface InProcessQueue extends Queue {
  readonly deadLetters: string[];
}

export function createInProcessQueue(
  consume: Consume,
  options: { logger: Logger; maxReceives?: number },
): InProcessQueue {
  const maxReceives = Math.max(1, options.maxReceives ?? 3);
  const deadLetters: string[] = [];
  return {
    deadLetters,
    async enqueue(bodies) {
      for (const body of bodies) {
        let last: string | undefined;
        let done = false;
        for (let receive = 1; receive <= maxReceives && !done; receive++) {
          const result = await consume(body, receive);
          done = result.done;
          last = result.reason;
        }
        if (!done) {
          deadLetters.push(body);
          options.logger.warn('message dead-lettered', { receives: maxReceives, reason: last });
        }
      }
      return { consumed: true };
    },
  };
}
