/**
 * The configuration document the stack ships to its config bucket (briefing.config.json with
 * the stack's own settings written in), read by every function at cold start and by the CLI's
 * commands against a deployed stack. Its `revision` metadata names the deployment that wrote it.
 */
import { ConfigError } from '#domain/errors.ts';
import type { Store } from '#ports/ports.ts';
import { type Config, parseConfig } from './schema.ts';

export interface ShippedConfig {
  config: Config;
  revision?: string;
}

export async function readShippedConfig(store: Store, key: string): Promise<ShippedConfig> {
  const object = await store.get(key);
  if (!object) throw new ConfigError(`config ${key}: not found (deploy the stack to ship it)`);
  let document: unknown;
  try {
    document = JSON.parse(object.body.toString('utf8'));
  } catch {
    throw new ConfigError(`config ${key}: not valid JSON`);
  }
  const revision = object.metadata?.revision;
  return { config: parseConfig(document, `config ${key}`), ...(revision ? { revision } : {}) };
}

/**
 * Reads the document and, while a deployment is still writing it (its revision is not the one
 * this function was deployed with), reads again a few times before using what is there.
 */
export async function loadShippedConfig(
  store: Store,
  key: string,
  expectedRevision: string | undefined,
  options: { attempts?: number; sleep: (ms: number) => Promise<void>; warn: (message: string) => void },
): Promise<Config> {
  const attempts = Math.max(1, options.attempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    const shipped = await readShippedConfig(store, key);
    if (!expectedRevision || shipped.revision === expectedRevision) return shipped.config;
    if (attempt >= attempts) {
      options.warn(
        `config ${key}: revision ${shipped.revision ?? 'none'}, expected ${expectedRevision}; using it`,
      );
      return shipped.config;
    }
    await options.sleep(1000 * attempt);
  }
}
