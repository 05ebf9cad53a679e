/**
 * Builds the Lambda's dependencies once per cold start from its environment (names in
 * config/env.ts, set by infra/). Secrets are read from Secrets Manager at start, never from plain env.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { createBedrockRelevanceReviewer } from '#adapters/bedrock-relevance.ts';
import { createBedrockSummarizer } from '#adapters/bedrock-summarizer.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { createPowertoolsLogger } from '#adapters/powertools-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { readSecret } from '#adapters/secrets-manager-secret.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { ENV } from '#config/env.ts';
import { type Config, parseConfig } from '#config/schema.ts';
import { ConfigError } from '#domain/errors.ts';
import { silentProgress } from '#ports/ports.ts';
import type { DigestDeps } from '#run-digest';
import type { SubscriptionDeps } from '#subscribe/subscriptions.ts';

type Env = Record<string, string | undefined>;

export function requireEnv(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`environment: ${name} is not set`);
  return value;
}

export function readLambdaConfig(env: Env): Config {
  let document: unknown = {};
  const raw = env[ENV.config];
  if (raw) {
    try {
      document = JSON.parse(raw);
    } catch {
      throw new ConfigError(`environment: ${ENV.config} is not valid JSON`);
    }
  }
  return parseConfig(document, ENV.config);
}

/** Templates are copied beside the bundle by the CDK bundling hook. */
export function bundledTemplatesDir(env: Env): string | undefined {
  return env.LAMBDA_TASK_ROOT ? `${env.LAMBDA_TASK_ROOT}/templates` : undefined;
}

export async function createAwsDigestDeps(env: Env): Promise<{ config: Config; deps: DigestDeps }> {
  const config = readLambdaConfig(env);
  const region = env.AWS_REGION;
  const s3 = new S3Client({ region, forcePathStyle: env[ENV.s3ForcePathStyle] === 'true' });
  const logger = createPowertoolsLogger('briefing-digest');
  const signingSecret = await readSecret(
    new SecretsManagerClient({ region }),
    requireEnv(env, ENV.signingSecretName),
  );
  const deps: DigestDeps = {
    // Never from config in AWS: production fetches only public addresses.
    http: createHttpClientFromConfig(config.fetch, false),
    data: createS3Store({ client: s3, bucket: requireEnv(env, ENV.dataBucket) }),
    site: createS3Store({ client: s3, bucket: requireEnv(env, ENV.siteBucket) }),
    mailer: createSesMailer({
      client: new SESClient({ region }),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
    }),
    clock: systemClock,
    logger,
    progress: silentProgress,
    templates: createEtaTemplates(bundledTemplatesDir(env)),
    signingSecret,
    ...(config.summarizer.kind === 'bedrock'
      ? {
          summarizer: createBedrockSummarizer({
            client: new BedrockRuntimeClient({ region: config.summarizer.region ?? region }),
            modelId: config.summarizer.modelId,
          }),
        }
      : {}),
    ...(config.relevance.secondOpinion.enabled
      ? {
          relevanceReviewer: createBedrockRelevanceReviewer({
            client: new BedrockRuntimeClient({ region: config.relevance.secondOpinion.region ?? region }),
            modelId: config.relevance.secondOpinion.modelId,
            inputUsdPerMillionTokens: config.relevance.secondOpinion.inputUsdPerMillionTokens,
            outputUsdPerMillionTokens: config.relevance.secondOpinion.outputUsdPerMillionTokens,
          }),
        }
      : {}),
  };
  return { config, deps };
}

/** The subscription API and SES-events functions: private store, SES, secret. No network fetching. */
export async function createAwsSubscriptionDeps(
  env: Env,
): Promise<{ config: Config; deps: SubscriptionDeps }> {
  const config = readLambdaConfig(env);
  const region = env.AWS_REGION;
  const signingSecret = await readSecret(
    new SecretsManagerClient({ region }),
    requireEnv(env, ENV.signingSecretName),
  );
  const deps: SubscriptionDeps = {
    data: createS3Store({
      client: new S3Client({ region, forcePathStyle: env[ENV.s3ForcePathStyle] === 'true' }),
      bucket: requireEnv(env, ENV.dataBucket),
    }),
    mailer: createSesMailer({
      client: new SESClient({ region }),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
    }),
    clock: systemClock,
    logger: createPowertoolsLogger('briefing-subscriptions'),
    templates: createEtaTemplates(bundledTemplatesDir(env)),
    signingSecret,
  };
  return { config, deps };
}
