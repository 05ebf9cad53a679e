import { describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createInProcessQueue } from '#adapters/in-process-queue.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { deliverEdition } from '#deliver/deliver-edition.ts';
import { processSendMessage } from '#deliver/send-queue.ts';
import { dataKeys } from '#domain/keys.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Queue } from '#ports/ports.ts';
import { makeEdition } from '#tests/fixtures/editions/make-edition.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';

const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
function setup(configDoc: object) {
  const data = createMemoryStore();
  const mailer = recordingMailer();
  const sent = mailer.sent;
  const deps = {
    data,
    mailer,
    clock,
    logger: silentLogger,
    templates: createEtaTemplates(),
    signingSecret: 'deliver-secret-0123456789',
  };
  return { data, sent, deps, config: parseConfig(configDoc) };
}
const subscriber = (email: string, status: string, themes?: string[]) =>
  JSON.stringify({
    email,
    status,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...(themes ? { themes } : {}),
  });

describe('deliverEdition', () => {
  it('mails confirmed subscribers with their own links and themes, and never the others', async () => {
    const { data, sent, deps, config } = setup({ delivery: { recipients: ['editor@example.org'] } });
    await data.put(
      dataKeys.subscriber('a@example.org'),
      subscriber('a@example.org', 'confirmed', ['energy']),
      { contentType: 'application/json' },
    );
    await data.put(dataKeys.subscriber('b@example.org'), subscriber('b@example.org', 'pending'), {
      contentType: 'application/json',
    });
    await data.put(dataKeys.subscriber('c@example.org'), subscriber('c@example.org', 'bounced'), {
      contentType: 'application/json',
    });
    await data.put(dataKeys.subscriber('d@example.org'), 'corrupt', { contentType: 'application/json' });
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const report = await deliverEdition(
      deps,
      config,
      request,
      makeEdition(5),
      'https://x.example.org/editions/2026-11-23/',
    );
    expect(report).toMatchObject({ sent: 2, failed: 0, recipients: 2, mode: 'inline' });
    expect(sent.map((m) => m.to).sort()).toEqual(['a@example.org', 'editor@example.org']);
    const a = sent.find((m) => m.to === 'a@example.org')!.raw.toString();
    expect(a).toContain('unsubscribe?token=');
    expect(a).toContain('Showing your themes');
  });

  it('sends only to explicit recipients on an ad-hoc run', async () => {
    const { data, sent, deps, config } = setup({});
    await data.put(dataKeys.subscriber('a@example.org'), subscriber('a@example.org', 'confirmed'), {
      contentType: 'application/json',
    });
    const request = resolveRunRequest(
      { recipients: ['analyst@example.org'], query: 'gas' },
      { now: clock.now(), windowHours: 24, timeZone: 'UTC' },
    );
    await deliverEdition(deps, config, request, makeEdition(3), 'https://x.example.org/e/');
    expect(sent.map((m) => m.to)).toEqual(['analyst@example.org']);
  });

  it.each([
    ['note', 1, 'a quiet day'],
    ['skip', 0, undefined],
  ])('on a quiet day with quietDay=%s sends %i message(s)', async (quietDay, count, subject) => {
    const { sent, deps, config } = setup({ delivery: { recipients: ['editor@example.org'], quietDay } });
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const report = await deliverEdition(deps, config, request, makeEdition(0), 'https://x.example.org/e/');
    expect(sent).toHaveLength(count);
    if (subject) expect(sent[0]!.raw.toString()).toMatch(/quiet_day|quiet day/);
    else expect(report.note).toBe('quiet day: configured to send nothing');
  });

  it('remembers a bounce of a fixed recipient: it is suppressed, not mailed', async () => {
    const { data, sent, deps, config } = setup({
      delivery: { recipients: ['editor@example.org', 'desk@example.org'] },
    });
    await data.put(dataKeys.subscriber('desk@example.org'), subscriber('desk@example.org', 'bounced'), {
      contentType: 'application/json',
    });
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const report = await deliverEdition(deps, config, request, makeEdition(2), 'https://x.example.org/e/');
    expect(report).toMatchObject({ sent: 1, suppressed: 1, recipients: 2 });
    expect(sent.map((m) => m.to)).toEqual(['editor@example.org']);
  });

  it('fans a list over the inline limit out through the queue, and counts what the senders did', async () => {
    const { data, sent, deps, config } = setup({ delivery: { inlineSendLimit: 2, batchSize: 2 } });
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await data.put(
        dataKeys.subscriber(`${name}@example.org`),
        subscriber(`${name}@example.org`, 'confirmed'),
        {
          contentType: 'application/json',
        },
      );
    }
    const bodies: string[] = [];
    const inner = createInProcessQueue(
      (body, receiveCount) =>
        processSendMessage({ ...deps, acquire: async () => {} }, config, body, { receiveCount }),
      { logger: silentLogger },
    );
    const queue: Queue = {
      enqueue: async (messages) => {
        bodies.push(...messages);
        return inner.enqueue(messages);
      },
    };
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const report = await deliverEdition(
      { ...deps, queue },
      config,
      request,
      makeEdition(2),
      'https://x.example.org/e/',
    );
    expect(report).toMatchObject({
      mode: 'queued',
      batches: 3,
      recipients: 5,
      sent: 5,
      pending: 0,
      deferred: 0,
    });
    expect(sent.map((m) => m.to).sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@example.org`));
    // Messages carry the edition id and addresses, never the mail.
    const first = JSON.parse(bodies[0]!) as Record<string, unknown>;
    expect(first).toEqual({
      v: 1,
      editionId: makeEdition(2).id,
      batch: 0,
      recipients: [
        { email: expect.any(String), kind: 'subscriber' },
        { email: expect.any(String), kind: 'subscriber' },
      ],
    });
    expect(await data.get(dataKeys.sendEdition(makeEdition(2).id))).toBeDefined();
  });

  it('keeps a list within the inline limit in the digest, queue or not', async () => {
    const { sent, deps, config } = setup({ delivery: { recipients: ['editor@example.org'] } });
    const queue: Queue = {
      enqueue: async () => {
        throw new Error('must not be used');
      },
    };
    const request = resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
    const report = await deliverEdition(
      { ...deps, queue },
      config,
      request,
      makeEdition(2),
      'https://x.example.org/e/',
    );
    expect(report).toMatchObject({ mode: 'inline', sent: 1 });
    expect(sent).toHaveLength(1);
  });
});
