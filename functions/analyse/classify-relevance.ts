/**
 * Is an item about the China–Russia relationship? Not "does it mention both countries".
 *
 * The classifier finds each side (entities.ts), groups adjacent mentions into actors ("Russian
 * President Vladimir Putin"), and asks how the two actors are linked in the headline, then in
 * the description, then (weakly) in the article text:
 * - bound into one phrase ("China-Russia", "Sino-Russian", "Power of Siberia", 中俄): strong;
 * - coordinated ("China and Russia", "Xi, Putin"): joint subjects with a joint verb count, the
 *   pair as the object of someone else ("secret from China and Russia") barely does;
 * - one acting on the other in the same sentence ("Putin invites Xi", "China's top oil supplier").
 * Relation words near the link (ties, talks, pipeline, drills, trade...) add weight. Contexts that
 * make a co-mention incidental subtract it: threat and adversary framing, comparisons and
 * analogies, sport, electoral politics, lists with third countries, a third country as the real
 * partner ("India and China agree..."), a private person described by nationality. Every signal
 * that fires is reported with its weight, so the decision can be audited.
 */
import type { Classification, ThemeId } from '#domain/types.ts';
import {
  compileTermSet,
  compileTerms,
  findMentions,
  isSide,
  type Mention,
  maskOtherSenses,
  type Party,
  type TermPattern,
  type TermSet,
} from './entities.ts';
import { THEMES } from './themes.ts';

export interface ClassifyInput {
  title: string;
  summary?: string;
  text?: string;
  url?: string;
  source?: string;
}

/** Score at or above which an item is relevant. */
export const RELEVANCE_THRESHOLD = 0.5;
/** Score at or above which an item is borderline: it gets themes but is not relevant. */
export const BORDERLINE_THRESHOLD = 0.3;
/** Highest score for an item that names both sides with nothing relating them. */
const BARE_MENTION_CAP = 0.45;

/** Caps on text scanned, so long bodies cost a bounded time. */
const MAX_SUMMARY = 1500;
const MAX_BODY = 3000;

/** How much each zone's evidence counts: the headline says what the story is about. */
const ZONE_FACTOR = { title: 1, cross: 0.8, summary: 0.6, body: 0.25 } as const;
type Zone = keyof typeof ZONE_FACTOR;

const words = (source: string) => compileTerms({ en: source });
/** English words with Russian stems and Chinese terms. */
const multi = (en: string, ru: string, zh: string) => compileTerms({ en, ru, zh });

/** Relation words, by class; each class counts once per link. */
const RELATION_CLASSES: readonly { name: string; weight: number; re: TermPattern }[] = [
  {
    name: 'tie',
    weight: 0.25,
    re: multi(
      'ties|relations(?:hip)?|partners?|partnership|alliance|allies|ally|alignment|aligned|friends?|friendship|bromance|axis|bond|cooperation|co-operation|cooperate|collaborat\\p{L}*|rapprochement|no[- ]limits?|strategic|comrades?|brotherhood|entente|coordination',
      'отношени|партн[её]р|дружб|сотрудничеств|союз',
      '关系|伙伴|友好|友谊|合作|同盟|协作',
    ),
  },
  {
    name: 'joint',
    weight: 0.25,
    re: multi(
      'joint(?:ly)?|together|bilateral|mutual|each other|one another|both (?:countries|nations|sides|leaders|presidents)|the two (?:countries|nations|sides|leaders|powers|neighbou?rs|presidents|militaries|navies|heads of state|economies)|counterparts?|in tandem|side by side|solidarity|unity|united front|co-[a-z]+',
      'совместн|двусторонн|обе стороны|стороны|сп\\b|совместное предприят',
      '双方|两国|联合|共同',
    ),
  },
  {
    name: 'contact',
    weight: 0.2,
    re: multi(
      'talks?|summit|meet(?:s|ing|ings)?|met|calls?|called|phone|video (?:call|link|conference)|visit(?:s|ed|ing|or|ors)?|trip|host(?:s|ed|ing)?|welcome[sd]?|invite[sd]?|invitation|arrive[sd]?|arrival|hail(?:s|ed)?|prais(?:e|es|ed|ing)|pledge[sd]?|vow(?:s|ed)?|promise[sd]?|assur(?:e|es|ed|ance)|sign(?:s|ed|ing)?|deals?|agreements?|accords?|pacts?|treaty|memorandum|declaration|statement|agree[sd]?|discuss(?:es|ed|ion)?|envoy|ambassador|warn(?:s|ed)?|urge[sd]?|ask(?:s|ed)?|tells?|told|back(?:s|ed|ing|er)?|support(?:s|ed|ing|er)?|help(?:s|ed|ing)?|aid(?:s|ed)?|assist(?:s|ed|ance)?|embrac(?:e|es|ed)|court(?:s|ed|ing)|woo(?:s|ed|ing)|snub(?:s|bed)?|rebuff(?:s|ed)?|evade[sd]?|denounce[sd]?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|defend(?:s|ed)?|join(?:s|ed)?|oppos(?:e|es|ed|ing)|bristles?|bristled|links?|linked|ditch(?:es|ed)?|turns? to|pivot|rel(?:y|ies) on|offer(?:s|ed)?|approv(?:e|es|ed)|credit for|diplomatic cover|complicit|bans?|banned|restrict(?:s|ed|ions)?|tariffs?|curbs?|duties|quotas?|blocks?|blocked',
      'переговор|встреч|визит|саммит|соглашени|подписа|договор|заявлени|поддерж|посет|прибыл|пригла|меморандум|обсуд|созвон|телефонн',
      '会谈|会晤|会见|通话|访问|峰会|签署|协议|声明|支持|出席|同意',
    ),
  },
  {
    name: 'flow',
    weight: 0.15,
    re: multi(
      'trade|trading|exports?|imports?|oil|crude|gas|lng|pipelines?|energy|coal|nuclear|electricity|supplies|supplier|supply|shipments?|deliver(?:s|ed|y|ies)?|buy(?:s|ing|er|ers)?|bought|sell(?:s|ing)?|sold|purchases?|markets?|goods|cars|components|chips|semiconductors|technolog(?:y|ies)|tech|investments?|invest(?:s|ed|ing|ors)?|loans?|lend(?:s|ing)?|lenders?|banks?|payments?|pay(?:s|ing)?|settlements?|currency|yuan|roubles?|rubles?|dollars?|sanctions?|arms|arming|weapons?|shells|munitions|drones?|missiles?|jets|military|drills?|exercises?|war ?games|patrols?|warships?|naval|bombers?|troops|satellites?|space|lunar|moon|rail(?:way|road|ways|roads)?|bridges?|ports?|routes?|corridors?|border|logistics|transit|dependen(?:ce|t|cy)|reliance|reliant|lifeline|leverage|junior|vassal|subservient|imbalance|unequal|asymmetr(?:y|ic)|war|invasion|cease-?fire|truce|peace (?:plan|talks|deal|proposal|process|initiative)|position paper|mediat(?:e|es|ion|or)|neutral(?:ity)?|propaganda|disinformation|narratives?|media|culture|cultural|history',
      'торгов|товарооборот|нефт|газ|поставк|экспорт|импорт|юан|рубл|санкци|учени|вооруж|оружи|войн|энерг|рын|перевоз|логистик|порт|верф|суд[а-яё]* |контейнер|продаж|закуп|покуп|автопроизвод|инвестиц|кредит|банк|платеж|автомоб|машин|технолог|мост|железн|трубопровод|газопровод',
      '贸易|经贸|石油|天然气|能源|管道|演习|武器|制裁|人民币|卢布|战争|乌克兰',
    ),
  },
];

/** Verbs that make coordinated subjects act together ("China and Russia hold drills"). */
const JOINT_VERBS_EN =
  'co-[a-z]+|hold|holds|held|stage[sd]?|conduct\\w*|launch\\w*|sign\\w*|ink\\w*|agree\\w*|pledge\\w*|vow\\w*|hail\\w*|prais\\w*|discuss\\w*|meet|meets|met|meeting|talk|talks|deepen\\w*|boost\\w*|strengthen\\w*|expand\\w*|bolster\\w*|forge\\w*|cement\\w*|build\\w*|test\\w*|fly|flies|flew|sail\\w*|send|sends|sent|patrol\\w*|veto\\w*|block\\w*|oppos\\w*|reject\\w*|condemn\\w*|back|backs|backed|urge\\w*|call|calls|called|push\\w*|seek\\w*|join\\w*|team\\w* up|unite\\w*|celebrat\\w*|step\\w* up|ramp\\w* up|develop\\w*|cooperat\\w*|coordinat\\w*|align\\w*|embrac\\w*|reaffirm\\w*|slam\\w*|accus\\w*|criticis\\w*|criticiz\\w*|denounc\\w*|releas\\w*|issue\\w*|draw\\w* closer|move\\w* closer|grow\\w* closer|edge\\w* closer';
const JOINT_VERB_EN = new RegExp(`^\\s*(?:[a-z'’-]+\\s+){0,4}?\\b(?:${JOINT_VERBS_EN})\\b`, 'i');
const JOINT_VERB_RU =
  /^\s*(?:[а-яё-]+\s+){0,3}?(?:провел|провод|подписа|подпиш|договорил|обсуди|укрепля|укреп|расширя|расшир|углуб|заяви|выступ|осуди|созда|построя|запуст|начн|наращива|развива|намерен)/i;
const JOINT_VERB_ZH = /^\s*(?:举行|签署|同意|加强|深化|发表|开展|会谈|会晤|通话|反对|谴责)/;
const CYRILLIC = /[а-яё]/i;
const CJK = /[\u3400-\u9fff]/;

function hasJointVerb(after: string): boolean {
  return (
    JOINT_VERB_EN.test(after) ||
    (CYRILLIC.test(after) && JOINT_VERB_RU.test(after)) ||
    (CJK.test(after) && JOINT_VERB_ZH.test(after))
  );
}

/** Threat, rivalry or attribution framing: the two as parallel adversaries of someone else. */
const ADVERSARY = multi(
  'threats?|threaten(?:s|ed|ing)?|adversar(?:y|ies)|foes?|enem(?:y|ies)|rivals?|hack(?:s|ed|ers|ing)?|malware|ransomware|cyber-?attacks?|cyber-?criminals?|cybercriminal|interfer(?:e|es|ed|ence)|meddl(?:e|es|ed|ing)|espionage|spies|spying|sabotage|deter(?:s|red|rence)?|counter(?:s|ing)?|defend against|menace|bad actors|autocra(?:cy|cies|ts)|authoritarian(?:s|ism)?|dictators?|axis of (?:evil|upheaval|autocracies)|disinformation|misinformation|propaganda|influence operations?',
  'угроз|враг|противник|хакер|шпион|вмешательств',
  '威胁|敌人|黑客|间谍|干预',
);

/** Comparison or analogy: one side is the yardstick for a story about the other or a third. */
const COMPARISON = words(
  `lessons?|learn(?:s|ed|ing|t)?|example|footsteps|playbook|mistakes?|the next (?:russia|china|ukraine|putin|xi)|(?:far |way |well )ahead|ahead of (?:the )?(?:u\\.s\\.|us|america|the west|west|washington)|ahead of (?:russia|china|beijing|moscow)(?!\\s*[a-z])|unlike|(?:just |much )?like (?:russia|china|putin|xi|moscow|beijing)|as with|compar(?:e|es|ed|ing|ison)|versus|vs\\.?|analog(?:y|ies)|parallels?|repeat(?:s|ing)? (?:its|the|their) [a-z]+ [a-z]+ mistakes?|same (?:mistake|path)|race (?:for|to)|(?:arms|space|moon|tech|ai|chip|hypersonic|nuclear) race|top foe|(?:biggest|greater|bigger|main) (?:threat|rival|foe)|follow(?:s|ing)? (?:[a-z]+['’]s )?(?:lead|path|example)`,
);

const SPORT = words(
  'olympics?|olympic|paralympics?|winter games|summer games|grand prix|world cup|championships?|tournament|tennis|football|soccer|cricket|rugby|test series|ashes|chess|figure skat(?:ing|er|ers)|skaters?|skating|medals?|semi-?finals?|quarter-?finals?|league|fifa|uefa|nba|nhl|khl|formula one|f1|wimbledon|us open|grand slam|athletes?|doping|wada|boxing|ufc',
);

const ELECTORAL = words(
  'elections?|electoral|election campaign|presidential campaign|campaign trail|campaigning|debates?|gop|republicans?|democrats?|voters?|polls?|ballots?|candidates?|primar(?:y|ies)|midterms?|op-ed|caucus',
);

/** End of a word: no letter or digit follows. */
const E = '(?![\\p{L}\\p{N}])';

/**
 * Nouns that turn a demonym into one private person ("Russian skater", "Chinese business
 * partner"). Groups are not on the list: "Russian tourists flock to China" is people-to-people ties.
 */
const PRIVATE_PERSON = new RegExp(
  `^(?:-(?:born|american|british|canadian|australian|french|german)${E}|\\s+(?:[\\p{L}-]+\\s+)?(?:qualifier|players?|skaters?|athletes?|tennis|star|stars|musician|singer|actor|actress|artist|model|blogger|influencer|tourist|student|national|citizen|man|woman|boy|girl|billionaire|tycoon|businessman|businesswoman|business partner|oligarch|dissident|chef|couple|family|teen(?:ager)?|grandmaster|champion|boxer|fighter|swimmer|gymnast|driver|climber|filmmaker|writer|author|poet|rapper|pianist|ballerina|mother|father|bride|expat|emigre|émigré|immigrant|migrant|restaurant|cuisine|food|dish|dishes)${E})`,
  'iu',
);

/** An event word before "in"/"at" makes the place a venue, not a party ("summit in Russia"). */
const VENUE_BEFORE =
  /\b(?:summit|meeting|talks|forum|parade|games|grand prix|final|finals|championships?|conference|visit|trip|arrive[sd]?|arriving|land(?:s|ed)?|held|hosted|gathering|ceremony|exhibition|expo|meet(?:s|ing)?|attend(?:s|ed|ing)?|session)\s+(?:[a-z-]+\s+){0,2}(?:in|at)\s+(?:the\s+)?$/i;
/** Cheap pre-check before VENUE_BEFORE: the text must end in "in" or "at". */
const ENDS_IN_AT = /\b(?:in|at)\s+(?:the\s+)?$/i;

/** A preposition before a coordinated pair makes it someone else's object ("secret from China and Russia"). */
const OBJECT_BEFORE =
  /(?:^|[\s(])(from|against|on|over|to|by|with|for|about|of|toward|towards|into|versus|vs\.?|than|at|like|between|among|amongst|including|includes|include|on both)\s+(?:the\s+)?(?:both\s+)?$/i;
/** Before "of": nouns that make "X of China and Russia" a joint actor ("the leaders of China and Russia"). */
const JOINT_OF_WORDS =
  'leaders|presidents|heads|heads of state|ministers|foreign ministers|defen[cs]e ministers|ties|relations|relationship|partnership|alliance|friendship|cooperation|axis|summit|meeting|talks|navies|militaries|forces|warships|bombers|troops|delegations|officials|envoys|union|alignment|rapprochement|convergence';
const JOINT_OF_BEFORE = new RegExp(`\\b(?:${JOINT_OF_WORDS})\\s+$`, 'i');

const BOUND_GAP = /^\s?[-‐‑–—/]\s?$/u;
const CONNECTOR_GAP =
  /^\s*(?:,|，|、|&|\+|and|or|as well as|along with|plus|и|или|а также|с|со|和|与|同|及|跟|、)\s*(?:the\s+|its\s+|their\s+)?$/iu;
/** Gap between two mentions of one side that belong to one actor ("Russian President Vladimir Putin"). */
const SAME_ACTOR_GAP =
  /^(?:['’]s?)?\s*(?:(?:president|leader|premier|prime minister|pm|foreign minister|defen[cs]e minister|minister|counterpart|head|state|vladimir|v\.|jinping|top diplomat|envoy|special envoy|ambassador|embassy|government|officials?|presidential|spokes(?:man|woman|person)|ceo|boss|chief|party|communist|leader's|президент\p{L}*|председател\p{L}*|лидер\p{L}*|глав\p{L}*|владимир\p{L}*|国家主席|主席|总统|总理|外长)\s*){0,4}$/iu;
const SENTENCE_SPLIT = /(?<=[.!?;。！？；])\s+|\s+[|•]\s+|\n+/u;
/** Headlines join separate items with semicolons or bars ("Heatwave grips Moscow; floods hit Beijing"). */
const TITLE_SPLIT = /(?<=[;；])\s+|\s+[|•]\s+/u;
/** The second actor opens a new clause or list item: "China demand recovers and Russia cuts output". */
const OPENS_CLAUSE = /(?:,|;|\band|\bor|\bbut|\bwhile|\bwhereas|\bas well as|\bplus)\s+(?:the\s+|its\s+)?$/iu;

interface Actor {
  party: Party;
  start: number;
  end: number;
  leader: boolean;
  venue: boolean;
  text: string;
}

interface Chain {
  actors: Actor[];
  bound: boolean;
  start: number;
  end: number;
}

type LinkKind =
  | 'project'
  | 'bound'
  | 'coordinated'
  | 'object'
  | 'direct'
  | 'parallel'
  | 'distant'
  | 'venue'
  | 'cross';

interface Link {
  kind: LinkKind;
  base: number;
  label: string;
  leaders: boolean;
  /** Sentence(s) in which relation words and frames are looked for. */
  context: string;
  chain?: Chain;
  jointVerb?: boolean;
  enumeration?: string[];
  /** Text between the two actors of a direct link. */
  gap?: string;
  /** One side owns what the other acts on ("China … Russia's war"), or "between X and Y". */
  possessive?: string;
  /** A leader or official of one side at a venue of the other. */
  visitor?: string;
}

interface ZoneEvidence {
  zone: Zone;
  link?: Link;
  /** Sides present at all in the zone. */
  china: boolean;
  russia: boolean;
  thirdPairs: string[];
  privatePersons: string[];
  senses: string[];
  sentences: { sentence: string; actors: Actor[] }[];
}

const LINK_BASE: Record<LinkKind, number> = {
  project: 0.55,
  bound: 0.55,
  coordinated: 0.35,
  object: 0.15,
  direct: 0.35,
  parallel: 0.2,
  distant: 0.2,
  venue: 0.25,
  cross: 0.25,
};

const LINK_WORDING: Partial<Record<LinkKind, string>> = {
  direct: 'one side acts on the other',
  parallel: 'side by side in parallel clauses',
  distant: 'both sides in one sentence',
};

/** A relation word between the two actors counts extra only in a short gap ("Xi warned Putin"). */
const MAX_GAP_WORDS = 5;

/** Relation words count only near the link: this many characters before and after it. */
const WINDOW = { before: 60, after: 90 } as const;

function around(sentence: string, start: number, end: number, zone: Zone): string {
  if (zone === 'title') return sentence;
  return sentence.slice(Math.max(0, start - WINDOW.before), Math.min(sentence.length, end + WINDOW.after));
}

const POSSESSIVE_AFTER = /^['’]s?(?![\p{L}])/u;

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const CJK_CHAR = /[\u3400-\u9fff]/gu;
const POSSESSIVE_START = /^['’]s/u;

/** Words between two mentions; Chinese counts two characters as a word. */
function wordCount(text: string): number {
  let words = 0;
  WORD_RUN.lastIndex = 0;
  while (WORD_RUN.exec(text) !== null) words++;
  let cjk = 0;
  CJK_CHAR.lastIndex = 0;
  while (CJK_CHAR.exec(text) !== null) cjk++;
  // A run of Chinese characters was counted as one word above; count it by characters instead.
  return cjk > 0 ? words + Math.ceil(cjk / 2) : words;
}

/** Groups adjacent mentions of one side into actors and marks private persons and venues. */
function buildActors(text: string, mentions: Mention[], privatePersons: string[]): Actor[] {
  const actors: Actor[] = [];
  for (const m of mentions) {
    if (m.entity.kind === 'people' && isSide(m.party)) {
      const after = text.slice(m.end, m.end + 40);
      const match = PRIVATE_PERSON.exec(after);
      if (match) {
        privatePersons.push(`${m.text}${match[0]}`.trim());
        continue;
      }
    }
    const prev = actors[actors.length - 1];
    if (prev && prev.party === m.party && SAME_ACTOR_GAP.test(text.slice(prev.end, m.start))) {
      prev.end = m.end;
      prev.leader ||= m.entity.kind === 'leader' || m.entity.kind === 'official';
      prev.venue = false;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    const placeLike = m.entity.kind === 'country' || m.entity.kind === 'capital' || m.entity.kind === 'place';
    const venue =
      placeLike &&
      !POSSESSIVE_START.test(text.slice(m.end, m.end + 2)) &&
      ENDS_IN_AT.test(text.slice(Math.max(0, m.start - 8), m.start)) &&
      VENUE_BEFORE.test(text.slice(Math.max(0, m.start - 50), m.start));
    actors.push({
      party: m.party,
      start: m.start,
      end: m.end,
      leader: m.entity.kind === 'leader' || m.entity.kind === 'official',
      venue,
      text: m.text,
    });
  }
  return actors;
}

/** Maximal runs of actors joined by "and", commas or hyphens. */
function buildChains(text: string, actors: Actor[]): Chain[] {
  const chains: Chain[] = [];
  let current: Chain | undefined;
  for (let i = 0; i < actors.length; i++) {
    const actor = actors[i]!;
    const prev = actors[i - 1];
    const gap = prev ? text.slice(prev.end, actor.start) : '';
    if (current && prev && (CONNECTOR_GAP.test(gap) || BOUND_GAP.test(gap) || gap === '')) {
      current.actors.push(actor);
      current.end = actor.end;
      if ((BOUND_GAP.test(gap) || gap === '') && prev.party !== actor.party) current.bound = true;
      continue;
    }
    current = { actors: [actor], bound: false, start: actor.start, end: actor.end };
    chains.push(current);
  }
  return chains;
}

/** Leaders on both sides, or a visiting leader, make a link stronger than the same link between places. */
function linkStrength(link: Link): number {
  return link.base + (link.leaders ? 0.1 : 0) + (link.visitor ? 0.1 : 0);
}

function isLeaderPair(a: Actor, b: Actor): boolean {
  return a.leader && b.leader;
}

/** The strongest China–Russia link within one sentence, if any. */
function linkInSentence(sentence: string, actors: Actor[], chains: Chain[], zone: Zone): Link | undefined {
  let best: Link | undefined;
  const consider = (link: Link) => {
    if (!best || linkStrength(link) > linkStrength(best)) best = link;
  };
  for (const actor of actors) {
    if (actor.party === 'both') {
      consider({
        kind: 'project',
        base: LINK_BASE.project,
        label: `joint project or pair term: '${actor.text}'`,
        leaders: false,
        context: around(sentence, actor.start, actor.end, zone),
      });
    }
  }
  for (const chain of chains) {
    const china = chain.actors.find((a) => a.party === 'china');
    const russia = chain.actors.find((a) => a.party === 'russia');
    if (!china || !russia) continue;
    const thirds = chain.actors.filter((a) => a.party === 'third').map((a) => a.text.trim());
    if (chain.bound) {
      consider({
        kind: 'bound',
        base: LINK_BASE.bound,
        label: `pair phrase: '${sentence.slice(chain.start, chain.end)}'`,
        leaders: isLeaderPair(china, russia),
        context: around(sentence, chain.start, chain.end, zone),
        chain,
      });
      continue;
    }
    const before = sentence.slice(Math.max(0, chain.start - 40), chain.start);
    const prep = OBJECT_BEFORE.exec(before);
    const jointOf =
      prep?.[1]?.toLowerCase() === 'of' && JOINT_OF_BEFORE.test(before.slice(0, prep.index + 1));
    const between = prep?.[1]?.toLowerCase() === 'between';
    const isObject = prep !== null && !jointOf && !between;
    const jointVerb = !isObject && hasJointVerb(sentence.slice(chain.end, chain.end + 60));
    const text = sentence.slice(chain.start, chain.end);
    consider({
      kind: isObject ? 'object' : 'coordinated',
      base: isObject ? LINK_BASE.object : LINK_BASE.coordinated,
      label: isObject
        ? `the two as objects of a third party: '${(prep?.[0] ?? '').trim()} ${text}'`
        : `coordinated pair: '${text}'`,
      leaders: isLeaderPair(china, russia),
      context: around(sentence, chain.start, chain.end, zone),
      chain,
      jointVerb,
      ...(between ? { possessive: `between ${text}` } : {}),
      ...(thirds.length > 0 ? { enumeration: thirds } : {}),
    });
  }
  // Actors of opposite sides in different chains: one acts on, with or about the other.
  const sideActors = actors.filter((a) => a.party === 'china' || a.party === 'russia');
  for (let i = 0; i < sideActors.length; i++) {
    for (let j = i + 1; j < sideActors.length; j++) {
      const a = sideActors[i]!;
      const b = sideActors[j]!;
      if (a.party === b.party) continue;
      if (chains.some((c) => c.actors.includes(a) && c.actors.includes(b))) continue;
      const gapText = sentence.slice(a.end, b.start);
      const distance = wordCount(gapText);
      const venue = a.venue || b.venue;
      const parallel =
        !venue &&
        distance <= 12 &&
        OPENS_CLAUSE.test(gapText.slice(-16)) &&
        chains.some((c) => c.actors[0] === b);
      const kind: LinkKind = venue ? 'venue' : parallel ? 'parallel' : distance <= 12 ? 'direct' : 'distant';
      const visitor = venue ? (a.venue ? b : a) : undefined;
      // "China … Russia's war" or "Xi's Russia visit": one side's affairs in the other's hands.
      const secondOwns = POSSESSIVE_AFTER.test(sentence.slice(b.end, b.end + 3));
      const firstOwnsNext = POSSESSIVE_AFTER.test(sentence.slice(a.end, a.end + 3)) && distance <= 1;
      const possessive = secondOwns
        ? `${b.text.trim()}'s`
        : firstOwnsNext
          ? `${a.text.trim()}'s ${b.text.trim()}`
          : undefined;
      consider({
        kind,
        base: LINK_BASE[kind],
        label:
          kind === 'venue'
            ? `one side as the venue of the other: '${a.text.trim()}' … '${b.text.trim()}'`
            : `${LINK_WORDING[kind]}: '${a.text.trim()}' … '${b.text.trim()}'`,
        leaders: isLeaderPair(a, b),
        context: around(sentence, a.start, b.end, zone),
        ...(kind === 'direct' ? { gap: sentence.slice(a.end, b.start) } : {}),
        ...(kind === 'direct' && possessive ? { possessive } : {}),
        ...(visitor?.leader ? { visitor: visitor.text.trim() } : {}),
      });
    }
  }
  return best;
}

/** Evidence of a China–Russia link in one zone of the item. */
function analyseZone(zone: Zone, raw: string): ZoneEvidence {
  const { text, senses } = maskOtherSenses(raw);
  const evidence: ZoneEvidence = {
    zone,
    china: false,
    russia: false,
    thirdPairs: [],
    privatePersons: [],
    senses,
    sentences: [],
  };
  if (text.trim() === '') return evidence;
  const sentences = text.split(zone === 'title' ? TITLE_SPLIT : SENTENCE_SPLIT);
  const perSentence = evidence.sentences;
  for (const sentence of sentences) {
    const mentions = findMentions(sentence);
    if (mentions.length === 0) continue;
    const actors = buildActors(sentence, mentions, evidence.privatePersons);
    const chains = buildChains(sentence, actors);
    for (const a of actors) {
      if (a.party === 'china' || a.party === 'both') evidence.china = true;
      if (a.party === 'russia' || a.party === 'both') evidence.russia = true;
    }
    for (const chain of chains) {
      const parties = new Set(chain.actors.map((a) => a.party));
      const oneSide = (parties.has('china') ? 1 : 0) + (parties.has('russia') ? 1 : 0) === 1;
      if (oneSide && parties.has('third') && !chain.bound) {
        evidence.thirdPairs.push(sentence.slice(chain.start, chain.end));
      }
    }
    perSentence.push({ sentence, actors });
    const link = linkInSentence(sentence, actors, chains, zone);
    if (link && (!evidence.link || linkStrength(link) > linkStrength(evidence.link))) evidence.link = link;
  }
  if (!evidence.link && evidence.china && evidence.russia) {
    // The two sides appear, but only in separate sentences of this zone.
    const china = perSentence.find((s) => s.actors.some((a) => a.party === 'china'));
    const russia = perSentence.find((s) => s.actors.some((a) => a.party === 'russia'));
    if (china && russia) {
      evidence.link = {
        kind: 'distant',
        base: zone === 'title' ? LINK_BASE.distant : 0.15,
        label: 'both sides, in separate sentences',
        leaders: false,
        context: `${china.sentence} ${russia.sentence}`,
      };
    }
  }
  return evidence;
}

interface Signal {
  name: string;
  weight: number;
}

/** Signals from one zone's link: base, relation words and the frames that discount it. */
function scoreZone(evidence: ZoneEvidence, titleFrames: string): { signals: Signal[]; related: boolean } {
  const link = evidence.link;
  if (!link) return { signals: [], related: false };
  const factor = ZONE_FACTOR[evidence.zone];
  const where =
    evidence.zone === 'title'
      ? 'in title'
      : evidence.zone === 'cross'
        ? 'across title and summary'
        : `in ${evidence.zone}`;
  const signals: Signal[] = [];
  const add = (name: string, weight: number) =>
    signals.push({ name: `${name} ${where}`, weight: weight * factor });
  add(link.label, link.base);
  const isObject = link.kind === 'object';
  if (link.leaders && !isObject) add('leader pair', 0.1);
  if (link.visitor) add(`leader or official on the other side's ground: '${link.visitor}'`, 0.1);
  if (link.jointVerb) add('joint action', 0.15);
  // Two leaders a few words apart address each other: "Xi warned Putin", "What Xi wants from Putin".
  const leadersInContact = link.kind === 'direct' && link.leaders && wordCount(link.gap ?? '') <= 3;
  if (leadersInContact) add('leaders address each other', 0.1);
  const gapRelation =
    link.gap !== undefined &&
    wordCount(link.gap) <= MAX_GAP_WORDS &&
    RELATION_CLASSES.some((c) => c.re.test(link.gap ?? ''));
  if (gapRelation) add('relation word between the two sides', 0.1);
  if (link.possessive) add(`one side's affairs in the other's hands: '${link.possessive}'`, 0.1);

  const hits: string[] = [];
  let relation = 0;
  const classes = new Set<string>();
  if (!isObject) {
    for (const cls of RELATION_CLASSES) {
      const m = cls.re.find(link.context);
      if (m) {
        hits.push(m);
        relation += cls.weight;
        classes.add(cls.name);
      }
    }
  }
  relation = Math.min(relation, 0.35);
  if (relation > 0) add(`relation words (${hits.join(', ')})`, relation);
  const strongRelation =
    classes.has('tie') || classes.has('joint') || classes.has('contact') || link.possessive !== undefined;

  if (link.enumeration) add(`list with third countries (${link.enumeration.join(', ')})`, -0.15);
  const frameText = evidence.zone === 'title' ? link.context : `${link.context} ${titleFrames}`;
  const loose =
    link.kind === 'parallel' ||
    link.kind === 'coordinated' ||
    link.kind === 'object' ||
    link.kind === 'distant' ||
    link.kind === 'venue' ||
    link.kind === 'cross';
  const adversary = ADVERSARY.find(frameText);
  // Threat words discount a link unless the two are shown acting together (then the threat is
  // theirs or aimed at them jointly: "China and Russia vow to respond to threats jointly").
  const together = link.jointVerb === true || classes.has('joint') || classes.has('tie');
  const adversaryApplies = loose ? !together : !strongRelation;
  if (adversary && adversaryApplies && link.kind !== 'bound' && link.kind !== 'project') {
    add(`threat or adversary framing: '${adversary}'`, -0.35);
  }
  const comparison = COMPARISON.find(frameText);
  // A possessive does not soften a comparison: "follow Putin's example" is the comparison itself.
  const relatedByWords = classes.has('tie') || classes.has('joint');
  if (comparison && !(link.kind === 'bound' && relatedByWords)) {
    add(`comparison or analogy: '${comparison}'`, relatedByWords && !loose ? -0.2 : -0.4);
  }
  const sport = SPORT.find(frameText);
  if (sport) add(`sport: '${sport}'`, -0.35);
  const electoral = ELECTORAL.find(frameText);
  if (electoral && !(link.kind === 'bound' && strongRelation))
    add(`electoral politics: '${electoral}'`, -0.2);
  if (
    evidence.thirdPairs.length > 0 &&
    link.kind !== 'bound' &&
    link.kind !== 'project' &&
    link.kind !== 'coordinated'
  ) {
    add(`a third country is the partner: '${evidence.thirdPairs[0]}'`, -0.2);
  }
  const related =
    link.kind === 'bound' ||
    link.kind === 'project' ||
    relation > 0 ||
    leadersInContact ||
    link.jointVerb === true ||
    gapRelation ||
    link.possessive !== undefined;
  return { signals, related };
}

/**
 * One side in the headline, the other only in the description: a link across zones, read from
 * the headline plus the description's sentence that names the other side (not as a venue).
 */
function crossZoneEvidence(t: ZoneEvidence, s: ZoneEvidence, title: string): ZoneEvidence | undefined {
  const titleActors = t.sentences
    .flatMap((x) => x.actors)
    .filter((a) => (a.party === 'china' || a.party === 'russia') && !a.venue);
  for (const actor of titleActors) {
    const other = actor.party === 'china' ? 'russia' : 'china';
    for (const { sentence, actors } of s.sentences) {
      const partner = actors.find((a) => a.party === other && !a.venue);
      if (!partner) continue;
      return {
        zone: 'cross',
        china: true,
        russia: true,
        thirdPairs: [...t.thirdPairs, ...s.thirdPairs],
        privatePersons: [],
        senses: [],
        sentences: [],
        link: {
          kind: 'cross',
          base: LINK_BASE.cross,
          label: `one side in title, the other in summary: '${actor.text.trim()}' … '${partner.text.trim()}'`,
          leaders: isLeaderPair(actor, partner),
          context: `${title} ${sentence}`,
        },
      };
    }
  }
  return undefined;
}

/** Theme selection: a title hit counts three times a summary hit; at most three themes, each close to the best. */
export const THEME_CUTOFF = {
  absolute: 1.6,
  relative: 0.4,
  max: 3,
  /** The generic theme is dropped when a specific one reaches this multiple of its score. */
  genericYield: 1.25,
  title: 3,
  summary: 1,
  body: 0.5,
} as const;

/** Themes of an item from indicator hits weighted by where they occur (title > summary > body). */
export function assignThemes(title: string, summary = '', body = ''): ThemeId[] {
  return rankThemes(title, summary.slice(0, MAX_SUMMARY), body.slice(0, MAX_BODY)).map((t) => t.id);
}

/**
 * Each theme's indicators compiled into one matcher, and its counter-indicators into another:
 * a counter-phrase usually contains an indicator ("American exceptionalism" holds "American"),
 * and one pass can credit only one of two terms that start at the same place.
 */
const THEME_MATCHERS = THEMES.map((theme) => {
  const counters = theme.counterIndicators ?? [];
  const anchors = new Set(theme.anchors ?? []);
  const keptBy = new Set(theme.generic?.keptByTitle ?? []);
  const indexOf = (labels: Set<string>) =>
    theme.indicators.flatMap((indicator, index) => (labels.has(indicator.label) ? [index] : []));
  return {
    id: theme.id,
    generic: theme.generic !== undefined,
    keptByTitle: indexOf(keptBy),
    anchorIndices: indexOf(anchors),
    weights: theme.indicators.map((i) => i.weight),
    counterWeights: counters.map((c) => c.weight),
    set: compileTermSet(theme.indicators.map((i) => i.terms)),
    counterSet: counters.length > 0 ? compileTermSet(counters.map((c) => c.terms)) : undefined,
  };
});

/** For each term of a set, the zone factor of the most prominent zone it occurs in. */
function bestZones(set: TermSet, zones: readonly (readonly [string, number])[]): Map<number, number> {
  const best = new Map<number, number>();
  for (const [text, factor] of zones) {
    for (const index of set.found(text)) if (!best.has(index)) best.set(index, factor);
  }
  return best;
}

function rankThemes(title: string, summary: string, body: string): { id: ThemeId; score: number }[] {
  const zones: (readonly [string, number])[] = [
    [title, THEME_CUTOFF.title],
    [summary, THEME_CUTOFF.summary],
    [body, THEME_CUTOFF.body],
  ];
  const scored: { id: ThemeId; score: number; generic: boolean }[] = [];
  for (const theme of THEME_MATCHERS) {
    // Background phrases ("amid the war in Ukraine") subtract their weight, and the terms inside
    // them do not count as indicators.
    let themeZones = zones;
    let score = 0;
    if (theme.counterSet) {
      const counters = theme.counterSet;
      for (const [index, factor] of bestZones(counters, zones))
        score -= (theme.counterWeights[index] ?? 0) * factor;
      if (score < 0) themeZones = zones.map(([text, factor]) => [counters.mask(text), factor] as const);
    }
    // Each indicator counts once, at the weight of the most prominent zone it occurs in.
    const best = bestZones(theme.set, themeZones);
    for (const [index, factor] of best) score += (theme.weights[index] ?? 0) * factor;
    if (theme.anchorIndices.length > 0 && !theme.anchorIndices.some((i) => best.has(i))) score = 0;
    const kept = theme.keptByTitle.some((i) => best.get(i) === THEME_CUTOFF.title);
    scored.push({ id: theme.id, score, generic: theme.generic && !kept });
  }
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]?.score ?? 0;
  const specificTop = scored.find((t) => !t.generic)?.score ?? 0;
  return scored
    .filter(
      (t) =>
        t.score >= THEME_CUTOFF.absolute &&
        t.score >= top * THEME_CUTOFF.relative &&
        !(t.generic && specificTop >= t.score * THEME_CUTOFF.genericYield),
    )
    .slice(0, THEME_CUTOFF.max)
    .map(({ id, score }) => ({ id, score }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function formatSignal(s: Signal): string {
  const w = round2(s.weight);
  return `${s.name} (${w >= 0 ? '+' : '-'}${Math.abs(w).toFixed(2)})`;
}

/** Decides whether an item is about the China–Russia relationship, with the reasons. */
export function classifyItem(input: ClassifyInput): Classification {
  const title = (input.title ?? '').slice(0, 400);
  const summary = (input.summary ?? '').slice(0, MAX_SUMMARY);
  const body = (input.text ?? '').slice(0, MAX_BODY);

  const t = analyseZone('title', title);
  const s = analyseZone('summary', summary);
  const b = body ? analyseZone('body', body) : undefined;

  const signals: Signal[] = [];
  // Frames in the title (threat, comparison, sport) colour the links found further down.
  const titleFrames = title;
  let related = false;
  const take = (result: { signals: Signal[]; related: boolean }) => {
    signals.push(...result.signals);
    related ||= result.related;
  };
  take(scoreZone(t, ''));
  take(scoreZone(s, titleFrames));
  if (!t.link && !s.link) {
    const cross = crossZoneEvidence(t, s, title);
    if (cross) take(scoreZone(cross, ''));
  }
  if (b) {
    const body = scoreZone(b, titleFrames);
    const total = body.signals.reduce((sum, x) => sum + x.weight, 0);
    if (total > 0)
      signals.push({ name: `article text: ${b.link?.label ?? 'both sides'}`, weight: Math.min(total, 0.15) });
  }
  const senses = [...t.senses, ...s.senses];
  if (senses.length > 0) signals.push({ name: `other sense ignored: '${senses[0]}'`, weight: 0 });
  const persons = [...t.privatePersons, ...s.privatePersons];
  if (persons.length > 0) signals.push({ name: `private person, not the state: '${persons[0]}'`, weight: 0 });

  let raw = signals.reduce((sum, x) => sum + x.weight, 0);
  if (!related && raw > BARE_MENTION_CAP) {
    // Naming both without any word that relates them is a mention, not a story about the relationship.
    signals.push({ name: 'both named, but nothing relates them: capped', weight: BARE_MENTION_CAP - raw });
    raw = BARE_MENTION_CAP;
  }
  const score = Math.max(0, Math.min(1, raw));
  const relevant = score >= RELEVANCE_THRESHOLD;
  let themes: ThemeId[] = [];
  if (score >= BORDERLINE_THRESHOLD) {
    themes = assignThemes(title, summary, body);
    if (themes.length === 0 && relevant) themes = ['alliance-diplomacy'];
  }
  return {
    relevant,
    score: Math.round(score * 1000) / 1000,
    themes,
    reasons: signals.length > 0 ? signals.map(formatSignal) : ['no China–Russia link found (+0.00)'],
  };
}
