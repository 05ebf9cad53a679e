/**
 * `npm run train:relevance`: fits the relevance and theme models on
 * ../shared/corpora/relevance-train and writes functions/analyse/model/relevance.json and
 * themes.json. Deterministic (no randomness, fixed iterations): run it again and the files do
 * not change. `--check` writes nothing and exits 1 when the committed files differ from a fresh
 * fit. Skips with a message when the corpus is absent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { themeModelFile } from '#analyse/relevance-model.ts';
import { trainModels } from '#analyse/train-model.ts';
import { MODEL_DIR, modelJson, readCorpus, TRAIN_FILE } from './relevance-corpus.ts';

const items = readCorpus(TRAIN_FILE);
if (!items) {
  console.log(`train:relevance skipped: ${TRAIN_FILE} is absent`);
  process.exit(0);
}
const started = process.cpuUsage();
const models = trainModels(items);
const cpu = process.cpuUsage(started);
const files = {
  'relevance.json': modelJson(models.relevance),
  'themes.json': modelJson(themeModelFile(models.themes)),
};
const check = process.argv.includes('--check');
let differs = false;
for (const [name, text] of Object.entries(files)) {
  const path = join(MODEL_DIR, name);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) differs = true;
  if (!check) writeFileSync(path, text);
  console.log(
    `${check ? 'checked' : 'wrote'} ${name}: ${(text.length / 1024).toFixed(0)} KB${current === text ? ' (unchanged)' : ''}`,
  );
}
const features = Object.keys(models.relevance.weights).length;
console.log(
  `fitted on ${items.length} items: relevance ${features} features, calibration scale ${models.relevance.calibration.scale} shift ${models.relevance.calibration.shift}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
if (check && differs) {
  console.error('train:relevance --check: the committed model files differ from a fresh fit');
  process.exit(1);
}
