/** The run options shared by `run` and `invoke`, turned into the validated manual event of CONTRACTS.md. */
import { InvalidInputError } from '#domain/errors.ts';
import { type FieldNamer, type ManualEvent, parseIsoDate, parseManualEvent } from '#domain/run-request.ts';

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
  /** Put an ad-hoc briefing into the public archive. */
  publish?: boolean;
}

/** The command-line flag behind each field of the manual event. */
const FLAGS: Record<string, string> = {
  since: '--since',
  until: '--until',
  themes: '--themes',
  query: '--query',
  recipients: '--to',
  dryRun: '--dry-run',
  edition: '--edition',
  archive: '--no-archive',
  publish: '--publish',
};

/**
 * Names a field of the event as the user typed it: `--to "x@"` rather than `event recipients[0]`,
 * with the offending value when the field is a list.
 */
export function flagNamer(options: EventOptions): FieldNamer {
  return (path) => {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(path);
    if (!match) return 'options';
    const flag = FLAGS[match[1]!] ?? `--${match[1]}`;
    const list = match[1] === 'recipients' ? options.to : match[1] === 'themes' ? options.themes : undefined;
    const value = match[2] === undefined ? undefined : list?.[Number(match[2])];
    return value === undefined ? flag : `${flag} ${JSON.stringify(value)}`;
  };
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
    publish: options.publish,
  };
  return parseManualEvent(
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    flagNamer(options),
  );
}

/** --now and the like: a strict ISO date (2026-02-30 is refused, not turned into 2 March). */
export function parseIsoFlag(value: string, flag: string): Date {
  const at = parseIsoDate(value);
  if (!at) {
    throw new InvalidInputError(
      /^\d{4}-\d{2}-\d{2}/.test(value.trim())
        ? `${flag}: ${value.trim()} is not a calendar date and time`
        : `${flag}: expected an ISO date such as 2026-11-24T07:00:00Z`,
    );
  }
  return at;
}
