/** The raw message read back with a small RFC 5322/2045 parser of our own (mailparser is not installed). */
import { describe, expect, it } from 'vitest';
import { type ComposeInput, composeMessage, messageIdFor } from '#deliver/compose-mime.ts';

interface Part {
  headers: Map<string, string[]>;
  /** Header names exactly as written, in order. */
  names: string[];
  body: string;
}

/** Splits a header block and body; unfolds continuation lines; names are case-insensitive keys. */
function parsePart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string[]>();
  const names: string[] = [];
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    names.push(name);
    const key = name.toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), line.slice(colon + 1).trim()]);
  }
  return { headers, names, body };
}

const header = (part: Part, name: string) => part.headers.get(name.toLowerCase())?.[0];

/** RFC 2047 encoded words (B and Q) to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeBody(part: Part): string {
  const encoding = (header(part, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return part.body;
}

function parseMessage(raw: Buffer) {
  const text = raw.toString('latin1');
  const root = parsePart(text);
  const boundary = /boundary="?([^";]+)"?/.exec(header(root, 'Content-Type') ?? '')?.[1];
  const parts = boundary
    ? root.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((chunk) => parsePart(chunk.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [];
  return { root, parts, text };
}

const base: ComposeInput = {
  from: 'briefing@example.org',
  fromName: 'China–Russia Briefing',
  to: 'Reader@Example.org',
  subject: 'Сводка, 23 ноября: 中俄关系 — Power of Siberia 2 talks stall',
  html: '<!doctype html><html><body><p>Привет, 你好 — “quotes” &amp; more</p></body></html>',
  text: 'Привет, 你好 — “quotes” & more\n\nSecond paragraph.',
  messageIdDomain: 'example.org',
  date: new Date('2026-11-23T07:00:00Z'),
  listId: 'china-russia.briefing.example.org',
  unsubscribeUrl: 'https://briefing.example.org/api/unsubscribe?token=abc.def&v=1',
  unsubscribeMailto: 'unsubscribe@example.org',
  configurationSet: 'briefing-digest',
  editionId: '2026-11-23',
  replyTo: 'editor@example.org',
};

describe('composeMessage', () => {
  it('builds a multipart/alternative UTF-8 message with a text and an HTML part', async () => {
    const { raw } = await composeMessage(base);
    const { root, parts } = parseMessage(raw);
    expect(header(root, 'MIME-Version')).toBe('1.0');
    expect(header(root, 'Content-Type')).toMatch(/^multipart\/alternative; boundary=/);
    expect(parts).toHaveLength(2);
    // The preferred alternative comes last (RFC 2046): plain text first, HTML second.
    expect(header(parts[0]!, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(header(parts[1]!, 'Content-Type')).toBe('text/html; charset=utf-8');
    expect(decodeBody(parts[0]!)).toBe(base.text.replace(/\n/g, '\r\n'));
    expect(decodeBody(parts[1]!)).toBe(base.html);
  });

  it('writes the addressing headers, the subject in UTF-8 and the date', async () => {
    const { raw } = await composeMessage(base);
    const { root } = parseMessage(raw);
    expect(decodeWords(header(root, 'From')!)).toBe('China–Russia Briefing <briefing@example.org>');
    expect(header(root, 'To')).toBe('Reader@example.org');
    expect(header(root, 'Reply-To')).toBe('editor@example.org');
    expect(decodeWords(header(root, 'Subject')!)).toBe(base.subject);
    expect(header(root, 'Date')).toBe('Mon, 23 Nov 2026 07:00:00 +0000');
  });

  it('writes the list headers of RFC 2369, 2919 and 8058 and the SES configuration set exactly', async () => {
    const { raw, messageId } = await composeMessage(base);
    const { root } = parseMessage(raw);
    expect(header(root, 'Message-ID')).toBe(messageId);
    expect(header(root, 'List-Id')).toBe('<china-russia.briefing.example.org>');
    expect(header(root, 'List-Unsubscribe')).toBe(
      '<https://briefing.example.org/api/unsubscribe?token=abc.def&v=1>, <mailto:unsubscribe@example.org?subject=unsubscribe%20Reader%40Example.org>',
    );
    expect(header(root, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(root.names).toContain('X-SES-CONFIGURATION-SET');
    expect(root.names).toContain('List-Id');
    expect(header(root, 'X-SES-CONFIGURATION-SET')).toBe('briefing-digest');
    expect(root.names.filter((n) => n.toLowerCase() === 'list-unsubscribe')).toHaveLength(1);
  });

  it('leaves out the optional headers when not configured', async () => {
    const { raw } = await composeMessage({
      ...base,
      unsubscribeMailto: undefined,
      configurationSet: undefined,
      replyTo: undefined,
    });
    const { root } = parseMessage(raw);
    expect(header(root, 'List-Unsubscribe')).toBe(
      '<https://briefing.example.org/api/unsubscribe?token=abc.def&v=1>',
    );
    expect(header(root, 'X-SES-CONFIGURATION-SET')).toBeUndefined();
    expect(header(root, 'Reply-To')).toBeUndefined();
  });

  it('keeps to the wire format: CRLF line ends, no line over 998 octets, 7-bit headers', async () => {
    const { raw } = await composeMessage({ ...base, html: `<p>${'long line '.repeat(500)}</p>` });
    const text = raw.toString('latin1');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
  });

  it('derives a stable Message-ID from the edition and the recipient, without showing the address', async () => {
    const first = await composeMessage(base);
    const again = await composeMessage({
      ...base,
      to: 'reader@example.org',
      subject: 'other',
      date: new Date(),
    });
    const otherReader = await composeMessage({ ...base, to: 'someone@example.org' });
    const otherEdition = await composeMessage({ ...base, editionId: '2026-11-24' });
    expect(first.messageId).toMatch(/^<2026-11-23\.[0-9a-f]{32}@example\.org>$/);
    expect(again.messageId).toBe(first.messageId);
    expect(otherReader.messageId).not.toBe(first.messageId);
    expect(otherEdition.messageId).not.toBe(first.messageId);
    expect(first.messageId.toLowerCase()).not.toContain('reader');
    expect(messageIdFor('2026-11-23', 'reader@example.org', 'example.org')).toBe(first.messageId);
  });

  it.each([
    ['confirm-2026-11-23T07:00:00.000Z', /^<confirm-2026-11-23T07-00-00\.000Z\.[0-9a-f]{32}@example\.org>$/],
    ['<odd> id', /^<odd-id\.[0-9a-f]{32}@example\.org>$/],
  ])('keeps the Message-ID valid for the edition id %j', (editionId, expected) => {
    expect(messageIdFor(editionId, 'a@example.org', 'example.org')).toMatch(expected);
  });

  it.each([
    ['to', { to: 'b@example.org\r\nBcc: c@example.org' }],
    ['subject', { subject: 'Hello\nBcc: c@example.org' }],
    ['from', { from: 'a@example.org\rX: y' }],
    ['fromName', { fromName: 'Name\nX: y' }],
    ['replyTo', { replyTo: 'a@example.org\nX: y' }],
    ['listId', { listId: 'l.example.org\nX: y' }],
    ['configurationSet', { configurationSet: 'set\nX: y' }],
    ['unsubscribeUrl', { unsubscribeUrl: 'https://x.example.org/u\r\nX: y' }],
  ])('refuses a line break in %s (header injection)', async (field, patch) => {
    await expect(composeMessage({ ...base, ...patch })).rejects.toThrowError(
      `${field}: must not contain line breaks`,
    );
  });

  it.each([
    ['http://briefing.example.org/u', 'unsubscribeUrl: must be https'],
    ['javascript:alert(1)', 'unsubscribeUrl: must be https'],
    ['not a url', 'unsubscribeUrl: not a URL'],
  ])('refuses the unsubscribe URL %s', async (unsubscribeUrl, message) => {
    await expect(composeMessage({ ...base, unsubscribeUrl })).rejects.toThrowError(message);
  });

  it('accepts plain http on loopback, where local runs serve the subscription API', async () => {
    const { raw } = await composeMessage({
      ...base,
      unsubscribeUrl: 'http://127.0.0.1:8080/api/unsubscribe?token=x',
    });
    expect(header(parseMessage(raw).root, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:8080\/api\/unsubscribe\?token=x>/,
    );
  });

  it('percent-encodes characters that would end the bracketed URL early', async () => {
    const { raw } = await composeMessage({ ...base, unsubscribeUrl: 'https://x.example.org/u?t=a>b c' });
    expect(header(parseMessage(raw).root, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/x\.example\.org\/u\?t=a%3Eb%20c>/,
    );
  });

  it('refuses an unsubscribe mailbox that is not an address', async () => {
    await expect(composeMessage({ ...base, unsubscribeMailto: 'x>@example.org' })).rejects.toThrowError(
      'unsubscribeMailto: not an address',
    );
  });
});
