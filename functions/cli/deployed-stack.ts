/**
 * The CLI's view of a deployed stack: its outputs (bucket and secret names) read with
 * CloudFormation DescribeStacks, the data bucket as a Store, and what mail needs (the shipped
 * config, SES, the link-signing secret) for commands that send an opt-in mail. Region and
 * credentials come from the usual AWS settings (AWS_REGION, AWS_PROFILE, ~/.aws).
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { createS3Store } from '#adapters/s3-store.ts';
import { readSecret } from '#adapters/secrets-manager-secret.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { ENV, SHIPPED_CONFIG_KEY } from '#config/env.ts';
import type { Config } from '#config/schema.ts';
import { readShippedConfig } from '#config/shipped-config.ts';
import { BriefingError } from '#domain/errors.ts';
import type { Mailer, Store } from '#ports/ports.ts';

export interface AwsTarget {
  stack?: string;
  bucket?: string;
  region?: string;
}

const clientConfig = (region?: string) => (region ? { region } : {});

export async function readStackOutputs(stack: string, region?: string): Promise<Record<string, string>> {
  const client = new CloudFormationClient(clientConfig(region));
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: stack }));
    const found = out.Stacks?.[0];
    if (!found) throw new BriefingError(`--stack ${stack}: not found`);
    return Object.fromEntries((found.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw new BriefingError(`--stack ${stack}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  } finally {
    client.destroy();
  }
}

function s3(region?: string): S3Client {
  return new S3Client({
    ...clientConfig(region),
    forcePathStyle: process.env[ENV.s3ForcePathStyle] === 'true',
  });
}

function requireOutput(outputs: Record<string, string>, key: string, stack: string): string {
  const value = outputs[key];
  if (!value)
    throw new BriefingError(`--stack ${stack}: has no output ${key} (deploy this version of the stack)`);
  return value;
}

/** The private data bucket, named directly or found through the stack's DataBucketName output. */
export async function openDataBucket(target: AwsTarget): Promise<Store> {
  const bucket =
    target.bucket ??
    requireOutput(await readStackOutputs(target.stack!, target.region), 'DataBucketName', target.stack!);
  return createS3Store({ client: s3(target.region), bucket });
}

export interface StackMail {
  config: Config;
  mailer: Mailer;
  signingSecret: string;
}

/** What sending an opt-in mail as the deployed stack takes: its config, SES, its link-signing key. */
export async function openStackMail(stack: string, region?: string): Promise<StackMail> {
  const outputs = await readStackOutputs(stack, region);
  const shipped = await readShippedConfig(
    createS3Store({ client: s3(region), bucket: requireOutput(outputs, 'ConfigBucketName', stack) }),
    SHIPPED_CONFIG_KEY,
  );
  const signingSecret = await readSecret(
    new SecretsManagerClient(clientConfig(region)),
    requireOutput(outputs, 'SigningSecretName', stack),
  );
  const { configurationSet } = shipped.config.delivery;
  return {
    config: shipped.config,
    mailer: createSesMailer({
      client: new SESClient(clientConfig(region)),
      ...(configurationSet ? { configurationSet } : {}),
    }),
    signingSecret,
  };
}
