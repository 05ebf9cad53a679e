/**
 * The Mailer port for a laptop: each message becomes a standard .eml file (the raw message as
 * composed, byte for byte) in an outbox folder, to open in any mail client. Files are named
 * `<edition id>-<recipient>.eml`, so re-sending the same edition to the same reader overwrites
 * rather than duplicates; messages without an edition id are named by the time they were written.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, type MailFailureKind, MailSendError } from '#domain/errors.ts';
import type { Clock, Mailer, OutgoingMail } from '#ports/ports.ts';
import { systemClock } from './system-clock.ts';

/** The edition part of a Message-ID built by composeMessage: `<edition.hash32@domain>`. */
const COMPOSED_ID = /^<?([A-Za-z0-9][A-Za-z0-9._-]*)\.[0-9a-f]{32}@/;

/** A file-name-safe, collision-free form of an address: readable when it can be, hashed when not. */
export function safeRecipientName(address: string): string {
  const lower = address.trim().toLowerCase();
  const readable = lower
    .replace(/[^a-z0-9@._+-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  if (readable === lower && readable.length > 0) return readable;
  const hash = createHash('sha256').update(lower).digest('hex').slice(0, 10);
  return `${readable || 'recipient'}-${hash}`;
}

function timestampName(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export function outboxFileName(mail: Pick<OutgoingMail, 'messageId' | 'to'>, now: Date): string {
  const edition = COMPOSED_ID.exec(mail.messageId)?.[1];
  return `${edition ?? timestampName(now)}-${safeRecipientName(mail.to)}.eml`;
}

let sequence = 0;

/** Writes beside the target and renames, so a crash never leaves half a message in the outbox. */
async function writeAtomically(
  file: string,
  dir: string,
  name: string,
  body: Buffer | string,
): Promise<void> {
  const temp = join(dir, `.${name}.${process.pid}.${++sequence}.tmp`);
  try {
    await writeFile(temp, body);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Errors after which no other message could be written either: stop sending for this run. */
const HALTING_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR']);
const PASSING_CODES = new Set(['EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN', 'EINTR']);

/** A file-system error mapped to what the sender should do (a full disk stops the run, losing nothing). */
export function classifyOutboxError(error: unknown): MailFailureKind {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (HALTING_CODES.has(code)) return 'quota';
  if (PASSING_CODES.has(code)) return 'transient';
  return 'permanent';
}

export function createOutboxMailer(dir: string, options: { clock?: Clock } = {}): Mailer {
  const clock = options.clock ?? systemClock;
  return {
    async send(mail: OutgoingMail) {
      const name = outboxFileName(mail, clock.now());
      const file = join(dir, name);
      try {
        await mkdir(dir, { recursive: true });
        await writeAtomically(file, dir, name, mail.raw);
      } catch (error) {
        throw new MailSendError(`outbox: ${describeError(error)}`, classifyOutboxError(error), {
          cause: error,
        });
      }
      return { providerId: file };
    },
  };
}

/** The HTML part on its own, to open in a browser: `<dir>/preview.html` unless named otherwise. */
export async function writePreview(dir: string, html: string, name = 'preview.html'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeAtomically(file, dir, name, html);
  return file;
}
