import { describe, expect, it } from 'vitest';
import { dateFolds, type LabelledItem, trainModels } from '#analyse/train-model.ts';

describe('dateFolds', () => {
  const items = Array.from({ length: 100 }, (_, i) => ({
    published: `2023-${String(1 + (i % 10)).padStart(2, '0')}-0${1 + (i % 3)}T10:00:00Z`,
  }));

  it('keeps each day in one fold and splits the items into folds of about equal size', () => {
    const folds = dateFolds(items, 5);
    const byDay = new Map<string, Set<number>>();
    items.forEach((item, i) => {
      const day = item.published.slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? new Set()).add(folds[i]!));
    });
    for (const set of byDay.values()) expect(set.size).toBe(1);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(10);
  });

  it('orders folds by date: a later fold never holds an earlier day', () => {
    const folds = dateFolds(items, 4);
    const order = items
      .map((x, i) => ({ day: x.published.slice(0, 10), fold: folds[i]! }))
      .sort((a, b) => (a.day < b.day ? -1 : 1));
    for (let i = 1; i < order.length; i++) expect(order[i]!.fold).toBeGreaterThanOrEqual(order[i - 1]!.fold);
  });
});

describe('trainModels', () => {
  const item = (
    n: number,
    title: string,
    label: 0 | 1 | 2,
    themes: LabelledItem['themes'] = [],
  ): LabelledItem => ({
    id: `x${n}`,
    title,
    label,
    themes,
    published: `2023-0${1 + (n % 9)}-1${n % 10}T00:00:00Z`,
  });
  const items: LabelledItem[] = [];
  for (let n = 0; n < 30; n++) {
    items.push(
      item(4 * n, `Xi and Putin sign gas pipeline deal number ${n}`, 2, ['energy', 'alliance-diplomacy']),
    );
    items.push(item(4 * n + 1, `China and Russia hold joint naval drills, round ${n}`, 2, ['military']));
    items.push(item(4 * n + 2, `Threats from China, Russia and Iran rise, report ${n} says`, 0));
    items.push(item(4 * n + 3, `China's exports rise in month ${n}`, 0));
  }

  it('is deterministic, and learns that these relations are relevant and these lists are not', () => {
    const a = trainModels(items);
    const b = trainModels(items);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.relevance.weights['cue:contact@pair']).toBeGreaterThan(0);
    expect(a.relevance.weights['frame:adversary@pair']).toBeLessThan(0);
    expect(a.themes.themes.energy.weights['ind:energy:pipeline@title']).toBeGreaterThan(0);
  });
});
