/**
 * Same-event grouping: reports of one event from several outlets, in English, Russian or
 * Chinese, become one story. This is single-pass clustering in the manner of topic detection
 * and tracking: items are taken in time order and each joins the most similar open cluster
 * (cosine against the cluster's centroid, so a cluster cannot drift by chaining pair after
 * pair) or starts a new one.
 *
 * Similarity has two parts, both weighted by how rare a feature is in this run (IDF):
 * - words of the headline and summary (stemmed; CJK as bigrams), which carry same-language
 *   paraphrase;
 * - anchors: people, places, organisations, projects, kinds of event, numbers and dates, each
 *   mapped to one id whatever the language (Xi / Си Цзиньпин / 习近平 → `xi`; "80th" /
 *   "80-летие" / "80周年" → `n:80`; "38 billion" / "380亿" → `n:3.8e10`), which carry the
 *   cross-language match.
 * Reports further apart than `maxHoursApart` are different events.
 *
 * Cost: O(n log n) for the time sort plus O(n · f · p) for the pass, with f features per
 * item (bounded by the capped text) and p the capped number of candidate clusters drawn from
 * an inverted index of each item's rarest features. There is no all-pairs step.
 */
import type { ScoredItem } from '../domain/types.ts';
import { tokensOf } from './text-features.ts';

export interface ClusterOptions {
  /** Similarity (0..1) at or above which a report joins a cluster. */
  threshold?: number;
  /** Reports further apart in time than this are different events. */
  maxHoursApart?: number;
  /** A cluster spans at most this long from its first report. */
  maxSpanHours?: number;
}

const DEFAULTS = { threshold: 0.32, maxHoursApart: 36, maxSpanHours: 72 } as const;

/** Characters of summary / article text read per item: the lead carries the event. */
const SUMMARY_CHARS = 500;
/** Rarest features per item used to find candidate clusters. */
const CANDIDATE_KEYS = 10;
/** Newest clusters scanned per posting list. */
const MAX_POSTINGS = 150;

/**
 * Cross-language anchors. Kinds: `e:` entity (person, place, organisation, project),
 * `k:` kind of event. Russian patterns are stems so inflected forms match.
 */
const ANCHOR_LEXICON: readonly (readonly [string, RegExp])[] = [
  // People
  ['e:xi', /xi jinping|(?<![\p{L}])xi(?![\p{L}'’-])|си цзиньпин|习近平|习主席/iu],
  ['e:putin', /putin|путин|普京/iu],
  ['e:lavrov', /lavrov|лавров|拉夫罗夫/iu],
  ['e:wang-yi', /wang yi(?![\p{L}])|ван и(?![\p{L}])|王毅/iu],
  ['e:li-qiang', /li qiang|ли цян|李强/iu],
  ['e:mishustin', /mishustin|мишустин|米舒斯京/iu],
  ['e:peskov', /peskov|песков|佩斯科夫/iu],
  ['e:ushakov', /ushakov|ушаков|乌沙科夫/iu],
  ['e:shoigu', /shoigu|шойгу|绍伊古/iu],
  ['e:belousov', /belousov|белоусов|别洛乌索夫/iu],
  ['e:miller', /alexei miller|алексе\p{L}* миллер|米勒/iu],
  ['e:zelensky', /zelensk|зеленск|泽连斯基/iu],
  ['e:trump', /trump|трамп|特朗普/iu],
  ['e:biden', /biden|байден|拜登/iu],
  ['e:blinken', /blinken|блинкен|布林肯/iu],
  ['e:rubio', /rubio|рубио|鲁比奥/iu],
  ['e:witkoff', /witkoff|уиткофф|威特科夫/iu],
  ['e:kim-jong-un', /kim jong[- ]un|ким чен ын|金正恩/iu],
  ['e:modi', /(?<![\p{L}])modi(?![\p{L}])|моди(?![\p{L}])|莫迪/iu],
  ['e:lukashenko', /lukashenk|лукашенк|卢卡申科/iu],
  ['e:kishida', /kishida|кисид|岸田/iu],
  ['e:erdogan', /erdogan|erdoğan|эрдоган|埃尔多安/iu],
  ['e:macron', /macron|макрон|马克龙/iu],
  ['e:von-der-leyen', /von der leyen|фон дер ляйен|冯德莱恩/iu],
  ['e:guterres', /guterres|гутерриш|古特雷斯/iu],
  ['e:li-hui', /li hui(?![\p{L}])|ли хуэй|李辉/iu],
  ['e:khurelsukh', /khurelsukh|хурэлсух|呼日勒苏赫/iu],
  // Places
  ['e:moscow', /moscow|москв|莫斯科/iu],
  ['e:beijing', /beijing|пекин|北京/iu],
  ['e:kremlin', /kremlin|кремл|克里姆林宫/iu],
  ['e:tianjin', /tianjin|тяньцзин|天津/iu],
  ['e:shanghai', /(?<![\p{L}])shanghai(?! cooperation)|шанха\p{L}*(?! организац)|上海(?!合作)/iu],
  ['e:harbin', /harbin|харбин|哈尔滨/iu],
  ['e:vladivostok', /vladivostok|владивосток|符拉迪沃斯托克|海参崴/iu],
  ['e:kazan', /kazan(?![\p{L}])|казан(?![\p{L}]{3})|喀山/iu],
  ['e:astana', /astana|астан|阿斯塔纳/iu],
  ['e:red-square', /red square|красн\p{L}* площад|红场/iu],
  ['e:tiananmen', /tiananmen|тяньаньмэнь|天安门/iu],
  ['e:mongolia', /mongolia|монгол|蒙古/iu],
  ['e:kazakhstan', /kazakh|казах|哈萨克/iu],
  ['e:central-asia', /central asia|центральн\p{L}* ази|中亚/iu],
  ['e:north-korea', /north korea|pyongyang|dprk|кндр|северн\p{L}* коре|пхеньян|朝鲜|平壤/iu],
  ['e:ukraine', /ukrain|kyiv|kiev|украин|киев|乌克兰|基辅/iu],
  ['e:crimea', /crimea|крым|克里米亚/iu],
  ['e:taiwan', /taiwan|тайван|台湾/iu],
  ['e:japan', /japan|япони|日本/iu],
  ['e:india', /(?<![\p{L}])india|инди(я|и|ей)(?![\p{L}])|印度/iu],
  ['e:iran', /(?<![\p{L}])iran|иран|伊朗/iu],
  ['e:alaska', /alaska|anchorage|аляск|阿拉斯加/iu],
  ['e:arctic', /arctic|арктик|北极/iu],
  ['e:far-east', /far east|дальн\p{L}* восток|远东/iu],
  [
    'e:us',
    /(?<![\p{L}])(us|u\.s\.?)(?![\p{L}])|united states|washington|white house|pentagon|сша|вашингтон|белы\p{L}* дом|美国|华盛顿|白宫/u,
  ],
  [
    'e:eu',
    /(?<![\p{L}])eu(?![\p{L}])|european union|brussels|евросоюз|(?<![\p{L}])ес(?![\p{L}])|брюссел|欧盟/iu,
  ],
  ['e:uk', /(?<![\p{L}])(uk|britain|british)(?![\p{L}])|великобритан|британ|英国/iu],
  // Organisations
  ['e:brics', /brics|брикс|金砖/iu],
  [
    'e:sco',
    /(?<![\p{L}])sco(?![\p{L}])|shanghai cooperation|шос(?![\p{L}])|шанхайск\p{L}* организац|上合|上海合作组织/iu,
  ],
  ['e:nato', /nato|нато|北约/iu],
  ['e:g7', /(?<![\p{L}])g-?7(?![\p{L}\d])|большой семерк|七国集团/iu],
  [
    'e:un',
    /united nations|(?<![\p{L}])u\.?n\.?(?![\p{L}])|security council|оон(?![\p{L}])|совбез|联合国|安理会/u,
  ],
  ['e:gazprom', /gazprom|газпром|俄气|俄罗斯天然气工业/iu],
  ['e:cnpc', /cnpc|china national petroleum|中石油|中国石油天然气/iu],
  ['e:rosneft', /rosneft|роснефт|俄油|俄罗斯石油公司/iu],
  ['e:novatek', /novatek|новатэк|诺瓦泰克/iu],
  ['e:rosatom', /rosatom|росатом|俄原子能/iu],
  ['e:huawei', /huawei|хуавэй|华为/iu],
  ['e:icc', /international criminal court|(?<![\p{L}])icc(?![\p{L}])|мус(?![\p{L}])|国际刑事法院/iu],
  ['e:xinhua', /xinhua|синьхуа|新华社/iu],
  ['e:tass', /(?<![\p{L}])tass(?![\p{L}])|тасс|塔斯社/iu],
  // Projects
  ['e:power-of-siberia', /power of siberia|сил\p{L}* сибири|西伯利亚力量/iu],
  ['e:northern-sea-route', /northern sea route|севморпут|северн\p{L}* морск\p{L}* пут|北方海航道|北极航道/iu],
  ['e:arctic-lng', /arctic lng|арктик спг|北极液化天然气/iu],
  ['e:yamal', /yamal|ямал|亚马尔/iu],
  ['e:belt-and-road', /belt and road|(?<![\p{L}])bri(?![\p{L}])|пояс и путь|一带一路/iu],
  ['e:lunar-station', /lunar (research )?station|ilrs|лунн\p{L}* станц|国际月球科研站/iu],
  // Kinds of event
  [
    'k:call',
    /(phone|video|telephone)[ -]?(call|talks|conference|link|conversation)|spoke by phone|by phone|телефонн\p{L}* разговор|по телефону|видеосвяз|видеоконференц|通电话|视频会晤|视频通话/iu,
  ],
  [
    'k:visit',
    /state visit|visit(s|ed|ing)?(?![\p{L}])|trip(?![\p{L}])|arriv(e|es|ed|al)|визит|прибыл|посещ|访问|访华|访俄|抵达/iu,
  ],
  [
    'k:talks',
    /talks|met with|meet(s|ing)?(?![\p{L}])|(?<![\p{L}])met(?![\p{L}])|переговор|встреч|会谈|会晤|会见/iu,
  ],
  ['k:summit', /summit|саммит|峰会/iu],
  [
    'k:deal',
    /(?<!no )deal(?![\p{L}])|agreement|memorandum|contract|(?<![\p{L}])(sign|signs|signed|ink|inks|inked)(?![\p{L}])|соглашени|договор|меморандум|контракт|подписа|协议|合同|备忘录|签署/iu,
  ],
  ['k:invite', /invit(e|es|ed|ation)|приглас|邀请/iu],
  ['k:parade', /parade|парад|阅兵/iu],
  ['k:exercise', /exercises?(?![\p{L}])|drills?(?![\p{L}])|war ?games|учени|演习|演练/iu],
  ['k:patrol', /patrol|патрул|巡航|巡逻/iu],
  ['k:sanctions', /sanction|санкци|制裁/iu],
  ['k:tariff', /tariff|duties|пошлин|关税/iu],
  [
    'k:peace-plan',
    /peace (plan|proposal|talks|deal|process|initiative)|position paper|мирн\p{L}* (план|инициатив|переговор)|和平计划|和谈|和平倡议/iu,
  ],
  ['k:ceasefire', /cease-?fire|truce|перемири|停火/iu],
  ['k:warrant', /arrest warrant|ордер на арест|逮捕令/iu],
  ['k:visa', /visa|виз(а|ы|ов|овый|ового|ового)(?![\p{L}])|безвиз|签证|免签/iu],
  ['k:anniversary', /anniversary|годовщин|летие(?![\p{L}])|周年/iu],
  [
    'k:victory',
    /victory day|world war|wwii|ww2|день победы|велик\p{L}* отечественн|вторая мировая|второй мировой|胜利日|二战|抗战胜利/iu,
  ],
  [
    'k:gas',
    /(?<![\p{L}])gas(?![\p{L}])|(?<![\p{L}])lng(?![\p{L}])|(?<![\p{L}])газ(?!ет)|спг(?![\p{L}])|天然气|液化气/iu,
  ],
  ['k:oil', /(?<![\p{L}])oil(?![\p{L}])|crude|нефт|石油|原油/iu],
  ['k:pipeline', /pipeline|газопровод|трубопровод|管道|管线/iu],
  ['k:price', /price|pricing|(?<![\p{L}])цен(а|ы|у|е|ой|ам|ах|ового|овые)?(?![\p{L}])|价格/iu],
  ['k:trade', /(?<![\p{L}])trade(?![\p{L}])|товарооборот|торговл|贸易/iu],
  ['k:export', /export|import|экспорт|импорт|出口|进口/iu],
  ['k:bank', /(?<![\p{L}])banks?(?![\p{L}])|lenders?|банк|银行/iu],
  ['k:payment', /payment|settlement|платеж|платёж|расчет|расчёт|结算|支付/iu],
  ['k:yuan', /yuan|renminbi|юан|人民币/iu],
  ['k:rouble', /roubles?|rubles?|рубл|卢布/iu],
  ['k:cars', /(?<![\p{L}])cars?(?![\p{L}])|automak|автомоб|汽车/iu],
  [
    'k:space',
    /lunar|(?<![\p{L}])moon(?![\p{L}])|space station|спутник|(?<![\p{L}])лун(а|ы|у|е|ой|ную|ной)(?![\p{L}])|космос|月球|航天|卫星/iu,
  ],
  ['k:nuclear', /nuclear|ядерн|核/iu],
  ['k:military', /military|army|troops|naval|navy|warship|bomber|военн|армия|флот|军事|海军|军队|轰炸机/iu],
  [
    'k:weapons',
    /weapons?|arms(?![\p{L}])|missile|drones?(?![\p{L}])|munition|оружи|ракет|беспилотник|дрон|武器|导弹|无人机/iu,
  ],
  [
    'k:railway',
    /railway|rail (link|line|bridge)|(?<![\p{L}])bridge(?![\p{L}])|железн\p{L}* дорог|мост(?![\p{L}])|铁路|大桥/iu,
  ],
  ['k:election', /election|выбор|选举/iu],
  ['k:media', /state media|propaganda|пропаганд|госсми|官方媒体|宣传/iu],
];

const ORDINAL = /(\d{1,3})(?:st|nd|rd|th)?[- ]?(?:anniversary|летие|周年)/giu;
const PERCENT = /(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent|процент\p{L}*|％)/giu;
const SCALED =
  /(\d+(?:[.,]\d+)?)\s?(trillion|tn|billion|bn|million|mn|m(?![\p{L}])|трлн|триллион\p{L}*|млрд|миллиард\p{L}*|млн|миллион\p{L}*|万亿|亿|万)/giu;
const PLAIN_NUMBER = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d%])/g;
const EN_DATE =
  /(?<![\p{L}])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?!\d)|(?<!\d)(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![\p{L}])/giu;
const RU_DATE =
  /(?<!\d)(\d{1,2}) (январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*/giu;
const ZH_DATE = /(\d{1,2})月(\d{1,2})日/g;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  трлн: 1e12,
  триллион: 1e12,
  万亿: 1e12,
  billion: 1e9,
  bn: 1e9,
  млрд: 1e9,
  миллиард: 1e9,
  亿: 1e8,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  млн: 1e6,
  миллион: 1e6,
  万: 1e4,
};

/** Words that name the relationship itself: present in nearly every relevant item, so weak evidence of one event. */
const UBIQUITOUS = new Set(
  tokensOf(
    'china chinese russia russian sino beijing moscow president presidents leader leaders xi jinping putin vladimir ' +
      'ties relations relationship partnership partner countries country nations two both ' +
      'китай китайский китая россия российский россии президент председатель лидер отношения партнерство ' +
      '中国 俄罗斯 中俄 主席 总统 关系',
  ),
);
/** Anchors too common in this domain to tell events apart on their own. */
const WEAK_ANCHORS = new Set(['e:xi', 'e:putin', 'e:moscow', 'e:beijing', 'e:us', 'e:ukraine', 'e:kremlin']);

/** Cross-language anchors (entities, kinds of event, numbers, dates) of a text. */
export function storyAnchorsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [id, re] of ANCHOR_LEXICON) if (re.test(text)) out.add(id);
  for (const m of text.matchAll(ORDINAL)) out.add(`n:${Number(m[1])}`);
  for (const m of text.matchAll(PERCENT)) out.add(`n:${Number(m[1]!.replace(',', '.'))}%`);
  for (const m of text.matchAll(SCALED)) {
    const unit = m[2]!.toLowerCase().replace(/^(триллион|миллиард|миллион)\p{L}*$/u, '$1');
    const value = Number(m[1]!.replace(',', '.')) * (SCALE[unit] ?? 1);
    if (Number.isFinite(value) && value >= 1e4) out.add(`n:${value.toExponential(2)}`);
  }
  for (const m of text.matchAll(PLAIN_NUMBER)) {
    const value = Number(m[1]!.replace(/,/g, ''));
    // Years say little about which event; other large figures (tonnes, kilometres) often do.
    if (value >= 1900 && value <= 2100) continue;
    out.add(`n:${value.toExponential(2)}`);
  }
  for (const m of text.matchAll(EN_DATE)) {
    const month = EN_MONTHS.indexOf((m[1] ?? m[4] ?? '').toLowerCase().slice(0, 3)) + 1;
    const day = Number(m[2] ?? m[3]);
    if (month > 0 && day >= 1 && day <= 31) out.add(`d:${month}-${day}`);
  }
  for (const m of text.matchAll(RU_DATE)) {
    const stem = m[2]!.toLowerCase();
    const month = RU_MONTHS.findIndex((s) => stem.startsWith(s)) + 1;
    if (month > 0) out.add(`d:${month}-${Number(m[1])}`);
  }
  for (const m of text.matchAll(ZH_DATE)) out.add(`d:${Number(m[1])}-${Number(m[2])}`);
  return out;
}

/** The language family of a text by script: decides whether word overlap can be expected. */
function scriptOf(text: string): 'latin' | 'cyrillic' | 'han' {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han * 3 > latin + cyrillic) return 'han';
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

interface Vector {
  weights: Map<string, number>;
  norm: number;
}

interface ItemFeatures {
  index: number;
  at?: number;
  script: 'latin' | 'cyrillic' | 'han';
  words: Vector;
  anchors: Vector;
  /** Rarest features, used as index keys. */
  keys: string[];
}

interface Cluster {
  members: number[];
  first?: number;
  last?: number;
  words: Map<string, number>;
  wordsNorm: number;
  anchors: Map<string, number>;
  anchorsNorm: number;
  scripts: Set<string>;
}

/** Groups same-event reports; every input item is in exactly one returned cluster, clusters keep input order of their first item. */
export function clusterStories(items: readonly ScoredItem[], options: ClusterOptions = {}): ScoredItem[][] {
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const maxApart = (options.maxHoursApart ?? DEFAULTS.maxHoursApart) * 3_600_000;
  const maxSpan = (options.maxSpanHours ?? DEFAULTS.maxSpanHours) * 3_600_000;
  const features = describeItems(items);

  const order = [...features].sort(
    (a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY) || a.index - b.index,
  );
  const clusters: Cluster[] = [];
  const index = new Map<string, number[]>();

  for (const f of order) {
    let best = -1;
    let bestScore = threshold;
    for (const c of candidateClusters(f, index)) {
      const cluster = clusters[c]!;
      if (!withinTime(f.at, cluster, maxApart, maxSpan)) continue;
      const score = similarity(f, cluster);
      if (score >= bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({
        members: [],
        words: new Map(),
        wordsNorm: 0,
        anchors: new Map(),
        anchorsNorm: 0,
        scripts: new Set(),
      });
    }
    addToCluster(clusters[best]!, f);
    for (const key of f.keys) {
      const posting = index.get(key);
      if (!posting) index.set(key, [best]);
      else if (posting[posting.length - 1] !== best) posting.push(best);
    }
  }

  return clusters
    .map((c) => c.members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => members.map((i) => items[i]!));
}

function describeItems(items: readonly ScoredItem[]): ItemFeatures[] {
  const raw = items.map((item) => {
    const lead = item.summary?.trim() ? item.summary : (item.article?.text ?? item.content ?? '');
    const summary = lead.slice(0, SUMMARY_CHARS);
    const words = new Map<string, number>();
    // The headline is the densest statement of the event: its words count twice.
    for (const t of tokensOf(item.title)) words.set(t, (words.get(t) ?? 0) + 2);
    for (const t of tokensOf(summary)) words.set(t, (words.get(t) ?? 0) + 1);
    const published = item.published ? Date.parse(item.published) : Number.NaN;
    return {
      words,
      anchors: storyAnchorsOf(`${item.title}\n${summary}`),
      at: Number.isFinite(published) ? published : undefined,
      script: scriptOf(`${item.title} ${summary}`),
    };
  });

  const df = new Map<string, number>();
  for (const r of raw) {
    for (const t of r.words.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const a of r.anchors) df.set(a, (df.get(a) ?? 0) + 1);
  }
  const n = items.length;
  const idf = (key: string) => Math.log(1 + n / (df.get(key) ?? 1));
  // A feature in more than this many items is background, not an index key.
  const commonDf = Math.max(4, n * 0.2);

  return raw.map((r, index) => {
    const words = new Map<string, number>();
    for (const [t, tf] of r.words) {
      const weight = (1 + Math.log(tf)) * idf(t) * (UBIQUITOUS.has(t) ? 0.25 : 1);
      words.set(t, weight);
    }
    const anchors = new Map<string, number>();
    for (const a of r.anchors) anchors.set(a, idf(a) * (WEAK_ANCHORS.has(a) ? 0.35 : 1));
    const keys = [...words.keys(), ...anchors.keys()]
      .filter((k) => (df.get(k) ?? 0) <= commonDf && !UBIQUITOUS.has(k) && !WEAK_ANCHORS.has(k))
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1))
      .slice(0, CANDIDATE_KEYS);
    // Items with nothing distinctive are still indexed by their strongest common features.
    if (keys.length === 0) keys.push(...[...anchors.keys()].slice(0, 3));
    return {
      index,
      ...(r.at !== undefined ? { at: r.at } : {}),
      script: r.script,
      words: { weights: words, norm: normOf(words) },
      anchors: { weights: anchors, norm: normOf(anchors) },
      keys,
    };
  });
}

function candidateClusters(f: ItemFeatures, index: Map<string, number[]>): Set<number> {
  const out = new Set<number>();
  for (const key of f.keys) {
    const posting = index.get(key);
    if (!posting) continue;
    for (let k = posting.length - 1; k >= 0 && posting.length - k <= MAX_POSTINGS; k--) out.add(posting[k]!);
  }
  return out;
}

function withinTime(at: number | undefined, cluster: Cluster, maxApart: number, maxSpan: number): boolean {
  if (at === undefined || cluster.first === undefined || cluster.last === undefined) return true;
  if (at < cluster.first - maxApart || at > cluster.last + maxApart) return false;
  return Math.max(at, cluster.last) - Math.min(at, cluster.first) <= maxSpan;
}

/**
 * Cosine against the cluster centroid. Same-script pairs blend words and anchors; across
 * scripts the words cannot overlap, so the anchors decide (slightly discounted, since a
 * shared set of names is weaker evidence than shared wording).
 */
function similarity(f: ItemFeatures, cluster: Cluster): number {
  const words = cosine(f.words, cluster.words, cluster.wordsNorm);
  const anchors = cosine(f.anchors, cluster.anchors, cluster.anchorsNorm);
  const crossScript = !cluster.scripts.has(f.script);
  if (crossScript) return 0.85 * anchors + 0.15 * words;
  return Math.max(words, 0.55 * words + 0.45 * anchors);
}

function cosine(v: Vector, centroid: Map<string, number>, centroidNorm: number): number {
  if (v.norm === 0 || centroidNorm === 0) return 0;
  let dot = 0;
  for (const [k, w] of v.weights) {
    const c = centroid.get(k);
    if (c) dot += w * c;
  }
  return dot / (v.norm * centroidNorm);
}

function addToCluster(cluster: Cluster, f: ItemFeatures): void {
  cluster.members.push(f.index);
  cluster.scripts.add(f.script);
  if (f.at !== undefined) {
    cluster.first = Math.min(cluster.first ?? f.at, f.at);
    cluster.last = Math.max(cluster.last ?? f.at, f.at);
  }
  cluster.wordsNorm = addUnit(cluster.words, cluster.wordsNorm, f.words);
  cluster.anchorsNorm = addUnit(cluster.anchors, cluster.anchorsNorm, f.anchors);
}

/** Adds the unit vector of `v` to the centroid sum and returns the new norm (updated, not recomputed). */
function addUnit(centroid: Map<string, number>, norm: number, v: Vector): number {
  if (v.norm === 0) return norm;
  let squared = norm * norm;
  for (const [k, w] of v.weights) {
    const old = centroid.get(k) ?? 0;
    const next = old + w / v.norm;
    centroid.set(k, next);
    squared += next * next - old * old;
  }
  return Math.sqrt(Math.max(0, squared));
}

function normOf(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * The similarity the clustering would see between items `a` and `b` of `items` (features
 * weighted over all of `items`), with the shared features: for diagnosis and evaluation.
 */
export function explainSimilarity(
  items: readonly ScoredItem[],
  a: number,
  b: number,
): { score: number; words: number; anchors: number; shared: string[] } {
  const features = describeItems(items);
  const fa = features[a]!;
  const fb = features[b]!;
  const cluster: Cluster = {
    members: [],
    words: new Map(),
    wordsNorm: 0,
    anchors: new Map(),
    anchorsNorm: 0,
    scripts: new Set(),
  };
  addToCluster(cluster, fb);
  const shared = [...fa.words.weights.keys(), ...fa.anchors.weights.keys()].filter(
    (k) => fb.words.weights.has(k) || fb.anchors.weights.has(k),
  );
  return {
    score: similarity(fa, cluster),
    words: cosine(fa.words, cluster.words, cluster.wordsNorm),
    anchors: cosine(fa.anchors, cluster.anchors, cluster.anchorsNorm),
    shared,
  };
}
