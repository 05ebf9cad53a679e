/**
 * Feed parsing against plain rss-parser, in CPU time, on real feeds: the four news days of
 * ../shared/corpora/news-days (150 archived RSS feeds, 3,740 items) and the sample day's feeds.
 * The ratio is taken on the feeds plain rss-parser reads (it throws on or finds nothing in the
 * others), with the same bytes in the same run: ours decodes, parses, cleans the text, canonicalises
 * links, reads dates and makes ids; plain rss-parser is given the bytes as a UTF-8 string. Rounds
 * alternate between the two after a warm-up; the median of the per-round ratios is reported.
 * Ours runs rss-parser's own parser and item builders minus the outputs it never reads (snippets,
 * isoDate, the iTunes block, sax's line and column count: ingest/lean-rss-parser.ts), so
 * part of the ratio is rss-parser work ours no longer does, not cheaper work of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { parseFeed } from '#ingest/parse-feed.ts';

export interface ParseResult {
  documents: number;
  /** Documents plain rss-parser reads, on which the ratio is measured. */
  readByRssParser: number;
  items: number;
  oursCpuMs: number;
  rssParserCpuMs: number;
  oursItemsPerCpuSecond: number;
  rssParserItemsPerCpuSecond: number;
  /** Median over rounds of ours / rss-parser, CPU time. */
  cpuRatio: number;
  rounds: number;
}

function feedDocuments(root: string, corpora: string): { body: Buffer; contentType?: string }[] {
  const docs: { body: Buffer; contentType?: string }[] = [];
  const days = join(corpora, 'news-days');
  if (existsSync(days))
    for (const day of readdirSync(days).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))
      for (const file of readdirSync(join(days, day)).filter((f) => f.endsWith('.xml')))
        docs.push({ body: readFileSync(join(days, day, file)) });
  const manifest = JSON.parse(
    readFileSync(join(root, 'tests/fixtures/sample-day/manifest.json'), 'utf8'),
  ) as {
    feeds: { path: string; contentType: string }[];
  };
  for (const f of manifest.feeds)
    docs.push({
      body: readFileSync(join(root, 'tests/fixtures/sample-day', f.path)),
      contentType: f.contentType,
    });
  return docs;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchParse(root: string, corpora: string, rounds = 9): Promise<ParseResult> {
  const plain = new Parser();
  const all = feedDocuments(root, corpora);
  const readable: typeof all = [];
  for (const doc of all) {
    const items = await plain
      .parseString(doc.body.toString('utf8'))
      .then((f) => f.items.length)
      .catch(() => 0);
    if (items > 0) readable.push(doc);
  }
  let items = 0;
  const ours = async () => {
    let n = 0;
    for (const d of readable) n += (await parseFeed(d.body, { contentType: d.contentType })).items.length;
    return n;
  };
  const theirs = async () => {
    let n = 0;
    for (const d of readable) n += (await plain.parseString(d.body.toString('utf8'))).items.length;
    return n;
  };
  // Warm-up of both: the JIT compiles what the timed rounds run.
  for (let i = 0; i < 2; i++) {
    await ours();
    await theirs();
  }
  const oursTimes: number[] = [];
  const theirTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternating which goes first, so neither always meets the machine after the other.
    const order = r % 2 === 0 ? [ours, theirs] : [theirs, ours];
    const times = new Map<typeof ours, number>();
    for (const run of order) {
      const start = process.cpuUsage();
      const n = await run();
      times.set(run, cpuMs(start));
      if (run === ours) items = n;
    }
    oursTimes.push(times.get(ours)!);
    theirTimes.push(times.get(theirs)!);
    ratios.push(times.get(ours)! / times.get(theirs)!);
  }
  const oursCpuMs = median(oursTimes);
  const rssParserCpuMs = median(theirTimes);
  return {
    documents: all.length,
    readByRssParser: readable.length,
    items,
    oursCpuMs: Math.round(oursCpuMs),
    rssParserCpuMs: Math.round(rssParserCpuMs),
    oursItemsPerCpuSecond: Math.round((items / oursCpuMs) * 1000),
    rssParserItemsPerCpuSecond: Math.round((items / rssParserCpuMs) * 1000),
    cpuRatio: Number(median(ratios).toFixed(2)),
    rounds,
  };
}

// Alone: `npx tsx bench/parse.ts [rounds]` prints the result as JSON.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const rounds = process.argv[2] ? Number(process.argv[2]) : undefined;
  process.stdout.write(
    `${JSON.stringify(await benchParse(root, join(root, '../shared/corpora'), rounds))}\n`,
  );
}
