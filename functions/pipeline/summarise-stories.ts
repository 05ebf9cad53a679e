/**
 * From clusters to stories an analyst can read: a representative report, two or three
 * sentences extracted from the articles (central to the cluster, no redundancy, no page
 * furniture, each linked to its article), themes, a signal label against the theme baselines
 * (reinforces / new development / counter-signal) with its reasons, and a rank.
 */
import { createHash } from 'node:crypto';
import type {
  EditionArticle,
  ScoredItem,
  SignalLabel,
  Story,
  SummarySentence,
  ThemeDigest,
  ThemeId,
} from '../domain/types.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { truncateText } from './plain-text.ts';
import { dice, splitSentences, tokensOf } from './text-features.ts';
import { themeById } from './themes.ts';

export interface StoryContext {
  now: Date;
  /** Stories of recent editions, to rank repeated coverage below new events. */
  previous?: { title: string }[];
}

const COUNTER =
  /\b(stall(s|ed|ing)?|delay(s|ed)?|refus(e|es|ed|al)|reject(s|ed)?|rebuff(s|ed)?|dispute[sd]?|disagree(ment|s|d)?|friction|rift|tension(s)?|snub(s|bed)?|(trade|imports?|exports?) (fell|fall|falls|drop(s|ped)?|decline[sd]?|shrank|slump(s|ed)?)|fell|declin(e|es|ed|ing)|slump(s|ed)?|halt(s|ed)?|suspend(s|ed)?|block(s|ed)|cautio(n|us)|wary|reluctan(t|ce)|distance|evade(s|d)?|no agreement|not agree|junior partner|vassal|unequal|imbalance|lopsided|dependence|bargaining|leverage|limits?|rival(s|ry)?|complain(s|ed|t)?|unpaid|payment (problems|delays|issues)|hurdles?|obstacles?|setback|strain(s|ed)?|sticking point|cool(s|ed|ing))\b|разноглас|отказ|задерж|снижен|分歧|拒绝|推迟/iu;
const NEW =
  /\b(first|new|sign(s|ed)?|launch(es|ed)?|agree(s|d)?|announce[sd]?|unveil(s|ed)?|record|begin(s)?|began|start(s|ed)?|open(s|ed)?|approve[sd]?|memorandum|breakthrough|deal|pact|plan(s|ned)?|will|to (build|send|start|launch|hold)|unprecedented|set to|debut|inaugura(l|te|ted))\b|подписа|впервые|запуст|签署|首次|启动/iu;

export function buildStories(clusters: readonly ScoredItem[][], context: StoryContext): Story[] {
  return clusters.map((cluster) => buildStory(cluster, context));
}

function buildStory(cluster: readonly ScoredItem[], context: StoryContext): Story {
  const ordered = [...cluster].sort(
    (a, b) =>
      b.classification.score - a.classification.score ||
      (b.article?.text.length ?? 0) - (a.article?.text.length ?? 0) ||
      (a.published ?? '').localeCompare(b.published ?? ''),
  );
  const representative = ordered[0]!;
  const sentences = extractSentences(ordered);
  const themes = storyThemes(ordered);
  const { signal, reasons } = signalOf(ordered, themes);
  const articles = toArticles(ordered);
  return {
    id: createHash('sha256').update(representative.id).digest('hex').slice(0, 12),
    title: representative.title,
    summary: sentences.map((s) => s.text).join(' '),
    sentences,
    themes,
    signal,
    signalReasons: reasons,
    rank: rankOf(ordered, articles, context),
    articles,
  };
}

function toArticles(items: readonly ScoredItem[]): EditionArticle[] {
  const seen = new Set<string>();
  const out: EditionArticle[] = [];
  for (const item of items) {
    const url = item.article?.canonicalUrl ?? item.link;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({
      title: item.title,
      url,
      source: item.source,
      perspective: item.perspective,
      ...(item.published ? { published: item.published } : {}),
      score: item.classification.score,
      reasons: item.classification.reasons,
      ...(item.language ? { language: item.language } : {}),
      ...(item.articleNote ? { note: item.articleNote } : {}),
    });
    for (const other of item.alsoIn ?? []) {
      if (out.some((a) => a.url === url && a.source === other)) continue;
      out.push({ ...out[out.length - 1]!, source: other });
    }
  }
  return out;
}

interface Candidate {
  text: string;
  url: string;
  tokens: Set<string>;
  score: number;
}

/** Two or three central, non-redundant sentences, preferring article text over feed blurbs. */
function extractSentences(items: readonly ScoredItem[]): SummarySentence[] {
  const clusterTerms = new Map<string, number>();
  for (const item of items)
    for (const t of new Set(tokensOf(`${item.title} ${item.summary ?? ''}`)))
      clusterTerms.set(t, (clusterTerms.get(t) ?? 0) + 1);

  const candidates: Candidate[] = [];
  for (const item of items) {
    const url = item.article?.canonicalUrl ?? item.link;
    const body = item.article?.text ?? item.content ?? '';
    const sources: [string, number][] = [
      [body.slice(0, 6000), 1],
      [item.summary ?? '', 0.8],
    ];
    for (const [text, weight] of sources) {
      splitSentences(text).forEach((sentence, position) => {
        if (!isUsableSentence(sentence, item.title)) return;
        const tokens = new Set(tokensOf(sentence));
        let central = 0;
        for (const t of tokens) central += Math.min(clusterTerms.get(t) ?? 0, 3);
        const score =
          weight *
          (central / Math.sqrt(tokens.size + 4) +
            (position === 0 ? 1.5 : position < 3 ? 0.7 : 0) +
            (/china|chinese|beijing|russia|russian|moscow|xi|putin|кита|росси|中|俄/iu.test(sentence)
              ? 0.8
              : 0));
        candidates.push({ text: truncateText(sentence, 380), url, tokens, score });
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.length >= 3) break;
    if (chosen.some((x) => dice(x.tokens, c.tokens) > 0.45 || x.text === c.text)) continue;
    chosen.push(c);
    if (chosen.length === 2 && chosen.reduce((n, x) => n + x.text.length, 0) > 420) break;
  }
  if (chosen.length === 0) {
    const first = items[0]!;
    return [{ text: first.title, url: first.article?.canonicalUrl ?? first.link }];
  }
  return chosen.map(({ text, url }) => ({ text, url }));
}

function isUsableSentence(sentence: string, title: string): boolean {
  const length = [...sentence].length;
  const cjk = /\p{Script=Han}/u.test(sentence);
  if (length < (cjk ? 12 : 40) || length > 600) return false;
  if (isBoilerplateLine(sentence)) return false;
  if (sentence.toLowerCase() === title.toLowerCase()) return false;
  // A headline-like fragment: no verb-ish ending punctuation and title case throughout.
  if (!/[.!?。！？"”»]$/.test(sentence) && sentence.split(' ').every((w) => /^[\p{Lu}\d]/u.test(w)))
    return false;
  return /[\p{L}]/u.test(sentence);
}

function storyThemes(items: readonly ScoredItem[]): ThemeId[] {
  const weight = new Map<ThemeId, number>();
  for (const item of items) {
    item.classification.themes.forEach((t, i) => {
      weight.set(t, (weight.get(t) ?? 0) + item.classification.score / (i + 1));
    });
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  const themes = ranked
    .filter(([, w]) => w >= top * 0.35)
    .slice(0, 3)
    .map(([t]) => t);
  return themes.length > 0 ? themes : ['alliance-diplomacy'];
}

function signalOf(
  items: readonly ScoredItem[],
  themes: ThemeId[],
): { signal: SignalLabel; reasons: string[] } {
  const text = items.map((i) => `${i.title}. ${i.summary ?? ''}`).join(' ');
  const lead = items[0]!;
  const counter = COUNTER.exec(text);
  const fresh = NEW.exec(`${lead.title}. ${lead.summary ?? ''}`);
  const theme = themeById(themes[0]!);
  if (counter) {
    return {
      signal: 'counter-signal',
      reasons: [`friction or limits: '${counter[0]}'`, `tempers the ${theme.title.toLowerCase()} baseline`],
    };
  }
  if (fresh) {
    return {
      signal: 'new-development',
      reasons: [`new step: '${fresh[0]}'`, `adds to the ${theme.title.toLowerCase()} picture`],
    };
  }
  return { signal: 'reinforces', reasons: [`consistent with the ${theme.title.toLowerCase()} baseline`] };
}

/** Importance: relevance, breadth of coverage, balance of perspectives, recency, novelty. */
function rankOf(items: readonly ScoredItem[], articles: EditionArticle[], context: StoryContext): number {
  const relevance = Math.max(...items.map((i) => i.classification.score));
  const outlets = new Set(articles.map((a) => a.source)).size;
  const perspectives = new Set(articles.map((a) => a.perspective)).size;
  const newest = Math.max(0, ...items.map((i) => (i.published ? Date.parse(i.published) : 0)));
  const ageHours = newest ? Math.max(0, (context.now.getTime() - newest) / 3_600_000) : 24;
  const recency = Math.max(0, 1 - ageHours / 48);
  const titleTokens = new Set(tokensOf(items[0]!.title));
  const repeated = (context.previous ?? []).some((p) => dice(new Set(tokensOf(p.title)), titleTokens) > 0.6);
  const rank =
    relevance * 0.4 +
    Math.min(Math.log2(1 + outlets) / 3, 1) * 0.3 +
    Math.min(perspectives / 4, 1) * 0.15 +
    recency * 0.15 -
    (repeated ? 0.2 : 0);
  return Math.round(rank * 1000) / 1000;
}

const COUNT_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** One paragraph per theme: the day against the baseline, or an explicit quiet note. */
export function buildThemeDigests(stories: readonly Story[], themeIds: readonly ThemeId[]): ThemeDigest[] {
  return themeIds.map((id) => {
    const theme = themeById(id);
    const mine = stories.filter((s) => s.themes.includes(id)).sort((a, b) => b.rank - a.rank);
    if (mine.length === 0) {
      return { id, title: theme.title, summary: 'No significant developments today.', storyIds: [] };
    }
    const by = (signal: SignalLabel) => mine.filter((s) => s.signal === signal);
    const count = COUNT_WORDS[mine.length] ?? String(mine.length);
    const parts = [`${count} ${mine.length === 1 ? 'story' : 'stories'} today, led by “${mine[0]!.title}”.`];
    const fresh = by('new-development');
    const reinforcing = by('reinforces');
    const counter = by('counter-signal');
    if (fresh.length) parts.push(`New: ${quoteList(fresh)}.`);
    if (reinforcing.length) parts.push(`Reinforcing the established picture: ${quoteList(reinforcing)}.`);
    if (counter.length) parts.push(`Counter-signals (friction or limits): ${quoteList(counter)}.`);
    if (!counter.length && !fresh.length) parts.push('Nothing today departs from the baseline.');
    return { id, title: theme.title, summary: parts.join(' '), storyIds: mine.map((s) => s.id) };
  });
}

function quoteList(stories: readonly Story[]): string {
  const titles = stories.slice(0, 3).map((s) => `“${truncateText(s.title, 90)}”`);
  const more = stories.length > 3 ? ` and ${stories.length - 3} more` : '';
  return titles.join('; ') + more;
}

/** The three most important developments, one sentence each, spread across themes when ranks are close. */
export function buildTopLine(stories: readonly Story[]): SummarySentence[] {
  const ranked = [...stories].sort((a, b) => b.rank - a.rank);
  const chosen: Story[] = [];
  for (const story of ranked) {
    if (chosen.length >= 3) break;
    const sameTheme = chosen.some((c) => c.themes[0] === story.themes[0]);
    const alternative = ranked.find(
      (s) =>
        !chosen.includes(s) &&
        s !== story &&
        !chosen.some((c) => c.themes[0] === s.themes[0]) &&
        s.rank >= story.rank - 0.05,
    );
    chosen.push(sameTheme && alternative ? alternative : story);
  }
  return [...new Set(chosen)].map((s) => s.sentences[0] ?? { text: s.title, url: s.articles[0]?.url ?? '' });
}
