/**
 * The configuration: one schema, parsed once, with errors that name the field.
 * The same document configures the CLI (briefing.config.json) and the Lambda (ENV.config).
 */
import { z } from 'zod';
import { ConfigError, describeZodError } from '#domain/errors.ts';
import { FeedSourceSchema, THEME_IDS, ThemeIdSchema } from '#domain/types.ts';
import { describeUnknownKey, findUnknownKey } from '#domain/unknown-keys.ts';
import { DEFAULT_FEEDS } from './default-feeds.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const FetchConfigSchema = z.object({
  /** Requests in flight across all hosts. */
  concurrency: z.number().int().min(1).max(256).default(16),
  /** Requests in flight per host, so 40 feeds on one host are not fetched 40 at a time. */
  perHost: z.number().int().min(1).max(32).default(3),
  connectTimeoutMs: z.number().int().min(100).default(5_000),
  timeoutMs: z.number().int().min(100).default(20_000),
  retries: z.number().int().min(0).max(5).default(2),
  maxFeedBytes: z
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  maxPageBytes: z
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /**
   * Share of sources that may fail (or be skipped) before the run itself fails: no mail, nothing
   * published. When every source fails the run fails whatever this says.
   */
  maxFailedShare: z.number().min(0).max(1).default(0.5),
  /**
   * Time each fetch stage (feeds, then article pages) may take. A request's own timeout starts
   * when it gets a connection slot; requests still queued when the stage's budget is spent are
   * not sent and are reported as skipped.
   */
  stageBudgetMs: z.number().int().min(1_000).default(120_000),
  /** Article pages fetched per host per run, so one slow site cannot eat the run. */
  articlesPerHost: z.number().int().min(0).default(15),
  maxArticles: z.number().int().min(0).default(150),
  userAgent: z
    .string()
    .min(1)
    .default('BriefingBot/0.1 (+https://github.com/briefing; daily China-Russia digest)'),
  /**
   * Lets feeds and their links point at loopback/private addresses. Only the offline sample
   * and tests set it; production never does.
   */
  allowPrivateNetwork: z.boolean().default(false),
});

export const DeliveryConfigSchema = z.object({
  from: z.email().default('briefing@example.org'),
  fromName: z.string().min(1).default('China–Russia Briefing'),
  replyTo: z.email().optional(),
  /** RFC 2919 list identifier, e.g. "china-russia.briefing.example.org". */
  listId: z.string().min(3).default('china-russia.briefing.example.org'),
  /** Sender's postal/contact line shown in the footer (CAN-SPAM, GDPR). */
  postalAddress: z.string().min(1).default('Briefing, 1 Example Street, London, United Kingdom'),
  /** What to do on a day with no relevant story. */
  quietDay: z.enum(['note', 'skip']).default('note'),
  configurationSet: z.string().min(1).optional(),
  /** Fixed recipients besides confirmed subscribers (an editor's copy; the local default uses it). */
  recipients: z.array(z.email()).default([]),
  /** Gmail clips at ~102 KB; lower-ranked stories move to the web version past this. */
  maxHtmlBytes: z.number().int().min(10_000).default(100_000),
  /** The account's SES maximum send rate: all senders together stay under it. */
  sendRatePerSecond: z.number().min(0.1).default(14),
  unsubscribeMailto: z.email().optional(),
  /** Lists up to this size are mailed by the digest itself; larger ones go through the send queue. */
  inlineSendLimit: z.number().int().min(0).default(100),
  /** Recipients per queue message (one message carries the edition id and these addresses). */
  batchSize: z.number().int().min(1).max(500).default(50),
  /**
   * Sender functions running at once (the queue's maximum concurrency, 2 at least); each
   * sends at sendRatePerSecond / senderConcurrency.
   */
  senderConcurrency: z.number().int().min(2).max(1000).default(3),
  /**
   * How long a send claim protects a recipient while its sender is mailing them; a claim
   * older than this belongs to a sender that died and is finished by a later attempt.
   */
  claimLeaseSeconds: z.number().int().min(1).max(900).default(120),
});

export const ArchiveConfigSchema = z.object({
  title: z.string().min(1).default('China–Russia Briefing'),
  /** Public base URL of the archive; every link in mail and pages is absolute from here. */
  baseUrl: z.url().default('http://127.0.0.1:8080/'),
  /** Base URL of the subscription API (subscribe form, unsubscribe links). */
  apiBaseUrl: z.url().default('http://127.0.0.1:8080/api/'),
});

/** Limits of the public sign-up form (the subscription API). */
export const SubscriptionsConfigSchema = z.object({
  /** Confirmation mails per hour, all clients together. */
  confirmationsPerHour: z.number().int().min(1).default(200),
  /** Confirmation mails per hour triggered from one client address. */
  confirmationsPerClientPerHour: z.number().int().min(1).default(5),
  /** Confirmation mails per address per day. */
  confirmationsPerAddressPerDay: z.number().int().min(1).default(3),
  /** A sign-up is answered no sooner than this, so timing does not reveal who is subscribed. */
  minimumAnswerMs: z.number().int().min(0).max(10_000).default(800),
});

export const ScheduleConfigSchema = z.object({
  time: z.string().regex(HHMM, 'expected HH:MM').default('07:00'),
  timeZone: z
    .string()
    .refine((tz) => isTimeZone(tz), 'unknown IANA time zone')
    .default('Europe/London'),
});

export const SummarizerConfigSchema = z.object({
  /** extractive (default) or bedrock: an abstractive rewrite, grounded, falling back to extractive. */
  kind: z.enum(['extractive', 'bedrock']).default('extractive'),
  modelId: z.string().min(1).default('amazon.nova-lite-v1:0'),
  region: z.string().min(1).optional(),
});

/**
 * The optional second opinion on relevance: items whose local score falls in the band go to
 * Amazon Bedrock (Converse), at most `maxItems` and `maxCostUsd` (estimated) per run, each
 * item once (verdicts are cached in the private store). Off by default.
 */
export const SecondOpinionConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    modelId: z.string().min(1).default('amazon.nova-lite-v1:0'),
    region: z.string().min(1).optional(),
    band: z
      .object({ from: z.number().min(0).max(1).default(0.35), to: z.number().min(0).max(1).default(0.65) })
      .refine((b) => b.from < b.to, 'band.from must be below band.to')
      .default({ from: 0.35, to: 0.65 }),
    maxItems: z.number().int().min(0).max(1000).default(20),
    maxCostUsd: z.number().min(0).max(100).default(0.05),
    /** List prices used for the cost estimate (Amazon Nova Lite by default). */
    inputUsdPerMillionTokens: z.number().min(0).default(0.06),
    outputUsdPerMillionTokens: z.number().min(0).default(0.24),
  })
  .strict();

export const RelevanceConfigSchema = z.object({
  secondOpinion: SecondOpinionConfigSchema.default(SecondOpinionConfigSchema.parse({})),
});

export const TranslateConfigSchema = z.object({
  /** none (default) or amazon-translate: English headlines beside non-English ones. */
  kind: z.enum(['none', 'amazon-translate']).default('none'),
  region: z.string().min(1).optional(),
  /** Headlines sent to the service per run at most; cached translations do not count. */
  maxPerRun: z.number().int().min(0).max(1000).default(40),
});

export const ConfigSchema = z.object({
  topic: z
    .object({
      name: z.string().min(1).default('China–Russia relations'),
      description: z.string().default('Xi Jinping–Vladimir Putin and China–Russia relations'),
    })
    .default({
      name: 'China–Russia relations',
      description: 'Xi Jinping–Vladimir Putin and China–Russia relations',
    }),
  feeds: z.array(FeedSourceSchema).min(1).default(DEFAULT_FEEDS),
  themes: z
    .array(ThemeIdSchema)
    .min(1)
    .default([...THEME_IDS]),
  /** Default time window of a run, in hours before its clock. */
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(24),
  /** Items sent in an edition within this many days are not repeated without new reporting. */
  seenWindowDays: z.number().int().min(0).max(60).default(7),
  maxStories: z.number().int().min(1).max(500).default(80),
  schedule: ScheduleConfigSchema.default({ time: '07:00', timeZone: 'Europe/London' }),
  fetch: FetchConfigSchema.default(FetchConfigSchema.parse({})),
  delivery: DeliveryConfigSchema.default(DeliveryConfigSchema.parse({})),
  archive: ArchiveConfigSchema.default(ArchiveConfigSchema.parse({})),
  subscriptions: SubscriptionsConfigSchema.default(SubscriptionsConfigSchema.parse({})),
  summarizer: SummarizerConfigSchema.default({ kind: 'extractive', modelId: 'amazon.nova-lite-v1:0' }),
  relevance: RelevanceConfigSchema.default(RelevanceConfigSchema.parse({})),
  translate: TranslateConfigSchema.default({ kind: 'none', maxPerRun: 40 }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type FetchConfig = z.infer<typeof FetchConfigSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a config document; throws ConfigError naming the first bad field. An unknown key is an
 * error with the nearest valid key (`maxStorys` → "maxStories"), whichever module added the keys.
 */
export function parseConfig(input: unknown, source = 'config'): Config {
  const unknown = findUnknownKey(input, ConfigSchema);
  if (unknown) throw new ConfigError(`${source} ${describeUnknownKey(unknown)}`);
  const result = ConfigSchema.safeParse(input ?? {});
  if (!result.success) throw new ConfigError(describeZodError(result.error, source));
  return result.data;
}
