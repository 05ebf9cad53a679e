/** `briefing invoke`: the same options as `run`, sent as a manual event to the deployed digest function. */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { BriefingError, InvalidInputError } from '#domain/errors.ts';
import { readStackOutputs } from '../deployed-stack.ts';
import { type EventOptions, eventFromOptions } from '../event-options.ts';
import type { CliIo } from '../io.ts';

export interface InvokeOptions extends EventOptions {
  functionName?: string;
  /** A deployed stack: its DigestFunctionName output names the function. */
  stack?: string;
  region?: string;
}

export async function runInvoke(options: InvokeOptions, io: CliIo): Promise<void> {
  // Validate here with the same schema the function uses, so a typo fails before any AWS call.
  const event = eventFromOptions(options);
  const functionName =
    options.functionName ??
    (options.stack
      ? (await readStackOutputs(options.stack, options.region)).DigestFunctionName
      : process.env.BRIEFING_FUNCTION_NAME);
  if (!functionName)
    throw new InvalidInputError(
      options.stack
        ? `--stack ${options.stack}: has no output DigestFunctionName`
        : '--function-name or --stack: required (or set BRIEFING_FUNCTION_NAME; see the stack output DigestFunctionName)',
    );
  const client = new LambdaClient(options.region ? { region: options.region } : {});
  try {
    const out = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
    const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    if (out.FunctionError) {
      const message = safeJson(text)?.errorMessage ?? text;
      throw new BriefingError(`the function failed: ${String(message).split('\n')[0]}`);
    }
    const result = safeJson(text) ?? {};
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (result.ok === false) throw new BriefingError(`rejected: ${result.error}`);
    if (result.editionUrl) io.stderr.write(`edition: ${result.editionUrl}\n`);
    const delivery = result.delivery as { mode?: string; recipients?: number; batches?: number } | undefined;
    if (delivery?.mode === 'queued')
      io.stderr.write(
        `mail: ${delivery.recipients} recipients queued in ${delivery.batches} batches; \`briefing report --stack NAME --edition ${String(result.editionId)}\` shows progress\n`,
      );
  } finally {
    client.destroy();
  }
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
