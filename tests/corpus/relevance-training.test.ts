/**
 * The committed model files are what `npm run train:relevance` produces from
 * ../shared/corpora/relevance-train: training is deterministic, and a fresh fit equals the
 * parameters in functions/analyse/model/. Skipped with a message when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeModelFile } from '#analyse/relevance-model.ts';
import { trainModels } from '#analyse/train-model.ts';
import { MODEL_DIR, modelJson, readCorpus, TRAIN_FILE } from '../../scripts/relevance-corpus.ts';

const items = readCorpus(TRAIN_FILE);
if (!items) console.warn(`skipped: ${TRAIN_FILE} is absent`);

describe.skipIf(!items)('relevance training on relevance-train', () => {
  it('is deterministic, and the committed parameters equal a fresh fit', () => {
    const first = trainModels(items!);
    const second = trainModels(items!);
    expect(modelJson(second.relevance)).toBe(modelJson(first.relevance));
    expect(modelJson(themeModelFile(second.themes))).toBe(modelJson(themeModelFile(first.themes)));
    expect(readFileSync(join(MODEL_DIR, 'relevance.json'), 'utf8')).toBe(modelJson(first.relevance));
    expect(readFileSync(join(MODEL_DIR, 'themes.json'), 'utf8')).toBe(
      modelJson(themeModelFile(first.themes)),
    );
  });
});
