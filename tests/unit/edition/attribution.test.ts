import { describe, expect, it } from 'vitest';
import { attribute, attributeAll, dropDiscourseMarker, isDigestLanguage } from '#edition/attribution.ts';
import { outletName } from '#edition/outlet-name.ts';

describe('attribute', () => {
  it.each([
    // A sentence naming no speaker: attributed after it, its own words untouched.
    [
      'The deal was signed on Monday.',
      'NYT > World News',
      'https://www.nytimes.com/x',
      undefined,
      'The deal was signed on Monday, The New York Times reports.',
    ],
    [
      'Standing alongside Xi Jinping, Vladimir Putin raised his glass.',
      'The Guardian',
      'https://www.theguardian.com/x',
      undefined,
      'Standing alongside Xi Jinping, Vladimir Putin raised his glass, The Guardian reports.',
    ],
    // A leading discourse marker leans on a sentence the reader has not seen.
    [
      'But beyond the optics, many analysts focused on energy.',
      'China - South China Morning Post',
      'https://www.scmp.com/x',
      undefined,
      'Beyond the optics, many analysts focused on energy, South China Morning Post reports.',
    ],
    [
      'However, the talks stalled.',
      'Outlet',
      'https://example.org/x',
      undefined,
      'The talks stalled, Outlet reports.',
    ],
    // A guest welcomed is a ceremony, and "with X saying" a voice hung on the reporter's claim.
    [
      'Putin was welcomed by Xi Jinping in Beijing at the start of a two-day visit.',
      'BBC News',
      'https://www.bbc.co.uk/news/x',
      undefined,
      'Putin was welcomed by Xi Jinping in Beijing at the start of a two-day visit, BBC News reports.',
    ],
    [
      'Xi sits down for a second day of talks, with Washington saying the visit provides "diplomatic cover".',
      'CNN',
      'https://www.cnn.com/x',
      undefined,
      'Xi sits down for a second day of talks, with Washington saying the visit provides "diplomatic cover", CNN reports.',
    ],
    [
      'Putin welcomed China’s proposals for peace.',
      'The Guardian',
      'https://www.theguardian.com/x',
      undefined,
      'Putin welcomed China’s proposals for peace.',
    ],
    // A sentence that names its speaker needs nothing.
    [
      'Peskov said the talks went well.',
      'Sky News',
      'https://news.sky.com/x',
      undefined,
      'Peskov said the talks went well.',
    ],
    [
      'Xi called the relationship a force for stability',
      'Outlet',
      'https://example.org/x',
      undefined,
      'Xi called the relationship a force for stability.',
    ],
    // A lead-in naming the source (as the abstractive option writes) is not attributed twice.
    [
      'Bloomberg reports Xi touted close ties with Russia.',
      'Bloomberg - politics',
      'https://www.bloomberg.com/x',
      undefined,
      'Bloomberg reports Xi touted close ties with Russia.',
    ],
    [
      'The Moscow Times reports that Gazprom shares fell.',
      'The Moscow Times',
      'https://www.themoscowtimes.com/x',
      undefined,
      'The Moscow Times reports that Gazprom shares fell.',
    ],
    // A quotation ends the sentence: with a speaker it stays as written; else the attribution follows it.
    [
      'Moscow called the shift “irreversible.”',
      'Outlet',
      'https://example.org/x',
      undefined,
      'Moscow called the shift “irreversible.”',
    ],
    [
      'The shift to national currencies is “irreversible.”',
      'Outlet',
      'https://example.org/x',
      undefined,
      'The shift to national currencies is “irreversible”, Outlet reports.',
    ],
    // Another language is quoted as such, never woven into English.
    [
      'Переговоры зашли в тупик.',
      'The Moscow Times',
      'https://www.themoscowtimes.com/x',
      'ru',
      'The Moscow Times reports (in Russian): “Переговоры зашли в тупик”.',
    ],
    [
      'Putin godzi się na gospodarcze uzależnienie od Chin, postrzegając to jako kluczowy warunek.',
      'Business insider',
      'https://businessinsider.com.pl/x',
      'en',
      'Business Insider Polska reports (in the original): “Putin godzi się na gospodarcze uzależnienie od Chin, postrzegając to jako kluczowy warunek”.',
    ],
  ])('“%s” (%s)', (text, source, url, language, expected) => {
    expect(attribute({ text, source, url, ...(language ? { language } : {}) })).toBe(expected);
  });

  it.each([
    // A statement in sentence case reads as its outlet's report.
    [
      'Russia, China ink deal to build new gas pipeline as they deepen energy ties',
      'Russia, China ink deal to build new gas pipeline as they deepen energy ties, Al Jazeera reports.',
    ],
    [
      'China to build ice-class ships for Russia’s Arctic shipping route',
      'China to build ice-class ships for Russia’s Arctic shipping route, Al Jazeera reports.',
    ],
    // Title Case: its capitals are the headline's style, so it is quoted as the headline it is.
    [
      'Russia and China Criticize Trump’s ‘Iron Dome for America’ Plan',
      'Al Jazeera ran the headline “Russia and China Criticize Trump’s ‘Iron Dome for America’ Plan”.',
    ],
    // No verb: a feature's title, not a report of what happened.
    [
      'China and Russia v the West in the geostrategic battle for WWII history',
      'Al Jazeera ran the headline “China and Russia v the West in the geostrategic battle for WWII history”.',
    ],
    // A speaker after a colon or a dash, a question, a commentary: quoted.
    [
      'China not ‘impartial’ actor in Russia-Ukraine war: White House',
      'Al Jazeera ran the headline “China not ‘impartial’ actor in Russia-Ukraine war: White House”.',
    ],
    [
      'Russia and China settle over 95% of trade in rubles and yuan – Siluanov',
      'Al Jazeera ran the headline “Russia and China settle over 95% of trade in rubles and yuan – Siluanov”.',
    ],
    ['Will China arm Russia?', 'Al Jazeera ran the headline “Will China arm Russia?”'],
    [
      'How oil has brought Russia, China and India closer',
      'Al Jazeera ran the headline “How oil has brought Russia, China and India closer”.',
    ],
  ])('prints the headline “%s” as a report only when it states what happened', (text, expected) => {
    expect(attribute({ text, source: 'Aljazeera', url: 'https://www.aljazeera.com/x', headline: true })).toBe(
      expected,
    );
  });

  it('names an outlet once in a run of its sentences', () => {
    const url = 'https://www.bbc.com/x';
    expect(
      attributeAll([
        { text: 'Gazprom signed the deal.', source: 'BBC News - Asia', url },
        { text: 'And the price is still open.', source: 'BBC News - Asia', url },
      ]).map((s) => s.text),
    ).toEqual(['Gazprom signed the deal, BBC News reports.', 'The price is still open.']);
  });

  it('carries the outlet on to its headline when the headline reads as a sentence, not when it is quoted', () => {
    const url = 'https://www.scmp.com/x';
    const source = 'South China Morning Post';
    const said = { text: 'Beijing and Moscow signed a joint statement on Thursday.', source, url };
    expect(
      attributeAll([
        said,
        { text: 'China and Russia accuse US of raising risk of nuclear war', source, url, headline: true },
      ]).map((s) => s.text),
    ).toEqual([
      'Beijing and Moscow signed a joint statement on Thursday, South China Morning Post reports.',
      'China and Russia accuse US of raising risk of nuclear war.',
    ]);
    expect(
      attributeAll([said, { text: 'Will China Arm Russia?', source, url, headline: true }]).map(
        (s) => s.text,
      )[1],
    ).toBe('South China Morning Post ran the headline “Will China Arm Russia?”');
  });
});

describe('attributeAll for text that links no report (theme paragraphs)', () => {
  const source = 'Moscow Courier';
  const url = 'https://moscowcourier.example.org/x';
  const ushakov = (text: string) => ({ text, source, url });

  it('names the outlet of a sentence that names only its speaker, once in a run', () => {
    // 2024-05-16 before: "…, the Chinese leader said." with no outlet anywhere in the paragraph.
    expect(
      attributeAll(
        [
          ushakov('Ushakov said the leaders discussed long-term supplies of Russian oil and gas.'),
          ushakov('Ushakov said a joint statement was not planned.'),
          { text: 'Gazprom signed the deal.', source: 'BBC News - Asia', url: 'https://www.bbc.com/x' },
        ],
        { unlinked: true },
      ).map((s) => s.text),
    ).toEqual([
      'Ushakov said the leaders discussed long-term supplies of Russian oil and gas (Moscow Courier).',
      'Ushakov said a joint statement was not planned.',
      'Gazprom signed the deal, BBC News reports.',
    ]);
    // Linked (a story summary), the speaker is attribution enough: each sentence links its report.
    expect(attributeAll([ushakov('Ushakov said a joint statement was not planned.')])[0]!.text).toBe(
      'Ushakov said a joint statement was not planned.',
    );
  });

  it('leaves a sentence that already names its outlet, and names a headline’s outlet every time', () => {
    expect(
      attributeAll([ushakov('Moscow Courier reports that the talks ran late.')], { unlinked: true })[0]!.text,
    ).toBe('Moscow Courier reports that the talks ran late.');
    const headline = {
      ...ushakov('China and Russia accuse US of raising risk of nuclear war'),
      headline: true,
    };
    expect(
      attributeAll([ushakov('Ushakov said so.'), headline], { unlinked: true }).map((s) => s.text),
    ).toEqual([
      'Ushakov said so (Moscow Courier).',
      'China and Russia accuse US of raising risk of nuclear war, Moscow Courier reports.',
    ]);
  });
});

describe('dropDiscourseMarker', () => {
  it.each([
    ['And the price is open.', 'The price is open.'],
    ['Meanwhile, Beijing held back.', 'Beijing held back.'],
    ['Andrew Smith said so.', 'Andrew Smith said so.'],
    ['Butler said so.', 'Butler said so.'],
  ])('%s → %s', (input, expected) => expect(dropDiscourseMarker(input)).toBe(expected));
});

describe('isDigestLanguage', () => {
  it.each([
    ['Gazprom signs deal to raise gas supplies to China via Far Eastern route', 'en', true],
    [
      'Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on Sunday in Bishkek.',
      undefined,
      true,
    ],
    ['Co ustalili Putin i Xi Jinping w Moskwie? "Staniemy się chińską kolonią"', 'en', false],
    // Polish with no letter of its own, declared English by its feed: its words give it away.
    ['Plan Pekinu nie wspomina o wycofaniu rosyjskich wojsk z Ukrainy', 'en', false],
    ['Xi Jinping est arrivé à Moscou pour une visite d’État de trois jours.', 'fr', false],
    ['Си Цзиньпин прибыл в Москву.', undefined, false],
  ])('%s (%s) → %s', (text, language, expected) => expect(isDigestLanguage(text, language)).toBe(expected));
});

describe('outletName', () => {
  it.each([
    ['NY times', 'https://www.nytimes.com/2023/03/21/world/x.html', 'The New York Times'],
    ['Aljazeera', 'https://www.aljazeera.com/news/x', 'Al Jazeera'],
    ['Epoch times world', 'https://www.theepochtimes.com/x', 'The Epoch Times'],
    ['BBC News - Asia', 'https://www.bbc.co.uk/news/x', 'BBC News'],
    ['China - South China Morning Post', 'https://example.org/x', 'South China Morning Post'],
    ['Harbour Morning Post – China', undefined, 'Harbour Morning Post'],
  ])('%s (%s) → %s', (feed, url, expected) => expect(outletName(feed, url)).toBe(expected));
});
