/** The subscription API as a real HTTP server, with mail going to an .eml outbox. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '#adapters/api-http.ts';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { createOutboxMailer } from '#adapters/outbox-mailer.ts';
import { startStaticServer } from '#adapters/static-server.ts';
import { dataKeys } from '#domain/keys.ts';
import { createToken } from '#domain/tokens.ts';
import type { Clock, Mailer } from '#ports/ports.ts';
import { applySesNotification } from '#subscribe/ses-notifications.ts';
import { listSubscribers, type SubscriptionSettings } from '#subscribe/subscriptions.ts';

const secret = 'test-signing-secret-0123456789';
let now = new Date('2026-11-23T07:00:00Z');
const clock: Clock = { now: () => new Date(now.getTime()) };

const LIMITS = { perHour: 1000, perClientPerHour: 1000, perAddressPerDay: 3 };

/** An API server over a folder store, mailing to an .eml outbox; `data` may be shared by two of them. */
async function startApi(
  options: {
    dir?: string;
    limits?: SubscriptionSettings['limits'];
    minimumAnswerMs?: number;
    mailer?: Mailer;
  } = {},
) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'subs-'));
  const outbox = join(dir, 'outbox');
  const data = createFolderStore(join(dir, '.state'));
  let base = '';
  const settings: SubscriptionSettings = {
    listTitle: 'China–Russia Briefing',
    get apiBaseUrl() {
      return `${base}api/`;
    },
    get archiveBaseUrl() {
      return base;
    },
    from: 'briefing@example.org',
    fromName: 'Briefing',
    listId: 'briefing.example.org',
    postalAddress: 'Briefing, London',
    confirmationWindowMinutes: 10,
    confirmationLifetimeHours: 48,
    limits: options.limits ?? LIMITS,
    minimumAnswerMs: options.minimumAnswerMs ?? 0,
  };
  const api = createApiHandler(
    {
      data,
      mailer: options.mailer ?? createOutboxMailer(outbox),
      clock,
      logger: silentLogger,
      templates: createEtaTemplates(),
      signingSecret: secret,
    },
    settings,
  );
  const started = await startStaticServer(dir, { api });
  base = started.url;
  return { server: started, data, outbox, dir };
}

let server: { url: string; close(): Promise<void> };
let outbox: string;
let data: ReturnType<typeof createFolderStore>;

beforeAll(async () => {
  ({ server, outbox, data } = await startApi());
});
afterAll(async () => {
  await server?.close();
});

const post = (path: string, body: string, type = 'application/x-www-form-urlencoded', accept = 'text/html') =>
  fetch(`${server.url}api/${path}`, { method: 'POST', body, headers: { 'content-type': type, accept } });
const mails = () => readdirSync(outbox).filter((f) => f.endsWith('.eml'));
const linkIn = (mail: string, purpose: string, dir = outbox) => {
  const text = readFileSync(join(dir, mail), 'utf8').replace(/=\r\n/g, '').replace(/=3D/g, '=');
  return new URL(/https?:\/\/[^\s"<>]+/.exec(text.slice(text.indexOf(`/api/${purpose}?token=`) - 40))![0]);
};

describe('subscription API over HTTP', () => {
  it('subscribes with double opt-in, confirms, and answers the same for known and unknown addresses', async () => {
    const first = await post('subscribe', 'email=Analyst%40Example.org');
    expect(first.status).toBe(202);
    const firstBody = await first.text();
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(mails()).toHaveLength(1);
    const again = await post('subscribe', 'email=analyst%40example.org');
    expect(again.status).toBe(202);
    expect(await again.text()).toBe(firstBody);
    expect(mails()).toHaveLength(1);

    const confirm = linkIn(mails()[0]!, 'confirm');
    const confirmed = await fetch(`${server.url}api/confirm${confirm.search}`);
    expect(confirmed.status).toBe(200);
    const [subscriber] = await listSubscribers(data);
    expect(subscriber).toMatchObject({ email: 'analyst@example.org', status: 'confirmed' });
    expect(subscriber!.consent?.method).toBe('web form');

    const known = await post('subscribe', 'email=analyst%40example.org');
    const unknown = await post('subscribe', 'email=someone-else%40example.org');
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
  });

  it('sends at most one confirmation per window for repeated sign-ups', async () => {
    const before = mails().length;
    for (let i = 0; i < 5; i++) await post('subscribe', 'email=repeat%40example.org');
    expect(mails().length).toBe(before + 1);
    now = new Date(now.getTime() + 11 * 60_000);
    await post('subscribe', 'email=repeat%40example.org');
    expect(mails().length).toBe(before + 2);
  });

  it('unsubscribes by one-click POST (RFC 8058) and by a page with a button', async () => {
    const token = createToken(
      {
        email: 'analyst@example.org',
        purpose: 'unsubscribe',
        expiresAt: Math.floor(now.getTime() / 1000) + 3600,
      },
      secret,
    );
    const page = await fetch(`${server.url}api/unsubscribe?token=${encodeURIComponent(token)}`);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="unsubscribe">');
    expect(html).toContain('<button type="submit">Unsubscribe</button>');
    const oneClick = await fetch(`${server.url}api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect((await listSubscribers(data)).find((s) => s.email === 'analyst@example.org')?.status).toBe(
      'unsubscribed',
    );
  });

  it('saves theme preferences', async () => {
    const email = 'prefs@example.org';
    await data.put(
      dataKeys.subscriber(email),
      JSON.stringify({
        email,
        status: 'confirmed',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      }),
      { contentType: 'application/json' },
    );
    const token = encodeURIComponent(
      createToken(
        { email, purpose: 'preferences', expiresAt: Math.floor(now.getTime() / 1000) + 3600 },
        secret,
      ),
    );
    const form = await (await fetch(`${server.url}api/preferences?token=${token}`)).text();
    expect(form).toContain('name="themes" value="energy" checked');
    // Readers choose by title and description, not by id.
    expect(form).toContain('<strong>Partnership and summitry</strong>');
    expect(form).not.toMatch(/> alliance-diplomacy</);
    const saved = await post(`preferences?token=${token}`, 'themes=energy&themes=military');
    expect(saved.status).toBe(200);
    expect((await listSubscribers(data)).find((s) => s.email === email)?.themes).toEqual([
      'energy',
      'military',
    ]);
  });

  it.each([
    [
      'a CR/LF injection',
      'email=a%40example.org%0d%0aBcc:%20x%40evil.example',
      'email: must not contain line breaks',
    ],
    ['an invalid address', 'email=not-an-address', 'email: not a valid address'],
    ['an oversized body', `email=${'a'.repeat(5000)}%40example.org`, 'Request too large'],
    ['a missing address', '', 'email: required'],
  ])('rejects %s with a clear message', async (_case, body, message) => {
    const res = await post('subscribe', body, 'application/x-www-form-urlencoded', 'application/json');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(await res.json())).toContain(message);
  });

  it.each([
    ['tampered', (t: string) => `${t.slice(0, -3)}abc`],
    [
      'for another purpose',
      () => createToken({ email: 'x@example.org', purpose: 'preferences', expiresAt: 9_999_999_999 }, secret),
    ],
    ['expired', () => createToken({ email: 'x@example.org', purpose: 'confirm', expiresAt: 1 }, secret)],
  ])('refuses a %s token', async (_case, make) => {
    const token = make(
      createToken({ email: 'x@example.org', purpose: 'confirm', expiresAt: 9_999_999_999 }, secret),
    );
    const res = await fetch(`${server.url}api/confirm?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This link is not valid');
  });

  it('suppresses addresses on permanent bounces and complaints from SES', async () => {
    for (const email of ['bounce@example.org', 'complain@example.org']) {
      await data.put(
        dataKeys.subscriber(email),
        JSON.stringify({
          email,
          status: 'confirmed',
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        }),
        { contentType: 'application/json' },
      );
    }
    const deps = { data, clock, logger: silentLogger };
    expect(
      await applySesNotification(
        deps,
        JSON.stringify({
          eventType: 'Bounce',
          bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'Bounce@Example.org' }] },
        }),
      ),
    ).toEqual({ suppressed: 1, ignored: 0 });
    expect(
      await applySesNotification(
        deps,
        JSON.stringify({
          notificationType: 'Complaint',
          complaint: { complainedRecipients: [{ emailAddress: 'complain@example.org' }] },
        }),
      ),
    ).toEqual({ suppressed: 1, ignored: 0 });
    expect(
      await applySesNotification(
        deps,
        JSON.stringify({
          eventType: 'Bounce',
          bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'x@example.org' }] },
        }),
      ),
    ).toEqual({ suppressed: 0, ignored: 1 });
    const list = await listSubscribers(data);
    expect(list.find((s) => s.email === 'bounce@example.org')?.status).toBe('bounced');
    expect(list.find((s) => s.email === 'complain@example.org')?.status).toBe('complained');
    // A suppressed address cannot sign up again through the form.
    const before = mails().length;
    await post('subscribe', 'email=bounce%40example.org');
    expect(mails().length).toBe(before);
  });
});

describe('doors of the sign-up form', () => {
  const signUp = (base: string, email: string) =>
    fetch(`${base}api/subscribe`, {
      method: 'POST',
      body: `email=${encodeURIComponent(email)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
  const emlIn = (dir: string) => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.eml'));
    } catch {
      return [];
    }
  };

  it('after unsubscribing, an old confirmation link says so and changes nothing', async () => {
    const api = await startApi();
    try {
      await signUp(api.server.url, 'changed-mind@example.org');
      const link = linkIn(emlIn(api.outbox)[0]!, 'confirm', api.outbox)
        .toString()
        .replace(/^.*\/api\//, 'api/');
      const unsubscribe = createToken(
        { email: 'changed-mind@example.org', purpose: 'unsubscribe', expiresAt: 9_999_999_999 },
        secret,
      );
      await fetch(`${api.server.url}api/unsubscribe?token=${encodeURIComponent(unsubscribe)}`, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

      const answer = await fetch(`${api.server.url}${link}`, { headers: { accept: 'application/json' } });

      expect(answer.status).toBe(409);
      expect(await answer.json()).toEqual({
        ok: false,
        title: 'You unsubscribed',
        message: expect.stringContaining('the link confirms nothing and you will not receive the briefing'),
      });
      const [record] = await listSubscribers(api.data);
      expect(record).toMatchObject({ email: 'changed-mind@example.org', status: 'unsubscribed' });
      expect(record!.confirmedAt).toBeUndefined();
    } finally {
      await api.server.close();
    }
  });

  it('caps confirmation mails per client: 100 sign-ups for 100 addresses send 5, every answer the same', async () => {
    const api = await startApi({ limits: { perHour: 1000, perClientPerHour: 5, perAddressPerDay: 3 } });
    try {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signUp(api.server.url, `flood${i}@example.org`)),
      );
      const bodies = new Set(await Promise.all(answers.map((a) => a.text())));

      expect(answers.every((a) => a.status === 202)).toBe(true);
      expect(bodies.size).toBe(1);
      expect(emlIn(api.outbox)).toHaveLength(5);
    } finally {
      await api.server.close();
    }
  });

  it('holds the global limit across two API instances sharing the data store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'subs-shared-'));
    const limits = { perHour: 12, perClientPerHour: 1000, perAddressPerDay: 3 };
    const one = await startApi({ dir, limits });
    const two = await startApi({ dir, limits });
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => signUp((i % 2 ? one : two).server.url, `two${i}@example.org`)),
      );
      expect(emlIn(one.outbox)).toHaveLength(12);
    } finally {
      await Promise.all([one.server.close(), two.server.close()]);
    }
  });

  it('sends one address at most its daily cap of confirmations, then again the next day', async () => {
    const api = await startApi({ limits: { perHour: 1000, perClientPerHour: 1000, perAddressPerDay: 2 } });
    const saved = now;
    try {
      now = new Date('2026-11-23T07:00:00Z');
      for (let i = 0; i < 5; i++) {
        await signUp(api.server.url, 'daily@example.org');
        now = new Date(now.getTime() + 11 * 60_000);
      }
      expect(emlIn(api.outbox)).toHaveLength(2);
      now = new Date('2026-11-24T07:00:00Z');
      await signUp(api.server.url, 'daily@example.org');
      expect(emlIn(api.outbox)).toHaveLength(3);
    } finally {
      now = saved;
      await api.server.close();
    }
  });

  it('answers a subscribed and an unknown address after the same time', async () => {
    // A mail provider that takes 150 ms: before, only the unknown address paid for it.
    const slowMailer: Mailer = {
      send: () => new Promise((resolve) => setTimeout(() => resolve({ providerId: 'slow' }), 150)),
    };
    const api = await startApi({ minimumAnswerMs: 400, mailer: slowMailer });
    try {
      await api.data.put(
        dataKeys.subscriber('known@example.org'),
        JSON.stringify({
          email: 'known@example.org',
          status: 'confirmed',
          createdAt: '2026-11-01',
          updatedAt: '2026-11-01',
        }),
        { contentType: 'application/json' },
      );
      const time = async (email: string) => {
        const started = performance.now();
        await (await signUp(api.server.url, email)).text();
        return performance.now() - started;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await time('known@example.org'));
        unknown.push(await time(`new${i}@example.org`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;

      expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(395);
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(75);
    } finally {
      await api.server.close();
    }
  });
});
