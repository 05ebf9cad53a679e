import { describe, expect, it } from 'vitest';
import { assignThemes, classifyItem } from '#analyse/classify-relevance.ts';
import { readItem } from '#analyse/features.ts';
import { THEME_PARAMETERS, themeModelFile, themeParametersOf } from '#analyse/relevance-model.ts';
import { chooseThemes, pickThemes, themeIndicators } from '#analyse/themes.ts';
import { THEME_CATALOGUE } from '#domain/themes.ts';
import { THEME_IDS } from '#domain/types.ts';

describe('theme model', () => {
  it('has a fitted model for each of the ten theme ids of CONTRACTS.md', () => {
    expect(Object.keys(THEME_PARAMETERS.themes).sort()).toEqual([...THEME_IDS].sort());
    expect(THEME_CATALOGUE.map((t) => t.id)).toEqual([...THEME_IDS]);
    expect(THEME_PARAMETERS.maxThemes).toBe(3);
  });

  it('is stored one row per feature, and reads back as the fitted parameters', () => {
    const file = themeModelFile(THEME_PARAMETERS);
    expect(file.themes).toEqual([...THEME_IDS]);
    for (const row of Object.values(file.weights)) expect(row).toHaveLength(THEME_IDS.length);
    // A weight one theme lacks is 0 in its row, and absent again once read back.
    expect(Object.values(file.weights).some((row) => row.includes(0))).toBe(true);
    expect(themeParametersOf(file)).toEqual(THEME_PARAMETERS);
  });

  it.each(THEME_IDS.map((id) => [id]))('%s has indicators, and the model weighs them', (id) => {
    const labels = themeIndicators(id);
    expect(labels.length).toBeGreaterThanOrEqual(5);
    const weights = Object.keys(THEME_PARAMETERS.themes[id].weights);
    expect(weights.some((w) => w.startsWith(`ind:${id}:`))).toBe(true);
  });
});

describe('chooseThemes', () => {
  it.each([
    ['Russia and China sign deal for new gas pipeline', 'energy'],
    ['China and Russia fly bombers in joint patrol near Alaska', 'military'],
    ['Beijing backs Ukraine ceasefire talks after envoy visits Moscow', 'ukraine-war'],
    ['Russia becomes China’s junior partner as dependence grows', 'asymmetry-limits'],
    [
      'EU sanctions Chinese firms supplying Russia, Washington warns of secondary sanctions',
      'western-response',
    ],
    ['Xi and Putin hold summit talks in Beijing', 'alliance-diplomacy'],
    ['China and Russia push BRICS toward a multipolar world order', 'multipolar-order'],
    ['Chinese banks turn away Russian payments in yuan', 'trade-finance'],
    ['Chiny i Rosja prowadzą wspólne ćwiczenia wojskowe', 'military'],
    ['Россия и Китай наращивают поставки газа и нефти', 'energy'],
    ['中俄举行联合军事演习', 'military'],
  ])('%s -> %s', (title, theme) => {
    expect(chooseThemes(readItem({ title }), true).themes).toContain(theme);
  });

  it('reads a “no limits” partnership as the partnership, not as its limits', () => {
    const noLimits =
      'Xi Jinping and Vladimir Putin stood shoulder to shoulder at this week’s summit, fuelling speculation about their countries’ “no limits” partnership.';
    expect(assignThemes(noLimits)).toEqual(['alliance-diplomacy']);
    expect(assignThemes('China’s support for Russia has its limits')).toContain('asymmetry-limits');
  });

  it('files nuclear-capable hardware under the military, and the threat of nuclear use under the war', () => {
    const patrol =
      'Two Russian Tu-95MS and two Chinese H-6K bombers, all capable of carrying nuclear weapons, flew for about eight hours over the Sea of Japan.';
    expect(assignThemes(patrol)[0]).toBe('military');
    expect(assignThemes('Xi warns Putin against the use of nuclear weapons')[0]).toBe('ukraine-war');
    // "Nuclear war" said of the United States is strategic stability, not the war in Ukraine (the
    // report of 2025-05-08 with its feed summary; the headline alone reaches no theme's threshold).
    expect(
      assignThemes(
        'China and Russia accuse US of raising risk of nuclear war and vow to respond to threats jointly',
        'Statement decries US initiatives including expansion of security alliances, development of ‘Golden Dome’ and sharing of nuclear technology.',
      ),
    ).not.toContain('ukraine-war');
  });

  it('returns at most three themes, most probable first, each with a reason', () => {
    const choice = chooseThemes(
      readItem({
        title:
          'Xi and Putin sign gas pipeline and yuan trade deals, hold joint drills and discuss Ukraine peace plan at BRICS summit',
      }),
      true,
    );
    expect(choice.themes.length).toBeGreaterThan(0);
    expect(choice.themes.length).toBeLessThanOrEqual(3);
    expect(choice.reasons).toHaveLength(choice.themes.length);
    const ps = choice.reasons.map((r) => Number(/p=(\d\.\d\d)/.exec(r)?.[1]));
    expect([...ps].sort((a, b) => b - a)).toEqual(ps);
  });

  it('gives a relevant item its most probable theme even when none reaches the threshold', () => {
    const reading = readItem({ title: 'Xi and Putin' });
    expect(chooseThemes(reading, true).themes).toHaveLength(1);
  });

  it('gives an item that is not relevant no theme below the threshold', () => {
    expect(classifyItem({ title: 'Storm floods coastal towns' }).themes).toEqual([]);
  });
});

describe('pickThemes', () => {
  const params = { threshold: 0.4, broadSecondaryThreshold: 0.8, maxThemes: 3 };
  it.each([
    [
      'a theme needs one of its own indicators, however probable',
      [
        { id: 'energy' as const, probability: 0.9, indicated: false },
        { id: 'military' as const, probability: 0.6, indicated: true },
      ],
      true,
      ['military'],
    ],
    [
      'at most three, most probable first, from the threshold up',
      [
        { id: 'energy' as const, probability: 0.5, indicated: true },
        { id: 'military' as const, probability: 0.9, indicated: true },
        { id: 'trade-finance' as const, probability: 0.7, indicated: true },
        { id: 'ukraine-war' as const, probability: 0.6, indicated: true },
        { id: 'western-response' as const, probability: 0.39, indicated: true },
      ],
      false,
      ['military', 'trade-finance', 'ukraine-war'],
    ],
    [
      'a relevant item without any takes the most probable',
      [
        { id: 'energy' as const, probability: 0.3, indicated: false },
        { id: 'alliance-diplomacy' as const, probability: 0.35, indicated: false },
      ],
      true,
      ['alliance-diplomacy'],
    ],
    [
      'the broad theme joins a more probable one only when strong',
      [
        { id: 'asymmetry-limits' as const, probability: 0.9, indicated: true },
        { id: 'alliance-diplomacy' as const, probability: 0.7, indicated: true },
        { id: 'trade-finance' as const, probability: 0.5, indicated: true },
      ],
      false,
      ['asymmetry-limits', 'trade-finance'],
    ],
    [
      'a strong broad theme joins, and leads when most probable',
      [
        { id: 'alliance-diplomacy' as const, probability: 0.85, indicated: true },
        { id: 'military' as const, probability: 0.9, indicated: true },
        { id: 'energy' as const, probability: 0.6, indicated: true },
      ],
      false,
      ['military', 'alliance-diplomacy', 'energy'],
    ],
    [
      'the broad theme leads at any probability over the threshold',
      [
        { id: 'alliance-diplomacy' as const, probability: 0.5, indicated: true },
        { id: 'energy' as const, probability: 0.45, indicated: true },
      ],
      false,
      ['alliance-diplomacy', 'energy'],
    ],
    [
      'an item that is not relevant takes none below the threshold',
      [{ id: 'energy' as const, probability: 0.3, indicated: true }],
      false,
      [],
    ],
  ])('%s', (_case, candidates, relevant, expected) => {
    expect(pickThemes(candidates, relevant, params)).toEqual(expected);
  });
});
