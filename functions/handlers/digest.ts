/**
 * The digest Lambda: a scheduled run or a manual/ad-hoc event (CONTRACTS.md). Thin: validate
 * the event, reuse dependencies built once per cold start, call runDigest, map the outcome.
 * An invalid event is answered with the reason (and no run); a failed run throws so the
 * invocation counts as an error for retries and alarms.
 */

import { createRunMetrics, emitRunMetrics } from '#adapters/run-metrics.ts';
import { describeError, InvalidInputError } from '#domain/errors.ts';
import { parseManualEvent, resolveRunRequest } from '#domain/run-request.ts';
import { runDigest } from '#run-digest';
import { createAwsDigestDeps } from './aws-deps.ts';

let ready: ReturnType<typeof createAwsDigestDeps> | undefined;
const metrics = createRunMetrics();

export interface DigestResult {
  ok: boolean;
  error?: string;
  editionId?: string;
  editionUrl?: string;
  stats?: unknown;
  delivery?: unknown;
  failedSources?: { name: string; status: string; error?: string }[];
  dryRun?: boolean;
}

export async function handler(event: unknown): Promise<DigestResult> {
  let manual: ReturnType<typeof parseManualEvent>;
  try {
    manual = isScheduledEvent(event) ? {} : parseManualEvent(event);
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, error: error.message };
    throw error;
  }
  ready ??= createAwsDigestDeps(process.env);
  const { config, deps } = await ready;
  const request = resolveRunRequest(manual, {
    now: deps.clock.now(),
    windowHours: config.windowHours,
    timeZone: config.schedule.timeZone,
  });
  try {
    const result = await runDigest(deps, config, request);
    if (!request.dryRun) emitRunMetrics(metrics, result);
    const { edition, editionUrl, delivery } = result;
    return {
      ok: true,
      editionId: edition.id,
      editionUrl,
      stats: edition.stats,
      delivery,
      // The operator's view: the full error of each source, not the public reason edition.json shows.
      failedSources: result.sources
        .filter((s) => s.status === 'failed' || s.status === 'skipped')
        .map(({ name, status, detail, error }) => ({ name, status, error: detail ?? error })),
      dryRun: request.dryRun,
    };
  } catch (error) {
    deps.logger.error('digest run failed', { error: describeError(error), editionId: request.editionId });
    throw error;
  }
}

/** EventBridge Scheduler delivers the input we configure: {"source":"briefing.schedule"}. */
function isScheduledEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const source = (event as Record<string, unknown>).source;
  return source === 'briefing.schedule' || source === 'aws.events' || source === 'aws.scheduler';
}
