/**
 * The --feeds file of CONTRACTS.md: [{name, url, perspective?, language?}], where url is
 * http(s) or a path relative to the file. Relative paths become file: URLs that only the
 * local-file HTTP adapter serves, and only inside the file's folder.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, describeZodError } from '#domain/errors.ts';
import { type FeedSource, FeedSourceSchema } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import { readJsonFile } from './load-config.ts';

const FeedsFileSchema = z.array(FeedSourceSchema).check(z.minLength(1, 'expected at least one feed'));

export function readFeedsFile(path: string): { feeds: FeedSource[]; root: string } {
  const absolute = resolve(path);
  const parsed = FeedsFileSchema.safeParse(readJsonFile(absolute, 'feeds file'));
  if (!parsed.success) throw new ConfigError(describeZodError(parsed.error, `feeds file ${path}`));
  const root = dirname(absolute);
  const feeds = parsed.data.map((feed, index) => {
    if (/^https?:\/\//i.test(feed.url)) return feed;
    if (/^[a-z][a-z0-9+.-]*:/i.test(feed.url) && !/^[a-z]:[\\/]/i.test(feed.url)) {
      throw new ConfigError(
        `feeds file ${path} [${index}].url: only http(s) URLs or relative paths are allowed`,
      );
    }
    const file = isAbsolute(feed.url) ? feed.url : resolve(root, feed.url);
    return { ...feed, url: pathToFileURL(file).toString() };
  });
  return { feeds, root };
}
