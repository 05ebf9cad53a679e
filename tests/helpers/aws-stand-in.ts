/**
 * Client settings for an AWS SDK client talking to a stand-in service the test starts on
 * 127.0.0.1: its endpoint, dummy credentials, one attempt unless asked, and HTTP/1.1 (the SDK
 * speaks HTTP/2 to some services; the stand-ins speak HTTP/1.1). And the two answers a Bedrock
 * Converse stand-in gives, as the service writes them.
 */
import type { ServerResponse } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export function standInClientConfig(endpoint: string, maxAttempts = 1) {
  return {
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts,
    requestHandler: new NodeHttpHandler(),
  };
}

/** A Converse answer whose assistant message is `text`, with the token counts the caller prices. */
export function sendConverseReply(
  res: ServerResponse,
  text: string,
  tokens: { inputTokens: number; outputTokens: number } = { inputTokens: 10, outputTokens: 10 },
): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      output: { message: { role: 'assistant', content: [{ text }] } },
      stopReason: 'end_turn',
      usage: { ...tokens, totalTokens: tokens.inputTokens + tokens.outputTokens },
      metrics: { latencyMs: 5 },
    }),
  );
}

/**
 * An AWS JSON-protocol error (Bedrock's REST JSON, or Translate's JSON 1.1 with its content type):
 * the SDK raises the exception the header and `__type` name.
 */
export function sendAwsError(
  res: ServerResponse,
  status: number,
  type: string,
  { message = type, contentType = 'application/json' }: { message?: string; contentType?: string } = {},
): void {
  res
    .writeHead(status, { 'content-type': contentType, 'x-amzn-errortype': type })
    .end(JSON.stringify({ __type: type, message }));
}
