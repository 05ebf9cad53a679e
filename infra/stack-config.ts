/**
 * The deployment's settings: one typed object from cdk.json context (`briefing:*` keys,
 * overridable with `cdk deploy -c briefing:fromAddress=...`), validated with one-line errors
 * that name the key. An unknown key is an error naming the nearest valid one, so a misspelt
 * `briefing:fromAdress` never deploys silently with the default. What the service does (feeds,
 * schedule, delivery) lives in briefing.config.json instead (operator-config.ts).
 */
import { z } from 'zod';

export class StackConfigError extends Error {
  override name = 'StackConfigError';
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const StackConfigSchema = z
  .object({
    /** Sender address; its domain is verified in SES with DKIM. */
    fromAddress: z.email(),
    /** The SES identity domain (From domain). */
    domain: z.string().regex(DOMAIN, 'expected a domain name'),
    /** MAIL FROM subdomain SES sends from (SPF-aligned with the From domain for DMARC). */
    mailFromSubdomain: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i, 'expected one DNS label')
      .default('mail'),
    alarmEmail: z.email().optional(),
    /** Optional custom domain for the archive, with an ACM certificate in us-east-1. */
    archiveDomain: z.string().regex(DOMAIN, 'expected a domain name').optional(),
    archiveCertificateArn: z
      .string()
      .startsWith('arn:aws:acm:us-east-1:', 'expected an ACM certificate ARN in us-east-1')
      .optional(),
    /** The operator's config file, relative to the app's working directory. */
    configFile: z.string().min(1).default('briefing.config.json'),
    /** Days a source may fail in a row before the alarm fires. */
    sourceFailureDays: z.coerce.number().int().min(1).max(30).default(3),
    /** Hours after the scheduled time by which an edition must exist. */
    editionDeadlineHours: z.coerce.number().int().min(1).max(23).default(3),
    /** Hours the send queue may hold a message before the alarm says sending is falling behind. */
    sendBacklogHours: z.coerce.number().int().min(1).max(72).default(6),
  })
  .refine((c) => !c.archiveDomain === !c.archiveCertificateArn, {
    path: ['archiveCertificateArn'],
    message: 'archiveDomain and archiveCertificateArn go together',
  })
  .refine((c) => c.fromAddress.toLowerCase().endsWith(`@${c.domain.toLowerCase()}`), {
    path: ['fromAddress'],
    message: 'must be an address at briefing:domain (the SES identity it is sent from)',
  });

export type StackConfig = z.infer<typeof StackConfigSchema>;

const KEYS = [
  'fromAddress',
  'domain',
  'mailFromSubdomain',
  'alarmEmail',
  'archiveDomain',
  'archiveCertificateArn',
  'configFile',
  'sourceFailureDays',
  'editionDeadlineHours',
  'sendBacklogHours',
] as const;

/** Keys earlier versions read from context, and where each setting lives now. */
const MOVED: Record<string, string> = {
  appConfig: 'put these settings in briefing.config.json (see README, "Updating feeds and settings")',
  scheduleTime: 'set schedule.time in briefing.config.json',
  timeZone: 'set schedule.timeZone in briefing.config.json',
  postalAddress: 'set delivery.postalAddress in briefing.config.json',
};

/** Domains reserved for documentation (RFC 2606): mail "from" them cannot be delivered. */
export const PLACEHOLDER_DOMAINS = ['example.org', 'example.com', 'example.net'];

export function isPlaceholderDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return PLACEHOLDER_DOMAINS.some((p) => d === p || d.endsWith(`.${p}`));
}

/** Reads the `briefing:*` keys of the app's whole context; throws StackConfigError with one line. */
export function readStackConfig(context: Record<string, unknown>): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) {
    if (!name.startsWith('briefing:')) continue;
    const key = name.slice('briefing:'.length);
    if (MOVED[key]) throw new StackConfigError(`cdk context briefing:${key}: no longer read; ${MOVED[key]}`);
    if (!(KEYS as readonly string[]).includes(key)) {
      const near = nearest(key, KEYS);
      throw new StackConfigError(
        `cdk context briefing:${key}: unknown key${near ? ` (did you mean briefing:${near}?)` : ''}; valid: ${KEYS.join(', ')}`,
      );
    }
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = StackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    const message = issue.code === 'invalid_type' && raw[key] === undefined ? 'required' : issue.message;
    throw new StackConfigError(`cdk context briefing:${key}: ${message}`);
  }
  return parsed.data;
}

/** The candidate within edit distance 3 of `word` (case-insensitive), closest first. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (distance <= 3 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
