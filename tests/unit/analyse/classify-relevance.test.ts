import { describe, expect, it } from 'vitest';
import { BORDERLINE_THRESHOLD, classifyItem, RELEVANCE_THRESHOLD } from '#analyse/classify-relevance.ts';
import { RELEVANCE_PARAMETERS } from '#analyse/relevance-model.ts';

/** A reason line: words, then a signed weight with two decimals, e.g. "both sides named in the title (+0.94)". */
const REASON = /^.+ \(([+-]\d+\.\d\d)\)$/;
const weightOf = (reason: string) => Number(REASON.exec(reason)?.[1] ?? Number.NaN);

describe('classifyItem: about the relationship, in every language of the lexicon', () => {
  it.each([
    ['en', 'China-Russia trade hits record as sanctions bite', ''],
    ['en', 'Sino-Russian border bridge opens to freight traffic', ''],
    [
      'en',
      'Xi and Putin pledge deeper energy ties in video call',
      'The Kremlin said the leaders discussed gas supplies.',
    ],
    ['en', 'China and Russia hold joint naval exercises in the Sea of Japan', ''],
    ['en', 'Putin invites Xi to Moscow for talks on Ukraine', ''],
    ['en', 'Chinese imports of Russian crude climb to a record in May', ''],
    ['en', 'US warns China against helping Russia evade sanctions', ''],
    ['en', 'EU targets Chinese companies supplying Russia’s military', ''],
    ['en', 'Power of Siberia 2 talks stall over gas price', 'Gazprom and CNPC remain apart on terms.'],
    ['en', 'Moscow grows ever more reliant on Beijing as trade surges', ''],
    ['en', 'Wang Yi meets Lavrov in Beijing, vows closer coordination', ''],
    ['pl', 'Putin rozmawiał z Xi Jinpingiem. Zaprosił go do Moskwy', ''],
    ['pl', 'Chiny i Rosja podpisały umowę o budowie gazociągu', ''],
    ['pl', 'Rosja coraz bardziej zależna od Chin. Handel rośnie', ''],
    ['ru', 'Путин и Си Цзиньпин провели переговоры по видеосвязи', 'Стороны обсудили поставки газа.'],
    ['ru', 'Россия и Китай подписали соглашение о строительстве газопровода', ''],
    ['uk', 'Путін і Сі Цзіньпін провели переговори в Москві', ''],
    ['uk', 'Китай і Росія поглиблюють співпрацю в енергетиці', ''],
    ['zh', '习近平同普京举行视频会晤', '双方同意深化能源合作。'],
    ['zh', '中俄举行联合海上演习', ''],
    ['de', 'China und Russland vertiefen ihre Partnerschaft', ''],
    ['de', 'Xi Jinping empfängt Putin in Peking zu Gesprächen', ''],
    ['fr', 'La Chine et la Russie signent un accord gazier', ''],
    ['fr', 'Xi Jinping reçoit Vladimir Poutine à Pékin', ''],
    ['es', 'China y Rusia firman un acuerdo de gas', ''],
    ['es', 'Putin se reúne con Xi Jinping en Pekín', ''],
  ])('%s: %s', (language, title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(true);
    expect(result.language).toBe(language);
    expect(result.themes.length).toBeGreaterThan(0);
    expect(result.themes.length).toBeLessThanOrEqual(3);
  });
});

describe('classifyItem: not about the relationship', () => {
  it.each([
    [
      'a list of threats',
      'Pentagon budget request cites growing threats from China and Russia',
      'The request names China, Russia, Iran and North Korea.',
    ],
    ['threats with a third', 'Spy chiefs warn of threats from China, Russia and Iran', ''],
    ['a cricket XI', 'England name unchanged XI for second Test', 'The selectors kept faith with the side.'],
    ['a city', 'Xi’an’s Terracotta Army draws record crowds', ''],
    ['Idaho', 'Moscow, Idaho, police release new details', 'Police in the university town asked for calm.'],
    ['porcelain', 'Bone china sales soar in Britain', ''],
    ['Polish cinemas', 'Kina w Warszawie pękają w szwach', ''],
    ['one side only', 'China’s exports rise more than expected', ''],
    ['the other side only', 'Putin signs decree on grain exports', ''],
    ['neither side', 'Storm floods coastal towns', ''],
    ['a private person at a venue', 'Russian skater wins Grand Prix event in Beijing', ''],
    [
      'a third pair',
      'India and China agree to resume border patrols',
      'Commanders met on the disputed frontier.',
    ],
    ['only a venue', 'Turkey and Syria defence ministers meet in Moscow', ''],
    ['a comparison', 'Americans rank China as a bigger threat than Russia, poll finds', ''],
    ['a roller coaster', 'Montañas rusas: el parque de atracciones abre', ''],
  ])('%s: %s', (_case, title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(false);
    expect(result.score).toBeLessThan(RELEVANCE_THRESHOLD);
  });
});

describe('classifyItem: obvious relations in the headline alone', () => {
  it.each([
    ['a visit', 'Putin arrives in China amid global consternation over Ukraine war'],
    ['a visit to the capital', 'Xi arrives in Moscow'],
    [
      'a joint subject',
      'China and Russia accuse US of raising risk of nuclear war and vow to respond to threats',
    ],
    ['a joint subject, Polish', 'Rosja i Chiny oskarżają USA o podsycanie napięć'],
    ['a visit, Russian', 'Путин прибыл в Китай с государственным визитом'],
  ])('%s: %s', (_case, title) => {
    expect(classifyItem({ title }).relevant).toBe(true);
  });

  it.each([
    [
      'Russian',
      '«Росатом» и китайская компания создадут СП для контейнерных перевозок по Севморпути',
      'На китайских верфях построят пять контейнеровозов ледового класса Arc7.',
    ],
    [
      'Ukrainian',
      '«Росатом» і китайська компанія створять СП для контейнерних перевезень',
      'На китайських верфях збудують п’ять контейнеровозів льодового класу.',
    ],
  ])('a joint venture ("СП") is a joint act: %s', (_language, title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(true);
    expect(result.reasons.join(' ')).toContain('СП');
  });
});

describe('classifyItem: the article text counts', () => {
  const article =
    'Xi Jinping and Vladimir Putin held talks in Moscow and signed a joint statement on their partnership. ' +
    'The two leaders agreed to expand trade and energy cooperation.';

  it.each([
    'Xi arrives for talks',
    'Xi heads abroad for a state visit',
    'Beijing outlines its diplomatic priorities',
  ])('a headline naming one side with an article about the relation is relevant: %s', (title) => {
    expect(classifyItem({ title }).relevant).toBe(false);
    const withText = classifyItem({ title, text: article });
    expect(withText.relevant).toBe(true);
    expect(withText.reasons.some((r) => r.startsWith('article text: '))).toBe(true);
  });

  it('reads only the article sentences that name a side, and a bounded part of a long article', () => {
    const filler = 'The weather was mild and markets were calm. '.repeat(50_000);
    const result = classifyItem({ title: 'Markets calm', text: `${filler} China and Russia sign a pact.` });
    expect(result.relevant).toBe(false);
  });
});

describe('classifyItem: calibrated score, decision and reasons agree', () => {
  const inputs = [
    { title: 'Xi and Putin hold talks in Moscow' },
    { title: 'Pentagon cites threats from China and Russia' },
    {
      title: 'China’s Xi calls for ‘rational way’ out of Ukraine conflict',
      summary: 'On his way to Moscow, China’s president is trying to cast Beijing as a peacemaker.',
    },
    { title: 'Russia Set to Overtake Saudi Arabia in Battle for China’s Oil Market' },
    { title: 'Storm floods coastal towns' },
    { title: 'Rosja i Chiny budują sojusz', summary: 'Rosja i Chiny, a do tego Brazylia, RPA i Indie.' },
  ];

  it.each(inputs)(
    '$title: relevant is exactly score >= threshold, score a probability of three decimals',
    (input) => {
      const result = classifyItem(input);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(Math.round(result.score * 1000) / 1000).toBe(result.score);
      expect(result.relevant).toBe(result.score >= RELEVANCE_THRESHOLD);
    },
  );

  it.each(inputs)('$title: the relevance reasons add up to the logit of the score', (input) => {
    const result = classifyItem(input);
    const relevanceReasons = result.reasons.filter(
      (r) => !r.startsWith('theme ') && !r.startsWith('article text'),
    );
    for (const reason of result.reasons) expect(reason).toMatch(REASON);
    expect(relevanceReasons.at(-1)).toMatch(/^baseline \(/);
    const logit = relevanceReasons.reduce((sum, r) => sum + weightOf(r), 0);
    const { scale, shift } = RELEVANCE_PARAMETERS.calibration;
    const probability = 1 / (1 + Math.exp(-(scale * logit + shift)));
    // Each listed weight is rounded to 0.01; eight of them move the logit by at most 0.04.
    expect(probability).toBeCloseTo(result.score, 1);
  });

  it('names the link, the relation word and the frame it saw', () => {
    const related = classifyItem({ title: 'China and Russia sign trade deal' }).reasons.join('\n');
    expect(related).toMatch(
      /a relation word on the two sides together in the title: 'China and Russia … sign' \(\+\d\.\d\d\)/,
    );
    const framed = classifyItem({
      title: 'Pentagon cites growing threats from China and Russia',
    }).reasons.join('\n');
    expect(framed).toMatch(/adversary frame where the two sides meet: 'threats' \(-\d\.\d\d\)/);
  });

  it('gives each chosen theme a reason line with its probability', () => {
    const result = classifyItem({ title: 'Russia and China sign deal for new gas pipeline' });
    expect(result.themes).toContain('energy');
    const line = result.reasons.find((r) => r.startsWith('theme energy '));
    expect(line).toMatch(/^theme energy p=0\.\d\d: .+ \([+-]\d\.\d\d\)$/);
  });

  it('gives themes only from the borderline score up', () => {
    const low = classifyItem({ title: 'Storm floods coastal towns' });
    expect(low.score).toBeLessThan(BORDERLINE_THRESHOLD);
    expect(low.themes).toEqual([]);
  });
});

describe('classifyItem: robustness', () => {
  it('handles empty and missing fields', () => {
    const empty = classifyItem({ title: '' });
    expect(empty.relevant).toBe(false);
    expect(empty.themes).toEqual([]);
    expect(classifyItem({ title: 'Xi and Putin hold talks', summary: undefined, text: '' }).relevant).toBe(
      true,
    );
  });

  it('is pure: the same input gives the same output, whatever came before', () => {
    const input = { title: 'Russia and China deepen energy ties', summary: 'Gazprom signs a new contract.' };
    const first = classifyItem(input);
    classifyItem({ title: 'Moscow, Idaho, police update' });
    classifyItem({ title: '中俄举行联合演习' });
    expect(classifyItem(input)).toEqual(first);
  });

  it('trusts a feed language tag unless the text plainly says otherwise', () => {
    expect(classifyItem({ title: 'Xi meets Putin', language: 'pl-PL' }).language).toBe('pl');
    const polish =
      'Chiny i Rosja podpisały umowę w sprawie nowego gazociągu, który ma być gotowy za trzy lata';
    expect(classifyItem({ title: polish, language: 'en' }).language).toBe('pl');
  });
});

describe('classifyItem: the two sides only as another story’s backdrop', () => {
  it('caps the score below the threshold, says why, and keeps the item borderline', () => {
    const result = classifyItem({
      title: 'US wants to get Abrams tanks to Ukraine QUICKER as Putin meets Xi in Moscow',
      summary: 'The Pentagon is taking steps to deliver Abrams tanks to Ukraine faster.',
    });
    expect(result.relevant).toBe(false);
    expect(result.score).toBeLessThan(RELEVANCE_THRESHOLD);
    expect(result.score).toBeGreaterThanOrEqual(BORDERLINE_THRESHOLD);
    const cap = result.reasons.find((r) => r.startsWith('capped at '));
    expect(cap).toContain("'as Putin meets Xi in Moscow'");
    expect(cap).toMatch(REASON);
  });

  it('leaves a meeting of the two sides in the main clause alone', () => {
    const result = classifyItem({ title: 'Putin meets Xi as US watches' });
    expect(result.relevant).toBe(true);
    expect(result.reasons.some((r) => r.startsWith('capped at '))).toBe(false);
  });
});
