/**
 * Mails an edition: chooses the recipients (explicit ones only, or the confirmed list), renders
 * each recipient's message with their own unsubscribe link and theme choice, and hands the batch
 * to sendDigest, which claims every send so nobody is mailed twice.
 */

import type { Config } from '#config/schema.ts';
import { dataKeys } from '#domain/keys.ts';
import type { RunRequest } from '#domain/run-request.ts';
import { isDeliverable, SubscriberSchema } from '#domain/subscriber.ts';
import { createToken } from '#domain/tokens.ts';
import type { Edition, ThemeId } from '#domain/types.ts';
import type { Clock, Logger, Mailer, OutgoingMail, Store, Templates } from '#ports/ports.ts';
import { type CorruptDocument, readStoredValue } from '#state/stored-json.ts';
import { composeMessage } from './compose-mime.ts';
import { renderEmail, renderQuietDay } from './render-email.ts';
import { type Recipient, type SendReport, sendDigest } from './send-digest.ts';

export interface DeliveryReport extends SendReport {
  recipients: number;
  quietDay: boolean;
  /** Why nothing was sent, when nothing was. */
  note?: string;
}

export interface DeliveryDeps {
  data: Store;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  templates: Templates;
  signingSecret: string;
  /** Told about a corrupt subscriber record met (the run report lists them). */
  onCorrupt?: (document: CorruptDocument) => void;
}

const LINK_LIFETIME_S = 400 * 86_400;

export async function deliverEdition(
  deps: DeliveryDeps,
  config: Config,
  request: RunRequest,
  edition: Edition,
  editionUrl: string,
): Promise<DeliveryReport> {
  const quietDay = edition.stories.length === 0;
  const recipients = await resolveRecipients(deps, config, request, edition);
  const empty = { sent: 0, skipped: 0, failed: 0, failures: [], recipients: recipients.length, quietDay };
  if (recipients.length === 0) return { ...empty, note: 'no recipients' };
  if (quietDay && config.delivery.quietDay === 'skip') {
    return { ...empty, skipped: recipients.length, note: 'quiet day: configured to send nothing' };
  }

  const messageIdDomain = config.delivery.from.split('@')[1] ?? 'localhost';
  const build = async (recipient: Recipient): Promise<OutgoingMail> => {
    const context = {
      archiveTitle: config.archive.title,
      editionUrl,
      recipient: {
        email: recipient.email,
        unsubscribeUrl: recipient.unsubscribeUrl,
        preferencesUrl: recipient.preferencesUrl,
        ...(recipient.themes ? { themes: recipient.themes } : {}),
      },
      postalAddress: config.delivery.postalAddress,
      maxHtmlBytes: config.delivery.maxHtmlBytes,
    };
    const rendered = quietDay
      ? renderQuietDay(edition, context, deps.templates)
      : renderEmail(edition, context, deps.templates);
    const { raw, messageId } = await composeMessage({
      from: config.delivery.from,
      fromName: config.delivery.fromName,
      to: recipient.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageIdDomain,
      date: deps.clock.now(),
      listId: config.delivery.listId,
      unsubscribeUrl: recipient.unsubscribeUrl,
      ...(config.delivery.unsubscribeMailto ? { unsubscribeMailto: config.delivery.unsubscribeMailto } : {}),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
      ...(config.delivery.replyTo ? { replyTo: config.delivery.replyTo } : {}),
      editionId: edition.id,
    });
    return { from: config.delivery.from, to: recipient.email, raw, messageId };
  };

  const report = await sendDigest(deps, {
    edition,
    recipients,
    build,
    ratePerSecond: config.delivery.sendRatePerSecond,
  });
  return { ...report, recipients: recipients.length, quietDay };
}

/** Explicit recipients replace the list entirely; otherwise confirmed subscribers plus fixed ones. */
export async function resolveRecipients(
  deps: Pick<DeliveryDeps, 'data' | 'clock' | 'logger' | 'signingSecret' | 'onCorrupt'>,
  config: Config,
  request: RunRequest,
  edition: Edition,
): Promise<Recipient[]> {
  const links = (email: string, themes?: ThemeId[]): Recipient => {
    const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + LINK_LIFETIME_S;
    const token = (purpose: 'unsubscribe' | 'preferences') =>
      encodeURIComponent(createToken({ email, purpose, expiresAt }, deps.signingSecret));
    return {
      email,
      ...(themes && themes.length > 0 ? { themes } : {}),
      unsubscribeUrl: new URL(
        `unsubscribe?token=${token('unsubscribe')}`,
        config.archive.apiBaseUrl,
      ).toString(),
      preferencesUrl: new URL(
        `preferences?token=${token('preferences')}`,
        config.archive.apiBaseUrl,
      ).toString(),
    };
  };
  if (request.recipients) return dedupe(request.recipients).map((email) => links(email, request.themes));

  const subscribers: Recipient[] = [];
  // A corrupt record is reported with its key and field, kept aside and skipped (state helper).
  const state = {
    store: deps.data,
    logger: deps.logger.child({ editionId: edition.id }),
    ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}),
  };
  for (const key of await deps.data.list(dataKeys.subscribersPrefix())) {
    const subscriber = await readStoredValue(state, key, SubscriberSchema);
    if (subscriber && isDeliverable(subscriber)) subscribers.push(links(subscriber.email, subscriber.themes));
  }
  const fixed = config.delivery.recipients.map((email) => links(email.toLowerCase()));
  const byEmail = new Map<string, Recipient>();
  for (const r of [...subscribers, ...fixed]) if (!byEmail.has(r.email)) byEmail.set(r.email, r);
  return [...byEmail.values()];
}

function dedupe(emails: string[]): string[] {
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))];
}
