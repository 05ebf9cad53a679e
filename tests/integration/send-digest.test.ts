/** Exactly once per recipient per edition: crashes, retries, concurrent runs, throttling; and over SES. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { type Recipient, sendDigest } from '#deliver/send-digest.ts';
import type { Mailer, OutgoingMail } from '#ports/ports.ts';
import { makeEdition } from '#tests/fixtures/editions/make-edition.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { type SesTestServer, startSesServer } from '#tests/helpers/ses-server.ts';

const edition = makeEdition(3);
const recipients: Recipient[] = Array.from({ length: 10 }, (_, i) => ({
  email: `reader${i}@example.org`,
  unsubscribeUrl: `https://x.example.org/u/${i}`,
  preferencesUrl: `https://x.example.org/p/${i}`,
}));
const build = async (r: Recipient): Promise<OutgoingMail> => ({
  from: 'briefing@example.org',
  to: r.email,
  raw: Buffer.from(`To: ${r.email}\r\nSubject: test\r\n\r\nbody`),
  messageId: `<${r.email}@example.org>`,
});
const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
const noSleep = async () => {};

function countingMailer(
  options: { crashAfter?: number; throttleFirst?: number; failFor?: string } = {},
): Mailer & { sent: string[] } {
  const sent: string[] = [];
  let throttles = options.throttleFirst ?? 0;
  return {
    sent,
    async send(mail) {
      if (options.failFor === mail.to)
        throw Object.assign(new Error('MessageRejected: Email address is not verified.'), {
          name: 'MessageRejected',
        });
      if (throttles > 0) {
        throttles--;
        throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
      }
      if (options.crashAfter !== undefined && sent.length >= options.crashAfter)
        throw Object.assign(new Error('process killed'), { name: 'Fatal', fatal: true });
      sent.push(mail.to);
      return { providerId: `p-${sent.length}` };
    },
  };
}

describe('sendDigest', () => {
  it('finishes the remaining recipients after a run dies half way, mailing nobody twice', async () => {
    const data = createMemoryStore();
    const first = countingMailer({ crashAfter: 4 });
    // The "crash": the mailer fails hard on the 5th message; the run records it and stops being useful.
    const firstReport = await sendDigest(
      { mailer: first, data, clock, logger: silentLogger, sleep: noSleep },
      { edition, recipients, build, ratePerSecond: 1000, maxAttempts: 1 },
    );
    expect(first.sent).toHaveLength(4);
    expect(firstReport.sent).toBe(4);

    const second = countingMailer();
    const report = await sendDigest(
      { mailer: second, data, clock, logger: silentLogger, sleep: noSleep },
      { edition, recipients, build, ratePerSecond: 1000 },
    );
    expect(report.skipped).toBe(4);
    expect(report.sent).toBe(6);
    const everyone = [...first.sent, ...second.sent].sort();
    expect(everyone).toEqual(recipients.map((r) => r.email).sort());
  });

  it('lets two concurrent runs share the list without duplicates', async () => {
    const data = createMemoryStore();
    const a = countingMailer();
    const b = countingMailer();
    const deps = { data, clock, logger: silentLogger, sleep: noSleep };
    await Promise.all([
      sendDigest({ ...deps, mailer: a }, { edition, recipients, build, ratePerSecond: 1000 }),
      sendDigest({ ...deps, mailer: b }, { edition, recipients, build, ratePerSecond: 1000 }),
    ]);
    const all = [...a.sent, ...b.sent].sort();
    expect(all).toEqual(recipients.map((r) => r.email).sort());
  });

  it('takes over a stale claim left by a run that died between claim and send', async () => {
    const data = createMemoryStore();
    const key = `sends/${edition.id}/`;
    await sendDigest(
      { mailer: countingMailer({ crashAfter: 0 }), data, clock, logger: silentLogger, sleep: noSleep },
      { edition, recipients: recipients.slice(0, 1), build, ratePerSecond: 1000, maxAttempts: 1 },
    );
    expect((await data.list(key)).length).toBe(1);
    const later = fixedClock(new Date('2026-11-23T08:00:00Z'));
    const mailer = countingMailer();
    const report = await sendDigest(
      { mailer, data, clock: later, logger: silentLogger, sleep: noSleep },
      { edition, recipients: recipients.slice(0, 1), build, ratePerSecond: 1000 },
    );
    expect(report.sent).toBe(1);
  });

  it('backs off on throttling and records permanent failures for a later run', async () => {
    const data = createMemoryStore();
    const waits: number[] = [];
    const mailer = countingMailer({ throttleFirst: 2, failFor: 'reader3@example.org' });
    const report = await sendDigest(
      { mailer, data, clock, logger: silentLogger, sleep: async (ms) => void waits.push(ms) },
      { edition, recipients: recipients.slice(0, 5), build, ratePerSecond: 1000 },
    );
    expect(report).toMatchObject({ sent: 4, failed: 1, skipped: 0 });
    expect(report.failures[0]).toMatchObject({
      email: 'reader3@example.org',
      error: 'MessageRejected: Email address is not verified.',
    });
    expect(waits.filter((w) => w >= 500).length).toBeGreaterThanOrEqual(2);
    const retry = await sendDigest(
      { mailer: countingMailer(), data, clock, logger: silentLogger, sleep: noSleep },
      { edition, recipients: recipients.slice(0, 5), build, ratePerSecond: 1000 },
    );
    expect(retry).toMatchObject({ sent: 1, skipped: 4 });
  });

  it('keeps to the send rate', async () => {
    const data = createMemoryStore();
    const started = Date.now();
    await sendDigest(
      { mailer: countingMailer(), data, clock, logger: silentLogger },
      { edition, recipients: recipients.slice(0, 6), build, ratePerSecond: 20 },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});

describe('sendDigest over SES (aws-ses-v2-local)', () => {
  let ses: SesTestServer;
  beforeAll(async () => {
    ses = await startSesServer();
  });
  afterAll(async () => {
    await ses?.close();
  });

  it('delivers one message per recipient and a re-run sends none', async () => {
    const data = createMemoryStore();
    const mailer = createSesMailer({ client: ses.client });
    const deps = { mailer, data, clock, logger: silentLogger, sleep: noSleep };
    const input = { edition, recipients: recipients.slice(0, 3), build, ratePerSecond: 100 };
    expect((await sendDigest(deps, input)).sent).toBe(3);
    expect((await sendDigest(deps, input)).skipped).toBe(3);
    const emails = await ses.emails();
    expect(emails.map((e) => e.destination.to[0]).sort()).toEqual(recipients.slice(0, 3).map((r) => r.email));
  });
});
