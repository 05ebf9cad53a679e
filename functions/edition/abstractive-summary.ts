/**
 * The abstractive option: a summariser (Amazon Bedrock behind the Summariser port) receives a
 * story's clustered reports, numbered, and the baselines of its themes, and returns sentences
 * that each cite one report. Every sentence is checked against the report it cites: its words,
 * and above all its numbers and names, must be there, and it must not be furniture or a teaser;
 * a sentence that fails is dropped. A story keeps its extractive summary when nothing survives,
 * when the call fails (throttling, a timeout, an answer that is not the agreed JSON), or once
 * the summariser has failed several stories in a row (it is then not asked again this run).
 */

import { describeError } from '#domain/errors.ts';
import { themeById } from '#domain/themes.ts';
import type { SummarySentence } from '#domain/types.ts';
import type { CitedSentence, Logger, Summariser, SummaryRequest } from '#ports/ports.ts';
import { tokensOf } from '#text/tokens.ts';
import { attribute } from './attribution.ts';
import type { StoryDraft } from './build-stories.ts';
import { isSummaryMaterial, type ReportText } from './report-text.ts';

/** Share of a sentence's content words its cited report must contain. */
export const GROUNDING_SHARE = 0.6;
/** Reports sent per story, and characters of each. */
const MAX_REPORTS = 8;
const REPORT_CHARS = 1500;
const MAX_SENTENCES = 3;

export interface AbstractiveOptions {
  /** Stories rewritten per edition, highest rank first; the rest stay extractive. */
  maxStories?: number;
  /** Consecutive failures after which the summariser is not asked again this run. */
  maxFailures?: number;
}

/** The drafts with abstractive summaries where the summariser gave grounded sentences. */
export async function summariseAbstractively(
  drafts: readonly StoryDraft[],
  summariser: Summariser,
  logger: Logger,
  options: AbstractiveOptions = {},
): Promise<StoryDraft[]> {
  const maxStories = options.maxStories ?? 30;
  const maxFailures = options.maxFailures ?? 3;
  let failures = 0;
  const out: StoryDraft[] = [];
  for (const [i, draft] of drafts.entries()) {
    if (i >= maxStories || failures >= maxFailures) {
      out.push(draft);
      continue;
    }
    const request = summaryRequest(draft);
    let answer: CitedSentence[];
    try {
      answer = await summariser.summarise(request);
      failures = 0;
    } catch (error) {
      failures++;
      logger.warn('abstractive summary failed, keeping the extractive one', {
        storyId: draft.story.id,
        error: describeError(error),
        ...(failures >= maxFailures ? { stopping: true } : {}),
      });
      out.push(draft);
      continue;
    }
    const texts = request.reports.map((r) => draft.texts.find((t) => t.url === r.url)!);
    const kept: SummarySentence[] = [];
    for (const sentence of answer) {
      if (kept.length >= MAX_SENTENCES) break;
      const problem = groundingProblem(sentence, texts);
      if (problem) {
        logger.info('abstractive sentence dropped', { storyId: draft.story.id, problem });
        continue;
      }
      const report = texts[sentence.cite - 1]!;
      kept.push({
        text: attribute({
          text: sentence.text,
          url: report.url,
          source: report.source,
          ...(report.language ? { language: report.language } : {}),
        }),
        url: report.url,
      });
    }
    if (kept.length === 0) {
      out.push(draft);
      continue;
    }
    out.push({
      ...draft,
      story: { ...draft.story, sentences: kept, summary: kept.map((s) => s.text).join(' ') },
    });
  }
  return out;
}

/** The story as the summariser sees it: numbered reports and the theme baselines. */
export function summaryRequest(draft: StoryDraft): SummaryRequest {
  const texts = draft.texts.filter((t) => t.sentences.length > 0).slice(0, MAX_REPORTS);
  return {
    storyId: draft.story.id,
    title: draft.story.title,
    reports: texts.map((t, i) => ({
      n: i + 1,
      source: t.source,
      title: t.title,
      url: t.url,
      text: t.sentences.join(' ').slice(0, REPORT_CHARS),
    })),
    baselines: draft.story.themes.map((id) => ({ theme: themeById(id).title, text: themeById(id).baseline })),
  };
}

/** Numbers, and words written with a capital inside a sentence: the facts a sentence must not invent. */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const NAME = /(?<=\S\s+)\p{Lu}[\p{L}’'-]+/gu;

/** Why a cited sentence is not supported by the report it cites, or undefined when it is. */
export function groundingProblem(
  sentence: CitedSentence,
  reports: readonly ReportText[],
): string | undefined {
  const report = Number.isInteger(sentence.cite) ? reports[sentence.cite - 1] : undefined;
  if (!report) return `cites report ${sentence.cite}, which the story does not have`;
  const text = sentence.text.trim();
  if (!isSummaryMaterial(text)) return `not a reporting sentence: ${text.slice(0, 60)}`;
  const source = `${report.title} ${report.sentences.join(' ')}`;
  const supported = new Set(tokensOf(source));
  const words = new Set(tokensOf(text));
  if (words.size === 0) return 'empty sentence';
  let shared = 0;
  for (const w of words) if (supported.has(w)) shared++;
  if (shared / words.size < GROUNDING_SHARE)
    return `words not in report ${sentence.cite}: ${text.slice(0, 60)}`;
  const digits = new Set(source.match(NUMBER) ?? []);
  const number = (text.match(NUMBER) ?? []).find((n) => !digits.has(n));
  if (number) return `number ${number} not in report ${sentence.cite}`;
  // The outlet may be named ("Bloomberg reports that …") though its report does not name itself.
  const lower = `${source} ${report.source}`.toLowerCase();
  const name = (text.match(NAME) ?? []).find((n) => !lower.includes(n.toLowerCase().replace(/['’]s$/, '')));
  if (name) return `name ${name} not in report ${sentence.cite}`;
  return undefined;
}
