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
  // The operator's view: each source's full error (edition.json publishes only a public reason).
  const count = (status: string) => result.sources.filter((s) => s.status === status).length;
  const skipped = count('skipped') > 0 ? `, ${count('skipped')} skipped` : '';
  const rows: [string, string][] = [
    ['items seen', String(edition.stats.itemsSeen)],
    ['relevant', String(edition.stats.itemsRelevant)],
    ['stories', String(edition.stats.stories)],
    [
      'sources',
      `${count('ok')} ok, ${count('not-modified')} not modified, ${count('failed')} failed${skipped}`,
    ],
  ];
  const lines = [`Edition ${edition.id}: ${edition.title}`];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(14)}${v}`);
  const unanswered = result.sources.filter((x) => x.status === 'failed' || x.status === 'skipped');
  for (const s of unanswered.slice(0, 8)) {
    lines.push(`    ${s.status}: ${s.name}: ${s.detail ?? s.error ?? 'unknown error'}`);
  }
  if (unanswered.length > 8) lines.push(`    ... and ${unanswered.length - 8} more (see the run report)`);
  for (const c of result.corruptState) {
    lines.push(`  ${'corrupt state'.padEnd(14)}${c.problem}${c.keptAs ? ` (kept as ${c.keptAs})` : ''}`);
  }
  for (const [i, s] of edition.topLine.entries())
    lines.push(`  ${i === 0 ? 'top line'.padEnd(14) : ''.padEnd(14)}${i + 1}. ${s.text}`);
  if (result.delivery) {
    const d = result.delivery;
    const extra = [
      d.pending
        ? `${d.pending} pending (claimed by a run that may have died; a re-run after its lease finishes them)`
        : '',
      d.suppressed ? `${d.suppressed} suppressed` : '',
      d.deferred ? `${d.deferred} deferred` : '',
      d.mode === 'queued' ? `via the send queue in ${d.batches} batches` : '',
    ].filter(Boolean);
    lines.push(
      `  ${'mail'.padEnd(14)}${d.sent} sent, ${d.skipped} already sent, ${d.failed} failed${extra.length ? `, ${extra.join(', ')}` : ''}${d.note ? ` (${d.note})` : ''}`,
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
