/** Exactly once per recipient per edition: crashes, re-runs, concurrent runs, throttling, failures, rate. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { createRateLimiter, type SendClaim, type SendInput, sendDigest } from '#deliver/send-digest.ts';
import { type MailFailureKind, MailSendError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Clock, Mailer, OutgoingMail, Store } from '#ports/ports.ts';
import { createMemoryStore, type MemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';

const EDITION = '2026-11-23';
const LEASE_MS = 120_000;
const T0 = new Date('2026-11-23T07:00:00Z');
const clock = fixedClock(T0);
const later = (ms: number): Clock => fixedClock(new Date(T0.getTime() + ms));
const noSleep = async () => {};
const noWait = async () => {};

interface R {
  email: string;
}
const recipientsOf = (n: number): R[] =>
  Array.from({ length: n }, (_, i) => ({ email: `reader${i}@example.org` }));
const emails = (list: readonly R[]) => list.map((r) => r.email);

const build = async (r: R): Promise<OutgoingMail> => ({
  from: 'briefing@example.org',
  to: r.email,
  raw: Buffer.from(`To: ${r.email}\r\nSubject: digest\r\n\r\nbody`),
  messageId: `<${EDITION}.${r.email.split('@')[0]}@example.org>`,
});

const failure = (kind: MailFailureKind, message: string) => new MailSendError(message, kind);

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
  const object = await store.get(dataKeys.sendClaim(EDITION, email));
  return object ? (JSON.parse(object.body.toString('utf8')) as SendClaim) : undefined;
}

const run = (
  deps: { mailer: Mailer; data: Store; clock?: Clock; sleep?: (ms: number) => Promise<void> },
  recipients: readonly R[],
  extra: Partial<SendInput<R>> = {},
) =>
  sendDigest(
    { clock, logger: silentLogger, sleep: noSleep, ...deps },
    { editionId: EDITION, recipients, build, acquire: noWait, leaseMs: LEASE_MS, ...extra },
  );

const NONE = { sent: 0, skipped: 0, pending: 0, suppressed: 0, failed: 0, deferred: 0, failures: [] };

describe('sendDigest', () => {
  it('sends one message per recipient and records each send', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    const recipients = recipientsOf(5);
    const report = await run({ mailer, data }, recipients);
    expect(report).toEqual({ ...NONE, sent: 5 });
    expect(mailer.delivered).toEqual(emails(recipients));
    expect(await claimOf(data, 'reader0@example.org')).toEqual({
      status: 'sent',
      claimedAt: T0.toISOString(),
      messageId: `<${EDITION}.reader0@example.org>`,
      providerId: 'provider-1',
      attempts: 1,
      sentAt: T0.toISOString(),
    });
    expect(await data.list(dataKeys.sendsPrefix(EDITION))).toHaveLength(5);
  });

  it('skips everyone on a re-run without waiting for the rate, and a recipient listed twice gets one message', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(3);
    await run({ mailer: recordingMailer(), data }, recipients);
    const mailer = recordingMailer();
    let waits = 0;
    const again = await run({ mailer, data }, [...recipients, { email: 'READER0@example.org' }], {
      acquire: async () => void waits++,
    });
    expect(again).toEqual({ ...NONE, skipped: 4 });
    expect(mailer.calls).toBe(0);
    expect(waits).toBe(0);
  });

  it('holds no claim while waiting for a send slot: a run that dies there loses nobody on an immediate re-run', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(5);
    const first = recordingMailer();
    let slots = 0;
    const dieOnThirdSlot = async () => {
      if (++slots === 3) throw new Error('process died');
    };
    await expect(run({ mailer: first, data }, recipients, { acquire: dieOnThirdSlot })).rejects.toThrowError(
      'process died',
    );
    expect(first.delivered).toEqual(emails(recipients.slice(0, 2)));
    expect(await claimOf(data, 'reader2@example.org')).toBeUndefined();

    const second = recordingMailer();
    expect(await run({ mailer: second, data }, recipients)).toEqual({ ...NONE, sent: 3, skipped: 2 });
    expect([...first.delivered, ...second.delivered].sort()).toEqual(emails(recipients).sort());
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
    expect(await run({ mailer: second, data }, recipients)).toMatchObject({
      sent: 6,
      skipped: 4,
      pending: 0,
    });
    expect([...first.delivered, ...second.delivered].sort()).toEqual(emails(recipients).sort());
  });

  it('reports a claim of a sender that died mid-send as pending, then finishes it once the lease lapses', async () => {
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
    expect(await run({ mailer: soon, data, clock: later(LEASE_MS - 1000) }, recipients)).toEqual({
      ...NONE,
      sent: 2,
      skipped: 1,
      pending: 1,
    });
    expect(soon.delivered).toEqual(['reader2@example.org', 'reader3@example.org']);

    // Past the lease the claim is taken over: the documented window where a second copy can go out.
    const lapsed = recordingMailer();
    expect(await run({ mailer: lapsed, data, clock: later(LEASE_MS + 1000) }, recipients)).toMatchObject({
      sent: 1,
      skipped: 3,
    });
    expect(lapsed.delivered).toEqual(['reader1@example.org']);
  });

  it('takes over a lapsed claim, and leaves a live one alone as pending', async () => {
    const data = createMemoryStore();
    const [live, lapsed] = recipientsOf(2);
    await data.put(
      dataKeys.sendClaim(EDITION, live!.email),
      JSON.stringify({ status: 'claimed', claimedAt: new Date(T0.getTime() - 60_000).toISOString() }),
      { contentType: 'application/json' },
    );
    await data.put(
      dataKeys.sendClaim(EDITION, lapsed!.email),
      JSON.stringify({ status: 'claimed', claimedAt: new Date(T0.getTime() - LEASE_MS - 1).toISOString() }),
      { contentType: 'application/json' },
    );
    const mailer = recordingMailer();
    expect(await run({ mailer, data }, [live!, lapsed!])).toEqual({ ...NONE, sent: 1, pending: 1 });
    expect(mailer.delivered).toEqual([lapsed!.email]);
  });

  it('neither retakes nor trusts an unreadable record: the recipient is pending', async () => {
    const data = createMemoryStore();
    const [torn] = recipientsOf(1);
    await data.put(dataKeys.sendClaim(EDITION, torn!.email), '{"status":"cla', {
      contentType: 'application/json',
    });
    const mailer = recordingMailer();
    expect(await run({ mailer, data, clock: later(LEASE_MS * 10) }, [torn!])).toEqual({
      ...NONE,
      pending: 1,
    });
    expect(mailer.calls).toBe(0);
  });

  it('lets concurrent runs share the list: each recipient gets exactly one message', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(30);
    const mailers = [recordingMailer(), recordingMailer(), recordingMailer()];
    const reports = await Promise.all(mailers.map((mailer) => run({ mailer, data }, recipients)));
    const delivered = mailers.flatMap((m) => m.delivered).sort();
    expect(delivered).toEqual(emails(recipients).sort());
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(reports.reduce((sum, r) => sum + r.skipped + r.pending, 0)).toBe(60);
    // Each run did part of the work: they really ran interleaved.
    expect(mailers.filter((m) => m.delivered.length > 0).length).toBeGreaterThan(1);
  });

  it('lets only one of two concurrent runs take over the same failed claim', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(1);
    await data.put(
      dataKeys.sendClaim(EDITION, recipients[0]!.email),
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
        ? failure('throttled', 'Maximum sending rate exceeded.')
        : undefined,
    );
    const report = await run({ mailer, data, sleep: async (ms) => void waits.push(ms) }, recipientsOf(2));
    expect(report).toEqual({ ...NONE, sent: 2 });
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
    expect(waits[2]).toBeGreaterThanOrEqual(2000);
    expect(waits[2]).toBeLessThanOrEqual(4000);
    expect((await claimOf(data, 'reader0@example.org'))?.attempts).toBe(4);
  });

  it('defers a recipient still throttled after maxAttempts, releasing the claim for a later attempt', async () => {
    const data = createMemoryStore();
    const always = recordingMailer(() => failure('throttled', 'Too many requests'));
    const report = await run({ mailer: always, data }, recipientsOf(1), { maxAttempts: 3 });
    expect(always.calls).toBe(3);
    expect(report).toEqual({
      ...NONE,
      deferred: 1,
      failures: [{ email: 'reader0@example.org', error: 'Too many requests' }],
    });
    expect(await claimOf(data, 'reader0@example.org')).toMatchObject({ status: 'failed', attempts: 3 });
    const retry = recordingMailer();
    expect(await run({ mailer: retry, data }, recipientsOf(1))).toMatchObject({ sent: 1 });
  });

  it.each([
    ['a permanent error', failure('permanent', 'Email address is not verified.')],
    ['an untyped error', new Error('Email address is not verified.')],
  ])('counts %s as failed, releases its claim and carries on with the others', async (_name, error) => {
    const data = createMemoryStore();
    const recipients = recipientsOf(4);
    const mailer = recordingMailer((to) => (to === 'reader2@example.org' ? error : undefined));
    const report = await run({ mailer, data }, recipients);
    expect(report).toEqual({
      ...NONE,
      sent: 3,
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

  it('stops sending when the quota is spent, deferring the rest unclaimed for the next run', async () => {
    const data = createMemoryStore();
    const recipients = recipientsOf(5);
    const mailer = recordingMailer((_to, call) =>
      call >= 3 ? failure('quota', 'Daily message quota exceeded.') : undefined,
    );
    const report = await run({ mailer, data }, recipients);
    expect(report).toMatchObject({ sent: 2, deferred: 3, halted: 'not sent: Daily message quota exceeded.' });
    expect(mailer.calls).toBe(3);
    expect(report.failures.map((f) => f.email)).toEqual(emails(recipients.slice(2)));
    expect(await claimOf(data, 'reader3@example.org')).toBeUndefined();
    const next = recordingMailer();
    expect(await run({ mailer: next, data }, recipients)).toMatchObject({ sent: 3, skipped: 2 });
  });

  it('counts a message that cannot be built as failed without calling the mailer or claiming', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    const report = await run({ mailer, data }, recipientsOf(2), {
      build: async (r) => {
        if (r.email === 'reader0@example.org') throw new Error('template missing');
        return build(r);
      },
    });
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(report.failures[0]).toEqual({
      email: 'reader0@example.org',
      error: 'could not build the message: template missing',
    });
    expect(mailer.delivered).toEqual(['reader1@example.org']);
    expect(await claimOf(data, 'reader0@example.org')).toBeUndefined();
  });

  it('does not mail a suppressed recipient and writes no claim for it', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    const report = await run({ mailer, data }, recipientsOf(3), {
      suppression: async (r) => (r.email === 'reader1@example.org' ? 'bounced' : undefined),
    });
    expect(report).toEqual({ ...NONE, sent: 2, suppressed: 1 });
    expect(mailer.delivered).toEqual(['reader0@example.org', 'reader2@example.org']);
    expect(await claimOf(data, 'reader1@example.org')).toBeUndefined();
  });

  it('defers what it has no time left for', async () => {
    const data = createMemoryStore();
    const mailer = recordingMailer();
    let checks = 0;
    const report = await run({ mailer, data }, recipientsOf(4), { outOfTime: () => ++checks > 2 });
    expect(report).toMatchObject({ sent: 2, deferred: 2 });
    expect(report.failures).toEqual([
      { email: 'reader2@example.org', error: 'out of time' },
      { email: 'reader3@example.org', error: 'out of time' },
    ]);
  });

  it('counts a message as sent when only its record fails; a quick re-run reports it pending, not sent again', async () => {
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
    expect(await run({ mailer: again, data }, recipients)).toEqual({ ...NONE, pending: 1 });
    expect(again.calls).toBe(0);
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
    const sleep = async (ms: number) => void waits.push(ms);
    await run({ mailer: recordingMailer(), data: createMemoryStore(), sleep }, recipientsOf(6), {
      acquire: createRateLimiter(4, sleep),
    });
    // The first send goes at once; each later one waits for its token: 250 ms apart at 4 per second.
    expect(waits).toHaveLength(5);
    for (const ms of waits) expect(ms).toBeGreaterThan(240);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1200);
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

  it('keeps to the rate in real time', async () => {
    const acquire = createRateLimiter(50, (ms) => new Promise((r) => setTimeout(r, ms)));
    const started = performance.now();
    for (let i = 0; i < 5; i++) await acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createRateLimiter(0, noSleep)).toThrowError(RangeError);
  });
});
