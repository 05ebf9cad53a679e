/**
 * The Mailer port for a laptop: each message becomes a standard .eml file in an outbox folder
 * (open it in any mail client), named after the message so a re-send overwrites, not duplicates.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutgoingMail } from '../ports/ports.ts';

const safeName = (s: string) => s.replace(/[^A-Za-z0-9@._-]+/g, '_').slice(0, 120);

export function createOutboxMailer(dir: string): Mailer {
  return {
    async send(mail: OutgoingMail) {
      await mkdir(dir, { recursive: true });
      const id = safeName(mail.messageId.replace(/^<|>$/g, '').split('@')[0] ?? 'message');
      const file = join(dir, `${id.split('.')[0]}-${safeName(mail.to)}.eml`);
      await writeFile(file, mail.raw);
      return { providerId: file };
    },
  };
}

/** The HTML part on its own, to open in a browser. */
export async function writePreview(dir: string, html: string, name = 'preview.html'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, html);
  return file;
}
