/**
 * From same-event clusters to stories a reader can use: the representative report, two or
 * three sentences extracted from the articles (central to the cluster, no redundancy, no page
 * furniture, each linked to the article it came from), the themes, a signal label against the
 * theme baselines (reinforces / new development / counter-signal) with its reasons, and a rank
 * (relevance, breadth and balance of coverage, recency, novelty against earlier editions).
 *
 * Everything here is synchronous and deterministic. An abstractive summariser (Bedrock) can
 * replace the extractive sentences through `Summarizer`; `summariseStories` checks that every
 * sentence it returns is grounded in a listed article and keeps the extractive summary
 * otherwise, or when the summariser fails.
 */
import { createHash } from 'node:crypto';
import { storyAnchorsOf } from '#analyse/cluster-stories.ts';
import { themeById } from '#domain/themes.ts';
import type {
  EditionArticle,
  Perspective,
  ScoredItem,
  SignalLabel,
  Story,
  SummarySentence,
  ThemeDigest,
  ThemeId,
} from '#domain/types.ts';
import { isBoilerplateSentence } from '#extract/boilerplate-filter.ts';
import type { Logger } from '#ports/ports.ts';
import { truncateText } from '#text/html-to-text.ts';
import { scriptOf } from '#text/language.ts';
import { splitSentences } from '#text/sentences.ts';
import { cleanTitle } from '#text/titles.ts';
import { dice, tokensOf } from '#text/tokens.ts';

/** A story of an earlier edition, to rank repeated coverage below new events. */
export interface PreviousStoryRef {
  title: string;
  id?: string;
  /** Article URLs that story listed: reports the reader has already seen. */
  urls?: readonly string[];
}

export interface StoryContext {
  now: Date;
  previous?: readonly PreviousStoryRef[];
}

/** The cleaned text of one article, as a summariser may use it: boilerplate already removed. */
export interface SourceText {
  url: string;
  source: string;
  title: string;
  sentences: string[];
}

/** A story with its extractive summary and the material an abstractive summariser may draw on. */
export interface StoryDraft {
  story: Story;
  sources: SourceText[];
}

/**
 * Writes summaries for stories. One entry per draft, in order: the sentences (each carrying the
 * URL of the article it rests on), or undefined to keep the extractive summary.
 */
export interface Summarizer {
  summarise(drafts: readonly StoryDraft[]): Promise<readonly (readonly SummarySentence[] | undefined)[]>;
}

/** The default: the extractive sentences as they are. */
export const extractiveSummarizer: Summarizer = {
  async summarise(drafts) {
    return drafts.map((d) => d.story.sentences);
  },
};

const MAX_SENTENCES = 3;
/** Two sentences are enough when they already say this much. */
const TWO_SENTENCE_CHARS = 420;
const MAX_SENTENCE_CHARS = 380;
/** Word-and-anchor overlap (Dice) above which a sentence repeats one already chosen. */
const REDUNDANT = 0.4;
/** Article text read per report: the lead and the first developments. */
const TEXT_CHARS = 8000;
/** Share of a summary sentence's words its article must contain to count as grounded. */
export const GROUNDING_SHARE = 0.6;

/** Stories of the clusters, highest rank first. */
export function buildStories(clusters: readonly (readonly ScoredItem[])[], context: StoryContext): Story[] {
  return buildStoryDrafts(clusters, context).map((d) => d.story);
}

/** Stories with their source texts, highest rank first, for a summariser to rewrite. */
export function buildStoryDrafts(
  clusters: readonly (readonly ScoredItem[])[],
  context: StoryContext,
): StoryDraft[] {
  return clusters
    .filter((c) => c.length > 0)
    .map((cluster) => draftStory(cluster, context))
    .sort((a, b) => b.story.rank - a.story.rank || a.story.id.localeCompare(b.story.id));
}

/**
 * Applies a summariser to the drafts. A story keeps its extractive summary when the summariser
 * returns nothing for it, returns a sentence not grounded in one of the story's articles, or
 * fails altogether.
 */
export async function summariseStories(
  drafts: readonly StoryDraft[],
  summarizer: Summarizer = extractiveSummarizer,
  logger?: Logger,
): Promise<Story[]> {
  let results: readonly (readonly SummarySentence[] | undefined)[];
  try {
    results = await summarizer.summarise(drafts);
  } catch (error) {
    logger?.warn('summariser failed, keeping extractive summaries', {
      error: error instanceof Error ? error.message : String(error),
    });
    return drafts.map((d) => d.story);
  }
  return drafts.map((draft, i) => {
    const sentences = results[i];
    if (!sentences || sentences === draft.story.sentences) return draft.story;
    const problem = groundingProblem(sentences, draft);
    if (problem) {
      logger?.info('summary not grounded, keeping the extractive one', { storyId: draft.story.id, problem });
      return draft.story;
    }
    const kept = sentences.map((s) => ({ text: s.text.trim(), url: s.url }));
    return { ...draft.story, sentences: kept, summary: kept.map((s) => s.text).join(' ') };
  });
}

/** Why sentences are not an acceptable summary of the draft, or undefined when they are. */
export function groundingProblem(
  sentences: readonly SummarySentence[],
  draft: StoryDraft,
): string | undefined {
  if (sentences.length === 0 || sentences.length > MAX_SENTENCES) return `${sentences.length} sentences`;
  const byUrl = new Map(
    draft.sources.map((s) => [s.url, new Set(tokensOf(`${s.title} ${s.sentences.join(' ')}`))]),
  );
  for (const sentence of sentences) {
    const supported = byUrl.get(sentence.url);
    if (!supported) return `sentence cites ${sentence.url}, not an article of the story`;
    if (isBoilerplateSentence(sentence.text))
      return `not a reporting sentence: ${truncateText(sentence.text, 60)}`;
    const words = new Set(tokensOf(sentence.text));
    if (words.size === 0) return 'empty sentence';
    let shared = 0;
    for (const w of words) if (supported.has(w)) shared++;
    if (shared / words.size < GROUNDING_SHARE)
      return `words not in the cited article: ${truncateText(sentence.text, 60)}`;
  }
  return undefined;
}

function draftStory(cluster: readonly ScoredItem[], context: StoryContext): StoryDraft {
  const terms = clusterTerms(cluster);
  const ordered = orderReports(cluster);
  const representative = ordered[0]!;
  const sources = ordered.map((item) => sourceText(item, terms));
  const sentences = extractSummary(ordered, sources, terms);
  const themes = storyThemes(ordered);
  const { signal, reasons } = labelSignal(ordered, themes, sentences);
  const articles = toArticles(ordered);
  const story: Story = {
    id: storyId(representative),
    title: cleanTitle(representative.title, representative.source),
    summary: sentences.map((s) => s.text).join(' '),
    sentences,
    themes,
    signal,
    signalReasons: reasons,
    rank: rankStory(ordered, articles, signal, context),
    articles,
  };
  return { story, sources: sources.filter((s) => s.sentences.length > 0) };
}

/** Stable across runs and editions: the representative's canonical link, else its id. */
function storyId(item: ScoredItem): string {
  const key = item.article?.canonicalUrl || item.link || item.id;
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function urlOf(item: ScoredItem): string {
  return item.article?.canonicalUrl || item.link || item.article?.url || '';
}

/** What the cluster is about: how many of its reports mention each term or anchor in headline or lead. */
interface ClusterTerms {
  counts: Map<string, number>;
  anchors: Map<string, number>;
  size: number;
  /** Terms in at least one headline or lead: a sentence sharing none is off-topic. */
  key: Set<string>;
}

function clusterTerms(cluster: readonly ScoredItem[]): ClusterTerms {
  const counts = new Map<string, number>();
  const anchors = new Map<string, number>();
  for (const item of cluster) {
    const lead = `${item.title}\n${item.summary ?? ''}`;
    for (const t of new Set(tokensOf(lead))) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const a of storyAnchorsOf(lead)) anchors.set(a, (anchors.get(a) ?? 0) + 1);
  }
  return { counts, anchors, size: cluster.length, key: new Set(counts.keys()) };
}

/**
 * The representative first: the most central report (its headline shares most with the
 * others), then relevance, preferring one with the article text and one in English (the
 * language of the digest).
 */
function orderReports(cluster: readonly ScoredItem[]): ScoredItem[] {
  const features = cluster.map((item) => new Set([...tokensOf(item.title), ...storyAnchorsOf(item.title)]));
  // The medoid headline: the one sharing most with the other reports' headlines and anchors.
  const centrality = features.map((f, i) => {
    if (cluster.length === 1) return 0;
    let sum = 0;
    features.forEach((g, j) => {
      if (i !== j) sum += dice(f, g);
    });
    return sum / (cluster.length - 1);
  });
  // Label-like headlines ("Xi and Putin's strategic friendship") say less than reports of the event.
  const words = (title: string) => title.split(/\s+/).length;
  const merit = (item: ScoredItem, i: number): number =>
    item.classification.score * 0.35 -
    (words(item.title) < 7 && scriptOf(item.title) === 'latin' ? 0.1 : 0) +
    centrality[i]! * 0.8 +
    (item.article && item.article.text.length > 300 ? 0.1 : 0) +
    (scriptOf(item.title) === 'latin' ? 0.1 : 0);
  return cluster
    .map((item, i) => ({ item, merit: merit(item, i) }))
    .sort(
      (a, b) =>
        b.merit - a.merit ||
        (a.item.published ?? '').localeCompare(b.item.published ?? '') ||
        a.item.id.localeCompare(b.item.id),
    )
    .map((x) => x.item);
}

/** The article's reporting sentences, boilerplate removed; the feed summary when there is no article. */
function sourceText(item: ScoredItem, terms: ClusterTerms): SourceText {
  const body = item.article?.text?.trim() ? item.article.text : (item.content ?? '');
  const sentences: string[] = [];
  const add = (text: string, wholeLines: boolean) => {
    for (const paragraph of text.split(/\n+/)) {
      // In a page, a whole line of furniture (a teaser block, an unrelated headline) goes before
      // splitting. A feed summary is one paragraph that is often cut off: only its sentences count.
      if (wholeLines && isBoilerplateSentence(paragraph)) continue;
      for (const sentence of splitSentences(paragraph)) {
        if (sentences.includes(stripDateline(sentence))) continue;
        const clean = stripDateline(sentence);
        if (isBoilerplateSentence(clean, { keyTerms: terms.key })) continue;
        sentences.push(clean);
      }
    }
  };
  add(body.slice(0, TEXT_CHARS), true);
  add(item.summary ?? '', false);
  return { url: urlOf(item), source: item.source, title: item.title, sentences };
}

/** "BISHKEK, Nov. 22 (Xinhua) -- ", "MOSCOW (Reuters) - ": the wire's dateline, not the news. */
const DATELINE =
  /^[\p{Lu}][\p{Lu} .'’-]{2,30}(?:, [\p{L}]{3,9}\.? \d{1,2})?(?: \([^()]{2,30}\))? ?(?:--|—|–|-) ?(?=\p{Lu})/u;

function stripDateline(sentence: string): string {
  return sentence.replace(DATELINE, '');
}

interface Candidate {
  text: string;
  url: string;
  tokens: Set<string>;
  score: number;
}

/**
 * Two or three sentences that say what happened: central to the cluster (they share its
 * recurring terms and anchors), early in their article, about China and Russia, in the
 * digest's language where the cluster has it; chosen by maximal marginal relevance so no
 * sentence repeats another.
 */
function extractSummary(
  ordered: readonly ScoredItem[],
  sources: readonly SourceText[],
  terms: ClusterTerms,
): SummarySentence[] {
  const hasLatin = sources.some((s) => s.sentences.some((x) => scriptOf(x) === 'latin'));
  const candidates: Candidate[] = [];
  sources.forEach((source, rankInCluster) => {
    const item = ordered[rankInCluster]!;
    source.sentences.forEach((sentence, position) => {
      const words = tokensOf(sentence);
      if (words.length === 0) return;
      const anchors = storyAnchorsOf(sentence);
      // Redundancy is judged on words and anchors together: a paraphrase repeats the names and figures.
      const tokens = new Set([...words, ...anchors]);
      let central = 0;
      for (const t of new Set(words)) central += Math.min(terms.counts.get(t) ?? 0, 3);
      let anchored = 0;
      for (const a of anchors) anchored += Math.min(terms.anchors.get(a) ?? 0, 3);
      const length = sentence.length;
      const score =
        central / Math.sqrt(words.length + 4) +
        anchored * 0.25 +
        (position === 0 ? 1 : position === 1 ? 0.5 : position === 2 ? 0.25 : 0) +
        (BOTH_SIDES.test(sentence) ? 0.6 : SIDE.test(sentence) ? 0.2 : 0) +
        (rankInCluster === 0 ? 0.3 : 0) +
        item.classification.score * 0.3 -
        (length > 320 ? 0.5 : 0) -
        (QUOTE_ONLY.test(sentence) ? 0.4 : 0) -
        (ANAPHORIC.test(sentence) ? 0.4 : 0);
      const inDigestLanguage = !hasLatin || scriptOf(sentence) === 'latin';
      candidates.push({
        text: truncateText(sentence, MAX_SENTENCE_CHARS),
        url: source.url,
        tokens,
        score: inDigestLanguage ? score : score * 0.2 - 1,
      });
    });
  });

  candidates.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  const chosen: Candidate[] = [];
  const remaining = [...candidates];
  while (chosen.length < MAX_SENTENCES && remaining.length > 0) {
    let bestIndex = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, i) => {
      const redundancy = Math.max(0, ...chosen.map((x) => dice(x.tokens, c.tokens)));
      if (redundancy > REDUNDANT) return;
      const value = c.score - 3 * redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    const [next] = remaining.splice(bestIndex, 1);
    chosen.push(next!);
    if (chosen.length === 2 && chosen[0]!.text.length + chosen[1]!.text.length > TWO_SENTENCE_CHARS) break;
  }
  if (chosen.length === 0) {
    const first = ordered[0]!;
    return [{ text: cleanTitle(first.title, first.source), url: urlOf(first) }];
  }
  // The summary opens with a sentence that stands on its own.
  const opener = chosen.findIndex((c) => !ANAPHORIC.test(c.text));
  if (opener > 0) chosen.unshift(...chosen.splice(opener, 1));
  return chosen.map(({ text, url }) => ({ text, url }));
}

const SIDE =
  /china|chinese|beijing|xi jinping|russia|russian|moscow|kremlin|putin|кита|росси|москв|пекин|中国|俄罗斯|中俄/iu;
const BOTH_SIDES =
  /(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平).*(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄)|(russia|russian|moscow|kremlin|putin|росси|москв|путин|俄).*(china|chinese|beijing|xi\b|кита|пекин|си цзиньпин|中国|中方|习近平)/iu;
/** A sentence leaning on one before it ("The deal was...", "But...") is a weak opener. */
const ANAPHORIC =
  /^(but|and|also|however|yet|still|it|its|this|that|these|those|he|she|they|his|her|their|the (deal|move|visit|agreement|statement|project|plan|call|meeting|talks|trip|leaders|two leaders|two sides|ministers|patrol|series))\b/i;
/** A sentence that is only a quotation says less about what happened than one that reports it. */
const QUOTE_ONLY = /^["“«].*["”»]\.?$/u;

/** Themes of the reports, weighted by relevance and by the order each report gives them; most common first. */
function storyThemes(items: readonly ScoredItem[]): ThemeId[] {
  const weight = new Map<ThemeId, number>();
  for (const item of items) {
    item.classification.themes.forEach((t, i) => {
      weight.set(t, (weight.get(t) ?? 0) + item.classification.score / (i + 1));
    });
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0]?.[1] ?? 0;
  const themes = ranked
    .filter(([, w]) => w >= top * 0.25)
    .slice(0, 3)
    .map(([t]) => t);
  return themes.length > 0 ? themes : ['alliance-diplomacy'];
}

/** Friction, limits, caution, refusal, delay, dispute or decline between the two sides. */
const COUNTER: readonly RegExp[] = [
  /\b(stall(s|ed|ing)?|delay(s|ed)?|postpone[sd]?|shelve[sd]?|stuck|impasse|deadlock(ed)?|snag(s|ged)?|hurdles?|obstacles?|sticking points?|setbacks?)\b/i,
  /\b(no (agreement|deal|breakthrough|contract|progress|path|promise)|fail(s|ed)? to (agree|sign|reach|secure)|without (a |any )?(deal|agreement|contract|breakthrough|new contracts?)|not (yet )?agreed|(have|has) (still )?not agreed|disagree(ment|ments|s|d)?|disputes?|disputed|rift|friction|spat|rebuff(s|ed)?|snub(s|bed)?)\b/i,
  /\b(refus(e|es|ed|al|ing)|reject(s|ed|ion)?|decline[sd]? to|balk(s|ed)?|(holds?|held) back|keeps? (its )?distance|distanc(e|es|ed|ing) itself|cautio(n|us)|wary|reluctan(t|ce)|hesitan(t|cy))\b/i,
  /\b(banks?|lenders?) (\w+ )?(refus|halt|suspend|stop|restrict|tighten|reject|freez)\w*|\bpayment (problems|delays|difficulties|issues|hurdles)\b/i,
  /\b(trade|exports?|imports?|shipments?|deliveries|purchases|sales|supplies|volumes?|turnover) (\w+ ){0,2}(fell|fall|falls|drop(s|ped)?|decline[sd]?|shrank|shrinks?|slump(s|ed)?|dip(s|ped)?|plunge[sd]?|slid|slides?|tumble[sd]?|contract(s|ed)?)\b|\b(fall|drop|decline|slump|dip|plunge) in (trade|exports?|imports?|shipments?)\b/i,
  /\b(junior partner|vassal|colony|unequal|imbalance[sd]?|lopsided|asymmetr(y|ic)|dependen(ce|t|cy) on (china|beijing)|reliance on (china|beijing)|who['’]?s boss|limits of (the|their|a|this) (partnership|relationship|friendship|alliance|ties))\b/i,
  /\b(shares?|stocks?) (\w+ )?(tumble|fall|drop|slump|plunge|slide)\w*\b|\b(unease|strain(s|ed)?|cool(s|ed|ing) (ties|relations))\b/i,
  /разноглас|отказ|задерж|отлож|приостанов|не договорил|без (новых )?(соглашени|контракт)|тупик|сниж|сократ|падени|упал/iu,
  /分歧|拒绝|推迟|暂停|搁置|僵局|下降|减少|未能达成/u,
];

/** Firsts, signings, launches, announcements, new figures. */
const NEW: readonly RegExp[] = [
  /\b(first(-ever)?(?! (quarter|half|nine|six|three|eight|ten|two|months?|weeks?|days?)\b)|for the first time|unprecedented|breakthrough|launch(es|ed)?|unveil(s|ed)?|announce[sd]?|inaugurat\w+|approve[sd]?|debut)\b/i,
  /\b(sign(s|ed|ing)?|ink(s|ed)?|seal(s|ed)?)\b|(?<!\bno |\bwithout (a |any )?)\b(deal|agreement|pact|accord|contract|memorandum|treaty)\b/i,
  /\b(agree(s|d)? to|will (build|launch|supply|hold|open|create|set up|expand|double|increase|begin|start)|plans? to|invite[sd]?|to (build|launch|open|begin|start)|begins?|began|start(s|ed)?|opens?|opened|visa-free|new (record|high|pipeline|route|line|era|framework|bank|corridor))\b/i,
  /\b(record|rose|rises|jump(s|ed)?|surge[sd]?|climb(s|ed)?|grew|grows|doubled?)\b/i,
  /подписа|впервые|запуст|объяв|(?<!не )договорил|меморандум|открыл|рекорд|вырос/iu,
  /签署|首次|启动|宣布|(?<!未能)达成|协议|开通|创纪录|增长/u,
];
/** A new figure in a headline: "$245 billion", "95%", "12 bcm". */
const FIGURE =
  /[$€£¥]?\d[\d.,]*\s?(%|per ?cent|billion|million|bn|trillion|bcm|tonnes|barrels|млрд|млн|亿|万)/iu;

/** Weight of a hit by where it is: the representative's headline says what the story is. */
const WHERE = { headline: 3, otherHeadline: 1.5, summary: 1 } as const;

/**
 * Reinforces, new development or counter-signal, with the phrases that decided it and the
 * theme baseline it is read against. Friction outweighs novelty when both are as strong: a
 * deal signed "without agreement on price" is news about the limits of the partnership.
 */
export function labelSignal(
  items: readonly ScoredItem[],
  themes: readonly ThemeId[],
  sentences: readonly SummarySentence[] = [],
): { signal: SignalLabel; reasons: string[] } {
  const places: [keyof typeof WHERE, string][] = [
    ['headline', items[0]?.title ?? ''],
    ...items.slice(1, 8).map((i): [keyof typeof WHERE, string] => ['otherHeadline', i.title]),
    ...sentences.map((s): [keyof typeof WHERE, string] => ['summary', s.text]),
    ...(items[0]?.summary ? [['summary', items[0].summary] as [keyof typeof WHERE, string]] : []),
  ];
  const counter = collectHits(places, COUNTER);
  const fresh = collectHits(places, NEW);
  // A figure in the headline is news unless the headline reports a fall.
  const headlineFriction = counter.hits.some((h) => h.endsWith('(headline)'));
  const figure = headlineFriction ? null : FIGURE.exec(items[0]?.title ?? '');
  if (figure) fresh.hits.push(`new figure: “${figure[0].trim()}” (headline)`);
  const freshScore = fresh.score + (figure ? WHERE.headline : 0);

  const theme = themeById(themes[0] ?? 'alliance-diplomacy');
  const baseline = baselineClause(theme.baseline, items);
  if (counter.score > 0 && counter.score >= freshScore) {
    return {
      signal: 'counter-signal',
      reasons: [
        ...counter.hits.slice(0, 3).map((h) => `friction or limits: ${h}`),
        ...fresh.hits.slice(0, 1).map((h) => `despite a new step: ${h}`),
        themes[0] === 'asymmetry-limits'
          ? `consistent with the baseline of “${theme.title}”: ${baseline}`
          : `tempers the baseline of “${theme.title}”: ${baseline}`,
      ],
    };
  }
  if (freshScore > 0) {
    return {
      signal: 'new-development',
      reasons: [
        ...fresh.hits.slice(0, 3).map((h) => `new step: ${h}`),
        ...counter.hits.slice(0, 1).map((h) => `with friction noted: ${h}`),
        `moves “${theme.title}” on from its baseline: ${baseline}`,
      ],
    };
  }
  return {
    signal: 'reinforces',
    reasons: [
      'no new step and no friction in the reports',
      `consistent with the baseline of “${theme.title}”: ${baseline}`,
    ],
  };
}

function collectHits(
  places: readonly [keyof typeof WHERE, string][],
  patterns: readonly RegExp[],
): { score: number; hits: string[] } {
  const hits: string[] = [];
  const seen = new Set<string>();
  let score = 0;
  for (const [where, text] of places) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (!m) continue;
      const phrase = m[0].toLowerCase();
      if (seen.has(`${where}:${phrase}`)) continue;
      seen.add(`${where}:${phrase}`);
      score += WHERE[where];
      hits.push(`“${m[0]}” (${where === 'otherHeadline' ? 'another headline' : where})`);
    }
  }
  return { score, hits };
}

/** The sentence of the theme's baseline closest to the story, quoted short. */
function baselineClause(baseline: string, items: readonly ScoredItem[]): string {
  const story = new Set(tokensOf(items.map((i) => `${i.title} ${i.summary ?? ''}`).join(' ')));
  const sentences = splitSentences(baseline);
  let best = sentences[0] ?? baseline;
  let bestOverlap = -1;
  for (const s of sentences) {
    let overlap = 0;
    for (const t of new Set(tokensOf(s))) if (story.has(t)) overlap++;
    if (overlap > bestOverlap) {
      best = s;
      bestOverlap = overlap;
    }
  }
  return `“${truncateText(best, 140)}”`;
}

/** Perspectives that say nothing about whose framing a report carries. */
const NEUTRAL_PERSPECTIVES = new Set<Perspective>(['other', 'aggregator']);

/**
 * Importance on 0..1: relevance (0.3), breadth of coverage (0.2), balance of perspectives
 * (0.1), recency (0.1) and novelty against earlier editions (0.3); a new development weighs a
 * little more than more of the same. A story already reported without new reports ranks lower.
 */
function rankStory(
  items: readonly ScoredItem[],
  articles: readonly EditionArticle[],
  signal: SignalLabel,
  context: StoryContext,
): number {
  const scores = items.map((i) => i.classification.score);
  const relevance = Math.max(...scores) * 0.6 + (scores.reduce((a, b) => a + b, 0) / scores.length) * 0.4;
  const outlets = new Set(articles.map((a) => a.source)).size;
  const breadth = Math.min(1, Math.log2(1 + outlets) / Math.log2(9));
  const perspectives = new Set(articles.map((a) => a.perspective).filter((p) => !NEUTRAL_PERSPECTIVES.has(p)))
    .size;
  const balance = Math.min(1, Math.max(0, perspectives - 1) / 3);
  const times = items
    .map((i) => (i.published ? Date.parse(i.published) : Number.NaN))
    .filter(Number.isFinite);
  const recency =
    times.length > 0
      ? Math.max(0, Math.min(1, 1 - (context.now.getTime() - Math.max(...times)) / (48 * 3_600_000)))
      : 0.5;
  const novelty = noveltyOf(items, articles, context.previous ?? []);
  const rank =
    relevance * 0.3 +
    breadth * 0.2 +
    balance * 0.1 +
    recency * 0.1 +
    novelty * 0.3 +
    (signal === 'new-development' ? 0.03 : 0);
  return Math.round(rank * 1000) / 1000;
}

/**
 * 1 for an event no earlier edition carried; for one it did, the share of reports the reader
 * has not seen yet (scaled down: a follow-up is less news than a new event), or 0.25 when the
 * earlier story's reports are unknown.
 */
function noveltyOf(
  items: readonly ScoredItem[],
  articles: readonly EditionArticle[],
  previous: readonly PreviousStoryRef[],
): number {
  if (previous.length === 0) return 1;
  const urls = new Set(articles.map((a) => a.url));
  const titles = items.map((i) => new Set(tokensOf(i.title)));
  const earlier = previous.filter(
    (p) =>
      (p.urls ?? []).some((u) => urls.has(u)) ||
      titles.some((t) => dice(t, new Set(tokensOf(p.title))) >= 0.5),
  );
  if (earlier.length === 0) return 1;
  const seen = new Set(earlier.flatMap((p) => p.urls ?? []));
  if (seen.size === 0) return 0.25;
  const unseen = articles.filter((a) => !seen.has(a.url)).length;
  return (unseen / Math.max(1, articles.length)) * 0.6;
}

function toArticles(items: readonly ScoredItem[]): EditionArticle[] {
  const out: EditionArticle[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const url = urlOf(item);
    const language = item.language ?? item.article?.language;
    const article: EditionArticle = {
      title: cleanTitle(item.title, item.source),
      url,
      source: item.source,
      perspective: item.perspective,
      ...(item.published ? { published: item.published } : {}),
      score: item.classification.score,
      reasons: item.classification.reasons,
      ...(language ? { language } : {}),
      ...(item.articleNote ? { note: item.articleNote } : {}),
    };
    for (const source of [item.source, ...(item.alsoIn ?? [])]) {
      const key = `${url}\u0000${source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...article, source });
    }
  }
  return out;
}

const COUNT_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/**
 * One paragraph per theme: the day against the theme's baseline (how many stories, the lead
 * one, which are new, which reinforce the established picture, which are counter-signals and
 * why), or an explicit quiet note.
 */
export function buildThemeDigests(stories: readonly Story[], themeIds: readonly ThemeId[]): ThemeDigest[] {
  return themeIds.map((id) => {
    const theme = themeById(id);
    const mine = stories.filter((s) => s.themes.includes(id)).sort((a, b) => b.rank - a.rank);
    if (mine.length === 0) {
      return { id, title: theme.title, summary: 'No significant developments today.', storyIds: [] };
    }
    const lead = mine[0]!;
    const outlets = new Set(lead.articles.map((a) => a.source)).size;
    const count = COUNT_WORDS[mine.length] ?? String(mine.length);
    const parts = [
      `${count} ${mine.length === 1 ? 'story' : 'stories'} today, led by “${truncateText(lead.title, 110)}”${outlets > 1 ? ` (${outlets} outlets)` : ''}.`,
    ];
    const by = (signal: SignalLabel) => mine.filter((s) => s.signal === signal);
    const fresh = by('new-development');
    const reinforcing = by('reinforces');
    const counter = by('counter-signal');
    if (fresh.length > 0) parts.push(`New: ${quoteList(fresh)}.`);
    if (reinforcing.length > 0) parts.push(`Reinforcing the established picture: ${quoteList(reinforcing)}.`);
    if (counter.length > 0)
      parts.push(`Counter-signals (friction, limits or distance): ${quoteList(counter, true)}.`);
    if (counter.length === 0 && fresh.length === 0) parts.push('Nothing today departs from the baseline.');
    return { id, title: theme.title, summary: parts.join(' '), storyIds: mine.map((s) => s.id) };
  });
}

function quoteList(stories: readonly Story[], withCue = false): string {
  const items = stories.slice(0, 3).map((s) => {
    const cue = withCue ? /“([^”]+)”/.exec(s.signalReasons[0] ?? '')?.[1] : undefined;
    return `“${truncateText(s.title, 90)}”${cue ? ` (${cue})` : ''}`;
  });
  const more = stories.length > 3 ? ` and ${stories.length - 3} more` : '';
  return items.join('; ') + more;
}

/**
 * The three most important developments, one sentence each, from the top-ranked distinct
 * stories; among stories whose ranks are close, one from a theme not yet covered goes first.
 */
export function buildTopLine(stories: readonly Story[], count = 3): SummarySentence[] {
  const ranked = [...stories].sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id));
  const chosen: Story[] = [];
  const lead = (s: Story) => s.themes[0];
  while (chosen.length < count) {
    const open = ranked.filter(
      (s) =>
        !chosen.includes(s) &&
        !chosen.some((c) => dice(new Set(tokensOf(c.title)), new Set(tokensOf(s.title))) > 0.6),
    );
    const best = open[0];
    if (!best) break;
    const fresh = open.find((s) => s.rank >= best.rank - 0.05 && !chosen.some((c) => lead(c) === lead(s)));
    chosen.push(fresh ?? best);
  }
  return chosen.map((s) => s.sentences[0] ?? { text: s.title, url: s.articles[0]?.url ?? '' });
}
