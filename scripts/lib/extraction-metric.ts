/**
 * The article-extraction-benchmark's metric: tokens are runs of letters/digits, texts become
 * multisets of 4-token shingles, per page tp/fp/fn are normalised to sum 1 (every page weighs
 * the same), and precision/recall come from the page-normalised sums.
 */

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Map<string, number>();
  if (tokens.length < n) {
    if (tokens.length > 0) out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

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
  for (const [k, c] of p) {
    const ec = e.get(k) ?? 0;
    tp += Math.min(c, ec);
    fp += Math.max(0, c - ec);
  }
  for (const [k, c] of e) fn += Math.max(0, c - (p.get(k) ?? 0));
  const sum = tp + fp + fn;
  if (sum === 0) return { tp: 1, fp: 0, fn: 0 };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export function aggregate(scores: PageScore[]): { precision: number; recall: number; f1: number } {
  const tp = scores.reduce((s, x) => s + x.tp, 0);
  const fp = scores.reduce((s, x) => s + x.fp, 0);
  const fn = scores.reduce((s, x) => s + x.fn, 0);
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
