/**
 * Fan-out sending: the queue the digest puts batches of recipients on, its dead-letter queue,
 * and the sender function that consumes it (event source mapping with partial batch responses
 * and a maximum concurrency; each sender keeps its share of the account's SES rate).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SENDER_TIMEOUT_MS, SENDER_VISIBILITY_MS } from '../operator-config.ts';
import { BriefingFunction } from './briefing-function.ts';

/** Redeliveries of a message before it goes to the dead-letter queue. */
export const MAX_RECEIVES = 5;
/** Time a sender keeps back at the end of an invocation (functions/handlers/sender.ts). */
const SENDER_SAFETY_MS = 20_000;

export interface SenderSizing {
  /** Queue messages per invocation (the event source's batch size). */
  messagesPerInvocation: number;
  /** Each sender's share of the account's SES rate. */
  perSenderRate: number;
}

/**
 * As many messages per invocation as one sender mails in half its working time at its share of
 * the rate (so a slow account never runs out of time), from 1 to 10.
 */
export function senderSizing(delivery: {
  sendRatePerSecond: number;
  senderConcurrency: number;
  batchSize: number;
}): SenderSizing {
  const perSenderRate = delivery.sendRatePerSecond / delivery.senderConcurrency;
  const mails = (perSenderRate * (SENDER_TIMEOUT_MS - SENDER_SAFETY_MS)) / 1000 / 2;
  const messagesPerInvocation = Math.min(10, Math.max(1, Math.floor(mails / delivery.batchSize)));
  return { messagesPerInvocation, perSenderRate };
}

export interface SendQueueProps {
  environment: Record<string, string>;
  delivery: { sendRatePerSecond: number; senderConcurrency: number; batchSize: number };
}

export class SendQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly sender: BriefingFunction;

  constructor(scope: Construct, id: string, props: SendQueueProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue.',
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.millis(SENDER_VISIBILITY_MS),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVES },
    });
    this.sender = new BriefingFunction(this, 'Sender', {
      handler: 'sender',
      description: 'Mails one batch of recipients of an edition per queue message, exactly once each',
      memorySize: 512,
      timeout: Duration.millis(SENDER_TIMEOUT_MS),
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'briefing-sender' },
    });
    const sizing = senderSizing(props.delivery);
    this.sender.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: sizing.messagesPerInvocation,
        reportBatchItemFailures: true,
        maxConcurrency: props.delivery.senderConcurrency,
      }),
    );
  }
}
