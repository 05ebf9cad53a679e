import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignThemes } from '#analyse/classify-relevance.ts';
import { THEMES, themeRules } from '#analyse/themes.ts';
import { THEME_CATALOGUE, themeById } from '#domain/themes.ts';
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import { REPO_ROOT } from '#tests/helpers/run-cli.ts';

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z“"])/u).filter((s) => s.trim() !== '');

describe('THEMES catalogue', () => {
  it('has the ten theme ids of CONTRACTS.md, in that order', () => {
    expect(THEMES.map((t) => t.id)).toEqual([...THEME_IDS]);
    expect(THEME_CATALOGUE.map((t) => t.id)).toEqual([...THEME_IDS]);
  });

  it.each(THEMES.map((t) => [t.id, t] as const))('%s is complete', (id, theme) => {
    const info = themeById(id);
    expect(info.title.length).toBeGreaterThan(3);
    expect(info.description).not.toMatch(/\n/);
    expect(info.description.length).toBeGreaterThan(80);
    const baseline = sentences(info.baseline);
    expect(baseline.length).toBeGreaterThanOrEqual(2);
    expect(baseline.length).toBeLessThanOrEqual(4);
    expect(theme.indicators.length).toBeGreaterThanOrEqual(5);
    for (const indicator of theme.indicators) {
      expect(indicator.label).not.toBe('');
      expect(indicator.weight).toBeGreaterThan(0);
    }
    for (const counter of theme.counterIndicators ?? []) expect(counter.weight).toBeGreaterThan(0);
    const labels = new Set(theme.indicators.map((i) => i.label));
    for (const anchor of theme.anchors ?? []) expect(labels.has(anchor)).toBe(true);
  });

  it.each(THEMES.map((t) => [t.id, t] as const))('%s has indicators in Russian and Chinese', (_id, theme) => {
    expect(theme.indicators.some((i) => i.terms.ru)).toBe(true);
    expect(theme.indicators.some((i) => i.terms.zh)).toBe(true);
  });

  it('looks themes up by id', () => {
    expect(themeById('energy').title).toBe('Energy');
    expect(() => themeById('nonsense' as ThemeId)).toThrow(/unknown theme/);
  });
});

describe('theme indicators', () => {
  it.each([
    ['alliance-diplomacy', 'summit', 'Leaders open a two-day summit'],
    ['alliance-diplomacy', 'partnership', 'a partnership "without limits"'],
    ['alliance-diplomacy', 'talks', 'Путин провёл переговоры с Си'],
    ['alliance-diplomacy', 'talks', '两国元首举行会谈'],
    ['multipolar-order', 'BRICS', 'BRICS expands to six new members'],
    ['multipolar-order', 'multipolar', 'a multipolar world'],
    ['multipolar-order', 'SCO', 'ШОС собирается в Тяньцзине'],
    ['multipolar-order', 'hegemony', '反对霸权主义'],
    ['energy', 'gas', 'LNG cargoes from the Arctic'],
    ['energy', 'pipeline', 'Power of Siberia 2'],
    ['energy', 'oil', 'экспорт нефти в Китай'],
    ['energy', 'gas', '天然气供应'],
    ['trade-finance', 'yuan and rouble', 'settled in yuan and roubles'],
    ['trade-finance', 'de-dollarisation', 'de-dollarization accelerates'],
    ['trade-finance', 'trade', 'товарооборот вырос'],
    ['trade-finance', 'banks and payments', '银行结算'],
    ['military', 'exercises', 'joint naval drills'],
    ['military', 'weapons', 'artillery shells and drones'],
    ['military', 'exercises', 'совместные учения флотов'],
    ['military', 'exercises', '联合军演'],
    ['ukraine-war', 'Ukraine', 'the war in Ukraine'],
    ['ukraine-war', 'peace plan', 'a 12-point position paper calling for a ceasefire'],
    ['ukraine-war', 'peace plan', 'призыв к перемирию'],
    ['ukraine-war', 'peace plan', '劝和促谈'],
    ['asymmetry-limits', 'junior partner', 'Russia as the junior partner'],
    ['asymmetry-limits', 'dependence', 'growing dependence on Beijing'],
    ['asymmetry-limits', 'dependence', 'растущая зависимость от Китая'],
    ['asymmetry-limits', 'caution', '中方态度谨慎'],
    ['western-response', 'secondary sanctions', 'threat of secondary sanctions'],
    ['western-response', 'NATO and G7', 'G7 leaders warn Beijing'],
    ['western-response', 'United States', 'the US Treasury'],
    ['western-response', 'EU', 'Евросоюз ввёл санкции'],
    ['tech-infrastructure', 'Belt and Road', 'the Belt and Road Initiative'],
    ['tech-infrastructure', 'ports and sea routes', 'the Northern Sea Route'],
    ['tech-infrastructure', 'space', 'a joint lunar station'],
    ['tech-infrastructure', 'technology', '芯片出口'],
    ['narrative-history', 'Second World War', 'Victory Day parade on Red Square'],
    ['narrative-history', 'propaganda', 'state media amplify Kremlin narratives'],
    ['narrative-history', 'culture', 'ballet and theatre tours'],
    ['narrative-history', 'Second World War', '纪念二战胜利'],
  ])('%s: %s matches "%s"', (id, label, text) => {
    const indicator = themeRules(id as ThemeId).indicators.find((i) => i.label === label);
    expect(indicator).toBeDefined();
    expect(indicator?.pattern.test(text)).toBe(true);
  });

  it.each([
    ['energy', 'gas', 'Accusations of gaslighting continued'],
    ['western-response', 'United States', 'China sends a message: rely on us, not Russia'],
    ['trade-finance', 'trade', 'The tradesman left'],
    ['military', 'exercises', 'exerciser'],
  ])('%s: %s does not match "%s"', (id, label, text) => {
    const indicator = themeRules(id as ThemeId).indicators.find((i) => i.label === label);
    expect(indicator?.pattern.test(text)).toBe(false);
  });

  it.each([
    ['energy', 'Police fire tear gas at protesters in Moscow and Beijing'],
    ['western-response', 'Chinese lenders extend loans to Russian banks after western sanctions'],
    ['ukraine-war', 'Russia and China deepen economic ties amid the war in Ukraine'],
    [
      'western-response',
      'An alternative to American exceptionalism: what the Russia-China partnership offers',
    ],
    ['western-response', 'Beijing and Moscow vow to resist US hegemony'],
  ])('counter-indicators keep %s out of "%s"', (id, title) => {
    expect(assignThemes(title)).not.toContain(id);
  });
});

describe('baselines are our own words', () => {
  const seeds = resolve(REPO_ROOT, '../shared/seeds');
  const present = existsSync(seeds);
  if (!present) console.warn(`skipped: ${seeds} is absent`);

  it.skipIf(!present)('share no run of seven words with the reference documents', () => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[’']/g, "'")
        .split(/[^\p{L}\p{N}']+/u)
        .filter(Boolean);
    const runs = new Set<string>();
    for (const file of readdirSync(seeds)) {
      const w = words(readFileSync(resolve(seeds, file), 'utf8'));
      for (let i = 0; i + 7 <= w.length; i++) runs.add(w.slice(i, i + 7).join(' '));
    }
    for (const theme of THEME_CATALOGUE) {
      const w = words(theme.baseline);
      for (let i = 0; i + 7 <= w.length; i++) expect(runs.has(w.slice(i, i + 7).join(' '))).toBe(false);
    }
  });
});
