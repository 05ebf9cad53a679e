/**
 * The one way Briefing asks a Bedrock model: a Converse call with a system prompt and one user
 * message, at temperature 0, answered as text; and the JSON object in such an answer. Shared by
 * the summariser and the relevance reviewer, which differ only in their prompts and checks.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

export interface ConverseRequest {
  modelId: string;
  system: string;
  prompt: string;
  maxTokens: number;
  /** The call is aborted after this long (the module's loading not counted); no limit when absent. */
  timeoutMs?: number;
}

/** The answer's text blocks, concatenated. */
export async function converseText(client: BedrockRuntimeClient, request: ConverseRequest): Promise<string> {
  // Loaded on first use, not with the bundle: the Bedrock options are off by default, and every
  // cold start of every handler would pay for the module otherwise (bench/bundle.ts).
  const { ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const out = await client.send(
    new ConverseCommand({
      modelId: request.modelId,
      system: [{ text: request.system }],
      messages: [{ role: 'user', content: [{ text: request.prompt }] }],
      inferenceConfig: { maxTokens: request.maxTokens, temperature: 0 },
    }),
    request.timeoutMs === undefined ? {} : { abortSignal: AbortSignal.timeout(request.timeoutMs) },
  );
  return (out.output?.message?.content ?? []).map((c) => ('text' in c ? (c.text ?? '') : '')).join('');
}

/**
 * The JSON object of a model's answer, also when a code fence or a sentence of preamble wraps
 * it: from the first "{" to the last "}". `fail` makes the caller's error from the problem
 * ("holds no JSON object", "is not valid JSON").
 */
export function answerJson(
  text: string,
  fail: (problem: string, options?: { cause: unknown }) => Error,
): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw fail('holds no JSON object');
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch (cause) {
    throw fail('is not valid JSON', { cause });
  }
}
