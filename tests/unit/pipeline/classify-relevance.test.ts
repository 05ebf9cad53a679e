import { describe, expect, it } from 'vitest';
import { assignThemes, classifyItem, matchesQuery } from '../../../functions/pipeline/classify-relevance.ts';

describe('classifyItem: about the relationship', () => {
  it.each([
    [
      'Xi and Putin pledge deeper energy ties in video call',
      'The Kremlin said the leaders discussed gas supplies.',
    ],
    ['China and Russia hold joint naval exercises in the Sea of Japan', ''],
    [
      'Russia overtakes Saudi Arabia as China’s top oil supplier',
      'Chinese imports of Russian oil rose by a quarter.',
    ],
    [
      'US warns China against helping Russia evade sanctions',
      'Officials say Moscow asked Beijing for military support.',
    ],
    ['Power of Siberia 2 talks stall over gas price', 'Gazprom and CNPC remain apart on terms.'],
    ['Sino-Russian trade hits a record in yuan and roubles', ''],
    [
      'Xi warned Putin against nuclear attack in Ukraine',
      'Chinese officials take credit for talking Moscow down.',
    ],
    ['Путин и Си Цзиньпин провели переговоры по видеосвязи', 'Стороны обсудили поставки газа.'],
    ['习近平同普京举行视频会晤', '双方同意深化能源合作。'],
    [
      'China goes all in on Russia’s disinformation campaign',
      'Chinese officials amplify Kremlin narratives on the war.',
    ],
  ])('%s', (title, summary) => {
    const result = classifyItem({ title, summary });
    expect(result.relevant).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.5);
    expect(result.themes.length).toBeGreaterThan(0);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons.every((r) => /\([+-]\d\.\d\d\)$/.test(r))).toBe(true);
  });
});

describe('classifyItem: hard negatives', () => {
  it.each([
    [
      'list of adversaries',
      'Pentagon budget request cites growing threats from China and Russia',
      'The request names China, Russia, Iran and North Korea.',
    ],
    ['cricket XI', 'England name unchanged XI for second Test', 'The selectors kept faith with the side.'],
    [
      'Xi’an',
      'Xi’an’s Terracotta Army draws record crowds',
      'The ancient capital in China welcomed visitors.',
    ],
    [
      'Moscow, Idaho',
      'Moscow, Idaho, police release new details',
      'Police in the university town asked for calm.',
    ],
    ['Moscow Mule', 'Bartenders swap the Moscow Mule for winter cocktails', 'Copper mugs are out.'],
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
      'hackers of both',
      'Hackers linked to Russia and China targeted election officials',
      'A cybersecurity firm said.',
    ],
    [
      'analogy',
      'With eyes on Taiwan, new China ban shows the U.S. learning lessons from mistakes with Russia',
      '',
    ],
    ['third party as subject', 'Mercedes faces dilemma over dependence on Russia and China', ''],
    ['sport', 'Russian skater wins Grand Prix event in Beijing', ''],
    ['headline only, one side', 'China’s exports rise more than expected', ''],
  ])('%s', (_case, title, summary) => {
    expect(classifyItem({ title, summary }).relevant).toBe(false);
  });
});

describe('themes', () => {
  it.each([
    ['Russia and China sign deal for new gas pipeline', '', 'energy'],
    ['Chinese banks turn away Russian payments in yuan', '', 'trade-finance'],
    ['China and Russia fly bombers in joint patrol near Alaska', '', 'military'],
    ['Beijing backs Ukraine ceasefire talks after Moscow visit by envoy', '', 'ukraine-war'],
    ['Russia becomes China’s junior partner, memo shows dependence', '', 'asymmetry-limits'],
    [
      'EU sanctions Chinese firms supplying Russia',
      'Washington warns of secondary sanctions.',
      'western-response',
    ],
    ['Russia and China sign deal on joint lunar station', '', 'tech-infrastructure'],
    ['Russia and China push BRICS toward a multipolar world order', '', 'multipolar-order'],
    ['Russian and Chinese state media to co-produce WWII documentaries', '', 'narrative-history'],
  ])('%s -> %s', (title, summary, theme) => {
    expect(assignThemes(title, summary)).toContain(theme);
  });
});

describe('matchesQuery', () => {
  it('needs every term, ignoring case and accents', () => {
    const item = {
      title: 'Power of Siberia 2 talks stall',
      summary: 'Gazprom and CNPC disagree on pricing.',
    };
    expect(matchesQuery(item, 'power of siberia')).toBe(true);
    expect(matchesQuery(item, 'GAZPROM pricing')).toBe(true);
    expect(matchesQuery(item, 'gazprom nuclear')).toBe(false);
  });
});
