/**
 * Builds the raw RFC 5322 message with nodemailer's MIME composer: multipart/alternative with
 * a UTF-8 text and HTML part, a deterministic Message-ID (a retried send reuses it), List-Id,
 * List-Unsubscribe with an HTTPS one-click URL and a mailto, List-Unsubscribe-Post (RFC 8058),
 * and the SES configuration set header.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { InvalidInputError } from '../domain/errors.ts';

export interface ComposeInput {
  from: string;
  fromName?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageIdDomain: string;
  date: Date;
  listId: string;
  unsubscribeUrl: string;
  unsubscribeMailto?: string;
  configurationSet?: string;
  editionId: string;
  replyTo?: string;
}

const HEADER_SAFE = /^[^\r\n\0]*$/;

export async function composeMessage(input: ComposeInput): Promise<{ raw: Buffer; messageId: string }> {
  for (const [field, value] of Object.entries({
    from: input.from,
    to: input.to,
    subject: input.subject,
    listId: input.listId,
    unsubscribeUrl: input.unsubscribeUrl,
    replyTo: input.replyTo ?? '',
    fromName: input.fromName ?? '',
  })) {
    // Header injection is refused outright rather than folded away.
    if (!HEADER_SAFE.test(value)) throw new InvalidInputError(`${field}: must not contain line breaks`);
  }
  if (
    !/^https:\/\//.test(input.unsubscribeUrl) &&
    !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(input.unsubscribeUrl)
  ) {
    throw new InvalidInputError('unsubscribeUrl: must be https');
  }
  const hash = createHash('sha256')
    .update(`${input.editionId}\n${input.to.toLowerCase()}`)
    .digest('hex')
    .slice(0, 32);
  const messageId = `<${input.editionId}.${hash}@${input.messageIdDomain}>`;
  const unsubscribe = [`<${input.unsubscribeUrl}>`];
  if (input.unsubscribeMailto) {
    unsubscribe.push(
      `<mailto:${input.unsubscribeMailto}?subject=${encodeURIComponent(`unsubscribe ${input.to}`)}>`,
    );
  }
  const headers: Record<string, string> = {
    'List-Id': `<${input.listId}>`,
    'List-Unsubscribe': unsubscribe.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Entity-Ref-ID': input.editionId,
  };
  if (input.configurationSet) headers['X-SES-CONFIGURATION-SET'] = input.configurationSet;
  const composer = new MailComposer({
    from: input.fromName ? { name: input.fromName, address: input.from } : input.from,
    to: input.to,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: input.subject,
    date: input.date,
    messageId,
    text: { content: input.text, contentType: 'text/plain; charset=utf-8' },
    html: { content: input.html, contentType: 'text/html; charset=utf-8' },
    headers,
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await new Promise<Buffer>((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
  return { raw, messageId };
}
