/** Queue messages to mail: what is done, what is handed back, and what each batch came to. */
import { describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createInProcessQueue } from '#adapters/in-process-queue.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { saveSendEdition, summariseDelivery } from '#deliver/delivery-records.ts';
import type { Recipient } from '#deliver/recipients.ts';
import {
  batchMessages,
  processSendMessage,
  processSendRecords,
  type SenderDeps,
} from '#deliver/send-queue.ts';
import { MailSendError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { makeEdition } from '#tests/fixtures/editions/make-edition.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';

const edition = makeEdition(2);
const config = parseConfig({});
const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
const recipients = (n: number, from = 0): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({ email: `r${from + i}@example.org`, kind: 'subscriber' as const }));

function setup(mail: (to: string) => Error | undefined = () => undefined) {
  const data = createMemoryStore();
  const mailer = recordingMailer(mail);
  const sent = mailer.sent;
  const deps: SenderDeps = {
    data,
    mailer,
    clock,
    logger: silentLogger,
    templates: createEtaTemplates(),
    signingSecret: 'sender-secret-0123456789',
    acquire: async () => {},
    sleep: async () => {},
  };
  return { data, sent, deps };
}

async function confirm(data: ReturnType<typeof createMemoryStore>, list: Recipient[]) {
  for (const r of list)
    await data.put(
      dataKeys.subscriber(r.email),
      JSON.stringify({ email: r.email, status: 'confirmed', createdAt: 'x', updatedAt: 'x' }),
      { contentType: 'application/json' },
    );
}

describe('batchMessages', () => {
  it('splits the list into numbered messages of at most batchSize recipients', () => {
    const bodies = batchMessages(edition.id, recipients(5), 2).map((b) => JSON.parse(b));
    expect(bodies.map((b) => [b.batch, b.recipients.length])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
    expect(bodies[2].recipients[0].email).toBe('r4@example.org');
  });
});

describe('processSendMessage', () => {
  it('mails every recipient with their own links and records what the batch came to', async () => {
    const { data, sent, deps } = setup();
    const list = recipients(3);
    await confirm(data, list);
    await saveSendEdition(data, edition);
    const [body] = batchMessages(edition.id, list, 50);
    const result = await processSendMessage(deps, config, body!, { receiveCount: 1 });
    expect(result).toMatchObject({ done: true, outcome: { sent: 3, recipients: 3, batch: 0 } });
    expect(sent.map((m) => m.to)).toEqual(emailsOf(list));
    expect(sent[0]!.raw.toString()).toContain('unsubscribe?token=');
    expect(sent[0]!.raw.toString()).not.toContain('r1@example.org');
  });

  it('mails nobody twice when a message is delivered again, and the batch still counts everyone sent', async () => {
    const { data, sent, deps } = setup();
    const list = recipients(4);
    await confirm(data, list);
    await saveSendEdition(data, edition);
    const [body] = batchMessages(edition.id, list, 50);
    await processSendMessage(deps, config, body!, { receiveCount: 1 });
    const again = await processSendMessage(deps, config, body!, { receiveCount: 2 });
    expect(again).toMatchObject({ done: true, outcome: { sent: 4, receiveCount: 2 } });
    expect(sent).toHaveLength(4);
    expect(await summariseDelivery(data, edition.id, 1)).toMatchObject({ sent: 4, batchesReported: 1 });
  });

  it.each([
    ['not JSON', '{"v":1,', 'message is not JSON'],
    [
      'the wrong shape',
      JSON.stringify({ v: 1, editionId: '2026-11-23', batch: 0, recipients: [] }),
      'recipients',
    ],
    [
      'an edition id that escapes its prefix',
      JSON.stringify({ v: 1, editionId: '../x', batch: 0, recipients: recipients(1) }),
      'not an edition id',
    ],
    [
      'an unknown field',
      JSON.stringify({ v: 1, editionId: 'e', batch: 0, recipients: recipients(1), mail: 'x' }),
      'mail',
    ],
  ])('hands back a poisoned message (%s) without mailing anyone', async (_name, body, reason) => {
    const { sent, deps } = setup();
    const result = await processSendMessage(deps, config, body, { receiveCount: 1 });
    expect(result.done).toBe(false);
    expect(result.done === false && result.reason).toContain(reason);
    expect(sent).toEqual([]);
  });

  it('carries an address the sign-up form accepts even where z.email() would not', async () => {
    const { data, sent, deps } = setup();
    const list: Recipient[] = [{ email: "o'brien+news&co@example.org", kind: 'subscriber' }];
    await confirm(data, list);
    await saveSendEdition(data, edition);
    const [body] = batchMessages(edition.id, list, 50);
    expect(await processSendMessage(deps, config, body!, { receiveCount: 1 })).toMatchObject({ done: true });
    expect(sent.map((m) => m.to)).toEqual(["o'brien+news&co@example.org"]);
  });

  it('hands back a message whose edition is not stored', async () => {
    const { deps } = setup();
    const [body] = batchMessages('2026-01-01', recipients(1), 50);
    expect(await processSendMessage(deps, config, body!, { receiveCount: 1 })).toEqual({
      done: false,
      reason: 'edition 2026-01-01 is not stored for sending',
    });
  });

  it.each([
    [
      'a story of the wrong shape',
      (e: typeof edition) => ({ ...e, stories: [{ ...e.stories[0], title: 7 }] }),
      'stored edition is corrupt: editions/2026-11-23.json: stories[0].title:',
    ],
    ['not JSON', () => '{"id":', 'stored edition is corrupt: editions/2026-11-23.json: not valid JSON'],
    [
      'another edition',
      (e: typeof edition) => ({ ...e, id: '2026-11-22' }),
      'editions/2026-11-23.json: id: holds edition 2026-11-22',
    ],
  ])(
    'hands back a message whose stored edition is %s, naming the key and field, mailing no one',
    async (_name, spoil, reason) => {
      const { data, sent, deps } = setup();
      const list = recipients(2);
      await confirm(data, list);
      const spoilt = spoil(edition);
      await data.put(
        dataKeys.sendEdition(edition.id),
        typeof spoilt === 'string' ? spoilt : JSON.stringify(spoilt),
        {
          contentType: 'application/json',
        },
      );
      const [body] = batchMessages(edition.id, list, 50);
      const result = await processSendMessage(deps, config, body!, { receiveCount: 1 });
      expect(result.done).toBe(false);
      expect(result.done === false && result.reason).toContain(reason);
      expect(sent).toEqual([]);
    },
  );

  it('leaves a corrupt stored edition in place (the sender writes only sends/) and reports an unreadable batch outcome', async () => {
    const { data, deps } = setup();
    const list = recipients(1);
    await confirm(data, list);
    await data.put(dataKeys.sendEdition(edition.id), '{"id":', { contentType: 'application/json' });
    const [body] = batchMessages(edition.id, list, 50);
    await processSendMessage(deps, config, body!, { receiveCount: 1 });
    expect(await data.list('corrupt/')).toEqual([]);
    expect((await data.get(dataKeys.sendEdition(edition.id)))?.body.toString()).toBe('{"id":');

    await data.put(dataKeys.sendBatch(edition.id, 0), JSON.stringify({ editionId: edition.id, sent: 'x' }), {
      contentType: 'application/json',
    });
    const summary = await summariseDelivery(data, edition.id, 1);
    expect(summary.batchesReported).toBe(0);
    expect(summary.unreadable).toEqual([
      expect.stringMatching(/^sends\/2026-11-23\/batches\/0+\.json: batch: /),
    ]);
  });

  it('hands back a batch with a throttled recipient; the redelivery sends only that one', async () => {
    let throttled = true;
    const { data, sent, deps } = setup((to) =>
      to === 'r1@example.org' && throttled
        ? new MailSendError('Maximum sending rate exceeded.', 'throttled')
        : undefined,
    );
    const list = recipients(3);
    await confirm(data, list);
    await saveSendEdition(data, edition);
    const [body] = batchMessages(edition.id, list, 50);
    const first = await processSendMessage(deps, config, body!, { receiveCount: 1 });
    expect(first).toMatchObject({
      done: false,
      reason: '0 pending, 1 deferred',
      outcome: { sent: 2, deferred: 1 },
    });
    throttled = false;
    expect(await processSendMessage(deps, config, body!, { receiveCount: 2 })).toMatchObject({
      done: true,
      outcome: { sent: 3, deferred: 0 },
    });
    expect(sent.map((m) => m.to).sort()).toEqual(emailsOf(list));
  });

  it('counts an unsubscribed or bounced address as suppressed and does not hand the batch back for it', async () => {
    const { data, sent, deps } = setup();
    const list = recipients(3);
    await confirm(data, list);
    await data.put(
      dataKeys.subscriber('r2@example.org'),
      JSON.stringify({ email: 'r2@example.org', status: 'unsubscribed', createdAt: 'x', updatedAt: 'x' }),
      { contentType: 'application/json' },
    );
    await saveSendEdition(data, edition);
    const [body] = batchMessages(edition.id, list, 50);
    expect(await processSendMessage(deps, config, body!, { receiveCount: 1 })).toMatchObject({
      done: true,
      outcome: { sent: 2, suppressed: 1 },
    });
    expect(sent).toHaveLength(2);
  });
});

describe('processSendRecords', () => {
  it('returns the ids to redeliver, and hands back the rest untouched once the quota is spent', async () => {
    const { data, sent, deps } = setup((to) =>
      to === 'r2@example.org' ? new MailSendError('Daily message quota exceeded.', 'quota') : undefined,
    );
    const list = recipients(6);
    await confirm(data, list);
    await saveSendEdition(data, edition);
    const bodies = batchMessages(edition.id, list, 2);
    const records = [
      { id: 'poison', body: 'not json', receiveCount: 1 },
      ...bodies.map((body, i) => ({ id: `m${i}`, body, receiveCount: 1 })),
    ];
    expect(await processSendRecords(deps, config, records)).toEqual(['poison', 'm1', 'm2']);
    expect(sent.map((m) => m.to)).toEqual(['r0@example.org', 'r1@example.org']);
  });
});

describe('the in-process queue', () => {
  it('redelivers a message until it is done, and dead-letters one that never is', async () => {
    const { data, sent, deps } = setup();
    await saveSendEdition(data, edition);
    const queue = createInProcessQueue(
      (body, n) => processSendMessage(deps, config, body, { receiveCount: n }),
      {
        logger: silentLogger,
        maxReceives: 3,
      },
    );
    const list = recipients(2);
    await confirm(data, list);
    expect(await queue.enqueue(['poison', ...batchMessages(edition.id, list, 1)])).toEqual({
      consumed: true,
    });
    expect(queue.deadLetters).toEqual(['poison']);
    expect(sent).toHaveLength(2);
  });
});

function emailsOf(list: Recipient[]): string[] {
  return list.map((r) => r.email).sort();
}
