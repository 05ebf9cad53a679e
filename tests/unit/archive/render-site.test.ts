import { type CheerioAPI, load } from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import {
  type ArchiveRecord,
  archiveRecordOf,
  buildSearchDocuments,
  contentSecurityPolicy,
  mergeRecords,
  neighboursOf,
  perspectiveCounts,
  renderEditionPage,
  renderEditionsFeed,
  renderHomePage,
  renderNotFoundPage,
  renderPerspectivePage,
  renderThemeFeed,
  renderThemePage,
  themeChartSvg,
} from '#archive/render-site.ts';
import { type Edition, PERSPECTIVES, type Story, THEME_IDS } from '#domain/types.ts';
import { makeEdition, makeStory, makeThemeDigests } from '#tests/fixtures/editions/sample-edition.ts';

const context = {
  archiveTitle: 'China–Russia Briefing',
  archiveBaseUrl: 'https://briefing.example.org/archive/',
  apiBaseUrl: 'https://briefing.example.org/api/',
};
const renderer = createEtaTemplates();

const PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(document.cookie)';

function hostileEdition(): Edition {
  const base = makeEdition(4, { id: '2026-11-05' });
  const evil: Story = makeStory(9, {
    id: 'story-evil',
    title: `${PAYLOAD} & "quotes"`,
    summary: `Summary ${PAYLOAD}`,
    sentences: [{ text: `Sentence ${PAYLOAD}`, url: JS_URL }],
    signalReasons: [`reason ${PAYLOAD}`],
    articles: [
      {
        title: `Article ${PAYLOAD}`,
        url: JS_URL,
        source: `Source ${PAYLOAD}`,
        perspective: 'wire',
        score: 0.9,
        reasons: [],
      },
      {
        title: 'Data link',
        url: 'data:text/html,<script>alert(1)</script>',
        source: 'Data outlet',
        perspective: 'western',
        score: 0.8,
        reasons: [],
      },
    ],
  });
  return {
    ...base,
    title: `Briefing ${PAYLOAD}`,
    query: `query ${PAYLOAD}`,
    topLine: [{ text: `Top ${PAYLOAD}`, url: JS_URL }, ...base.topLine],
    stories: [evil, ...base.stories],
    themes: base.themes.map((t, i) =>
      i === 0 ? { ...t, summary: `Theme ${PAYLOAD}`, storyIds: ['story-evil', ...t.storyIds] } : t,
    ),
    sources: [
      ...base.sources,
      { name: `Feed ${PAYLOAD}`, url: JS_URL, status: 'failed', error: `HTTP ${PAYLOAD}`, items: 0 },
    ],
  };
}

/** What every archive page must satisfy whatever the feeds contained. */
function expectSafePage(html: string, label: string): CheerioAPI {
  const $ = load(html);
  // The only scripts are external files of the site itself.
  $('script').each((_, el) => {
    expect($(el).attr('src'), label).toMatch(/^(\.\.\/)*assets\/search\.js$/);
    expect($(el).text(), label).toBe('');
  });
  expect($('style').length, label).toBe(0);
  $('*').each((_, el) => {
    for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      expect(name.toLowerCase().startsWith('on'), `${label}: ${name}`).toBe(false);
      expect(name.toLowerCase(), label).not.toBe('style');
    }
  });
  // Links are http(s) or relative; nothing with another scheme, nothing protocol-relative.
  $('[href], [src], [action]').each((_, el) => {
    for (const attr of ['href', 'src', 'action']) {
      const value = $(el).attr(attr);
      if (value === undefined) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        // The favicon placeholder is the one data: URL, allowed by img-src data:.
        if ($(el).is('link[rel=icon]') && value === 'data:,') continue;
        expect(value, `${label}: ${attr}`).toMatch(/^https?:\/\//);
      } else {
        expect(value.startsWith('//'), `${label}: ${attr}=${value}`).toBe(false);
      }
    }
  });
  expect($('meta[http-equiv="Content-Security-Policy"]').attr('content'), label).toBe(
    contentSecurityPolicy(context),
  );
  expect(html, label).not.toContain('<script>alert');
  expect(html, label).not.toContain('<img src=x');
  // Landmarks and one top heading for screen readers and keyboard users.
  expect($('header').length, label).toBe(1);
  expect($('nav').length, label).toBeGreaterThan(0);
  expect($('main#main').length, label).toBe(1);
  expect($('footer').length, label).toBe(1);
  expect($('a.skip[href="#main"]').length, label).toBe(1);
  expect($('h1').length, label).toBe(1);
  expect($('html').attr('lang'), label).toBe('en');
  return $;
}

describe('contentSecurityPolicy', () => {
  it('allows only the site itself, and the API origin for the form when it differs', () => {
    expect(contentSecurityPolicy(context)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'",
    );
    expect(contentSecurityPolicy({ ...context, apiBaseUrl: 'https://api.example.net/prod/' })).toContain(
      "form-action 'self' https://api.example.net;",
    );
  });
});

describe('renderEditionPage', () => {
  const edition = hostileEdition();
  const html = renderEditionPage(edition, context, renderer);

  it('escapes feed-derived text, links only http(s) URLs, and has no inline script, style or handler', () => {
    const $ = expectSafePage(html, 'edition');
    expect($('h1').text()).toBe(edition.title);
    expect($('#story-story-evil h3').text().trim()).toBe(`${PAYLOAD} & "quotes"`);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text/html');
    expect($('link[rel=canonical]').attr('href')).toBe(
      'https://briefing.example.org/archive/editions/2026-11-05/',
    );
    expect($('a[href="edition.json"]').length).toBe(1);
  });

  it('shows every story exactly once, including those outside the sections, highest rank first', () => {
    const base = makeEdition(12, { id: '2026-11-06', themes: ['energy', 'military'] });
    const page = load(renderEditionPage(base, context, renderer));
    const ids = page('article.story')
      .map((_, el) => page(el).attr('id'))
      .get();
    expect([...ids].sort()).toEqual(base.stories.map((s) => `story-${s.id}`).sort());
    expect(new Set(ids).size).toBe(ids.length);
    const other = page('#theme-other');
    expect(other.find('h2').text()).toBe('Other developments');
    const outside = base.stories.filter((s) => !s.themes.some((t) => t === 'energy' || t === 'military'));
    expect(outside.length).toBeGreaterThan(0);
    expect(
      other
        .find('article.story')
        .map((_, el) => page(el).attr('id'))
        .get(),
    ).toEqual(outside.map((s) => `story-${s.id}`));
    // The sections the email links to (#theme-<id>) exist.
    expect(page('#theme-energy').length).toBe(1);
    expect(page('#theme-military').length).toBe(1);
  });

  it('cross-links a story that belongs to a second section instead of repeating it', () => {
    const a = makeStory(0, { id: 'a', themes: ['energy', 'military'] });
    const e = makeEdition(0, { id: '2026-11-07' });
    const page = load(
      renderEditionPage(
        {
          ...e,
          stories: [a],
          themes: [
            { id: 'energy', title: 'Energy', summary: 'One story.', storyIds: ['a'] },
            { id: 'military', title: 'Military', summary: 'One story.', storyIds: ['a'] },
          ],
        },
        context,
        renderer,
      ),
    );
    expect(page('#theme-energy article#story-a').length).toBe(1);
    expect(page('#theme-military article').length).toBe(0);
    expect(page('#theme-military .also a').attr('href')).toBe('#story-a');
  });

  it('says a quiet day is quiet', () => {
    const quiet = renderEditionPage(makeEdition(0, { id: '2026-11-08' }), context, renderer);
    expectSafePage(quiet, 'quiet');
    expect(quiet).toContain('A quiet day');
  });

  it('opens with contents by theme, with counts, linking to each section and the sources', () => {
    const base = makeEdition(12, { id: '2026-11-06' });
    const page = load(renderEditionPage(base, context, renderer));
    const entries = page('nav.contents li')
      .map((_, el) => [[page(el).find('a').attr('href'), page(el).find('.count').text()]])
      .get() as [string, string][];
    expect(entries.at(-1)).toEqual(['#sources-h', '']);
    for (const [href, count] of entries.slice(0, -1)) {
      expect(page(href!).length, href).toBe(1);
      const id = href!.replace('#theme-', '');
      const theme = base.themes.find((t) => t.id === id)!;
      const n = base.stories.filter(
        (st) => st.themes.includes(theme.id) || theme.storyIds.includes(st.id),
      ).length;
      expect(count).toBe(`${n} ${n === 1 ? 'story' : 'stories'}`);
    }
  });

  it('links the previous and next editions, at the top and the bottom', () => {
    const page = load(
      renderEditionPage(makeEdition(2, { id: '2026-11-06' }), context, renderer, {
        previous: { id: '2026-11-05', title: 'Briefing — 2026-11-05' },
        next: { id: '2026-11-07', title: 'Briefing — 2026-11-07' },
      }),
    );
    expect(page('nav.edition-nav').length).toBe(2);
    expect(page('nav.edition-nav').first().find('a[rel=prev]').attr('href')).toBe('../2026-11-05/index.html');
    expect(page('nav.edition-nav').first().find('a[rel=next]').attr('href')).toBe('../2026-11-07/index.html');
    expect(load(renderEditionPage(makeEdition(2), context, renderer))('nav.edition-nav').length).toBe(0);
  });

  it('gives each report its time and a source table with a fixed label column', () => {
    const base = makeEdition(3);
    const page = load(renderEditionPage(base, context, renderer));
    const first = base.stories[0]!.articles[0]!;
    const time = page(`#story-${base.stories[0]!.id} .coverage time`).first();
    expect(time.attr('datetime')).toBe(first.published);
    expect(time.text()).toBe(first.published!.slice(11, 16));
    expect(page('.sources col').length).toBe(4);
    expect(page('.sources tbody tr').first().children().first().is('th[scope=row]')).toBe(true);
    expect(page('.meta').text()).toContain('report times UTC');
  });
});

describe('renderEditionPage: the first edition', () => {
  it('says once, above the stories, that nothing earlier exists to compare with', () => {
    const base = makeEdition(3);
    const novelty = {
      kind: 'first-edition' as const,
      text: 'First edition of the briefing: nothing earlier to compare with.',
    };
    const stories = base.stories.map((s) => ({ ...s, novelty }));
    const $ = load(
      renderEditionPage({ ...base, stories, themes: makeThemeDigests(stories) }, context, renderer),
    );
    expect(
      $('main')
        .text()
        .match(/First edition of the briefing/g),
    ).toHaveLength(1);
    expect($('.meta').text()).toContain('First edition of the briefing');
    expect($('.novelty').length).toBe(0);
  });
});

describe('renderEditionPage: what the edition adds, when present', () => {
  it('shows novelty, an inferred perspective, an English headline, the report language, and no badge without a signal', () => {
    const story = makeStory(1, {
      id: 'foreign',
      title: 'Путин и Си провели переговоры',
      novelty: { kind: 'follow-up', text: 'Follow-up to “Xi and Putin speak by video”.' },
      articles: [
        {
          title: 'Путин и Си провели переговоры',
          titleEnglish: 'Putin and Xi held talks',
          url: 'https://ria.example/a',
          source: 'РИА Новости',
          perspective: 'russian-state',
          perspectiveInferred: true,
          language: 'ru',
          published: '2026-11-22T21:15:00Z',
          score: 0.9,
          reasons: ['pair'],
        },
      ],
    });
    delete story.signal;
    const base = makeEdition(1);
    const $ = load(
      renderEditionPage({ ...base, stories: [story], themes: makeThemeDigests([story]) }, context, renderer),
    );
    const article = $('#story-foreign');
    expect(article.find('.novelty').text()).toBe('Follow-up to “Xi and Putin speak by video”.');
    expect(article.find('.english').text()).toBe('In English: Putin and Xi held talks');
    expect(article.find('dt').text()).toBe('Russian state (inferred)');
    expect(article.find('dd').text()).toBe('РИА Новости 22 Nov 21:15 (Russian)');
    expect(article.find('a[hreflang=ru]').length).toBe(1);
    expect(article.find('.signal').length).toBe(0);
    expect(article.find('.why').length).toBe(0);
  });
});

describe('neighboursOf', () => {
  const records = ['2026-11-03', '2026-11-02', '2026-11-01'].map((id) =>
    archiveRecordOf(makeEdition(1, { id, overrides: { title: `E ${id}` } })),
  );
  it.each([
    ['2026-11-03', { previous: { id: '2026-11-02', title: 'E 2026-11-02' } }],
    [
      '2026-11-02',
      {
        previous: { id: '2026-11-01', title: 'E 2026-11-01' },
        next: { id: '2026-11-03', title: 'E 2026-11-03' },
      },
    ],
    ['2026-11-01', { next: { id: '2026-11-02', title: 'E 2026-11-02' } }],
    ['2026-10-01', {}],
  ])('%s', (id, expected) => {
    expect(neighboursOf(records, id)).toEqual(expected);
  });
});

describe('archive index pages', () => {
  const editions = ['2026-10-30', '2026-11-01', '2026-11-02'].map((id, i) =>
    makeEdition(3 + i, { id, overrides: { generatedAt: `${id}T07:00:00.000Z` } }),
  );
  const hostile = hostileEdition();
  let records: ArchiveRecord[] = [];
  for (const e of [...editions, hostile]) records = mergeRecords(records, archiveRecordOf(e));

  it('keeps one record per edition, newest first, a republished edition replacing its record', () => {
    expect(records.map((r) => r.id)).toEqual(['2026-11-05', '2026-11-02', '2026-11-01', '2026-10-30']);
    const again = mergeRecords(records, { ...archiveRecordOf(editions[1]!), title: 'Replaced' });
    expect(again.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(again.find((r) => r.id === '2026-11-01')?.title).toBe('Replaced');
  });

  it('home: latest edition with its top line, themes and stories, editions by month, one chart while the archive is young; all safe', () => {
    const html = renderHomePage(records, context, renderer);
    const $ = expectSafePage(html, 'home');
    expect($('.latest a').attr('href')).toBe('editions/2026-11-05/index.html');
    expect(
      $('.editions h3')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['November 2026', 'October 2026']);
    expect(
      $('.editions li a')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual(records.map((r) => `editions/${r.id}/index.html`));
    // A 90-edition chart would repeat the 30-edition one until the archive holds more than 30.
    expect($('svg.chart').length).toBe(1);
    expect($('svg.chart title').first().text()).toBe(
      'Stories per theme, last 4 editions (all the archive holds so far)',
    );
    // The caption stands above its chart, saying what it shows.
    expect($('.trends figure').children().first().is('figcaption')).toBe(true);
    expect($('.trends figcaption').first().text()).toBe($('svg.chart title').first().text());
    // More of the latest edition than its top line: its themes with counts and its stories.
    const latest = records[0]!;
    expect($('.latest .topline-list li').length).toBe(latest.topLine.length);
    const themeLinks = $('.latest .contents-line a')
      .map((_, el) => $(el).attr('href'))
      .get();
    expect(themeLinks.length).toBe(Object.keys(latest.themeCounts).length);
    for (const href of themeLinks) expect(href).toMatch(/^editions\/2026-11-05\/index\.html#theme-[a-z-]+$/);
    expect(
      $('.latest-stories a')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual(latest.stories.slice(0, 8).map((s) => `editions/2026-11-05/index.html#story-${s.id}`));
    expect($('.perspectives a').length).toBe(perspectiveCounts(records).length);
    expect($('form.subscribe').attr('action')).toBe('https://briefing.example.org/api/subscribe');
    expect($('form.subscribe').attr('method')).toBe('post');
  });

  it('draws the 30- and the 90-edition chart once the archive is longer than 30 editions', () => {
    let many: ArchiveRecord[] = [];
    for (let day = 0; day < 40; day++) {
      const id = new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10);
      many = mergeRecords(many, archiveRecordOf(makeEdition(1 + (day % 3), { id })));
    }
    const $ = load(renderHomePage(many, context, renderer));
    expect(
      $('svg.chart title')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual([
      'Stories per theme, last 30 editions',
      'Stories per theme, last 40 editions (all the archive holds so far)',
    ]);
    const total = (i: number) =>
      $('svg.chart')
        .eq(i)
        .find('text')
        .filter((_, el) => /^\d+$/.test($(el).text()))
        .map((_, el) => Number($(el).text()))
        .get()
        .reduce((a: number, b: number) => a + b, 0);
    const sum = (rs: ArchiveRecord[]) =>
      rs.reduce((n, r) => n + Object.values(r.themeCounts).reduce((a, b) => a + (b ?? 0), 0), 0);
    expect(total(0)).toBe(sum(many.slice(0, 30)));
    expect(total(1)).toBe(sum(many));
  });

  it('theme page: its stories across editions, newest first, linking to the story in its edition', () => {
    const theme = hostile.stories[0]!.themes[0]!;
    const $ = expectSafePage(renderThemePage(theme, records, context, renderer), 'theme');
    const hrefs = $('.timeline a')
      .map((_, el) => $(el).attr('href'))
      .get();
    const expected = records.flatMap((r) =>
      r.stories
        .filter((s) => s.themes.includes(theme))
        .map((s) => `../../editions/${r.id}/index.html#story-${s.id}`),
    );
    expect(hrefs).toEqual(expected);
    expect(hrefs[0]).toBe('../../editions/2026-11-05/index.html#story-story-evil');
    expect($('a[href="feed.xml"]').length).toBe(1);
    // Dates are short and in a span that does not wrap; excerpts end on a word with an ellipsis.
    expect($('.timeline .when').first().text()).toBe('5 Nov 2026');
    const long = 'word '.repeat(100).trim();
    const $long = load(
      renderThemePage(
        'energy',
        [archiveRecordOf(makeEdition(1, { overrides: { stories: [makeStory(1, { summary: long })] } }))],
        context,
        renderer,
      ),
    );
    const excerpt = $long('.timeline .excerpt').text();
    expect(excerpt.length).toBeLessThanOrEqual(240);
    expect(excerpt).toMatch(/ word…$/);
  });

  it.each(PERSPECTIVES.map((p) => [p]))(
    'perspective page %s lists only stories it covered',
    (perspective) => {
      const $ = expectSafePage(renderPerspectivePage(perspective, records, context, renderer), perspective);
      const expected = records.flatMap((r) => r.stories.filter((s) => s.perspectives?.includes(perspective)));
      expect($('.timeline li').length).toBe(expected.length);
    },
  );

  it('404 page links absolutely, since it is served at any depth', () => {
    const $ = load(renderNotFoundPage(context, renderer));
    expect($('main a').attr('href')).toBe('https://briefing.example.org/archive/index.html');
    expect($('link[rel=stylesheet]').attr('href')).toBe(
      'https://briefing.example.org/archive/assets/site.css',
    );
  });

  it('search documents: one per story, with title, whole summary, sentences, report headlines, sources and edition', () => {
    const docs = buildSearchDocuments(records);
    expect(docs).toHaveLength(records.reduce((n, r) => n + r.stories.length, 0));
    const evil = docs.find((d) => d.id === 'story-evil')!;
    expect(evil).toMatchObject({ e: '2026-11-05', t: `${PAYLOAD} & "quotes"` });
    expect(evil.src).toContain('Data outlet');
    expect(evil.s).toContain(`Summary ${PAYLOAD}`);
    expect(evil.s).toContain(`Sentence ${PAYLOAD}`);
    expect(evil.h).toBe(`Article ${PAYLOAD} · Data link`);
    const long = makeStory(2, { summary: 'x '.repeat(600).trim() });
    const [doc] = buildSearchDocuments([archiveRecordOf(makeEdition(1, { overrides: { stories: [long] } }))]);
    expect(doc!.s.startsWith(long.summary)).toBe(true);
    // Reports in Russian and Chinese are found by their own headlines.
    const ria = docs.flatMap((d) => d.h).join(' ');
    expect(ria).toMatch(/[а-яА-Я]|[\u4e00-\u9fff]/);
  });
});

describe('themeChartSvg', () => {
  it('draws one bar per theme, proportional to its stories, with text labels', () => {
    const records = [makeEdition(6, { id: '2026-11-01' }), makeEdition(3, { id: '2026-11-02' })].map(
      archiveRecordOf,
    );
    const $ = load(themeChartSvg(records, 'Stories <per> theme'), { xml: true });
    expect($('svg').attr('aria-label')).toBe('Stories <per> theme');
    expect($('rect').length).toBe(THEME_IDS.length);
    const counts = THEME_IDS.map((id) => records.reduce((n, r) => n + (r.themeCounts[id] ?? 0), 0));
    const widths = $('rect')
      .map((_, el) => Number($(el).attr('width')))
      .get();
    const max = Math.max(...counts);
    counts.forEach((n, i) => {
      expect(widths[i]).toBe(Math.round((290 * n) / max));
    });
  });
});

describe('Atom feeds', () => {
  const editions = ['2026-11-01', '2026-11-02', '2026-11-03'].map((id) =>
    makeEdition(5, { id, overrides: { generatedAt: `${id}T07:00:00.000Z` } }),
  );
  const hostile = { ...hostileEdition(), generatedAt: '2026-11-05T07:00:00.000Z' };
  let records: ArchiveRecord[] = [];
  for (const e of [...editions, hostile]) records = mergeRecords(records, archiveRecordOf(e));

  /** RFC 4287 essentials: feed id/title/updated/author/link, entry id/title/updated/link. */
  function expectAtom(xml: string): CheerioAPI {
    const $ = load(xml, { xml: true });
    const feed = $('feed');
    expect(feed.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    for (const tag of ['id', 'title', 'updated', 'author > name'])
      expect(feed.children(tag.split(' ')[0]!).length, tag).toBe(1);
    expect(feed.children('link[rel=self]').attr('href')).toMatch(
      /^https:\/\/briefing\.example\.org\/archive\//,
    );
    $('entry').each((_, el) => {
      for (const tag of ['id', 'title', 'updated', 'summary'])
        expect($(el).children(tag).length, tag).toBe(1);
      expect($(el).children('link[rel=alternate]').attr('href')).toMatch(/^https:\/\//);
      expect(Number.isNaN(Date.parse($(el).children('updated').text()))).toBe(false);
    });
    return $;
  }

  it('editions feed: newest first, each linking to its edition page, the top line as summary', async () => {
    const xml = renderEditionsFeed(records, context);
    expectAtom(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('China–Russia Briefing');
    expect(feed.items.map((i) => i.link)).toEqual(
      records.map((r) => `https://briefing.example.org/archive/editions/${r.id}/`),
    );
    expect(feed.items[0]!.title).toBe(hostile.title);
    expect(feed.items[0]!.summary).toBe(hostile.topLine.map((t) => t.text).join(' '));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
  });

  it('drops characters XML forbids, so one bad title cannot break the feed', async () => {
    const bad = archiveRecordOf({
      ...makeEdition(2, { id: '2026-11-09' }),
      title: 'Bad\u0000 \u0008title \uD800 end\uFFFF',
      generatedAt: '2026-11-09T07:00:00.000Z',
    });
    const xml = renderEditionsFeed([bad], context);
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]!.title).toBe('Bad title  end');
  });

  it('dates a theme feed without entries by the archive, not 1970', () => {
    const empty = records.map((r) => ({ ...r, stories: [] }));
    const $ = load(renderThemeFeed('energy', empty, context), { xml: true });
    expect($('entry').length).toBe(0);
    expect($('feed > updated').text()).toBe(records[0]!.generatedAt);
  });

  it.each(THEME_IDS.map((t) => [t]))('theme feed %s parses and holds exactly its stories', async (theme) => {
    const xml = renderThemeFeed(theme, records, context);
    expectAtom(xml);
    const feed = await new Parser().parseString(xml);
    const expected = records.flatMap((r) =>
      r.stories
        .filter((s) => s.themes.includes(theme))
        .map((s) => `https://briefing.example.org/archive/editions/${r.id}/#story-${s.id}`),
    );
    expect(feed.items.map((i) => i.link)).toEqual(expected.slice(0, 50));
    expect(feed.link).toBe(`https://briefing.example.org/archive/themes/${theme}/`);
  });
});
