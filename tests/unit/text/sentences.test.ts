import { describe, expect, it } from 'vitest';
import { splitSentences } from '#text/sentences.ts';

describe('splitSentences', () => {
  it.each([
    [
      'The U.S. and its allies warned Beijing. Xi did not answer.',
      ['The U.S. and its allies warned Beijing.', 'Xi did not answer.'],
    ],
    [
      'Kirby spoke at the James S. Brady Briefing Room on Monday. (Anna Moneymaker/Getty Images) Reporters asked about China.',
      [
        'Kirby spoke at the James S. Brady Briefing Room on Monday. (Anna Moneymaker/Getty Images)',
        'Reporters asked about China.',
      ],
    ],
    [
      'Mr. Putin met Dr. Wang. They spoke for an hour!',
      ['Mr. Putin met Dr. Wang.', 'They spoke for an hour!'],
    ],
    [
      'Путин прибыл в Пекин. Переговоры продлятся два дня.',
      ['Путин прибыл в Пекин.', 'Переговоры продлятся два дня.'],
    ],
    [
      '两国元首签署联合声明。双边贸易额达到2450亿美元。',
      ['两国元首签署联合声明。', '双边贸易额达到2450亿美元。'],
    ],
    ['A fragment without an ending', ['A fragment without an ending']],
    [
      'Ships arrive in 2028. "This is a historic step. Together we will win," he said. Talks go on.',
      ['Ships arrive in 2028.', '"This is a historic step. Together we will win," he said.', 'Talks go on.'],
    ],
    ['MOSCOW (Reuters) - Putin flew to Beijing.', ['MOSCOW (Reuters) - Putin flew to Beijing.']],
    [
      'Trade fell 6.1% to $188.6 billion. Talks ended in 2024.',
      ['Trade fell 6.1% to $188.6 billion.', 'Talks ended in 2024.'],
    ],
    // A sentence never opens in lower case: the abbreviation's point ends nothing.
    [
      'Sen. Jeff Merkley (D-Ore.) blasted Xi’s visit to Russia on Tuesday. He spoke on CNN.',
      ['Sen. Jeff Merkley (D-Ore.) blasted Xi’s visit to Russia on Tuesday.', 'He spoke on CNN.'],
    ],
    [
      'Officials in Sacramento, Calif. said the shipment left. “Is it legal?” she asked. Nobody knew.',
      [
        'Officials in Sacramento, Calif. said the shipment left.',
        '“Is it legal?” she asked.',
        'Nobody knew.',
      ],
    ],
  ])('%s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});
