import { describe, expect, it } from 'vitest';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { clusterStories } from '#analyse/cluster-stories.ts';
import type { Perspective, ScoredItem } from '#domain/types.ts';
import { buildStories } from '#edition/build-stories.ts';
import { buildThemeDigests, QUIET_THEME } from '#edition/theme-digests.ts';
import { buildTopLine } from '#edition/top-line.ts';
import { isBoilerplateLine } from '#extract/boilerplate.ts';

let n = 0;
function item(
  source: string,
  perspective: Perspective,
  title: string,
  summary: string,
  hoursAgo: number,
  text?: string,
): ScoredItem {
  n++;
  const base = {
    id: `i${n}`,
    title,
    summary,
    link: `https://${source.toLowerCase().replace(/\W+/g, '')}.example.org/${n}`,
    published: new Date(Date.UTC(2026, 10, 23, 6) - hoursAgo * 3_600_000).toISOString(),
    categories: [],
    source,
    perspective,
  };
  const classification = classifyItem({ title, summary, text });
  return { ...base, classification, ...(text ? { article: { url: base.link, title, text } } : {}) };
}

const NOISE = [
  'You May Also Like',
  'Click to comment',
  'Notify of',
  'By Liam Walker',
  'Table of Contents',
  'Sign up for our newsletter',
  'Share this article',
  'Rafale Fighter Jets: India’s High-Stakes Modernization Faces First Major Combat Test',
];

const summit = [
  item(
    'Meridian Wire',
    'wire',
    'Xi and Putin agree to expand energy cooperation in video call',
    'The leaders discussed gas supplies, the Kremlin said.',
    10,
    [
      'Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on Sunday and agreed to expand energy cooperation.',
      ...NOISE,
      'Putin said trade between the two countries had reached a record, settled almost entirely in roubles and yuan.',
      'Western officials have warned Beijing against supplying components for Russia’s war.',
    ].join('\n\n'),
  ),
  item(
    'Moscow Courier',
    'russian-state',
    'Putin, Xi hail record trade in warm video conversation',
    'The Russian and Chinese leaders praised relations.',
    9,
  ),
  item(
    'Северный вестник',
    'russian-state',
    'Путин и Си Цзиньпин провели переговоры по видеосвязи',
    'Стороны обсудили поставки газа.',
    9,
  ),
  item('华夏日报', 'chinese-state', '习近平同普京举行视频会晤', '双方同意深化能源合作。', 9),
];
const pipeline = item(
  'Atlantic Ledger',
  'western',
  'Power of Siberia 2 talks stall over gas price',
  'Gazprom and China’s CNPC remain apart on the price of gas for the pipeline.',
  8,
);
const olderCall = item(
  'Meridian Wire',
  'wire',
  'Xi and Putin speak by phone about Ukraine',
  'A different call, a week earlier.',
  170,
);

describe('clusterStories', () => {
  it('groups one event reported by several outlets and languages, and keeps other events apart', () => {
    const clusters = clusterStories([...summit, pipeline, olderCall]);
    const call = clusters.find((c) => c.includes(summit[0]!))!;
    expect(new Set(call.map((i) => i.source))).toEqual(
      new Set(['Meridian Wire', 'Moscow Courier', 'Северный вестник', '华夏日报']),
    );
    expect(clusters.find((c) => c.includes(pipeline))).toHaveLength(1);
    expect(clusters.find((c) => c.includes(olderCall))).toHaveLength(1);
  });

  it('stays fast at 10,000 items', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      item(
        `Outlet ${i % 50}`,
        'western',
        `China and Russia topic ${i % 700} news ${i}`,
        `Item ${i} about subject ${i % 300}.`,
        i % 48,
      ),
    );
    const started = performance.now();
    const clusters = clusterStories(many);
    expect(clusters.reduce((s, c) => s + c.length, 0)).toBe(10_000);
    // Not a timing assertion of the product: a guard against accidental all-pairs behaviour.
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

describe('buildStories', () => {
  const stories = buildStories(clusterStories([...summit, pipeline]), {
    now: new Date('2026-11-23T06:00:00Z'),
  });
  const call = stories.find((s) => s.articles.some((a) => a.source === 'Moscow Courier'))!;

  it('summarises from the articles, links every sentence, and never lets page furniture through', () => {
    expect(call.sentences.length).toBeGreaterThanOrEqual(2);
    expect(call.sentences.length).toBeLessThanOrEqual(3);
    expect(call.sentences[0]!.text).toContain('held a video call on Sunday');
    const urls = new Set(call.articles.map((a) => a.url));
    for (const s of call.sentences) {
      expect(urls.has(s.url)).toBe(true);
      for (const noise of NOISE) expect(s.text).not.toContain(noise);
    }
  });

  it('lists coverage by perspective and ranks the widely covered story first', () => {
    expect(new Set(call.articles.map((a) => a.perspective))).toEqual(
      new Set(['wire', 'russian-state', 'chinese-state']),
    );
    expect(stories[0]!.id).toBe(call.id);
  });

  it.each([
    ['Power of Siberia 2 talks stall over gas price', 'counter-signal'],
    ['Xi and Putin agree to expand energy cooperation in video call', 'new-development'],
  ])('labels "%s" as %s, with reasons', (title, signal) => {
    const story = stories.find((s) => s.title === title)!;
    expect(story.signal).toBe(signal);
    expect(story.signalReasons.length).toBeGreaterThan(0);
  });

  it('writes a paragraph per theme against the baseline, and says so when nothing happened', () => {
    const digests = buildThemeDigests(
      stories.map((story) => ({ story })),
      ['energy', 'military'],
    );
    expect(digests[0]!.summary).toContain('qualify the established picture of');
    for (const story of stories) expect(digests[0]!.summary).not.toContain(`“${story.title}”`);
    expect(digests[1]).toMatchObject({ id: 'military', summary: QUIET_THEME, storyIds: [] });
  });

  it('ranks a story already reported in recent editions below new events', () => {
    const clusters = clusterStories([...summit, pipeline]);
    const fresh = buildStories(clusters, { now: new Date('2026-11-23T06:00:00Z') });
    const repeated = buildStories(clusters, {
      now: new Date('2026-11-23T06:00:00Z'),
      previous: [{ title: 'Power of Siberia 2 talks stall over gas price' }],
    });
    const rankOf = (list: typeof fresh) => list.find((s) => s.title.startsWith('Power of Siberia'))!.rank;
    expect(rankOf(repeated)).toBeLessThan(rankOf(fresh));
  });

  it('titles a story from its English report, however many Polish relays echo one another', () => {
    const original = item(
      'Harbour Times',
      'western',
      'China helps refill Russian drone supplies as war grinds on',
      'China has shipped more than $12 million in drones to Russia since the invasion.',
      3,
    );
    const relays = ['Bankier', 'Money PL', 'Forsal'].map((source, i) =>
      item(
        source,
        'other',
        'Chiny dostarczyły Rosji drony o wartości 12 mln dolarów',
        `Chiny wysłały Rosji drony o wartości 12 mln dolarów, podaje dziennik (${i}).`,
        2,
      ),
    );
    const [story] = buildStories([[...relays, original]], { now: new Date('2026-11-23T06:00:00Z') });
    expect(story!.title).toBe(original.title);
  });

  it('picks a top line of up to three developments, a second one from the widely covered event', () => {
    const top = buildTopLine(stories);
    expect(top.length).toBe(3);
    expect(top[0]!.url).toMatch(/^https:/);
    // Two stories: the call (four reports) gives a second development after the pipeline talks.
    const callUrls = new Set(call.articles.map((a) => a.url));
    expect(callUrls.has(top[0]!.url) && callUrls.has(top[2]!.url)).toBe(true);
    expect(top[2]!.text).not.toBe(top[0]!.text);
    expect(top[2]!.text).toContain('trade');
  });

  it('puts a feature below the main event’s second development, and prints it when there is room', () => {
    const feature = item(
      'Le Monde',
      'western',
      'Nestled between Russia and North Korea, the hopes and frustrations of a piece of China',
      'Those living on a strip of land between North Korea and Russia hope to benefit from Beijing’s deepening relations with Moscow.',
      7,
    );
    const day = buildStories(clusterStories([...summit, pipeline, feature]), {
      now: new Date('2026-11-23T06:00:00Z'),
    });
    const featureUrl = day.find((s) => s.title === feature.title)!.articles[0]!.url;
    expect(buildTopLine(day).map((t) => t.url)).not.toContain(featureUrl);
    // With room left once the event's developments are in, the feature is printed.
    expect(buildTopLine(day, 4).map((t) => t.url)).toContain(featureUrl);
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    ['You May Also Like', true],
    ['Click to comment', true],
    ['Notify of', true],
    ['by Admin 47 views', true],
    ['By Liam Walker', true],
    ['© 2026 Example News. All rights reserved.', true],
    ['We use cookies to improve your experience.', true],
    ['Photo: Reuters/File', true],
    ['Xi Jinping welcomed Putin with a red carpet reception in Beijing.', false],
    ['Share of yuan in trade rose to 95 percent, the ministry said.', false],
  ])('%s -> %s', (line, expected) => {
    expect(isBoilerplateLine(line)).toBe(expected);
  });
});
