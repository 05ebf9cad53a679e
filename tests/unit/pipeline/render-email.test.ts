import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../../functions/pipeline/compose-mime.ts';
import { renderEmail, renderQuietDay } from '../../../functions/pipeline/render-email.ts';
import { makeEdition, makeStory } from '../../fixtures/editions/make-edition.ts';

const context = {
  archiveTitle: 'China–Russia Briefing',
  editionUrl: 'https://briefing.example.org/editions/2026-11-23/',
  postalAddress: 'Briefing, 1 Example Street, London',
  maxHtmlBytes: 100_000,
  recipient: {
    email: 'reader@example.org',
    unsubscribeUrl: 'https://briefing.example.org/api/unsubscribe?token=abc',
    preferencesUrl: 'https://briefing.example.org/api/preferences?token=def',
  },
};

describe('renderEmail', () => {
  const edition = makeEdition(12);
  const email = renderEmail(edition, context);

  it('has the date, top line, sections, signal labels, sources by perspective, web and footer links', () => {
    expect(email.subject).toMatch(/^China–Russia Briefing, 23 November 2026: /);
    expect(email.html).toContain('Monday, 23 November 2026');
    expect(email.html).toContain('Top line');
    expect(email.html).toContain('Partnership and summitry');
    expect(email.html).toMatch(/New development|Counter-signal|Reinforces/);
    expect(email.html).toContain('Western:');
    expect(email.html).toContain('Sources unavailable today');
    expect(email.html).toContain('Broken Source');
    expect(email.html).toContain('href="https://briefing.example.org/api/unsubscribe?token=abc"');
    expect(email.html).toContain('href="https://briefing.example.org/api/preferences?token=def"');
    expect(email.html).toContain('Briefing, 1 Example Street, London');
    expect(email.preheader.length).toBeGreaterThan(20);
  });

  it('is email-safe: no scripts, no external CSS or images, inlined styles, every link absolute', () => {
    expect(email.html).not.toMatch(/<script|<link[^>]+stylesheet|<img/i);
    expect(email.html).toMatch(/style="[^"]*font/);
    expect(email.html).toContain('prefers-color-scheme: dark');
    for (const [, href] of email.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
  });

  it('renders the plain text from the same data', () => {
    expect(email.text).toContain('TOP LINE');
    expect(email.text).toContain('== PARTNERSHIP AND SUMMITRY ==');
    expect(email.text).toContain('Unsubscribe: https://briefing.example.org/api/unsubscribe?token=abc');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('escapes hostile feed text and drops non-http links', () => {
    const hostile = makeEdition(1, {
      stories: [
        makeStory(0, {
          title: '<script>alert(1)</script><img src=x onerror=alert(2)>',
          sentences: [{ text: '"><svg onload=alert(3)>', url: 'javascript:alert(4)' }],
        }),
      ],
    });
    const out = renderEmail(hostile, context);
    expect(out.html).not.toContain('<script>alert');
    expect(out.html).not.toContain('<img src=x');
    expect(out.html).not.toContain('<svg');
    expect(out.html).not.toContain('javascript:');
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('keeps a heavy day under 100 KB by moving lower-ranked stories to the web version', () => {
    const heavy = renderEmail(makeEdition(70), context);
    expect(Buffer.byteLength(heavy.html)).toBeLessThan(100_000);
    expect(heavy.omittedStoryCount).toBeGreaterThan(0);
    expect(heavy.includedStoryIds).toContain('story-000');
    expect(heavy.html).toMatch(/more stor(y|ies) in the web version/);
    expect(heavy.includedStoryIds.length + heavy.omittedStoryCount).toBe(70);
  });

  it('shows only the chosen themes, with the top line always present', () => {
    const filtered = renderEmail(edition, {
      ...context,
      recipient: { ...context.recipient, themes: ['energy'] },
    });
    expect(filtered.html).toContain('Top line');
    expect(filtered.html).toContain('>Energy<');
    expect(filtered.html).not.toContain('>Military cooperation<');
  });

  it('renders a quiet-day note', () => {
    const quiet = renderQuietDay(makeEdition(0), context);
    expect(quiet.subject).toContain('a quiet day');
    expect(quiet.html).toContain('A quiet day');
  });
});

describe('composeMessage', () => {
  it('builds multipart/alternative UTF-8 MIME with the list headers of RFC 2369/8058 and the SES configuration set', async () => {
    const { raw, messageId } = await composeMessage({
      from: 'briefing@example.org',
      fromName: 'China–Russia Briefing',
      to: 'reader@example.org',
      subject: 'Сводка: 中俄',
      html: '<p>Привет</p>',
      text: 'Привет',
      messageIdDomain: 'example.org',
      date: new Date('2026-11-23T07:00:00Z'),
      listId: 'china-russia.briefing.example.org',
      unsubscribeUrl: 'https://briefing.example.org/api/unsubscribe?token=abc',
      unsubscribeMailto: 'unsubscribe@example.org',
      configurationSet: 'briefing-config',
      editionId: '2026-11-23',
    });
    const text = raw.toString('utf8');
    const headers = text.split('\r\n\r\n')[0]!.replace(/\r\n\s+/g, ' ');
    expect(messageId).toMatch(/^<2026-11-23\.[0-9a-f]{32}@example\.org>$/);
    expect(headers).toContain(`Message-ID: ${messageId}`);
    expect(headers).toContain('Date: Mon, 23 Nov 2026 07:00:00 +0000');
    expect(headers).toContain('List-ID: <china-russia.briefing.example.org>');
    expect(headers).toMatch(
      /List-Unsubscribe: <https:\/\/briefing\.example\.org\/api\/unsubscribe\?token=abc>, <mailto:unsubscribe@example\.org\?subject=/,
    );
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(headers).toMatch(/X-SES-CONFIGURATION-SET: briefing-config/i);
    expect(headers).toContain('Content-Type: multipart/alternative');
    expect(text).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(text).toMatch(/Content-Type: text\/html; charset=utf-8/);
    const again = await composeMessage({
      from: 'briefing@example.org',
      to: 'reader@example.org',
      subject: 's',
      html: 'h',
      text: 't',
      messageIdDomain: 'example.org',
      date: new Date(),
      listId: 'l.example.org',
      unsubscribeUrl: 'https://x.example.org/u',
      editionId: '2026-11-23',
    });
    expect(again.messageId).toBe(messageId);
  });

  it('refuses header injection', async () => {
    await expect(
      composeMessage({
        from: 'a@example.org',
        to: 'b@example.org\r\nBcc: c@example.org',
        subject: 's',
        html: 'h',
        text: 't',
        messageIdDomain: 'example.org',
        date: new Date(),
        listId: 'l.example.org',
        unsubscribeUrl: 'https://x.example.org/u',
        editionId: 'e',
      }),
    ).rejects.toThrowError('to: must not contain line breaks');
  });
});
