/** `briefing subscribers add|confirm|remove|list|export`: the operator's view of the list. */
import { join, resolve } from 'node:path';
import { createFolderStore } from '#adapters/folder-store.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { BriefingError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { SUBSCRIBER_STATUSES, type Subscriber } from '#domain/subscriber.ts';
import {
  addSubscriberDirectly,
  listSubscribers,
  markUnsubscribed,
  normaliseEmail,
  updateSubscriber,
} from '#subscribe/subscriptions.ts';
import type { CliIo } from '../io.ts';

const dataStore = (out: string) => createFolderStore(join(resolve(out), '.state'));

export async function runSubscribersAdd(
  emails: string[],
  options: { out: string; confirmed?: boolean; themes?: string[]; note?: string },
  io: CliIo,
): Promise<void> {
  const data = dataStore(options.out);
  for (const email of emails) {
    const record = await addSubscriberDirectly(
      { data, clock: systemClock },
      { email, confirmed: options.confirmed ?? false, themes: options.themes, note: options.note },
    );
    io.stdout.write(
      `${record.email}\t${record.status}${record.themes ? `\t${record.themes.join(',')}` : ''}\n`,
    );
  }
}

export async function runSubscribersConfirm(
  emails: string[],
  options: { out: string },
  io: CliIo,
): Promise<void> {
  const data = dataStore(options.out);
  for (const input of emails) {
    const email = normaliseEmail(input);
    const at = systemClock.now().toISOString();
    const record = await updateSubscriber(data, email, (current) => {
      if (!current)
        throw new BriefingError(`${email}: not on the list (use \`subscribers add --confirmed\`)`);
      if (current.status === 'bounced' || current.status === 'complained') {
        throw new BriefingError(`${email}: ${current.status}; it will not be mailed again`);
      }
      return { ...current, status: 'confirmed', confirmedAt: current.confirmedAt ?? at, updatedAt: at };
    });
    io.stdout.write(`${email}\t${record?.status}\n`);
  }
}

export async function runSubscribersRemove(
  emails: string[],
  options: { out: string; purge?: boolean },
  io: CliIo,
): Promise<void> {
  const data = dataStore(options.out);
  for (const input of emails) {
    const email = normaliseEmail(input);
    if (options.purge) {
      // Erasure on request: the record goes entirely (the address may then sign up again).
      await data.delete(dataKeys.subscriber(email));
      io.stdout.write(`${email}\tdeleted\n`);
    } else {
      await markUnsubscribed({ data, clock: systemClock }, email, 'operator cli');
      io.stdout.write(`${email}\tunsubscribed\n`);
    }
  }
}

export async function runSubscribersList(
  options: { out: string; status?: string; json?: boolean },
  io: CliIo,
): Promise<void> {
  if (options.status && !(SUBSCRIBER_STATUSES as readonly string[]).includes(options.status)) {
    throw new BriefingError(`--status: expected one of ${SUBSCRIBER_STATUSES.join(', ')}`);
  }
  const all = await listSubscribers(dataStore(options.out));
  const rows = options.status ? all.filter((s) => s.status === options.status) : all;
  if (options.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const s of rows)
    io.stdout.write(`${s.email}\t${s.status}\t${s.themes?.join(',') ?? 'all themes'}\t${s.updatedAt}\n`);
  const counts = SUBSCRIBER_STATUSES.map((st) => `${all.filter((s) => s.status === st).length} ${st}`).join(
    ', ',
  );
  io.stderr.write(`${rows.length} shown; ${counts}\n`);
}

export async function runSubscribersExport(
  options: { out: string; format: string },
  io: CliIo,
): Promise<void> {
  const all = await listSubscribers(dataStore(options.out));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  } else if (options.format === 'csv') {
    io.stdout.write(toCsv(all));
  } else {
    throw new BriefingError('--format: expected csv or json');
  }
}

function toCsv(rows: Subscriber[]): string {
  const header = [
    'email',
    'status',
    'themes',
    'createdAt',
    'confirmedAt',
    'updatedAt',
    'consentMethod',
    'consentAt',
  ];
  // Quote every field; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const cell = (v: string | undefined) => {
    const s = v ?? '';
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return `"${safe.replaceAll('"', '""')}"`;
  };
  const lines = rows.map((s) =>
    [
      s.email,
      s.status,
      s.themes?.join(' '),
      s.createdAt,
      s.confirmedAt,
      s.updatedAt,
      s.consent?.method,
      s.consent?.at,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
