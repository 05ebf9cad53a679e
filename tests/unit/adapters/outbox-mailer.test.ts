import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  classifyOutboxError,
  createOutboxMailer,
  outboxFileName,
  safeRecipientName,
  writePreview,
} from '#adapters/outbox-mailer.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { composeMessage } from '#deliver/compose-mime.ts';
import type { OutgoingMail } from '#ports/ports.ts';

const clock = fixedClock(new Date('2026-11-23T07:00:05.123Z'));

async function composed(to: string, editionId = '2026-11-23'): Promise<OutgoingMail> {
  const { raw, messageId } = await composeMessage({
    from: 'briefing@example.org',
    to,
    subject: 'Сводка 中俄',
    html: '<p>Привет</p>',
    text: 'Привет',
    messageIdDomain: 'example.org',
    date: new Date('2026-11-23T07:00:00Z'),
    listId: 'l.example.org',
    unsubscribeUrl: 'https://x.example.org/u',
    editionId,
  });
  return { from: 'briefing@example.org', to, raw, messageId };
}

describe('createOutboxMailer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'outbox-test-')), 'outbox');
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('writes the raw message byte for byte as <edition>-<recipient>.eml', async () => {
    const mail = await composed('reader@example.org');
    const { providerId } = await createOutboxMailer(dir, { clock }).send(mail);
    expect(providerId).toBe(join(dir, '2026-11-23-reader@example.org.eml'));
    expect(await readdir(dir)).toEqual(['2026-11-23-reader@example.org.eml']);
    expect((await readFile(providerId)).equals(mail.raw)).toBe(true);
  });

  it('overwrites on a re-send of the same edition to the same reader, and keeps editions apart', async () => {
    const mailer = createOutboxMailer(dir, { clock });
    await mailer.send(await composed('reader@example.org'));
    await mailer.send(await composed('reader@example.org'));
    await mailer.send(await composed('reader@example.org', '2026-11-24.adhoc'));
    await mailer.send(await composed('other@example.org'));
    expect((await readdir(dir)).sort()).toEqual([
      '2026-11-23-other@example.org.eml',
      '2026-11-23-reader@example.org.eml',
      '2026-11-24.adhoc-reader@example.org.eml',
    ]);
  });

  it('names a message without an edition id by the time it was written', async () => {
    const mail: OutgoingMail = {
      from: 'a@example.org',
      to: 'b@example.org',
      raw: Buffer.from('To: b@example.org\r\n\r\nhi'),
      messageId: '<random-id@example.org>',
    };
    const { providerId } = await createOutboxMailer(dir, { clock }).send(mail);
    expect(providerId).toBe(join(dir, '20261123T070005Z-b@example.org.eml'));
  });

  it('leaves no temporary files behind', async () => {
    const mailer = createOutboxMailer(dir, { clock });
    await Promise.all(['a', 'b', 'c'].map(async (n) => mailer.send(await composed(`${n}@example.org`))));
    expect((await readdir(dir)).every((f) => f.endsWith('.eml') && !f.startsWith('.'))).toBe(true);
  });
});

describe('safeRecipientName', () => {
  it.each([
    ['reader@example.org', 'reader@example.org'],
    ['Reader+news@Example.ORG', 'reader+news@example.org'],
  ])('keeps %s readable', (address, expected) => {
    expect(safeRecipientName(address)).toBe(expected);
  });

  it.each([
    ['../../etc/passwd@example.org'],
    ['a/b@example.org'],
    ['.hidden@example.org'],
    ['"odd name"@example.org'],
    ['\u0000@x'],
  ])('makes %j safe: no separators, no leading dot', (address) => {
    const name = safeRecipientName(address);
    expect(name).not.toMatch(/[/\\\0]|^\./);
    expect(name).toMatch(/-[0-9a-f]{10}$/);
  });

  it('gives addresses that clean up alike different names', () => {
    expect(safeRecipientName('a/b@example.org')).not.toBe(safeRecipientName('a_b@example.org'));
    expect(safeRecipientName('a/b@example.org')).not.toBe(safeRecipientName('a:b@example.org'));
  });
});

describe('outboxFileName', () => {
  it('reads the edition id out of a composed Message-ID', () => {
    const name = outboxFileName(
      { to: 'r@example.org', messageId: '<2026-11-23.0123456789abcdef0123456789abcdef@example.org>' },
      clock.now(),
    );
    expect(name).toBe('2026-11-23-r@example.org.eml');
  });
});

describe('writePreview', () => {
  it('writes <dir>/preview.html', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-test-'));
    try {
      const file = await writePreview(join(dir, 'outbox'), '<p>Привет</p>');
      expect(file).toBe(join(dir, 'outbox', 'preview.html'));
      expect(await readFile(file, 'utf8')).toBe('<p>Привет</p>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('outbox errors', () => {
  it.each([
    ['ENOSPC', 'quota'],
    ['EDQUOT', 'quota'],
    ['EROFS', 'quota'],
    ['EACCES', 'quota'],
    ['ENOTDIR', 'quota'],
    ['EMFILE', 'transient'],
    ['EBUSY', 'transient'],
    ['EINVAL', 'permanent'],
  ])('%s is %s', (code, kind) => {
    expect(classifyOutboxError(Object.assign(new Error(code), { code }))).toBe(kind);
  });

  it('stops the run on an outbox it cannot write, with a typed error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-bad-'));
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const mailer = createOutboxMailer(join(file, 'outbox'), { clock });
    await expect(mailer.send(await composed('reader@example.org'))).rejects.toMatchObject({
      name: 'MailSendError',
      kind: 'quota',
    });
    await rm(dir, { recursive: true, force: true });
  });
});
