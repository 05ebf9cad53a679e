/**
 * `briefing subscribers add|confirm|remove|list|export|import`: the operator's view of the list,
 * on an output folder's private state (`--out`) or on a deployed stack's data bucket (`--stack
 * NAME`, or `--bucket NAME`). `import` takes a CSV and starts a double opt-in for each address
 * (a confirmation mail, as the sign-up form sends); `--confirmed` skips it only with a stated
 * `--reason`, which is kept with each record as the consent evidence.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { systemClock } from '#adapters/system-clock.ts';
import { peekSubscriber } from '#deliver/recipients.ts';
import { BriefingError, describeError, InvalidInputError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { SUBSCRIBER_STATUSES, type Subscriber } from '#domain/subscriber.ts';
import type { Store } from '#ports/ports.ts';
import {
  addSubscriberDirectly,
  listSubscribers,
  markUnsubscribed,
  normaliseEmail,
  normaliseThemes,
  subscribe,
  subscriptionSettings,
  updateSubscriber,
} from '#subscribe/subscriptions.ts';
import { type AwsTarget, openDataBucket, openStackMail } from '../deployed-stack.ts';
import type { CliIo } from '../io.ts';
import { loadLocalConfig } from '../load-config.ts';
import { localSigningSecret, openLocalLayout } from '../local-deps.ts';

export interface TargetOptions extends AwsTarget {
  out: string;
}

function isRemote(options: TargetOptions): boolean {
  if (options.stack && options.bucket) throw new InvalidInputError('--stack and --bucket: give one of them');
  return Boolean(options.stack || options.bucket);
}

async function openStore(options: TargetOptions): Promise<Store> {
  return isRemote(options)
    ? openDataBucket(options)
    : createFolderStore(
        openLocalLayout(resolve(options.out), (line) => process.stderr.write(`${line}\n`)).state,
      );
}

const where = (options: TargetOptions) =>
  options.stack
    ? `stack ${options.stack}`
    : options.bucket
      ? `bucket ${options.bucket}`
      : resolve(options.out);

export async function runSubscribersAdd(
  emails: string[],
  options: TargetOptions & { confirmed?: boolean; themes?: string[]; note?: string },
  io: CliIo,
): Promise<void> {
  const data = await openStore(options);
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
  options: TargetOptions,
  io: CliIo,
): Promise<void> {
  const data = await openStore(options);
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
  options: TargetOptions & { purge?: boolean },
  io: CliIo,
): Promise<void> {
  const data = await openStore(options);
  const missing: string[] = [];
  for (const input of emails) {
    const email = normaliseEmail(input);
    if (!(await data.get(dataKeys.subscriber(email)))) {
      missing.push(email);
      io.stdout.write(`${email}\tnot found\n`);
    } else if (options.purge) {
      // Erasure on request: the record goes entirely (the address may then sign up again).
      await data.delete(dataKeys.subscriber(email));
      io.stdout.write(`${email}\tdeleted\n`);
    } else {
      await markUnsubscribed({ data, clock: systemClock }, email, 'operator cli');
      io.stdout.write(`${email}\tunsubscribed\n`);
    }
  }
  if (missing.length > 0)
    throw new BriefingError(
      `${missing.length === 1 ? missing[0] : `${missing.length} addresses`}: not found in ${where(options)}`,
    );
}

export async function runSubscribersList(
  options: TargetOptions & { status?: string; json?: boolean },
  io: CliIo,
): Promise<void> {
  if (options.status && !(SUBSCRIBER_STATUSES as readonly string[]).includes(options.status)) {
    throw new BriefingError(`--status: expected one of ${SUBSCRIBER_STATUSES.join(', ')}`);
  }
  const all = await listSubscribers(await openStore(options));
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
  options: TargetOptions & { format: string },
  io: CliIo,
): Promise<void> {
  if (options.format !== 'json' && options.format !== 'csv')
    throw new BriefingError('--format: expected csv or json');
  const all = await listSubscribers(await openStore(options));
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(all, null, 2)}\n` : toCsv(all));
}

export interface ImportOptions extends TargetOptions {
  confirmed?: boolean;
  reason?: string;
  config?: string;
}

/** CSV rows: an address and optionally its themes (space- or semicolon-separated); a header row is skipped. */
export async function runSubscribersImport(file: string, options: ImportOptions, io: CliIo): Promise<void> {
  if (options.confirmed && !options.reason?.trim())
    throw new InvalidInputError(
      '--confirmed: state how these addresses consented with --reason "..." (it is kept as the consent record)',
    );
  if (!options.confirmed && options.bucket)
    throw new InvalidInputError(
      '--bucket: a double opt-in mails each address as the stack; use --stack NAME (or --confirmed --reason)',
    );
  const rows = readCsvRows(file);
  const data = await openStore(options);
  const source = basename(file);
  const optIn = options.confirmed ? undefined : await optInMailing(options, data);
  let bad = 0;
  let done = 0;
  for (const { line, email: raw, themes } of rows) {
    try {
      const email = normaliseEmail(raw);
      const chosen = normaliseThemes(themes);
      if (options.confirmed) {
        const record = await addSubscriberDirectly(
          { data, clock: systemClock },
          {
            email,
            confirmed: true,
            themes: chosen,
            note: `imported from ${source}: ${options.reason!.trim()}`,
          },
        );
        io.stdout.write(`${record.email}\t${record.status}\n`);
      } else {
        const status = await statusOf(data, email);
        if (status && status !== 'pending' && status !== 'unsubscribed') {
          // Confirmed, bounced or complained: no opt-in mail would be sent; say so rather than pretend.
          io.stdout.write(`${email}\t${status} (unchanged)\n`);
          done++;
          continue;
        }
        await subscribe(optIn!.deps, optIn!.settings, {
          email,
          themes: chosen,
          consentDetail: `imported from ${source}; confirmation requested`,
        });
        io.stdout.write(`${email}\tconfirmation requested\n`);
      }
      done++;
    } catch (error) {
      bad++;
      io.stderr.write(`${file}:${line}: ${describeError(error)}\n`);
    }
  }
  io.stderr.write(
    `${done} imported${options.confirmed ? ' as confirmed' : ', each sent a confirmation mail'}, ${bad} rejected\n`,
  );
  if (bad > 0)
    throw new BriefingError(`${bad} row${bad === 1 ? '' : 's'} of ${file} not imported (see above)`);
}

async function statusOf(data: Store, email: string): Promise<string | undefined> {
  const record = await peekSubscriber(data, email);
  // Unreadable: left to subscribe(), which reports the record and keeps it aside.
  return typeof record === 'object' ? record.status : undefined;
}

/** How an import mails its opt-in requests: as the stack (SES), or into the local outbox. */
async function optInMailing(options: ImportOptions, data: Store) {
  const templates = createEtaTemplates();
  if (options.stack) {
    const mail = await openStackMail(options.stack, options.region);
    return {
      settings: subscriptionSettings(mail.config),
      deps: {
        data,
        mailer: mail.mailer,
        clock: systemClock,
        logger: silentLogger,
        templates,
        signingSecret: mail.signingSecret,
      },
    };
  }
  const config = loadLocalConfig({ configPath: options.config });
  return {
    settings: subscriptionSettings(config),
    deps: {
      data,
      mailer: createOutboxMailer(join(resolve(options.out), 'outbox')),
      clock: systemClock,
      logger: silentLogger,
      templates,
      signingSecret: await localSigningSecret(data),
    },
  };
}

function readCsvRows(file: string): { line: number; email: string; themes?: string[] }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const rows: { line: number; email: string; themes?: string[] }[] = [];
  for (const [index, cells] of parseCsv(text.replace(/^\uFEFF/, '')).entries()) {
    const [email = '', themes = ''] = cells.map((c) => c.trim());
    if (index === 0 && email.toLowerCase() === 'email') continue;
    if (!email && !themes) continue;
    const list = themes.split(/[\s;]+/).filter(Boolean);
    rows.push({ line: index + 1, email, ...(list.length ? { themes: list } : {}) });
  }
  if (rows.length === 0)
    throw new InvalidInputError(`${file}: no addresses (expected a CSV of email[,themes])`);
  return rows;
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
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
    'consentDetail',
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
      s.consent?.detail,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
