/** Every file of the two shared feed corpora (2,138): no crash, no hang, and only non-feeds rejected. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { NotAFeedError } from '../../functions/domain/errors.ts';
import { parseFeed } from '../../functions/pipeline/parse-feed.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const ROOTS = ['feedparser', 'rss-parser-feeds'].map((d) => resolve(REPO_ROOT, '../shared/corpora', d));
const present = ROOTS.every((r) => existsSync(r));
if (!present) console.warn('skipped: ../shared/corpora feed corpora are absent');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /^(LICENSE|SOURCE)/.test(name) ? [] : [path];
  });
}

describe.skipIf(!present)('feed corpora', () => {
  it('reads every feed a lenient reader would, and everything plain rss-parser reads', async () => {
    const all = ROOTS.flatMap(files);
    expect(all.length).toBe(2138);
    const plain = new Parser();
    const rejected: string[] = [];
    const missedByUs: string[] = [];
    for (const file of all) {
      const body = readFileSync(file);
      let ours = true;
      try {
        await parseFeed(body);
      } catch (error) {
        if (!(error instanceof NotAFeedError)) throw new Error(`${file}: ${(error as Error).message}`);
        ours = false;
        rejected.push(`${file.split('/corpora/')[1]}: ${(error as Error).message}`);
      }
      if (!ours) {
        const theirs = await plain.parseString(body.toString('utf8')).then(
          (f) => (f.items?.length ?? 0) > 0,
          () => false,
        );
        if (theirs) missedByUs.push(file);
      }
    }
    console.info(
      `feed corpora: ${all.length - rejected.length} read, ${rejected.length} rejected:\n${rejected.join('\n')}`,
    );
    expect(missedByUs).toEqual([]);
    // Only the empty document and an HTML fragment are not feeds.
    expect(rejected.length).toBeLessThanOrEqual(2);
  }, 120_000);
});
