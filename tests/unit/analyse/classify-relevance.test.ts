import { describe, expect, it } from 'vitest';
import {
  assignThemes,
  BORDERLINE_THRESHOLD,
  classifyItem,
  RELEVANCE_THRESHOLD,
} from '#analyse/classify-relevance.ts';

/** A reason line: a name and a signed weight with two decimals, e.g. "leader pair in title (+0.10)". */
const REASON = /^.+ \([+-]\d\.\d\d\)$/;

describe('classifyItem: about the relationship (English)', () => {
  it.each([
    ['pair phrase', 'China-Russia trade hits record as sanctions bite', ''],
    ['Sino-Russian', 'Sino-Russian border bridge opens to freight traffic', ''],
    ['Russian-Chinese', 'Kremlin toasts the Russian-Chinese partnership', ''],
    [
      'leaders coordinated with joint verb',
      'Xi and Putin pledge deeper energy ties in video call',
      'The Kremlin said the leaders discussed gas supplies.',
    ],
    [
      'countries coordinated with joint verb',
      'China and Russia hold joint naval exercises in the Sea of Japan',
      '',
    ],
    ['comma coordination', 'Russia, China sign deal on joint lunar station', ''],
    ['one leader acts on the other', 'Putin invites Xi to Moscow for talks on Ukraine', ''],
    ['one side acts on the other', 'China considers sending Russia artillery shells, officials say', ''],
    ['possessive', 'China criticises US sanctions on Russia’s Arctic gas project', ''],
    ['possessive visit', 'Critics say Xi’s Russia visit gives Putin diplomatic cover', ''],
    ['trade flow', 'Chinese imports of Russian crude climb to a record in May', ''],
    ['oil supplier', 'Russia overtakes Saudi Arabia as China’s top oil supplier', ''],
    ['Western response aimed at the alignment', 'US warns China against helping Russia evade sanctions', ''],
    ['sanctions on suppliers', 'EU targets Chinese companies supplying Russia’s military', ''],
    [
      'joint project',
      'Power of Siberia 2 talks stall over gas price',
      'Gazprom and CNPC remain apart on terms.',
    ],
    ['asymmetry', 'Moscow grows ever more reliant on Beijing as trade surges', ''],
    ['Chinese caution', 'Chinese banks turn away Russian payments over sanctions fears', ''],
    ['China’s stance on the war', 'China will send an envoy to Russia and Ukraine to mediate', ''],
    ['visit at the venue', 'Xi arrives in Moscow for a three-day state visit', ''],
    ['officials', 'Wang Yi meets Lavrov in Beijing, vows closer coordination', ''],
    [
      'joint subjects acting against a third party',
      'China and Russia accuse US of stoking tension and vow to respond jointly',
      '',
    ],
    [
      'threat framing but the pair acts together',
      'China and Russia stage joint bomber patrol near Alaska, alarming Pentagon',
      '',
    ],
    ['leaders of both', 'The leaders of China and Russia have finished talks. Here are some takeaways', ''],
    ['between both', 'Trade between Russia and China grows despite Western pressure', ''],
    [
      '"ahead of" an event is not a comparison',
      'Putin and Xi tout deepening ties ahead of Beijing military parade',
      '',
    ],
    ['leaders address each other', 'Analysis: What Xi wants from Putin', ''],
    ['people-to-people ties', 'Russian tourists flock to China after visa-free deal', ''],
    ['veto together', 'Russia, China veto UN resolution on Myanmar', ''],
    [
      'one side restricts the other',
      'Russia bans Chinese-made surveillance cameras in government offices',
      '',
    ],
    ['alignment', 'Beijing’s envoy echoes Moscow on Ukraine “security concerns”', ''],
    ['state media', 'Chinese state media amplifies Kremlin narrative on Ukraine', ''],
  ])('%s: %s', (_case, title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    expect(result.themes.length).toBeGreaterThan(0);
  });
});

describe('classifyItem: about the relationship (Russian and Chinese)', () => {
  it.each([
    ['Путин и Си Цзиньпин провели переговоры по видеосвязи', 'Стороны обсудили поставки газа.'],
    ['Россия и Китай подписали соглашение о строительстве газопровода', ''],
    ['Российско-китайская торговля выросла на треть', ''],
    ['Лавров прибыл в Пекин на переговоры с Ван И', ''],
    ['Китай нарастил импорт российской нефти', ''],
    ['习近平同普京举行视频会晤', '双方同意深化能源合作。'],
    ['中俄举行联合海上演习', ''],
    ['普京抵达北京进行国事访问', ''],
    ['中国和俄罗斯签署天然气管道协议', ''],
    ['Китайские автопроизводители наращивают продажи в России', ''],
    ['Товарооборот России и Китая за 10 месяцев вырос на 2%', ''],
    ['王毅同俄罗斯外长拉夫罗夫举行会谈', ''],
    ['普京：俄中关系处于历史最好水平', ''],
  ])('%s', (title, summary) => {
    expect(classifyItem({ title, summary }).relevant).toBe(true);
  });
});

describe('classifyItem: hard negatives', () => {
  it.each([
    [
      'list of adversaries',
      'Pentagon budget request cites growing threats from China and Russia',
      'The request names China, Russia, Iran and North Korea.',
    ],
    ['adversaries with a third', 'Spy chiefs warn of threats from China, Russia and Iran', ''],
    [
      'parallel hackers',
      'Chinese and Russian hackers target European energy grid',
      'Researchers say the groups act separately.',
    ],
    ['interference', 'Officials brace for Russian and Chinese interference in the election', ''],
    ['objects of a third party', 'New stealth drone kept secret from China and Russia', ''],
    ['objects in a list', 'Sri Lanka offers free visas to tourists from India, China, Russia and Japan', ''],
    ['third party’s dependence', 'Carmaker faces dilemma over dependence on Russia and China', ''],
    ['comparison', 'Americans rank China as a bigger threat than Russia, poll finds', ''],
    ['analogy: lessons', 'Taiwan learns lessons from Ukraine as it watches Russia and China', ''],
    ['analogy: example', 'Could Xi follow Putin’s example in Taiwan?', ''],
    ['race', 'China and Russia pull ahead of the US in the race for hypersonic missiles', ''],
    [
      'electoral rhetoric',
      'Candidate says Putin and Xi are laughing at America during debate',
      'The Republican hopeful attacked his rival.',
    ],
    ['cricket XI', 'England name unchanged XI for second Test', 'The selectors kept faith with the side.'],
    ['playing XI', 'Pakistan announce Playing XI for first Test in Perth', ''],
    [
      'Xi’an',
      'Xi’an’s Terracotta Army draws record crowds',
      'The ancient capital in China welcomed visitors from Russia.',
    ],
    [
      'Moscow, Idaho',
      'Moscow, Idaho, police release new details',
      'Police in the university town asked for calm.',
    ],
    ['Moscow Mule', 'Bartenders swap the Moscow Mule for Chinese tea cocktails', ''],
    ['Chinese New Year', 'Chinese New Year parade draws crowds in Moscow, Idaho', ''],
    [
      'Russia–North Korea',
      'Kim Jong Un arrives in Vladivostok for talks with Putin',
      'The North Korean leader travelled by train.',
    ],
    [
      'India–China',
      'India and China agree to resume border patrols',
      'Commanders met on the disputed frontier.',
    ],
    [
      'India–China at a summit in Russia',
      'Modi and Xi agree to ease border tensions',
      'The leaders met on the sidelines of a BRICS summit in Russia.',
    ],
    ['venue only', 'Turkey and Syria defence ministers meet in Moscow', ''],
    ['sport', 'Russian skater wins Grand Prix event in Beijing', ''],
    ['sport venue', 'Russian athletes cleared to compete at Beijing Olympics', ''],
    ['private person', 'Chinese tourist robbed on Moscow metro', ''],
    ['headline only, one side', 'China’s exports rise more than expected', ''],
    ['headline only, other side', 'Putin signs decree on grain exports', ''],
    ['both named, nothing relating them', 'Putin and Xi', ''],
    ['incidental co-mention', 'Pandas at the Moscow Zoo celebrate with Chinese bamboo', ''],
    ['parallel clauses', 'Oil prices rise as China demand recovers and Russia cuts output', ''],
    ['parallel list items', 'Stocks: China tech rally, Russia ruble slump', ''],
    ['two items in one headline', 'Biden to meet Xi in San Francisco; Putin skips APEC', ''],
    ['roundup', 'Top stories: Putin’s warning, Xi’s economy, and more', ''],
    [
      'a third party acts on each',
      'UN rights chief criticises China over Xinjiang and Russia over Ukraine',
      '',
    ],
    [
      'analogy with a mistake',
      'Europe risks repeating its Russian gas mistake with Chinese batteries, auditors warn',
      'Auditors said the bloc depends on China for battery cells, echoing its past reliance on Russian gas.',
    ],
    ['versus', 'Russia vs China: which has the bigger navy?', ''],
    ['ranking', 'Ranking: China, Russia, US among most powerful militaries', ''],
    ['private person', 'Russian billionaire buys Chinese football club', ''],
  ])('%s: %s', (_case, title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(false);
    expect(result.score).toBeLessThan(RELEVANCE_THRESHOLD);
  });
});

describe('classifyItem: headline-only items', () => {
  it.each([
    ['Xi hails ties with Russia as he starts talks with Putin', true],
    ['Russia and China sign deal for major new gas pipeline', true],
    ['China-Russia military drills begin', true],
    ['Moscow police hits out at speculation in Idaho murders', false],
    ['Kishida and Modi meet in Tokyo', false],
  ])('%s -> %s', (title, relevant) => {
    expect(classifyItem({ title }).relevant).toBe(relevant);
    expect(classifyItem({ title, summary: '' }).relevant).toBe(relevant);
  });
});

describe('classifyItem: reasons', () => {
  it('explains a positive decision signal by signal, with weights that sum to the score', () => {
    const result = classifyItem({ title: 'Xi and Putin hold talks in Moscow' });
    expect(result.reasons.length).toBeGreaterThan(1);
    for (const reason of result.reasons) expect(reason).toMatch(REASON);
    expect(result.reasons).toContain("coordinated pair: 'Xi and Putin' in title (+0.35)");
    expect(result.reasons).toContain('leader pair in title (+0.10)');
    const sum = result.reasons.reduce(
      (total, r) => total + Number(/\(([+-]\d\.\d\d)\)$/.exec(r)?.[1] ?? 0),
      0,
    );
    expect(result.score).toBeCloseTo(Math.min(1, sum), 1);
  });

  it.each([
    ['Pentagon cites threats from China and Russia', /threat or adversary framing: 'threats' .*\(-0\.35\)/],
    ['China-Russia trade hits record', /pair phrase: 'China-Russia' in title \(\+0\.55\)/],
    [
      'China, Russia and Iran hold joint naval drills',
      /list with third countries \(Iran\) in title \(-0\.15\)/,
    ],
    [
      'England name unchanged XI for Moscow friendly',
      /other sense ignored: 'XI: XI, a team or a numeral' \(\+0\.00\)/,
    ],
    ['Chinese tourist robbed in Russia', /private person, not the state: 'Chinese tourist' \(\+0\.00\)/],
    ['Could Xi follow Putin’s example in Taiwan?', /comparison or analogy: '.*example' in title \(-0\.40\)/],
  ])('names the signal for "%s"', (title, pattern) => {
    const result = classifyItem({ title });
    expect(result.reasons.some((r) => pattern.test(r))).toBe(true);
  });

  it('caps a bare co-mention below the threshold and says why', () => {
    const result = classifyItem({
      title: 'Putin and Xi',
      summary:
        'Russian President Vladimir Putin and Chinese President Xi Jinping were named by the magazine.',
    });
    expect(result.relevant).toBe(false);
    expect(result.score).toBe(0.45);
    expect(
      result.reasons.some((r) => /^both named, but nothing relates them: capped \(-0\.\d\d\)$/.test(r)),
    ).toBe(true);
  });

  it('says so when there is no link at all', () => {
    expect(classifyItem({ title: 'Storm floods coastal towns' }).reasons).toEqual([
      'no China–Russia link found (+0.00)',
    ]);
  });
});

describe('classifyItem: robustness', () => {
  it('handles empty and missing fields', () => {
    expect(classifyItem({ title: '' })).toEqual({
      relevant: false,
      score: 0,
      themes: [],
      reasons: ['no China–Russia link found (+0.00)'],
    });
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

  it('scans a bounded part of a long body, quickly', () => {
    const filler = 'The weather was mild and markets were calm. '.repeat(50_000);
    const started = performance.now();
    const result = classifyItem({ title: 'Markets calm', text: `${filler} China and Russia sign a pact.` });
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.relevant).toBe(false);
  });

  it('article text alone cannot make an item relevant, but adds a little', () => {
    const text =
      'Xi Jinping and Vladimir Putin held talks and signed a joint statement on their partnership.';
    const withText = classifyItem({ title: 'Leaders gather for the summit', text });
    expect(withText.relevant).toBe(false);
    expect(withText.reasons.some((r) => r.startsWith('article text:'))).toBe(true);
    const base = classifyItem({ title: 'Xi to meet Putin', summary: '' });
    const more = classifyItem({ title: 'Xi to meet Putin', summary: '', text });
    expect(more.score).toBeGreaterThan(base.score);
  });

  it('gives borderline items themes but does not mark them relevant', () => {
    const result = classifyItem({
      title: 'Japan’s prime minister visits Kyiv',
      summary: 'The trip coincides with the Chinese leader’s visit to Moscow for talks.',
    });
    expect(result.relevant).toBe(false);
    expect(result.score).toBeGreaterThanOrEqual(BORDERLINE_THRESHOLD);
    expect(result.themes.length).toBeGreaterThan(0);
  });

  it('classifies well under a millisecond per item', () => {
    const titles = [
      'Xi and Putin pledge deeper energy ties in video call',
      'Pentagon budget request cites growing threats from China and Russia',
      'Storm floods coastal towns as rivers burst their banks',
      'Putin signs decree on grain exports',
      'India and China agree to resume border patrols',
    ];
    const summary = 'Officials said the talks covered trade, energy and security, according to state media.';
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const title of titles) classifyItem({ title, summary });
    const perItem = (performance.now() - started) / (rounds * titles.length);
    expect(perItem).toBeLessThan(1);
  });
});

describe('assignThemes', () => {
  it.each([
    ['Russia and China sign deal for new gas pipeline', '', 'energy'],
    ['Chinese banks turn away Russian payments in yuan', '', 'trade-finance'],
    ['China and Russia fly bombers in joint patrol near Alaska', '', 'military'],
    ['Beijing backs Ukraine ceasefire talks after envoy visits Moscow', '', 'ukraine-war'],
    ['Russia becomes China’s junior partner, memo warns of dependence', '', 'asymmetry-limits'],
    [
      'EU sanctions Chinese firms supplying Russia',
      'Washington warns of secondary sanctions.',
      'western-response',
    ],
    ['Russia and China sign deal on joint lunar station', '', 'tech-infrastructure'],
    ['Russia and China push BRICS toward a multipolar world order', '', 'multipolar-order'],
    ['Russian and Chinese state media to co-produce WWII documentaries', '', 'narrative-history'],
    ['Xi and Putin hold summit talks in Beijing', '', 'alliance-diplomacy'],
    ['Россия и Китай наращивают поставки газа', '', 'energy'],
    ['中俄举行联合军事演习', '', 'military'],
  ])('%s -> %s', (title, summary, theme) => {
    expect(assignThemes(title, summary)).toContain(theme);
  });

  it('drops the generic partnership theme when a specific one clearly leads', () => {
    const themes = assignThemes(
      'Russia and China sign deal for new gas pipeline',
      'The pipeline will carry gas from Siberia.',
    );
    expect(themes).toContain('energy');
    expect(themes).not.toContain('alliance-diplomacy');
  });

  it('does not count a war named only as background', () => {
    expect(assignThemes('China and Russia deepen trade ties amid the war in Ukraine')).not.toContain(
      'ukraine-war',
    );
  });

  it('needs a Western actor for the Western-response theme', () => {
    expect(assignThemes('Xi warned Putin against nuclear escalation')).not.toContain('western-response');
    expect(assignThemes('US warns China against arming Russia')).toContain('western-response');
  });

  it('returns at most three themes and none for unrelated text', () => {
    expect(assignThemes('Storm floods coastal towns')).toEqual([]);
    const many = assignThemes(
      'Xi and Putin sign gas pipeline and yuan trade deals, hold joint drills and discuss Ukraine peace plan at BRICS summit',
    );
    expect(many.length).toBeLessThanOrEqual(3);
  });
});
