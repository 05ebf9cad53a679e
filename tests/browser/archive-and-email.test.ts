/**
 * What a reader sees, in Debian's headless Chromium: the archive served from 127.0.0.1 and the
 * email's HTML, at phone and desktop widths; navigation, search, accessibility (axe-core), no
 * script errors, and a hostile feed title that stays text. Screenshots go to test-artifacts/.
 * Skipped with a message where /usr/bin/chromium is missing (.ci/run installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { createFolderStore } from '#adapters/folder-store.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { startStaticServer } from '#adapters/static-server.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { publishEdition } from '#archive/publish-archive.ts';
import { THEME_IDS } from '#domain/types.ts';
import { buildThemeDigests } from '#edition/theme-digests.ts';
import { makeEdition, makeStory } from '#tests/fixtures/editions/make-edition.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const AXE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const PAYLOAD = '<img src=x onerror="window.__xss=1">"><script>window.__xss=2</script>';
/** Script-injection payloads of the kinds seen in the wild, for titles, summaries and links. */
const PAYLOADS = [
  PAYLOAD,
  '<svg onload="window.__xss=3"><circle r=1 /></svg>',
  '<a href="javascript:window.__xss=4">click</a>',
  '<style>body{background:url("javascript:window.__xss=5")}</style>',
  '"><iframe srcdoc="<script>parent.__xss=6</script>">',
  '<div style="width:expression(window.__xss=7)">broken <b><i>markup',
  '</title></head><body onload="window.__xss=8">',
];

describe.skipIf(!present)('in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let out: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    out = join(mkdtempSync(join(tmpdir(), 'browser-')), 'out');
    const run = await runCli(['run', '--offline', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    // A second, hostile edition: a feed title that is a script payload.
    const hostile = {
      ...makeEdition(2),
      id: '2026-11-20',
      title: 'China–Russia Briefing — 2026-11-20',
      generatedAt: '2026-11-20T07:00:00.000Z',
    };
    hostile.stories = [
      makeStory(0, { title: PAYLOAD }),
      ...PAYLOADS.slice(1).map((p, i) =>
        makeStory(i + 1, {
          title: p,
          sentences: [{ text: p, url: 'javascript:window.__xss=9' }],
          articles: [
            {
              title: p,
              url: 'javascript:window.__xss=10',
              source: p,
              perspective: 'western',
              score: 0.9,
              reasons: [p],
            },
          ],
        }),
      ),
    ];
    hostile.themes = buildThemeDigests(
      hostile.stories.map((story) => ({ story })),
      [...THEME_IDS],
    );
    await publishEdition(
      {
        site: createFolderStore(out),
        clock: fixedClock(new Date('2026-11-20T07:00:00Z')),
        logger: silentLogger,
        templates: createEtaTemplates(),
      },
      hostile,
      {
        archiveTitle: 'China–Russia Briefing',
        archiveBaseUrl: 'http://127.0.0.1:8080/',
        apiBaseUrl: 'http://127.0.0.1:8080/api/',
      },
    );
    server = await startStaticServer(out);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors };
  }

  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

  async function seriousViolations(url: string): Promise<string[]> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
    const result = (await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
      const axe = (window as any).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    })) as { violations: { id: string; impact: string; nodes: unknown[] }[] };
    await context.close();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  }

  it.each([375, 1280])(
    'shows the archive home at %i px without errors or horizontal scroll',
    async (width) => {
      const { page, errors } = await open(server.url, width);
      expect(await page.locator('h1').first().textContent()).toContain('China–Russia Briefing');
      expect(await page.locator('svg.chart').count()).toBe(2);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `archive-home-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
    },
  );

  it('follows links to an edition and a theme page', async () => {
    const { page, errors } = await open(server.url, 1280);
    await page.locator('section.latest a').first().click();
    await page.waitForURL(/editions\/2026-11-23\//);
    expect(await page.locator('article.story').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'edition-1280.png'), fullPage: false });
    await page.locator('header nav a', { hasText: 'Energy' }).click();
    await page.waitForURL(/themes\/energy\//);
    expect(await page.locator('h1').textContent()).toBe('Energy');
    expect(await page.locator('ul.timeline li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('finds a known story with the search box', async () => {
    const { page, errors } = await open(server.url, 375);
    await page.fill('#q', 'Power of Siberia');
    await page.click('form.search button');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').first().textContent()).toMatch(
      /Power of Siberia|gas pipeline/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'search-375.png') });
    expect(errors).toEqual([]);
  });

  it('shows a script payload from a feed as text and never runs it', async () => {
    const { page, errors } = await open(`${server.url}editions/2026-11-20/index.html`, 1280);
    expect(await page.locator('article.story h3').first().textContent()).toContain(
      '<script>window.__xss=2</script>',
    );
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('article.story').count()).toBe(PAYLOADS.length);
    for (const theme of ['themes/energy/index.html', 'index.html']) {
      const other = await open(`${server.url}${theme}`, 1280);
      expect(
        await other.page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      ).toBeUndefined();
      expect(await other.page.locator('a[href^="javascript:" i]').count()).toBe(0);
    }
    const search = await open(`${server.url}index.html?q=xss`, 1280);
    await search.page.waitForSelector('#search-results p');
    expect(await search.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect([...errors, ...search.errors].filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });

  it('passes axe-core without serious violations on the home, edition and theme pages', async () => {
    for (const path of ['', 'editions/2026-11-23/index.html', 'themes/energy/index.html']) {
      expect(await seriousViolations(`${server.url}${path}`), path).toEqual([]);
    }
  });

  it.each([375, 1280])('renders the email at %i px without horizontal scroll', async (width) => {
    const { page, errors } = await open(`file://${join(out, 'outbox/preview.html')}`, width);
    expect(await page.locator('h1').first().textContent()).toContain('2026');
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, `email-${width}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('passes axe-core on the email without serious violations', async () => {
    expect(await seriousViolations(`file://${join(out, 'outbox/preview.html')}`)).toEqual([]);
  });
});
