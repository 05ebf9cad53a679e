import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySesError, createSesMailer } from '#adapters/ses-mailer.ts';
import { MailSendError } from '#domain/errors.ts';
import { FAULTS, type SesFault, type SesProxy, startSesProxy } from '#tests/helpers/ses-proxy.ts';
import { type SesTestServer, startSesServer } from '#tests/helpers/ses-server.ts';

const RAW = [
  'From: Briefing <briefing@example.org>',
  'To: reader@example.org',
  'Subject: =?UTF-8?Q?China=E2=80=93Russia_Briefing?=',
  'List-Unsubscribe: <https://example.org/api/unsubscribe?token=t>, <mailto:unsubscribe@example.org>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Plain part',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>HTML part</p>',
  '--b1--',
  '',
].join('\r\n');

describe('SES mailer over HTTP (aws-ses-v2-local on 127.0.0.1)', () => {
  let ses: SesTestServer;
  let proxy: SesProxy;
  beforeAll(async () => {
    ses = await startSesServer();
    proxy = await startSesProxy(ses.endpoint);
  });
  afterAll(async () => {
    await proxy?.close();
    await ses?.close();
  });

  it('sends the raw message with SendRawEmail and returns the provider id', async () => {
    const mailer = createSesMailer({ client: ses.client });
    const { providerId } = await mailer.send({
      from: 'briefing@example.org',
      to: 'reader@example.org',
      raw: Buffer.from(RAW),
      messageId: '<m1@example.org>',
    });
    expect(providerId).toBeTruthy();
    const sent = (await ses.emails()).at(-1)!;
    expect(sent.messageId).toBe(providerId);
    expect(sent.subject).toBe('China–Russia Briefing');
    expect(sent.destination.to.join(',')).toContain('reader@example.org');
    expect(sent.body.html).toContain('HTML part');
    expect(sent.body.text).toContain('Plain part');
  });

  it.each([
    ['throttled', FAULTS.throttled],
    ['quota', FAULTS.quota],
    ['permanent', FAULTS.rejected],
    ['transient', FAULTS.unavailable],
  ] as [string, SesFault][])('maps an SES answer to a typed error: %s', async (kind, fault) => {
    proxy.fault(() => fault);
    const client = new SESClient({
      endpoint: proxy.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    const error = await createSesMailer({ client })
      .send({
        from: 'briefing@example.org',
        to: 'reader@example.org',
        raw: Buffer.from(RAW),
        messageId: '<m3@example.org>',
      })
      .catch((e: unknown) => e);
    client.destroy();
    proxy.fault(undefined);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).kind).toBe(kind);
    expect((error as MailSendError).message).toBe(fault.message);
  });

  it('maps a refused connection to a transient error', async () => {
    const client = new SESClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'eu-west-2',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    const mailer = createSesMailer({ client });
    await expect(
      mailer.send({
        from: 'briefing@example.org',
        to: 'reader@example.org',
        raw: Buffer.from(RAW),
        messageId: '<m2@example.org>',
      }),
    ).rejects.toMatchObject({ name: 'MailSendError', kind: 'transient' });
    client.destroy();
  });
});

describe('classifySesError', () => {
  const named = (name: string, message: string, extra: object = {}) =>
    Object.assign(new Error(message), { name }, extra);
  it.each([
    [named('Throttling', 'Maximum sending rate exceeded.'), 'throttled'],
    [named('ThrottlingException', 'Rate exceeded'), 'throttled'],
    [named('TooManyRequestsException', 'slow down'), 'throttled'],
    [named('Error', 'x', { $metadata: { httpStatusCode: 429 } }), 'throttled'],
    [named('Throttling', 'Daily message quota exceeded.'), 'quota'],
    [named('AccountSendingPausedException', 'paused'), 'quota'],
    [named('ConfigurationSetSendingPausedException', 'paused'), 'quota'],
    [named('Error', 'x', { $retryable: {} }), 'transient'],
    [named('InternalFailure', 'x', { $metadata: { httpStatusCode: 500 } }), 'transient'],
    [named('Error', 'socket hang up', { code: 'ECONNRESET' }), 'transient'],
    [named('TimeoutError', 'timed out'), 'transient'],
    [named('MessageRejected', 'Email address is not verified.'), 'permanent'],
    [named('MailFromDomainNotVerifiedException', 'not verified'), 'permanent'],
    [
      named('InvalidParameterValue', 'Missing final @domain', { $metadata: { httpStatusCode: 400 } }),
      'permanent',
    ],
    ['a string', 'permanent'],
    [undefined, 'permanent'],
  ])('%o is %s', (error, kind) => {
    expect(classifySesError(error)).toBe(kind);
  });
});
