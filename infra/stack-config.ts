/**
 * The deployment's settings: one typed object, read from cdk.json context (`briefing:*` keys,
 * overridable with `cdk deploy -c briefing:fromAddress=...`) and validated with errors that name
 * the key.
 */
import { z } from 'zod';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const StackConfigSchema = z.object({
  /** Sender address; its domain is verified in SES with DKIM. */
  fromAddress: z.email(),
  /** The SES identity domain (From domain). */
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected a domain name'),
  scheduleTime: z.string().regex(HHMM, 'expected HH:MM'),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone'),
  alarmEmail: z.email().optional(),
  /** Optional custom domain for the archive, with an ACM certificate in us-east-1. */
  archiveDomain: z.string().optional(),
  archiveCertificateArn: z.string().startsWith('arn:aws:acm:us-east-1:').optional(),
  /** Postal/contact line for the email footer. */
  postalAddress: z.string().min(1).default('Briefing, 1 Example Street, London, United Kingdom'),
  /** Days a source may fail in a row before the alarm fires. */
  sourceFailureDays: z.coerce.number().int().min(1).max(30).default(3),
  /** Hours after the scheduled time by which an edition must exist. */
  editionDeadlineHours: z.coerce.number().int().min(1).max(23).default(3),
  /** Extra settings for the app config (feeds, themes, delivery options), as JSON. */
  appConfig: z.record(z.string(), z.unknown()).default({}),
});

export type StackConfig = z.infer<typeof StackConfigSchema>;

const KEYS = Object.keys(StackConfigSchema.shape);

/** Reads `briefing:<key>` context values through a getter (app.node.tryGetContext). */
export function readStackConfig(get: (key: string) => unknown): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    let value = get(`briefing:${key}`);
    if (key === 'appConfig' && typeof value === 'string') value = JSON.parse(value);
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = StackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`cdk context briefing:${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
