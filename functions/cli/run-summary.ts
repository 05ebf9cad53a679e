/** The one-screen summary printed after `briefing run`. */
import { relative } from 'node:path';
import type { RunResult } from '#run-digest';

export function formatRunSummary(
  result: RunResult,
  paths: { out: string; outbox: string; preview?: string },
): string {
  const { edition } = result;
  const rel = (p: string) => {
    const r = relative(process.cwd(), p) || '.';
    return r.startsWith('..') ? p : r;
  };
  const count = (status: string) => edition.sources.filter((s) => s.status === status).length;
  const rows: [string, string][] = [
    ['items seen', String(edition.stats.itemsSeen)],
    ['relevant', String(edition.stats.itemsRelevant)],
    ['stories', String(edition.stats.stories)],
    ['sources', `${count('ok')} ok, ${count('not-modified')} not modified, ${count('failed')} failed`],
  ];
  const lines = [`Edition ${edition.id}: ${edition.title}`];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(14)}${v}`);
  for (const s of edition.sources.filter((x) => x.status === 'failed').slice(0, 8)) {
    lines.push(`    failed: ${s.name}: ${s.error ?? 'unknown error'}`);
  }
  if (count('failed') > 8) lines.push(`    ... and ${count('failed') - 8} more (see edition.json)`);
  for (const [i, s] of edition.topLine.entries())
    lines.push(`  ${i === 0 ? 'top line'.padEnd(14) : ''.padEnd(14)}${i + 1}. ${s.text}`);
  if (result.delivery) {
    const d = result.delivery;
    lines.push(
      `  ${'mail'.padEnd(14)}${d.sent} sent, ${d.skipped} skipped, ${d.failed} failed${d.note ? ` (${d.note})` : ''}`,
    );
    lines.push(`  ${'outbox'.padEnd(14)}${rel(paths.outbox)}`);
  }
  if (paths.preview) lines.push(`  ${'preview'.padEnd(14)}${rel(paths.preview)}`);
  if (result.published) {
    lines.push(`  ${'archive'.padEnd(14)}${rel(`${paths.out}/index.html`)}`);
    lines.push(`  ${'edition'.padEnd(14)}${rel(`${paths.out}/editions/${edition.id}/index.html`)}`);
    lines.push(`  ${'edition.json'.padEnd(14)}${rel(`${paths.out}/editions/${edition.id}/edition.json`)}`);
  } else {
    lines.push(`  ${'archive'.padEnd(14)}not written (${result.delivery ? 'archive off' : 'dry run'})`);
  }
  lines.push(`  ${'took'.padEnd(14)}${(edition.stats.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
