/** The run options shared by `run` and `invoke`, turned into the validated manual event of CONTRACTS.md. */
import { type ManualEvent, parseManualEvent } from '#domain/run-request.ts';

export interface EventOptions {
  since?: string;
  until?: string;
  themes?: string[];
  query?: string;
  to?: string[];
  dryRun?: boolean;
  edition?: string;
  /** commander's --no-archive: false when given, true otherwise. */
  archive?: boolean;
}

export function eventFromOptions(options: EventOptions): ManualEvent {
  const fields = {
    since: options.since,
    until: options.until,
    themes: options.themes,
    query: options.query,
    recipients: options.to,
    dryRun: options.dryRun,
    edition: options.edition,
    // Only an explicit --no-archive goes into the event; publishing is the default.
    archive: options.archive === false ? false : undefined,
  };
  return parseManualEvent(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
}
