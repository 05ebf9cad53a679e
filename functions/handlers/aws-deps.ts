/**
 * Builds the Lambdas' dependencies once per cold start from their environment (names in
 * config/env.ts, set by infra/). The configuration is the document the stack ships to its config
 * bucket, read here; secrets are read from Secrets Manager, never from plain env.
 *
 * No SDK client is imported with the module: each is imported by the factory that needs it (and
 * its commands by the adapter on first use), when the first invocation builds the dependencies,
 * so a handler never loads a client it does not use: esbuild keeps every static import of an
 * external package, used or not, and each client costs tens of ms of a cold start
 * (bench/bundle.ts). S3, which every handler uses, is loaded by that first invocation too: the
 * same cost, paid once per cold start either way, and the clients are built once and reused.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createAmazonTranslator } from '#adapters/amazon-translate.ts';
import { createBedrockRelevanceReviewer } from '#adapters/bedrock-relevance.ts';
import { createBedrockSummariser } from '#adapters/bedrock-summariser.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { createPowertoolsLogger } from '#adapters/powertools-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { readSecret } from '#adapters/secrets-manager-secret.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { createSqsQueue } from '#adapters/sqs-queue.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { ENV } from '#config/env.ts';
import type { Config } from '#config/schema.ts';
import { loadShippedConfig } from '#config/shipped-config.ts';
import { createRateLimiter, realSleep } from '#deliver/send-digest.ts';
import { type SenderDeps, senderRatePerSecond } from '#deliver/send-queue.ts';
import { ConfigError } from '#domain/errors.ts';
import type { Clock, Logger, Store } from '#ports/ports.ts';
import { silentProgress } from '#ports/ports.ts';
import type { DigestDeps } from '#run-digest';
import type { SubscriptionDeps } from '#subscribe/subscriptions.ts';

type Env = Record<string, string | undefined>;

export function requireEnv(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`environment: ${name} is not set`);
  return value;
}

/**
 * Bounded waits: a sender holds a send claim across one SES call and the S3 write that records
 * it, and both must end well inside the claim's lease (delivery.claimLeaseSeconds, 120 s).
 */
const s3Client = async (env: Env) =>
  new (await import('@aws-sdk/client-s3')).S3Client({
    region: env.AWS_REGION,
    forcePathStyle: env[ENV.s3ForcePathStyle] === 'true',
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  });

/**
 * SES for bulk sending: one attempt per call (the sender retries, paced by its rate limiter,
 * instead of stacking retries on the SDK's), and bounded waits so a claim is held for seconds.
 */
const bulkSesClient = async (env: Env) =>
  new (await import('@aws-sdk/client-ses')).SESClient({
    region: env.AWS_REGION,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });

async function readConfig(env: Env, s3: S3Client, logger: Logger): Promise<Config> {
  const store = createS3Store({ client: s3, bucket: requireEnv(env, ENV.configBucket) });
  return loadShippedConfig(store, requireEnv(env, ENV.configKey), env[ENV.configRevision], {
    sleep: realSleep,
    warn: (message) => logger.warn(message),
  });
}

/** Templates are copied beside the bundle by the CDK bundling hook. */
export function bundledTemplatesDir(env: Env): string | undefined {
  return env.LAMBDA_TASK_ROOT ? `${env.LAMBDA_TASK_ROOT}/templates` : undefined;
}

const secretsClient = async (env: Env) =>
  new (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient({ region: env.AWS_REGION });

const signingSecretOf = async (env: Env) =>
  readSecret(await secretsClient(env), requireEnv(env, ENV.signingSecretName));

export async function createAwsDigestDeps(env: Env): Promise<{ config: Config; deps: DigestDeps }> {
  const s3 = await s3Client(env);
  const logger = createPowertoolsLogger('briefing-digest');
  const [config, signingSecret] = await Promise.all([readConfig(env, s3, logger), signingSecretOf(env)]);
  const queueUrl = env[ENV.sendQueueUrl];
  // Bedrock and Translate are options, off by default: their SDK clients are loaded only when on,
  // so the bundles do not load them at every cold start.
  const bedrock =
    config.summariser.kind === 'bedrock' || config.relevance.secondOpinion.enabled
      ? await import('@aws-sdk/client-bedrock-runtime')
      : undefined;
  const translate =
    config.translate.kind === 'amazon-translate' ? await import('@aws-sdk/client-translate') : undefined;
  const deps: DigestDeps = {
    // Never from config in AWS: production fetches only public addresses.
    http: createHttpClientFromConfig(config.fetch, false),
    data: createS3Store({ client: s3, bucket: requireEnv(env, ENV.dataBucket) }),
    site: createS3Store({ client: s3, bucket: requireEnv(env, ENV.siteBucket) }),
    mailer: createSesMailer({
      client: await bulkSesClient(env),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
    }),
    ...(queueUrl
      ? {
          queue: createSqsQueue({
            client: new (await import('@aws-sdk/client-sqs')).SQSClient({ region: env.AWS_REGION }),
            queueUrl,
          }),
        }
      : {}),
    clock: systemClock,
    logger,
    progress: silentProgress,
    templates: createEtaTemplates(bundledTemplatesDir(env)),
    signingSecret,
    ...(bedrock && config.summariser.kind === 'bedrock'
      ? {
          summariser: createBedrockSummariser({
            client: new bedrock.BedrockRuntimeClient({ region: config.summariser.region ?? env.AWS_REGION }),
            modelId: config.summariser.modelId,
          }),
        }
      : {}),
    ...(bedrock && config.relevance.secondOpinion.enabled
      ? {
          relevanceReviewer: createBedrockRelevanceReviewer({
            client: new bedrock.BedrockRuntimeClient({
              region: config.relevance.secondOpinion.region ?? env.AWS_REGION,
            }),
            modelId: config.relevance.secondOpinion.modelId,
            inputUsdPerMillionTokens: config.relevance.secondOpinion.inputUsdPerMillionTokens,
            outputUsdPerMillionTokens: config.relevance.secondOpinion.outputUsdPerMillionTokens,
          }),
        }
      : {}),
    ...(translate
      ? {
          translator: createAmazonTranslator({
            client: new translate.TranslateClient({ region: config.translate.region ?? env.AWS_REGION }),
          }),
        }
      : {}),
  };
  return { config, deps };
}

/** The sender: reads editions and subscribers, writes send records, mails through SES at its share of the rate. */
export async function createAwsSenderDeps(env: Env): Promise<{ config: Config; deps: SenderDeps }> {
  const s3 = await s3Client(env);
  const logger = createPowertoolsLogger('briefing-sender');
  const [config, signingSecret] = await Promise.all([readConfig(env, s3, logger), signingSecretOf(env)]);
  const rate = senderRatePerSecond(config, config.delivery.senderConcurrency);
  const deps: SenderDeps = {
    data: createS3Store({ client: s3, bucket: requireEnv(env, ENV.dataBucket) }),
    mailer: createSesMailer({
      client: await bulkSesClient(env),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
    }),
    clock: systemClock,
    logger,
    templates: createEtaTemplates(bundledTemplatesDir(env)),
    signingSecret,
    acquire: createRateLimiter(rate, realSleep),
  };
  return { config, deps };
}

export interface ApiDeps {
  config: Config;
  deps: SubscriptionDeps;
  /** The value CloudFront adds in ORIGIN_SECRET_HEADER; a request without it did not come through CloudFront. */
  originSecret: string;
}

/** The subscription API: subscriber records, confirmation mail, the link and origin secrets. */
export async function createAwsApiDeps(env: Env): Promise<ApiDeps> {
  const s3 = await s3Client(env);
  const logger = createPowertoolsLogger('briefing-subscriptions');
  const secrets = await secretsClient(env);
  const [config, signingSecret, originSecret] = await Promise.all([
    readConfig(env, s3, logger),
    readSecret(secrets, requireEnv(env, ENV.signingSecretName)),
    readSecret(secrets, requireEnv(env, ENV.originSecretName)),
  ]);
  const deps: SubscriptionDeps = {
    data: createS3Store({ client: s3, bucket: requireEnv(env, ENV.dataBucket) }),
    // One confirmation mail per request and no retries of our own: the SDK's standard retries apply.
    mailer: createSesMailer({
      client: new (await import('@aws-sdk/client-ses')).SESClient({ region: env.AWS_REGION }),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
    }),
    clock: systemClock,
    logger,
    templates: createEtaTemplates(bundledTemplatesDir(env)),
    signingSecret,
  };
  return { config, deps, originSecret };
}

/** The SES-events function: subscriber records only (no secret, no mail, no config). */
export async function createAwsNotificationDeps(
  env: Env,
): Promise<{ data: Store; clock: Clock; logger: Logger }> {
  return {
    data: createS3Store({ client: await s3Client(env), bucket: requireEnv(env, ENV.dataBucket) }),
    clock: systemClock,
    logger: createPowertoolsLogger('briefing-ses-events'),
  };
}
