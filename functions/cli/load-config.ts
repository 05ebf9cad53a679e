/**
 * Config for local runs: --config FILE, else ./briefing.config.json when present, else the
 * embedded default (curated feeds, an outbox copy for reader@example.org). --feeds replaces feeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, parseConfig } from '#config/schema.ts';
import { ConfigError } from '#domain/errors.ts';
import type { FeedSource } from '#domain/types.ts';

export const LOCAL_PREVIEW_RECIPIENT = 'reader@example.org';

export function loadLocalConfig(options: { configPath?: string; cwd?: string }): Config {
  const cwd = options.cwd ?? process.cwd();
  const path = options.configPath ? resolve(cwd, options.configPath) : resolve(cwd, 'briefing.config.json');
  if (!options.configPath && !existsSync(path)) {
    return parseConfig({ delivery: { recipients: [LOCAL_PREVIEW_RECIPIENT] } }, 'default config');
  }
  return parseConfig(readJsonFile(path, 'config'), path);
}

export function withFeeds(config: Config, feeds: FeedSource[]): Config {
  return { ...config, feeds };
}

export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${what} ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${what} ${path}: invalid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}
