/**
 * How long each source has been failing, counted in days, so an operator is told about a feed
 * that has been dead for a week rather than about every transient error.
 */
import { PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { SourceReport } from '#domain/types.ts';
import type { Store } from '#ports/ports.ts';

interface SourceHealthEntry {
  name: string;
  /** Distinct UTC days with a failure, in a row, ending with lastFailureDay. */
  failureDays: number;
  lastFailureDay?: string;
  lastError?: string;
  lastOkAt?: string;
}

export interface SourceHealthSummary {
  maxConsecutiveFailureDays: number;
  failing: { name: string; url: string; days: number; error?: string }[];
}

export function nextHealth(
  previous: Record<string, SourceHealthEntry>,
  reports: readonly SourceReport[],
  now: Date,
): Record<string, SourceHealthEntry> {
  const day = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const next: Record<string, SourceHealthEntry> = {};
  for (const report of reports) {
    const before = previous[report.url];
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
      ...(report.error ? { lastError: report.error } : {}),
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

export async function recordSourceHealth(
  store: Store,
  reports: readonly SourceReport[],
  now: Date,
): Promise<SourceHealthSummary> {
  const key = dataKeys.sourceHealth();
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.get(key);
    let previous: Record<string, SourceHealthEntry> = {};
    try {
      previous = current
        ? (JSON.parse(current.body.toString('utf8')) as Record<string, SourceHealthEntry>)
        : {};
    } catch {
      previous = {};
    }
    const next = nextHealth(previous, reports, now);
    try {
      await store.put(key, JSON.stringify(next, null, 2), {
        contentType: 'application/json',
        ...(current?.etag ? { ifMatch: current.etag } : { ifNoneMatch: '*' as const }),
      });
      return summariseHealth(next);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  throw new PreconditionFailedError(key);
}
