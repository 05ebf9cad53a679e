import { describe, expect, it } from 'vitest';
import {
  frameOfHeadline,
  isBilateralReport,
  isMeetingPreview,
  splitHeadline,
} from '#analyse/headline-frame.ts';

describe('frameOfHeadline', () => {
  it.each([
    ['Xi invites Putin on state visit to China', true, undefined],
    ['Russia-China ties enter ‘new era’ as Xi meets Putin in Moscow', true, undefined],
    ['Vladimir Putin, Xi Jinping agree to expand Russia-China military coordination', true, undefined],
    ['Putin: China peace plan could be basis to end war', true, undefined],
    ['US urges Xi to press Putin over war crimes in Ukraine', false, 'United States'],
    ['China Not ‘Impartial’ Actor in Russia-Ukraine War: White House', false, 'United States'],
    ['Xi-Putin Meeting Cementing China-Russia ‘Axis of Evil’: Rep. Mike Waltz', false, 'Rep. Mike Waltz'],
    ['Japan’s leader in Kyiv to back Ukraine as China’s Xi visits Russia', false, 'Japan'],
    ['As Xi and Putin Resume Talks, Japan’s Leader Visits Ukraine', false, 'Japan'],
    ['Why growing China-Russia military ties worry the west', false, undefined],
    ['The reality behind bromance between Russia’s Putin and China’s Xi', false, undefined],
    ['Xi urges Russia and Mongolia to block ‘external interference’, forge closer ties', false, undefined],
    ['China, Russia pledge new global order at Shanghai Cooperation summit', false, undefined],
    ['Russia and China Sign Deal to Advance Power of Siberia 2 Pipeline', false, undefined],
    ['Power of Siberia 2 talks stall over gas price', false, undefined],
    // The writer's own assessment ("but there's unease") against the sides' own acts ("but offer").
    ['Xi meets Putin in show of anti-West unity, but there’s unease, too', false, undefined],
    ['Xi and Putin showcase their alliance but offer no path to peace in Ukraine', true, undefined],
    // A war named as the topic is no actor.
    ['Ukraine war to be a core part of Xi-Putin talks, China’s FM says', true, undefined],
  ])('“%s”: a straight bilateral report %s, third party %s', (title, bilateral, third) => {
    const frame = frameOfHeadline(title);
    expect(isBilateralReport(frame)).toBe(bilateral);
    expect(frame.thirdParty).toBe(third);
  });

  it('reads an opinion piece in Polish by its label, not by the word for views', () => {
    expect(
      frameOfHeadline('Pokonanie Rosji to najlepsza obrona Tajwanu przed Chinami [OPINIA]').commentary,
    ).toBe(true);
    expect(frameOfHeadline('Opinia: Chiny nie uratują Rosji').commentary).toBe(true);
    expect(frameOfHeadline('Wang Yi i Putin wymienili opinie o wojnie').commentary).toBe(false);
  });

  it('reads a label of three words at most as its speaker, a longer one as a topic', () => {
    expect(frameOfHeadline('Putin: China peace plan could be the basis to end war').meeting).toBe(true);
    expect(
      frameOfHeadline('Xi’s cocoon in Moscow: A Chinese-owned hotel over Red Square opulence').meeting,
    ).toBe(false);
  });

  it('tells a phone call from a meeting in person', () => {
    expect(frameOfHeadline('Xi and Putin discuss Ukraine in phone call').call).toBe(true);
    expect(frameOfHeadline('Xi hosts Putin in Beijing for talks').call).toBe(false);
    expect(frameOfHeadline('Putin and Xi hold call as West weighs new sanctions').call).toBe(true);
    expect(frameOfHeadline('Xi and Putin held a brief call on Sunday').call).toBe(true);
    expect(frameOfHeadline('Xi and Putin call for a multipolar world').call).toBe(false);
    expect(frameOfHeadline('Putin and Xi hold talks at the Kremlin').call).toBe(false);
  });

  it.each([
    ['Putin na spotkaniu z Xi. Rozmowy "udane i konstruktywne"', true, undefined],
    ['Putin poparł plan Chin w sprawie Ukrainy. Jest wspólne oświadczenie', true, undefined],
    ['Xi Jinping gości u Putina', true, undefined],
    ['Co ustalili Putin i Xi Jinping w Moskwie? "Staniemy się kolonią"', false, undefined],
    ['"Rosja stała się stacją benzynową dla Chin". Komentarze po wizycie Xi u Putina', false, undefined],
    ['ISW: Propozycje Xi nie spełniły oczekiwań Putina', false, 'ISW'],
    ['USA: Partnerstwo Rosji i Chin to małżeństwo z rozsądku', false, 'United States'],
    ['Wicedyrektor OSW: Chinom zależy na stabilności reżimu Putina', false, 'Wicedyrektor OSW'],
    // "At Putin's" is a visit; exchanging views ("wymienili opinie") is no opinion piece.
    ['Naczelny dyplomata Chin u Putina. Wymienili opinie na temat "kwestii ukraińskiej"', true, undefined],
    // Words said to the other side's leader.
    ['Przywódca Chin do Putina: Jestem przekonany, że Rosjanie poprą pana w wyborach', true, undefined],
    ['Chiny dołączają do Rosji w sprawie sankcji na Zachód', false, undefined],
  ])('Polish “%s”: a straight bilateral report %s, third party %s', (title, bilateral, third) => {
    const frame = frameOfHeadline(title);
    expect(frame.known).toBe(true);
    expect(isBilateralReport(frame)).toBe(bilateral);
    expect(frame.thirdParty).toBe(third);
  });

  it.each([
    ['ISW: Xi’s proposals fell short of what Putin hoped for', 'ISW'],
    ['NATO: China is enabling Russia’s war', 'NATO'],
    ['Chinese public not buying Beijing’s rosy view of Xi-Putin meeting', 'Chinese public'],
    // Each state its own voice: Taiwan's reaction and Japan's leader in Kyiv are two stories.
    ['Taiwan doubts China’s peace push between Russia and Ukraine', 'Taiwan'],
    ['As Xi and Putin meet again, Japan’s leader visits Ukraine', 'Japan'],
    ['Japan will stand with Ukraine, Kishida says as Xi visits Moscow', 'Japan'],
    ['Mongolia counts the cost as Russia-China pipeline talks drag on', 'Mongolia'],
    // The speaker after a comma at the end.
    ['China may give Russia weapons for Ukraine war, Anthony Blinken warns', 'United States'],
  ])('“%s” is said by %s, not by either side', (title, third) => {
    expect(frameOfHeadline(title).thirdParty).toBe(third);
  });

  it.each([
    ['Behind the smiles: Three things to watch as Xi meets Putin', true],
    ['How Putin’s meetings with Xi could impact the war in Ukraine', true],
    ['What to expect as Putin visits Beijing for talks with Xi', true],
    ['Xi-Putin talks highlight Russia’s role as ‘junior partner’ to China', false],
    ['How Putin’s rare pageantry show his immense value for Xi', false],
    ['Xi invites Putin on state visit to China', false],
  ])('“%s” previews the meeting: %s', (title, preview) => {
    expect(isMeetingPreview(frameOfHeadline(title), title)).toBe(preview);
  });

  it.each([
    ['Путин и Си Цзиньпин провели переговоры в Кремле', true, false],
    ['Си Цзиньпин прибыл в Москву с государственным визитом', true, false],
    ['Путин и Си Цзиньпин провели телефонный разговор', true, false],
    ['Почему Китай не спешит поддержать Россию?', false, true],
    ['Мнение эксперта: чего ждать от визита Си Цзиньпина в Москву', false, true],
  ])('Russian “%s”: a straight bilateral report %s, commentary %s', (title, bilateral, commentary) => {
    const frame = frameOfHeadline(title);
    expect(frame.known).toBe(true);
    expect(isBilateralReport(frame)).toBe(bilateral);
    expect(frame.commentary).toBe(commentary);
  });

  it('reads no frame from headlines in scripts it has no rules for', () => {
    expect(frameOfHeadline('ผู้นำจีนและรัสเซียพบกัน').known).toBe(false);
    expect(isBilateralReport(frameOfHeadline('习近平同普京举行会谈'))).toBe(false);
    expect(frameOfHeadline('شي وبوتين يجريان محادثات').known).toBe(false);
  });
});

describe('splitHeadline', () => {
  it.each([
    ['US rushes tanks to Ukraine as Putin meets Xi', 'US rushes tanks to Ukraine', ' as Putin meets Xi'],
    [
      'As Xi and Putin resume talks, Japan’s leader visits Ukraine',
      'Japan’s leader visits Ukraine',
      'As Xi and Putin resume talks, ',
    ],
    ['Xi invites Putin to Beijing', 'Xi invites Putin to Beijing', ''],
    // "as" naming a role is no backdrop.
    [
      'China bills itself as a Ukraine peacemaker but US says Xi’s talks with Putin give cover',
      'China bills itself as a Ukraine peacemaker but US says Xi’s talks with Putin give cover',
      '',
    ],
    [
      'Xi seen as the stronger partner as Putin hosts him in Moscow',
      'Xi seen as the stronger partner',
      ' as Putin hosts him in Moscow',
    ],
    [
      'Chiny chcą pokoju w Ukrainie, podczas gdy Xi rozmawia z Putinem',
      'Chiny chcą pokoju w Ukrainie',
      ', podczas gdy Xi rozmawia z Putinem',
    ],
  ])('“%s” → main “%s”', (title, main, background) => {
    expect(splitHeadline(title)).toEqual({ main, background });
  });
});
