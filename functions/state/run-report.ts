/**
 * The private run report (`runs/<edition>.json` in the data store): what an operator reads after
 * a run. Every source with its configured URL and full error, the corrupt documents met, and what
 * was published and mailed. Never published.
 */
import { describeError, PreconditionFailedError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { EditionStats, SourceFetchReport } from '#domain/types.ts';
import type { Logger, Store } from '#ports/ports.ts';
import { type CorruptDocument, writeStoredJson } from './stored-json.ts';

export interface RunReport {
  editionId: string;
  /** `failed`: stopped before publishing or mailing (too many sources did not answer). */
  status: 'ok' | 'failed';
  error?: string;
  generatedAt: string;
  stats?: EditionStats;
  /** The sources that failed or were skipped (a subset of `sources`, kept for older readers). */
  failedSources: SourceFetchReport[];
  sources: SourceFetchReport[];
  corruptState: CorruptDocument[];
  delivery?: unknown;
  published?: unknown;
}

/** A report of a run that went through; it replaces the edition's report. */
export async function writeRunReport(
  data: Store,
  logger: Logger,
  report: Omit<RunReport, 'status' | 'failedSources'>,
): Promise<void> {
  await store(data, logger, dataKeys.runReport(report.editionId), complete(report, 'ok'));
}

/**
 * A failed run's report, under its own key, and under the edition's only when the edition has no
 * report yet: a failed rerun never overwrites the report of a run that went out.
 */
export async function writeFailedRunReport(
  data: Store,
  logger: Logger,
  report: Omit<RunReport, 'status' | 'failedSources'>,
  at: Date,
): Promise<void> {
  const full = complete(report, 'failed');
  await store(data, logger, dataKeys.failedRunReport(report.editionId, at), full);
  await store(data, logger, dataKeys.runReport(report.editionId), full, true);
}

function complete(
  report: Omit<RunReport, 'status' | 'failedSources'>,
  status: RunReport['status'],
): RunReport {
  const failedSources = report.sources.filter((s) => s.status === 'failed' || s.status === 'skipped');
  return { ...report, status, failedSources };
}

async function store(data: Store, logger: Logger, key: string, report: RunReport, ifAbsent = false) {
  try {
    await writeStoredJson(data, key, report, { pretty: true, ifAbsent });
  } catch (error) {
    if (error instanceof PreconditionFailedError) return;
    // A missing report is worth a log line, not a different outcome of the run.
    logger.warn('run report not written', { key, error: describeError(error) });
  }
}
