/** Reads the link-signing secret from Secrets Manager once per cold start. */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '#domain/errors.ts';

export async function readSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  // Loaded on first use, not with the bundle, like the client (handlers/aws-deps.ts).
  const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const value = out.SecretString;
  if (!value || value.length < 16)
    throw new ConfigError(`secret ${secretId}: missing or shorter than 16 characters`);
  return value;
}
