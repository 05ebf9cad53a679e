/**
 * Exactly once per recipient per edition, over real protocols on 127.0.0.1: the digest fans
 * recipients out to SQS (fauxqs), senders consume it the way Lambda's event source mapping does
 * (partial batch responses, redelivery after the visibility timeout, a DLQ), claims live in S3
 * (s3rver), and mail goes to SES (aws-ses-v2-local) through a proxy that throttles, refuses or
 * holds requests. Senders are killed with SIGKILL as real processes, and so is the CLI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient } from '@aws-sdk/client-ses';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createS3Store } from '#adapters/s3-store.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { createSqsQueue } from '#adapters/sqs-queue.ts';
import { fixedClock, systemClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { deliverEdition } from '#deliver/deliver-edition.ts';
import { summariseDelivery } from '#deliver/delivery-records.ts';
import { createRateLimiter, type SendClaim } from '#deliver/send-digest.ts';
import { processSendRecords, type SenderDeps } from '#deliver/send-queue.ts';
import { dataKeys } from '#domain/keys.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Store } from '#ports/ports.ts';
import { applySesNotification } from '#subscribe/ses-notifications.ts';
import { makeEdition } from '#tests/fixtures/editions/make-edition.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';
import { type S3TestServer, startS3Server } from '#tests/helpers/s3-server.ts';
import { FAULTS, type SesProxy, startSesProxy } from '#tests/helpers/ses-proxy.ts';
import { type SesTestServer, startSesServer } from '#tests/helpers/ses-server.ts';
import { startSqsPoller } from '#tests/helpers/sqs-poller.ts';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
let editionCounter = 0;

let s3: S3TestServer;
let ses: SesTestServer;
let proxy: SesProxy;
let sqs: FauxqsServer;
let sqsClient: SQSClient;
let data: Store;

beforeAll(async () => {
  [s3, ses, sqs] = await Promise.all([
    startS3Server(['data']),
    startSesServer(),
    startFauxqs({ port: 0, host: '127.0.0.1', logger: false }),
  ]);
  proxy = await startSesProxy(ses.endpoint);
  sqsClient = new SQSClient({ endpoint: sqs.address, region: 'us-east-1', credentials });
  data = createS3Store({ client: s3.client, bucket: 'data' });
});
afterAll(async () => {
  sqsClient?.destroy();
  await Promise.all([s3?.close(), ses?.close(), proxy?.close(), sqs?.stop()]);
});
beforeEach(() => {
  proxy.fault(undefined);
  proxy.holdMs(0);
});

/** A fresh edition, queue and DLQ per test, so the tests do not see each other's mail. */
function fresh(visibilitySeconds: number, maxReceives = 5) {
  const id = `2026-11-23-t${++editionCounter}`;
  const dlq = sqs.createQueue(`dlq-${id}`);
  const queue = sqs.createQueue(`send-${id}`, {
    attributes: {
      VisibilityTimeout: String(visibilitySeconds),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: maxReceives }),
    },
  });
  return {
    edition: makeEdition(2, { id }),
    queueUrl: queue.queueUrl,
    dlqUrl: dlq.queueUrl,
    queueName: `send-${id}`,
  };
}

const configFor = (extra: object = {}) =>
  parseConfig({
    // A lease far longer than a send on a loaded machine: only the kill tests need it to lapse.
    delivery: { inlineSendLimit: 0, batchSize: 50, sendRatePerSecond: 1000, claimLeaseSeconds: 60, ...extra },
    archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
  });

function senderDeps(): SenderDeps {
  return {
    data,
    mailer: createSesMailer({
      client: new SESClient({ endpoint: proxy.endpoint, region: 'eu-west-2', credentials, maxAttempts: 1 }),
    }),
    clock: systemClock,
    logger: silentLogger,
    templates: createEtaTemplates(),
    signingSecret: 'integration-secret-0123456789',
    acquire: createRateLimiter(1000, async () => {}),
    // Backoff delays are checked in the unit tests; here they only slow the suite.
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / 50)),
  };
}

/** The digest's side: resolve the list from S3, store the edition, enqueue the batches. */
async function fanOut(
  edition: ReturnType<typeof makeEdition>,
  queueUrl: string,
  recipients: string[],
  config = configFor(),
) {
  const request = resolveRunRequest(
    { recipients, edition: edition.id },
    { now: clock.now(), windowHours: 24, timeZone: 'UTC' },
  );
  return deliverEdition(
    {
      data,
      mailer: senderDeps().mailer,
      clock,
      logger: silentLogger,
      templates: createEtaTemplates(),
      signingSecret: 'integration-secret-0123456789',
      queue: createSqsQueue({ client: sqsClient, queueUrl }),
    },
    config,
    request,
    edition,
    'https://briefing.example.org/',
  );
}

const addresses = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}-${i}@example.org`);

/** What SES stored, per recipient, among these addresses. */
async function mailedCounts(list: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Set(list);
  const counts = new Map<string, number>();
  for (const email of await ses.emails()) {
    const to = email.destination.to[0] ?? '';
    if (wanted.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function expectEachMailedOnce(list: readonly string[]): Promise<void> {
  const counts = await mailedCounts(list);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...list].sort());
}

function poll(queueUrl: string, config = configFor(), concurrency = 2, batchSize = 2) {
  const deps = senderDeps();
  return startSqsPoller({
    client: sqsClient,
    queueUrl,
    concurrency,
    batchSize,
    consume: (records) => processSendRecords(deps, config, records),
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('fan-out through SQS (fauxqs) to SES (aws-ses-v2-local)', () => {
  it('queues 120 recipients as 3 messages carrying the edition id; two senders mail each once', async () => {
    const { edition, queueUrl } = fresh(2);
    const list = addresses(120, 'fan');
    const report = await fanOut(edition, queueUrl, list);
    expect(report).toMatchObject({ mode: 'queued', recipients: 120, batches: 3, sent: 0 });
    const peek = await sqsClient.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    );
    const body = JSON.parse(peek.Messages![0]!.Body!);
    expect(Object.keys(body).sort()).toEqual(['batch', 'editionId', 'recipients', 'v']);
    expect(body.editionId).toBe(edition.id);

    const poller = poll(queueUrl);
    await poller.drained();
    await poller.stop();
    await expectEachMailedOnce(list);
    expect(await summariseDelivery(data, edition.id, 3)).toMatchObject({
      batchesReported: 3,
      recipients: 120,
      sent: 120,
      pending: 0,
      failed: 0,
    });
  }, 60_000);

  it('mails nobody twice when every message is delivered again', async () => {
    const { edition, queueUrl } = fresh(2);
    const list = addresses(60, 'again');
    await fanOut(edition, queueUrl, list);
    const poller = poll(queueUrl);
    await poller.drained();
    // SQS delivers at least once: the same messages arrive a second time.
    await fanOut(edition, queueUrl, list);
    await poller.drained();
    await poller.stop();
    await expectEachMailedOnce(list);
    expect(await summariseDelivery(data, edition.id, 2)).toMatchObject({ sent: 60 });
  }, 60_000);

  it('hands throttled recipients back as failed batch items; the redelivery mails only them', async () => {
    const { edition, queueUrl } = fresh(1);
    const list = addresses(40, 'throttle');
    const slow = new Set([list[3], list[27]]);
    // Throttled for longer than one delivery's 5 attempts: the message must come back.
    proxy.fault((to, attempt) => (slow.has(to) && attempt <= 6 ? FAULTS.throttled : undefined));
    await fanOut(edition, queueUrl, list);
    const poller = poll(queueUrl);
    await poller.drained(3000);
    await poller.stop();
    await expectEachMailedOnce(list);
    expect([...proxy.delivered().entries()].filter(([to]) => slow.has(to))).toEqual([
      [list[3], 1],
      [list[27], 1],
    ]);
    const summary = await summariseDelivery(data, edition.id, 1);
    expect(summary).toMatchObject({ sent: 40, deferred: 0 });
  }, 60_000);

  it('counts a refused address as failed without redelivering its batch', async () => {
    const { edition, queueUrl } = fresh(1);
    const list = addresses(10, 'refused');
    proxy.fault((to) => (to === list[4] ? FAULTS.rejected : undefined));
    await fanOut(edition, queueUrl, list);
    const poller = poll(queueUrl);
    await poller.drained();
    await poller.stop();
    const summary = await summariseDelivery(data, edition.id, 1);
    expect(summary).toMatchObject({
      sent: 9,
      failed: 1,
      failures: [{ email: list[4], error: 'Email address is not verified.' }],
    });
    expect((await mailedCounts(list)).size).toBe(9);
  }, 60_000);

  it('sends a poisoned message to the dead-letter queue after its receives, and mails the rest', async () => {
    const { edition, queueUrl, queueName, dlqUrl } = fresh(1, 3);
    const list = addresses(20, 'poison');
    await createSqsQueue({ client: sqsClient, queueUrl }).enqueue(['{"v":1,"editionId":', 'not json at all']);
    await fanOut(edition, queueUrl, list);
    const poller = poll(queueUrl);
    await waitFor(
      'the poison in the DLQ',
      () => (sqs.inspectQueue(`dlq-${queueName.slice(5)}`)?.messages.ready.length ?? 0) === 2,
      // Three receives a visibility timeout apart: 5 s alone, over 30 s with the whole suite on two cores.
      80_000,
    );
    await poller.drained();
    await poller.stop();
    await expectEachMailedOnce(list);
    const dead = await sqsClient.send(
      new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10 }),
    );
    expect(dead.Messages?.map((m) => m.Body).sort()).toEqual(['not json at all', '{"v":1,"editionId":']);
  }, 120_000);

  it('stops on a spent quota, leaving the batches queued, and mails them once the quota is back', async () => {
    const { edition, queueUrl } = fresh(1, 50);
    const list = addresses(30, 'quota');
    proxy.fault(() => FAULTS.quota);
    await fanOut(edition, queueUrl, list);
    const poller = poll(queueUrl);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await mailedCounts(list)).size).toBe(0);
    proxy.fault(undefined);
    await poller.drained();
    await poller.stop();
    await expectEachMailedOnce(list);
  }, 60_000);
});

/** A sender in its own process; resolves `lines` as it logs. */
function startSenderProcess(
  queueUrl: string,
  config: object,
): ChildProcess & { lines: Record<string, unknown>[] } {
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', TSX, join(REPO_ROOT, 'tests/helpers/sender-process.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SENDER_CONFIG: JSON.stringify(config),
        S3_ENDPOINT: s3.endpoint,
        SES_ENDPOINT: proxy.endpoint,
        SQS_ENDPOINT: sqs.address,
        QUEUE_URL: queueUrl,
        DATA_BUCKET: 'data',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ) as ChildProcess & { lines: Record<string, unknown>[] };
  child.lines = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) child.lines.push(JSON.parse(part));
  });
  return child;
}

const count = (child: { lines: Record<string, unknown>[] }, message: string) =>
  child.lines.filter((l) => l.message === message).length;

async function claimsOf(
  editionId: string,
  list: readonly string[],
): Promise<(SendClaim['status'] | undefined)[]> {
  return Promise.all(
    list.map(async (email) => {
      const o = await data.get(dataKeys.sendClaim(editionId, email));
      return o ? (JSON.parse(o.body.toString('utf8')) as SendClaim).status : undefined;
    }),
  );
}

describe('a sender killed with SIGKILL mid-batch', () => {
  const senderConfig = (rate: number) => ({
    delivery: { sendRatePerSecond: rate, claimLeaseSeconds: 1 },
    archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
  });

  it('while waiting for a send slot: the redelivered batch mails the rest, nobody twice', async () => {
    const { edition, queueUrl } = fresh(2);
    const list = addresses(20, 'killwait');
    await fanOut(edition, queueUrl, list);
    const first = startSenderProcess(queueUrl, senderConfig(8));
    await waitFor('five sends', () => count(first, 'sent') >= 5, 60_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const sentBefore = (await mailedCounts(list)).size;
    expect(sentBefore).toBeGreaterThanOrEqual(5);
    expect(sentBefore).toBeLessThan(20);

    const second = startSenderProcess(queueUrl, senderConfig(50));
    try {
      await waitFor('every recipient', async () => (await mailedCounts(list)).size === 20, 60_000);
      await waitFor(
        'the batch recorded',
        async () => (await summariseDelivery(data, edition.id, 1)).sent === 20,
      );
    } finally {
      second.kill('SIGKILL');
    }
    await expectEachMailedOnce(list);
    expect(await claimsOf(edition.id, list)).toEqual(list.map(() => 'sent'));
  }, 240_000);

  it('between its claim and SES’s answer: the lapsed claim is finished by the redelivery, once', async () => {
    const { edition, queueUrl } = fresh(2);
    const list = addresses(6, 'killclaim');
    await fanOut(edition, queueUrl, list);
    // Every request is held 600 ms at the proxy: the kill lands while the 3rd mail is in flight.
    proxy.holdMs(600);
    const first = startSenderProcess(queueUrl, senderConfig(50));
    await waitFor('the third claim', () => count(first, 'claimed') >= 3, 60_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    proxy.holdMs(0);
    expect((await mailedCounts(list)).size).toBe(2);
    expect((await claimsOf(edition.id, list))[2]).toBe('claimed');

    const second = startSenderProcess(queueUrl, senderConfig(50));
    try {
      await waitFor('every recipient', async () => (await mailedCounts(list)).size === 6, 60_000);
      await waitFor(
        'the batch recorded',
        async () => (await summariseDelivery(data, edition.id, 1)).sent === 6,
      );
    } finally {
      second.kill('SIGKILL');
    }
    await expectEachMailedOnce(list);
    expect(await claimsOf(edition.id, list)).toEqual(list.map(() => 'sent'));
  }, 240_000);
});

describe('the CLI killed with SIGKILL mid-send, then run again at once', () => {
  it('mails every recipient exactly once across the kill and the re-run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kill-cli-'));
    const out = join(work, 'out');
    const list = addresses(8, 'cli');
    writeFileSync(
      join(work, 'briefing.config.json'),
      JSON.stringify({ delivery: { recipients: list, sendRatePerSecond: 4 } }),
    );
    const args = [
      'run',
      '--offline',
      '--config',
      join(work, 'briefing.config.json'),
      '--out',
      out,
      '--json',
      '--quiet',
    ];
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/briefing.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const outbox = join(out, 'outbox');
    const sentRecords = () => {
      try {
        const editionDir = join(out, 'state/sends');
        return readdirSync(editionDir).flatMap((e) =>
          readdirSync(join(editionDir, e)).filter(
            (f) => f.endsWith('.json') && readFileSync(join(editionDir, e, f), 'utf8').includes('"sent"'),
          ),
        ).length;
      } catch {
        return 0;
      }
    };
    await waitFor('three recorded sends', () => sentRecords() >= 3, 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(8);

    const again = await runCli(args);
    expect(again.code).toBe(0);
    const delivery = JSON.parse(again.stdout).delivery;
    expect(delivery).toMatchObject({ pending: 0, failed: 0, deferred: 0 });
    expect(delivery.sent + delivery.skipped).toBe(8);
    expect(delivery.skipped).toBe(before.length);
    const after = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    for (const email of list)
      expect(
        after.filter((f) => f.endsWith(`-${email}.eml`)),
        email,
      ).toHaveLength(1);
    expect(after).toHaveLength(8);
  }, 120_000);
});

describe('bounces of recipients who are not subscribers', () => {
  it('are remembered, and the next edition does not mail them', async () => {
    const store = createMemoryStore();
    const mailer = recordingMailer();
    await applySesNotification(
      { data: store, clock, logger: silentLogger },
      JSON.stringify({
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'Desk <desk@example.org>' }] },
      }),
    );
    const config = parseConfig({ delivery: { recipients: ['desk@example.org', 'editor@example.org'] } });
    const report = await deliverEdition(
      {
        data: store,
        mailer,
        clock,
        logger: silentLogger,
        templates: createEtaTemplates(),
        signingSecret: 'integration-secret-0123456789',
      },
      config,
      resolveRunRequest({}, { now: clock.now(), windowHours: 24, timeZone: 'UTC' }),
      makeEdition(2),
      'https://briefing.example.org/',
    );
    expect(report).toMatchObject({ sent: 1, suppressed: 1 });
    expect(mailer.delivered).toEqual(['editor@example.org']);
  });
});
