/**
 * Send benchmark (part of `npm run bench`; alone: `npx tsx bench/send.ts`): 10,000 recipients
 * fanned out by deliverEdition to SQS (fauxqs) and mailed by senders consuming the queue the way
 * Lambda's event source mapping does, through SES (aws-ses-v2-local). The two servers run in a
 * child process, so this process's CPU time is the digest's and the senders' own work (recipient
 * batching, rendering each mail, MIME, claims, SDK calls). Claims are kept in memory: S3's
 * latency is not something a local server can stand for, and it enters the projection below as
 * a stated assumption, not a measurement.
 *
 * Reported: mails/s, CPU ms per mail, peak RSS, every recipient mailed exactly once, and the
 * projected wall time for 100,000 subscribers at SES rates of 14, 50 and 200 mails/s with the
 * configured sender concurrency (and the concurrency each rate needs).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SESClient } from '@aws-sdk/client-ses';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createSesMailer } from '#adapters/ses-mailer.ts';
import { createSqsQueue } from '#adapters/sqs-queue.ts';
import { fixedClock, systemClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { deliverEdition } from '#deliver/deliver-edition.ts';
import { processSendRecords, type SenderDeps } from '#deliver/send-queue.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import type { Edition } from '#domain/types.ts';
import { makeEdition } from '#tests/fixtures/editions/sample-edition.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { startSesProxy } from '#tests/helpers/ses-proxy.ts';
import { startSesServer } from '#tests/helpers/ses-server.ts';
import { startSqsPoller } from '#tests/helpers/sqs-poller.ts';

const RECIPIENTS = Number(process.env.BENCH_SEND_RECIPIENTS ?? 10_000);
const TARGET = 100_000;
const SES_RATES = [14, 50, 200];
/**
 * Assumed wall time per mail inside AWS for one sender, which mails one recipient after another:
 * SendRawEmail (~50 ms) and three S3 requests for the claim (look, claim, record; ~15 ms each).
 * An assumption from typical in-region latencies, not measured here.
 */
const ASSUMED_AWS_MS_PER_MAIL = 100;
/** A 512 MB Lambda gets this share of a vCPU (1,769 MB is one). */
const LAMBDA_CPU_SHARE = 512 / 1769;
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

interface Servers {
  sqs: string;
  ses: string;
  /** GET: {recipients, mails, maxPerRecipient} of what reached SES. */
  stats: string;
}

/**
 * The child: fauxqs, and aws-ses-v2-local behind the counting proxy, on 127.0.0.1; endpoints
 * printed as one JSON line. The SES server's store is emptied as it fills (10,000 mails of
 * ~40 KB do not fit in one JSON answer); the proxy keeps the count per recipient.
 */
async function serve(): Promise<void> {
  const [sqs, ses] = await Promise.all([
    startFauxqs({ port: 0, host: '127.0.0.1', logger: false }),
    startSesServer(),
  ]);
  const proxy = await startSesProxy(ses.endpoint);
  let cleared = 0;
  setInterval(() => {
    const mails = [...proxy.delivered().values()].reduce((a, b) => a + b, 0);
    if (mails - cleared >= 500) {
      cleared = mails;
      void fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
    }
  }, 200);
  const stats = createServer((_req, res) => {
    const counts = [...proxy.delivered().values()];
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        recipients: counts.length,
        mails: counts.reduce((a, b) => a + b, 0),
        maxPerRecipient: Math.max(0, ...counts),
      }),
    );
  });
  await new Promise<void>((done) => stats.listen(0, '127.0.0.1', done));
  const servers: Servers = {
    sqs: sqs.address,
    ses: proxy.endpoint,
    stats: `http://127.0.0.1:${(stats.address() as AddressInfo).port}/`,
  };
  process.stdout.write(`${JSON.stringify(servers)}\n`);
}

function startServers(): Promise<{ servers: Servers; stop: () => void }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--servers'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c.toString('utf8');
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ servers: JSON.parse(line) as Servers, stop: () => child.kill('SIGKILL') });
    });
    child.once('exit', (code) => reject(new Error(`servers exited (${code})`)));
  });
}

export async function benchSend(line: (s: string) => void): Promise<Record<string, unknown>> {
  const { servers, stop } = await startServers();
  try {
    const config = parseConfig({
      delivery: { inlineSendLimit: 0, batchSize: 50, sendRatePerSecond: 1_000_000 },
      archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
    });
    const concurrency = config.delivery.senderConcurrency;
    const sqsClient = new SQSClient({ endpoint: servers.sqs, region: 'us-east-1', credentials });
    const queueUrl = (
      await sqsClient.send(
        new CreateQueueCommand({ QueueName: 'bench-send', Attributes: { VisibilityTimeout: '60' } }),
      )
    ).QueueUrl!;
    const data = createMemoryStore();
    const templates = createEtaTemplates();
    const edition = makeEdition(12);
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@bench.example.org`);
    const mailer = createSesMailer({
      client: new SESClient({ endpoint: servers.ses, region: 'eu-west-2', credentials, maxAttempts: 1 }),
    });
    const deps: SenderDeps = {
      data,
      mailer,
      clock: systemClock,
      logger: silentLogger,
      templates,
      signingSecret: 'bench-secret-0123456789',
      // Unthrottled: this measures what one sender can do, the SES rate is applied in the projection.
      acquire: async () => {},
    };

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const request = resolveRunRequest(
      { recipients, edition: edition.id },
      { now: new Date('2026-11-23T07:00:00Z'), windowHours: 24, timeZone: 'UTC' },
    );
    const queued = await deliverEdition(
      {
        data,
        mailer,
        clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
        logger: silentLogger,
        templates,
        signingSecret: deps.signingSecret,
        queue: createSqsQueue({ client: sqsClient, queueUrl }),
      },
      config,
      request,
      edition,
      'https://briefing.example.org/editions/x/',
    );
    const enqueueMs = performance.now() - t0;
    let mailed = 0;
    // As the sender handler does: one edition object per process, read once.
    const editions = new Map<string, Edition>();
    const poller = startSqsPoller({
      client: sqsClient,
      queueUrl,
      concurrency,
      batchSize: 1,
      consume: async (records) => {
        const failed = await processSendRecords(deps, config, records, { editions });
        mailed += records.length - failed.length;
        return failed;
      },
    });
    while (mailed < queued.batches! && performance.now() - t0 < 1_800_000)
      await new Promise((r) => setTimeout(r, 20));
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    await poller.stop();
    sqsClient.destroy();

    const stats = (await (await fetch(servers.stats)).json()) as {
      recipients: number;
      mails: number;
      maxPerRecipient: number;
    };
    const exactlyOnce =
      stats.recipients === RECIPIENTS && stats.mails === RECIPIENTS && stats.maxPerRecipient === 1;
    if (!exactlyOnce)
      line(
        `send: CHECK FAILED: ${stats.recipients} recipients got ${stats.mails} mails (at most ${stats.maxPerRecipient} each); ${mailed}/${queued.batches} messages done`,
      );

    const cpuMs = (cpu.user + cpu.system) / 1000;
    const cpuMsPerMail = cpuMs / RECIPIENTS;
    const mailsPerSecond = RECIPIENTS / (wallMs / 1000);
    // One Lambda sender, one mail after another: AWS latency plus its CPU on a fraction of a core.
    const lambdaMsPerMail = ASSUMED_AWS_MS_PER_MAIL + cpuMsPerMail / LAMBDA_CPU_SHARE;
    const perSender = 1000 / lambdaMsPerMail;
    const enqueue100k = (enqueueMs / RECIPIENTS) * TARGET;
    const projection = SES_RATES.map((rate) => {
      const throughput = Math.min(rate, concurrency * perSender);
      return {
        sesRate: rate,
        senderConcurrency: concurrency,
        mailsPerSecond: Math.round(throughput * 10) / 10,
        minutes: Math.round(((TARGET / throughput) * 1000 + enqueue100k) / 600) / 100,
        concurrencyForFullRate: Math.ceil(rate / perSender),
      };
    });
    const result = {
      recipients: RECIPIENTS,
      batches: queued.batches,
      senders: concurrency,
      exactlyOnce,
      wallMs: Math.round(wallMs),
      enqueueMs: Math.round(enqueueMs),
      mailsPerSecond: Math.round(mailsPerSecond),
      cpuMsPerMail: Math.round(cpuMsPerMail * 100) / 100,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      assumptions: {
        awsMsPerMail: ASSUMED_AWS_MS_PER_MAIL,
        lambdaCpuShare: Math.round(LAMBDA_CPU_SHARE * 100) / 100,
      },
      projection100k: projection,
    };
    line(
      `send: ${RECIPIENTS} recipients in ${queued.batches} messages, ${concurrency} senders: ${result.mailsPerSecond} mails/s, ${result.cpuMsPerMail} ms CPU per mail, peak RSS ${result.peakRssMb} MB, enqueue ${result.enqueueMs} ms, each mailed once: ${exactlyOnce}`,
    );
    for (const p of projection)
      line(
        `send: 100,000 at SES ${p.sesRate}/s with ${p.senderConcurrency} senders: ${p.mailsPerSecond} mails/s, ${p.minutes} min (full rate needs senderConcurrency ${p.concurrencyForFullRate}; assumes ${ASSUMED_AWS_MS_PER_MAIL} ms AWS latency per mail)`,
      );
    return result;
  } finally {
    stop();
  }
}

if (process.argv.includes('--servers')) {
  await serve();
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await benchSend((s) => process.stdout.write(`${s}\n`));
  process.exit(0);
}
