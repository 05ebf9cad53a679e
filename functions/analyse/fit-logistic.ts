/**
 * L2-regularised logistic regression on named sparse features, fitted by L-BFGS with a fixed
 * iteration budget. Deterministic: no random initialisation, no sampling, and the features are
 * visited in sorted order, so the same examples always give the same weights.
 *
 * Targets may be soft (a borderline item counts as 0.5) and examples carry weights. The bias is
 * not regularised. Features seen in fewer than `minCount` examples get no weight: they would be
 * fitted to single items.
 */

export interface Example {
  values: ReadonlyMap<string, number>;
  /** 0..1 */
  target: number;
  weight: number;
}

export interface FitOptions {
  /** Strength of the L2 penalty on the weights (per example). */
  l2: number;
  iterations: number;
  minCount: number;
  /**
   * Prior mean of a feature's weight (0 when absent): the penalty pulls the weight towards it
   * rather than towards zero, so knowledge ("a pipeline indicator is evidence of the energy
   * theme") holds where examples are few and yields where they disagree.
   */
  prior?: (name: string) => number;
}

export interface LinearModel {
  bias: number;
  weights: Map<string, number>;
}

const HISTORY = 8;

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Fits the model; returns the bias and a weight for every feature kept. */
export function fitLogistic(examples: readonly Example[], options: FitOptions): LinearModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of e.values.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.entries()]
    .filter(([, n]) => n >= options.minCount)
    .map(([name]) => name)
    .sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of e.values) {
      const i = index.get(name);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), target: e.target, weight: e.weight };
  });
  const dim = names.length + 1;
  const prior = Float64Array.from(names, (name) => options.prior?.(name) ?? 0);
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0) || 1;
  const l2 = options.l2;

  /** Mean weighted log loss plus the penalty, and its gradient (index dim-1 is the bias). */
  const evaluate = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const bias = w[dim - 1]!;
    for (const r of rows) {
      let z = bias;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const p = sigmoid(z);
      // log(1 + e^z) - t z, computed stably.
      loss += r.weight * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - r.target * z);
      const g = (r.weight * (p - r.target)) / totalWeight;
      for (let k = 0; k < r.idx.length; k++) grad[r.idx[k]!]! += g * r.val[k]!;
      grad[dim - 1]! += g;
    }
    loss /= totalWeight;
    for (let j = 0; j < dim - 1; j++) {
      const d = w[j]! - prior[j]!;
      loss += 0.5 * l2 * d * d;
      grad[j]! += l2 * d;
    }
    return loss;
  };

  const w = minimise(evaluate, dim, options.iterations);
  const weights = new Map<string, number>();
  for (let i = 0; i < names.length; i++) weights.set(names[i]!, w[i]!);
  return { bias: w[dim - 1]!, weights };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search, from zero, for `iterations` steps. */
function minimise(
  evaluate: (w: Float64Array, grad: Float64Array) => number,
  dim: number,
  iterations: number,
): Float64Array {
  let w = new Float64Array(dim);
  let grad = new Float64Array(dim);
  let loss = evaluate(w, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (a: Float64Array, b: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += a[i]! * b[i]!;
    return sum;
  };
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: direction = -H grad.
    const q = Float64Array.from(grad);
    const alpha: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, q);
      alpha[k] = a;
      for (let i = 0; i < dim; i++) q[i]! -= a * y[k]![i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < dim; i++) q[i]! *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, q);
      for (let i = 0; i < dim; i++) q[i]! += s[k]![i]! * (alpha[k]! - b);
    }
    const direction = q.map((v) => -v);
    let slope = dot(direction, grad);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      for (let i = 0; i < dim; i++) direction[i] = -grad[i]!;
      slope = dot(direction, grad);
      s.length = 0;
      y.length = 0;
      rho.length = 0;
    }
    if (-slope < 1e-12) break;
    let step = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const next = new Float64Array(dim);
    const nextGrad = new Float64Array(dim);
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < dim; i++) next[i] = w[i]! + step * direction[i]!;
      nextLoss = evaluate(next, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      sk[i] = next[i]! - w[i]!;
      yk[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > HISTORY) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    w = next;
    grad = nextGrad;
    loss = nextLoss;
  }
  return w;
}
