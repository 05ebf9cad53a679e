/** The one-screen summary printed after `briefing run`. */
import { join, relative } from 'node:path';
import { wrapText } from '#deliver/render-email.ts';
import type { RunResult } from '#run-digest';
import type { LocalPaths } from './local-deps.ts';
import type { Styler } from './terminal.ts';

const LABEL = 14;

/** What a run leaves to open by hand: the email as HTML, and for a dry run the whole rendering. */
export interface LocalCopies {
  preview?: string;
  /** A dry run's folder: edition.json, index.html (the edition), email.html, email.txt. */
  scratch?: string;
  /** A private ad-hoc briefing's page, under <out>/adhoc/. */
  privatePage?: string;
}

export function formatRunSummary(
  result: RunResult,
  paths: LocalPaths & LocalCopies,
  display: { width?: number; style: Styler },
): string {
  const { edition } = result;
  const { style } = display;
  // Long lines (the top line's sentences) wrap to the terminal, under their own column.
  const width = Math.max(40, Math.min(display.width ?? 100, 120));
  const rel = (p: string) => {
    const r = relative(process.cwd(), p) || '.';
    return r.startsWith('..') ? p : r;
  };
  // The operator's view: each source's full error (edition.json publishes only a public reason).
  const count = (status: string) => result.sources.filter((s) => s.status === status).length;
  const failed = count('failed');
  const skipped = count('skipped') > 0 ? `, ${count('skipped')} skipped` : '';
  const lines = [`Edition ${edition.id}: ${edition.title}`];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(LABEL)}${value}`);
  if (edition.kind === 'ad-hoc')
    row('kind', edition.private ? 'ad hoc, private (not in the public archive)' : 'ad hoc, published');
  row('items seen', String(edition.stats.itemsSeen));
  // The second look's share, so a reader can tell the feed text's finds from the pages'.
  const second = result.nearMisses;
  row(
    'relevant',
    second
      ? `${edition.stats.itemsRelevant}, ${second.rescued} of them by its page (${second.looked} below the cut read again)`
      : String(edition.stats.itemsRelevant),
  );
  row('stories', String(edition.stats.stories));
  const sources = `${count('ok')} ok, ${count('not-modified')} not modified, ${failed} failed${skipped}`;
  row('sources', failed > 0 ? style.failure(sources) : sources);
  const unanswered = result.sources.filter((x) => x.status === 'failed' || x.status === 'skipped');
  for (const s of unanswered.slice(0, 8)) {
    const line = `    ${s.status}: ${s.name}: ${s.detail ?? s.error ?? 'unknown error'}`;
    lines.push(s.status === 'failed' ? style.failure(line) : style.warning(line));
  }
  if (unanswered.length > 8)
    lines.push(style.warning(`    ... and ${unanswered.length - 8} more (see the run report)`));
  for (const c of result.corruptState) {
    row('corrupt state', style.warning(`${c.problem}${c.keptAs ? ` (kept as ${c.keptAs})` : ''}`));
  }
  const indent = ' '.repeat(2 + LABEL + 3);
  for (const [i, s] of edition.topLine.entries()) {
    const first = `  ${(i === 0 ? 'top line' : '').padEnd(LABEL)}${i + 1}. `;
    lines.push(wrapText(s.text, indent, first, width));
  }
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
    const mail = `${d.sent} sent, ${d.skipped} already sent, ${d.failed} failed${extra.length ? `, ${extra.join(', ')}` : ''}${d.note ? ` (${d.note})` : ''}`;
    row('mail', d.failed > 0 ? style.failure(mail) : d.pending ? style.warning(mail) : mail);
    row('outbox', rel(paths.outbox));
  }
  if (paths.preview) row('preview', rel(paths.preview));
  if (result.published) {
    row('archive', rel(join(paths.site, 'index.html')));
    row('edition', rel(join(paths.site, `editions/${edition.id}/index.html`)));
    row('edition.json', rel(join(paths.site, `editions/${edition.id}/edition.json`)));
  } else if (paths.privatePage) {
    row('private copy', rel(paths.privatePage));
  } else if (paths.scratch) {
    row('dry run', `nothing stored or sent; the rendering is in ${rel(paths.scratch)}/`);
  } else {
    row('archive', 'not written (archive off)');
  }
  row('took', `${(edition.stats.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
