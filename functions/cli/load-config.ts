/**
 * Config for local runs: --config FILE, else ./briefing.config.json when present, else the
 * embedded default (curated feeds, an outbox copy for reader@example.org). --feeds replaces feeds.
 *
 * No config file may turn the address guard off: a briefing.config.json left in a working
 * directory (or handed over with a project) must not let feed content reach this machine's
 * loopback, private network or the cloud metadata address. Only --allow-private-network does,
 * and the run says so.
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
  const config = parseConfig(readJsonFile(path, 'config'), path);
  if (config.fetch.allowPrivateNetwork)
    throw new ConfigError(
      `${path} fetch.allowPrivateNetwork: a config file cannot turn off the address guard; pass --allow-private-network to a run against local test servers`,
    );
  return config;
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
