/**
 * The abstractive summariser on Amazon Bedrock (Converse API). The model sees numbered source
 * sentences and must cite one per sentence it writes; edition/abstractive-summary.ts grounds
 * the answer. Any failure keeps the extractive summary.
 */
import { type BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { describeError } from '#domain/errors.ts';
import type { SummarySentence } from '#domain/types.ts';
import { type AbstractiveSummarizer, groundSentences } from '#edition/abstractive-summary.ts';
import type { Logger } from '#ports/ports.ts';
import { splitSentences } from '#text/sentences.ts';

const SYSTEM = `You summarise news for analysts of China–Russia relations. Write two or three short factual sentences saying what happened.
Use only facts in the numbered source sentences. End every sentence with the number of the source sentence it rests on, in brackets, like [3].
Do not add opinions, background or facts that the sources do not state.`;

export function createBedrockSummarizer(options: {
  client: BedrockRuntimeClient;
  modelId: string;
  logger: Logger;
  maxSources?: number;
}): AbstractiveSummarizer {
  return {
    async summarise(story, sources) {
      const numbered: SummarySentence[] = [];
      for (const source of sources) {
        for (const sentence of splitSentences(source.text).slice(0, 12)) {
          if (numbered.length >= (options.maxSources ?? 30)) break;
          numbered.push({ text: sentence, url: source.url });
        }
      }
      if (numbered.length === 0) return undefined;
      const prompt = `Story: ${story.title}\n\nSource sentences:\n${numbered.map((s, i) => `[${i + 1}] ${s.text}`).join('\n')}`;
      try {
        const out = await options.client.send(
          new ConverseCommand({
            modelId: options.modelId,
            system: [{ text: SYSTEM }],
            messages: [{ role: 'user', content: [{ text: prompt }] }],
            inferenceConfig: { maxTokens: 400, temperature: 0 },
          }),
        );
        const text = (out.output?.message?.content ?? [])
          .map((c) => ('text' in c ? (c.text ?? '') : ''))
          .join(' ');
        const grounded = groundSentences(text, numbered);
        return grounded.length > 0 ? grounded.slice(0, 3) : undefined;
      } catch (error) {
        options.logger.warn('abstractive summary failed, keeping the extractive one', {
          storyId: story.id,
          error: describeError(error),
        });
        return undefined;
      }
    },
  };
}
