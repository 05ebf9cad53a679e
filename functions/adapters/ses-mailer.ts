/**
 * The Mailer port on Amazon SES SendRawEmail: the raw message carries the List-Unsubscribe
 * headers (RFC 8058) that SES's simple API cannot set. Throttling errors are passed through
 * unchanged so sendDigest can back off.
 */
import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Mailer, OutgoingMail } from '#ports/ports.ts';

export function createSesMailer({
  client,
  configurationSet,
}: {
  client: SESClient;
  configurationSet?: string;
}): Mailer {
  return {
    async send(mail: OutgoingMail) {
      const out = await client.send(
        new SendRawEmailCommand({
          Source: mail.from,
          Destinations: [mail.to],
          RawMessage: { Data: mail.raw },
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
      return { providerId: out.MessageId ?? '' };
    },
  };
}
