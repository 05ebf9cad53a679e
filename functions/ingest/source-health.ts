/**
 * How long each source has been failing, counted in days, so an operator is told about a feed
 * that has been dead for a week rather than about every transient error.
 */
import { describeError, NAME_NOT_RESOLVED, SourcesFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { SourceFetchReport } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import { writeFailedRunReport } from '#state/run-report.ts';
import { type CorruptDocument, type StateContext, updateStoredJson } from '#state/stored-json.ts';

const SourceHealthEntrySchema = z.object({
  name: z.string(),
  /** Distinct UTC days with a failure, in a row, ending with lastFailureDay. */
  failureDays: z.number().check(z.int(), z.minimum(0)),
  lastFailureDay: z.optional(z.string()),
  lastError: z.optional(z.string()),
  lastOkAt: z.optional(z.string()),
});
type SourceHealthEntry = z.infer<typeof SourceHealthEntrySchema>;

/** state/source-health.json: one entry per feed URL. */
const SourceHealthSchema = z.record(z.string(), SourceHealthEntrySchema);

export interface SourceHealthSummary {
  maxConsecutiveFailureDays: number;
  failing: { name: string; url: string; days: number; error?: string }[];
}

export function nextHealth(
  previous: Record<string, SourceHealthEntry>,
  reports: readonly SourceFetchReport[],
  now: Date,
): Record<string, SourceHealthEntry> {
  const day = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const next: Record<string, SourceHealthEntry> = {};
  for (const report of reports) {
    const before = previous[report.url];
    // Not requested (the run's budget ran out): says nothing about the source either way.
    if (report.status === 'skipped') {
      next[report.url] = before ?? { name: report.name, failureDays: 0 };
      continue;
    }
    if (report.status !== 'failed') {
      next[report.url] = { name: report.name, failureDays: 0, lastOkAt: now.toISOString() };
      continue;
    }
    let failureDays = 1;
    if (before?.lastFailureDay === day) failureDays = before.failureDays;
    else if (before?.lastFailureDay === yesterday) failureDays = before.failureDays + 1;
    next[report.url] = {
      name: report.name,
      failureDays,
      lastFailureDay: day,
      ...(report.detail || report.error ? { lastError: report.detail ?? report.error } : {}),
      ...(before?.lastOkAt ? { lastOkAt: before.lastOkAt } : {}),
    };
  }
  return next;
}

export function summariseHealth(health: Record<string, SourceHealthEntry>): SourceHealthSummary {
  const failing = Object.entries(health)
    .filter(([, e]) => e.failureDays > 0)
    .map(([url, e]) => ({
      name: e.name,
      url,
      days: e.failureDays,
      ...(e.lastError ? { error: e.lastError } : {}),
    }))
    .sort((a, b) => b.days - a.days);
  return { maxConsecutiveFailureDays: failing[0]?.days ?? 0, failing };
}

/**
 * Folds this run's reports into the stored health. A corrupt document is reported and kept aside
 * by the state helper and counting starts again from today, rather than stopping the run.
 */
export async function recordSourceHealth(
  context: StateContext,
  reports: readonly SourceFetchReport[],
  now: Date,
): Promise<SourceHealthSummary> {
  const { value } = await updateStoredJson(
    context,
    dataKeys.sourceHealth(),
    SourceHealthSchema,
    (previous) => nextHealth(previous ?? {}, reports, now),
    { pretty: true },
  );
  return summariseHealth(value ?? {});
}

/** Whether this run's sources answered enough for an edition to speak for the day. */
export interface SourcesVerdict {
  total: number;
  /** Failed or skipped. */
  unanswered: number;
  /** Unanswered because the host name did not resolve. */
  unresolved: number;
  trustworthy: boolean;
}

/**
 * A run is trustworthy when at least one source answered and no more than `maxFailedShare` of them
 * failed or were skipped: a quiet day is only a day whose sources answered.
 */
export function assessSources(reports: readonly SourceFetchReport[], maxFailedShare: number): SourcesVerdict {
  const unanswered = reports.filter((r) => r.status === 'failed' || r.status === 'skipped');
  const total = reports.length;
  return {
    total,
    unanswered: unanswered.length,
    unresolved: unanswered.filter((r) => r.error === NAME_NOT_RESOLVED).length,
    trustworthy: unanswered.length < total && unanswered.length <= maxFailedShare * total,
  };
}

/**
 * The error that stops a run whose sources did not answer enough (see assessSources), or
 * undefined when the run may go on. It names every source that did not answer, for the operator.
 */
export function sourcesFailure(
  reports: readonly SourceFetchReport[],
  maxFailedShare: number,
): SourcesFailedError | undefined {
  const verdict = assessSources(reports, maxFailedShare);
  if (verdict.trustworthy) return undefined;
  return new SourcesFailedError(
    verdict.unanswered,
    verdict.total,
    maxFailedShare,
    verdict.unresolved,
    reports
      .filter((r) => r.status === 'failed' || r.status === 'skipped')
      .map((r) => `${r.name}: ${r.detail ?? r.error ?? r.status}`),
  );
}

/**
 * A run stopped by the sources rule still leaves its trace: source health (so "failing for 3 days"
 * keeps counting) and a run report saying why nothing went out. Neither may hide the run's error.
 */
export async function recordFailedRun(
  data: StateContext,
  /** `now`: the run's time, for source health; `at`: when the report is written. */
  failure: { editionId: string; error: SourcesFailedError; now: Date; at: Date },
  sources: SourceFetchReport[],
  corruptState: CorruptDocument[],
): Promise<void> {
  try {
    await recordSourceHealth(data, sources, failure.now);
  } catch (cause) {
    data.logger.warn('source health not recorded', { error: describeError(cause) });
  }
  await writeFailedRunReport(
    data.store,
    data.logger,
    {
      editionId: failure.editionId,
      error: failure.error.message,
      generatedAt: failure.at.toISOString(),
      sources,
      corruptState,
    },
    failure.at,
  );
}
