/**
 * The optional second opinion: items whose local score falls in the uncertainty band go to a
 * reviewer (Amazon Bedrock, through the RelevanceReviewer port), most uncertain first, within a
 * per-run cap on count and estimated cost. Verdicts are cached by item id in the private store,
 * so an item is reviewed once whatever the number of runs. The final score is the mean of the
 * local probability and the reviewer's, so `relevant` stays `score >= threshold`; the verdict
 * and its rationale join the reasons. Any failure (the reviewer, a malformed cache entry, the
 * store) keeps the local decision.
 */
import { describeError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Classification } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Logger, RelevanceReviewer, RelevanceVerdict, ReviewItem, Store } from '#ports/ports.ts';
import { readStoredValue, writeStoredJson } from '#state/stored-json.ts';
import { RELEVANCE_THRESHOLD } from './classify-relevance.ts';
import { signed } from './relevance-model.ts';

export interface SecondOpinionOptions {
  /** Scores from `from` (inclusive) to `to` (exclusive) are uncertain enough to ask about. */
  band: { from: number; to: number };
  maxItems: number;
  maxCostUsd: number;
}

export interface SecondOpinionReport {
  inBand: number;
  asked: number;
  cached: number;
  failed: number;
  /** Items in the band left to the local model because the run's cap was reached. */
  capped: number;
  estimatedCostUsd: number;
}

export interface SecondOpinionDeps {
  reviewer: RelevanceReviewer;
  data: Store;
  logger: Logger;
}

const VerdictSchema = z.object({
  relevant: z.boolean(),
  confidence: z.number().check(z.minimum(0.5), z.maximum(1)),
  rationale: z.string().check(z.maxLength(2000)),
  model: z.string().check(z.minLength(1), z.maxLength(200)),
});

const MAX_RATIONALE = 300;

type Reviewable = ReviewItem & { classification: Classification };

/** Applies second opinions to the uncertain items; returns the items (same order) and a report. */
export async function applySecondOpinion<T extends Reviewable>(
  items: readonly T[],
  deps: SecondOpinionDeps,
  options: SecondOpinionOptions,
): Promise<{ items: T[]; report: SecondOpinionReport }> {
  const report: SecondOpinionReport = {
    inBand: 0,
    asked: 0,
    cached: 0,
    failed: 0,
    capped: 0,
    estimatedCostUsd: 0,
  };
  const inBand = items
    .map((item, index) => ({ item, index }))
    .filter(
      ({ item }) =>
        item.classification.score >= options.band.from && item.classification.score < options.band.to,
    )
    .sort(
      (a, b) =>
        Math.abs(a.item.classification.score - RELEVANCE_THRESHOLD) -
          Math.abs(b.item.classification.score - RELEVANCE_THRESHOLD) || a.index - b.index,
    );
  report.inBand = inBand.length;
  const out = [...items];
  for (const { item, index } of inBand) {
    const verdict = await verdictFor(item, deps, options, report);
    if (verdict) out[index] = { ...item, classification: combine(item.classification, verdict) };
  }
  report.estimatedCostUsd = Math.round(report.estimatedCostUsd * 1e6) / 1e6;
  return { items: out, report };
}

async function verdictFor(
  item: Reviewable,
  deps: SecondOpinionDeps,
  options: SecondOpinionOptions,
  report: SecondOpinionReport,
): Promise<RelevanceVerdict | undefined> {
  const key = dataKeys.relevanceReview(item.id);
  try {
    // A malformed cache entry is reported and kept aside by the state helper, then asked again.
    const cached = await readStoredValue({ store: deps.data, logger: deps.logger }, key, VerdictSchema);
    if (cached) {
      report.cached++;
      return cached;
    }
  } catch (error) {
    deps.logger.warn('cached relevance review not read', { itemId: item.id, error: describeError(error) });
  }
  const review: ReviewItem = {
    id: item.id,
    title: item.title,
    summary: item.summary,
    language: item.language,
  };
  const cost = deps.reviewer.estimateCostUsd(review);
  if (report.asked >= options.maxItems || report.estimatedCostUsd + cost > options.maxCostUsd) {
    report.capped++;
    return undefined;
  }
  report.asked++;
  report.estimatedCostUsd += cost;
  let verdict: RelevanceVerdict;
  try {
    verdict = VerdictSchema.parse(await deps.reviewer.review(review));
  } catch (error) {
    report.failed++;
    deps.logger.warn('relevance second opinion failed, keeping the local model', {
      itemId: item.id,
      error: describeError(error),
    });
    return undefined;
  }
  try {
    await writeStoredJson(deps.data, key, verdict);
  } catch (error) {
    deps.logger.warn('relevance review not cached', { itemId: item.id, error: describeError(error) });
  }
  return verdict;
}

/** The mean of the two probabilities decides; the verdict and its rationale join the reasons. */
function combine(local: Classification, verdict: RelevanceVerdict): Classification {
  const reviewer = verdict.relevant ? verdict.confidence : 1 - verdict.confidence;
  const score = Math.round(((local.score + reviewer) / 2) * 1000) / 1000;
  const rationale = verdict.rationale.replace(/\s+/g, ' ').trim().slice(0, MAX_RATIONALE);
  const reason = `second opinion (${verdict.model}): ${verdict.relevant ? 'relevant' : 'not relevant'}, confidence ${verdict.confidence.toFixed(2)}: ${rationale} (${signed(score - local.score)})`;
  return { ...local, score, relevant: score >= RELEVANCE_THRESHOLD, reasons: [...local.reasons, reason] };
}
