/**
 * Dependencies for a run on one machine: the output folder stands in for the site bucket, its
 * hidden .state folder for the private data bucket, an outbox of .eml files for SES, and a queue
 * served in process for SQS (lists over delivery.inlineSendLimit go through it).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TranslateClient } from '@aws-sdk/client-translate';
import { createAmazonTranslator } from '#adapters/amazon-translate.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { createInProcessQueue } from '#adapters/in-process-queue.ts';
import { withLocalFiles } from '#adapters/local-file-http.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { systemClock } from '#adapters/system-clock.ts';
import type { Config } from '#config/schema.ts';
import { createRateLimiter, realSleep } from '#deliver/send-digest.ts';
import { processSendMessage } from '#deliver/send-queue.ts';
import { PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Edition } from '#domain/types.ts';
import type { Clock, Logger, Progress, Store } from '#ports/ports.ts';
import type { DigestDeps } from '#run-digest';

export interface LocalPaths {
  out: string;
  state: string;
  outbox: string;
}

export function localPaths(out: string): LocalPaths {
  return { out, state: join(out, '.state'), outbox: join(out, 'outbox') };
}

export async function createLocalDeps(options: {
  config: Config;
  paths: LocalPaths;
  clock: Clock;
  logger: Logger;
  progress: Progress;
  /** Folder that relative feed paths live in. */
  feedsRoot?: string;
}): Promise<DigestDeps> {
  const { config, paths } = options;
  const network = createHttpClientFromConfig(config.fetch);
  const http = options.feedsRoot ? withLocalFiles(network, options.feedsRoot) : network;
  const data = createFolderStore(paths.state);
  const mailer = createOutboxMailer(paths.outbox);
  const templates = createEtaTemplates();
  const signingSecret = await localSigningSecret(data);
  // One sender in this process: it keeps the whole send rate, and reads the edition once.
  const editions = new Map<string, Edition>();
  const sender = {
    data,
    mailer,
    clock: systemClock,
    logger: options.logger,
    templates,
    signingSecret,
    acquire: createRateLimiter(config.delivery.sendRatePerSecond, realSleep),
  };
  return {
    http,
    data,
    site: createFolderStore(paths.out),
    mailer,
    clock: options.clock,
    // Claims are compared across runs in real time, whatever --now says.
    wallClock: systemClock,
    queue: createInProcessQueue(
      (body, receiveCount) => processSendMessage(sender, config, body, { receiveCount, editions }),
      { logger: options.logger },
    ),
    logger: options.logger,
    progress: options.progress,
    templates,
    signingSecret,
    // The translation option calls Amazon Translate with the machine's AWS credentials.
    ...(config.translate.kind === 'amazon-translate'
      ? {
          translator: createAmazonTranslator({
            client: new TranslateClient(config.translate.region ? { region: config.translate.region } : {}),
          }),
        }
      : {}),
  };
}

/** Generated once per output folder and kept in its private state. */
export async function localSigningSecret(data: Store): Promise<string> {
  const key = dataKeys.localSigningSecret();
  const existing = await data.get(key);
  if (existing) return existing.body.toString('utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  try {
    await data.put(key, secret, { contentType: 'text/plain', ifNoneMatch: '*' });
    return secret;
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const raced = await data.get(key);
    return raced!.body.toString('utf8').trim();
  }
}
