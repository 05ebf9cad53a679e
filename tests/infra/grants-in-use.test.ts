/**
 * Each function's code run inside the IAM grants the stack gives it, against stores that answer as
 * S3 answers such a role (tests/helpers/granted-store.ts): an action outside the grants, or a read
 * of a missing key without s3:ListBucket on its prefix, is AccessDenied. The local stand-ins
 * allow everything, so only this shows a grant the code needs and the stack forgot: a first
 * edition on an empty account, the queued sender mailing subscribers (each first send claim is a
 * read of a missing key), a first sign-up and its confirmation, and a bounce for an unknown address.
 */
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createInProcessQueue } from '#adapters/in-process-queue.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createHttpClientFromConfig } from '#adapters/node-http-client.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { parseConfig } from '#config/schema.ts';
import { processSendMessage } from '#deliver/send-queue.ts';
import { dataKeys } from '#domain/keys.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import { createToken } from '#domain/tokens.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { applySesNotification } from '#subscribe/ses-notifications.ts';
import { confirmSubscription, subscribe, subscriptionSettings } from '#subscribe/subscriptions.ts';
import { type FixtureServer, startFixtureServer } from '#tests/helpers/fixture-server.ts';
import { grantedStore } from '#tests/helpers/granted-store.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';
import {
  CONTEXT,
  listGrants,
  objectGrants,
  operatorDir,
  policyStatementsOf,
  synth,
} from '#tests/helpers/stack-grants.ts';

const ROOT = join(import.meta.dirname, '../..');
const clock = fixedClock(new Date('2026-11-24T06:00:00Z'));
const SECRET = 'grants-signing-secret-0123456789';

let template: Template;
let feeds: FixtureServer;

/** Every grant of a function's role: object actions and list prefixes, "action Bucket/pattern". */
function grantLines(rolePrefix: string): string[] {
  const statements = policyStatementsOf(template, rolePrefix);
  return [...objectGrants(statements), ...listGrants(statements)];
}

/** The subscription settings as the API handler derives them from the shipped configuration. */
const SETTINGS = subscriptionSettings(
  parseConfig({
    archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
    subscriptions: { minimumAnswerMs: 0 },
  }),
);

beforeAll(async () => {
  template = synth(CONTEXT, operatorDir({})).template;
  feeds = await startFixtureServer(join(ROOT, 'tests/fixtures/e2e'));
}, 120_000);

afterAll(async () => {
  await feeds?.close();
});

describe('every function inside its IAM grants', () => {
  it('runs a first edition on an empty account through the queue, the next over corrupt state, and an ad-hoc one', async () => {
    const data = createMemoryStore();
    const site = createMemoryStore();
    const denied: string[] = [];
    const digestGrants = grantLines('DigestFunctionServiceRole');
    const senderGrants = grantLines('SendSenderFunctionServiceRole');
    const subscribers = ['a@example.org', 'b@example.org', 'c@example.org'];
    for (const email of subscribers)
      await data.put(
        dataKeys.subscriber(email),
        JSON.stringify({ email, status: 'confirmed', createdAt: 'x', updatedAt: 'x' }),
        { contentType: 'application/json' },
      );
    const config = parseConfig({
      feeds: [
        { name: 'Test Wire', url: `${feeds.base}/wire.xml`, perspective: 'wire' },
        { name: 'Test State News', url: `${feeds.base}/state.atom`, perspective: 'russian-state' },
      ],
      windowHours: 48,
      fetch: { allowPrivateNetwork: true, retries: 0 },
      delivery: { from: 'briefing@example.org', inlineSendLimit: 1, batchSize: 2 },
      archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
    });
    const mailer = recordingMailer();
    const templates = createEtaTemplates();
    // The sender Lambda: its own role, and the edition read from storage as in AWS (no cache).
    const sender = {
      data: grantedStore(data, 'Data', senderGrants, denied),
      mailer,
      clock,
      logger: silentLogger,
      templates,
      signingSecret: SECRET,
      acquire: async () => {},
    };
    const queue = createInProcessQueue(
      (body, receiveCount) => processSendMessage(sender, config, body, { receiveCount }),
      { logger: silentLogger },
    );
    const deps = {
      http: createHttpClientFromConfig(config.fetch),
      data: grantedStore(data, 'Data', digestGrants, denied),
      site: grantedStore(site, 'Site', digestGrants, denied),
      mailer,
      clock,
      queue,
      logger: silentLogger,
      progress: silentProgress,
      templates,
      signingSecret: SECRET,
    };
    const result = await runDigest(
      deps,
      config,
      resolveRunRequest({}, { now: clock.now(), windowHours: config.windowHours, timeZone: 'UTC' }),
    );
    expect(denied).toEqual([]);
    expect(result.edition.stories.length).toBeGreaterThan(0);
    expect(result.delivery).toMatchObject({ mode: 'queued', sent: 3 });
    expect(queue.deadLetters).toEqual([]);
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(subscribers);

    // The next day: state of the wrong shape is reported and copied aside, the previous edition
    // read for novelty; then an analyst's private ad-hoc briefing for one recipient.
    await data.put(dataKeys.seenItems(), '{"items":null}', { contentType: 'application/json' });
    const nextDay = fixedClock(new Date('2026-11-25T06:00:00Z'));
    const next = await runDigest(
      { ...deps, clock: nextDay },
      config,
      resolveRunRequest({}, { now: nextDay.now(), windowHours: 72, timeZone: 'UTC' }),
    );
    expect(next.corruptState.map((c) => c.key)).toEqual([dataKeys.seenItems()]);
    const adHoc = await runDigest(
      { ...deps, clock: nextDay },
      config,
      resolveRunRequest(
        { since: '72h', query: 'gas', recipients: ['analyst@example.org'] },
        { now: nextDay.now(), windowHours: 24, timeZone: 'UTC' },
      ),
    );
    expect(adHoc.privateCopy).toBeDefined();
    expect(denied).toEqual([]);
  }, 60_000);

  it('takes a first sign-up and its confirmation, and a bounce for an unknown address', async () => {
    const data = createMemoryStore();
    const denied: string[] = [];
    const mailer = recordingMailer();
    const api = {
      data: grantedStore(data, 'Data', grantLines('SubscriptionApiFunctionServiceRole'), denied),
      mailer,
      clock,
      logger: silentLogger,
      templates: createEtaTemplates(),
      signingSecret: SECRET,
    };
    await subscribe(api, SETTINGS, { email: 'new@example.org', consentDetail: 'web form' });
    expect(mailer.sent).toHaveLength(1);
    const token = createToken(
      { email: 'new@example.org', purpose: 'confirm', expiresAt: clock.now().getTime() / 1000 + 3600 },
      SECRET,
    );
    expect(await confirmSubscription(api, token)).toMatchObject({ ok: true });

    const sesEvents = {
      data: grantedStore(data, 'Data', grantLines('SesEventsHandlerFunctionServiceRole'), denied),
      clock,
      logger: silentLogger,
    };
    await applySesNotification(
      sesEvents,
      JSON.stringify({
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'stranger@example.org' }] },
      }),
    );
    expect(denied).toEqual([]);
  });
});
