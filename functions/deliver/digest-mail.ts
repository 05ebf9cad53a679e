/**
 * The mail of one edition for one recipient: their own unsubscribe and preferences links,
 * their theme choice, the quiet-day note when there is no story. The digest (inline) and the
 * sender (from the queue) build it the same way, so a mail does not depend on who sends it.
 */
import type { Config } from '#config/schema.ts';
import { createToken } from '#domain/tokens.ts';
import type { Edition } from '#domain/types.ts';
import type { Clock, OutgoingMail, Templates } from '#ports/ports.ts';
import { composeMessage } from './compose-mime.ts';
import type { Recipient } from './recipients.ts';
import { renderEmail, renderQuietDay } from './render-email.ts';

export interface DigestMailDeps {
  /** The run's clock: the Date header and the links' lifetime. */
  clock: Clock;
  templates: Templates;
  /** HMAC secret for unsubscribe/preferences links. */
  signingSecret: string;
}

const LINK_LIFETIME_S = 400 * 86_400;

export function editionUrlOf(config: Config, editionId: string): string {
  return new URL(`editions/${editionId}/`, config.archive.baseUrl).toString();
}

export function createDigestMailBuilder(
  deps: DigestMailDeps,
  config: Config,
  edition: Edition,
  editionUrl: string = editionUrlOf(config, edition.id),
): (recipient: Recipient) => Promise<OutgoingMail> {
  const quietDay = edition.stories.length === 0;
  const messageIdDomain = config.delivery.from.split('@')[1] ?? 'localhost';
  const link = (email: string, purpose: 'unsubscribe' | 'preferences') => {
    const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + LINK_LIFETIME_S;
    const token = encodeURIComponent(createToken({ email, purpose, expiresAt }, deps.signingSecret));
    return new URL(`${purpose}?token=${token}`, config.archive.apiBaseUrl).toString();
  };
  return async (recipient) => {
    const unsubscribeUrl = link(recipient.email, 'unsubscribe');
    const context = {
      archiveTitle: config.archive.title,
      editionUrl,
      recipient: {
        email: recipient.email,
        unsubscribeUrl,
        preferencesUrl: link(recipient.email, 'preferences'),
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
      unsubscribeUrl,
      ...(config.delivery.unsubscribeMailto ? { unsubscribeMailto: config.delivery.unsubscribeMailto } : {}),
      ...(config.delivery.configurationSet ? { configurationSet: config.delivery.configurationSet } : {}),
      ...(config.delivery.replyTo ? { replyTo: config.delivery.replyTo } : {}),
      editionId: edition.id,
    });
    return { from: config.delivery.from, to: recipient.email, raw, messageId };
  };
}
