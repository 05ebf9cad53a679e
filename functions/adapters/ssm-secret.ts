/** Reads a SecureString parameter (the link-signing secret) once per cold start. */
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../domain/errors.ts';

export async function readSsmSecret(client: SSMClient, name: string): Promise<string> {
  const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  const value = out.Parameter?.Value;
  if (!value || value.length < 16)
    throw new ConfigError(`SSM parameter ${name}: missing or shorter than 16 characters`);
  return value;
}
