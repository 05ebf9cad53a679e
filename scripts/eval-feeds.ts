/**
 * `npx tsx scripts/eval-feeds.ts`: the feed parser over every file of the two shared feed corpora
 * (feedparser's test suite and rss-parser's inputs, 2,138 files), with plain rss-parser measured in
 * the same run on the same bytes. Prints files, read, rejected (reasons grouped), rss-parser's
 * failures, agreement with the text/link/date expectations feedparser writes at the top of its
 * test files, and items per second of both. Skips when ../shared is absent.
 *
 * The corpus helpers are exported for tests/corpus/parse-feed-corpora.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { NotAFeedError } from '#domain/errors.ts';
import type { ParsedFeed } from '#domain/types.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import { decodeDocument, guessLegacyCharset, normaliseCharset } from '#text/charset.ts';
import { cleanInlineText } from '#text/html-to-text.ts';
import { canonicalizeUrl } from '#text/urls.ts';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CORPORA = resolve(REPO, '../shared/corpora');
export const FEED_CORPUS_DIRS = ['feedparser', 'rss-parser-feeds'].map((d) => join(CORPORA, d));
/** feedparser's tests are served from this address; relative Content-Location headers resolve against it. */
const TEST_SERVER = 'http://127.0.0.1:8097/tests/';

export function feedCorporaPresent(): boolean {
  return FEED_CORPUS_DIRS.every((d) => existsSync(d));
}

/** Every data file under the corpus folders (licence and provenance notes excluded), sorted. */
export function listCorpusFiles(dirs: readonly string[] = FEED_CORPUS_DIRS): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path);
        return /^(LICENSE|SOURCE)/.test(name) ? [] : [path];
      });
  return dirs.flatMap(walk);
}

export interface CorpusCase {
  file: string;
  /** Path relative to the corpora folder, for messages. */
  name: string;
  body: Buffer;
  contentType?: string;
  url?: string;
  /** feedparser's "Expect:" expression, when the file has one. */
  expect?: string;
}

/** A corpus file with the HTTP context feedparser's test server would give it (Header: lines). */
export function loadCorpusCase(file: string): CorpusCase {
  const body = readFileSync(file);
  const name = relative(CORPORA, file);
  const head = decodeDocument(body.subarray(0, 4096)).slice(0, 1500);
  const comment = /<!--([\s\S]*?)-->/.exec(head)?.[1] ?? '';
  const header = (key: string) =>
    new RegExp(`^Header:\\s*${key}:[ \\t]*(.*)$`, 'im').exec(comment)?.[1]?.trim() || undefined;
  const testUrl = TEST_SERVER + name.replace(/^feedparser\//, '');
  const location = header('Content-Location');
  let url: string | undefined = name.startsWith('feedparser/') ? testUrl : undefined;
  if (location) {
    try {
      const resolved = new URL(location, testUrl);
      if (/^https?:$/.test(resolved.protocol)) url = resolved.toString();
    } catch {
      // An unusable Content-Location is ignored, as a browser would.
    }
  }
  const expect = /^Expect:\s*(.+)$/m.exec(comment)?.[1]?.trim();
  return { file, name, body, contentType: header('Content-type'), url, expect };
}

/** One `path == literal` clause of an Expect line that maps onto the normalised feed. */
export interface ExpectCheck {
  path: string;
  expected: string;
  actual: string | undefined;
  ok: boolean;
}

type Literal = string | number[];

/** Reads a Python string literal (u'..', '..', ".."), or a tuple of integers. */
function readLiteral(src: string, at: number): { value: Literal; end: number } | undefined {
  let i = at;
  if (src[i] === '(') {
    const close = src.indexOf(')', i);
    if (close < 0) return undefined;
    const nums = src
      .slice(i + 1, close)
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (!nums.every((n) => /^-?\d+$/.test(n))) return undefined;
    return { value: nums.map(Number), end: close + 1 };
  }
  if (src[i] === 'u' || src[i] === 'b') i++;
  const quote = src[i];
  if (quote !== "'" && quote !== '"') return undefined;
  let out = '';
  for (i++; i < src.length; i++) {
    const c = src[i]!;
    if (c === quote) return { value: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = src[++i];
    const hex = (len: number) => {
      const code = Number.parseInt(src.slice(i + 1, i + 1 + len), 16);
      i += len;
      return String.fromCodePoint(code);
    };
    if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === 'x') out += hex(2);
    else if (n === 'u') out += hex(4);
    else if (n === 'U') out += hex(8);
    else out += n ?? '';
  }
  return undefined;
}

const FIELD = String.raw`(?:\[\s*['"]([a-z_]+)['"]\s*\]|\.([a-z_]+))`;
const PATH = new RegExp(
  String.raw`^(feed|entries\[(\d+)\])${FIELD}(?:${FIELD})?(?:\[0\]${FIELD})?\s*==\s*`,
  'i',
);

/** The clauses of an Expect line this parser's output can answer; the rest are skipped. */
export function readExpectations(expect: string): { path: string; entry?: number; value: Literal }[] {
  const out: { path: string; entry?: number; value: Literal }[] = [];
  let rest = expect.trim();
  while (rest) {
    rest = rest.replace(/^(not\s+bozo|bozo)\s+and\s+/i, '');
    const m = PATH.exec(rest);
    let consumed = 0;
    if (m) {
      const fields = [m[3] ?? m[4], m[5] ?? m[6], m[7] ?? m[8]].filter(Boolean).join('.');
      const lit = readLiteral(rest, m[0].length);
      if (lit) {
        out.push({
          path: `${m[1]!.startsWith('entries') ? 'entry' : 'feed'}.${fields}`,
          entry: m[2] ? Number(m[2]) : undefined,
          value: lit.value,
        });
        consumed = lit.end;
      }
    }
    if (!consumed) {
      // Skip a clause this reader cannot evaluate: up to the next top-level " and ".
      const next = rest.search(/\s+and\s+/);
      if (next < 0) break;
      consumed = next;
    }
    rest = rest
      .slice(consumed)
      .replace(/^\s+and\s+/, '')
      .trim();
  }
  return out;
}

const TEXT_FIELDS: Record<string, 'title' | 'summary' | 'content' | 'author'> = {
  'entry.title': 'title',
  'entry.title_detail.value': 'title',
  'entry.description': 'summary',
  'entry.summary': 'summary',
  'entry.summary_detail.value': 'summary',
  'entry.content.value': 'content',
  'entry.author': 'author',
};
const DATE_FIELDS = /^entry\.(published|updated|issued|modified|created|date)_parsed$/;

const flat = (s: string | undefined) =>
  cleanInlineText(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** Checks the answerable clauses of an Expect line against a parsed feed. */
export function checkExpectations(expect: string, feed: ParsedFeed, base?: string): ExpectCheck[] {
  const checks: ExpectCheck[] = [];
  for (const clause of readExpectations(expect)) {
    const item = clause.entry === undefined ? undefined : feed.items[clause.entry];
    const field = TEXT_FIELDS[clause.path];
    let expected: string | undefined;
    let actual: string | undefined;
    if (clause.path === 'feed.title' || clause.path === 'feed.title_detail.value') {
      expected = flat(clause.value as string);
      actual = flat(feed.title === 'Untitled feed' ? '' : feed.title);
    } else if (clause.path === 'feed.language') {
      expected = /^([a-z]{2,3})/i.exec(String(clause.value))?.[1]?.toLowerCase() ?? '';
      actual = feed.language ?? '';
    } else if (clause.path === 'entry.link' || clause.path === 'feed.link') {
      const raw = clause.value as string;
      if (!/^https?:\/\//.test(raw)) continue;
      expected = canonicalizeUrl(raw, base);
      actual = clause.path === 'feed.link' ? feed.link : item?.link;
    } else if (field && typeof clause.value === 'string') {
      expected = flat(clause.value);
      // A summary equal to the title, or a short content, is folded away by design.
      const candidates =
        field === 'summary' || field === 'content'
          ? [item?.summary, item?.content, item?.title]
          : [item?.[field]];
      actual = candidates.map(flat).find((c) => c === expected) ?? flat(candidates[0]);
      if (expected === '' && item && !item[field]) actual = '';
    } else if (DATE_FIELDS.test(clause.path) && Array.isArray(clause.value)) {
      const [y, mo, d, h, mi, s] = clause.value;
      expected = new Date(Date.UTC(y!, mo! - 1, d, h, mi, s)).toISOString();
      actual = item?.published;
    } else {
      continue;
    }
    // An entry with no title, link or text is not kept; feedparser expecting it empty agrees.
    if (clause.entry !== undefined && !item) actual = expected === '' ? '' : '(no item)';
    checks.push({ path: clause.path, expected: expected ?? '', actual, ok: actual === expected });
  }
  return checks;
}

export interface CorpusOutcome {
  name: string;
  read: boolean;
  error?: string;
  items: number;
  ms: number;
  feed?: ParsedFeed;
}

export async function parseCorpusCase(c: CorpusCase, now?: Date): Promise<CorpusOutcome> {
  const started = performance.now();
  try {
    const feed = await parseFeed(c.body, { contentType: c.contentType, url: c.url, now });
    return { name: c.name, read: true, items: feed.items.length, ms: performance.now() - started, feed };
  } catch (error) {
    if (!(error instanceof NotAFeedError)) throw new Error(`${c.name}: ${(error as Error).stack}`);
    return { name: c.name, read: false, error: error.message, items: 0, ms: performance.now() - started };
  }
}

/** What plain rss-parser makes of the same bytes (read as UTF-8, as its parseString expects). */
export async function readWithRssParser(
  parser: { parseString(xml: string): Promise<{ items?: unknown[] }> },
  body: Buffer,
): Promise<{ ok: boolean; items: number; error?: string }> {
  try {
    const feed = await parser.parseString(body.toString('utf8'));
    return { ok: true, items: feed.items?.length ?? 0 };
  } catch (error) {
    return { ok: false, items: 0, error: String((error as Error).message).split('\n')[0] };
  }
}

/**
 * Items per second on the real captured feeds (rss-parser-feeds) that both parsers read, best of
 * five rounds after a warm-up, so that one-off costs and a busy machine weigh less.
 */
async function measureRealFeeds(cases: CorpusCase[], plain: Parser): Promise<string> {
  const real: CorpusCase[] = [];
  for (const c of cases) {
    if (c.name.startsWith('rss-parser-feeds/') && (await readWithRssParser(plain, c.body)).ok) real.push(c);
  }
  const megabytes = real.reduce((n, c) => n + c.body.length, 0) / 1e6;
  const time = async (run: (c: CorpusCase) => Promise<number>) => {
    let best = Number.POSITIVE_INFINITY;
    let items = 0;
    for (let round = 0; round < 6; round++) {
      const started = performance.now();
      items = 0;
      for (const c of real) items += await run(c);
      if (round > 0) best = Math.min(best, performance.now() - started);
    }
    return `${Math.round(items / (best / 1000))} items/s, ${(megabytes / (best / 1000)).toFixed(1)} MB/s`;
  };
  const ours = await time(async (c) => (await parseCorpusCase(c)).items);
  const theirs = await time(async (c) => (await readWithRssParser(plain, c.body)).items);
  return `speed on ${real.length} real feeds (${megabytes.toFixed(1)} MB): ours ${ours}; plain rss-parser ${theirs} (without decoding, normalising or cleaning text)`;
}

async function main(): Promise<void> {
  if (!feedCorporaPresent()) {
    console.log(`skipped: feed corpora absent under ${CORPORA}`);
    return;
  }
  const cases = listCorpusFiles().map(loadCorpusCase);
  const ours: CorpusOutcome[] = [];
  let ourMs = 0;
  for (const c of cases) {
    const outcome = await parseCorpusCase(c);
    ourMs += outcome.ms;
    ours.push({ ...outcome, feed: outcome.feed });
  }
  const plain = new Parser();
  const lenientPlain = new Parser({ defaultRSS: 2 } as ConstructorParameters<typeof Parser>[0]);
  let plainMs = 0;
  let plainItems = 0;
  const plainFailures = new Map<string, number>();
  let plainFailed = 0;
  let defaultRssFailed = 0;
  let plainReadWeRejected = 0;
  for (const [i, c] of cases.entries()) {
    const started = performance.now();
    const r = await readWithRssParser(plain, c.body);
    plainMs += performance.now() - started;
    plainItems += r.items;
    if (!r.ok) {
      plainFailed++;
      const reason = (r.error ?? '').replace(/\d+/g, 'N').slice(0, 60);
      plainFailures.set(reason, (plainFailures.get(reason) ?? 0) + 1);
      if (!(await readWithRssParser(lenientPlain, c.body)).ok) defaultRssFailed++;
    } else if (!ours[i]!.read) plainReadWeRejected++;
  }
  const read = ours.filter((o) => o.read);
  const rejected = ours.filter((o) => !o.read);
  const ourItems = read.reduce((s, o) => s + o.items, 0);
  const reasons = new Map<string, string[]>();
  for (const o of rejected) reasons.set(o.error!, [...(reasons.get(o.error!) ?? []), o.name]);

  const checks = cases.flatMap((c, i) =>
    c.expect && ours[i]!.feed
      ? checkExpectations(c.expect, ours[i]!.feed!, c.url).map((k) => ({ ...k, name: c.name }))
      : [],
  );
  const byPath = new Map<string, { ok: number; all: number }>();
  for (const k of checks) {
    const group = k.path.replace(/^(entry|feed)\.(\w+).*$/, '$1.$2');
    const g = byPath.get(group) ?? { ok: 0, all: 0 };
    g.all++;
    if (k.ok) g.ok++;
    byPath.set(group, g);
  }
  const misses = checks.filter((k) => !k.ok);

  const chardet = cases
    .filter((c) => c.name.includes('/chardet/'))
    .map((c) => {
      const expected = /encoding == '([^']+)'/.exec(c.expect ?? '')?.[1] ?? '';
      const guessed = guessLegacyCharset(c.body);
      return { file: c.name.split('/').pop(), expected, guessed, ok: normaliseCharset(expected) === guessed };
    });
  const lines = [
    `files: ${cases.length}`,
    `read: ${read.length} (${ourItems} items)`,
    `rejected: ${rejected.length}`,
    ...[...reasons].map(([reason, names]) => `  ${names.length} × ${reason}: ${names.join(', ')}`),
    `plain rss-parser: ${plainFailed} throw (${defaultRssFailed} with defaultRSS: 2); read by it but rejected by us: ${plainReadWeRejected}`,
    ...[...plainFailures]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([reason, n]) => `  ${n} × ${reason}`),
    `feedparser expectations answerable from the normalised item: ${checks.length - misses.length}/${checks.length} agree`,
    ...[...byPath].map(([path, g]) => `  ${path}: ${g.ok}/${g.all}`),
    ...misses
      .slice(0, Number(process.env.SHOW_MISSES ?? 15))
      .map(
        (k) =>
          `  miss ${k.name} ${k.path}: expected ${JSON.stringify(k.expected)}, got ${JSON.stringify(k.actual)}`,
      ),
    `undeclared charsets guessed (feedparser/illformed/chardet): ${chardet.filter((c) => c.ok).length}/${chardet.length} (${chardet.map((c) => `${c.file} ${c.guessed}${c.ok ? '' : ` ≠ ${c.expected}`}`).join(', ')})`,
    `feeds with U+FFFD in their text: ${ours.filter((o) => o.feed && JSON.stringify(o.feed).includes('\ufffd')).length}`,
    `speed over all files (mostly tiny test documents): ours ${Math.round(ourItems / (ourMs / 1000))} items/s (${Math.round(ourMs)} ms), plain rss-parser ${Math.round(plainItems / (plainMs / 1000))} items/s (${Math.round(plainMs)} ms, fewer files read)`,
    await measureRealFeeds(cases, plain),
  ];
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
