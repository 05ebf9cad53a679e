/**
 * `briefing feeds import` and `feeds export`: the feeds file as a person builds it. Import says
 * what it left out and why (non-http(s) addresses, addresses the fetcher would never be allowed
 * to reach), and where an OPML list names no perspective it infers one from the outlet's domain
 * and marks it inferred. Export writes the curated list to start from.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { assertAllowedUrl, isBlockedAddress } from '#adapters/address-guard.ts';
import { DEFAULT_FEEDS } from '#config/default-feeds.ts';
import { BriefingError, describeError } from '#domain/errors.ts';
import { perspectiveOfUrl } from '#domain/outlets.ts';
import type { FeedSource } from '#domain/types.ts';
import { type DroppedOutline, mergeFeedSources, parseOpml } from '#ingest/opml.ts';
import { readFeedsFile } from '../feeds-file.ts';
import type { CliIo } from '../io.ts';
import { readJsonFile } from '../load-config.ts';
import { createStyler } from '../terminal.ts';

/** Host names that only ever mean this machine or a private network; no DNS is asked. */
const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal|.*\.home\.arpa)$/i;

/**
 * Why the fetcher would refuse `url` as a feed address, or undefined. Literal addresses are
 * checked against the address guard; names are checked without resolving them (the fetcher
 * checks what they resolve to at run time).
 */
export function feedAddressProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = assertAllowedUrl(url);
  } catch (error) {
    return describeError(error);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    return isBlockedAddress(host) ? `${host} is not a public address` : undefined;
  }
  return LOCAL_NAMES.test(host) ? `${host} names a local or private host` : undefined;
}

export async function runFeedsImport(
  opmlPath: string,
  options: { feeds: string; allowPrivateNetwork?: boolean; color?: boolean },
  io: CliIo,
): Promise<void> {
  let opml: string;
  try {
    opml = await readFile(opmlPath, 'utf8');
  } catch {
    throw new BriefingError(`${opmlPath}: cannot read`);
  }
  const dropped: DroppedOutline[] = [];
  const parsed = parseOpml(opml, undefined, (outline) => dropped.push(outline));
  const imported: FeedSource[] = [];
  for (const feed of parsed) {
    const problem = options.allowPrivateNetwork ? undefined : feedAddressProblem(feed.url);
    if (problem) {
      dropped.push({ name: feed.name, url: feed.url, reason: problem });
      continue;
    }
    const inferred = feed.perspective === 'other' ? perspectiveOfUrl(feed.url) : undefined;
    imported.push(inferred ? { ...feed, perspective: inferred, perspectiveInferred: true } : feed);
  }
  const existing: FeedSource[] = existsSync(options.feeds) ? readFeedsFileRaw(options.feeds) : [];
  const merged = mergeFeedSources(existing, imported);
  await writeFile(options.feeds, `${JSON.stringify(merged.feeds, null, 2)}\n`);
  const inferredCount = merged.feeds.slice(existing.length).filter((f) => f.perspectiveInferred).length;
  const style = createStyler(io.stdout, { color: options.color });
  const lines = [
    `${options.feeds}: ${merged.added} feeds added, ${merged.skipped} already present, ${merged.feeds.length} in all`,
  ];
  if (inferredCount > 0)
    lines.push(
      `  ${inferredCount} perspective${inferredCount === 1 ? '' : 's'} inferred from the outlet's domain (marked "perspectiveInferred": true)`,
    );
  if (dropped.length > 0) {
    lines.push(style.warning(`  ${dropped.length} not imported:`));
    for (const d of dropped) lines.push(style.warning(`    ${d.name || '(no title)'} ${d.url}: ${d.reason}`));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** The feeds file as written (relative paths kept), validated. */
function readFeedsFileRaw(path: string): FeedSource[] {
  readFeedsFile(path);
  return readJsonFile(path, 'feeds file') as FeedSource[];
}

export async function runFeedsExport(path: string, options: { force?: boolean }, io: CliIo): Promise<void> {
  if (existsSync(path) && !options.force)
    throw new BriefingError(`${path} exists: pass --force to overwrite it, or --feeds to name another file`);
  await writeFile(path, `${JSON.stringify(DEFAULT_FEEDS, null, 2)}\n`);
  io.stdout.write(
    `${path}: the curated list, ${DEFAULT_FEEDS.length} feeds; edit it and run \`briefing run --feeds ${path}\`\n`,
  );
}
