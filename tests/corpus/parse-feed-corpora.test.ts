/**
 * parseFeed over every file of the two shared feed corpora (feedparser's test suite and
 * rss-parser's inputs: 2,138 files): no crash, no hang, only non-feeds rejected, everything plain
 * rss-parser reads read too, agreement with feedparser's own expectations and with rss-parser's
 * expected output. Skips with a message when ../shared is absent. `npx tsx scripts/eval-feeds.ts`
 * prints the same figures in full.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument, guessLegacyCharset } from '#text/charset.ts';
import { cleanInlineText } from '#text/html-to-text.ts';
import {
  CORPORA,
  type CorpusCase,
  type CorpusOutcome,
  checkExpectations,
  feedCorporaPresent,
  listCorpusFiles,
  loadCorpusCase,
  parseCorpusCase,
  readWithRssParser,
} from '../../scripts/eval-feeds.ts';

const present = feedCorporaPresent();
if (!present) console.info(`skipped: the feed corpora are absent under ${CORPORA}`);

describe.skipIf(!present)('parseFeed over the feed corpora', () => {
  let cases: CorpusCase[];
  let outcomes: CorpusOutcome[];
  let totalMs = 0;

  beforeAll(async () => {
    cases = listCorpusFiles().map(loadCorpusCase);
    outcomes = [];
    const started = performance.now();
    // parseCorpusCase rethrows anything that is not a NotAFeedError, naming the file.
    for (const c of cases) outcomes.push(await parseCorpusCase(c));
    totalMs = performance.now() - started;
  }, 120_000);

  it('reads all 2,138 files without a crash, in reasonable time', () => {
    expect(cases).toHaveLength(2138);
    const read = outcomes.filter((o) => o.read);
    console.info(
      `feed corpora: ${read.length} read (${read.reduce((s, o) => s + o.items, 0)} items), ${outcomes.length - read.length} rejected, ${Math.round(totalMs)} ms`,
    );
    // A sanity bound, not a benchmark: a hang or a quadratic path would blow far past it.
    expect(totalMs).toBeLessThan(60_000);
  });

  it('rejects only the documents that are not feeds, each with one line', () => {
    const rejected = outcomes.filter((o) => !o.read).map((o) => `${o.name}: ${o.error}`);
    console.info(`rejected:\n${rejected.join('\n')}`);
    expect(rejected).toEqual([
      // An empty file, and an HTML fragment (<head>...) that rss-parser rejects too.
      'feedparser/illformed/rss_empty_document.xml: not a feed: no XML root element',
      'rss-parser-feeds/unrecognized.rss: not a feed: root element <head>',
    ]);
  });

  it('reads every file plain rss-parser reads, and the ones it throws on', async () => {
    const plain = new Parser();
    let plainFailures = 0;
    const missed: string[] = [];
    for (const [i, c] of cases.entries()) {
      const theirs = await readWithRssParser(plain, c.body);
      if (!theirs.ok) plainFailures++;
      if (theirs.ok && !outcomes[i]!.read) missed.push(c.name);
    }
    console.info(`plain rss-parser throws on ${plainFailures} of ${cases.length}`);
    expect(plainFailures).toBeGreaterThan(400);
    expect(missed).toEqual([]);
  }, 60_000);

  it('agrees with the text, link and date expectations at the top of feedparser’s tests', () => {
    const checks = cases.flatMap((c, i) => {
      const feed = outcomes[i]!.feed;
      return c.expect && feed
        ? checkExpectations(c.expect, feed, c.url).map((k) => ({ ...k, name: c.name }))
        : [];
    });
    const misses = checks.filter((k) => !k.ok);
    console.info(
      `feedparser expectations: ${checks.length - misses.length}/${checks.length} agree; misses:\n${misses
        .map(
          (k) =>
            `${k.name} ${k.path}: expected ${JSON.stringify(k.expected)}, got ${JSON.stringify(k.actual)}`,
        )
        .join('\n')}`,
    );
    expect(checks.length).toBeGreaterThan(1000);
    // The known misses are deliberate: entries with only a date or author are not kept, HTML5
    // entity tables differ from feedparser's for &lang;/&rang;, and script/iframe content or
    // unclosed comments are dropped as a browser would drop them.
    expect(misses.length).toBeLessThanOrEqual(60);
    const textMisses = misses.filter(
      (k) => /title|summary|description|content/.test(k.path) && k.actual !== '(no item)',
    );
    expect(textMisses.length).toBeLessThanOrEqual(20);
  });

  it('decodes every file without replacement characters where the bytes allow it', () => {
    const withReplacement = outcomes
      .filter((o) => o.feed && JSON.stringify(o.feed).includes('\ufffd'))
      .map((o) => o.name);
    expect(withReplacement).toEqual([]);
  });

  it('guesses the charset of feedparser’s undeclared CJK and Cyrillic documents', () => {
    const dir = join(CORPORA, 'feedparser/illformed/chardet');
    const guesses = Object.fromEntries(
      readdirSync(dir).map((f) => [f, guessLegacyCharset(readFileSync(join(dir, f)))]),
    );
    expect(guesses).toMatchObject({
      'big5.xml': 'big5',
      'eucjp.xml': 'euc-jp',
      'euckr.xml': 'euc-kr',
      'gb2312.xml': 'gb18030',
      'koi8r.xml': 'koi8-r',
      'shiftjis.xml': 'shift_jis',
    });
  });

  it('gives the titles of rss-parser’s expected output, correctly decoded where rss-parser was not', () => {
    const expectedDir = join(CORPORA, 'rss-parser-expected');
    const inputs = readdirSync(join(CORPORA, 'rss-parser-feeds'));
    let compared = 0;
    for (const file of readdirSync(expectedDir).filter((f) => f.endsWith('.json'))) {
      const input = inputs.find((f) => f.replace(/\.(rss|atom)$/, '') === file.replace(/\.json$/, ''));
      if (!input) continue;
      const expected = JSON.parse(decodeDocument(readFileSync(join(expectedDir, file)))) as {
        feed: { items: { title?: unknown }[] };
      };
      const ours = outcomes[cases.findIndex((c) => c.name === `rss-parser-feeds/${input}`)]!.feed!;
      expected.feed.items.forEach((e, i) => {
        if (typeof e.title !== 'string' || !e.title.trim()) return;
        const title = cleanInlineText(e.title);
        // rss-parser left U+FFFD where it misread the charset; ours must have a real character there.
        const pattern = new RegExp(
          `^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\ufffd/g, '[^\\ufffd]')}$`,
        );
        expect(ours.items[i]?.title, `${file} item ${i}`).toMatch(pattern);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(150);
  });
});
