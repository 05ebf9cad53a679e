/**
 * Builds the raw RFC 5322 message with nodemailer's MIME composer: multipart/alternative with
 * a UTF-8 text and HTML part, a deterministic Message-ID (a retried send reuses it), List-Id,
 * List-Unsubscribe with an HTTPS one-click URL and a mailto, List-Unsubscribe-Post (RFC 8058),
 * and the SES configuration set header.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { InvalidInputError } from '#domain/errors.ts';

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

/** Nodemailer capitalises header names word by word; these keep the spelling their specs use. */
const HEADER_SPELLING: Record<string, string> = {
  'List-ID': 'List-Id',
  'X-Ses-Configuration-Set': 'X-SES-CONFIGURATION-SET',
};

const MAILBOX = /^[^\s<>()@?,;:"]+@[A-Za-z0-9.-]+$/;

/**
 * RFC 8058 one-click needs HTTPS. Plain http is accepted only for loopback, where local runs and
 * tests serve the subscription API. Returns the URL as the WHATWG parser serialises it, so a
 * stray '>' or space is percent-encoded and cannot end the angle-bracketed header value.
 */
function oneClickUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError('unsubscribeUrl: not a URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new InvalidInputError('unsubscribeUrl: must be https');
  }
  return parsed.href;
}

/**
 * The same edition and recipient always give the same Message-ID, so a retried send is the same
 * message to the provider and to the reader's client. The recipient appears only as a hash.
 */
export function messageIdFor(editionId: string, to: string, domain: string): string {
  const hash = createHash('sha256')
    .update(`${editionId}\n${to.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 32);
  // A msg-id's left part is dot-atom text: no colons, spaces or brackets from odd edition ids.
  const left = editionId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'message';
  const right = domain.replace(/[^A-Za-z0-9.-]+/g, '') || 'localhost';
  return `<${left}.${hash}@${right}>`;
}

export async function composeMessage(input: ComposeInput): Promise<{ raw: Buffer; messageId: string }> {
  for (const [field, value] of Object.entries({
    from: input.from,
    to: input.to,
    subject: input.subject,
    listId: input.listId,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeMailto: input.unsubscribeMailto ?? '',
    configurationSet: input.configurationSet ?? '',
    editionId: input.editionId,
    replyTo: input.replyTo ?? '',
    fromName: input.fromName ?? '',
  })) {
    // Header injection is refused outright rather than folded away.
    if (!HEADER_SAFE.test(value)) throw new InvalidInputError(`${field}: must not contain line breaks`);
  }
  const messageId = messageIdFor(input.editionId, input.to, input.messageIdDomain);
  const unsubscribe = [`<${oneClickUrl(input.unsubscribeUrl)}>`];
  if (input.unsubscribeMailto) {
    if (!MAILBOX.test(input.unsubscribeMailto))
      throw new InvalidInputError('unsubscribeMailto: not an address');
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
    normalizeHeaderKey: (key: string) => HEADER_SPELLING[key] ?? key,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await new Promise<Buffer>((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
  return { raw, messageId };
}
