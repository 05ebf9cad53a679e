/**
 * A direct call to the subscription Function URL chooses its headers. Before, with no custom
 * domain, the API took the links' origin from `x-forwarded-host`: a real confirmation mail,
 * signed with the real key, pointed every link (and List-Unsubscribe) at the attacker's host.
 * Now the origin comes only from configuration. The handler runs as deployed; only its AWS
 * dependencies are replaced by local ones (a memory store and a capturing mailer).
 */
import { describe, expect, it, vi } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { parseConfig } from '#config/schema.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';
import { recordingMailer } from '#tests/helpers/recording-mailer.ts';

const mailer = recordingMailer();
const sent = mailer.sent;
const config = parseConfig({
  archive: { baseUrl: 'https://briefing.example.org/', apiBaseUrl: 'https://briefing.example.org/api/' },
  subscriptions: { minimumAnswerMs: 0 },
});

const ORIGIN_SECRET = 'only-cloudfront-adds-this-0123456789';

vi.mock('#handlers/aws-deps.ts', () => ({
  createAwsApiDeps: async () => ({
    config,
    originSecret: ORIGIN_SECRET,
    deps: {
      data: createMemoryStore(),
      mailer,
      clock: { now: () => new Date('2026-11-23T07:00:00Z') },
      logger: silentLogger,
      templates: createEtaTemplates(),
      signingSecret: 'secret-secret-secret-secret',
    },
  }),
}));

describe('the subscription API handler under hostile headers', () => {
  it('refuses a direct call that lacks the header only CloudFront adds', async () => {
    const { handler } = await import('#handlers/subscribe-api.ts');
    const result = await handler({
      rawPath: '/api/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-briefing-origin-secret': 'guess' },
      body: 'email=victim%40example.org',
      requestContext: { http: { method: 'POST', sourceIp: '203.0.113.9' } },
    });
    expect(result.statusCode).toBe(403);
    expect(sent).toHaveLength(0);
  });

  it('never takes the links’ origin from x-forwarded-host or Host', async () => {
    process.env.BRIEFING_ARCHIVE_FROM_REQUEST = 'true';
    const { handler } = await import('#handlers/subscribe-api.ts');

    const result = await handler({
      rawPath: '/api/subscribe',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-briefing-origin-secret': ORIGIN_SECRET,
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
      body: 'email=victim%40example.org',
      requestContext: { http: { method: 'POST', sourceIp: '203.0.113.9' } },
    });
    delete process.env.BRIEFING_ARCHIVE_FROM_REQUEST;

    expect(result.statusCode).toBe(202);
    expect(sent).toHaveLength(1);
    // Soft line breaks of quoted-printable bodies and folded headers undone.
    const raw = sent[0]!.raw
      .toString('utf8')
      .replace(/=\r\n/g, '')
      .replace(/\r\n[ \t]+/g, ' ');
    expect(raw).not.toContain('evil.example');
    expect(raw).toContain('https://briefing.example.org/api/confirm?token=');
    expect(raw).toMatch(/List-Unsubscribe: <https:\/\/briefing\.example\.org\/api\/unsubscribe\?token=/i);
  });

  it('counts a client by its /64, as CloudFront names it, so rotating IPv6 addresses buys no fresh limit', async () => {
    const { handler } = await import('#handlers/subscribe-api.ts');
    const before = sent.length;

    for (let i = 1; i <= 10; i++) {
      const result = await handler({
        rawPath: '/api/subscribe',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-briefing-origin-secret': ORIGIN_SECRET,
          'cloudfront-viewer-address': `2001:db8:77:1:${i.toString(16)}::${i}:443`,
        },
        body: `email=rotating${i}%40example.org`,
        requestContext: { http: { method: 'POST', sourceIp: `130.176.0.${i}` } },
      });
      expect(result.statusCode).toBe(202);
    }

    // The default per-client limit: 5 confirmation mails an hour.
    expect(sent.length - before).toBe(5);
  });
});
