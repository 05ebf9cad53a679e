/**
 * Unknown keys in a JSON document, found against the zod schema it is meant for, with the
 * nearest valid key as a suggestion: a typo such as `maxStorys` must be an error that says
 * `maxStories`, never a setting silently ignored. Works on any z.object (strip, strict) so
 * modules that add keys to a schema need do nothing; z.looseObject opts out on purpose. Takes
 * schemas of zod and zod/mini alike (both are zod core schemas).
 */
import type * as z from './zod.ts';

export interface UnknownKey {
  /** Where the key sits, e.g. "delivery.form" or "feeds[2].perspectve". */
  path: string;
  key: string;
  suggestion?: string;
}

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first unknown key in document order, or undefined when every key is known. */
export function findUnknownKey(input: unknown, schema: z.core.$ZodType, path = ''): UnknownKey | undefined {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  if (inner) return findUnknownKey(input, inner, path);
  if (def.type === 'array' && def.element && Array.isArray(input)) {
    for (const [i, item] of input.entries()) {
      const found = findUnknownKey(item, def.element, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (def.type === 'record' && def.valueType && isPlainObject(input)) {
    for (const [key, value] of Object.entries(input)) {
      const found = findUnknownKey(value, def.valueType, join(path, key));
      if (found) return found;
    }
    return undefined;
  }
  if (def.type !== 'object' || !def.shape || !isPlainObject(input)) return undefined;
  const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
  const known = Object.keys(def.shape);
  for (const [key, value] of Object.entries(input)) {
    const field = def.shape[key];
    if (field) {
      const found = findUnknownKey(value, field, join(path, key));
      if (found) return found;
    } else if (!open) {
      const suggestion = nearestName(key, known);
      return { path: join(path, key), key, ...(suggestion ? { suggestion } : {}) };
    }
  }
  return undefined;
}

/** "maxStorys: unknown key (did you mean "maxStories"?)", without the document's own prefix. */
export function describeUnknownKey(found: UnknownKey): string {
  return `${found.path}: unknown key${found.suggestion ? ` (did you mean "${found.suggestion}"?)` : ''}`;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The candidate closest to `word` by edit distance (insertions, deletions, substitutions and
 * swaps of neighbours, ignoring case), when it is close enough to be a typo: at most a third of
 * the word's length, and at least 1 edit allowed, at most 3.
 */
export function nearestName(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
