import { describe, expect, it } from 'vitest';
import { matchesQuery } from '#analyse/match-query.ts';

describe('matchesQuery', () => {
  const item = {
    title: 'Power of Siberia 2 talks stall',
    summary: 'Gazprom and CNPC disagree on pricing; sanctions complicate payments.',
    text: 'Analysts in Moscow said the négociations would resume.',
  };

  it.each([
    ['power of siberia', true],
    ['GAZPROM pricing', true],
    ['gazprom nuclear', false],
    ['sanction', true],
    ['payment', true],
    ['priced', true],
    ['negociation', true],
    ['"power of siberia 2"', true],
    ['"siberia power"', false],
    ['', true],
    ['   ', true],
  ])('%s -> %s', (query, expected) => {
    expect(matchesQuery(item, query)).toBe(expected);
  });

  it.each([
    ['Поставки газа в Китай выросли', 'поставка газ', true],
    ['Поставки газа в Китай выросли', 'нефть', false],
    ['中俄天然气管道谈判', '天然气', true],
    ['中俄天然气管道谈判', '石油', false],
    ['Rosja i Chiny podpisały umowę gazową', 'podpisał', true],
    ['Sánchez meets Xi', 'sanchez', true],
  ])('%s / %s -> %s', (title, query, expected) => {
    expect(matchesQuery({ title }, query)).toBe(expected);
  });
});
