/**
 * What one run is asked to do, whoever asks: the schedule, the CLI, or a manual Lambda event
 * (CONTRACTS.md). The manual event is validated strictly so a typo in a field name is an error
 * that names the field rather than a silently ignored option.
 */
import { InvalidInputError } from './errors.ts';
import { isValidEditionId } from './keys.ts';
import { type ThemeId, ThemeIdSchema } from './types.ts';
import { findUnknownKey } from './unknown-keys.ts';
import * as z from './zod.ts';

const DURATION = /^(\d{1,4})\s*(h|d)$/i;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Why `value` is not an ISO 8601 date or date-time, or undefined when it is one. Stricter than
 * Date.parse, which turns 2026-02-30 into 2 March: every field must be in range.
 */
export function isoDateProblem(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return 'expected an ISO date such as 2026-11-24 or 2026-11-24T07:00:00Z';
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour > 23 || minute > 59 || second > 59)
    return `${value.trim()} is not a calendar date and time`;
  return undefined;
}

/** A checked ISO date; a date-time without a zone is read as UTC, the same on every machine. */
export function parseIsoDate(value: string): Date | undefined {
  if (isoDateProblem(value)) return undefined;
  const text = value.trim().replace(' ', 'T');
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T');
  return new Date(Date.parse(zoned ? text : `${text}Z`));
}

export const SinceSchema = z.string().check(
  z.trim(),
  z.superRefine((s, ctx) => {
    if (DURATION.test(s)) return;
    const problem = isoDateProblem(s);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem.startsWith('expected')
          ? 'expected a duration like "72h"/"3d" or an ISO date'
          : problem,
      });
  }),
);

const IsoSchema = z.string().check(
  z.trim(),
  z.superRefine((s, ctx) => {
    const problem = isoDateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

export const ManualEventSchema = z.strictObject({
  since: z.optional(SinceSchema),
  until: z.optional(IsoSchema),
  themes: z.optional(z.array(ThemeIdSchema).check(z.minLength(1))),
  query: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  recipients: z.optional(z.array(z.email()).check(z.minLength(1), z.maxLength(50))),
  dryRun: z.optional(z.boolean()),
  edition: z.optional(
    z.string().check(z.refine(isValidEditionId, 'expected letters, digits, ".", "_" or "-"')),
  ),
  archive: z.optional(z.boolean()),
  /** An ad-hoc edition joins the public archive (index, feeds, trends, search) only when true. */
  publish: z.optional(z.boolean()),
});

export type ManualEvent = z.infer<typeof ManualEventSchema>;

/** A fully resolved request: every default applied, times absolute. */
export interface RunRequest {
  now: Date;
  window: { from: Date; to: Date };
  editionId: string;
  /** true when the run differs from the scheduled daily edition (window, themes or query). */
  adHoc: boolean;
  themes?: ThemeId[];
  query?: string;
  /** Explicit recipients: send only to them, never to the list. */
  recipients?: string[];
  dryRun: boolean;
  /** Write the edition (false: render and send only). */
  archive: boolean;
  /**
   * Where the edition goes: the public archive (home, feeds, trends, search), or, for an ad-hoc
   * briefing not asked to be published, a private prefix of the data store.
   */
  visibility: 'public' | 'private';
}

/** How an error names a field: "event since" for the Lambda, "--since" for the CLI. */
export type FieldNamer = (path: string) => string;

const eventField: FieldNamer = (path) => (path ? `event ${path}` : 'event');

export function parseManualEvent(input: unknown, nameField: FieldNamer = eventField): ManualEvent {
  const unknown = findUnknownKey(input ?? {}, ManualEventSchema);
  if (unknown) {
    const hint = unknown.suggestion ? ` (did you mean "${unknown.suggestion}"?)` : '';
    throw new InvalidInputError(`${nameField('')}: unknown key "${unknown.path}"${hint}`);
  }
  const result = ManualEventSchema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = (issue?.path ?? [])
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '[');
    throw new InvalidInputError(`${nameField(path)}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** "72h" / "3d" / ISO -> absolute start, relative to `now`. */
export function resolveSince(since: string, now: Date): Date {
  const match = DURATION.exec(since.trim());
  if (match) {
    const hours = Number(match[1]) * (match[2]!.toLowerCase() === 'd' ? 24 : 1);
    return new Date(now.getTime() - hours * 3_600_000);
  }
  return parseIsoDate(since) ?? new Date(Number.NaN);
}

/** The calendar date of `at` in a time zone, as YYYY-MM-DD: the daily edition id. */
export function editionDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function resolveRunRequest(
  event: ManualEvent,
  context: { now: Date; windowHours: number; timeZone: string; nameField?: FieldNamer },
): RunRequest {
  const nameField = context.nameField ?? eventField;
  const to = event.until ? (parseIsoDate(event.until) ?? context.now) : context.now;
  const from = event.since
    ? resolveSince(event.since, to)
    : new Date(to.getTime() - context.windowHours * 3_600_000);
  if (from.getTime() >= to.getTime()) {
    const end = nameField('until').replace(/^event /, '');
    throw new InvalidInputError(`${nameField('since')}: must be before ${end} (${to.toISOString()})`);
  }
  const adHoc = Boolean(event.since || event.until || event.themes || event.query);
  const date = editionDate(to, context.timeZone);
  const editionId = event.edition ?? (adHoc ? `${date}-adhoc-${adHocSuffix(event)}` : date);
  return {
    now: context.now,
    window: { from, to },
    editionId,
    adHoc,
    themes: event.themes,
    query: event.query,
    recipients: event.recipients?.map((r) => r.trim().toLowerCase()),
    dryRun: event.dryRun ?? false,
    archive: event.archive ?? true,
    visibility: adHoc && !event.publish ? 'private' : 'public',
  };
}

/** Deterministic so a retried ad-hoc run writes the same edition. */
function adHocSuffix(event: ManualEvent): string {
  const key = JSON.stringify([event.since, event.until, event.themes, event.query]);
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36).slice(0, 6);
}

/** "Briefing — 2026-11-24", with the question or "(ad hoc)" for a briefing outside the schedule. */
export function editionTitle(archiveTitle: string, request: RunRequest): string {
  const base = `${archiveTitle} — ${request.editionId.slice(0, 10)}`;
  return request.query ? `${base} (${request.query})` : request.adHoc ? `${base} (ad hoc)` : base;
}
