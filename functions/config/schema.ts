/**
 * The configuration: one schema, parsed once, with errors that name the field.
 * The same document configures the CLI (briefing.config.json) and the Lambda (ENV.config).
 */
import { ConfigError, describeZodError } from '#domain/errors.ts';
import { FeedSourceSchema, THEME_IDS, ThemeIdSchema } from '#domain/types.ts';
import { describeUnknownKey, findUnknownKey } from '#domain/unknown-keys.ts';
import * as z from '#domain/zod.ts';
import { DEFAULT_FEEDS } from './default-feeds.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const FetchConfigSchema = z.object({
  /** Requests in flight across all hosts. */
  concurrency: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(256)), 16),
  /** Requests in flight per host, so 40 feeds on one host are not fetched 40 at a time. */
  perHost: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(32)), 3),
  connectTimeoutMs: z._default(z.number().check(z.int(), z.minimum(100)), 5_000),
  timeoutMs: z._default(z.number().check(z.int(), z.minimum(100)), 20_000),
  retries: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(5)), 2),
  maxFeedBytes: z._default(z.number().check(z.int(), z.minimum(1024)), 8 * 1024 * 1024),
  maxPageBytes: z._default(z.number().check(z.int(), z.minimum(1024)), 4 * 1024 * 1024),
  /**
   * Share of sources that may fail (or be skipped) before the run itself fails: no mail, nothing
   * published. When every source fails the run fails whatever this says.
   */
  maxFailedShare: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.5),
  /**
   * Time each fetch stage (feeds, then article pages) may take. A request's own timeout starts
   * when it gets a connection slot; requests still queued when the stage's budget is spent are
   * not sent and are reported as skipped.
   */
  stageBudgetMs: z._default(z.number().check(z.int(), z.minimum(1_000)), 120_000),
  /** Article pages fetched per host per run, so one slow site cannot eat the run. */
  articlesPerHost: z._default(z.number().check(z.int(), z.minimum(0)), 15),
  maxArticles: z._default(z.number().check(z.int(), z.minimum(0)), 150),
  /**
   * Pages read for items below the cut that seem to report one of the day's relevant events
   * (analyse/near-misses.ts), after the relevant items' pages and within the same caps; 0: none.
   */
  nearMissPages: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(200)), 20),
  userAgent: z._default(
    z.string().check(z.minLength(1)),
    'BriefingBot/0.1 (+https://github.com/briefing; daily China-Russia digest)',
  ),
  /**
   * Lets feeds and their links point at loopback/private addresses. Only the offline sample
   * and tests set it; production never does.
   */
  allowPrivateNetwork: z._default(z.boolean(), false),
});

export const DeliveryConfigSchema = z.object({
  from: z._default(z.email(), 'briefing@example.org'),
  fromName: z._default(z.string().check(z.minLength(1)), 'China–Russia Briefing'),
  replyTo: z.optional(z.email()),
  /** RFC 2919 list identifier, e.g. "china-russia.briefing.example.org". */
  listId: z._default(z.string().check(z.minLength(3)), 'china-russia.briefing.example.org'),
  /** Sender's postal/contact line shown in the footer (CAN-SPAM, GDPR). */
  postalAddress: z._default(
    z.string().check(z.minLength(1)),
    'Briefing, 1 Example Street, London, United Kingdom',
  ),
  /** What to do on a day with no relevant story. */
  quietDay: z._default(z.enum(['note', 'skip']), 'note'),
  configurationSet: z.optional(z.string().check(z.minLength(1))),
  /** Fixed recipients besides confirmed subscribers (an editor's copy; the local default uses it). */
  recipients: z._default(z.array(z.email()), []),
  /** Gmail clips at ~102 KB; lower-ranked stories move to the web version past this. */
  maxHtmlBytes: z._default(z.number().check(z.int(), z.minimum(10_000)), 100_000),
  /** The account's SES maximum send rate: all senders together stay under it. */
  sendRatePerSecond: z._default(z.number().check(z.minimum(0.1)), 14),
  unsubscribeMailto: z.optional(z.email()),
  /** Lists up to this size are mailed by the digest itself; larger ones go through the send queue. */
  inlineSendLimit: z._default(z.number().check(z.int(), z.minimum(0)), 100),
  /** Recipients per queue message (one message carries the edition id and these addresses). */
  batchSize: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(500)), 50),
  /**
   * Sender functions running at once (the queue's maximum concurrency, 2 at least); each
   * sends at sendRatePerSecond / senderConcurrency.
   */
  senderConcurrency: z._default(z.number().check(z.int(), z.minimum(2), z.maximum(1000)), 3),
  /**
   * How long a send claim protects a recipient while its sender is mailing them; a claim
   * older than this belongs to a sender that died and is finished by a later attempt.
   */
  claimLeaseSeconds: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(900)), 120),
});

export const ArchiveConfigSchema = z.object({
  title: z._default(z.string().check(z.minLength(1)), 'China–Russia Briefing'),
  /** Public base URL of the archive; every link in mail and pages is absolute from here. */
  baseUrl: z._default(z.url(), 'http://127.0.0.1:8080/'),
  /** Base URL of the subscription API (subscribe form, unsubscribe links). */
  apiBaseUrl: z._default(z.url(), 'http://127.0.0.1:8080/api/'),
});

/** Limits of the public sign-up form (the subscription API). */
export const SubscriptionsConfigSchema = z.object({
  /** Confirmation mails per hour, all clients together. */
  confirmationsPerHour: z._default(z.number().check(z.int(), z.minimum(1)), 200),
  /** Confirmation mails per hour triggered from one client address. */
  confirmationsPerClientPerHour: z._default(z.number().check(z.int(), z.minimum(1)), 5),
  /** Confirmation mails per address per day. */
  confirmationsPerAddressPerDay: z._default(z.number().check(z.int(), z.minimum(1)), 3),
  /** A sign-up is answered no sooner than this, so timing does not reveal who is subscribed. */
  minimumAnswerMs: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(10_000)), 800),
});

export const ScheduleConfigSchema = z.object({
  time: z._default(z.string().check(z.regex(HHMM, 'expected HH:MM')), '07:00'),
  timeZone: z._default(
    z.string().check(z.refine((tz) => isTimeZone(tz), 'unknown IANA time zone')),
    'Europe/London',
  ),
});

export const SummariserConfigSchema = z.object({
  /** extractive (default) or bedrock: an abstractive rewrite, grounded, falling back to extractive. */
  kind: z._default(z.enum(['extractive', 'bedrock']), 'extractive'),
  modelId: z._default(z.string().check(z.minLength(1)), 'amazon.nova-lite-v1:0'),
  region: z.optional(z.string().check(z.minLength(1))),
});

/**
 * The optional second opinion on relevance: items whose local score falls in the band go to
 * Amazon Bedrock (Converse), at most `maxItems` and `maxCostUsd` (estimated) per run, each
 * item once (verdicts are cached in the private store). Off by default.
 */
export const SecondOpinionConfigSchema = z.strictObject({
  enabled: z._default(z.boolean(), false),
  modelId: z._default(z.string().check(z.minLength(1)), 'amazon.nova-lite-v1:0'),
  region: z.optional(z.string().check(z.minLength(1))),
  band: z._default(
    z
      .object({
        from: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.35),
        to: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.65),
      })
      .check(z.refine((b) => b.from < b.to, 'band.from must be below band.to')),
    { from: 0.35, to: 0.65 },
  ),
  maxItems: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(1000)), 20),
  maxCostUsd: z._default(z.number().check(z.minimum(0), z.maximum(100)), 0.05),
  /** List prices used for the cost estimate (Amazon Nova Lite by default). */
  inputUsdPerMillionTokens: z._default(z.number().check(z.minimum(0)), 0.06),
  outputUsdPerMillionTokens: z._default(z.number().check(z.minimum(0)), 0.24),
});

export const RelevanceConfigSchema = z.object({
  secondOpinion: z._default(SecondOpinionConfigSchema, SecondOpinionConfigSchema.parse({})),
});

export const TranslateConfigSchema = z.object({
  /** none (default) or amazon-translate: English headlines beside non-English ones. */
  kind: z._default(z.enum(['none', 'amazon-translate']), 'none'),
  region: z.optional(z.string().check(z.minLength(1))),
  /** Headlines sent to the service per run at most; cached translations do not count. */
  maxPerRun: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(1000)), 40),
});

export const ConfigSchema = z.object({
  topic: z._default(
    z.object({
      name: z._default(z.string().check(z.minLength(1)), 'China–Russia relations'),
      description: z._default(z.string(), 'Xi Jinping–Vladimir Putin and China–Russia relations'),
    }),
    {
      name: 'China–Russia relations',
      description: 'Xi Jinping–Vladimir Putin and China–Russia relations',
    },
  ),
  feeds: z._default(z.array(FeedSourceSchema).check(z.minLength(1)), DEFAULT_FEEDS),
  themes: z._default(z.array(ThemeIdSchema).check(z.minLength(1)), [...THEME_IDS]),
  /** Default time window of a run, in hours before its clock. */
  windowHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(24 * 31)), 24),
  /** Items sent in an edition within this many days are not repeated without new reporting. */
  seenWindowDays: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(60)), 7),
  maxStories: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(500)), 80),
  schedule: z._default(ScheduleConfigSchema, { time: '07:00', timeZone: 'Europe/London' }),
  fetch: z._default(FetchConfigSchema, FetchConfigSchema.parse({})),
  delivery: z._default(DeliveryConfigSchema, DeliveryConfigSchema.parse({})),
  archive: z._default(ArchiveConfigSchema, ArchiveConfigSchema.parse({})),
  subscriptions: z._default(SubscriptionsConfigSchema, SubscriptionsConfigSchema.parse({})),
  summariser: z._default(SummariserConfigSchema, { kind: 'extractive', modelId: 'amazon.nova-lite-v1:0' }),
  relevance: z._default(RelevanceConfigSchema, RelevanceConfigSchema.parse({})),
  translate: z._default(TranslateConfigSchema, { kind: 'none', maxPerRun: 40 }),
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
