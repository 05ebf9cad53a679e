/**
 * Is an item about the China–Russia relationship? Not "does it mention both countries": the
 * classifier finds each side (countries, capitals, leaders, state companies, in English,
 * Russian and Chinese), then weighs how they are connected: a pair phrase ("Sino-Russian",
 * "Xi and Putin"), relation words (talks, pipeline, trade, patrol...), against the contexts
 * that make a co-mention irrelevant (a list of adversaries, a third country's story, sport,
 * Xi'an, Moscow, Idaho). Every signal that fires is reported with its weight.
 */
import type { Classification, ThemeId } from '../domain/types.ts';
import { THEMES } from './themes.ts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const word = (source: string, flags = 'iu') => new RegExp(`${B}(?:${source})${E}`, flags);

const CHINA = word(
  'china|chinese|beijing|prc|ccp|zhongnanhai|sino|xi jinping|wang yi|li qiang|li shangfu|dong jun|li hui|cnpc|sinopec|yuan|renminbi|китай\\p{L}*|пекин\\p{L}*|кнр|си цзиньпин\\p{L}*',
);
const CHINA_CJK = /中国|中方|习近平|北京|中俄|俄中|华/u;
// "Xi" is a name only in title case and never as Xi'an or a cricket XI.
const XI = /(?<![\p{L}\p{N}])Xi(?![\p{L}\p{N}'’-])/u;
const RUSSIA = word(
  'russia|russian|russians|moscow|kremlin|putin|lavrov|mishustin|shoigu|belousov|peskov|gazprom|rosneft|novatek|rosatom|roscosmos|roubles?|rubles?|росси\\p{L}*|москв\\p{L}*|кремл\\p{L}*|путин\\p{L}*|лавров\\p{L}*',
);
const RUSSIA_CJK = /俄罗斯|俄方|俄|普京|莫斯科|克里姆林/u;

const PAIR = [
  word('(china|chinese|beijing|sino)\\s?[-–‑/]\\s?(russia|russian|moscow)'),
  word('(russia|russian|moscow|russo)\\s?[-–‑/]\\s?(china|chinese|beijing)'),
  word('(xi|xi jinping)\\s?[-–‑/]\\s?putin|putin\\s?[-–‑/]\\s?(xi|xi jinping)'),
  word('(beijing|china) and (moscow|russia)|(moscow|russia) and (beijing|china)'),
  word('(xi|xi jinping) and (vladimir )?putin|(vladimir )?putin and (xi|xi jinping)'),
  word(
    'росси\\p{L}* и кита\\p{L}*|кита\\p{L}* и росси\\p{L}*|российско-китайск\\p{L}*|китайско-российск\\p{L}*|путин\\p{L}* и си',
  ),
  /中俄|俄中|习近平.{0,6}普京|普京.{0,6}习近平/u,
  // A project that is by definition between the two: the Power of Siberia pipelines to China.
  word('power of siberia( 2)?|сил\\p{L}* сибири|西伯利亚力量'),
];

/** Words that say the two are doing something with each other. */
const RELATION = word(
  'talks?|summit|visit(s|ed|ing)?|meet(s|ing)?|met|call|ties|relations(hip)?|partner(s|ship)?|friend(s|ship)?|alliance|allies|ally|axis|deal(s)?|agreement|pact|sign(s|ed)?|pledge(s|d)?|vow(s|ed)?|hail(s|ed)?|praise[sd]?|invite[sd]?|joint|jointly|together|bilateral|cooperation|co-operation|coordination|pipeline|gas|oil|lng|energy|supplier|buyer|imports?|exports?|trade|yuan|roubles?|rubles?|payments?|banks?|lenders?|arm(s|ing)|weapons|shells|drills?|exercises?|patrol|military|support(s|ed|ing)?|help(s|ed|ing)?|backing|aid|envoy|peace plan|position paper|lifeline|dependence|dependent|reliant|reliance|junior partner|vassal|leverage|imbalance|unequal|rail(way)?|port|bridge|lunar|space|border|sanctions|no[- ]limits?|strategic|solidarity|unity|friendship|complicit|diplomatic cover|counterpart|embrace|переговор|встреч|визит|сотрудничеств|партн[её]р|торгов|газ|нефт|учени|会谈|会晤|合作|伙伴|贸易|天然气|演习',
);

/** Threat, rivalry or attribution framing around a bare "China and Russia". */
const ADVERSARY = word(
  'threats?|threaten(s|ing)?|adversar(y|ies)|foes?|enem(y|ies)|rivals?|hack(s|ed|ers|ing)?|malware|cyber(attacks?)?|interfer(e|ence)|meddl(e|ing)|propaganda|disinformation|spies|spying|race|ahead (of|the)|deter(rence)?|counter(ing)?|secret from|from within|forget|salivating|hands of|appeas(e|ement)|autocra(cy|cies|ts)|authoritarian(s)?|dictators?|election',
);
const THIRD_PARTY = word(
  'iran|iranian|north korea(n)?|pyongyang|kim jong un|india|indian|modi|new delhi|pakistan|turkey|saudi( arabia)?|brazil|south africa|myanmar|mongolia|belarus|venezuela|cuba|syria',
);
const OTHER_SENSE = [
  word('moscow,? idaho|moscow mules?|kyiv mules?|moscow zoo'),
  word("xi'an|xi’an|xian|xiaomi"),
  /(?<![\p{L}])XI(?![\p{L}])/u,
  word(
    'olympics?|winter games|beijing games|beijing 2022|grand prix|figure skat(ing|er)|us open|tennis|football|cricket|playing xi|test series|world cup|chess',
  ),
  word('chinatown|chinese new year|lunar new year|panda day'),
];
const US_POLITICS = word(
  'gop|republicans?|democrats?|debate|congress(ional)?|senators?|op-ed|presidential campaign|primary|haley|ramaswamy|hillary|clinton|hunter biden|musk|twitter|tiktok',
);
/** Comparison or analogy: one side is the example for a story about the other. */
const ANALOGY = word(
  'lessons?|learn(s|ed|ing)?|example|follow(s|ing)? (putin|xi|russia|china)|mistakes?|playbook|the next (russia|china|ukraine)|like (russia|china)|test may come',
);
/** The two as the objects of a third party ("dependence on Russia and China"). */
const OBJECT_PAIR = word(
  '(on|to|from|over|by|with|about|for|between|of|toward|towards) (the )?(china|beijing|russia|moscow) and (china|beijing|russia|moscow)',
);
/** One side acting on the other's thing: "China goes all in on Russia's disinformation campaign". */
const DIRECTED = [
  word("(china|chinese|beijing|xi)\\b.{0,60}(russia|moscow|putin|kremlin)['’]s"),
  word("(russia|russian|moscow|putin|kremlin)\\b.{0,60}(china|beijing|xi)['’]s"),
  word('(xi|putin)\\s+\\p{L}+\\s+(putin|xi)'),
];

const MAX_TEXT = 4000;

interface Side {
  china: boolean;
  russia: boolean;
  xi: boolean;
  putin: boolean;
}

function sides(text: string): Side {
  return {
    china: CHINA.test(text) || CHINA_CJK.test(text) || XI.test(text),
    russia: RUSSIA.test(text) || RUSSIA_CJK.test(text),
    xi: XI.test(text) || /xi jinping|си цзиньпин|习近平/iu.test(text),
    putin: /putin|путин|普京/iu.test(text),
  };
}

/** Removes other-sense phrases so they cannot count as entities. */
function withoutOtherSenses(text: string): { text: string; hits: string[] } {
  const hits: string[] = [];
  let out = text;
  for (const re of OTHER_SENSE) {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    out = out.replace(global, (m) => {
      hits.push(m);
      return ' ';
    });
  }
  return { text: out, hits };
}

export interface ClassifyInput {
  title: string;
  summary?: string;
  text?: string;
  url?: string;
  source?: string;
}

export const RELEVANCE_THRESHOLD = 0.5;

export function classifyItem(input: ClassifyInput): Classification {
  const rawTitle = input.title ?? '';
  const rawSummary = input.summary ?? '';
  const rawBody = (input.text ?? '').slice(0, MAX_TEXT);
  const t = withoutOtherSenses(rawTitle);
  const s = withoutOtherSenses(rawSummary);
  const title = t.text;
  const summary = s.text;
  const body = withoutOtherSenses(rawBody).text;
  const signals: [string, number][] = [];
  const add = (name: string, weight: number) => signals.push([name, weight]);

  const inTitle = sides(title);
  const inSummary = sides(summary);
  const inBody = sides(body);
  const pairTitle = PAIR.find((re) => re.test(title));
  const pairSummary = PAIR.find((re) => re.test(summary));
  const both = (x: Side) => x.china && x.russia;

  const objectPair = OBJECT_PAIR.exec(title);
  if (pairTitle && !objectPair) add(`pair phrase in title: '${pairTitle.exec(title)![0]}'`, 0.55);
  else if (both(inTitle)) add('both sides in title', 0.4);
  else if ((inTitle.china && inSummary.russia) || (inTitle.russia && inSummary.china))
    add('one side in title, the other in summary', 0.25);
  else if (both(inSummary)) add('both sides in summary', 0.15);
  else if (both(inBody) || (inTitle.china && inBody.russia) || (inTitle.russia && inBody.china))
    add('both sides in article text', 0.1);

  if (objectPair) add(`the two as objects of a third party: '${objectPair[0]}'`, -0.2);
  if (pairSummary && !pairTitle) add(`pair phrase in summary: '${pairSummary.exec(summary)![0]}'`, 0.2);
  const all = {
    xi: inTitle.xi || inSummary.xi || inBody.xi,
    putin: inTitle.putin || inSummary.putin || inBody.putin,
  };
  if (all.xi && all.putin) add('leaders: Xi and Putin', 0.15);

  const anyBoth =
    both(inTitle) ||
    both(inSummary) ||
    both(inBody) ||
    (inTitle.china && inSummary.russia) ||
    (inTitle.russia && inSummary.china);
  if (anyBoth) {
    const relTitle = RELATION.exec(title);
    const relSummary = RELATION.exec(summary);
    if (relTitle) add(`relation word in title: '${relTitle[0]}'`, 0.2);
    if (relSummary) add(`relation word in summary: '${relSummary[0]}'`, relTitle ? 0.05 : 0.12);
    if (!relTitle && !relSummary && RELATION.test(body)) add('relation words in article text', 0.08);
  }

  const directed = DIRECTED.find((re) => re.test(title));
  if (directed && both(inTitle))
    add(`one side acts on the other: '${directed.exec(title)![0].slice(0, 60)}'`, 0.15);
  const analogy = ANALOGY.exec(title);
  if (analogy && both(inTitle) && !pairTitle) add(`comparison or analogy: '${analogy[0]}'`, -0.3);
  const adversary = ADVERSARY.exec(title) ?? (rawTitle.length < 40 ? ADVERSARY.exec(summary) : null);
  if (adversary && anyBoth && !hasJointAction(title) && !directed)
    add(`adversary or threat framing: '${adversary[0]}'`, -0.35);
  const thirds = new Set(
    (title.match(new RegExp(THIRD_PARTY.source, 'giu')) ?? []).map((m) => m.toLowerCase()),
  );
  if (thirds.size > 0 && anyBoth) {
    const listed = isEnumeration(title);
    const weight = listed ? -0.3 : -0.12 * Math.min(thirds.size, 2);
    add(`third country in title: ${[...thirds].join(', ')}${listed ? ' (in a list)' : ''}`, weight);
  }
  if (US_POLITICS.test(title) && anyBoth)
    add(`domestic-politics framing: '${US_POLITICS.exec(title)![0]}'`, -0.25);
  const senses = [...t.hits, ...s.hits];
  if (senses.length > 0)
    add(`other sense of the words: '${senses[0]!.trim()}'`, both(inTitle) || pairTitle ? -0.1 : -0.3);

  const raw = signals.reduce((sum, [, w]) => sum + w, 0);
  const score = Math.max(0, Math.min(1, raw));
  const relevant = score >= RELEVANCE_THRESHOLD;
  const themes = relevant || score >= 0.3 ? assignThemes(rawTitle, rawSummary, rawBody) : [];
  return {
    relevant,
    score: Math.round(score * 1000) / 1000,
    themes: relevant && themes.length === 0 ? ['alliance-diplomacy'] : themes,
    reasons: signals.map(([name, w]) => `${name} (${w >= 0 ? '+' : ''}${w.toFixed(2)})`),
  };
}

const JOINT_ACTION = word(
  'hold|holds|held|sign(s|ed)?|agree(s|d)?|deepen(s|ed)?|test(s|ed)?|launch(es|ed)?|build(s)?|expand(s|ed)?|boost(s|ed)?|strengthen(s|ed)?|jointly|joint|together|with each other|partnership|ties|alliance|axis|cooperation|arming|arm(s)? |help(s|ing)?|support(s|ing)?',
);

function hasJointAction(title: string): boolean {
  return JOINT_ACTION.test(title);
}

/** "China, Russia and Iran", "India, China, Russia": the two as items of a longer list. */
function isEnumeration(title: string): boolean {
  return /(\p{Lu}[\p{L}.'’ -]{1,20}, ){2,}|\p{Lu}[\p{L}.'’ -]{1,20}, \p{Lu}[\p{L}.'’ -]{1,20},? (and|or|&) \p{Lu}/u.test(
    title,
  );
}

const THEME_PATTERNS = THEMES.map((theme) => ({
  id: theme.id,
  patterns: theme.indicators.map(([source, weight]) => ({ re: word(source), weight, source })),
}));

/** Themes from indicator hits: a title hit counts three times a summary hit; at most two, each close to the best. */
export const THEME_CUTOFF = { absolute: 1.8, relative: 0.4, max: 2, titleWeight: 3 };

/** Background clauses ("amid the war in Ukraine", "after Western sanctions") set the scene; they are not the story's theme. */
const BACKGROUND = word(
  "(amid|since|after|despite|over|following|during|because of) (the |russia['’]s |its |moscow['’]s |a |two |the )?(full-scale |ongoing )?(war|wars|invasion|conflict|sanctions|western sanctions|isolation)( in| on| of| over)?( ukraine| gaza| ukraine and gaza)?|western sanctions|against the west|in the face of western condemnation",
);

export function assignThemes(rawTitle: string, rawSummary: string, rawBody = ''): ThemeId[] {
  const strip = (s: string) => s.replace(new RegExp(BACKGROUND.source, 'giu'), ' ');
  const title = strip(rawTitle);
  const text = strip(`${rawSummary} ${rawBody.slice(0, 1500)}`);
  const scored: { id: ThemeId; score: number }[] = [];
  for (const theme of THEME_PATTERNS) {
    let score = 0;
    for (const { re, weight } of theme.patterns) {
      if (re.test(title)) score += weight * THEME_CUTOFF.titleWeight;
      else if (re.test(text)) score += weight;
    }
    scored.push({ id: theme.id, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]?.score ?? 0;
  if (top < 1) return [];
  return scored
    .filter((t) => t.score >= THEME_CUTOFF.absolute && t.score >= top * THEME_CUTOFF.relative)
    .slice(0, THEME_CUTOFF.max)
    .map((t) => t.id);
}

/** Ad-hoc narrowing: every query term must appear (case- and accent-insensitive, simple stems). */
export function matchesQuery(
  item: { title: string; summary?: string; text?: string },
  query: string,
): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(`${item.title} ${item.summary ?? ''} ${(item.text ?? '').slice(0, 20_000)}`);
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);
  return terms.every((term) => {
    const stem = term.length > 5 ? term.replace(/(ing|ed|es|s)$/u, '') : term;
    return haystack.includes(stem);
  });
}
