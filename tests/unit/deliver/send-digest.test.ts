/** Exactly once per recipient per edition: crashes, re-runs, concurrent runs, throttling, failures, rate. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import {
  classifySendError,
  createRateLimiter,
  type Recipient,
  type SendClaim,
  STALE_CLAIM_MS,
  sendDigest,
} from '#deliver/send-digest.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Clock, Mailer, OutgoingMail, Store } from '#ports/ports.ts';
import { makeEdition } from '#tests/fixtures/editions/sample-edition.ts';
import { createMemoryStore, type MemoryStore } from '#tests/helpers/memory-store.ts';

const edition = makeEdition(3);
const T0 = new Date('2026-11-23T07:00:00Z');
const clock = fixedClock(T0);
const later = (ms: number): Clock => fixedClock(new Date(T0.getTime() + ms));
const noSleep = async () => {};

const recipientsOf = (n: number): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({
    email: `reader${i}@example.org`,
    unsubscribeUrl: `https://x.example.org/u/${i}`,
    preferencesUrl: `https://x.example.org/p/${i}`,
  }));
const emails = (list: readonly Recipient[]) => list.map((r) => r.email);

const build = async (r: Recipient): Promise<OutgoingMail> => ({
  from: 'briefing@example.org',
  to: r.email,
  raw: Buffer.from(`To: ${r.email}\r\nSubject: digest\r\n\r\nbody`),
  messageId: `<${edition.id}.${r.email.split('@')[0]}@example.org>`,
});

/** A mailer that records what it accepted and fails as told. */
function recordingMailer(
  behaviour: (to: string, call: number) => Error | undefined = () => undefined,
): Mailer & { delivered: string[]; calls: number } {
  const mailer = {
    delivered: [] as string[],
    calls: 0,
    async send(mail: OutgoingMail) {
      mailer.calls++;
      // Yield so concurrent runs interleave the way real network calls do.
      await new Promise((resolve) => setImmediate(resolve));
      const error = behaviour(mail.to, mailer.calls);
      if (error) throw error;
      mailer.delivered.push(mail.to);
      return { providerId: `provider-${mailer.delivered.length}` };
    },
  };
  return mailer;
}

const named = (name: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name }, extra);

/** A store whose process "dies" after `n` writes: every later write throws. */
function dyingStore(inner: MemoryStore, n: number): Store {
  let writes = 0;
  return {
    get: (key) => inner.get(key),
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
    async put(key, body, options) {
      if (++writes > n) throw new Error('process died');
      return inner.put(key, body, options);
    },
  };
}

async function claimOf(store: Store, email: string): Promise<SendClaim | undefined> {
  const object = await store.get(dataKeys.sendClaim(edition.id, email));
  return object ? (JSON.parse(object.body.toString('utf8')) as SendClaim) : undefined;
}

const run = (
  deps: { mailer: Mailer; data: Store; clock?: Clock; sleep?: (ms: number) => Promise<void> },
  recipients: readonly Recipient[],
  maxAttempts?: number,
) =>
  sendDigest(
    { clock, logger: silentLogger, sleep: noSleep, ...deps },
    { edition, recipients, build, ratePerSecond: 1000, ...(maxAttempts ? { maxAttempts } : {}) },
  );

describe('sendDigest', () => {
  it('sends one message per recipient and records each send', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    const recipients = recipientsOf(5);
    const report = await run({ mailer, data }, recipients);
    expect(report).toEqual({ sent: 5, skipped: 0, failed: 0, failures: [] });
    expect(mailer.delivered).toEqual(emails(recipients));
    expect(await claimOf(data, 'reader0@example.org')).toEqual({
      status: 'sent',
      claimedAt: T0.toISOString(),
      messageId: `<${edition.id}.reader0@example.org>`,
      providerId: 'provider-1',
      attempts: 1,
      sentAt: T0.toISOString(),
    });
    expect(await data.list(dataKeys.sendsPrefix(edition.id))).toHaveLength(5);
  });

  it('skips everyone on a re-run, and a recipient listed twice gets one message', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(3);
    await run({ mailer: recordingMailer(), data }, recipients);
    const mailer = recordingMailer();
    const again = await run({ mailer, data }, [
      ...recipients,
      { ...recipients[0]!, email: 'READER0@example.org' },
    ]);
    expect(again).toMatchObject({ sent: 0, skipped: 4, failed: 0 });
    expect(mailer.calls).toBe(0);
  });

  it('finishes the rest after a crash half way, and nobody gets two messages', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(10);
    const first = recordingMailer();
    // Each recipient takes two writes (claim, sent): the process dies right after the 4th is recorded.
    await expect(run({ mailer: first, data: dyingStore(data, 8) }, recipients)).rejects.toThrowError(
      'process died',
    );
    expect(first.delivered).toEqual(emails(recipients.slice(0, 4)));

    const second = recordingMailer();
    const report = await run({ mailer: second, data, clock: later(60_000) }, recipients);
    expect(report).toMatchObject({ sent: 6, skipped: 4, failed: 0 });
    expect([...first.delivered, ...second.delivered].sort()).toEqual(emails(recipients).sort());
  });

  it('does not re-send a message whose record was lost in a crash until its claim is stale (the documented window)', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(4);
    const first = recordingMailer();
    // Dies after claiming the 2nd recipient (write 3): the provider accepts it, the 'sent' record never lands.
    await expect(run({ mailer: first, data: dyingStore(data, 3) }, recipients)).rejects.toThrowError(
      'process died',
    );
    expect(first.delivered).toEqual(emails(recipients.slice(0, 2)));
    expect((await claimOf(data, 'reader1@example.org'))?.status).toBe('claimed');

    const soon = recordingMailer();
    expect(await run({ mailer: soon, data, clock: later(STALE_CLAIM_MS - 1000) }, recipients)).toMatchObject({
      sent: 2,
      skipped: 2,
    });
    expect(soon.delivered).toEqual(['reader2@example.org', 'reader3@example.org']);

    // Past the stale period the claim is taken over: this is the one window where a second copy can go out.
    const stale = recordingMailer();
    await run({ mailer: stale, data, clock: later(STALE_CLAIM_MS + 1000) }, recipients);
    expect(stale.delivered).toEqual(['reader1@example.org']);
  });

  it('takes over a stale claim from a run that died before sending, and leaves a fresh one alone', async () => {
    const data = createMemoryStore();
    const [fresh, stale] = recipientsOf(2);
    await data.put(
      dataKeys.sendClaim(edition.id, fresh!.email),
      JSON.stringify({ status: 'claimed', claimedAt: new Date(T0.getTime() - 60_000).toISOString() }),
      { contentType: 'application/json' },
    );
    await data.put(
      dataKeys.sendClaim(edition.id, stale!.email),
      JSON.stringify({
        status: 'claimed',
        claimedAt: new Date(T0.getTime() - STALE_CLAIM_MS - 1).toISOString(),
      }),
      { contentType: 'application/json' },
    );
    const mailer = recordingMailer();
    expect(await run({ mailer, data }, [fresh!, stale!])).toMatchObject({ sent: 1, skipped: 1 });
    expect(mailer.delivered).toEqual([stale!.email]);
  });

  it('lets concurrent runs share the list: each recipient gets exactly one message', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(30);
    const mailers = [recordingMailer(), recordingMailer(), recordingMailer()];
    const reports = await Promise.all(mailers.map((mailer) => run({ mailer, data }, recipients)));
    const delivered = mailers.flatMap((m) => m.delivered).sort();
    expect(delivered).toEqual(emails(recipients).sort());
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(reports.reduce((sum, r) => sum + r.skipped, 0)).toBe(60);
    // Each run did part of the work: they really ran interleaved.
    expect(mailers.filter((m) => m.delivered.length > 0).length).toBeGreaterThan(1);
  });

  it('lets only one of two concurrent runs take over the same stale claim', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(1);
    await data.put(
      dataKeys.sendClaim(edition.id, recipients[0]!.email),
      JSON.stringify({ status: 'failed', claimedAt: T0.toISOString(), error: 'earlier' }),
      { contentType: 'application/json' },
    );
    const a = recordingMailer();
    const b = recordingMailer();
    await Promise.all([run({ mailer: a, data }, recipients), run({ mailer: b, data }, recipients)]);
    expect([...a.delivered, ...b.delivered]).toEqual([recipients[0]!.email]);
  });

  it('backs off with growing, jittered waits on throttling and then sends', async () => {
    const data = createMemoryStore();
    const waits: number[] = [];
    const mailer = recordingMailer((to, call) =>
      to === 'reader0@example.org' && call <= 3
        ? named('Throttling', 'Maximum sending rate exceeded.')
        : undefined,
    );
    const report = await run({ mailer, data, sleep: async (ms) => void waits.push(ms) }, recipientsOf(2));
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    const backoffs = waits.filter((ms) => ms >= 100);
    expect(backoffs).toHaveLength(3);
    expect(backoffs[0]).toBeGreaterThanOrEqual(500);
    expect(backoffs[0]).toBeLessThanOrEqual(1000);
    expect(backoffs[1]).toBeGreaterThanOrEqual(1000);
    expect(backoffs[1]).toBeLessThanOrEqual(2000);
    expect(backoffs[2]).toBeGreaterThanOrEqual(2000);
    expect(backoffs[2]).toBeLessThanOrEqual(4000);
    expect((await claimOf(data, 'reader0@example.org'))?.attempts).toBe(4);
  });

  it('records a recipient still throttled after maxAttempts as failed, for a later run to retry', async () => {
    const data = createMemoryStore();
    const always = recordingMailer(() =>
      named('TooManyRequestsException', 'Too many requests', { $metadata: { httpStatusCode: 429 } }),
    );
    const report = await run({ mailer: always, data }, recipientsOf(1), 3);
    expect(always.calls).toBe(3);
    expect(report).toMatchObject({
      sent: 0,
      failed: 1,
      failures: [{ email: 'reader0@example.org', error: 'Too many requests' }],
    });
    expect(await claimOf(data, 'reader0@example.org')).toMatchObject({ status: 'failed', attempts: 3 });
    const retry = recordingMailer();
    expect(await run({ mailer: retry, data }, recipientsOf(1))).toMatchObject({ sent: 1 });
  });

  it('counts a permanent failure, releases its claim and carries on with the others', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(4);
    const mailer = recordingMailer((to) =>
      to === 'reader2@example.org' ? named('MessageRejected', 'Email address is not verified.') : undefined,
    );
    const report = await run({ mailer, data }, recipients);
    expect(report).toEqual({
      sent: 3,
      skipped: 0,
      failed: 1,
      failures: [{ email: 'reader2@example.org', error: 'Email address is not verified.' }],
    });
    expect(mailer.calls).toBe(4);
    expect(await claimOf(data, 'reader2@example.org')).toMatchObject({
      status: 'failed',
      error: 'Email address is not verified.',
    });
    const retry = recordingMailer();
    expect(await run({ mailer: retry, data }, recipients)).toMatchObject({ sent: 1, skipped: 3 });
    expect(retry.delivered).toEqual(['reader2@example.org']);
  });

  it('stops sending when the daily quota is spent, leaving the rest unclaimed for the next run', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(5);
    const mailer = recordingMailer((_to, call) =>
      call >= 3 ? named('Throttling', 'Daily message quota exceeded.') : undefined,
    );
    const report = await run({ mailer, data }, recipients);
    expect(report).toMatchObject({ sent: 2, failed: 3 });
    expect(mailer.calls).toBe(3);
    expect(report.failures.map((f) => f.email)).toEqual(emails(recipients.slice(2)));
    expect(await claimOf(data, 'reader3@example.org')).toBeUndefined();
    const next = recordingMailer();
    expect(await run({ mailer: next, data }, recipients)).toMatchObject({ sent: 3, skipped: 2 });
  });

  it('counts a message that cannot be built as failed without calling the mailer', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    const report = await sendDigest(
      { mailer, data, clock, logger: silentLogger, sleep: noSleep },
      {
        edition,
        recipients: recipientsOf(2),
        build: async (r) => {
          if (r.email === 'reader0@example.org') throw new Error('template missing');
          return build(r);
        },
        ratePerSecond: 1000,
      },
    );
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(report.failures[0]).toEqual({
      email: 'reader0@example.org',
      error: 'could not build the message: template missing',
    });
    expect(mailer.delivered).toEqual(['reader1@example.org']);
    expect((await claimOf(data, 'reader0@example.org'))?.status).toBe('failed');
  });

  it('counts a message as sent when only its record fails, and a quick re-run does not repeat it', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(1);
    let puts = 0;
    const flaky: Store = {
      ...data,
      async put(key, body, options) {
        // The claim lands; every attempt to record 'sent' fails.
        if (++puts > 1) throw new Error('store unavailable');
        return data.put(key, body, options);
      },
    };
    const mailer = recordingMailer();
    expect(await run({ mailer, data: flaky }, recipients)).toMatchObject({ sent: 1, failed: 0 });
    const again = recordingMailer();
    expect(await run({ mailer: again, data }, recipients)).toMatchObject({ sent: 0, skipped: 1 });
  });

  it('stops the run when the store cannot take a claim, before sending anything unrecorded', async () => {
    const data = createMemoryStore();
    data.failPut(1, new Error('access denied'));
    const mailer = recordingMailer();
    await expect(run({ mailer, data }, recipientsOf(2))).rejects.toThrowError('access denied');
    expect(mailer.calls).toBe(0);
  });

  it('spaces sends to the configured rate', async () => {
    const waits: number[] = [];
    await sendDigest(
      {
        mailer: recordingMailer(),
        data: createMemoryStore(),
        clock,
        logger: silentLogger,
        sleep: async (ms) => void waits.push(ms),
      },
      { edition, recipients: recipientsOf(6), build, ratePerSecond: 4 },
    );
    // The first send goes at once; each later one waits for its token: 250 ms apart at 4 per second.
    expect(waits).toHaveLength(5);
    for (const ms of waits) expect(ms).toBeGreaterThan(240);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1200);
  });

  it('keeps to the rate in real time', async () => {
    const started = performance.now();
    await sendDigest(
      { mailer: recordingMailer(), data: createMemoryStore(), clock, logger: silentLogger },
      { edition, recipients: recipientsOf(5), build, ratePerSecond: 50 },
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('classifySendError', () => {
  it.each([
    [named('Throttling', 'Maximum sending rate exceeded.'), 'throttled'],
    [new Error('Maximum sending rate exceeded.'), 'throttled'],
    [named('ThrottlingException', 'Rate exceeded'), 'throttled'],
    [named('TooManyRequestsException', 'slow down'), 'throttled'],
    [named('Error', 'x', { $metadata: { httpStatusCode: 429 } }), 'throttled'],
    [named('Error', 'x', { statusCode: 429 }), 'throttled'],
    [named('Throttling', 'Daily message quota exceeded.'), 'halt'],
    [named('AccountSendingPausedException', 'paused'), 'halt'],
    [named('Error', 'x', { retryable: true }), 'transient'],
    [named('Error', 'x', { $retryable: {} }), 'transient'],
    [named('InternalFailure', 'x', { $metadata: { httpStatusCode: 500 } }), 'transient'],
    [named('Error', 'socket hang up', { code: 'ECONNRESET' }), 'transient'],
    [named('MessageRejected', 'Email address is not verified.'), 'permanent'],
    [
      named('InvalidParameterValue', 'Missing final @domain', { $metadata: { httpStatusCode: 400 } }),
      'permanent',
    ],
    ['a string', 'permanent'],
    [undefined, 'permanent'],
  ])('%o is %s', (error, kind) => {
    expect(classifySendError(error)).toBe(kind);
  });
});

describe('createRateLimiter', () => {
  it('never lets more than the rate through in any one-second window', async () => {
    let now = 0;
    const times: number[] = [];
    const acquire = createRateLimiter(
      5,
      async (ms) => {
        now += ms;
      },
      () => now,
    );
    for (let i = 0; i < 20; i++) {
      await acquire();
      times.push(now);
      now += i % 3 === 0 ? 30 : 0; // some sends take time, some return at once
    }
    for (const t of times) expect(times.filter((x) => x >= t && x < t + 1000).length).toBeLessThanOrEqual(5);
    expect(times.at(-1)).toBeGreaterThanOrEqual(19 * 200);
  });

  it('does not wait after an idle period', async () => {
    let now = 0;
    const waits: number[] = [];
    const acquire = createRateLimiter(
      2,
      async (ms) => void waits.push(ms),
      () => now,
    );
    await acquire();
    now += 10_000;
    await acquire();
    expect(waits).toEqual([]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createRateLimiter(0, noSleep)).toThrowError(RangeError);
  });
});
