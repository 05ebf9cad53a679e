import { describe, expect, it } from 'vitest';
import { type Example, fitLogistic, sigmoid } from '#analyse/fit-logistic.ts';

const example = (features: string[], target: number, weight = 1): Example => ({
  values: new Map(features.map((f) => [f, 1])),
  target,
  weight,
});

/** A small problem: "good" predicts the positive class, "bad" the negative, "noise" nothing. */
const DATA: Example[] = [
  ...Array.from({ length: 20 }, (_, i) => example(['good', ...(i % 2 ? ['noise'] : [])], 1)),
  ...Array.from({ length: 20 }, (_, i) => example(['bad', ...(i % 2 ? ['noise'] : [])], 0)),
  example(['good', 'bad'], 1),
  example(['good', 'bad'], 0),
];
const OPTIONS = { l2: 0.01, iterations: 100, minCount: 2 };

describe('fitLogistic', () => {
  it('learns the sign of each feature and leaves an uninformative one near zero', () => {
    const model = fitLogistic(DATA, OPTIONS);
    expect(model.weights.get('good')).toBeGreaterThan(1);
    expect(model.weights.get('bad')).toBeLessThan(-1);
    expect(Math.abs(model.weights.get('noise') ?? 0)).toBeLessThan(0.2);
  });

  it('is deterministic: the same examples give the same weights', () => {
    const a = fitLogistic(DATA, OPTIONS);
    const b = fitLogistic([...DATA], OPTIONS);
    expect([...b.weights]).toEqual([...a.weights]);
    expect(b.bias).toBe(a.bias);
  });

  it('drops features seen fewer than minCount times', () => {
    const model = fitLogistic([...DATA, example(['rare'], 1)], OPTIONS);
    expect(model.weights.has('rare')).toBe(false);
  });

  it('shrinks weights as the penalty grows', () => {
    const loose = fitLogistic(DATA, { ...OPTIONS, l2: 0.001 });
    const tight = fitLogistic(DATA, { ...OPTIONS, l2: 0.3 });
    expect(Math.abs(tight.weights.get('good')!)).toBeLessThan(Math.abs(loose.weights.get('good')!));
  });

  it('fits soft targets: a feature always at 0.5 predicts 0.5', () => {
    const soft = Array.from({ length: 10 }, () => example(['maybe'], 0.5));
    const model = fitLogistic(soft, { l2: 0, iterations: 50, minCount: 1 });
    expect(sigmoid(model.bias + (model.weights.get('maybe') ?? 0))).toBeCloseTo(0.5, 3);
  });

  it('respects example weights', () => {
    const skewed = [example(['x'], 1, 3), example(['x'], 0, 1), example(['y'], 0), example(['y'], 0)];
    const model = fitLogistic(skewed, { l2: 0, iterations: 100, minCount: 1 });
    expect(sigmoid(model.bias + model.weights.get('x')!)).toBeCloseTo(0.75, 2);
  });
});
