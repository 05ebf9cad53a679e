import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStories } from '#analyse/cluster-stories.ts';
import { THEME_CATALOGUE } from '#domain/themes.ts';
import type { ScoredItem, Story } from '#domain/types.ts';
import { buildStories, draftStories, storyThemes } from '#edition/build-stories.ts';
import { cueSpans, labelSignal } from '#edition/label-signal.ts';
import { isSchedule, leansOnContext } from '#edition/summarise-stories.ts';
import { buildThemeDigests, QUIET_THEME } from '#edition/theme-digests.ts';
import { buildTopLine } from '#edition/top-line.ts';
import { isBoilerplateSentence } from '#extract/boilerplate.ts';
import { ALL_REPORTS, gas, NOISE_LINES, report, summit } from './story-fixtures.ts';

const NOW = new Date('2026-11-24T06:00:00Z');
const clusters = clusterStories(ALL_REPORTS);
const drafts = draftStories(clusters, { now: NOW });
const stories = drafts.map((d) => d.story);
const summitStory = stories.find((s) => s.articles.some((a) => a.url === summit.wire.link))!;
const gasStory = stories.find((s) => s.articles.some((a) => a.url === gas.ledger.link))!;

const one = (title: string, summary = '', extra: Partial<Parameters<typeof report>[0]> = {}) =>
  report({
    id: title,
    source: 'Outlet',
    perspective: 'western',
    language: 'en',
    published: '2026-11-23T10:00:00Z',
    title,
    summary,
    ...extra,
  });

/** Drafts whose summaries printed nothing: every report sentence is left to the theme paragraphs. */
const passedOverBySummary = (drafts: ReturnType<typeof draftStories>) =>
  drafts.map((d) => ({ ...d, story: { ...d.story, sentences: [] } }));

describe('buildStories: extractive summaries', () => {
  it('chooses these sentences for the summit (golden), each attributed and linked to its article', () => {
    expect(summitStory.sentences).toEqual([
      {
        text: 'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement on deeper strategic coordination after talks in Beijing on Monday, Meridian Wire reports.',
        url: summit.wire.link,
      },
      {
        text: 'Putin said trade between the two countries reached $245 billion last year, almost all of it settled in roubles and yuan.',
        url: summit.wire.link,
      },
      {
        text: 'Xi hosts Putin in Beijing as both leaders hail ‘best in history’ ties, Harbour Times reports.',
        url: summit.harbour.link,
        headline: true,
      },
    ]);
    expect(summitStory.summary).toBe(summitStory.sentences.map((s) => s.text).join(' '));
  });

  it('opens with the report of the event before a reading of it', () => {
    // 2025-05-08: Sky News's "remarks appear to have been a carefully crafted barb" opened the summit.
    const barb =
      "Vladimir Putin's welcoming remarks to Xi Jinping appear to have been a carefully crafted barb aimed at Ukraine and its allies.";
    const called =
      'President Xi Jinping called for closer bilateral relations with Russia at talks with Putin.';
    const [draft] = draftStories(
      [
        [
          one('Xi meets Putin at the Kremlin on state visit', barb, { source: 'Sky News' }),
          one('Xi and Putin hold talks in Moscow', called, { source: 'The Moscow Times' }),
        ],
      ],
      { now: NOW },
    );
    const texts = draft!.story.sentences.map((s) => s.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^President Xi Jinping called for closer bilateral relations/);
  });

  it('takes from a newsletter only its sentences on the two sides', () => {
    const [draft] = draftStories(
      [
        [
          one(
            'Your Tuesday Briefing: Xi Meets Putin in Moscow',
            'A major U.N. climate report and a manhunt in the Indian state of Punjab. Xi Jinping began a three-day state visit to Russia on Monday.',
          ),
        ],
      ],
      { now: NOW },
    );
    expect(draft!.story.sentences.map((x) => x.text)).toEqual([
      'Xi Jinping began a three-day state visit to Russia on Monday, Outlet reports.',
    ]);
  });

  it('opens the summary of an event with the event, not with others’ reaction to it', () => {
    const [draft] = draftStories(
      [
        [
          one(
            'China releases 12-point peace plan for Russia-Ukraine war',
            'Western leaders have questioned what the real motive behind China’s 12-point peace plan is, given that Beijing has stood shoulder-to-shoulder with Russia.',
            { source: 'Daily Mail' },
          ),
          one(
            'Beijing publishes its position paper on the war',
            'China called for a cease-fire on Friday and released a 12-point plan for peace on the anniversary of the invasion.',
            { source: 'Fox News', score: 0.7 },
          ),
        ],
      ],
      { now: NOW },
    );
    expect(draft!.story.sentences[0]!.text).toMatch(/^China called for a cease-fire on Friday/);
    expect(draft!.story.sentences[1]!.text).toMatch(/^Western leaders have questioned/);
  });

  it('takes the representative report, title and id from the most central English report', () => {
    expect(summitStory.title).toBe(summit.wire.title);
    expect(summitStory.articles[0]!.url).toBe(summit.wire.link);
    // Stable: the same cluster in another order gives the same story id.
    const again = buildStories([[...clusters.find((c) => c.includes(summit.wire))!].reverse()], { now: NOW });
    expect(again[0]!.id).toBe(summitStory.id);
  });

  it('titles a story with a report of the event before a reading of it', () => {
    const reading =
      'Welcome in Moscow seems to show Xi stands with Putin and Russia against hegemonic bullying';
    const reports = [
      one(reading, '', { score: 0.99 }),
      one('Xi stands with Putin against hegemonic bullying', '', { score: 0.97 }),
      one('Xi arrives in Moscow and stands with Russia', '', { score: 0.95 }),
    ];
    const [story] = buildStories([reports], { now: NOW });
    expect(story!.title).not.toBe(reading);
    expect(story!.title).toBe('Xi stands with Putin against hegemonic bullying');
  });

  it('links every sentence of every story to an article of that story, with 1 to 3 sentences', () => {
    for (const story of stories) {
      const urls = new Set(story.articles.map((a) => a.url));
      expect(story.sentences.length).toBeGreaterThanOrEqual(1);
      expect(story.sentences.length).toBeLessThanOrEqual(3);
      for (const sentence of story.sentences) expect(urls.has(sentence.url)).toBe(true);
    }
  });

  it('never lets page furniture through, nor repeats the story’s own headline', () => {
    for (const story of stories) {
      for (const sentence of story.sentences) {
        for (const noise of NOISE_LINES) expect(sentence.text).not.toContain(noise);
        expect(isBoilerplateSentence(sentence.text)).toBe(false);
        expect(sentence.text).not.toContain(story.title);
      }
    }
  });

  it('never repeats a single report’s headline as its summary', () => {
    const [story] = buildStories(
      [
        [
          one(
            'Russia and China open a second rail crossing on the Amur',
            'Russia and China open a second rail crossing on the Amur.',
          ),
        ],
      ],
      { now: NOW },
    );
    // The headline is printed above the summary; nothing else was reported, so nothing is added.
    expect(story!.sentences).toEqual([]);
    expect(story!.summary).toBe('');
  });

  it('never prints a teaser about the piece as its summary, nor its headline', () => {
    const [story] = buildStories(
      [
        [
          one(
            'Behind the smiles: three things to watch as Xi meets Putin',
            'Our correspondent explains what to look out for during the visit.',
          ),
        ],
      ],
      { now: NOW },
    );
    expect(story!.sentences).toEqual([]);
  });

  it('ends a feed summary written without a full stop as a sentence, and keeps it', () => {
    const [story] = buildStories(
      [
        [
          one(
            'Why growing China-Russia military ties worry the west',
            'The co-operation forged through joint exercises is forcing Pentagon and allies to react',
          ),
        ],
      ],
      { now: NOW },
    );
    expect(story!.summary).toBe(
      'The co-operation forged through joint exercises is forcing Pentagon and allies to react, Outlet reports.',
    );
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
      'Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on Sunday in Bishkek, Huaxia reports.',
    );
  });

  it('lists every outlet with its perspective, and the outlets that carried the same link', () => {
    expect(summitStory.articles.map((a) => `${a.perspective}:${a.source}`).sort()).toEqual([
      'chinese-independent:Harbour Times',
      'chinese-state:华夏日报',
      'russian-independent:Вольный обозреватель',
      'russian-state:Северный вестник',
      'wire:Meridian Wire',
    ]);
    const shared = { ...gas.ledger, alsoIn: ['Syndicated Daily'] } satisfies ScoredItem;
    const [story] = buildStories([[shared]], { now: NOW });
    expect(story!.articles.map((a) => a.source)).toEqual(['Atlantic Ledger', 'Syndicated Daily']);
  });

  it('infers a perspective from the outlet’s domain when the feed gave none, and says so', () => {
    const item = {
      ...one('Xi and Putin hail ties in Beijing'),
      link: 'https://www.reuters.com/world/xi-putin',
      perspective: 'other' as const,
    };
    const unknown = {
      ...one('Xi and Putin hail ties again'),
      link: 'https://unknown.example.org/x',
      perspective: 'other' as const,
    };
    const [story] = buildStories([[item, unknown]], { now: NOW });
    const byUrl = new Map(story!.articles.map((a) => [a.url, a]));
    expect(byUrl.get(item.link)).toMatchObject({ perspective: 'wire', perspectiveInferred: true });
    expect(byUrl.get(unknown.link)).toMatchObject({ perspective: 'other' });
    expect(byUrl.get(unknown.link)!.perspectiveInferred).toBeUndefined();
  });

  it('orders stories by rank: the five-outlet summit first, and repeated coverage lower', () => {
    expect(stories[0]!.id).toBe(summitStory.id);
    expect(stories.map((s) => s.rank)).toEqual([...stories.map((s) => s.rank)].sort((a, b) => b - a));
    const seenAll = buildStories(clusters, {
      now: NOW,
      previous: [
        { title: summitStory.title, urls: summitStory.articles.map((a) => a.url), editionId: '2026-11-23' },
      ],
    });
    const repeated = seenAll.find((s) => s.id === summitStory.id)!;
    expect(repeated.rank).toBeLessThan(summitStory.rank);
    expect(seenAll.find((s) => s.id === gasStory.id)!.rank).toBeGreaterThan(repeated.rank);
    const followUp = buildStories(clusters, {
      now: NOW,
      previous: [{ title: summitStory.title, urls: [summit.wire.link] }],
    }).find((s) => s.id === summitStory.id)!;
    expect(followUp.rank).toBeGreaterThan(repeated.rank);
    expect(followUp.rank).toBeLessThan(summitStory.rank);
  });
});

describe('novelty against the last editions', () => {
  const noveltyOf = (previous: Parameters<typeof buildStories>[1]['previous']) =>
    buildStories(clusters, { now: NOW, ...(previous ? { previous } : {}) }).find(
      (s) => s.id === summitStory.id,
    )!.novelty;

  it.each([
    ['the archive’s first edition', [], 'first-edition', 'First edition of the briefing'],
    [
      'an unrelated earlier story',
      [{ title: 'Lavrov visits Pyongyang', editionId: '2026-11-22' }],
      'first',
      'First reported today.',
    ],
    [
      'the same story yesterday',
      [{ title: summit.wire.title, urls: [summit.wire.link], editionId: '2026-11-23' }],
      'continuing',
      'Second day of coverage (first reported in the edition of 2026-11-23), with 4 new reports.',
    ],
  ] as const)('after %s: %s', (_, previous, kind, text) => {
    const novelty = noveltyOf([...previous]);
    expect(novelty?.kind).toBe(kind);
    expect(novelty?.text).toContain(text);
  });

  it('calls a story sharing an earlier one’s distinctive names a follow-up', () => {
    const [story] = buildStories([[gas.ledger]], {
      now: NOW,
      previous: [
        { title: 'Power of Siberia pipeline: Gazprom eyes higher gas exports', editionId: '2026-11-20' },
      ],
    });
    expect(story!.novelty).toEqual({
      kind: 'follow-up',
      text: 'Follow-up to “Power of Siberia pipeline: Gazprom eyes higher gas exports” (edition of 2026-11-20).',
    });
  });

  it('says nothing about novelty when the earlier editions are unknown', () => {
    expect(noveltyOf(undefined)).toBeUndefined();
  });
});

describe('storyThemes', () => {
  it('keeps the strongest theme and only those that run through much of the story', () => {
    const reports = [
      one('a', '', { themes: ['alliance-diplomacy', 'energy'] }),
      one('b', '', { themes: ['energy', 'alliance-diplomacy'] }),
      one('c', '', { themes: ['alliance-diplomacy', 'energy'] }),
      one('d', '', { themes: ['alliance-diplomacy', 'military'] }),
    ];
    expect(storyThemes(reports)).toEqual(['alliance-diplomacy', 'energy']);
  });

  it('keeps a theme a third of the reports carry, whatever place they give it', () => {
    const reports = [
      one('a', '', { themes: ['alliance-diplomacy'] }),
      one('b', '', { themes: ['alliance-diplomacy', 'military'] }),
      one('c', '', { themes: ['alliance-diplomacy', 'energy', 'trade-finance'] }),
    ];
    // Four qualify; the cap of three drops the weakest (ties go by name).
    expect(storyThemes(reports)).toEqual(['alliance-diplomacy', 'energy', 'military']);
  });

  it.each([
    // A Western government's own move on the two sides is filed under the Western response.
    ['EU, US sanction Chinese firms over supplies to Russia’s military', ['western-response', 'military']],
    ['Pentagon warns Beijing about its military ties to Russia', ['western-response', 'military']],
    // Another state's reaction is not: the patrol is the event.
    [
      'Japan scrambles jets as Russian and Chinese bombers patrol near its airspace',
      ['military', 'western-response'],
    ],
    // Nor the two sides' own act that mentions the West.
    ['Russia and China reject Western sanctions on their trade', ['military', 'western-response']],
  ])('%s → %j', (title, expected) => {
    const reports = [
      one(title, '', { themes: ['military', 'western-response'] }),
      one(`${title} (2)`, '', { themes: ['military', 'western-response'] }),
    ];
    expect(storyThemes(reports, title)).toEqual(expected);
  });
});

describe('labelSignal', () => {
  it.each([
    ['Power of Siberia 2 talks stall over gas price', '', 'counter-signal', 'stall'],
    [
      'Gazprom and CNPC reach no agreement on Power of Siberia gas price',
      '',
      'counter-signal',
      'no agreement',
    ],
    ['Chinese banks refuse to process payments from Russian importers', '', 'counter-signal', 'banks refuse'],
    ['China-Russia trade fell 8% in the first quarter', '', 'counter-signal', 'trade fell'],
    ['Beijing keeps its distance as Moscow seeks more arms', '', 'counter-signal', 'keeps its distance'],
    ['Russia-China gas deal signed without agreement on price', '', 'counter-signal', 'without agreement'],
    [
      'Failure to agree on Power of Siberia 2 shows limits of Russia-China ties',
      '',
      'counter-signal',
      'failure to agree',
    ],
    ['Газпром и CNPC не договорились о цене «Силы Сибири»', '', 'counter-signal', 'не договорил'],
    ['Xi and Putin sign gas supply deal', '', 'new-development', 'sign'],
    ['Russia and China launch first joint lunar mission', '', 'new-development', 'launch'],
    ['China to allow visa-free travel for Russians', '', 'new-development', 'visa-free'],
    [
      'Xi and Putin hail partnership in phone call',
      'The two leaders praised relations.',
      'reinforces',
      'hail',
    ],
    ['Putin and Xi tout ‘no-limits’ friendship', '', 'reinforces', 'tout'],
    [
      'Putin Confirms Xi to Visit Moscow Amid Deepening China-Russia Ties',
      '',
      'reinforces',
      'Deepening China-Russia Ties',
    ],
    // Said by a third party, but of the two sides: after a side's name.
    ['US says Xi could back Putin’s troops staying in Ukraine', '', 'reinforces', 'back'],
    // Another actor's backing first, the two sides' praise after it: the praise is theirs.
    ['US backs Ukraine as Xi hails Putin in Moscow', '', 'reinforces', 'hails'],
    // Praise of the ties is no new step, however superlative.
    ['Putin hails ‘unprecedented’ ties with Xi in Beijing', '', 'reinforces', 'hail'],
    [
      'China and Russia stage an unprecedented joint patrol near Alaska',
      '',
      'new-development',
      'unprecedented',
    ],
  ])('“%s” %s is %s', (title, summary, signal, cue) => {
    const { signal: label, reasons } = labelSignal([one(title, summary)], ['energy']);
    expect(label).toBe(signal);
    expect(reasons.join(' ').toLowerCase()).toContain(cue.toLowerCase());
    // Every label is read against a theme baseline, quoted.
    expect(reasons.at(-1)).toMatch(/baseline.*: “.+”$/);
  });

  it.each([
    // A word match is not a statement of friction: the issue's own example.
    [
      'Xi and Putin meet in Moscow',
      'Russia’s economy is shrinking, and China will take advantage of that decline to establish itself.',
    ],
    // Friction, but not between the two sides.
    ['Xi and Putin meet in Beijing', 'EU and US trade talks stalled again.'],
    // A step hoped for is none; a missile launch is a test, not a joint project.
    ['Analysts doubt any breakthrough as Xi meets Putin', ''],
    ['Xi and Putin meet with little hope of any deal on gas', ''],
    ['US, China and Russia clash at the UN over North Korea’s missile launches', ''],
    // A meeting announced is the news of a meeting, not a step in the relation.
    ['Putin and Xi will hold talks by video link on Sunday', ''],
    ['Xi and Putin discuss Ukraine in phone call', 'The leaders spoke for an hour.'],
    // A third party's refusal or rift is not friction between the two.
    ['Ahead of Xi-Putin meeting in Moscow, White House rejects cease-fire in Ukraine', ''],
    ['EU rift with China widens as Xi meets Putin', ''],
    // A chasm that deepens is no tie deepened.
    ['Russia and China are being driven together as the chasm with the West deepens', ''],
    // Friction someone thinks possible is no statement of friction.
    ['Russia’s failures in Ukraine may strain its ties with China, expert says', ''],
    [
      'Xi and Putin meet',
      'Analysts said a slump in trade could test the limits of the China-Russia partnership.',
    ],
    // Rejecting pressure from outside together is no friction between the two.
    ['Xi and Putin discuss Ukraine in phone call', 'The leaders rejected attempts to pressure their trade.'],
    ['China rejects Western accusations over its ties with Russia', ''],
    // Praise said before either side is named is another actor's.
    [
      'Japan’s Fumio Kishida heads to Kyiv to meet Volodymyr Zelenskyy',
      'Japanese prime minister to show solidarity with Ukraine in visit that coincides with Chinese leader’s Moscow trip.',
    ],
  ])('gives no label when unsure: “%s”', (title, summary) => {
    const { signal, reasons } = labelSignal(
      [one(title, summary)],
      ['alliance-diplomacy'],
      [{ text: summary, url: 'https://outlet.example.org/x' }],
    );
    expect(signal).toBeUndefined();
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('calls friction no counter-signal when it does not outweigh the picture restated', () => {
    // The training corpus's 2023-03-22: the story's headline reaffirms the alliance; another
    // headline and one sentence note limits. A mixed reading is no reading.
    const limits =
      'The Chinese leader’s state visit showed Moscow and Beijing united against the West, but failure to agree on the Siberia Power 2 pipeline suggested that economic ties have limits.';
    const reports = [
      one('Xi and Putin spectacularly reaffirm their alliance against the West'),
      one('Xi and Putin offer no path to peace in Ukraine', '', { source: 'CNN' }),
      one('Xi leaves Moscow', limits, { source: 'The Washington Post' }),
    ];
    const url = reports[2]!.link;
    const mixed = labelSignal(reports, ['alliance-diplomacy'], [{ text: limits, url }]);
    expect(mixed.signal).toBeUndefined();
    expect(mixed.reasons[0]).toBe(
      'mixed reading: friction “no path” (another headline), “failure to agree” (summary) against the picture restated “reaffirm” (headline)',
    );
    // Friction in the headline that restates the picture is what that headline says: it counts.
    const unease = labelSignal(
      [one('Xi meets Putin in show of anti-West unity, but there’s unease, too')],
      ['alliance-diplomacy'],
    );
    expect(unease.signal).toBe('counter-signal');
    // Without the restating headline, the same friction is the story's counter-signal.
    const plain = labelSignal(reports.slice(1), ['alliance-diplomacy'], [{ text: limits, url }]);
    expect(plain.signal).toBe('counter-signal');
  });

  it.each([
    ['Beijing rejected Moscow’s price terms for the pipeline.', true],
    ['China rejects the Russian proposal.', true],
    ['The leaders rejected attempts to pressure their trade.', false],
    ['Moscow and Beijing rejected U.S. criticism of their drills.', false],
    ['Beijing rejects the US sanctions on Russian banks.', false],
    ['Russia’s failures may strain the relationship with China.', false],
    ['The White House rejects the cease-fire China proposed for Russia’s war.', false],
    ['US says Russia-China trade fell 8% this year.', true],
    ['Talks stall between Russia and China over the gas price.', true],
    // An unnamed forum's failure, and a refusal to act against the other side, are no friction.
    ['G20 fails to agree on Ukraine after China refuses to condemn Russia’s invasion', false],
    ['Beijing declined to criticise Moscow at the UN.', false],
    ['Beijing declined to sign the gas contract Moscow offered.', true],
    ['U.S. Warnings to China on Arms Aid for Russia’s War Portend Global Rift', false],
    ['The China-Russia rift over gas prices widens.', true],
    ['Kremlin plays down a rift with Beijing over Kazakhstan.', true],
    ['The failure to agree on a price might, analysts say, delay the pipeline to China.', true],
  ])('reads “%s” as friction: %s', (text, friction) => {
    expect(cueSpans(text, 'friction').length > 0).toBe(friction);
  });

  it.each([
    ['Russia has become more dependent on China since the war began', 'dependent on china'],
    ['Xi-Putin talks highlight Russia’s role as ‘junior partner’ to China', 'junior partner'],
  ])('reads the limits as bearing out the limits theme, not as its counter-signal: “%s”', (title, cue) => {
    const reports = [one(title)];
    const limits = labelSignal(reports, ['asymmetry-limits']);
    expect(limits.signal).toBe('reinforces');
    expect(limits.reasons[0]).toMatch(/^the limits restated: “/);
    expect(limits.reasons.join(' ').toLowerCase()).toContain(cue);
    expect(limits.reasons.at(-1)).toMatch(/^consistent with the baseline of “Imbalance/);
    // The same words temper the partnership's picture.
    expect(labelSignal(reports, ['alliance-diplomacy']).signal).toBe('counter-signal');
  });

  it.each([
    [
      'asymmetry-limits',
      'Nestled between Russia and North Korea, a piece of China hopes to gain',
      'Locals hope to benefit from Beijing’s deepening relations with Moscow.',
    ],
    ['western-response', 'US warns Beijing as Xi and Putin hail their friendship', ''],
    ['ukraine-war', 'Putin thanks Xi for China’s support as war grinds on', ''],
  ] as const)(
    'gives praise no reading under %s, whose picture it does not restate',
    (theme, title, summary) => {
      const reports = [one(title, summary)];
      const sentences = [{ text: summary, url: 'https://outlet.example.org/x' }];
      expect(labelSignal(reports, [theme], sentences).signal).toBeUndefined();
      expect(labelSignal(reports, ['alliance-diplomacy'], sentences).signal).toBe('reinforces');
    },
  );

  it.each([
    ['Xi and Putin hailed their “no limits” friendship.', true],
    ['Beijing vowed to stand with Moscow against hegemonic bullying.', true],
    // Another actor's pledge restates nothing of the two sides' picture.
    ['U.S. officials pledged to crack down on shipments to Russia that can be used by its military.', false],
    ['Japan’s prime minister will show solidarity with Ukraine as Xi visits Moscow.', false],
  ])('quotes “%s” as the picture restated: %s', (text, restated) => {
    expect(cueSpans(text, 'restated').length > 0).toBe(restated);
  });

  it('reads the headlines of a broad story beyond its first few: a summit’s signings are in some of them', () => {
    const reports = [
      ...Array.from({ length: 9 }, (_, i) => one(`Xi and Putin hold talks in Moscow, day ${i + 1}`)),
      one('Xi and Putin sign a plan on economic cooperation'),
      one('China and Russia agree to expand energy trade'),
    ];
    const { signal, reasons } = labelSignal(reports, ['alliance-diplomacy']);
    expect(signal).toBe('new-development');
    expect(reasons.join(' ')).toContain('(another headline)');
  });

  it('labels the fixture stories: a signed statement is new, a stalled price talk is a counter-signal', () => {
    expect(summitStory.signal).toBe('new-development');
    expect(gasStory.signal).toBe('counter-signal');
    expect(gasStory.signalReasons[0]).toContain('stall');
  });
});

describe('buildThemeDigests', () => {
  const digests = buildThemeDigests(drafts, [
    'energy',
    'alliance-diplomacy',
    'military',
    'trade-finance',
    'tech-infrastructure',
  ]);

  it('says what the day does to the baseline, complete and in the reports’ own words', () => {
    const energy = digests[0]!;
    // A signed contract and a stalled price talk on one theme: both, each quoted from its report.
    expect(energy.summary).toContain(
      'Today’s reports both add to and qualify the established picture of Russian fuel turned towards China',
    );
    // Both phrases come from one outlet: it is named once, after them.
    expect(energy.summary).toMatch(
      /they speak of “[^”]+” but also of “talks stall over gas price” \(Atlantic Ledger\)\./,
    );
    expect(energy.baseline).toBeDefined();
    expect(energy.summary).toContain(energy.baseline!);
    expect(energy.storyIds).toEqual(expect.arrayContaining([gasStory.id]));
  });

  it('names the outlet of each phrase it quotes when they come from different outlets', () => {
    const [energy] = buildThemeDigests(
      draftStories(
        [
          [
            one('Gazprom and CNPC sign deal to raise gas supplies to China', '', {
              source: 'Meridian Wire',
              themes: ['energy'],
            }),
          ],
          [
            one('Russia-China gas talks stall over price, sources say', '', {
              source: 'Harbour Times',
              themes: ['energy'],
            }),
          ],
        ],
        { now: NOW },
      ),
      ['energy'],
    );
    expect(energy!.summary).toMatch(/“[^”]+” \(Meridian Wire\) but also of “[^”]+” \(Harbour Times\)\./);
  });

  it('says the limits bear out the limits theme’s picture, where they would qualify another’s', () => {
    const draft = (themes: ScoredItem['classification']['themes']) =>
      draftStories(
        [
          [
            one('Russia has become more dependent on China since Ukraine war began', '', {
              source: 'Harbour Times',
              themes,
            }),
          ],
        ],
        { now: NOW },
      );
    const [limits] = buildThemeDigests(draft(['asymmetry-limits']), ['asymmetry-limits']);
    expect(limits!.summary).toBe(
      'Today’s reports bear out the established picture of China as the stronger partner and Russia at risk of becoming the junior one: they speak of “dependent on China” (Harbour Times).',
    );
    const [trade] = buildThemeDigests(draft(['trade-finance']), ['trade-finance']);
    expect(trade!.summary).toMatch(/^Today’s reports qualify the established picture of/);
  });

  it('quotes a phrase whole: a cut before “of …” ends before the phrase that lacks it', () => {
    const [partnership] = buildThemeDigests(
      draftStories(
        [
          [
            one('Xi invites Putin to Beijing in growing sign of their closeness, officials say', '', {
              source: 'Daily Mail',
              themes: ['alliance-diplomacy'],
            }),
          ],
        ],
        { now: NOW },
      ),
      ['alliance-diplomacy'],
    );
    expect(partnership!.summary).toContain('they speak of “Xi invites Putin to Beijing” (Daily Mail).');
  });

  it('never repeats a sentence the edition already prints in a story summary', () => {
    const printed = stories.flatMap((s) => s.sentences.map((x) => x.text));
    for (const digest of digests)
      for (const sentence of printed) expect(digest.summary).not.toContain(sentence.replace(/[.”]+$/, ''));
  });

  it('says the reports restate and qualify the picture when a story reads both ways', () => {
    const drafts = draftStories(
      [
        [
          one('Xi and Putin spectacularly reaffirm their alliance against the West', '', {
            source: 'Le Monde',
            themes: ['alliance-diplomacy'],
          }),
          one(
            'Xi leaves Moscow after Putin talks',
            'The state visit showed Moscow and Beijing united against the West, but failure to agree on the Power of Siberia 2 pipeline left the talks stalled.',
            { source: 'The Washington Post', themes: ['alliance-diplomacy'] },
          ),
        ],
      ],
      { now: NOW },
    );
    expect(drafts[0]!.story.title).toBe(
      'Xi and Putin spectacularly reaffirm their alliance against the West',
    );
    expect(drafts[0]!.story.signal).toBeUndefined();
    expect(drafts[0]!.mixed).toBe(true);
    const [partnership] = buildThemeDigests(drafts, ['alliance-diplomacy']);
    expect(partnership!.summary).toBe(
      'Today’s reports restate and qualify the established picture of frequent summits and a declared partnership “without limits”: they speak of “reaffirm their alliance against the West” (Le Monde) but also of “failure to agree on the Power of Siberia 2” (The Washington Post).',
    );
  });

  it('takes no sentence that dates its event weeks before the report as a development', () => {
    const drafts = passedOverBySummary(
      draftStories(
        [
          [
            one(
              'China and Russia hold joint naval drills',
              'Chinese and Russian bombers flew a joint patrol near Alaska on October 2, 2026. Six warships from the Chinese and Russian navies sailed through the Sea of Japan on Sunday.',
              { themes: ['military'] },
            ),
          ],
        ],
        { now: NOW },
      ),
    );
    const [military] = buildThemeDigests(drafts, ['military']);
    expect(military!.summary).toContain('Six warships from the Chinese and Russian navies');
    expect(military!.summary).not.toContain('October 2');
  });

  it('is no paragraph when all it has left is another report’s headline', () => {
    // 2025-09-02: the parade story's summary printed its reports' sentences; what remained was
    // The New York Times's headline, which alone says only what the story list below says.
    const parade = draftStories(
      [
        [
          one(
            'Power and a touch of paranoia as China prepares to host grand military parade',
            'China will mark Japan’s defeat in World War II with a parade of missiles, soldiers and leaders like Kim Jong-un of North Korea and Vladimir Putin of Russia.',
            { source: 'BBC News', themes: ['military'] },
          ),
          one('Xi’s Parade to Showcase China’s Military Might and Circle of Autocrats', '', {
            source: 'The New York Times',
            themes: ['military'],
          }),
        ],
      ],
      { now: NOW },
    );
    // As there: the summary printed the BBC's sentence, not the other headline.
    const printed = parade.map((d) => ({
      ...d,
      story: { ...d.story, sentences: d.story.sentences.filter((x) => !x.text.includes('Autocrats')) },
    }));
    expect(printed[0]!.story.sentences.map((x) => x.text)).toEqual([
      expect.stringMatching(/^China will mark Japan’s defeat/),
    ]);
    const [military] = buildThemeDigests(printed, ['military']);
    expect(military!.summary).toBe('');
    expect(military!.storyIds).toEqual([printed[0]!.story.id]);
  });

  it('lists no headlines and uses no template phrases', () => {
    for (const digest of digests) {
      expect(digest.summary).not.toMatch(
        /stories today|led by|Reinforcing the established picture|Nothing today departs/,
      );
      for (const story of stories) expect(digest.summary).not.toContain(`“${story.title}”`);
    }
  });

  // A summit filed under partnership, one of whose reports is also about trade.
  const facetDrafts = draftStories(
    [
      [
        one(
          'Xi welcomes Putin to Beijing for talks',
          'Xi Jinping greeted Vladimir Putin with a red carpet on Monday.',
        ),
        one(
          'Putin and Xi hail ties at Beijing summit',
          'Trade between China and Russia reached a record $245 billion last year, settled in roubles and yuan.',
          { themes: ['alliance-diplomacy', 'trade-finance'] },
        ),
        // Trade runs through one report of four: a side topic, not one of the story's themes.
        one('Putin arrives in Beijing', 'Vladimir Putin landed in Beijing for a two-day state visit.'),
        one('Xi and Putin meet', 'The two leaders met in the Great Hall of the People.'),
      ],
    ],
    { now: NOW },
  );

  it('leaves a paragraph empty, with its stories kept, when everything on the theme is printed elsewhere', () => {
    const summit = draftStories(
      [
        [
          one('Xi and Putin meet in Beijing', 'The two leaders met in the Great Hall of the People.'),
          one('Putin arrives in Beijing', 'Vladimir Putin landed in Beijing.', {
            themes: ['alliance-diplomacy', 'trade-finance'],
          }),
          one('Xi hosts Putin', 'Xi Jinping welcomed Vladimir Putin.', {
            themes: ['alliance-diplomacy', 'energy'],
          }),
        ],
      ],
      { now: NOW },
    );
    expect(summit[0]!.story.themes).toEqual(['alliance-diplomacy', 'energy', 'trade-finance']);
    const [energy, trade] = buildThemeDigests(summit, ['energy', 'trade-finance']);
    // The email and the pages list the story under both themes: a pointer would repeat its headline.
    for (const digest of [energy!, trade!]) {
      expect(digest.summary).toBe('');
      expect(digest.storyIds).toEqual([summit[0]!.story.id]);
    }
  });

  it('gives the reports’ words to the specific theme before the broad one every summit falls under', () => {
    const visit = draftStories(
      [
        [
          one(
            'Xi and Putin hold talks in Moscow',
            'Xi Jinping and Vladimir Putin held talks in the Kremlin on Tuesday. Xi Jinping and Vladimir Putin praised the partnership between China and Russia. Moscow and Beijing agreed to deepen their partnership with a deal to advance the Power of Siberia 2 gas pipeline, Novak said.',
            { themes: ['alliance-diplomacy', 'energy'] },
          ),
          one(
            'Putin hosts Xi at the Kremlin',
            'Vladimir Putin welcomed Xi Jinping to the Kremlin for talks on Tuesday. Xi Jinping and Vladimir Putin praised the partnership between their countries.',
          ),
          one(
            'Xi in Moscow for talks with Putin',
            'Xi Jinping held talks with Vladimir Putin in the Kremlin on Tuesday. Putin and Xi praised the partnership between Russia and China.',
            { themes: ['alliance-diplomacy', 'energy'] },
          ),
        ],
      ],
      { now: NOW },
    );
    const [alliance, energy] = buildThemeDigests(visit, ['alliance-diplomacy', 'energy']);
    // The pipeline deal's words show the energy picture's new step; the summit's paragraph, which
    // comes first in the edition, does not take them from it.
    expect(energy!.summary).toContain('“deal to advance the Power of Siberia”');
    expect(alliance!.summary).not.toContain('Power of Siberia');
  });

  it('takes a theme’s facet from a story filed under another theme, without repeating it', () => {
    expect(facetDrafts[0]!.story.themes).toEqual(['alliance-diplomacy']);
    const [trade] = buildThemeDigests(facetDrafts, ['trade-finance']);
    expect(trade!.storyIds).toEqual([facetDrafts[0]!.story.id]);
    // The $245 billion sentence is the story's summary, printed under the theme already.
    expect(facetDrafts[0]!.story.summary).toContain('$245 billion');
    expect(trade!.summary).toBe('');
  });

  it('repeats no headline and claims no reading when the story’s every sentence is printed', () => {
    const quiet = draftStories(
      [
        [
          one(
            'Russian and Chinese warships hold drills in the Sea of Japan',
            'Ships of the two navies sailed together on Monday for the third time this year.',
            { themes: ['military'] },
          ),
        ],
      ],
      { now: NOW },
    );
    const [partnership] = buildThemeDigests(quiet, ['military']);
    const story = quiet[0]!.story;
    expect(story.themes[0]).toBe('military');
    expect(story.sentences.length).toBeGreaterThan(0);
    // Nothing of its own to add, no words to show a reading: the paragraph is empty, and the
    // theme keeps its story (the email prints it under the heading).
    expect(partnership!.summary).toBe('');
    expect(partnership!.storyIds).toEqual([story.id]);
    // A story labelled a new development, with no words of its own to show the step: no bare
    // "Today's reports add a new step to the picture" either, since nothing in the paragraph shows it.
    const labelled = quiet.map((d) => ({ ...d, story: { ...d.story, signal: 'new-development' as const } }));
    const [military] = buildThemeDigests(labelled, ['military']);
    expect(military!.summary).toBe('');
    expect(military!.baseline).toBeUndefined();
  });

  it('reads another theme’s headline by its main clause, not its backdrop', () => {
    const parade = 'Putin and Xi tout deepening ties ahead of Beijing military parade';
    const partnership = { themes: ['alliance-diplomacy' as const] };
    const drafts = draftStories(
      [
        [
          one(
            'Xi and Putin sign joint statement on deepening strategic partnership in Beijing talks',
            'Xi Jinping and Vladimir Putin signed a joint statement on their strategic partnership in Beijing on Tuesday.',
            partnership,
          ),
          one('Putin and Xi sign statement deepening their strategic partnership', '', partnership),
          one('Xi and Putin deepen strategic partnership with joint statement', '', partnership),
          one(parade, '', { themes: ['alliance-diplomacy', 'military'], source: 'The Moscow Times' }),
        ],
      ],
      { now: NOW },
    );
    expect(drafts[0]!.story.title).not.toBe(parade);
    expect(drafts[0]!.story.themes).toEqual(['alliance-diplomacy']);
    const [military] = buildThemeDigests(drafts, ['military']);
    // The story touches the military through the parade, and keeps its place under the heading.
    expect(military!.storyIds).toEqual([drafts[0]!.story.id]);
    expect(military!.summary).not.toContain('military parade');
  });

  it('calls a theme quiet only when no report of the day is filed under it', () => {
    const drafts = draftStories(
      [
        [
          one(
            'Xi and Putin meet in Beijing',
            'Xi Jinping and Vladimir Putin held talks in Beijing on Thursday.',
            {
              themes: ['alliance-diplomacy'],
            },
          ),
          one('Putin and Xi hold talks', 'The two leaders met for a second day of talks.', {
            themes: ['alliance-diplomacy', 'energy'],
          }),
          one('Xi hosts Putin in Beijing', 'Xi Jinping welcomed Vladimir Putin in Beijing.', {
            themes: ['alliance-diplomacy'],
          }),
          one('Xi and Putin meet again', 'The Chinese and Russian leaders held talks again.', {
            themes: ['alliance-diplomacy'],
          }),
        ],
      ],
      { now: NOW },
    );
    expect(drafts[0]!.story.themes).toEqual(['alliance-diplomacy']);
    const [energy, tech] = buildThemeDigests(drafts, ['energy', 'tech-infrastructure']);
    // A report is filed under energy, with no sentence on it to print: not quiet, nothing claimed.
    expect(energy!.summary).toBe('');
    expect(energy!.storyIds).toEqual([drafts[0]!.story.id]);
    expect(tech!.summary).toBe(QUIET_THEME);
    expect(tech!.storyIds).toEqual([]);
  });

  it('does not call a theme quiet when a story summary the edition prints is on it', () => {
    const drafts = draftStories(
      [
        [
          one(
            'Xi and Putin meet in Beijing',
            'In talks in Beijing, the Russian president called for stronger economic ties between the countries.',
            { themes: ['alliance-diplomacy'] },
          ),
          one('Xi hosts Putin in Beijing', 'Xi Jinping welcomed Vladimir Putin in Beijing.', {
            themes: ['alliance-diplomacy'],
          }),
        ],
      ],
      { now: NOW },
    );
    const story = drafts[0]!.story;
    expect(story.themes).toEqual(['alliance-diplomacy']);
    expect(story.sentences.map((s) => s.text).join(' ')).toContain('stronger economic ties');
    const [trade, tech] = buildThemeDigests(drafts, ['trade-finance', 'tech-infrastructure']);
    // No report is filed under trade, but the summary printed above reports an economic ask.
    expect(trade!.summary).toBe('');
    expect(trade!.storyIds).toEqual([story.id]);
    expect(tech!.summary).toBe(QUIET_THEME);
  });

  it('does not call a theme quiet when a report’s sentence the edition leaves out is on it', () => {
    const drone =
      'Hours before the Chinese leader landed, airports across the Russian capital were closed by Ukrainian drone attacks.';
    const [draft] = draftStories(
      [
        [
          one('Xi arrives in Moscow hailing historic ties', drone, { themes: ['alliance-diplomacy'] }),
          one(
            'Xi hosts talks with Putin in the Kremlin',
            'Xi Jinping and Vladimir Putin held talks in Moscow.',
            {
              themes: ['alliance-diplomacy'],
            },
          ),
        ],
      ],
      { now: NOW },
    );
    // The printed summary keeps the talks and leaves the drone attacks out.
    const sentences = draft!.story.sentences.filter((x) => !x.text.includes('drone'));
    const printed = { ...draft!, story: { ...draft!.story, sentences } };
    const [war, tech] = buildThemeDigests([printed], ['ukraine-war', 'tech-infrastructure']);
    expect(war!.summary).not.toBe(QUIET_THEME);
    expect(war!.storyIds).toEqual([draft!.story.id]);
    expect(tech!.summary).toBe(QUIET_THEME);
  });

  it('prints a facet from another theme’s story only when the sentence is mainly about the facet', () => {
    const summit = draftStories(
      [
        [
          one(
            'Xi and Putin meet at the Shanghai Cooperation Organisation summit',
            'Xi Jinping and Vladimir Putin met in Tianjin on Monday. Xi Jinping and Vladimir Putin stood shoulder to shoulder at this week’s summit, hailing their partnership while analysts see its limits.',
            { themes: ['alliance-diplomacy', 'asymmetry-limits'] },
          ),
          one('Putin and Xi hold talks in Tianjin', 'The two leaders met in Tianjin on Monday.'),
          one('Xi hosts Putin in Tianjin', 'Xi Jinping welcomed Vladimir Putin in Tianjin.'),
          one('Xi and Putin meet in Tianjin', 'The Chinese and Russian leaders held talks in Tianjin.'),
        ],
      ],
      { now: NOW },
    );
    expect(summit[0]!.story.themes).toEqual(['alliance-diplomacy']);
    const [limits] = buildThemeDigests(summit, ['asymmetry-limits']);
    // The sentence touches the limits but is about the partnership: the story counts for the
    // theme, the sentence is not printed as its development.
    expect(limits!.storyIds).toEqual([summit[0]!.story.id]);
    expect(limits!.summary).not.toContain('its limits');
  });

  it('prints a sentence of a story filed under another theme only when it is mainly about this one', () => {
    const patrol = draftStories(
      [
        [
          one(
            'Japan scrambles jets as Russian and Chinese bombers patrol near its airspace',
            'Two Russian Tu-95MS and two Chinese H-6K bombers, all capable of carrying nuclear weapons, flew for about eight hours over the Sea of Japan and the East China Sea, according to Japan’s Joint Staff.',
            { themes: ['military', 'ukraine-war'] },
          ),
          one(
            'Russian and Chinese bombers fly joint patrol',
            'Russian and Chinese strategic bombers flew a joint patrol over the Sea of Japan.',
            {
              themes: ['military', 'ukraine-war'],
            },
          ),
        ],
      ],
      { now: NOW },
    );
    expect(patrol[0]!.story.themes.slice(0, 2)).toEqual(['military', 'ukraine-war']);
    // Its summary passed the sentence over (as a broad story's does), so the paragraphs may use it.
    const passedOver = passedOverBySummary(patrol);
    const [military] = buildThemeDigests(passedOver, ['military']);
    expect(military!.summary).toContain('Tu-95MS');
    const [war] = buildThemeDigests(passedOver, ['ukraine-war']);
    // Filed under the war too, but the sentence is about the patrol: the war paragraph keeps the
    // story and does not print its sentence as the war's development.
    expect(war!.storyIds).toEqual([patrol[0]!.story.id]);
    expect(war!.summary).not.toContain('Tu-95MS');
  });

  it('quotes no headline whose words a printed sentence already holds', () => {
    const patrol = draftStories(
      [
        [
          one(
            'Russian and Chinese warships begin joint patrol in Pacific',
            'A joint group of Russian and Chinese warships has carried out a patrol in the Sea of Japan and the western Pacific, while strategic bombers of the two countries conducted a joint air patrol over the region, the Russian Defense Ministry said on Monday.',
            { themes: ['military'] },
          ),
          one('China and Russia fly bombers, sail warships in joint Pacific patrol', '', {
            themes: ['military'],
          }),
          one('Russia and China pledge to hold more joint naval drills next year', '', {
            themes: ['military'],
          }),
        ],
      ],
      { now: NOW },
    );
    const printed = patrol[0]!.story.sentences.map((s) => s.text);
    expect(printed.join(' ')).toContain('joint air patrol');
    const [military] = buildThemeDigests(patrol, ['military']);
    // The patrol headline is inside the printed sentence (Dice says otherwise: it is short); the
    // drills headline has words of its own.
    expect(military!.summary).not.toContain('fly bombers');
    expect(military!.summary).toContain('more joint naval drills');
  });

  it('restates the picture without quoting praise beside the paragraph’s own sentence', () => {
    const praise = draftStories(
      [
        [
          one(
            'Xi hails ‘old friend’ Putin as talks begin in Beijing',
            'Xi Jinping praised ties with Russia as he welcomed Vladimir Putin to Beijing for talks on Tuesday.',
            { source: 'Al Jazeera', themes: ['alliance-diplomacy'] },
          ),
        ],
      ],
      { now: NOW },
    );
    expect(praise[0]!.story.signal).toBe('reinforces');
    const [own] = buildThemeDigests(passedOverBySummary(praise), ['alliance-diplomacy']);
    // The sentence is the evidence; "they speak of “hails old friend Putin”" would say it again.
    expect(own!.summary).toContain('welcomed Vladimir Putin to Beijing');
    expect(own!.baseline).toBe(
      'Today’s reports restate the established picture of frequent summits and a declared partnership “without limits”.',
    );
    // With the sentence printed in the story's summary instead, the paragraph quotes the words.
    const [quoting] = buildThemeDigests(praise, ['alliance-diplomacy']);
    expect(quoting!.baseline).toMatch(/: they speak of “.+” \(Al Jazeera\)\.$/);
  });

  it('names, where coverage divides, the outlets whose own reports say so', () => {
    const at = (source: string, perspective: 'western' | 'chinese-state', title: string, summary: string) =>
      one(title, summary, { id: source, source, perspective, themes: ['energy'] });
    const deal = draftStories(
      [
        [
          at(
            'Ledger',
            'western',
            'Xi and Putin sign Power of Siberia 2 gas pipeline deal',
            'Talks on the Power of Siberia 2 gas price stalled again, officials said, as Xi and Putin met.',
          ),
          at(
            'Capital Post',
            'western',
            'Xi and Putin sign Power of Siberia 2 gas pipeline deal in Beijing',
            'Xi Jinping and Vladimir Putin signed an agreement on the Power of Siberia 2 gas pipeline.',
          ),
          at(
            'Huaxia',
            'chinese-state',
            'China and Russia sign Power of Siberia 2 gas pipeline agreement',
            'Xi Jinping and Vladimir Putin signed an agreement on the Power of Siberia 2 gas pipeline, opening a new era.',
          ),
        ],
      ],
      { now: NOW },
    );
    const [energy] = buildThemeDigests(deal, ['energy']);
    const split = energy!.summary.slice(energy!.summary.indexOf('Coverage divides'));
    expect(split).toMatch(/^Coverage divides: Ledger \(Western\) points to the limits/);
    // Capital Post reported the signing only: it is not said to point to the limits.
    expect(split).not.toMatch(/Capital Post[^,]*points? to the limits/);
  });

  it('prints no state of things before today as a development', () => {
    const bridge = draftStories(
      [
        [
          one(
            'World’s first cross-border cable car linking China and Russia completes construction',
            'Heihe in China and Blagoveshchensk in Russia are already linked by a road bridge that opened in 2022. Construction of the cable car linking Heihe with Blagoveshchensk across the Amur river was completed on Sunday, local authorities in China said.',
            { themes: ['tech-infrastructure'] },
          ),
        ],
      ],
      { now: NOW },
    );
    const passedOver = passedOverBySummary(bridge);
    const [tech] = buildThemeDigests(passedOver, ['tech-infrastructure']);
    expect(tech!.summary).toContain('cable car');
    expect(tech!.summary).not.toContain('already linked');
  });

  it('uses a fact the story summary passed over', () => {
    const [trade] = buildThemeDigests(
      facetDrafts.map((d) => ({
        ...d,
        story: { ...d.story, sentences: d.story.sentences.filter((x) => !x.text.includes('$245')) },
      })),
      ['trade-finance'],
    );
    expect(trade!.summary).toMatch(
      /^Trade between China and Russia reached a record \$245 billion last year/,
    );
  });

  it('says so explicitly when a theme had nothing', () => {
    expect(digests[4]).toEqual({
      id: 'tech-infrastructure',
      title: expect.any(String),
      summary: QUIET_THEME,
      storyIds: [],
    });
    // Not military: a printed summary says Beijing avoided "any promise of military support".
    expect(digests[2]!.summary).not.toBe(QUIET_THEME);
  });

  it.each(THEME_CATALOGUE.map((t) => [t.id, t.picture]))(
    'the %s baseline is one short phrase, never a date or a cut sentence',
    (_, picture) => {
      expect(picture).not.toMatch(/\d|…|\.\s*$/);
      expect(picture.split(/\s+/).length).toBeLessThanOrEqual(18);
    },
  );
});

describe('isSchedule', () => {
  it.each([
    ['Putin and Xi will hold talks by video link on Sunday.', true],
    ["The Chinese and Russian leaders meet again on Tuesday during Xi Jinping's visit to Moscow.", true],
    ['The two presidents are due to meet in Kazan.', true],
    ['Xi and Putin met in Moscow and signed a joint statement.', false],
    ['Russia will supply more gas to China from 2027.', false],
    // A preview of the meeting written before it: no development once it has taken place.
    ['With the war raging and a Covid outbreak in China, their call will put their ties on display.', true],
    ['Xi’s trip is expected to deepen energy ties, analysts say.', true],
    ['The visit ended with a joint statement on energy.', false],
  ])('%s → %s', (sentence, schedule) => {
    expect(isSchedule(sentence)).toBe(schedule);
  });

  it('leaves a schedule out of a summary that has anything else to say', () => {
    const [story] = buildStories(
      [
        [
          one(
            'US urges Xi to press Putin over war crimes in Ukraine',
            "The White House said the Chinese leader could back Russian troops remaining in Ukraine. The Chinese and Russian leaders meet again on Tuesday during Xi Jinping's visit to Moscow.",
          ),
        ],
      ],
      { now: NOW },
    );
    expect(story!.sentences.map((x) => x.text).join(' ')).toContain('White House');
    expect(story!.sentences.map((x) => x.text).join(' ')).not.toContain('meet again');
  });
});

describe('leansOnContext', () => {
  it.each([
    ['The statement decries the Golden Dome plan.', true],
    ['But the talks ended without a deal.', true],
    ['Those talks ended without a deal.', true],
    ['He said the talks went well.', true],
    ['Those living on the border hope to benefit from the ties.', false],
    ['Those who trade across the river say prices rose.', false],
    ['The Kremlin said the talks went well.', false],
    ['A joint statement decries the Golden Dome plan.', false],
    ['Beijing has condemned the measures as illegal unilateral sanctions.', true],
    ['The bombers flew for eight hours over the Sea of Japan, the ministry said.', true],
    ['CNPC wants more flexibility, two of the people said.', true],
    ['China is ready to work with Russia to expand practical cooperation, he said.', true],
    ['He said China is ready to work with Russia.', true],
    ['Xi said China is ready to work with Russia, adding that they said so before.', false],
    ['Trade between the two countries has nonetheless fallen this year.', true],
    ['The Russian defence ministry said the patrol was not aimed at third countries.', true],
    ['The measures of the EU target 19 companies in China.', false],
    ['Three people familiar with the talks said the price was the sticking point.', false],
    ['The Chinese president also said Beijing is ready to work with Moscow.', false],
    ['The People’s Republic of China called for a cease-fire on Friday and released a 12-point plan.', false],
  ])('%s → %s', (sentence, leans) => {
    expect(leansOnContext(sentence)).toBe(leans);
  });
});

describe('buildTopLine', () => {
  it('gives the three most important developments, one attributed sentence each from distinct stories', () => {
    const top = buildTopLine(stories);
    expect(top).toHaveLength(3);
    expect(top[0]).toEqual(summitStory.sentences[0]);
    const owners = top.map((t) => stories.find((s) => s.sentences.includes(t)));
    expect(new Set(owners).size).toBe(3);
  });

  it('quotes the headline when its report’s sentence names neither side', () => {
    // The training corpus's 2023-04-05: the line said nothing of China or Russia.
    const url = 'https://www.foxnews.com/npr';
    const title = "NPR labeled 'state-affiliated media' on Twitter, same as Russia's RT and China's Xinhua";
    const story: Story = {
      ...summitStory,
      id: 'npr',
      title,
      sentences: [
        {
          text: 'Twitter under Elon Musk\'s leadership has labeled NPR a "US state-affiliated media" outlet, prompting complaints from some of the outlet\'s staff, Fox News reports.',
          url,
        },
      ],
      articles: [{ ...summitStory.articles[0]!, url, source: 'Fox News', title }],
    };
    expect(buildTopLine([story]).map((t) => t.text)).toEqual([`Fox News ran the headline “${title}”.`]);
  });

  it('puts a third party’s reaction in one report after the day’s developments of the two', () => {
    const story = (id: string, title: string, rank: number): Story => ({
      ...summitStory,
      id,
      title,
      rank,
      themes: [id === 'deal' ? 'energy' : 'ukraine-war'],
      sentences: [{ text: `Sentence of ${id} about China and Russia.`, url: `https://x.example/${id}` }],
      articles: [{ ...summitStory.articles[0]!, url: `https://x.example/${id}` }],
    });
    const top = buildTopLine([
      story('taiwan', "Taiwan skeptical of China's push for peace between Russia and Ukraine", 0.9),
      story('deal', 'Russia and China sign deal on the Power of Siberia 2 pipeline', 0.8),
    ]);
    expect(top.map((t) => t.text)).toEqual([
      'Sentence of deal about China and Russia.',
      'Sentence of taiwan about China and Russia.',
    ]);
  });

  it('never leads with a sentence that dates its event weeks before the report', () => {
    // The training corpus's 2023-04-06: an April analysis whose one sentence is February's exercise.
    const story = (id: string, title: string, text: string, rank: number): Story => ({
      ...summitStory,
      id,
      title,
      rank,
      themes: ['military'],
      sentences: [{ text, url: `https://x.example/${id}` }],
      articles: [
        { ...summitStory.articles[0]!, url: `https://x.example/${id}`, published: '2023-04-06T10:00:00Z' },
      ],
    });
    const stale =
      'South Africa embarked on February 17, 2023 on a 10-day joint military exercise with Russia and China.';
    const fresh = 'China and Russia began a joint naval exercise in the Sea of Japan on April 5.';
    const top = buildTopLine([
      story('old', 'South Africa joins China and Russia in a military exercise axis', stale, 0.9),
      story('new', 'China and Russia begin a naval exercise', fresh, 0.8),
    ]);
    expect(top.map((t) => t.text)).toEqual([fresh]);
  });

  it('never takes a story about another state with the two sides as backdrop, nor a commentary first', () => {
    const story = (id: string, title: string, rank: number): Story => ({
      ...summitStory,
      id,
      title,
      rank,
      themes: ['alliance-diplomacy'],
      sentences: [{ text: `Sentence of ${id} about China and Russia.`, url: `https://x.example/${id}` }],
    });
    const top = buildTopLine([
      story('kyiv', 'Japan’s leader in Kyiv to back Ukraine as China’s Xi visits Russia', 0.95),
      story('why', 'Why growing China-Russia military ties worry the west', 0.9),
      story('deal', 'Russia and China sign deal on the Power of Siberia 2 pipeline', 0.8),
    ]);
    expect(top.map((t) => t.text)).toEqual(['Sentence of deal about China and Russia.']);
    // Another state's words on the two sides' own ties are about the relation.
    const warned = buildTopLine([
      story(
        'pentagon',
        'Pentagon warns Beijing about its military ties to Russia, even as Xi and Putin meet',
        0.9,
      ),
      story('kyiv', 'Japan’s leader in Kyiv to back Ukraine as China’s Xi visits Russia', 0.95),
    ]);
    expect(warned.map((t) => t.text)).toEqual(['Sentence of pentagon about China and Russia.']);
  });

  it.each([
    // The report's sentence is about something else than its headline's development: the headline.
    [
      'US urges Xi to press Putin over war crimes in Ukraine',
      "The Chinese and Russian leaders meet again on Tuesday during Xi Jinping's visit to Moscow, BBC News reports.",
      'US urges Xi to press Putin over war crimes in Ukraine, BBC News reports.',
    ],
    // It states it (a word of the same family: "welcoming", "welcome"): the sentence.
    [
      "Putin's welcome to Xi Jinping seems to show China is on Russia's side",
      "Putin's welcoming remarks to Xi Jinping were a barb aimed at Ukraine, BBC News reports.",
      "Putin's welcoming remarks to Xi Jinping were a barb aimed at Ukraine, BBC News reports.",
    ],
    // It states it but names one side only, where the headline names both and reads as a
    // sentence: printed alone, the line must show the relation, so the headline.
    [
      'Pentagon warns Beijing about its military ties to Russia, even as Xi and Putin meet',
      'Ely Ratner, the Pentagon’s chief for Indo-Pacific security, expresses “serious concern” in a video link with General Li Bin of China’s Central Military Commission, BBC News reports.',
      'Pentagon warns Beijing about its military ties to Russia, even as Xi and Putin meet, BBC News reports.',
    ],
    // A headline that only speculates gives way to the report's sentence on what happened.
    [
      'Putin may be about to find his ‘Chinese wish list’ is wishful thinking',
      'Russian President Vladimir Putin has invited his “best friend”, China’s leader Xi Jinping, to Moscow for a three-day state visit, BBC News reports.',
      'Russian President Vladimir Putin has invited his “best friend”, China’s leader Xi Jinping, to Moscow for a three-day state visit, BBC News reports.',
    ],
  ])('leads with a sentence stating the headline of a small story: %s', (title, sentence, expected) => {
    const url = 'https://www.bbc.com/news/1';
    const small: Story = {
      ...summitStory,
      id: 'small',
      title,
      sentences: [{ text: sentence, url }],
      articles: [{ ...summitStory.articles[0]!, url, source: 'BBC News - Asia', title }],
    };
    expect(buildTopLine([small]).map((t) => t.text)).toEqual([expected]);
  });

  it('never leads with a newsletter, nor with a sentence whose news is another actor’s', () => {
    const aid =
      'The U.S. announced Monday that it will send Ukraine an additional $350 million in ammunition as Chinese President Xi Jinping meets Russian President Vladimir Putin in Moscow.';
    const warning =
      'US Secretary of State Antony Blinken said the world should not be fooled by a Chinese-Russian peace plan for Ukraine.';
    const blinken: Story = {
      ...summitStory,
      id: 'blinken',
      rank: 0.8,
      title: 'Blinken warns of a Xi-Putin peace plan to freeze Russian war gains',
      sentences: [
        { text: aid, url: summitStory.articles[0]!.url },
        { text: warning, url: summitStory.articles[1]!.url },
      ],
    };
    expect(new Set(blinken.articles.map((a) => a.url)).size).toBeGreaterThanOrEqual(3);
    const newsletter: Story = {
      ...summitStory,
      id: 'briefing',
      rank: 0.9,
      title: 'Your Tuesday Briefing: Xi Meets Putin in Moscow',
      sentences: [{ text: 'Xi Jinping met Vladimir Putin in Moscow on Monday.', url: 'https://x.example/b' }],
    };
    expect(buildTopLine([newsletter, blinken]).map((t) => t.text)).toEqual([warning]);
    // A main clause naming no other actor is the story's own: its sentence leads.
    const theirs =
      'Talks lasted about 90 minutes, with pledges of closer energy ties, while Washington and Brussels prepare measures against Chinese firms accused of helping Russia’s war effort.';
    const call = { ...blinken, id: 'call', title: 'Xi and Putin pledge closer energy ties in video call' };
    expect(
      buildTopLine([
        { ...call, sentences: [{ text: theirs, url: summitStory.articles[0]!.url }, blinken.sentences[1]!] },
      ]).map((t) => t.text)[0],
    ).toBe(theirs);
    // With no other sentence, the headline, which states the story's news, is its line.
    expect(
      buildTopLine([{ ...blinken, sentences: blinken.sentences.slice(0, 1) }]).map((t) => t.text),
    ).toEqual(['Blinken warns of a Xi-Putin peace plan to freeze Russian war gains, Meridian Wire reports.']);
  });

  it('gives one statement quoted by two stories one line, and the next story the other', () => {
    const line = (id: string, title: string, text: string, rank: number): Story => ({
      ...summitStory,
      id,
      title,
      rank,
      themes: ['western-response'],
      sentences: [{ text, url: `https://x.example/${id}` }],
    });
    const top = buildTopLine([
      line(
        'awkward',
        'US sees China in an awkward position over Russia',
        'China’s stance puts it in an “awkward” position and arms for Russia would come with “real costs,” Jake Sullivan said.',
        0.9,
      ),
      line(
        'costs',
        'US says China will face costs if it arms Russia',
        'Jake Sullivan vowed there would be “real costs” for China if it provided lethal aid to Russia.',
        0.89,
      ),
      line(
        'g20',
        'G20 talks end without statement as China and Russia object',
        'Finance ministers failed to agree on a statement after opposition from China and Russia.',
        0.8,
      ),
    ]);
    expect(top.map((t) => t.url)).toEqual(['https://x.example/awkward', 'https://x.example/g20']);
  });

  it('leads a widely covered event with what happened before a reading of it', () => {
    const reading =
      "Vladimir Putin's welcoming remarks to Xi Jinping appear to have been a carefully crafted barb aimed at Ukraine, Sky News reports.";
    const plain =
      'Xi Jinping called for closer relations with Russia and reaffirmed China’s support for the country.';
    const story: Story = {
      ...summitStory,
      id: 'visit',
      sentences: [
        { text: reading, url: summitStory.articles[0]!.url },
        { text: plain, url: summitStory.articles[1]!.url },
      ],
    };
    expect(new Set(story.articles.map((a) => a.url)).size).toBeGreaterThanOrEqual(3);
    expect(buildTopLine([story]).map((t) => t.text)[0]).toBe(plain);
  });

  it('leads a widely covered event with its headline when its own report’s standfirst is background', () => {
    const own = summitStory.articles[0]!;
    const title = 'China’s Xi vows to stand with friend Putin against ‘hegemonic bullying’';
    const background =
      'The Chinese leader, a guest for Moscow’s war commemorations, is keen to keep a deep relationship with Russia.';
    const other = 'Xi Jinping called for closer relations with Russia and reaffirmed China’s support.';
    const story: Story = {
      ...summitStory,
      id: 'bullying',
      title,
      sentences: [
        { text: background, url: own.url },
        { text: other, url: summitStory.articles[1]!.url },
      ],
      articles: [{ ...own, title, source: 'Al Jazeera' }, ...summitStory.articles.slice(1)],
    };
    expect(new Set(story.articles.map((a) => a.url)).size).toBeGreaterThanOrEqual(3);
    expect(buildTopLine([story])[0]).toEqual({
      text: 'China’s Xi vows to stand with friend Putin against ‘hegemonic bullying’, Al Jazeera reports.',
      url: own.url,
      headline: true,
    });
    // A standfirst that says the headline's news stays the line.
    const stated = 'Xi vowed on Thursday to stand with Russia against what he called hegemonic bullying.';
    const plain = { ...story, sentences: [{ text: stated, url: own.url }, ...story.sentences.slice(1)] };
    expect(buildTopLine([plain])[0]!.text).toBe(stated);
  });

  it('takes a report’s headline that reads as a sentence before quoting the story’s', () => {
    const mt = 'https://www.themoscowtimes.com/2025/05/08/dome';
    const scmp = 'https://www.scmp.com/news/china/dome';
    const title = 'Russia and China Criticize Trump’s ‘Iron Dome for America’ Plan';
    const story: Story = {
      ...summitStory,
      id: 'dome',
      title,
      sentences: [{ text: 'The statement decries the Golden Dome plan, BBC News reports.', url: mt }],
      articles: [
        { ...summitStory.articles[0]!, url: mt, source: 'The Moscow Times', title },
        {
          ...summitStory.articles[0]!,
          url: scmp,
          source: 'South China Morning Post',
          title:
            'China and Russia accuse US of raising risk of nuclear war and vow to respond to threats jointly',
        },
      ],
    };
    expect(buildTopLine([story])).toEqual([
      {
        text: 'China and Russia accuse US of raising risk of nuclear war and vow to respond to threats jointly, South China Morning Post reports.',
        url: scmp,
        headline: true,
      },
    ]);
    // With no such headline, the story's own is quoted.
    const alone = { ...story, articles: [story.articles[0]!] };
    expect(buildTopLine([alone]).map((t) => t.text)).toEqual([
      'The Moscow Times ran the headline “Russia and China Criticize Trump’s ‘Iron Dome for America’ Plan”.',
    ]);
  });

  it('never prints alone a sentence that leans on the one before it', () => {
    const url = 'https://www.bbc.com/news/2';
    const title = 'Russia and China criticise Trump’s Golden Dome plan';
    const story: Story = {
      ...summitStory,
      id: 'dome',
      title,
      sentences: [
        { text: 'Moscow and Beijing said they would consult on weapons in space.', url },
        { text: 'The statement decries the Golden Dome plan, BBC News reports.', url },
      ],
      articles: [{ ...summitStory.articles[0]!, url, source: 'BBC News - Asia', title }],
    };
    expect(buildTopLine([story]).map((t) => t.text)).toEqual([
      'Russia and China criticise Trump’s Golden Dome plan, BBC News reports.',
    ]);
    // Standing on its own, the same report's sentence is the top line.
    const text = 'A joint statement of Moscow and Beijing decries the Golden Dome plan.';
    const standing = { ...story, sentences: [story.sentences[0]!, { text, url }] };
    expect(buildTopLine([standing]).map((t) => t.text)).toEqual([text]);
    // Naming neither side, it would not show the relation printed alone: the headline does.
    const unnamed = {
      ...story,
      sentences: [{ text: 'A joint statement decries the Golden Dome plan.', url }],
    };
    expect(buildTopLine([unnamed]).map((t) => t.text)).toEqual([
      'Russia and China criticise Trump’s Golden Dome plan, BBC News reports.',
    ]);
  });

  it('prefers a theme not yet covered when ranks are close, but not over a clearly more important story', () => {
    const titles: Record<string, string> = {
      pipeline: 'Russia and China agree on a pipeline route',
      tanker: 'Beijing buys a Russian tanker fleet',
      patrol: 'Chinese and Russian navies patrol together',
    };
    const story = (id: string, rank: number, theme: Story['themes'][number]): Story => ({
      ...summitStory,
      id,
      title: titles[id]!,
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
    // A story counts all its themes, not only its first: a warning on military ties is as new
    // beside a summit as a feature filed under another theme a little lower.
    const withThemes = (s: Story, themes: Story['themes']) => ({ ...s, themes });
    const summitDay = [
      withThemes(story('pipeline', 1, 'alliance-diplomacy'), ['alliance-diplomacy']),
      withThemes(story('patrol', 0.74, 'alliance-diplomacy'), [
        'alliance-diplomacy',
        'military',
        'western-response',
      ]),
      withThemes(story('tanker', 0.71, 'asymmetry-limits'), ['asymmetry-limits']),
    ];
    expect(buildTopLine(summitDay, 2).map((s) => s.text)).toEqual([
      'Sentence of pipeline.',
      'Sentence of patrol.',
    ]);
  });

  it('is empty on a day without stories', () => {
    expect(buildTopLine([])).toEqual([]);
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
        // Extractive: every sentence stands verbatim in its article, after its attribution.
        const said = sentence.text.replace(/, Seed outlet \d reports\.$/, '').replace(/[.!?]$/, '');
        const article = item.article!.text.replace(/\s+/g, ' ').toLowerCase();
        expect(article).toContain(said.toLowerCase());
      }
    }
  });
});
