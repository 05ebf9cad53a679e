/**
 * How a story reads against its theme's baseline: it reinforces the established picture, is a
 * new development, or is a counter-signal (friction, limits, distance between the two sides;
 * under the theme of the limits, whose picture they are, they reinforce it).
 * Precision first: a cue counts only in a headline or sentence that names both sides, so a
 * word that happens to match ("take advantage of that decline to establish") decides nothing;
 * a label needs a clear cue in a headline or two in the summary; when the reports give no
 * clear reading the story carries no label rather than a wrong one.
 */
import { findMentions, isSide, type Mention } from '#analyse/entities.ts';
import { namesBothSides } from '#analyse/headline-frame.ts';
import { BROAD_THEME, themeById } from '#domain/themes.ts';
import type { ScoredItem, SignalLabel, SummarySentence, ThemeId } from '#domain/types.ts';
import { truncateText } from '#text/html-to-text.ts';
import { splitSentences } from '#text/sentences.ts';
import { tokensOf } from '#text/tokens.ts';

/** Friction, limits, caution, refusal, delay, dispute or decline between the two sides. */
const COUNTER: readonly RegExp[] = [
  /\b(stall(s|ed|ing)?|postpone[sd]?|shelve[sd]?|impasse|deadlock(ed)?|snag(s|ged)?|hurdles?|obstacles?|sticking points?|setbacks?|long-delayed|delayed)\b/i,
  /\b(no (agreement|deal|breakthrough|contract|progress|path|promise)|fail(s|ed|ure)? to (agree|sign|reach|secure)|without (a |any )?(deal|agreement|contract|breakthrough|new contracts?|price)|not (yet )?agreed|(have|has) (still )?not agreed|not a binding|disagree(ment|ments|s|d)?|disputes?|disputed|rift|friction|spat|rebuff(s|ed)?|snub(s|bed)?)\b/i,
  /\b((refus(es|ed|al|ing)|refuse|declined) to(?! (condemn|critici[sz]e|blame|sanction|denounce|isolate|name|join (the )?sanctions))|reject(s|ed)(?! (the |any |all )?(attempts?|accusations?|allegations?|claims?|criticism|charges?|pressure|interference|sanctions|threats?|hegemon\w*|unilateral|external|outside|foreign|western|west|us|u\.s\.|eu|nato)(\b|\s))|balk(s|ed)?|(holds?|held) back|keeps? (its )?distance|distanc(es|ed|ing) itself|wary of|reluctan(t|ce)|hesitan(t|cy)|cautious (about|over|on|of))\b/i,
  /\b(banks?|lenders?) (\w+ )?(refus|halt|suspend|stop|restrict|tighten|reject|freez)\w*|\bpayment (problems|delays|difficulties|issues|hurdles)\b/i,
  /\b(trade|exports?|imports?|shipments?|deliveries|purchases|sales|supplies|volumes?|turnover) (\w+ ){0,2}(fell|falls|fall|drop|dip|decline|shrink|slump|dropped|drops|declined|declines|shrank|shrinks|slumped|slumps|dipped|dips|plunged|plunges|slid|slides|tumbled|contracted)\b|\b(fall|drop|decline|slump|dip|plunge|slowdown) in (trade|exports?|imports?|shipments?|sales)\b/i,
  /\b(junior partner|vassal|colony|unequal|imbalance[sd]?|lopsided|asymmetr(y|ic)|dependen(ce|t|cy) on (china|beijing)|reliance on (china|beijing)|who['’]?s boss|limits of (the|their|a|this) (partnership|relationship|friendship|alliance|ties)|tests? (of |for )?(the |their |its |this )?(limits|['‘’"]?no[- ]limits['‘’"]? (friendship|partnership|ties)|friendship|partnership|alliance|relationship))\b/i,
  /\b(shares?|stocks?) (\w+ )?(tumble|fall|drop|slump|plunge|slide)\w*\b|\b(unease|strain(s|ed)?|cool(s|ed|ing) (ties|relations))\b/i,
  /разноглас|отказ|задерж|отлож|приостанов|не договорил|без (новых )?(соглашени|контракт)|тупик|падени|упал/iu,
  /分歧|拒绝|推迟|暂停|搁置|僵局|未能达成/u,
];

/**
 * Firsts, signings, launches, announcements, new figures. Not a step: a hoped-for one ("sceptical
 * of any breakthrough", "without a deal"), praise of the ties ("unprecedented ties", an
 * "unprecedented" trip), a meeting announced ("will hold talks": the meeting is the news, not a
 * step), or a missile launch (a test, not a joint project).
 */
const NEW: readonly RegExp[] = [
  /\b(first(-ever)?(?! (quarter|half|nine|six|three|eight|ten|two|months?|weeks?|days?|(foreign |overseas |official |state )?(trips?|visits?|journey|time|abroad|meeting|day|stop))\b)|for the first time|unprecedented(?!['’”]? (ties|relations|relationship|level|heights?|friendship|partnership|trip|visit)\b)|(?<!\b(any|no) )breakthrough|(?<!\b(missile|ballistic) )launch(es|ed)?|unveil(s|ed)?|announce[sd]?|inaugurat\w+|approve[sd]?|debut)\b/i,
  /\b(sign(s|ed|ing)?(?! of)|ink(s|ed)?|seal(s|ed)?)\b|(?<!\b(no|any) |\bwithout (a |any )?)\b(deal|agreement|pact|accord|contract|memorandum|treaty)\b/i,
  /\b(agree(s|d)? to|will (build|launch|supply|hold(?! (talks|a (video |phone )?call|a meeting|a summit))|open|create|set up|expand|double|increase|begin|start)|plans? to|invite[sd]?|to (build|launch|open|begin|start)|visa-free|new (record|high|pipeline|route|line|era|framework|bank|corridor|model))\b/i,
  /\b(record|jump(s|ed)?|surge[sd]?|doubled?)\b/i,
  /подписа|впервые|запуст|объяв|(?<!не )договорил|меморандум|рекорд/iu,
  /签署|首次|启动|宣布|(?<!未能)达成|协议|开通|创纪录/u,
];

/**
 * The established picture restated: praise, pledges, solidarity, backing; ties deepened, not a
 * chasm ("as the chasm with the West deepens").
 */
const REINFORCE =
  /\b(hail(s|ed)?|laud(s|ed)?|prais(e|es|ed)|tout(s|ed)?|pledge[sd]?|vow(s|ed)?|reaffirm(s|ed)?|(deepen(s|ed|ing)?|strengthen(s|ed|ing)?|bolster(s|ed|ing)?) ([\p{L}-]+ ){0,2}(ties|relations|relationship|cooperation|partnership|friendship|alliance|bonds?|links|coordination|trust)|solidarity|friendship|no[- ]limits|support(s|ed)?|backs?|backed|stand (with|by)|unity|old friend|best friend|dear friend|closer ties|strategic partnership|cooperation)\b|укреп|дружб|поддерж|партнерств|合作|友谊|支持|巩固/iu;

/**
 * The restatement cues worth quoting: words of praise and pledges, not the generic verbs
 * ("back", "support", "deepen") that say nothing out of their sentence.
 */
const RESTATED_WORDS =
  /\b(hail(s|ed)?|laud(s|ed)?|prais(e|es|ed)|tout(s|ed)?|pledge[sd]?|vow(s|ed)?|reaffirm(s|ed)?|solidarity|no[- ]limits|stand (with|by)|unity|old friend|best friend|dear friend|closer ties)\b/i;

/** Weight of a hit by where it is: the representative's headline says what the story is. */
const WHERE = { headline: 3, otherHeadline: 1.5, summary: 1 } as const;
/**
 * Headlines of the story's reports read, the representative's first: a summit's one story holds
 * its talks, statement and signings, each in some of its reports' headlines.
 */
const HEADLINES_READ = 20;
/** A label needs this much evidence: a hit in a headline, or two in the summary. */
const DECISIVE = 2;

export interface SignalReading {
  signal?: SignalLabel;
  /** No label because friction and the picture restated weigh alike: the reports read both ways. */
  mixed?: true;
  reasons: string[];
}

export function labelSignal(
  items: readonly ScoredItem[],
  themes: readonly ThemeId[],
  sentences: readonly SummarySentence[] = [],
): SignalReading {
  const all: [keyof typeof WHERE, string][] = [
    ['headline', items[0]?.title ?? ''],
    ...items.slice(1, HEADLINES_READ).map((i): [keyof typeof WHERE, string] => ['otherHeadline', i.title]),
    ...sentences
      .flatMap((s) => splitSentences(s.text))
      .map((t): [keyof typeof WHERE, string] => ['summary', t]),
  ];
  const places = all.filter(([, text]) => namesBothSides(text));
  const counter = collectHits(places, COUNTER);
  const fresh = collectHits(places, NEW);
  const theme = themeById(themes[0] ?? BROAD_THEME);
  const baseline = baselineClause(theme.baseline, items);

  if (counter.score >= DECISIVE && counter.score >= fresh.score) {
    // The limits are that theme's own picture: "Russia has become more dependent on China" bears
    // it out, where under the partnership it would temper it.
    if (theme.restatedBy === 'friction')
      return {
        signal: 'reinforces',
        reasons: [
          ...counter.hits.slice(0, 3).map((h) => `the limits restated: ${h}`),
          `consistent with the baseline of “${theme.title}”: ${baseline}`,
        ],
      };
    // Friction that does not outweigh the picture restated beside it ("Xi and Putin spectacularly
    // reaffirm their alliance against the West" over a pipeline left unsigned) is a mixed reading.
    const restatement = theme.restatedBy === 'praise' ? restatementOf(places) : undefined;
    if (restatement && counter.score <= restatement.score)
      return {
        mixed: true,
        reasons: [
          `mixed reading: friction ${counter.hits.slice(0, 2).join(', ')} against the picture restated ${restatement.hits.slice(0, 2).join(', ')}`,
          `read against the baseline of “${theme.title}”: ${baseline}`,
        ],
      };
    return {
      signal: 'counter-signal',
      reasons: [
        ...counter.hits.slice(0, 3).map((h) => `friction or limits: ${h}`),
        ...fresh.hits.slice(0, 1).map((h) => `despite a new step: ${h}`),
        `tempers the baseline of “${theme.title}”: ${baseline}`,
      ],
    };
  }
  if (fresh.score >= DECISIVE) {
    return {
      signal: 'new-development',
      reasons: [
        ...fresh.hits.slice(0, 3).map((h) => `new step: ${h}`),
        ...counter.hits.slice(0, 1).map((h) => `with friction noted: ${h}`),
        `moves “${theme.title}” on from its baseline: ${baseline}`,
      ],
    };
  }
  // Praise said by or of another actor ("Japan's prime minister to show 'solidarity' with
  // Ukraine in a visit that coincides with Xi's Moscow trip") restates nothing about the two.
  const restated =
    theme.restatedBy === 'praise' ? places.find(([, text]) => restatedCue(text) !== undefined) : undefined;
  if (restated && counter.score === 0) {
    const cue = restatedCue(restated[1]) ?? '';
    return {
      signal: 'reinforces',
      reasons: [
        `the established picture restated: “${cue}” (${restated[0] === 'otherHeadline' ? 'another headline' : restated[0]})`,
        `consistent with the baseline of “${theme.title}”: ${baseline}`,
      ],
    };
  }
  return {
    reasons: [
      counter.hits.length + fresh.hits.length > 0
        ? `no clear reading: ${[...counter.hits, ...fresh.hits].slice(0, 2).join('; ')}`
        : 'no new step, friction or restatement about the two sides in the reports',
      `read against the baseline of “${theme.title}”: ${baseline}`,
    ],
  };
}

/**
 * The weight of the places restating the picture, each counted once, by where it is. A place that
 * also states friction is about the tension, not the picture ("Xi meets Putin in show of
 * anti-West unity, but there's unease, too").
 */
function restatementOf(places: readonly [keyof typeof WHERE, string][]): { score: number; hits: string[] } {
  let score = 0;
  const hits: string[] = [];
  for (const [where, text] of places) {
    const cue = restatedCue(text);
    if (cue === undefined || COUNTER.some((re) => assertedMatch(re, text, true))) continue;
    score += WHERE[where];
    hits.push(`“${cue}” (${where === 'otherHeadline' ? 'another headline' : where})`);
  }
  return { score, hits };
}

/**
 * A word of praise or support that one of the two says or holds: the actor named last before it
 * is a side ("Xi and Putin hail ties", "Beijing's deepening relations with Moscow", "the Chinese
 * leader could back Russia"); before either side is named, it is someone else's.
 */
function restatedCue(text: string): string | undefined {
  return ownedMatch(REINFORCE, text)?.[0];
}

/** What a cue says about the relationship: friction or limits, a new step, or the picture restated. */
export type CueKind = 'friction' | 'new-step' | 'restated';

/** The cues of a kind in a text, as [start, end) offsets, in order. */
export function cueSpans(text: string, kind: CueKind): [number, number][] {
  const patterns = kind === 'friction' ? COUNTER : kind === 'new-step' ? NEW : [RESTATED_WORDS];
  const spans: [number, number][] = [];
  for (const re of patterns) {
    const m = kind === 'restated' ? ownedMatch(re, text) : assertedMatch(re, text, kind === 'friction');
    // A bare "first" is as often an ordinal ("the first line", "first deliveries") as a first step.
    if (m?.[0].trim() && !/^first$/i.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * A modal just before a friction cue in its clause ("Russia's failures may strain the
 * relationship, expert says"): a possibility someone raises, not a statement of friction.
 */
const MODAL_BEFORE = /\b(may|might|could|would|can|risks?|threatens?|if)\b[^,;:.!?]{0,30}$/i;

/**
 * The first match of a pattern, when the pattern is a friction cue one the two sides own: not
 * hedged by a modal, and not a third party's act ("White House rejects cease-fire", "EU rift with
 * China": the actor named last before the cue is neither side).
 */
function assertedMatch(re: RegExp, text: string, friction: boolean): RegExpExecArray | null {
  const m = re.exec(text);
  if (!m || !friction) return m;
  if (MODAL_BEFORE.test(text.slice(0, m.index))) return null;
  const mentions = namedParties(text);
  const end = m.index + m[0].length;
  const near = text.slice(end).match(/^(\s*\S+){0,3}/)![0];
  const sideFollows = mentions.some((x) => x.start >= end && x.start < end + near.length && isSide(x.party));
  // A rift names whose it is beside it ("the China-Russia rift", "a rift with Moscow"); "U.S.
  // warnings to China on arms for Russia's war portend global rift" is another.
  if (RIFT.test(m[0])) {
    const lead = text.slice(0, m.index).match(/(\S+\s*){0,3}$/)![0];
    const sideLeads = mentions.some(
      (x) => x.end <= m.index && x.end > m.index - lead.length && isSide(x.party),
    );
    if (!sideLeads && !sideFollows) return null;
  }
  const actor = partyBefore(mentions, m.index);
  if (actor) return isSide(actor.party) ? m : null;
  // No actor before the cue, in a text naming another party: the sides must follow it closely
  // ("Talks stall between Russia and China"), else it is an unnamed actor's ("G20 fails to agree
  // on Ukraine after …"). A text naming only the sides, or no one, speaks of them.
  if (mentions.every((x) => isSide(x.party))) return m;
  return sideFollows ? m : null;
}

/**
 * The first match of a restatement cue one of the two sides says or holds: the actor named last
 * before it is a side ("Xi and Putin hail ties"), not another ("U.S. officials pledged to crack
 * down on shipments to Russia").
 */
function ownedMatch(re: RegExp, text: string): RegExpExecArray | null {
  const mentions = namedParties(text);
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
    const actor = partyBefore(mentions, m.index);
    if (actor && isSide(actor.party)) return m as RegExpExecArray;
  }
  return null;
}

/** Every mention of a party in a text, venues included, other senses of their words left out. */
function namedParties(text: string): Mention[] {
  return findMentions(text).filter((x) => x.party !== 'sense');
}

/** The party named last before a position of the text: whose word it is. */
function partyBefore(mentions: readonly Mention[], index: number): Mention | undefined {
  return mentions.filter((x) => x.end <= index).at(-1);
}

/** A split named by a noun, whose parties stand beside it. */
const RIFT = /^(rift|spat|split)$/i;

function collectHits(
  places: readonly [keyof typeof WHERE, string][],
  patterns: readonly RegExp[],
): { score: number; hits: string[] } {
  const hits: string[] = [];
  const seen = new Set<string>();
  const friction = patterns === COUNTER;
  let score = 0;
  for (const [where, text] of places) {
    for (const re of patterns) {
      const m = assertedMatch(re, text, friction);
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
