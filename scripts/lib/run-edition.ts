/**
 * One edition by the unchanged pipeline (`briefing run` in a fresh process, on a feeds file, with a
 * config and a clock), and the figures of the news-days scorer's last line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs the pipeline once; returns the path of the edition.json it published. */
export function runEdition(run: { feeds: string; config: string; now: string; out: string }): string {
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/briefing.mjs'),
      'run',
      '--feeds',
      run.feeds,
      '--config',
      run.config,
      '--now',
      run.now,
      '--out',
      run.out,
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // The CLI writes the published site under <out>/site/ (private state beside it, in state/).
  const index = JSON.parse(readFileSync(join(run.out, 'site', 'editions.json'), 'utf8')) as { id: string }[];
  return join(run.out, 'site', 'editions', index[0]!.id, 'edition.json');
}

/** The figures of score-edition.mjs's last line ("edition_score dev_cov=0.917 … noise=0"), as printed. */
export function scoresOf(scorerOutput: string): Record<string, string> {
  const line = scorerOutput.trim().split('\n').at(-1) ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1]!, m[2]!]));
}
