import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { type EmailContext, renderEmail, renderQuietDay, wrapText } from '#deliver/render-email.ts';
import type { Edition } from '#domain/types.ts';
import { makeEdition, makeStory, makeThemeDigests } from '#tests/fixtures/editions/sample-edition.ts';
import { safeHref } from '#text/urls.ts';

const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../golden');
const renderer = createEtaTemplates();

const context: EmailContext = {
  archiveTitle: 'China–Russia Briefing',
  editionUrl: 'https://briefing.example.org/editions/2026-11-23/',
  postalAddress: 'Briefing Ltd, 1 Example Street, London EC1A 1AA, United Kingdom',
  maxHtmlBytes: 100_000,
  recipient: {
    email: 'reader@example.org',
    unsubscribeUrl: 'https://briefing.example.org/api/unsubscribe?token=abc.def&v=1',
    preferencesUrl: 'https://briefing.example.org/api/preferences?token=ghi.jkl',
  },
};

const hrefs = (html: string) =>
  [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;])/g, '$1');

/** Compares with a reviewed file; `UPDATE_GOLDEN=1` rewrites it on purpose. */
function expectGolden(name: string, actual: string): void {
  const file = resolve(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`golden file ${name} was missing and has been written: review it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org/', 'http://example.org/'],
    [' https://example.org/x ', 'https://example.org/x'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['mailto:a@example.org', undefined],
    ['/relative/path', undefined],
    ['//example.org/protocol-relative', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('wrapText', () => {
  it.each([
    ['short line', '', '', 'short line'],
    [
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
      '',
      '',
      'one two three four five six seven eight nine ten eleven twelve thirteen\nfourteen fifteen',
    ],
    ['a b c', '   ', '1. ', '1. a b c'],
    ['line\nbreaks\tand  spaces', '', '', 'line breaks and spaces'],
  ])('wraps %j', (text, indent, first, expected) => {
    expect(wrapText(text, indent, first)).toBe(expected);
  });

  it('keeps a long URL whole on its own line', () => {
    const url = `https://example.org/${'x'.repeat(90)}`;
    const lines = wrapText(`see ${url} for more`, '  ').split('\n');
    expect(lines).toEqual(['  see', `  ${url}`, '  for more']);
  });
});

describe('renderEmail', () => {
  const edition = makeEdition(8);
  const email = renderEmail(edition, context, renderer);

  it('has the date, edition, top line, subject and preheader', () => {
    expect(email.subject).toBe(
      'China–Russia Briefing, 23 November 2026: Xi and Putin pledge to deepen “no limits” partnership at Kremlin talks',
    );
    expect(email.html).toContain('<h1');
    expect(email.html).toMatch(/<h1[^>]*>Monday, 23 November 2026<\/h1>/);
    expect(email.html).toContain('Edition 2026-11-23');
    expect(email.html).toMatch(/<h2[^>]*>Top line<\/h2>/);
    for (const item of edition.topLine) expect(email.html).toContain(item.text);
    expect(email.preheader).toBe(
      'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement on Tuesday promising closer coordination on…',
    );
    // The preheader is the first text in the body, hidden, followed by filler.
    const body = email.html.slice(email.html.indexOf('<body'));
    expect(body).toMatch(
      /^<body[^>]*>\s*<div class="preheader" style="display: none;[^"]*">Chinese President/,
    );
  });

  it('has one section per theme with its summary, stories with signal words, and sources by perspective', () => {
    const text = visibleText(email.html);
    expect(email.html).toMatch(/<h2[^>]*>Partnership and summitry<\/h2>/);
    expect(email.html).toMatch(/<h2[^>]*>Energy<\/h2>/);
    expect(text).toContain('Today’s reports restate the established picture of frequent summits');
    // Signal labels are words on a coloured badge: the word carries the meaning.
    expect(email.html).toMatch(
      /<span class="sig sig-reinforces" style="[^"]*background: #e4ecf7;[^"]*">Reinforces<\/span>/,
    );
    expect(email.html).toMatch(/<span class="sig sig-new-development" style="[^"]*">New development<\/span>/);
    expect(email.html).toMatch(/<span class="sig sig-counter-signal" style="[^"]*">Counter-signal<\/span>/);
    // Sources grouped by who is speaking, several outlets to a group.
    // Each report with its time (UTC) and, when not English, its language.
    expect(text).toContain('Wire services: Associated Press (05:57), Reuters (05:36)');
    expect(text).toContain('Russian state: РИА Новости (06:19, Russian)');
    expect(text).toContain('Hong Kong and independent Chinese: South China Morning Post (06:23)');
    // Every article of a shown story links to the article itself.
    const links = hrefs(email.html);
    for (const story of edition.stories)
      for (const article of story.articles) expect(links).toContain(article.url);
    // Each story appears once even though it has two themes.
    expect(
      email.html.match(/Power of Siberia 2 pipeline talks stall again over gas price<\/a><\/h3>/g),
    ).toHaveLength(1);
    expect(text).toContain(
      'Also on this theme: “Power of Siberia 2 pipeline talks stall again over gas price” (under Energy)',
    );
    expect(text).toContain('No significant developments today on:');
  });

  it('has the failed-sources block, web version, unsubscribe and preferences links and the postal line', () => {
    expect(visibleText(email.html)).toContain('Sources unavailable today: Kommersant.');
    expect(email.html).not.toContain('HTTP 503');
    const links = hrefs(email.html);
    expect(links).toContain(context.editionUrl);
    expect(links).toContain(context.recipient!.unsubscribeUrl);
    expect(links).toContain(context.recipient!.preferencesUrl);
    expect(email.html).toMatch(/>Unsubscribe<\/a>/);
    expect(email.html).toMatch(/>Choose your themes<\/a>/);
    expect(email.html).toContain(context.postalAddress);
  });

  it('names at most three stories under other themes and counts the rest', () => {
    // Forty stories: each theme has four filed first under another theme.
    const busy = renderEmail(makeEdition(40), context, renderer);
    const lines = [...busy.text.replace(/\s+/g, ' ').matchAll(/Also on this theme: (.+?)\.(?= |$)/g)].map(
      (m) => m[1]!,
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.match(/\(under /g)!.length).toBeLessThanOrEqual(3);
    expect(lines.some((l) => /; and \d+ more under other themes$/.test(l))).toBe(true);
    expect(visibleText(busy.html)).toMatch(/and \d+ more under other themes\./);
    expect(busy.text).toMatch(/and \d+ more under\s+other themes\./);
  });

  it('omits the failed-sources block when every source worked', () => {
    const clean = renderEmail(makeEdition(3, { failedSource: false }), context, renderer);
    expect(clean.html).not.toContain('Sources unavailable today');
    expect(clean.text).not.toContain('Sources unavailable today');
  });

  it('is email-safe: tables, inlined CSS, dark mode, no scripts, remote assets or tracking, absolute links', () => {
    const html = email.html;
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|<object|<embed|@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toMatch(/<table role="presentation" class="card"[^>]*style="[^"]*max-width: 640px;/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    // Everything but the media queries is inlined: one <style> block, holding only @media rules.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.replace(/@media[^{]+\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '').trim()).toBe('');
    expect(html).toMatch(/<p class="body" style="[^"]*font-size: 16px;/);
    const links = hrefs(html);
    expect(links.length).toBeGreaterThan(20);
    for (const href of links) expect(new URL(href).protocol).toBe('https:');
  });

  it('prints a theme with nothing of its own to add as its heading and stories, no empty paragraph', () => {
    const bare = {
      ...edition,
      themes: edition.themes.map((t) => (t.id === 'energy' ? { ...t, summary: '' } : t)),
    };
    const out = renderEmail(bare, context, renderer);
    const section = out.html.slice(out.html.indexOf('id="theme-energy"'));
    expect(section).toMatch(/^id="theme-energy"[^>]*>Energy<\/h2>\s*<(?!p class="lede")/);
    expect(out.html).not.toMatch(/<p class="lede"[^>]*>\s*<\/p>/);
    expect(out.text).toMatch(/\nENERGY\n======\n\n\S/);
    expect(out.text).not.toMatch(/\n{4,}/);
  });

  it('renders the plain text from the same data: headings, wrapped lines, URLs listed, no markup', () => {
    const text = email.text;
    expect(text).toMatch(
      /^CHINA–RUSSIA BRIEFING\n\nMonday, 23 November 2026 · Edition 2026-11-23 · times UTC\n/,
    );
    expect(text).toContain('\nIN THIS EDITION\n  Partnership and summitry: 2 stories\n');
    expect(text).toContain('\nTOP LINE\n--------\n1. Chinese President Xi Jinping');
    expect(text).toContain('\nPARTNERSHIP AND SUMMITRY\n========================\n');
    expect(text).toContain('  [COUNTER-SIGNAL]');
    expect(text).toContain('Web version: https://briefing.example.org/editions/2026-11-23/');
    expect(text).toContain(`Unsubscribe: ${context.recipient!.unsubscribeUrl}`);
    expect(text).toContain(`Choose your themes: ${context.recipient!.preferencesUrl}`);
    expect(text).toContain('Sources unavailable today: Kommersant.');
    expect(text).toContain(context.postalAddress);
    for (const story of edition.stories) for (const a of story.articles) expect(text).toContain(a.url);
    expect(text).not.toMatch(/<\/?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);/i);
    for (const line of text.split('\n')) {
      if (!/https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(72);
      expect(line).toBe(line === '-- ' ? '-- ' : line.trimEnd());
    }
    expect(text).not.toMatch(/\n{4,}/);
  });

  it('escapes hostile feed text and never links a non-http URL', () => {
    const hostile: Edition = makeEdition(2, {
      overrides: {
        stories: [
          makeStory(0, {
            title: '<script>alert(1)</script><img src=x onerror=alert(2)>',
            sentences: [{ text: '"><svg onload=alert(3)> & more', url: 'javascript:alert(4)' }],
            articles: [
              {
                title: 'x',
                url: 'javascript:alert(5)',
                source: '<b onmouseover=alert(6)>Evil Source</b>',
                perspective: 'other',
                score: 1,
                reasons: [],
              },
              {
                title: 'y',
                url: 'data:text/html,<script>alert(7)</script>',
                source: 'Data Source',
                perspective: 'wire',
                score: 1,
                reasons: [],
              },
            ],
          }),
        ],
        topLine: [{ text: '<i>Top</i> line', url: 'javascript:alert(8)' }],
        sources: [
          {
            name: '<script>alert(9)</script>',
            url: 'https://x.example/',
            status: 'failed',
            error: '<b>',
            items: 0,
          },
        ],
      },
    });
    hostile.themes = makeThemeDigests(hostile.stories).map((t) => ({
      ...t,
      summary: `${t.summary} <img src=x>`,
    }));
    const out = renderEmail(hostile, context, renderer);
    // Payloads show as text; no tag and no event-handler attribute reaches the markup.
    expect(out.html).not.toMatch(/<(script|img|svg|b|i)\b/i);
    expect(out.html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(out.html).not.toMatch(/javascript:|data:text/i);
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(out.html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt; &amp; more');
    // Sources with unusable URLs stay visible, as text without a link.
    expect(out.html).toMatch(
      /<strong>Other:<\/strong> &lt;b onmouseover=alert\(6\)&gt;Evil Source&lt;\/b&gt;<\/p>/,
    );
    expect(out.html).toMatch(/<strong>Wire services:<\/strong> Data Source<\/p>/);
    for (const href of hrefs(out.html)) expect(href).toMatch(/^https:\/\//);
    // The text part is text/plain: the same words verbatim, nothing entity-escaped, no bad URL.
    expect(out.text).toContain('* <script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(out.text).not.toMatch(/javascript:|data:text/);
    expect(out.subject).not.toMatch(/[\r\n]/);
  });

  it('strips line breaks and control characters from feed text, so the subject is a safe header', () => {
    const edition = makeEdition(1, {
      overrides: { stories: [makeStory(0, { title: 'Line one\r\nBcc: victim@example.org\u0000' })] },
    });
    const out = renderEmail(edition, context, renderer);
    expect(out.subject).toBe('China–Russia Briefing, 23 November 2026: Line one Bcc: victim@example.org');
  });

  it('shows only the chosen themes, with the top line always present', () => {
    const filtered = renderEmail(
      edition,
      { ...context, recipient: { ...context.recipient!, themes: ['energy', 'military'] } },
      renderer,
    );
    const sectionTitles = [...filtered.html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(sectionTitles).toEqual(['Top line', 'In this edition', 'Energy', 'Military cooperation']);
    for (const item of edition.topLine) expect(filtered.html).toContain(item.text);
    expect(filtered.html).toContain('Showing your themes: Energy, Military cooperation.');
    expect(filtered.text).toContain('Showing your themes: Energy, Military cooperation.');
    expect(filtered.text).not.toContain('PARTNERSHIP AND SUMMITRY');
    const byId = new Map(edition.stories.map((s) => [s.id, s]));
    expect(filtered.includedStoryIds.length).toBeGreaterThan(0);
    for (const id of filtered.includedStoryIds)
      expect(byId.get(id)!.themes.some((t) => t === 'energy' || t === 'military')).toBe(true);
    // A story outside the chosen themes is not in the sections (it may still lead the top line).
    expect(filtered.html).not.toContain('BRICS finance ministers discuss');
  });

  it('says so when none of the chosen themes has a story', () => {
    const out = renderEmail(
      makeEdition(2),
      { ...context, recipient: { ...context.recipient!, themes: ['narrative-history'] } },
      renderer,
    );
    expect(out.includedStoryIds).toEqual([]);
    expect(out.omittedStoryCount).toBe(0);
    expect(out.html).toMatch(/<h2[^>]*>Top line<\/h2>/);
    expect(visibleText(out.html)).toContain('None of today’s stories falls under your themes.');
  });

  it('puts stories whose themes the edition does not cover under "Other developments"', () => {
    const stories = [makeStory(0), makeStory(1)];
    const out = renderEmail(
      makeEdition(2, { overrides: { stories, themes: makeThemeDigests(stories, ['energy']) } }),
      context,
      renderer,
    );
    expect(out.html).toMatch(/<h2[^>]*>Other developments<\/h2>/);
    expect(out.includedStoryIds).toEqual(['story-000', 'story-001']);
  });

  it('keeps a heavy day of 60+ stories under 100 KB, moving the lowest-ranked ones to the web version', () => {
    const heavy = makeEdition(65);
    const out = renderEmail(heavy, context, renderer);
    expect(Buffer.byteLength(out.html)).toBeLessThan(100_000);
    expect(out.omittedStoryCount).toBeGreaterThan(0);
    expect(out.includedStoryIds.length + out.omittedStoryCount).toBe(65);
    // The highest-ranked stories stay; what moves is the tail of the ranking.
    const ranked = [...heavy.stories].sort((a, b) => b.rank - a.rank).map((s) => s.id);
    expect(out.includedStoryIds).toEqual(ranked.slice(0, out.includedStoryIds.length));
    expect(visibleText(out.html)).toContain(`${out.omittedStoryCount} more stories in the web version`);
    expect(out.html).toMatch(
      /<a href="https:\/\/briefing\.example\.org\/editions\/2026-11-23\/#theme-energy"[^>]*>\d+ more stor(y|ies) on Energy in the web version<\/a>/,
    );
    expect(out.text).toMatch(
      new RegExp(
        `${out.omittedStoryCount} more\\s+are in the web version:\\nhttps://briefing\\.example\\.org/editions/2026-11-23/\\n`,
      ),
    );
    // Every story that is left out is accounted for in some section's "more" link.
    const perSection = [...visibleText(out.html).matchAll(/(\d+) more stor(?:y|ies) on /g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(perSection).toBe(out.omittedStoryCount);
  });

  it('fits as many stories as the budget allows, and all of them when it is generous', () => {
    const heavy = makeEdition(65);
    const tight = renderEmail(heavy, { ...context, maxHtmlBytes: 50_000 }, renderer);
    const normal = renderEmail(heavy, context, renderer);
    const generous = renderEmail(heavy, { ...context, maxHtmlBytes: 1_000_000 }, renderer);
    expect(Buffer.byteLength(tight.html)).toBeLessThanOrEqual(50_000);
    expect(tight.includedStoryIds.length).toBeLessThan(normal.includedStoryIds.length);
    expect(generous.includedStoryIds).toHaveLength(65);
    expect(generous.omittedStoryCount).toBe(0);
    expect(generous.html).not.toContain('in the web version');
  });

  it('gives each recipient their own links under the same budget, however long their links are', () => {
    const heavy = makeEdition(65);
    const long = `https://briefing.example.org/api/unsubscribe?token=${'t'.repeat(900)}`;
    const a = renderEmail(heavy, context, renderer);
    const b = renderEmail(
      heavy,
      { ...context, recipient: { ...context.recipient!, email: 'b@example.org', unsubscribeUrl: long } },
      renderer,
    );
    expect(hrefs(a.html)).not.toContain(long);
    expect(hrefs(b.html)).toContain(long);
    expect(Buffer.byteLength(b.html)).toBeLessThan(100_000);
    expect(b.includedStoryIds.length).toBeLessThanOrEqual(a.includedStoryIds.length);
  });

  it('measures again when the same edition object grew after an earlier render', () => {
    const growing = makeEdition(30);
    expect(renderEmail(growing, context, renderer).omittedStoryCount).toBe(0);
    growing.stories = growing.stories.map((story) => ({
      ...story,
      sentences: story.sentences.map((x) => ({ ...x, text: `${x.text} `.repeat(6).trim() })),
    }));
    const out = renderEmail(growing, context, renderer);
    expect(Buffer.byteLength(out.html)).toBeLessThan(100_000);
    expect(out.omittedStoryCount).toBeGreaterThan(0);
  });

  it('renders a preview without recipient links', () => {
    const preview = renderEmail(edition, { ...context, recipient: undefined }, renderer);
    expect(preview.html).not.toContain('Unsubscribe');
    expect(preview.html).toContain(context.postalAddress);
  });

  it('matches the reviewed golden files for a small edition', () => {
    const small = renderEmail(makeEdition(4), context, renderer);
    expectGolden('email-small.html', small.html);
    expectGolden('email-small.txt', small.text);
  });
});

describe('renderEmail: finding the way in a long edition', () => {
  const edition = makeEdition(12);
  const email = renderEmail(edition, context, renderer);

  it("lists the themes with their story counts, linking to the web version's sections", () => {
    const toc =
      /<h2[^>]*>In this edition<\/h2>\s*<p class="toc"[^>]*>([\s\S]*?)<\/p>/.exec(email.html)?.[1] ?? '';
    const entries = [...toc.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>&nbsp;\((\d+)\)/g)].map((m) => [
      m[1],
      m[2],
      Number(m[3]),
    ]);
    expect(entries.length).toBe(
      edition.themes.filter((t) => edition.stories.some((s) => s.themes.includes(t.id))).length,
    );
    expect(entries[0]).toEqual([
      `${context.editionUrl}#theme-alliance-diplomacy`,
      'Partnership and summitry',
      4,
    ]);
    for (const [, title, count] of entries) {
      const theme = edition.themes.find((t) => t.title === title)!;
      expect(count).toBe(
        edition.stories.filter((s) => s.themes.includes(theme.id) || theme.storyIds.includes(s.id)).length,
      );
    }
  });

  it('links to its own sections when there is no web version to link to', () => {
    const own = renderEmail({ ...edition, kind: 'ad-hoc', private: true }, context, renderer);
    expect(own.html).toContain('<a href="#theme-energy"');
    expect(own.html).toMatch(/<h2 id="theme-energy"[^>]*>Energy<\/h2>/);
    expect(hrefs(own.html).some((h) => h.startsWith(context.editionUrl))).toBe(false);
  });
});

describe('renderEmail: stories and their reports', () => {
  const base = makeEdition(3);
  const single = makeStory(0, {
    title: 'Mongolia counts the cost as Russia-China pipeline talks drag on',
    themes: ['energy'],
    sentences: [
      {
        text: 'Mongolia counts the cost as Russia-China pipeline talks drag on',
        url: 'https://biz.example/m',
      },
    ],
    articles: [
      {
        title: 'Mongolia counts the cost as Russia-China pipeline talks drag on',
        url: 'https://biz.example/m',
        source: 'Pacific Business Daily',
        perspective: 'regional',
        published: '2026-11-22T20:23:00Z',
        score: 0.8,
        reasons: ['pair'],
      },
    ],
  });

  it('shows a single-source story with its outlet and time, never its headline twice', () => {
    const out = renderEmail(
      { ...base, stories: [single], themes: makeThemeDigests([single]) },
      context,
      renderer,
    );
    const story = /<div class="story"[\s\S]*?<\/div>/.exec(out.html)![0];
    expect(story.match(/Mongolia counts the cost/g)).toHaveLength(1);
    expect(story).not.toContain('class="body"');
    expect(visibleText(story)).toContain('Regional: Pacific Business Daily (22 Nov 20:23)');
    expect(out.text).toContain('    Pacific Business Daily (22 Nov 20:23): https://biz.example/m');
    const block = /\n\* Mongolia counts the cost[\s\S]*?\n\n/.exec(out.text)![0];
    expect(block.match(/Mongolia counts the cost/g)).toHaveLength(1);
  });

  it('shows what the edition adds when present: novelty, an inferred perspective, an English headline, no signal', () => {
    const story = makeStory(1, {
      title: 'Путин и Си провели переговоры',
      novelty: { kind: 'continuing', text: 'Second day of coverage.' },
      articles: [
        {
          title: 'Путин и Си провели переговоры',
          titleEnglish: 'Putin and Xi held talks',
          url: 'https://ria.example/a',
          source: 'РИА Новости',
          perspective: 'russian-state',
          perspectiveInferred: true,
          language: 'ru',
          published: '2026-11-23T06:00:00Z',
          score: 0.9,
          reasons: ['pair'],
        },
      ],
    });
    delete story.signal;
    const out = renderEmail({ ...base, stories: [story] }, context, renderer);
    const text = visibleText(out.html);
    expect(text).toContain('Second day of coverage.');
    expect(text).toContain('In English: Putin and Xi held talks');
    expect(text).toContain('Russian state (inferred): РИА Новости (06:00, Russian)');
    expect(out.html).not.toContain('class="sig');
    expect(out.text).toContain('  Second day of coverage.');
    expect(out.text).toContain('  In English: Putin and Xi held talks');
    expect(out.text).not.toContain('[');
  });
});

describe('renderEmail: the first edition, and outlets by name', () => {
  const first = {
    kind: 'first-edition' as const,
    text: 'First edition of the briefing: nothing earlier to compare with.',
  };
  const edition = makeEdition(3);
  edition.stories = edition.stories.map((s, i) =>
    i === 0
      ? {
          ...s,
          novelty: first,
          articles: [
            {
              ...s.articles[0]!,
              source: 'NY times - World',
              url: 'https://www.nytimes.com/2026/11/23/world/x.html',
            },
          ],
        }
      : { ...s, novelty: first },
  );
  edition.topLine = [{ text: 'Xi and Putin met.', url: 'https://www.nytimes.com/2026/11/23/world/x.html' }];
  const out = renderEmail(edition, context, renderer);

  it('says once, in the heading, that nothing earlier exists to compare with', () => {
    expect(visibleText(out.html).match(/First edition of the briefing/g)).toHaveLength(1);
    expect(out.text.match(/First edition of the briefing/g)).toHaveLength(1);
    expect(out.html).not.toContain('class="novelty"');
  });

  it('links a top-line report by its outlet, unless the sentence already names it', () => {
    const named = {
      ...edition,
      topLine: [
        { text: 'Xi and Putin met, The New York Times reports.', url: edition.topLine[0]!.url },
        { text: 'Xi and Putin met.', url: edition.topLine[0]!.url },
      ],
    };
    const html = renderEmail(named, context, renderer).html;
    expect(html).toMatch(
      /The New York Times reports\. <a href="https:\/\/www\.nytimes\.com[^"]*"[^>]*>Read the report<\/a>/,
    );
    expect(html).toMatch(
      /Xi and Putin met\. <a href="https:\/\/www\.nytimes\.com[^"]*"[^>]*>The New York Times<\/a>/,
    );
  });

  it('names an outlet as readers know it, not by its feed’s title', () => {
    expect(visibleText(out.html)).toContain('The New York Times');
    expect(out.html).not.toContain('NY times');
    expect(out.text).not.toContain('NY times');
  });
});

describe('renderEmail: an ad-hoc briefing', () => {
  const adHoc: Edition = {
    ...makeEdition(3),
    id: '2026-11-23-adhoc-k3x9q1',
    kind: 'ad-hoc',
    private: true,
    query: 'Power of Siberia',
    generatedAt: '2026-11-23T07:00:00.000Z',
    window: { from: '2026-11-20T07:00:00.000Z', to: '2026-11-23T07:00:00.000Z' },
  };
  const analyst = {
    ...context,
    recipient: { ...context.recipient!, email: 'analyst@example.org' },
  };
  const out = renderEmail(adHoc, analyst, renderer);

  it('names the question and the window in the subject and the heading', () => {
    expect(out.subject).toBe('Power of Siberia, last 72 hours · China–Russia Briefing');
    expect(out.html).toMatch(/<h1[^>]*>Power of Siberia<\/h1>/);
    expect(visibleText(out.html)).toContain(
      'Ad-hoc briefing, last 72 hours (20 Nov 07:00 – 23 Nov 07:00 UTC)',
    );
    expect(out.text).toContain('Power of Siberia: ad-hoc briefing, last 72 hours');
  });

  it('says whom it was prepared for and carries no subscriber controls or daily wording', () => {
    const text = visibleText(out.html);
    expect(text).toContain(
      'An ad-hoc briefing of China–Russia Briefing, prepared for analyst@example.org on request: “Power of Siberia”',
    );
    expect(text).toContain('It is private: not part of the public archive.');
    for (const phrase of [
      'daily digest',
      'Unsubscribe',
      'Choose your themes',
      'today’s stories',
      'Read on the web',
    ])
      expect(text).not.toContain(phrase);
    const links = hrefs(out.html);
    expect(links).not.toContain(analyst.recipient.unsubscribeUrl);
    expect(links).not.toContain(analyst.recipient.preferencesUrl);
    expect(links).not.toContain(analyst.editionUrl);
    expect(out.text.replace(/\s+/g, ' ')).toContain('prepared for analyst@example.org on request');
    expect(out.text).not.toMatch(/Unsubscribe|daily digest|Web version/);
  });

  it('links its web version once it is published', () => {
    const published = renderEmail({ ...adHoc, private: false }, analyst, renderer);
    expect(hrefs(published.html)).toContain(analyst.editionUrl);
    expect(visibleText(published.html)).not.toContain('It is private');
  });

  it('names the window by its dates when it does not end at the run', () => {
    const past = renderEmail(
      {
        ...adHoc,
        query: undefined,
        themes: adHoc.themes.filter((t) => t.id === 'energy'),
        window: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' },
      },
      analyst,
      renderer,
    );
    expect(past.subject).toBe('Energy, 1 Nov 00:00 – 8 Nov 00:00 UTC · China–Russia Briefing');
  });

  it('says nothing was found rather than a quiet day', () => {
    const nothing = renderQuietDay({ ...adHoc, stories: [], topLine: [] }, analyst, renderer);
    expect(nothing.subject).toBe('Power of Siberia, last 72 hours · China–Russia Briefing: nothing found');
    expect(visibleText(nothing.html)).toContain('matching “Power of Siberia” between');
    expect(nothing.html).toMatch(/<h2[^>]*>Nothing found<\/h2>/);
  });
});

describe('renderQuietDay', () => {
  const quiet = renderQuietDay(makeEdition(0), context, renderer);

  it('sends a short note with the window, the failed sources and the footer', () => {
    expect(quiet.subject).toBe('China–Russia Briefing, 23 November 2026: a quiet day');
    expect(quiet.html).toMatch(/<h2[^>]*>A quiet day<\/h2>/);
    expect(visibleText(quiet.html)).toContain(
      'None of the 6 monitored sources reported a significant development in China–Russia relations between 22 November',
    );
    expect(visibleText(quiet.html)).toContain('Sources unavailable today: Kommersant.');
    expect(hrefs(quiet.html)).toEqual(
      expect.arrayContaining([
        context.editionUrl,
        context.recipient!.unsubscribeUrl,
        context.recipient!.preferencesUrl,
      ]),
    );
    expect(quiet.html).toContain('prefers-color-scheme: dark');
    expect(quiet.text).toContain('A QUIET DAY');
    expect(quiet.text).toContain(`Unsubscribe: ${context.recipient!.unsubscribeUrl}`);
    expect(quiet.includedStoryIds).toEqual([]);
  });

  it('names the configured topic', () => {
    const note = renderQuietDay(makeEdition(0), { ...context, topic: 'Arctic shipping' }, renderer);
    expect(note.text).toMatch(/development in\s+Arctic\s+shipping\s+between/);
  });
});
