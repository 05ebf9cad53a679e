/**
 * A sender as its own process, for the tests that kill one with SIGKILL: polls the send queue
 * (fauxqs), mails through SES (aws-ses-v2-local, behind a proxy), keeps claims in S3 (s3rver),
 * all on 127.0.0.1, and logs debug JSON lines ('claimed', 'sent') to stdout so a test can choose
 * its moment. Settings come from the environment (see the test that starts it).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createJsonLogger } from '#adapters/json-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { createRateLimiter, realSleep } from '#deliver/send-digest.ts';
import { processSendRecords } from '#deliver/send-queue.ts';
import type { Edition } from '#domain/types.ts';
import { startSqsPoller } from './sqs-poller.ts';

const env = process.env as Record<string, string>;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const config = parseConfig(JSON.parse(env.SENDER_CONFIG!));
const logger = createJsonLogger((line) => process.stdout.write(line), 'debug', { pid: process.pid });
const s3 = new S3Client({
  endpoint: env.S3_ENDPOINT,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
const deps = {
  data: createS3Store({ client: s3, bucket: env.DATA_BUCKET! }),
  mailer: createSesMailer({
    client: new SESClient({ endpoint: env.SES_ENDPOINT, region: 'eu-west-2', credentials, maxAttempts: 1 }),
  }),
  clock: systemClock,
  logger,
  templates: createEtaTemplates(),
  signingSecret: 'sender-process-secret-0123456789',
  acquire: createRateLimiter(config.delivery.sendRatePerSecond, realSleep),
};
const editions = new Map<string, Edition>();
startSqsPoller({
  client: new SQSClient({ endpoint: env.SQS_ENDPOINT, region: 'us-east-1', credentials }),
  queueUrl: env.QUEUE_URL!,
  concurrency: 1,
  batchSize: 1,
  consume: (records) => processSendRecords(deps, config, records, { editions }),
});
logger.info('sender ready');
