/**
 * What one run is asked to do, whoever asks: the schedule, the CLI, or a manual Lambda event
 * (CONTRACTS.md). The manual event is validated strictly so a typo in a field name is an error
 * that names the field rather than a silently ignored option.
 */
import { z } from 'zod';
import { describeZodError } from '#domain/errors.ts';
import { InvalidInputError } from './errors.ts';
import { isValidEditionId } from './keys.ts';
import { type ThemeId, ThemeIdSchema } from './types.ts';

const DURATION = /^(\d{1,4})\s*(h|d)$/i;

export const SinceSchema = z
  .string()
  .trim()
  .refine(
    (s) => DURATION.test(s) || !Number.isNaN(Date.parse(s)),
    'expected a duration like "72h"/"3d" or an ISO date',
  );

const IsoSchema = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date');

export const ManualEventSchema = z
  .object({
    since: SinceSchema.optional(),
    until: IsoSchema.optional(),
    themes: z.array(ThemeIdSchema).min(1).optional(),
    query: z.string().trim().min(1).max(200).optional(),
    recipients: z.array(z.email()).min(1).max(50).optional(),
    dryRun: z.boolean().optional(),
    edition: z.string().refine(isValidEditionId, 'expected letters, digits, ".", "_" or "-"').optional(),
    archive: z.boolean().optional(),
  })
  .strict();

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
  /** Publish to the archive (false: render and send only). */
  archive: boolean;
}

export function parseManualEvent(input: unknown): ManualEvent {
  const result = ManualEventSchema.safeParse(input ?? {});
  if (!result.success) throw new InvalidInputError(describeZodError(result.error, 'event'));
  return result.data;
}

/** "72h" / "3d" / ISO -> absolute start, relative to `now`. */
export function resolveSince(since: string, now: Date): Date {
  const match = DURATION.exec(since.trim());
  if (match) {
    const hours = Number(match[1]) * (match[2]!.toLowerCase() === 'd' ? 24 : 1);
    return new Date(now.getTime() - hours * 3_600_000);
  }
  return new Date(Date.parse(since));
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
  context: { now: Date; windowHours: number; timeZone: string },
): RunRequest {
  const to = event.until ? new Date(Date.parse(event.until)) : context.now;
  const from = event.since
    ? resolveSince(event.since, to)
    : new Date(to.getTime() - context.windowHours * 3_600_000);
  if (from.getTime() >= to.getTime()) throw new InvalidInputError('event since: must be before until');
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
  };
}

/** Deterministic so a retried ad-hoc run writes the same edition. */
function adHocSuffix(event: ManualEvent): string {
  const key = JSON.stringify([event.since, event.until, event.themes, event.query]);
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36).slice(0, 6);
}
