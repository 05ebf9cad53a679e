/**
 * The abstractive summariser on Amazon Bedrock (Converse API). The model gets a story's
 * reports, numbered, and the baselines of its themes as background, and must answer with JSON:
 * `{"sentences":[{"text":"…","cite":2}]}`, one to three attributed sentences, each citing the
 * one report it rests on. This adapter only asks and parses: an answer that is not that JSON is
 * a SummaryFormatError, a call that takes longer than `timeoutMs` is aborted, throttling and
 * other service errors surface as the SDK raised them (after the SDK's own retries, which are
 * not stacked on here). edition/abstractive-summary.ts checks every sentence against its cited
 * report and keeps the extractive summary on any failure.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { SummaryFormatError } from '#domain/errors.ts';
import * as z from '#domain/zod.ts';
import type { CitedSentence, Summariser, SummaryRequest } from '#ports/ports.ts';
import { answerJson, converseText } from './bedrock-converse.ts';

const SYSTEM = `You write the story summaries of a morning briefing for analysts of China–Russia relations.
Write one to three short sentences saying what happened in this story: who did or said what, with the names and numbers the reports give.
Attribute every claim to its source ("…, Peskov said", "…, Bloomberg reports"). Do not repeat the headline. Do not write about the article itself (no "the article explains").
Use only facts stated in the numbered reports. The background is what the reference documents say about the theme: use it only to choose what matters, never state it as news.
Answer with JSON only, in this form: {"sentences":[{"text":"…","cite":1}]}, where cite is the number of the one report the sentence rests on.`;

const AnswerSchema = z.object({
  sentences: z
    .array(
      z.object({
        text: z.string().check(z.minLength(1), z.maxLength(600)),
        cite: z.number().check(z.int(), z.minimum(1)),
      }),
    )
    .check(z.minLength(1), z.maxLength(5)),
});

export interface BedrockSummariserOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  /** Abort one story's call after this long. */
  timeoutMs?: number;
  maxTokens?: number;
}

export function createBedrockSummariser(options: BedrockSummariserOptions): Summariser {
  return {
    async summarise(request) {
      const text = await converseText(options.client, {
        modelId: options.modelId,
        system: SYSTEM,
        prompt: promptOf(request),
        maxTokens: options.maxTokens ?? 500,
        timeoutMs: options.timeoutMs ?? 20_000,
      });
      return parseAnswer(text);
    },
  };
}

function promptOf(request: SummaryRequest): string {
  const background = request.baselines.map((b) => `- ${b.theme}: ${b.text}`).join('\n');
  const reports = request.reports.map((r) => `[${r.n}] ${r.source}: "${r.title}"\n${r.text}`).join('\n\n');
  return `Story: ${request.title}\n\nBackground (reference documents, not news):\n${background}\n\nReports:\n${reports}`;
}

/** The model's JSON, also when wrapped in a code fence or a sentence of preamble. */
function parseAnswer(text: string): CitedSentence[] {
  const json = answerJson(
    text,
    (problem, options) => new SummaryFormatError(`summariser answer ${problem}`, options),
  );
  const parsed = AnswerSchema.safeParse(json);
  if (!parsed.success)
    throw new SummaryFormatError(
      `summariser answer has the wrong shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      {
        cause: parsed.error,
      },
    );
  return parsed.data.sentences;
}
