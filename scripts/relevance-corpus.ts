/**
 * Reading the labelled corpora of ../shared for the relevance scripts and tests: the training
 * corpus, the development set, and where they are. Absent corpora are reported, not an error,
 * so a checkout without ../shared still runs everything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledItem } from '#analyse/train-model.ts';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const TRAIN_FILE = resolve(ROOT, '../shared/corpora/relevance-train/items.jsonl');
export const DEV_DIR = resolve(ROOT, '../shared/corpora/relevance-dev');
export const DEV_FILE = join(DEV_DIR, 'items.jsonl');
export const MODEL_DIR = join(ROOT, 'functions/analyse/model');

/** A corpus item with the fields the evaluation reports by. */
export interface CorpusItem extends LabelledItem {
  negative_type?: string | null;
  source?: string;
  url?: string;
}

export function readCorpus(file: string): CorpusItem[] | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
}

/** A gold file's link and a feed's link as one key: scheme, www., query, fragment and a final slash left out. */
export const normaliseLink = (link: string) =>
  link
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/$/, '');

/** The model files as written by the trainer: stable key order, one weight or one row of weights per line. */
export function modelJson(value: unknown): string {
  // A row of numbers (a feature's weight in each theme) on one line.
  const text = JSON.stringify(value, null, 1).replace(
    /\[\n\s*(-?[\d.e-]+(?:,\n\s*-?[\d.e-]+)*)\n\s*\]/g,
    (_, row: string) => `[${row.split(/,\n\s*/).join(', ')}]`,
  );
  return `${text}\n`;
}
