import { describe, expect, it } from 'vitest';
import { localPaths } from '#cli/local-deps.ts';
import { formatRunSummary } from '#cli/run-summary.ts';
import { createStyler } from '#cli/terminal.ts';
import type { RunResult } from '#run-digest';
import { makeEdition } from '#tests/fixtures/editions/sample-edition.ts';

const plain = createStyler({ isTTY: false });
const paths = localPaths('/data/out');

function result(overrides: Partial<RunResult> = {}): RunResult {
  const edition = makeEdition(3);
  return {
    edition,
    // The operator's view of the sources: the full error, beside the public reason.
    sources: edition.sources.map((src) => ({
      ...src,
      url: src.url ?? 'https://feeds.example.org/',
      ...(src.status === 'failed'
        ? { detail: `${src.error} (https://www.kommersant.example/RSS/news.xml)` }
        : {}),
    })),
    corruptState: [],
    editionUrl: 'https://briefing.example.org/editions/2026-11-23/',
    published: { editionId: edition.id, files: 40, indexAttempts: 1 },
    delivery: {
      sent: 1,
      skipped: 0,
      pending: 0,
      suppressed: 0,
      failed: 0,
      deferred: 0,
      failures: [],
      recipients: 1,
      quietDay: false,
      mode: 'inline',
    },
    ...overrides,
  };
}

describe('formatRunSummary', () => {
  it.each([60, 80, 120])('wraps the top line to a %i-column terminal under its own column', (width) => {
    const text = formatRunSummary(result(), paths, { width, style: plain });
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  top line'));
    const topLine = lines.slice(
      start,
      lines.findIndex((l) => l.startsWith('  mail')),
    );
    expect(topLine.length).toBeGreaterThan(3);
    for (const line of topLine) {
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line).toMatch(/^ {2}(top line {6}| {14})(\d\. | {3})\S/);
    }
  });

  it('says how many relevant items only their pages showed, when the second look ran', () => {
    const relevantRow = (r: RunResult) =>
      formatRunSummary(r, paths, { style: plain })
        .split('\n')
        .find((l) => l.startsWith('  relevant'));
    const n = makeEdition(3).stats.itemsRelevant;
    expect(relevantRow(result())).toBe(`  relevant      ${n}`);
    expect(relevantRow(result({ nearMisses: { looked: 2, rescued: 1 } }))).toBe(
      `  relevant      ${n}, 1 of them by its page (2 below the cut read again)`,
    );
  });

  it('names the site and edition files under site/, and a private ad-hoc copy when there is one', () => {
    expect(formatRunSummary(result(), paths, { style: plain })).toContain(
      '  edition.json  /data/out/site/editions/2026-11-23/edition.json',
    );
    const adHoc = result({ published: undefined, editionUrl: undefined });
    adHoc.edition = { ...adHoc.edition, kind: 'ad-hoc', private: true };
    const text = formatRunSummary(
      adHoc,
      { ...paths, privatePage: '/data/out/adhoc/x/index.html' },
      { style: plain },
    );
    expect(text).toContain('  kind          ad hoc, private (not in the public archive)');
    expect(text).toContain('  private copy  /data/out/adhoc/x/index.html');
  });

  it('colours failed sources on a terminal, and says the same without colour', () => {
    const failing = result();
    const coloured = formatRunSummary(failing, paths, { style: createStyler({ isTTY: true }, { env: {} }) });
    expect(coloured).toContain(
      '\x1b[31m    failed: Kommersant: HTTP 503 after 3 attempts (https://www.kommersant.example/RSS/news.xml)\x1b[0m',
    );
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(formatRunSummary(failing, paths, { style: plain }));
  });
});
