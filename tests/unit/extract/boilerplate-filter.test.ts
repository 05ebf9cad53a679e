import { describe, expect, it } from 'vitest';
import { boilerplateReason, isBoilerplateSentence } from '#extract/boilerplate-filter.ts';
import { tokensOf } from '#text/tokens.ts';
import { NOISE_LINES } from '../edition/story-fixtures.ts';

describe('isBoilerplateSentence', () => {
  it.each([
    ['You May Also Like', 'related-links prompt'],
    ['Read more: Putin lands in Beijing', 'related-links prompt'],
    ['Click to comment', 'comment prompt'],
    ['Notify of', 'comment prompt'],
    ['Inline Feedbacks', 'comment prompt'],
    ['View all comments', 'comment prompt'],
    ['Share this article', 'share prompt'],
    ['Sign up for our daily newsletter', 'newsletter or subscription prompt'],
    [
      'If you would like to see more of our reporting, please consider subscribing.',
      'newsletter or subscription prompt',
    ],
    ['We use cookies to improve your experience on our site.', 'cookie notice'],
    ['Follow us on Telegram for the latest updates from Moscow and Beijing.', 'social follow prompt'],
    ['top of page', 'navigation'],
    ['bottom of page', 'navigation'],
    ['Connect with us', 'navigation'],
    ['Hi, what are you looking for?', 'navigation'],
    ['Table of Contents', 'table of contents or FAQ'],
    ['FAQs about Xi Jinping', 'table of contents or FAQ'],
    ['By Liam Walker', 'byline'],
    ['by Admin 47 views', 'byline'],
    ['(Reporting by Anna Petrova; Editing by John Smith)', 'byline'],
    ['Photo: Reuters/File', 'photo credit or caption'],
    [
      'Russian President Vladimir Putin (R) meets with Chinese leader Xi Jinping at the Kremlin in Moscow on March 21, 2023.',
      'photo caption',
    ],
    [
      'John Kirby speaks at a briefing in the White House in Washington, on March 21, 2023. (Anna Moneymaker/Getty Images)',
      'photo caption',
    ],
    ['© 2026 Example News. All rights reserved.', 'copyright'],
    ['Advertisement', 'advertisement'],
    ['We’re dedicated to providing you the most authenticated news.', 'site blurb'],
    ['Hey guys! Let’s dive deep into something that’s been making waves in global politics.', 'chatty aside'],
    [
      'To receive the report in your inbox, please sign up here: https://bit.ly/3qmIoS9',
      'newsletter or subscription prompt',
    ],
    ['Watch the full interview at https://example.org/video today.', 'link'],
    [
      'জুমবাংলা নিউজ সবার আগে পেতে Follow করুন জুমবাংলা গুগল নিউজ, জুমবাংলা টুইটার , জুমবাংলা ফেসবুক, জুমবাংলা টেলিগ্রাম এবং সাবস্ক্রাইব করুন জুমবাংলা ইউটিউব চ্যানেলে।',
      'line in an unrelated script',
    ],
    ['সবার আগে পেতে জুমবাংলা নিউজ পড়ুন প্রতিদিন এবং প্রতি ঘণ্টায় আপডেট পান।', 'line in an unrelated script'],
    ['What is the “no-limits” partnership between China and Russia?', 'question, not a report'],
    ['Why did Xi Jinping visit Russia in May 2025?', 'question, not a report'],
    [
      'Jennifer Coolidge Is Pregnant: Jennifer Coolidge Audrey Coolidge is a comedian and actress from the United States. Many of her followers are wondering if...',
      'teaser cut off mid-sentence',
    ],
    [
      'Spoilers! The demon Akaza from Kimetsu no Yaiba dies in the eleventh arc of the manga and the one responsible for his death is…',
      'teaser cut off mid-sentence',
    ],
    [
      'Rafale Fighter Jets: India’s High-Stakes Modernization Faces First Major Combat Test',
      'heading or headline, not a sentence',
    ],
    [
      'vivo X200 FE: Price, Specs, Features and Everything You Need to Know',
      'heading or headline, not a sentence',
    ],
    ['Economic Lifelines and Strategic Leverage', 'heading or headline, not a sentence'],
    ['Putin And Xi Hail Unprecedented Ties In Beijing.', 'heading or headline, not a sentence'],
    ['习近平同普京举行会谈', 'heading or headline, not a sentence'],
    ['Ha. Haha.', 'too short to say what happened'],
  ])('%s -> %s', (sentence, reason) => {
    expect(boilerplateReason(sentence)).toBe(reason);
    expect(isBoilerplateSentence(sentence)).toBe(true);
  });

  it.each([
    'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement in Beijing on Monday.',
    'Xi Jinping welcomed Putin with a red carpet reception in Beijing.',
    'Share of yuan in trade rose to 95 percent, the ministry said.',
    'The U.S. and Ukraine’s allies in Europe fear that China will back Russia.',
    'Western officials have warned Beijing against supplying components for Russia’s war.',
    'Putin said: “Our relations with China are at their best in history.”',
    'Путин и Си Цзиньпин подписали совместное заявление о стратегическом взаимодействии.',
    '两国元首签署联合声明，同意深化新时代全面战略协作。',
    'Reuters reported that Gazprom and CNPC had still not agreed on a price for the gas.',
    'Trade between the two countries reached a record $245 billion last year, officials said in Moscow',
  ])('keeps the reporting sentence: %s', (sentence) => {
    expect(boilerplateReason(sentence)).toBeUndefined();
  });

  it('drops a sentence that shares nothing with the story, keeps one that does', () => {
    const keyTerms = new Set(
      tokensOf('Xi and Putin sign joint statement at Beijing summit on gas and trade'),
    );
    expect(
      boilerplateReason(
        'The young YouTube star has recently been seen making headlines for her amazing work.',
        { keyTerms },
      ),
    ).toBe('unrelated to the story');
    expect(
      boilerplateReason('The statement covers gas supplies and trade settled in roubles and yuan.', {
        keyTerms,
      }),
    ).toBeUndefined();
  });

  it('rejects every noise line of the project’s own list', () => {
    for (const line of NOISE_LINES) expect(isBoilerplateSentence(line), line).toBe(true);
  });

  it('treats an empty or blank line as boilerplate', () => {
    expect(boilerplateReason('   ')).toBe('empty');
  });
});
