import { describe, expect, it } from 'vitest';
import type { ScoredItem } from '#domain/types.ts';
import { reportText } from '#edition/report-text.ts';

const item = (title: string, summary: string, extra: Partial<ScoredItem> = {}): ScoredItem => ({
  id: title,
  title,
  link: 'https://example.org/a',
  source: 'Outlet',
  perspective: 'western',
  categories: [],
  language: 'en',
  summary,
  classification: { relevant: true, score: 0.9, themes: ['alliance-diplomacy'], reasons: [] },
  ...extra,
});

describe('reportText', () => {
  it.each([
    // A standfirst written as a headline gets its article back; a title before a name stays.
    [
      'Statement decries US initiatives on missile defence in space.',
      'The statement decries US initiatives on missile defence in space.',
    ],
    [
      'Chinese leader, a guest for the commemorations, is keen to keep ties deep.',
      'The Chinese leader, a guest for the commemorations, is keen to keep ties deep.',
    ],
    [
      'Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday.',
      'Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday.',
    ],
    // The text after a photo caption keeps no dash.
    [
      '- South Africa embarked on February 17, 2023 on a 10-day joint military exercise with Russia and China.',
      'South Africa embarked on February 17, 2023 on a 10-day joint military exercise with Russia and China.',
    ],
    // A compound noun opens the sentence: no article before it.
    [
      'Government officials and politicians step up warnings on lethal aid ahead of Xi-Putin meeting.',
      'Government officials and politicians step up warnings on lethal aid ahead of Xi-Putin meeting.',
    ],
    // Quotes that hug their words; the wire's dateline goes.
    [
      "Xi spent four hours with his ' dear friend ' Putin in the Kremlin.",
      'Xi spent four hours with his ‘dear friend’ Putin in the Kremlin.',
    ],
    [
      'MOSCOW (Reuters) - Xi Jinping arrived in Moscow for a three-day state visit.',
      'Xi Jinping arrived in Moscow for a three-day state visit.',
    ],
    // A decimal point is not the end of a sentence.
    [
      'Trade between China and Russia fell 6.1% to $188.6 billion this year.',
      'Trade between China and Russia fell 6.1% to $188.6 billion this year.',
    ],
  ])('%s', (summary, expected) => {
    expect(reportText(item('Xi and Putin meet', summary)).sentences).toEqual([expected]);
  });

  it.each([
    ['Gazprom Shares Tumble After Power of Siberia 2 Deal Announcement', true],
    ['Why huge China-Russia gas pipeline deal could face ‘key obstacle’', false],
    ['Analysis: what Xi wants from Putin', false],
    ['Xi hails China-Russia ties, EU ‘lost’ solar power fight: SCMP daily highlights', false],
    ['Live updates: Xi and Putin to hold formal talks in Moscow', false],
    ['Wednesday Afternoon Update: Fed Hikes, Russia-China Lovefest, No Trump Indictment Yet', false],
    ['Xi meets Putin', false],
  ])('a headline that states a development may be quoted: %s → %s', (title, quotable) => {
    expect(reportText(item(title, '')).quotable).toBe(quotable);
  });

  it.each([
    ['Wednesday Afternoon Update: Fed Hikes, Russia-China Lovefest, No Trump Indictment Yet', true],
    ['The Morning Brief: Xi lands in Moscow', true],
    ['Putin Fetes Xi and Trump Decries Charge Threat: Weekend Reads', true],
    ['Xi hails China-Russia ties, EU ‘lost’ solar power fight: SCMP daily highlights', true],
    ['Russia and China update their trade rules for a weekly brief of customs data', false],
    ['Putin and Xi sign a statement on the daily lives of border residents', false],
    // A verb, not a label.
    ['Xi, Putin meeting highlights US tensions with China', false],
  ])('reads a newsletter or round-up by its headline: %s → %s', (title, roundUp) => {
    expect(reportText(item(title, '')).roundUp).toBe(roundUp);
  });

  it('takes a long attributed title as the report’s sentence when the feed gives no summary', () => {
    const title =
      'White House says Chinese leader could back Russia troops remaining in Ukraine, adding that US officials still believe he has not ruled out providing weapons';
    expect(reportText(item(title, '')).sentences).toEqual([`${title}.`]);
  });
});
