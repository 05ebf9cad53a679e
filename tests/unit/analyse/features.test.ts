import { describe, expect, it } from 'vitest';
import { extractFeatures, extractThemeFeatures, pairOnlyInBackdrop, readItem } from '#analyse/features.ts';

const featuresOf = (title: string, summary?: string, text?: string) =>
  extractFeatures(readItem({ title, summary, text }), { ngrams: false }).values;

describe('extractFeatures: how the two sides are linked', () => {
  it.each([
    ['a hyphenated pair', 'China-Russia trade hits record', 'pair:bound@title'],
    ['a combining form', 'Sino-Russian border bridge opens', 'pair:bound@title'],
    ['a joint project', 'Power of Siberia 2 talks stall', 'pair:bound@title'],
    ['a Chinese compound', '中俄举行联合海上演习', 'pair:bound@title'],
    ['coordination', 'China and Russia hold joint drills', 'pair:coordinated@title'],
    ['comma coordination', 'Russia, China sign lunar station deal', 'pair:coordinated@title'],
    ['Polish coordination', 'Chiny i Rosja podpisały umowę', 'pair:coordinated@title'],
    ['a third country in the list', 'China, Russia and Iran hold naval drills', 'list@title'],
    ['both leaders', 'Xi and Putin speak by phone', 'leaders@title'],
    ['a venue only', 'Turkey and Syria defence ministers meet in Moscow', 'venue-only:ru'],
    ['a private person', 'Russian skater wins in Beijing', 'person'],
    ['another sense', 'Xi’an’s Terracotta Army draws crowds', 'sense'],
  ])('%s: %s -> %s', (_case, title, feature) => {
    expect(featuresOf(title).has(feature)).toBe(true);
  });

  it.each([
    ['G7 calls on Russia, Iran, China and North Korea to end nuclear threats', true],
    ['Rosja, Białoruś i Chiny rozdają karty, a Iran czeka', true],
    ['China and Russia accuse the US of raising the risk of war', false],
    ['China, Russia and Iran hold naval drills', false],
  ])('a crowd of third parties where the two sides meet: %s -> %s', (title, crowd) => {
    expect(featuresOf(title).has('thirds>=2@pair')).toBe(crowd);
  });

  it('links one side in the title with the other in the summary', () => {
    const f = featuresOf('Xi heads abroad on a state visit', 'He will meet Vladimir Putin in the Kremlin.');
    expect(f.has('cross')).toBe(true);
    expect(f.has('both@title')).toBe(false);
  });

  it('reads the cues and frames where the two sides meet', () => {
    expect(featuresOf('China and Russia sign gas pipeline deal').has('cue:contact@pair')).toBe(true);
    expect(featuresOf('China and Russia sign gas pipeline deal').has('cue:flow@pair')).toBe(true);
    expect(featuresOf('Pentagon cites threats from China and Russia').has('frame:adversary@pair')).toBe(true);
    expect(featuresOf('China learns lessons from Russia’s war').has('frame:comparison@pair')).toBe(true);
    expect(featuresOf('Rosja i Chiny: rozmowy o handlu').has('cue:contact@pair')).toBe(true);
  });

  it('counts the article sentences that name a side as part of the summary', () => {
    const text = 'The weather was mild. Xi Jinping and Vladimir Putin held talks in Moscow.';
    const reading = readItem({ title: 'Leaders meet', text });
    expect(reading.bodySentences).toBe(1);
    expect(extractFeatures(reading, { ngrams: false }).values.has('both@summary-sentence')).toBe(true);
  });

  it('gives an item naming neither side only the features that can fire for it', () => {
    expect([...featuresOf('Biden meets Macron in Paris').keys()].sort()).toEqual([
      'no-side',
      'shape:t=3',
      'third@title',
    ]);
  });

  it.each([
    ['China and Russia hold drills', 'The US and Japan watched closely.', ['shape:t=cn+ru']],
    ['Xi heads to Moscow', 'Ukraine is on the agenda.', ['shape:t=cn+ru']],
    ['Biden meets Macron', 'They spoke about China.', ['shape:t=3']],
  ])('names the parties of the title alone as its shape: %s | %s', (title, summary, shapes) => {
    expect([...featuresOf(title, summary).keys()].filter((n) => n.startsWith('shape:'))).toEqual(shapes);
  });

  it('adds n-grams with entities replaced by their side when asked', () => {
    const f = extractFeatures(readItem({ title: 'China and Russia sign deal' }), { ngrams: true }).values;
    expect(f.has('b:@cn and')).toBe(true);
    expect(f.has('w:sign')).toBe(true);
  });
});

describe('extractFeatures: the theme indicators, by zone, for the relevance model too', () => {
  it.each([
    ['China’s peace plan for Ukraine', undefined, 'ind:ukraine-war:peace plan@title'],
    ['Xi meets Putin', 'The two sign a gas pipeline deal.', 'ind:energy:pipeline@summary'],
    ['Chiny i Rosja: wspólne ćwiczenia wojskowe', undefined, 'ind:military:exercises@title'],
  ])('%s | %s -> %s', (title, summary, feature) => {
    expect(featuresOf(title, summary).has(feature)).toBe(true);
  });

  it('reads no indicator in an item that names neither side', () => {
    expect([...featuresOf('Ukraine peace plan talks stall').keys()].some((n) => n.startsWith('ind:'))).toBe(
      false,
    );
  });
});

describe('extractThemeFeatures', () => {
  it.each([
    ['Russia and China sign gas pipeline deal', 'ind:energy:pipeline@title'],
    ['Chiny i Rosja: wspólne ćwiczenia wojskowe', 'ind:military:exercises@title'],
    ['Россия и Китай: торговля в юанях', 'ind:trade-finance:currencies@title'],
    ['中俄举行联合军事演习', 'ind:military:exercises@title'],
    ['La Chine et la Russie signent un accord gazier', 'ind:energy:gas@title'],
  ])('%s -> %s', (title, feature) => {
    expect(extractThemeFeatures(readItem({ title }), { ngrams: false }).values.has(feature)).toBe(true);
  });

  it.each([
    ['China supplies drones to Russia', 'r:rel:linked:flow@title', true],
    ['Xi tells Putin to avoid nuclear threats', 'r:rel:linked:contact@title', true],
    ['Pentagon warns China against arming Russia', 'r:third@title', true],
    // Only the relation word linking the two sides named apart is read, not every frame.
    ['China and Russia hold joint drills', 'r:rel:joint-subject@title', false],
  ])('reads the relevance context %s -> %s: %s', (title, feature, present) => {
    expect(extractThemeFeatures(readItem({ title }), { ngrams: false }).values.has(feature)).toBe(present);
  });

  // The Western-response theme turns on the West acting, not on its being named.
  it.each([
    ['US warns China over support for Russia', 'west:actor@title'],
    ['EU, US sanction Chinese firms over supplies to Russia’s military', 'west:actor@title'],
    ['Russia and China criticise Trump’s plan for a missile shield', 'west:named@title'],
    ['China and Russia accuse US of raising risk of nuclear war', 'west:named@title'],
    ['Xi and Putin hold talks in Moscow', undefined],
  ])('reads the West’s part in %s -> %s', (title, feature) => {
    const names = [...extractThemeFeatures(readItem({ title }), { ngrams: false }).values.keys()];
    expect(names.filter((n) => n.startsWith('west:'))).toEqual(feature ? [feature] : []);
  });
});

describe('the two sides only as another story’s backdrop (knowledge rule of the labelling rules)', () => {
  it.each([
    [
      'English',
      'US wants to get Abrams tanks to Ukraine QUICKER as Putin meets Xi in Moscow',
      'as Putin meets Xi in Moscow',
    ],
    [
      'Polish',
      'USA przyspieszają dostawy czołgów na Ukrainę, gdy Putin spotyka się z Xi',
      'gdy Putin spotyka się z Xi',
    ],
    [
      'Russian',
      'США ускорят поставки танков Украине, пока Путин встречается с Си Цзиньпином',
      'пока Путин встречается с Си Цзиньпином',
    ],
    [
      'Ukrainian',
      'США пришвидшать постачання танків Україні на тлі візиту Сі Цзіньпіна до Москви',
      'на тлі візиту Сі Цзіньпіна до Москви',
    ],
    [
      'German',
      'Die USA beschleunigen Panzerlieferungen an die Ukraine, während Putin Xi trifft',
      'während Putin Xi trifft',
    ],
    [
      'French',
      "Les États-Unis accélèrent l'envoi de chars à l'Ukraine alors que Poutine rencontre Xi",
      'alors que Poutine rencontre Xi',
    ],
    [
      'Chinese, the backdrop word closing its clause',
      '习近平访问莫斯科之际，美国加快向乌克兰运送坦克',
      '习近平访问莫斯科之际',
    ],
    [
      'English, during',
      "Putin's comments, made during the visit to Moscow by his Chinese counterpart Xi Jinping, came in response to the UK",
      'during the visit to Moscow by his Chinese counterpart Xi Jinping',
    ],
    [
      'Spanish',
      'EE.UU. acelera el envío de tanques a Ucrania mientras Putin se reúne con Xi',
      'mientras Putin se reúne con Xi',
    ],
  ])('%s: %s -> backdrop %s', (_language, title, clause) => {
    expect(pairOnlyInBackdrop(readItem({ title }))).toBe(clause);
  });

  it.each([
    ['the pair in the main clause', 'China and Russia hold talks as US watches'],
    ['one side dealing with the other in the main clause', 'Putin meets Xi as US watches'],
    [
      'the pair joined in the backdrop: their joint act',
      'South Korea scrambles jets as China, Russia warplanes enter air defense zone',
    ],
    ['no backdrop', 'Xi tells Putin he backs peace'],
    ['a tie word in the main clause', "During Xi's visit to Moscow, Putin praises ties"],
    ['no subject of the main clause’s own', 'Three things to watch as Xi meets Putin'],
    [
      '“as” naming a role',
      "China bills itself as a peacemaker but US says Xi's talks with Putin give Russia cover",
    ],
  ])('not %s: %s', (_case, title) => {
    expect(pairOnlyInBackdrop(readItem({ title }))).toBeUndefined();
  });
});
