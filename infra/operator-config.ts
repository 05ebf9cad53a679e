/**
 * The operator's briefing.config.json, as the stack sees it: read at synth, validated with the
 * same schema the functions use (one-line errors naming the field), checked for what a deployed
 * stack cannot do (local feed files, private networks), and merged with what only the stack
 * knows (the sender identity, the configuration set, the archive's URL) into the document it
 * ships to the config bucket. Nothing here is limited by Lambda's 4 KB environment.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig } from '#config/schema.ts';
import { type StackConfig, StackConfigError } from './stack-config.ts';

export interface OperatorConfig {
  /** The document as the operator wrote it ({} when there is no file: every default). */
  document: Record<string, unknown>;
  /** Where it came from, for messages. */
  source: string;
}

export function readOperatorConfig(path: string, cwd = process.cwd()): OperatorConfig {
  const file = resolve(cwd, path);
  if (!existsSync(file)) {
    if (path !== 'briefing.config.json')
      throw new StackConfigError(`cdk context briefing:configFile: ${path} not found`);
    return { document: {}, source: 'built-in defaults' };
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StackConfigError(`${path}: invalid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new StackConfigError(`${path}: expected a JSON object`);
  const operator = { document: document as Record<string, unknown>, source: path };
  validateForDeployment(operator);
  return operator;
}

/** Throws StackConfigError with one line naming the first field a deployed stack cannot use. */
export function validateForDeployment({ document, source }: OperatorConfig): void {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(document, source);
  } catch (error) {
    throw new StackConfigError((error as Error).message);
  }
  for (const [i, feed] of config.feeds.entries()) {
    if (!/^https?:\/\//i.test(feed.url))
      throw new StackConfigError(
        `${source} feeds[${i}].url: expected an http(s) URL (a deployed digest cannot read "${feed.url.slice(0, 60)}")`,
      );
  }
  if (config.fetch.allowPrivateNetwork)
    throw new StackConfigError(`${source} fetch.allowPrivateNetwork: not allowed in a deployed stack`);
  const delivery = (document.delivery ?? {}) as Record<string, unknown>;
  const archive = (document.archive ?? {}) as Record<string, unknown>;
  for (const [section, key] of [
    [delivery, 'from'],
    [delivery, 'configurationSet'],
    [archive, 'baseUrl'],
    [archive, 'apiBaseUrl'],
  ] as const) {
    if (section[key] !== undefined)
      throw new StackConfigError(
        `${source} ${section === delivery ? 'delivery' : 'archive'}.${key}: set by the stack (${key === 'from' ? 'use -c briefing:fromAddress' : 'from its own resources'}); remove it from the file`,
      );
  }
}

/**
 * The sender function's timeout, and the queue's visibility timeout (six times it, as AWS
 * advises). A redelivered message finds the claims of a sender that died lapsed, since
 * delivery.claimLeaseSeconds is at most 900 s (the schema), below these 1,080 s.
 */
export const SENDER_TIMEOUT_MS = 180_000;
export const SENDER_VISIBILITY_MS = 6 * SENDER_TIMEOUT_MS;

/** What the stack alone decides, written into the shipped document. */
export interface StackSettings {
  fromAddress: string;
  domain: string;
  configurationSetName: string;
  /** The archive's public URL ending in "/": the custom domain, or the distribution's (a deploy-time token). */
  archiveUrl: string;
}

export function shippedDocument(operator: OperatorConfig, stack: StackSettings): Record<string, unknown> {
  const delivery = (operator.document.delivery ?? {}) as Record<string, unknown>;
  const archive = (operator.document.archive ?? {}) as Record<string, unknown>;
  return {
    ...operator.document,
    delivery: {
      listId: `briefing.${stack.domain}`,
      unsubscribeMailto: stack.fromAddress,
      ...delivery,
      from: stack.fromAddress,
      configurationSet: stack.configurationSetName,
    },
    archive: { ...archive, baseUrl: stack.archiveUrl, apiBaseUrl: `${stack.archiveUrl}api/` },
  };
}

/** Names a deployment of the document: changes whenever the operator's file or the stack's settings do. */
export function configRevision(operator: OperatorConfig, stack: StackConfig): string {
  return createHash('sha256')
    .update(JSON.stringify([operator.document, stack]))
    .digest('hex')
    .slice(0, 16);
}

/** The operator's config with defaults applied (what the functions will run with). */
export function effectiveConfig(operator: OperatorConfig) {
  return parseConfig(operator.document, operator.source);
}
