/**
 * What a reader sees, in Debian's headless Chromium: the archive served from 127.0.0.1 and the
 * email's HTML, at phone and desktop widths, in light and dark colour schemes; navigation,
 * search (in English, Russian and Chinese), accessibility (axe-core, no serious finding in either
 * scheme), no script errors, and a hostile feed title that stays text. Screenshots go to
 * test-artifacts/. Skipped with a message where /usr/bin/chromium is missing (.ci/run installs it).
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
const SITE_CONTEXT = {
  archiveTitle: 'China–Russia Briefing',
  archiveBaseUrl: 'http://127.0.0.1:8080/',
  apiBaseUrl: 'http://127.0.0.1:8080/api/',
};
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
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
  let site: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    out = join(mkdtempSync(join(tmpdir(), 'browser-')), 'out');
    site = join(out, 'site');
    const run = await runCli(['run', '--offline', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    const publishDeps = {
      site: createFolderStore(site),
      clock: fixedClock(new Date('2026-11-21T07:00:00Z')),
      logger: silentLogger,
      templates: createEtaTemplates(),
    };
    // An earlier edition whose reports are in Russian and Chinese, found by their own words.
    const foreign = makeEdition(2, {
      id: '2026-11-21',
      title: 'China–Russia Briefing — 2026-11-21',
      generatedAt: '2026-11-21T07:00:00.000Z',
    });
    foreign.stories = [
      makeStory(0, {
        articles: [
          {
            title: '«Газпром» и CNPC не договорились о цене на газ',
            url: 'https://ria.example/gas',
            source: 'РИА Новости',
            perspective: 'russian-state',
            language: 'ru',
            published: '2026-11-21T05:10:00.000Z',
            score: 0.9,
            reasons: ['pair'],
          },
        ],
      }),
      makeStory(1, {
        articles: [
          {
            title: '中俄能源合作继续推进',
            url: 'https://huanqiu.example/energy',
            source: '环球时报',
            perspective: 'chinese-state',
            language: 'zh',
            published: '2026-11-21T04:40:00.000Z',
            score: 0.9,
            reasons: ['pair'],
          },
        ],
      }),
    ];
    foreign.themes = buildThemeDigests(
      foreign.stories.map((story) => ({ story })),
      [...THEME_IDS],
    );
    await publishEdition(publishDeps, foreign, SITE_CONTEXT);
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
    await publishEdition(publishDeps, hostile, SITE_CONTEXT);
    server = await startStaticServer(site);
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

  async function open(
    url: string,
    width: number,
    colorScheme: Scheme = 'light',
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
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

  async function seriousViolations(url: string, colorScheme: Scheme, width = 1280): Promise<string[]> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width, height: 900 },
      colorScheme,
    });
    const page = await context.newPage();
    // Search results (a ?q= link) are part of what is checked: wait for them to be drawn.
    await page.goto(url, { waitUntil: 'networkidle' });
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

  const VIEWS = [375, 1280].flatMap((width) => SCHEMES.map((scheme) => [width, scheme] as const));

  it.each(VIEWS)(
    'shows the archive home at %i px (%s) without errors or horizontal scroll',
    async (width, scheme) => {
      const { page, errors } = await open(server.url, width, scheme);
      expect(await page.locator('h1').first().textContent()).toContain('China–Russia Briefing');
      // One chart while the archive is young, its caption above it.
      expect(await page.locator('svg.chart').count()).toBe(1);
      expect(await page.locator('.trends figure > :first-child').evaluate((el) => el.tagName)).toBe(
        'FIGCAPTION',
      );
      expect(await page.locator('.latest-stories li').count()).toBeGreaterThan(3);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `archive-home-${width}-${scheme}.png`), fullPage: true });
      expect(errors).toEqual([]);
    },
  );

  it.each(VIEWS)(
    'shows an edition page at %i px (%s): contents, neighbours, report times',
    async (width, scheme) => {
      const { page, errors } = await open(`${server.url}editions/2026-11-23/index.html`, width, scheme);
      expect(await page.locator('nav.contents li').count()).toBeGreaterThan(3);
      await page.locator('nav.contents a').first().click();
      expect(await page.evaluate(() => location.hash)).toMatch(/^#theme-/);
      expect(await page.locator('a[rel=prev]').first().getAttribute('href')).toBe('../2026-11-21/index.html');
      expect(await page.locator('.coverage time').count()).toBeGreaterThan(10);
      // The label column of every story's sources is one width, so they line up down the page.
      const widths = await page
        .locator('.coverage dt')
        .evaluateAll((dts) => [...new Set(dts.map((dt) => Math.round(dt.getBoundingClientRect().width)))]);
      expect(widths).toHaveLength(1);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `edition-${width}-${scheme}.png`), fullPage: false });
      expect(errors).toEqual([]);
    },
  );

  it('follows links to an edition and a theme page', async () => {
    const { page, errors } = await open(server.url, 1280);
    await page.locator('section.latest h2 a').first().click();
    await page.waitForURL(/editions\/2026-11-23\//);
    expect(await page.locator('article.story').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'edition-1280.png'), fullPage: false });
    await page.locator('header nav a', { hasText: 'Energy' }).click();
    await page.waitForURL(/themes\/energy\//);
    expect(await page.locator('h1').textContent()).toBe('Energy');
    expect(await page.locator('ul.timeline li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('finds a known story with the search box, showing the passage that matched', async () => {
    const { page, errors } = await open(server.url, 375);
    await page.fill('#q', 'Power of Siberia');
    await page.click('form.search button');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').first().textContent()).toMatch(
      /Power of Siberia|gas pipeline/,
    );
    expect((await page.locator('#search-results li mark').first().textContent())?.toLowerCase()).toMatch(
      /power|siberia/,
    );
    await page.locator('#search-results').screenshot({ path: join(ARTIFACTS, 'search-375.png') });
    expect(errors).toEqual([]);
  });

  it.each([
    ['Газпром', 'Газпром'],
    ['газпром', 'Газпром'],
    ['中俄', '中俄'],
    ['能源合作', '能源合作'],
  ])('finds reporting in its own language: %s', async (query, marked) => {
    const { page, errors } = await open(`${server.url}index.html?q=${encodeURIComponent(query)}`, 1280);
    await page.waitForSelector('#search-results li');
    const hrefs = await page
      .locator('#search-results li > a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith('editions/2026-11-21/'))).toBe(true);
    expect(await page.locator('#search-results mark').first().textContent()).toBe(marked);
    expect(errors).toEqual([]);
  });

  it('scrolls a shared ?q= link to its results', async () => {
    const { page, errors } = await open(`${server.url}index.html?q=Power%20of%20Siberia`, 375);
    await page.waitForSelector('#search-results li');
    await page.waitForFunction(() => window.scrollY > 0);
    const box = await page.locator('#search-results').boundingBox();
    expect(box!.y).toBeLessThan(900);
    expect(box!.y + box!.height).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('says search needs briefing serve when the archive is opened as files', async () => {
    const { page } = await open(`file://${join(site, 'index.html')}?q=gas`, 1280);
    await page.waitForSelector('#search-results p');
    expect(await page.locator('#search-results p').textContent()).toContain('run `briefing serve`');
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

  it.each(SCHEMES)(
    'passes axe-core without serious violations on every kind of page, %s scheme, both widths',
    async (scheme) => {
      for (const width of [375, 1280]) {
        for (const path of [
          '',
          'index.html?q=Power%20of%20Siberia',
          'editions/2026-11-23/index.html',
          'themes/energy/index.html',
          'perspectives/wire/index.html',
        ]) {
          expect(await seriousViolations(`${server.url}${path}`, scheme, width), `${path} ${width}`).toEqual(
            [],
          );
        }
      }
    },
    // Ten pages through axe: minutes on a loaded machine, not the 30 s default.
    180_000,
  );

  it('keeps the Search and Subscribe buttons readable in dark mode (at least 4.5:1)', async () => {
    const { page } = await open(server.url, 1280, 'dark');
    const ratios = await page.locator('footer button').evaluateAll((buttons) => {
      const channel = (c: number) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      return buttons.map((b) => {
        const style = getComputedStyle(b);
        const [hi, lo] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      });
    });
    expect(ratios).toHaveLength(2);
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
  });

  it.each(VIEWS)('renders the email at %i px (%s) without horizontal scroll', async (width, scheme) => {
    const { page, errors } = await open(`file://${join(out, 'outbox/preview.html')}`, width, scheme);
    expect(await page.locator('h1').first().textContent()).toContain('2026');
    expect(await page.locator('.toc a').count()).toBeGreaterThan(3);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, `email-${width}-${scheme}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });

  it.each(SCHEMES)(
    'passes axe-core on the email without serious violations, %s scheme',
    async (scheme) => {
      for (const width of [375, 1280])
        expect(await seriousViolations(`file://${join(out, 'outbox/preview.html')}`, scheme, width)).toEqual(
          [],
        );
    },
    120_000,
  );
});
