/**
 * The top line: the three most important developments of the day, one attributed sentence
 * each, from distinct stories about the relationship itself. A story whose headline is another
 * state's business with the two as backdrop ("Japan's leader visits Kyiv as Xi meets Putin")
 * never reaches it; among stories whose ranks are close, one that adds a theme (any of its own) goes
 * first. The sentence is the story's first that names both sides, else its first. A feature,
 * whose headline reports no event, comes after a second development of the day's widely covered
 * event, and only when there is room.
 */
import { findMentions, isSide } from '#analyse/entities.ts';
import {
  frameOfHeadline,
  type HeadlineFrame,
  isRoundUp,
  namesBothSides,
  splitHeadline,
} from '#analyse/headline-frame.ts';
import type { Story, SummarySentence } from '#domain/types.ts';
import { dice, tokensOf } from '#text/tokens.ts';
import { headlineSentence, headlinesAnEvent, isDigestLanguage, statesWhatHappened } from './attribution.ts';
import { cueSpans } from './label-signal.ts';
import { outletName } from './outlet-name.ts';
import { hedges, tellsOfEarlierEvent } from './report-text.ts';
import { leansOnContext } from './summarise-stories.ts';

/** Reports from which a story's headline is one framing among many, not the development itself. */
const BROAD = 3;
/** The two sides' names: sharing only these with a headline says nothing of its development. */
const SIDE_WORDS = new Set(
  tokensOf('China Chinese Beijing Xi Jinping Russia Russian Moscow Kremlin Putin Vladimir'),
);
/** Ranks within this of the best open story count as close: a theme not yet in the top line goes first. */
const CLOSE = 0.05;
const BOTH_SIDES =
  /(china|chinese|beijing|xi\b|кита|пекин|中国|习近平).*(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄)|(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄).*(china|chinese|beijing|xi\b|кита|пекин|中国|习近平)/iu;

export function buildTopLine(stories: readonly Story[], count = 3): SummarySentence[] {
  const frames = new Map(stories.map((s) => [s, frameOfHeadline(s.title)]));
  const about = stories.filter((s) => isAboutTheRelation(s, frames.get(s)!));
  // Developments first: an explainer or an opinion piece only when the day has nothing else.
  const news = about.filter((s) => !frames.get(s)!.commentary);
  const ranked = [...(news.length > 0 ? news : about)].sort(
    (a, b) => b.rank - a.rank || a.id.localeCompare(b.id),
  );
  // A feature's title reports no event ("… the hopes and frustrations of a piece of China"), and a
  // third party's words or deed in one or two reports ("Taiwan skeptical of China's push for
  // peace …") is a reaction: the day's widely covered event says more with a second development.
  const reaction = (s: Story) => !isBroad(s) && frames.get(s)!.thirdParty !== undefined;
  const events = ranked.filter(
    (s) => !reaction(s) && (isBroad(s) || !isEnglish(s) || headlinesAnEvent(s.title)),
  );
  const features = ranked.filter((s) => !events.includes(s));
  const chosen: Story[] = [];
  const lines: SummarySentence[] = [];
  const take = (candidates: readonly Story[]) => {
    for (const story of candidates) {
      if (lines.length >= count) break;
      const line = topLineSentence(story);
      // Two stories quoting the same words are one statement told twice ("real costs", said by
      // Jake Sullivan, in two US stories of 2023-02-26): the second gives way to the next story.
      if (lines.some((l) => sharesQuote(l.text, line.text))) continue;
      // A line dating its event weeks back ("South Africa embarked on February 17, 2023 on a joint
      // exercise" under an April analysis) tells of an earlier development, not the day's.
      if (tellsOfEarlierEvent(story, line.text)) continue;
      chosen.push(story);
      lines.push(line);
    }
  };
  take(pickStories(events, count + 2));
  const broad = chosen.find(isBroad);
  if (broad && lines.length < count) {
    const second = secondDevelopment(broad, lines[chosen.indexOf(broad)]!);
    if (second) lines.push(second);
  }
  if (lines.length < count) take(pickStories(features, count - lines.length + 2, chosen));
  return lines;
}

/** Up to `count` distinct stories in rank order, a close one that adds a theme first. */
function pickStories(ranked: readonly Story[], count: number, before: readonly Story[] = []): Story[] {
  const chosen: Story[] = [];
  const all = () => [...before, ...chosen];
  // A story covers all its themes: one that adds a theme is fresh, whichever theme it leads with.
  const fresh = (s: Story) => s.themes.some((t) => !all().some((c) => c.themes.includes(t)));
  while (chosen.length < count) {
    const open = ranked.filter(
      (s) =>
        !chosen.includes(s) &&
        !all().some((c) => dice(new Set(tokensOf(c.title)), new Set(tokensOf(s.title))) > 0.6),
    );
    const best = open[0];
    if (!best) break;
    chosen.push(open.find((s) => s.rank >= best.rank - CLOSE && fresh(s)) ?? best);
  }
  return chosen;
}

/** Reported by several outlets: an event with facets, not one report's framing. */
function isBroad(story: Story): boolean {
  return new Set(story.articles.map((a) => a.url)).size >= BROAD;
}

/** The headline is in English, where whether it reports an event can be read. */
function isEnglish(story: Story): boolean {
  return isDigestLanguage(story.title, story.articles[0]?.language);
}

/**
 * Another development of a widely covered event: a summary sentence that stands on its own,
 * names either side, is not the one already taken said again, and says of a step or a limit
 * (a cue word of either). Praise restated ("the leaders praised relations") is none.
 */
function secondDevelopment(story: Story, taken: SummarySentence): SummarySentence | undefined {
  const words = new Set(tokensOf(taken.text));
  return story.sentences.find(
    (x) =>
      x.text !== taken.text &&
      !x.headline &&
      !leansOnContext(x.text) &&
      !backdropOnly(x.text) &&
      SIDE.test(x.text) &&
      dice(new Set(tokensOf(x.text)), words) <= 0.5 &&
      (cueSpans(x.text, 'new-step').length > 0 || cueSpans(x.text, 'friction').length > 0),
  );
}

/**
 * A reported sentence that stands on its own, not a quoted headline, says what happened: the
 * story's opener (leadOf). For a story of one or two reports, only among those sharing a word of the
 * headline beyond the two sides' names ("The leaders meet again on Tuesday" does not state "US
 * urges Xi to press Putin"); with none, the headline itself, quoted, is the top line. For a widely
 * covered story the same word test keeps its own report's standfirst from standing in for its
 * headline.
 */
function topLineSentence(story: Story): SummarySentence {
  // Printed alone, a sentence leaning on the one before it ("The statement decries …") points at
  // nothing: the top line takes only sentences that stand on their own.
  const standing = story.sentences.filter((x) => !x.headline && !leansOnContext(x.text));
  // A sentence whose main clause is another actor's news, the two sides only its backdrop ("The
  // U.S. announced it will send Ukraine $350 million … as Xi meets Putin"), leads only when
  // no other will.
  const about = standing.filter((x) => !backdropOnly(x.text));
  const reported = about.length > 0 ? about : standing;
  const headline = new Set(tokensOf(story.title));
  const statesHeadline = (x: SummarySentence) =>
    tokensOf(x.text).some((t) => !SIDE_WORDS.has(t) && sharesRoot(t, headline));
  // A widely covered event is more than its representative's headline: any report of it will do,
  // one that says what happened before one that reads it ("remarks appear to have been a barb").
  if (isBroad(story) && reported.length > 0) {
    const plain = reported.filter((x) => !hedges(x.text));
    const lead = leadOf(plain.length > 0 ? plain : reported)!;
    // The standfirst of the headline's own report, when it says none of the headline's words, is
    // its background ("The Chinese leader, a guest for Moscow's WWII commemorations, is keen to
    // maintain 'deep' relationship"): the headline says the news ("China's Xi vows to stand with
    // friend Putin against 'hegemonic bullying'"), and is the line when it reads as a sentence.
    const own = story.articles[0];
    if (
      own &&
      lead.url === own.url &&
      !statesHeadline(lead) &&
      BOTH_SIDES.test(story.title) &&
      statesWhatHappened(story.title, own.language)
    )
      return headlineLine(story, own);
    return lead;
  }
  // Printed alone, a line naming neither side ("Twitter … has labeled NPR a 'US state-affiliated
  // media' outlet", under "NPR labeled 'state-affiliated media' on Twitter, same as Russia's RT and
  // China's Xinhua") does not say what it has to do with the two: the headline does.
  const states = reported.filter((x) => statesHeadline(x) && SIDE.test(x.text));
  const sentence = leadOf(states);
  // Printed alone, the line must show the relation: a sentence naming one side only ("Pentagon's
  // Ratner expresses 'serious concern' to China's Li Bin") gives way to a report's headline that
  // names both and reads as its sentence ("Pentagon warns Beijing about its military ties to Russia").
  if (sentence && BOTH_SIDES.test(sentence.text)) return sentence;
  const stated = story.articles.find((a) => statesWhatHappened(a.title, a.language));
  if (sentence && !(stated && BOTH_SIDES.test(stated.title))) return sentence;
  // A headline then: a report's that reads as its sentence ("China and Russia accuse US of raising
  // risk of nuclear war, South China Morning Post reports"), else the story's, quoted; unless the
  // headline only speculates ("Putin may be about to find his 'Chinese wish list' is wishful
  // thinking") where a report's sentence says what happened to the two ("Putin has invited …").
  const article = stated ?? story.articles[0]!;
  const plainly = reported.find((x) => BOTH_SIDES.test(x.text) && !hedges(x.text));
  if (plainly && SPECULATES.test(article.title)) return plainly;
  return headlineLine(story, article);
}

/** Whether two lines quote the same words (two words or more inside quotation marks). */
function sharesQuote(a: string, b: string): boolean {
  const quotes = (text: string) =>
    new Set(
      [...text.matchAll(/["“”]([^"“”]{3,80})["“”]/g)]
        .map((m) => tokensOf(m[1]!).join(' '))
        .filter((q) => q.includes(' ')),
    );
  const mine = quotes(a);
  for (const q of quotes(b)) if (mine.has(q)) return true;
  return false;
}

/** A headline of what may or could be, not of what happened. */
const SPECULATES = /\b(may|might|could|would)\b/i;

/**
 * The two sides named together only in a background clause, the main clause another actor's ("The
 * U.S. announced it will send Ukraine $350 million … as Xi meets Putin"); not "The leaders spoke
 * for 90 minutes … while Washington prepares measures", whose unnamed subject is theirs.
 */
function backdropOnly(text: string): boolean {
  const { main, background } = splitHeadline(text);
  if (background === '' || !namesBothSides(background)) return false;
  const actors = findMentions(main);
  return (
    !actors.some((m) => isSide(m.party)) && actors.some((m) => m.party === 'third' || m.party === 'ukraine')
  );
}

/** A report's headline as the line, attributed: the story's own title for its first report. */
function headlineLine(story: Story, article: Story['articles'][number]): SummarySentence {
  const title = article === story.articles[0] ? story.title : article.title;
  const text = headlineSentence(title, outletName(article.source, article.url), article.language);
  return { text, url: article.url, headline: true };
}

/**
 * The story's opening sentence, chosen to stand on its own, when it names either side; else the
 * first naming both; else the first.
 */
function leadOf(sentences: readonly SummarySentence[]): SummarySentence | undefined {
  const [first] = sentences;
  if (!first || SIDE.test(first.text)) return first;
  return sentences.find((x) => BOTH_SIDES.test(x.text)) ?? first;
}

const SIDE =
  /china|chinese|beijing|xi\b|russia|russian|moscow|kremlin|putin|кита|росси|москв|пекин|путин|中国|俄/iu;

/** A word of the headline, or one of its family ("welcoming", "welcome"): the same first five letters. */
function sharesRoot(token: string, headline: ReadonlySet<string>): boolean {
  if (headline.has(token)) return true;
  if (token.length < 5) return false;
  const root = token.slice(0, 5);
  for (const h of headline) if (h.length >= 5 && h.slice(0, 5) === root && !SIDE_WORDS.has(h)) return true;
  return false;
}

/** Not another state's or actor's business with the two sides only as its backdrop. */
function isAboutTheRelation(story: Story, frame: HeadlineFrame): boolean {
  // A story with no reporting sentence, only its headline, is no development to lead with; nor is
  // a newsletter's ("Your Tuesday Briefing: Xi Meets Putin in Moscow"), whose news is elsewhere.
  if (story.sentences.every((s) => s.headline) || isRoundUp(story.title)) return false;
  if (!frame.known) return true;
  if (frame.bilateral || (namesBothSides(story.title) && !frame.thirdParty)) return true;
  if (frame.thirdParty || frame.otherParticipant) return false;
  return story.sentences.some((s) => BOTH_SIDES.test(s.text));
}
