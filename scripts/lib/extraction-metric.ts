/**
 * The article-extraction-benchmark's metric, as its README states it and its evaluate.py computes
 * it: tokens are runs of word characters (Python's `\w+`, case kept); each text becomes a multiset
 * of 4-token shingles (a text of fewer tokens is one shingle); per page tp/fp/fn are counted and
 * normalised to sum 1 so that long pages do not weigh more; precision is the mean of the per-page
 * precisions over pages that predicted something or had nothing to find (tp + fp > 0), recall the
 * mean of per-page recalls over pages with something to find (tp + fn > 0); F1 = 2PR / (P + R).
 * Shared by `npm run eval:extract` and the corpus test.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const window = tokens.slice(i, i + SHINGLE);
    if (window.length === 0) break;
    const key = window.join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** One page's shingle counts, normalised to sum 1 (all zero when both texts are empty). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(predicted: string, expected: string): PageScore {
  const p = shingles(predicted);
  const e = shingles(expected);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const expectedCount = e.get(key) ?? 0;
    tp += Math.min(count, expectedCount);
    fp += Math.max(0, count - expectedCount);
  }
  for (const [key, count] of e) fn += Math.max(0, count - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

function pagePrecision({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function pageRecall({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

export interface ExtractionQuality {
  precision: number;
  recall: number;
  f1: number;
}

export function aggregate(scores: PageScore[]): ExtractionQuality {
  const precision = mean(scores.filter((s) => s.tp + s.fp > 0).map(pagePrecision));
  const recall = mean(scores.filter((s) => s.tp + s.fn > 0).map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
