import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStories } from '#analyse/cluster-stories.ts';
import type { ScoredItem, Story, SummarySentence } from '#domain/types.ts';
import {
  buildStories,
  buildStoryDrafts,
  buildThemeDigests,
  buildTopLine,
  labelSignal,
  type StoryDraft,
  type Summarizer,
  summariseStories,
} from '#edition/summarise-stories.ts';
import { isBoilerplateSentence } from '#extract/boilerplate-filter.ts';
import { ALL_REPORTS, gas, NOISE_LINES, report, summit } from './story-fixtures.ts';

const NOW = new Date('2026-11-24T06:00:00Z');
const clusters = clusterStories(ALL_REPORTS);
const stories = buildStories(clusters, { now: NOW });
const summitStory = stories.find((s) => s.articles.some((a) => a.url === summit.wire.link))!;
const gasStory = stories.find((s) => s.articles.some((a) => a.url === gas.ledger.link))!;

describe('buildStories: extractive summaries', () => {
  it('chooses these sentences for the summit (golden), each linked to its article', () => {
    expect(summitStory.sentences).toEqual([
      {
        text: 'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement on deeper strategic coordination after talks in Beijing on Monday.',
        url: summit.wire.link,
      },
      {
        text: 'Putin said trade between the two countries reached $245 billion last year, almost all of it settled in roubles and yuan.',
        url: summit.wire.link,
      },
      {
        text: 'The visit underlines how far Russia now leans on China as a buyer of its oil and a supplier of the goods that sanctions keep out.',
        url: summit.ledger.link,
      },
    ]);
    expect(summitStory.summary).toBe(summitStory.sentences.map((s) => s.text).join(' '));
  });

  it('takes the representative report, title and id from the most central English report', () => {
    expect(summitStory.title).toBe(summit.wire.title);
    expect(summitStory.articles[0]!.url).toBe(summit.wire.link);
    // Stable: the same cluster in another order gives the same story id.
    const again = buildStories([[...clusters.find((c) => c.includes(summit.wire))!].reverse()], { now: NOW });
    expect(again[0]!.id).toBe(summitStory.id);
  });

  it('links every sentence of every story to an article of that story, with 1 to 3 sentences', () => {
    for (const story of stories) {
      const urls = new Set(story.articles.map((a) => a.url));
      expect(story.sentences.length).toBeGreaterThanOrEqual(1);
      expect(story.sentences.length).toBeLessThanOrEqual(3);
      for (const sentence of story.sentences) expect(urls.has(sentence.url)).toBe(true);
    }
  });

  it('never lets the project’s own noise lines through, though the articles are full of them', () => {
    for (const story of stories) {
      for (const sentence of story.sentences) {
        for (const noise of NOISE_LINES) expect(sentence.text).not.toContain(noise);
        expect(isBoilerplateSentence(sentence.text)).toBe(false);
      }
    }
  });

  it('falls back to the feed summary without article text, and to the headline without either', () => {
    const bare = report({
      id: 'bare',
      source: 'Outlet',
      perspective: 'western',
      language: 'en',
      published: '2026-11-23T10:00:00Z',
      title: 'Russia and China open a second rail crossing on the Amur',
      summary: '',
    });
    const [story] = buildStories([[bare]], { now: NOW });
    expect(story!.sentences).toEqual([{ text: bare.title, url: bare.link }]);
    expect(gasStory.sentences[0]).toEqual({ text: gas.ledger.summary, url: gas.ledger.link });
  });

  it('drops the wire dateline from a sentence', () => {
    const wire = report({
      id: 'dateline',
      source: 'Huaxia',
      perspective: 'chinese-state',
      language: 'en',
      published: '2026-11-23T10:00:00Z',
      title: 'Wang Yi meets Lavrov in Bishkek',
      summary: '',
      text: 'BISHKEK, Nov. 22 (Huaxia) -- Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on Sunday in Bishkek.',
    });
    const [story] = buildStories([[wire]], { now: NOW });
    expect(story!.sentences[0]!.text).toBe(
      'Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on Sunday in Bishkek.',
    );
  });

  it('lists every outlet with its perspective, and the outlets that carried the same link', () => {
    expect(summitStory.articles.map((a) => `${a.perspective}:${a.source}`).sort()).toEqual([
      'chinese-independent:Harbour Times',
      'chinese-state:华夏日报',
      'russian-independent:Вольный обозреватель',
      'russian-state:Северный вестник',
      'western:Atlantic Ledger',
      'wire:Meridian Wire',
    ]);
    const shared = { ...gas.ledger, alsoIn: ['Syndicated Daily'] } satisfies ScoredItem;
    const [story] = buildStories([[shared]], { now: NOW });
    expect(story!.articles.map((a) => a.source)).toEqual(['Atlantic Ledger', 'Syndicated Daily']);
  });

  it('orders stories by rank: the six-outlet summit first, and repeated coverage lower', () => {
    expect(stories[0]!.id).toBe(summitStory.id);
    expect(stories.map((s) => s.rank)).toEqual([...stories.map((s) => s.rank)].sort((a, b) => b - a));
    const seenAll = buildStories(clusters, {
      now: NOW,
      previous: [{ title: summitStory.title, urls: summitStory.articles.map((a) => a.url) }],
    });
    const repeated = seenAll.find((s) => s.id === summitStory.id)!;
    expect(repeated.rank).toBeLessThan(summitStory.rank);
    expect(seenAll.find((s) => s.id === gasStory.id)!.rank).toBeGreaterThan(repeated.rank);
    // A follow-up with reports the reader has not seen ranks between the two.
    const followUp = buildStories(clusters, {
      now: NOW,
      previous: [{ title: summitStory.title, urls: [summit.wire.link] }],
    }).find((s) => s.id === summitStory.id)!;
    expect(followUp.rank).toBeGreaterThan(repeated.rank);
    expect(followUp.rank).toBeLessThan(summitStory.rank);
  });

  it('gives themes weighted by relevance, most common first', () => {
    expect(summitStory.themes[0]).toBe('alliance-diplomacy');
    expect(gasStory.themes).toEqual(['energy', 'asymmetry-limits']);
  });
});

describe('labelSignal', () => {
  const one = (title: string, summary = '') =>
    report({
      id: title,
      source: 'Outlet',
      perspective: 'western',
      language: 'en',
      published: '2026-11-23T10:00:00Z',
      title,
      summary,
    });

  it.each([
    ['Power of Siberia 2 talks stall over gas price', '', 'counter-signal', 'stall'],
    ['Gazprom and CNPC reach no agreement on gas price', '', 'counter-signal', 'no agreement'],
    ['Chinese banks refuse payments from Russian importers', '', 'counter-signal', 'refuse'],
    ['China-Russia trade fell 8% in the first quarter', '', 'counter-signal', 'trade fell'],
    ['Beijing keeps its distance as Moscow seeks more arms', '', 'counter-signal', 'keeps its distance'],
    ['Gas deal signed without agreement on price', '', 'counter-signal', 'without agreement'],
    ['Газпром и CNPC не договорились о цене', '', 'counter-signal', 'не договорил'],
    ['Xi and Putin sign gas supply deal', '', 'new-development', 'sign'],
    ['Russia and China launch first joint lunar mission', '', 'new-development', 'launch'],
    ['Trade between China and Russia hits $245 billion', '', 'new-development', '$245 billion'],
    ['China to allow visa-free travel for Russians', '', 'new-development', 'visa-free'],
    ['Xi and Putin hail partnership in phone call', 'The two leaders praised relations.', 'reinforces', ''],
    ['Putin and Xi tout ‘no-limits’ friendship', '', 'reinforces', ''],
  ])('“%s” %s is %s', (title, summary, signal, cue) => {
    const { signal: label, reasons } = labelSignal([one(title, summary)], ['energy']);
    expect(label).toBe(signal);
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.join(' ').toLowerCase()).toContain(cue.toLowerCase());
    // Every label is read against a theme baseline, quoted.
    expect(reasons.at(-1)).toMatch(/baseline.*: “.+”$/);
  });

  it('labels the fixture stories: a signed statement is new, a stalled price talk is a counter-signal', () => {
    expect(summitStory.signal).toBe('new-development');
    expect(gasStory.signal).toBe('counter-signal');
    expect(gasStory.signalReasons[0]).toContain('stall');
  });
});

describe('buildThemeDigests', () => {
  const digests = buildThemeDigests(stories, ['energy', 'alliance-diplomacy', 'military']);

  it('says how many stories, which leads, and which are new, reinforcing or counter-signals', () => {
    const energy = digests[0]!;
    expect(energy.summary).toMatch(
      /^Two stories today, led by “Power of Siberia 2 talks stall over gas price” \(2 outlets\)\./,
    );
    expect(energy.summary).toContain(
      'New: “Gazprom signs deal to raise gas supplies to China via Far Eastern route”.',
    );
    expect(energy.summary).toContain(
      'Counter-signals (friction, limits or distance): “Power of Siberia 2 talks stall over gas price” (stall).',
    );
    expect(energy.storyIds).toEqual(stories.filter((s) => s.themes.includes('energy')).map((s) => s.id));
    expect(digests[1]!.summary).toContain('Reinforcing the established picture:');
  });

  it('says so explicitly when a theme had nothing', () => {
    expect(digests[2]).toEqual({
      id: 'military',
      title: expect.any(String),
      summary: 'No significant developments today.',
      storyIds: [],
    });
  });
});

describe('buildTopLine', () => {
  it('gives the three most important developments, one linked sentence each from distinct stories', () => {
    const top = buildTopLine(stories);
    expect(top).toHaveLength(3);
    expect(top[0]).toEqual(summitStory.sentences[0]);
    const owners = top.map((t) => stories.find((s) => s.sentences.includes(t)));
    expect(new Set(owners).size).toBe(3);
  });

  it('prefers a theme not yet covered when ranks are close, but not over a clearly more important story', () => {
    const story = (id: string, rank: number, theme: Story['themes'][number]): Story => ({
      ...summitStory,
      id,
      title: `${id} report`,
      rank,
      themes: [theme],
      sentences: [{ text: `Sentence of ${id}.`, url: `https://x.example/${id}` }],
    });
    const close = [
      story('pipeline', 0.9, 'energy'),
      story('tanker', 0.89, 'energy'),
      story('patrol', 0.88, 'military'),
    ];
    expect(buildTopLine(close, 2).map((s) => s.text)).toEqual([
      'Sentence of pipeline.',
      'Sentence of patrol.',
    ]);
    const apart = [
      story('pipeline', 0.9, 'energy'),
      story('tanker', 0.89, 'energy'),
      story('patrol', 0.5, 'military'),
    ];
    expect(buildTopLine(apart, 2).map((s) => s.text)).toEqual([
      'Sentence of pipeline.',
      'Sentence of tanker.',
    ]);
  });

  it('is empty on a day without stories', () => {
    expect(buildTopLine([])).toEqual([]);
  });
});

describe('summariseStories: the Summarizer interface', () => {
  const drafts = buildStoryDrafts(clusters, { now: NOW });
  const summitDraft = drafts.find((d) => d.story.id === summitStory.id)!;
  const fixed = (result: (draft: StoryDraft) => readonly SummarySentence[] | undefined): Summarizer => ({
    async summarise(input) {
      return input.map(result);
    },
  });

  it('hands the summariser the cleaned article sentences, never the page furniture', () => {
    const wire = summitDraft.sources.find((s) => s.url === summit.wire.link)!;
    expect(wire.sentences).toContain(
      'Western officials have warned Beijing against supplying components that Russia uses in its war against Ukraine.',
    );
    for (const noise of NOISE_LINES) expect(wire.sentences.join('\n')).not.toContain(noise);
  });

  it('keeps the extractive summaries with the default summariser', async () => {
    expect(await summariseStories(drafts)).toEqual(drafts.map((d) => d.story));
  });

  it('uses grounded sentences from the summariser', async () => {
    const grounded = [
      {
        text: 'Xi and Putin signed a joint statement on strategic coordination in Beijing.',
        url: summit.wire.link,
      },
    ];
    const out = await summariseStories(
      drafts,
      fixed((d) => (d === summitDraft ? grounded : undefined)),
    );
    const story = out.find((s) => s.id === summitStory.id)!;
    expect(story.sentences).toEqual(grounded);
    expect(story.summary).toBe(grounded[0]!.text);
    expect(out.find((s) => s.id === gasStory.id)).toEqual(gasStory);
  });

  it.each([
    [
      'cites a URL outside the story',
      [{ text: 'Xi and Putin signed a joint statement.', url: 'https://elsewhere.example/x' }],
    ],
    [
      'adds words the article does not carry',
      [{ text: 'Xi promised Putin unlimited military aid and free weapons.', url: summit.wire.link }],
    ],
    ['returns page furniture', [{ text: 'Click to comment', url: summit.wire.link }]],
    ['returns no sentence', []],
  ])('keeps the extractive summary when the summariser %s', async (_, sentences) => {
    const out = await summariseStories(
      drafts,
      fixed((d) => (d === summitDraft ? sentences : undefined)),
    );
    expect(out.find((s) => s.id === summitStory.id)).toEqual(summitStory);
  });

  it('keeps every extractive summary when the summariser fails', async () => {
    const failing: Summarizer = {
      async summarise() {
        throw new Error('ThrottlingException');
      },
    };
    expect(await summariseStories(drafts, failing)).toEqual(drafts.map((d) => d.story));
  });
});

describe('no line of the seed documents’ page furniture reaches a summary', () => {
  const seeds = resolve(import.meta.dirname, '../../../../shared/seeds');
  /** The furniture in the seed documents, listed by hand from reading them. */
  const SEED_NOISE = [
    'By Liam Walker',
    'You May Also Like',
    'top of page',
    'bottom of page',
    'Table of Contents',
    'Rafale Fighter Jets',
    'vivo X200 FE',
    'FAQs about Xi Jinping',
    'What is Xi Jinping’s role',
    'Why did Xi Jinping visit Russia in May 2025?',
    'জুমবাংলা',
    'Connect with us',
    'Hi, what are you looking for?',
    'Click to comment',
    'Notify of',
    'Inline Feedbacks',
    'View all comments',
    'We’re dedicated to providing you',
    'Actress Emma D’Arcy',
    'Jennifer Coolidge',
    'Spoilers!',
    'Emily Canham',
    'by Admin 47 views',
    'Hey guys!',
    'Economic Dynamics',
    'Economic Lifelines and Strategic Leverage',
    'Global Perception and Future Trajectories',
  ];

  it.skipIf(!existsSync(seeds))('keeps the seeds’ furniture out (skipped: ../shared/seeds absent)', () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    const items = files.map((file, i) => {
      const text = readFileSync(join(seeds, file), 'utf8');
      const title = text.split('\n').find((l) => /xi|putin|china|russia/i.test(l) && l.length < 120) ?? file;
      return report({
        id: `seed-${i}`,
        source: `Seed outlet ${i}`,
        perspective: 'other',
        language: 'en',
        published: `2026-11-23T0${i}:00:00Z`,
        title,
        summary: '',
        text: text.split('\n').join('\n\n'),
      });
    });
    const seedStories = buildStories(
      items.map((item) => [item]),
      { now: NOW },
    );
    for (const story of seedStories) {
      const item = items.find((i) => story.articles[0]!.url === i.link)!;
      expect(story.sentences.length).toBeGreaterThanOrEqual(2);
      for (const sentence of story.sentences) {
        for (const noise of SEED_NOISE) expect(sentence.text).not.toContain(noise);
        // Extractive: every sentence stands verbatim in its article.
        expect(item.article!.text.replace(/\s+/g, ' ')).toContain(sentence.text);
      }
    }
  });
});
