import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '#adapters/ses-mailer.ts';
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
  beforeAll(async () => {
    ses = await startSesServer();
  });
  afterAll(async () => {
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

  it('surfaces provider errors to the caller', async () => {
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
    ).rejects.toThrow();
    client.destroy();
  });
});
