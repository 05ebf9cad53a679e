/** The labelled development set in ../shared (skipped with a message when absent). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../functions/pipeline/classify-relevance.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const FILE = resolve(REPO_ROOT, '../shared/corpora/relevance-dev/items.jsonl');
const present = existsSync(FILE);
if (!present) console.warn(`skipped: ${FILE} is absent`);

describe.skipIf(!present)('relevance on the development set', () => {
  it('meets precision 0.95, recall 0.93 (label 2 vs 0) and theme micro-F1 0.85', () => {
    const items = readFileSync(FILE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; summary: string; label: number; themes: string[] });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let ttp = 0;
    let tfp = 0;
    let tfn = 0;
    for (const item of items) {
      const result = classifyItem({ title: item.title, summary: item.summary });
      if (item.label === 2) {
        if (result.relevant) tp++;
        else fn++;
        const gold = new Set(item.themes);
        for (const t of result.themes) gold.has(t) ? ttp++ : tfp++;
        for (const t of gold) if (!result.themes.includes(t as never)) tfn++;
      } else if (item.label === 0 && result.relevant) fp++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const themeP = ttp / (ttp + tfp);
    const themeR = ttp / (ttp + tfn);
    const themeF1 = (2 * themeP * themeR) / (themeP + themeR);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.93);
    expect(themeF1).toBeGreaterThanOrEqual(0.85);
  });
});
