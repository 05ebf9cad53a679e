import { describe, expect, it } from 'vitest';
import {
  boilerplateLineReason,
  boilerplateReason,
  classifyLabel,
  hasPaywallMarkup,
  hasPaywallNotice,
  isBoilerplateLine,
  isBoilerplateSentence,
  stripShortcodes,
} from '#extract/boilerplate.ts';
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
      'social follow prompt',
    ],
    ['সবার আগে পেতে জুমবাংলা নিউজ পড়ুন প্রতিদিন এবং প্রতি ঘণ্টায় আপডেট পান।', 'line in an unrelated script'],
    // A third of its letters in another script is enough, whatever else the line holds.
    ['Putin visit: مرحبا بكم في موسكو اليوم', 'line in an unrelated script'],
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
    ['Read Full Article at RT.com', 'feed tail'],
    ['The post Xi meets Putin appeared first on Eurasia Review.', 'feed tail'],
    ['[button link="/deals" color="red"]Shop the deal now[/button] before it sells out today.', 'shortcode'],
    ['This slideshow requires JavaScript.', 'requires JavaScript'],
    ['Tell us what YOU think in the comments below.', 'reader prompt'],
    ['Have a tip? Send it to the newsroom at the address below.', 'reader prompt'],
    ['• China’s top diplomat visits Moscow', 'related-links prompt'],
    ['Here is why Western governments are increasingly focused on Chinese suppliers.', 'teaser or promo'],
    [
      'South African National Defence Force soldiers walk past the frigate “SAS Mendi” docked at the port in Richards Bay on February 22, 2023.',
      'photo caption',
    ],
    [
      'Chinese President Xi Jinping shakes hands with Vladimir Putin at the Kremlin in Moscow on March 21, 2023.',
      'photo caption',
    ],
    ['• 2 Americans arrested for allegedly sending aviation technology to Russia', 'related-links prompt'],
    // The Daily Wire's newsletter item on 2023-03-22, whose feed text is only notes on the piece.
    ['This article is adapted from today’s Morning Wire Afternoon Update.', 'note on the piece'],
    ['To listen to the podcast version, click here.', 'note on the piece'],
    [
      'The talks went on into the night, as you can hear in the audio version of this report.',
      'note on the piece',
    ],
    [
      'This column originally appeared in The Diplomat and is republished with permission.',
      'note on the piece',
    ],
    [
      'Kremlin officials said the visit would go ahead as planned, tap here for the full schedule.',
      'note on the piece',
    ],
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
    // A word or two of another script in a long sentence is a name, not a pasted promotion.
    'Xi met Putin in Moscow, state broadcaster Al Jazeera (الجزيرة) reported on Tuesday evening after the talks.',
    'Putin’s “dear friend” Xi arrived in Moscow — the Kremlin’s guest for three days.',
    'Trade between the two countries reached a record $245 billion last year, officials said in Moscow',
    'Putin said Russia was ready to supply more gas, adding that the pipeline’s first version had been too small.',
    'Xi watched the parade with Putin, and state television aired a full version of the leaders’ talks.',
    'South Africa embarked on February 17, 2023 on a 10-day joint military exercise with Russia and China.',
    'The two leaders signed the statement at the Kremlin on March 21, 2023.',
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

describe('isBoilerplateLine (whole lines of an article)', () => {
  it.each([
    ['You May Also Like', 'related-links prompt'],
    ['Read more: Putin lands in Beijing', 'related-links prompt'],
    ['Самые популярные диеты', 'related-links prompt'],
    ['Más leídas', 'related-links prompt'],
    ['Read Full Article at RT.com', 'feed tail'],
    ['Continue reading...', 'feed tail'],
    ['The post Power of Siberia 2: what next? appeared first on Energy Monitor.', 'feed tail'],
    ['Notify of', 'comment prompt'],
    ['Tell us what YOU think', 'reader prompt'],
    ['Have a tip?', 'reader prompt'],
    ['Got a news tip? Email tips@example.org', 'reader prompt'],
    ['Do you have a story to share? Contact our newsroom.', 'reader prompt'],
    ['Share this story', 'share prompt'],
    ['分享到： 微信 微博 QQ空间', 'share prompt'],
    ['Share: Facebook, Twitter, Email', 'share prompt'],
    ['Subscribe to our newsletter for the week’s top stories', 'newsletter or subscription prompt'],
    ['Get unlimited digital access for just $1 a week.', 'subscription promotion'],
    ['Become a member and support independent journalism.', 'subscription promotion'],
    ['Already have an account? Log in', 'subscription promotion'],
    ['This slideshow requires JavaScript.', 'requires JavaScript'],
    ['Please enable JavaScript to view the comments powered by Disqus.', 'requires JavaScript'],
    ['JavaScript is disabled in your browser.', 'requires JavaScript'],
    ['Your browser does not support the video tag.', 'requires JavaScript'],
    ['© 2026 Example News. All rights reserved.', 'copyright'],
    ['Advertisement', 'advertisement'],
    ['By Liam Walker', 'byline'],
    ['Nov. 20, 2019, 9:28 AM UTC', 'dateline or stamp'],
    ['Follow us on Google News, Twitter, Facebook and Telegram', 'social follow prompt'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateLineReason(line)).toBe(reason);
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Related talks ended without a deal on the price of gas.',
    'Comments by the minister were reported by state media on Tuesday.',
    'Read the statement in full, the spokesman told reporters, before leaving the room.',
    'What do the two leaders want from the summit? Analysts disagree about the answer, but the stakes are plain.',
    'The attack code requires JavaScript and a vulnerable version of the browser, researchers said.',
    'Xi Jinping welcomed Putin with a red carpet reception in Beijing.',
    'Subscribers to the pipeline project include Gazprom and CNPC, according to the filing.',
    'Tip-offs from customs officers led to the seizure of dual-use goods at the border.',
  ])('keeps the reporting line: %s', (line) => {
    expect(boilerplateLineReason(line)).toBeUndefined();
  });

  it('never drops a long paragraph, whatever it quotes', () => {
    const paragraph = `You may also like this: ${'the delegations met for talks on energy and trade. '.repeat(8)}`;
    expect(isBoilerplateLine(paragraph)).toBe(false);
  });
});

describe('stripShortcodes', () => {
  it.each([
    ['[button link="/deals" color="red"]Shop now[/button]', 'Shop now'],
    [
      '[caption id="attachment_1" align="alignnone"]Xi and Putin in Moscow[/caption]',
      'Xi and Putin in Moscow',
    ],
    ['Prices fell [su_highlight]sharply[/su_highlight] on Monday.', 'Prices fell sharply on Monday.'],
    ['[/su_box]', ''],
    [
      'He said the deal was "historic" [sic] and cited [1] the ministry [Reuters].',
      'He said the deal was "historic" [sic] and cited [1] the ministry [Reuters].',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(stripShortcodes(text)).toBe(expected);
  });
});

describe('paywall signs', () => {
  it('finds a subscription notice in text and a paywall in markup', () => {
    expect(hasPaywallNotice('Subscribe to continue reading this article.')).toBe(true);
    expect(hasPaywallNotice('Putin and Xi signed a statement.')).toBe(false);
    expect(
      hasPaywallMarkup('<script type="application/ld+json">{"isAccessibleForFree": false}</script>'),
    ).toBe(true);
    expect(hasPaywallMarkup('<div class="article paywall-box">')).toBe(true);
    expect(hasPaywallMarkup('<div class="article-body"><p>Text</p></div>')).toBe(false);
  });
});

describe('classifyLabel', () => {
  it.each([
    ['share-bar', 'noise'],
    ['related-articles', 'noise'],
    ['commentary', 'neutral'],
    ['sidebar', 'weak-noise'],
    ['article-body', 'content'],
    ['ad-slot', 'noise'],
    ['header', 'weak-noise'],
    ['shadow', 'neutral'],
  ])('%s -> %s', (label, kind) => {
    expect(classifyLabel(label)).toBe(kind);
  });
});
