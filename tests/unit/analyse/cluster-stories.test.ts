import { describe, expect, it } from 'vitest';
import {
  clusterStories,
  explainSimilarity,
  regroupStatements,
  storyAnchorsOf,
} from '#analyse/cluster-stories.ts';
import { frameOfHeadline } from '#analyse/headline-frame.ts';
import type { ScoredItem } from '#domain/types.ts';
import { ALL_REPORTS, calls, gas, report, summit } from '../edition/story-fixtures.ts';

function clusterOf(clusters: ScoredItem[][], item: ScoredItem): Set<string> {
  const cluster = clusters.find((c) => c.includes(item));
  if (!cluster) throw new Error(`${item.id} is in no cluster`);
  return new Set(cluster.map((i) => i.id));
}

/** The partition as sorted id lists, comparable across input orders. */
function partition(clusters: ScoredItem[][]): string[] {
  return clusters
    .map((c) =>
      c
        .map((i) => i.id)
        .sort()
        .join(' '),
    )
    .sort();
}

/** A report of 23 November 2026 at hour `h`, from an outlet of its own. */
function sameDay(id: string, title: string, summary: string, h: number, language = 'en'): ScoredItem {
  return report({
    id,
    source: `Outlet ${id}`,
    perspective: 'western',
    language,
    published: new Date(Date.UTC(2026, 10, 23, h)).toISOString(),
    title,
    summary,
  });
}

describe('clusterStories', () => {
  const clusters = clusterStories(ALL_REPORTS);

  it('makes one story of a summit reported by five outlets in English, Russian and Chinese, and keeps the analysis pegged to it apart', () => {
    const { ledger, ...straight } = summit;
    expect(clusterOf(clusters, summit.wire)).toEqual(new Set(Object.values(straight).map((i) => i.id)));
    // "Putin's Beijing visit underlines Moscow's growing reliance on China": a piece of its own.
    expect(clusterOf(clusters, ledger)).toEqual(new Set([ledger.id]));
  });

  it('joins the facets of a summit day, keeps another actor’s reaction and a commentary apart', () => {
    const reports = [
      sameDay(
        'welcome',
        'Xi welcomes Putin to Beijing for two days of talks',
        'Xi Jinping greeted Vladimir Putin with a red carpet.',
        6,
      ),
      sameDay(
        'military',
        'Putin and Xi agree to expand joint military exercises',
        'The two sides will hold regular joint patrols.',
        8,
      ),
      sameDay(
        'energy',
        'Xi and Putin pledge closer ties in energy and finance',
        'Trade reached a record $240 billion last year.',
        9,
      ),
      sameDay(
        'pentagon',
        'Pentagon warns Beijing over military ties to Russia as Xi and Putin meet',
        'A US defence official expressed serious concern.',
        10,
      ),
      sameDay(
        'why',
        'Why growing China-Russia military ties worry the west',
        'Joint exercises are forcing the Pentagon to react.',
        11,
      ),
    ];
    const grouped = clusterStories(reports);
    const [welcome, military, energy, pentagon, why] = reports;
    expect(clusterOf(grouped, welcome!)).toEqual(new Set(['welcome', 'military', 'energy']));
    expect(clusterOf(grouped, pentagon!)).toEqual(new Set(['pentagon']));
    expect(clusterOf(grouped, why!)).toEqual(new Set(['why']));
    expect(clusterOf(grouped, military!)).toEqual(clusterOf(grouped, energy!));
  });

  it('joins reports in another language that name only the two leaders to their meeting that day, not a third party’s', () => {
    const reports = [
      sameDay(
        'talks',
        'Xi and Putin hold talks in Beijing',
        'Xi Jinping and Vladimir Putin met in the Great Hall.',
        6,
      ),
      sameDay(
        'statement',
        'Putin and Xi sign joint statement after talks',
        'The leaders signed a statement.',
        8,
      ),
      sameDay(
        'pl1',
        'Kreml: Władimir Putin i Xi Jinping omówili plan pokojowy',
        'Rzecznik Kremla poinformował o rozmowach.',
        9,
        'pl',
      ),
      sameDay(
        'pl2',
        'Putin na spotkaniu z Xi. Rozmowy "udane i konstruktywne"',
        'Putin określił rozmowy jako udane.',
        10,
        'pl',
      ),
      sameDay(
        'pl3',
        'Premier Japonii Kishida w Kijowie, gdy Xi spotyka Putina',
        'Kishida odwiedził Ukrainę.',
        10,
        'pl',
      ),
    ];
    const grouped = clusterStories(reports);
    expect(clusterOf(grouped, reports[0]!)).toEqual(new Set(['talks', 'statement', 'pl1', 'pl2']));
    expect(clusterOf(grouped, reports[4]!)).toEqual(new Set(['pl3']));
  });

  it('reads Polish headlines as English ones: the statement joins the meeting, a commentary and an institute’s view stay apart', () => {
    const reports = [
      sameDay(
        'talks',
        'Xi and Putin hold talks in Moscow',
        'Xi Jinping and Vladimir Putin met in the Kremlin.',
        6,
      ),
      sameDay(
        'statement-pl',
        'Putin poparł plan Chin w sprawie Ukrainy. Jest wspólne oświadczenie',
        'Putin i Xi Jinping podpisali wspólne oświadczenie po rozmowach na Kremlu.',
        9,
        'pl',
      ),
      sameDay(
        'comment-pl',
        '"Rosja stała się stacją benzynową dla Chin". Komentarze po wizycie Xi u Putina',
        'Eksperci komentują rozmowy Xi Jinpinga z Putinem na Kremlu.',
        10,
        'pl',
      ),
      sameDay(
        'institute-pl',
        'ISW: Propozycje Xi nie spełniły oczekiwań Putina',
        'Analitycy ISW oceniają rozmowy Xi Jinpinga z Putinem na Kremlu.',
        11,
        'pl',
      ),
      sameDay('preview', 'Three things to watch as Xi meets Putin', 'What the Kremlin talks could bring.', 5),
    ];
    const grouped = clusterStories(reports);
    expect(clusterOf(grouped, reports[0]!)).toEqual(new Set(['talks', 'statement-pl', 'preview']));
    expect(clusterOf(grouped, reports[2]!)).toEqual(new Set(['comment-pl']));
    expect(clusterOf(grouped, reports[3]!)).toEqual(new Set(['institute-pl']));
  });

  it('keeps two other actors’ moves pegged to one summit apart when only the summit’s names join them', () => {
    const reports = [
      sameDay(
        'defences',
        'US rushes air defences to Ukraine as Putin meets Xi in Moscow for talks',
        'Washington speeds up deliveries to Kyiv while Xi Jinping holds talks with Vladimir Putin in the Kremlin.',
        6,
      ),
      sameDay(
        'institute',
        'ISW: Xi’s talks with Putin in Moscow bring Ukraine no peace',
        'The institute says Xi Jinping’s talks with Vladimir Putin in the Kremlin leave Kyiv without a peace plan.',
        8,
      ),
    ];
    expect(partition(clusterStories(reports))).toEqual(['defences', 'institute']);
  });

  it('joins reports of another actor’s move whose headlines the lexicon reads as different unnamed actors', () => {
    const reports = [
      sameDay(
        'leader',
        'Japan’s leader in Kyiv to back Ukraine as China’s Xi visits Russia',
        'Japanese prime minister to show solidarity with Ukraine in a visit that coincides with the Chinese leader’s Moscow trip.',
        6,
      ),
      sameDay(
        'pm',
        "Japanese PM visits Kyiv to 'show solidarity and support'",
        "Fumio Kishida's trip to Ukraine comes as Chinese President Xi Jinping arrives in neighboring Russia.",
        5,
      ),
      sameDay(
        'heads',
        'Japan’s Fumio Kishida heads to Kyiv to meet Volodymyr Zelenskyy',
        'The Japanese prime minister makes a surprise visit to Ukraine.',
        4,
      ),
      // A live-blog entry with no summary, whose subject the lexicon reads as Ukraine, not Japan.
      sameDay(
        'surprise',
        "Kishida's surprise visit to Ukraine to meet with Zelensky comes as China's leader meets Putin and tells him that China and Russia have 'similar goals'",
        '',
        8,
      ),
    ];
    expect(partition(clusterStories(reports))).toEqual(['heads leader pm surprise']);
  });

  it('makes one story of one actor’s statements about the two sides that day, and of their joint words against it', () => {
    const reports = [
      sameDay(
        'talks',
        'Xi and Putin hold talks in Moscow',
        'Xi Jinping and Vladimir Putin met in the Kremlin.',
        6,
      ),
      sameDay(
        'statement',
        'Putin and Xi sign joint statement after talks',
        'The leaders signed a statement.',
        7,
      ),
      sameDay('urges', 'US urges Xi to press Putin over atrocities', 'Blinken spoke in Washington.', 8),
      sameDay('impartial', 'China no neutral party on Russia: White House', 'Kirby briefed reporters.', 9),
      sameDay(
        'tanks',
        'US rushes Abrams tanks to Ukraine as Putin meets Xi in Moscow',
        'Older models go first.',
        9,
      ),
      sameDay('dome', 'Russia and China slam Trump’s missile shield', 'They called it destabilising.', 10),
      sameDay(
        'nuclear',
        'China and Russia accuse US of stoking atomic danger',
        'A joint text decried alliances.',
        11,
      ),
    ];
    // The day's other news naming the United States and the leaders: the names alone join nothing.
    const others = [
      'US senators land in Taiwan for talks as Xi and Putin meet',
      'US stocks slip on weak earnings as Putin and Xi hold talks',
      'US envoy visits Kyiv with aid pledge while Xi hosts Putin',
      'US Congress passes the budget bill amid Xi-Putin summit',
      'US Navy holds drills near Guam as Putin meets Xi',
      'US farmers fear new tariffs as Xi courts Putin',
    ].map((title, i) => sameDay(`other${i}`, title, `Report ${i} on another matter.`, 8 + (i % 3)));
    const grouped = clusterStories([...reports, ...others]);
    const [, , urges, impartial, tanks, dome, nuclear] = reports;
    expect(clusterOf(grouped, urges!)).toEqual(new Set(['urges', 'impartial']));
    expect(clusterOf(grouped, impartial!)).not.toContain('tanks');
    expect(clusterOf(grouped, tanks!)).not.toContain('urges');
    expect(clusterOf(grouped, dome!)).toEqual(new Set(['dome', 'nuclear']));
    expect(clusterOf(grouped, nuclear!)).not.toContain('talks');
  });

  it('makes one story of one side’s meeting with a third state, and keeps another side’s apart', () => {
    // 2023-03-01 of the training corpus: Lukashenko in Beijing, reported three ways.
    const hosts = sameDay(
      'hosts',
      'China Hosts President of Belarus as U.S. Worries Russia’s Allies Are Getting Closer',
      '',
      6,
    );
    const ceasefire = sameDay(
      'ceasefire',
      'China, Belarus call for cease-fire, negotiations in Ukraine',
      '',
      9,
    );
    const minsk = sameDay('minsk', 'Putin meets Lukashenko’s envoy in Moscow over Belarus gas debt', '', 8);
    const commentary = sameDay(
      'funnel',
      'China could funnel weapons to Russia through Belarus as defense ties with Beijing deepen: expert',
      '',
      7,
    );
    const grouped = clusterStories([hosts, ceasefire, minsk, commentary]);
    expect(clusterOf(grouped, hosts)).toEqual(new Set(['hosts', 'ceasefire']));
    expect(clusterOf(grouped, minsk)).toEqual(new Set(['minsk']));
    expect(clusterOf(grouped, commentary)).toEqual(new Set(['funnel']));
  });

  it('makes one story of one actor’s warnings on a day with no meeting of the two', () => {
    // 2023-02-19 of the training corpus: the US warning China against arming Russia, five ways.
    const warnings = [
      'U.S. Warnings to China on Arms Aid for Russia’s War Portend Global Rift',
      'Blinken: China is weighing giving Russia ‘lethal assistance’ in war with Ukraine',
      'FirstFT: US warns China not to supply lethal aid to Russia',
      'China may give Russia weapons for Ukraine war, Anthony Blinken warns',
      'China may give Russia weapons and ammo, US warns',
    ].map((title, i) => sameDay(`w${i}`, title, '', 6 + i));
    const other = sameDay('jets', 'Ukraine Latest: Kyiv Mayor Steps Up Call for Fighter Jets', '', 7);
    const grouped = clusterStories([...warnings, other]);
    expect(clusterOf(grouped, warnings[0]!)).toEqual(new Set(['w0', 'w1', 'w2', 'w3', 'w4']));
    expect(clusterOf(grouped, other)).toEqual(new Set(['jets']));
  });

  it('regroups one actor’s statements, and the sides’ joint words against it, out of the clusters the first pass made', () => {
    const urges = sameDay('urges', 'US urges Xi to press Putin over atrocities', '', 8);
    const impartial = sameDay('impartial', 'China no neutral party on Russia: White House', '', 9);
    const tanks = sameDay('tanks', 'US rushes Abrams tanks to Ukraine as Putin meets Xi in Moscow', '', 9);
    const dome = sameDay('dome', 'Russia and China slam Trump’s missile shield', '', 10);
    const nuclear = sameDay('nuclear', 'China and Russia accuse US of stoking atomic danger', '', 11);
    const why = sameDay('why', 'Why Washington worries about China and Russia', '', 11);
    // The United States listed with the two sides: a three-way clash, not its words about them.
    const clash = sameDay(
      'clash',
      'US, China, and Russia Clash Over North Korea’s Missile Launches at UN',
      '',
      9,
    );
    // The same voice's deed is no statement: sanctions are their own event, not the EU's words
    // beside an auditors' warning that Europe risks its old mistake.
    const sanction = sameDay(
      'sanction',
      'EU, US sanction Chinese firms over supplies to Russia’s military',
      '',
      9,
    );
    const auditors = sameDay(
      'auditors',
      'Europe risks repeating its Russian gas mistake with Chinese batteries, auditors warn',
      '',
      8,
    );
    const firstPass = [[urges, tanks], [impartial, why], [dome], [nuclear], [clash], [auditors], [sanction]];
    const frames = new Map(
      [urges, impartial, tanks, dome, nuclear, why, clash, sanction, auditors].map((i) => [
        i,
        frameOfHeadline(i.title),
      ]),
    );
    expect(partition(regroupStatements(firstPass, frames, 36 * 3_600_000))).toEqual(
      partition([[tanks], [why], [urges, impartial], [dome, nuclear], [clash], [auditors], [sanction]]),
    );
    // A day apart beyond the limit: nothing is regrouped.
    expect(partition(regroupStatements(firstPass, frames, 1_800_000))).toEqual(partition(firstPass));
  });

  it('joins a third party’s words to the story of its meeting with one side that day', () => {
    // The training corpus's 2023-04-06: Macron's words to Xi, and the reports of their talks.
    const words = [
      "Macron urges Xi Jinping 'to bring back Russia to reason'",
      'Macron presses Xi to urge Russian peace in Ukraine',
      'France’s Macron says he can count on China’s Xi to reason with Russia',
    ].map((title, i) => sameDay(`w${i}`, title, '', 8 + i));
    const talks = [
      'Xi and Macron Call for Ukraine Peace Talks, but the Path Is Murky',
      'Xi hosts Macron in Beijing for talks on Ukraine',
    ].map((title, i) => sameDay(`t${i}`, title, '', 9 + i));
    const explainer = sameDay(
      'why',
      'Can Europe persuade China to change course on Russia-Ukraine war?',
      '',
      12,
    );
    const all = [...words, ...talks, explainer];
    const frames = new Map(all.map((i) => [i, frameOfHeadline(i.title)]));
    const firstPass = [...words.map((w) => [w]), talks, [explainer]];
    expect(partition(regroupStatements(firstPass, frames, 36 * 3_600_000))).toEqual(
      partition([[...words, ...talks], [explainer]]),
    );
    // Meetings of that party with each side: which one the words belong to is not guessed.
    const moscow = sameDay('m', 'Putin hosts Macron in Moscow for talks on Ukraine', '', 11);
    frames.set(moscow, frameOfHeadline(moscow.title));
    const two = [...words.map((w) => [w]), [talks[0]!], [moscow]];
    expect(partition(regroupStatements(two, frames, 36 * 3_600_000))).toEqual(
      partition([words, [talks[0]!], [moscow]]),
    );
    // A three-way event with that party is no meeting with one side.
    const clash = sameDay('clash', 'France, China and Russia clash over Ukraine at UN meeting', '', 9);
    frames.set(clash, frameOfHeadline(clash.title));
    expect(partition(regroupStatements([...words.map((w) => [w]), [clash]], frames, 36 * 3_600_000))).toEqual(
      partition([words, [clash]]),
    );
  });

  it('keeps a same-day gas-price dispute apart from the summit, across two languages', () => {
    expect(clusterOf(clusters, gas.ledger)).toEqual(new Set([gas.ledger.id, gas.independent.id]));
  });

  it('keeps two phone calls a week apart as two stories, each with its own reports', () => {
    expect(clusterOf(clusters, calls.firstWire)).toEqual(new Set([calls.firstWire.id, calls.firstTass.id]));
    expect(clusterOf(clusters, calls.secondWire)).toEqual(
      new Set([calls.secondWire.id, calls.secondXinhua.id]),
    );
  });

  it('keeps a phone call and a gas deal on the same day apart', () => {
    expect(clusterOf(clusters, calls.gasDealSameDay)).toEqual(new Set([calls.gasDealSameDay.id]));
  });

  it('puts every item in exactly one cluster and orders clusters by their first item in the input', () => {
    const ids = clusters.flat().map((i) => i.id);
    expect(ids.sort()).toEqual(ALL_REPORTS.map((i) => i.id).sort());
    const firstPositions = clusters.map((c) => ALL_REPORTS.indexOf(c[0]!));
    expect(firstPositions).toEqual([...firstPositions].sort((a, b) => a - b));
  });

  it('does not depend on the order of the input', () => {
    const reversed = clusterStories([...ALL_REPORTS].reverse());
    const rotated = clusterStories([...ALL_REPORTS.slice(5), ...ALL_REPORTS.slice(0, 5)]);
    expect(partition(reversed)).toEqual(partition(clusters));
    expect(partition(rotated)).toEqual(partition(clusters));
  });

  it('splits the same words far apart in time (maxHoursApart) and joins them when allowed', () => {
    const a = report({
      ...base('a'),
      published: '2026-11-01T08:00:00Z',
      title: 'Russian and Chinese navies begin joint patrol in the Sea of Japan',
    });
    const b = report({
      ...base('b'),
      published: '2026-11-03T08:00:00Z',
      title: 'Russian and Chinese navies begin joint patrol in the Sea of Japan',
    });
    expect(clusterStories([a, b])).toHaveLength(2);
    expect(clusterStories([a, b], { maxHoursApart: 72 })).toHaveLength(1);
  });

  it('clusters items without a date on content alone', () => {
    const a = {
      ...report({
        ...base('a'),
        title: 'Russia and China open new rail bridge over the Amur at Nizhneleninskoye',
      }),
    };
    const b = {
      ...report({ ...base('b'), title: 'New Amur rail bridge opens between Nizhneleninskoye and Tongjiang' }),
    };
    delete a.published;
    delete b.published;
    expect(clusterStories([a, b])).toHaveLength(1);
  });

  it('returns nothing for nothing', () => {
    expect(clusterStories([])).toEqual([]);
  });

  it('scores a cross-language pair of the same event above a same-day pair of different events', () => {
    const at = (item: ScoredItem) => ALL_REPORTS.indexOf(item);
    const same = explainSimilarity(ALL_REPORTS, at(summit.tass), at(summit.xinhua));
    const different = explainSimilarity(ALL_REPORTS, at(summit.tass), at(gas.independent));
    expect(same.score).toBeGreaterThan(different.score);
    // Russian and Chinese share no words: names, place, kind of event and the trade figure carry it.
    expect(same.shared).toEqual(
      expect.arrayContaining(['e:xi', 'e:putin', 'e:beijing', 'k:deal', 'n:2.45e+11']),
    );
  });

  it('stays near-linear: 10,000 synthetic items of 2,000 events cluster in seconds, not minutes', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => syntheticItem(i));
    const started = performance.now();
    const result = clusterStories(items);
    const elapsed = performance.now() - started;
    expect(result.flat()).toHaveLength(10_000);
    // A guard against an accidental all-pairs step (minutes at this size), not a benchmark.
    expect(elapsed).toBeLessThan(10_000);
  }, 60_000);
});

describe('storyAnchorsOf', () => {
  it.each([
    ['Xi Jinping met Vladimir Putin', ['e:xi', 'e:putin', 'k:talks', 'x:leaders-meet']],
    ['Си Цзиньпин и Путин провели переговоры', ['e:xi', 'e:putin', 'k:talks', 'x:leaders-meet']],
    ['习近平同普京举行会谈', ['e:xi', 'e:putin', 'k:talks', 'x:leaders-meet']],
    ['习近平同普京通电话', ['e:xi', 'e:putin', 'k:call', 'x:leaders-call']],
    ['Путин и Си Цзиньпин провели телефонный разговор', ['e:xi', 'e:putin', 'k:call', 'x:leaders-call']],
    ['Power of Siberia 2', ['e:power-of-siberia']],
    ['«Сила Сибири 2»', ['e:power-of-siberia']],
    ['西伯利亚力量2号', ['e:power-of-siberia']],
    ['trade reached $245 billion', ['k:trade', 'n:2.45e+11']],
    ['drony o wartości 12 mln dolarów', ['k:weapons', 'n:1.20e+7']],
    // Polish names inflect: Moskwie, Pekinie, Ławrowa.
    ['Ławrow spotkał się z Wang Yi w Pekinie', ['e:lavrov', 'e:wang-yi', 'e:beijing', 'k:talks']],
    ['Xi Jinping z wizytą w Moskwie', ['e:xi', 'e:moscow', 'k:visit']],
    ['Siła Syberii 2: umowa o dostawach gazu', ['e:power-of-siberia', 'k:deal', 'k:gas']],
    // "brytyjski dziennik" says where a report comes from, not who acts.
    ['twierdzi brytyjski dziennik Financial Times', []],
    // Polish stems never fire inside English words or names.
    ['Gaza aid convoy stalls', []],
    ['Juan handles the paradox of an indie armistice', []],
    ['товарооборот достиг 245 млрд долларов', ['k:trade', 'n:2.45e+11']],
    ['贸易额达到2450亿美元', ['k:trade', 'n:2.45e+11']],
    ['the 80th anniversary of victory', ['k:anniversary', 'n:80']],
    ['80-летие Победы', ['k:anniversary', 'n:80']],
    ['95% of payments in roubles and yuan', ['k:payment', 'k:rouble', 'k:yuan', 'n:95%']],
    ['on May 9 in Moscow', ['d:5-9', 'e:moscow']],
    ['9 мая в Москве', ['d:5-9', 'e:moscow']],
    ['5月9日在莫斯科', ['d:5-9', 'e:moscow']],
    ['Kishida arrived in Kyiv', ['e:kishida', 'e:japan', 'e:ukraine', 'k:visit']],
    // The United States in capitals, never the pronoun "us".
    ['China and Russia accuse US of raising risk', ['e:us']],
    ['the U.S. and its allies', ['e:us']],
    ['США и их союзники', ['e:us']],
    ['they told us', []],
  ])('%s -> %j', (text, expected) => {
    expect([...storyAnchorsOf(text)].sort()).toEqual([...expected].sort());
  });

  it('does not read years as figures or "Xi" inside other words', () => {
    expect(
      [...storyAnchorsOf('In 2025 the Xinjiang taxi fleet grew')].filter(
        (a) => a.startsWith('n:') || a === 'e:xi',
      ),
    ).toEqual([]);
  });
});

function base(id: string) {
  return {
    id,
    source: `Outlet ${id}`,
    perspective: 'western' as const,
    language: 'en',
    published: '2026-11-23T08:00:00Z',
    summary: '',
  };
}

const TOPICS = [
  'gas pipeline',
  'naval patrol',
  'yuan payments',
  'Arctic route',
  'lunar station',
  'car exports',
  'grain corridor',
  'rail bridge',
];
const PLACES = ['Moscow', 'Beijing', 'Vladivostok', 'Harbin', 'Kazan', 'Tianjin', 'Astana', 'Shanghai'];

function syntheticItem(i: number): ScoredItem {
  const event = Math.floor(i / 5);
  const topic = TOPICS[event % TOPICS.length]!;
  const place = PLACES[Math.floor(event / TOPICS.length) % PLACES.length]!;
  return report({
    id: `s${i}`,
    source: `Outlet ${i % 40}`,
    perspective: 'western',
    language: 'en',
    published: new Date(Date.UTC(2026, 10, 1) + (event % 400) * 1_800_000).toISOString(),
    title: `China and Russia ${topic} talks in ${place}, round ${event}`,
    summary: `Officials met in ${place} to discuss the ${topic}; figure ${event * 37 + 1000}.`,
  });
}
