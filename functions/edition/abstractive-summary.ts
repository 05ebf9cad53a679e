/**
 * An optional abstractive summariser (Amazon Bedrock, Converse API), off by default. The model
 * sees numbered source sentences and must cite one per sentence it writes; a sentence without a
 * citation, or whose words the cited source does not carry, is dropped. Any failure, or nothing
 * left after grounding, keeps the extractive summary.
 */
import type { Story, SummarySentence } from '#domain/types.ts';
import { splitSentences } from '#text/sentences.ts';
import { tokensOf } from '#text/tokens.ts';

export interface AbstractiveSummarizer {
  /** Grounded sentences for the story, or undefined to keep the extractive summary. */
  summarise(story: Story, sources: { url: string; text: string }[]): Promise<SummarySentence[] | undefined>;
}

/** Words of a sentence that its cited source must also contain (share of content tokens). */
export const GROUNDING_THRESHOLD = 0.6;

/** Keeps the model's sentences that cite a source sentence carrying most of their words. */
export function groundSentences(output: string, sources: readonly SummarySentence[]): SummarySentence[] {
  const kept: SummarySentence[] = [];
  for (const sentence of splitSentences(output)) {
    const cite = /\[(\d{1,3})\]\s*[.!?]?$/.exec(sentence.trim()) ?? /\[(\d{1,3})\]/.exec(sentence);
    if (!cite) continue;
    const source = sources[Number(cite[1]) - 1];
    if (!source) continue;
    const text = sentence.replace(/\s*\[\d{1,3}\]/g, '').trim();
    const words = new Set(tokensOf(text));
    const supported = new Set(tokensOf(source.text));
    if (words.size === 0) continue;
    let shared = 0;
    for (const w of words) if (supported.has(w)) shared++;
    if (shared / words.size >= GROUNDING_THRESHOLD) kept.push({ text, url: source.url });
  }
  return kept;
}

/** Replaces extractive summaries where the summariser returns grounded sentences. */
export async function applyAbstractiveSummaries(
  stories: Story[],
  summarizer: AbstractiveSummarizer,
  sourcesOf: (story: Story) => { url: string; text: string }[],
): Promise<Story[]> {
  const out: Story[] = [];
  for (const story of stories) {
    const sentences = await summarizer.summarise(story, sourcesOf(story));
    out.push(sentences ? { ...story, sentences, summary: sentences.map((s) => s.text).join(' ') } : story);
  }
  return out;
}
