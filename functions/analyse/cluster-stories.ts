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
import type { ScoredItem } from '#domain/types.ts';
import { scriptOf } from '#text/language.ts';
import { tokensOf } from '#text/tokens.ts';
import { findMentions, isSide } from './entities.ts';
import {
  frameOfHeadline,
  type HeadlineFrame,
  isBilateralReport,
  isMeetingPreview,
  namesBothSides,
  splitHeadline,
} from './headline-frame.ts';

export interface ClusterOptions {
  /** Similarity (0..1) at or above which a report joins a cluster. */
  threshold?: number;
  /** Reports further apart in time than this are different events. */
  maxHoursApart?: number;
  /** A cluster spans at most this long from its first report. */
  maxSpanHours?: number;
  /** Centroid similarity at or above which two finished clusters are merged. */
  mergeThreshold?: number;
  /**
   * Compare wording only, not anchors: for what a meeting story left behind, whose shared
   * names and places are the meeting's, so only close paraphrases belong together.
   */
  wordsOnly?: boolean;
}

const DEFAULTS = {
  threshold: 0.4,
  mergeThreshold: 0.35,
  maxHoursApart: 36,
  maxSpanHours: 72,
} as const;

/** Characters of summary / article text read per item: the lead carries the event. */
const SUMMARY_CHARS = 500;
/** Rarest features per item used to find candidate clusters. */
const CANDIDATE_KEYS = 10;
/** Newest clusters scanned per posting list. */
const MAX_POSTINGS = 50;
/** Clusters compared in full per item. */
const MAX_CANDIDATES = 20;

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
  ['e:japan', /japan|япони|японск|日本/iu],
  ['e:india', /(?<![\p{L}])india|инди(я|и|ей)(?![\p{L}])|印度/iu],
  ['e:iran', /(?<![\p{L}])iran|иран|伊朗/iu],
  ['e:alaska', /alaska|anchorage|аляск|阿拉斯加/iu],
  ['e:arctic', /arctic|арктик|北极/iu],
  ['e:far-east', /far east|дальн\p{L}* восток|远东/iu],
  [
    'e:us',
    // "US" in capitals only (never the pronoun "us"); the names in either case.
    /(?<![\p{L}])(US|U\.S\.?|USA)(?![\p{L}])|[Uu]nited [Ss]tates|[Ww]ashington|[Ww]hite [Hh]ouse|[Pp]entagon|[Сс][Шш][Аа]|[Вв]ашингтон|[Бб]ел\p{L}* [Дд]ом|美国|华盛顿|白宫/u,
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
    /state visit|visit(s|ed|ing)?(?![\p{L}])|trip(?![\p{L}])|arriv(e|es|ed|al)|guest|welcom(e|es|ed|ing)|визит|прибыл|посещ|访问|访华|访俄|抵达/iu,
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
  ['k:cars', /(?<![\p{L}])(?<!cable )cars?(?![\p{L}])|automak|автомоб|汽车/iu],
  [
    'k:space',
    /lunar|(?<![\p{L}])moon(?![\p{L}])|space station|спутник|(?<![\p{L}])лун(а|ы|у|е|ой|ную|ной)(?![\p{L}])|космос|月球|航天|卫星/iu,
  ],
  ['k:nuclear', /nuclear|ядерн|核/iu],
  ['k:military', /military|army|troops|naval|navy|warship|bomber|военн|армия|флот|军事|海军|军队|轰炸机/iu],
  [
    'k:weapons',
    /weapons?|arms(?![\p{L}])|missile|drones?(?![\p{L}])|munition|tanks?(?![\p{L}])|shells(?![\p{L}])|оружи|ракет|беспилотник|дрон|武器|导弹|无人机/iu,
  ],
  [
    'k:railway',
    /railway|rail (link|line|bridge)|(?<![\p{L}])bridge(?![\p{L}])|железн\p{L}* дорог|мост(?![\p{L}])|铁路|大桥/iu,
  ],
  ['k:election', /election|выбор|选举/iu],
  ['k:media', /state media|propaganda|пропаганд|госсми|官方媒体|宣传/iu],
];

/**
 * The same anchors in Polish, the largest language of the feeds after English (its reports of an
 * event must meet the English ones on names, not on words they cannot share). Stems, since Polish
 * inflects names too: Moskwa, Moskwie, Moskwy; Pekin, Pekinie; Ławrow, Ławrowa.
 */
const POLISH_ANCHORS: readonly (readonly [string, RegExp])[] = [
  ['e:lavrov', /ławrow|lawrow/iu],
  ['e:mishustin', /miszustin/iu],
  ['e:peskov', /pieskow/iu],
  ['e:ushakov', /uszakow/iu],
  ['e:shoigu', /szojgu/iu],
  ['e:belousov', /biełousow|bielousow/iu],
  ['e:zelensky', /zełensk|zelenski/iu],
  ['e:kim-jong-un', /kim dzong[- ]un/iu],
  ['e:lukashenko', /łukaszenk/iu],
  ['e:moscow', /(?<![\p{L}])moskw/iu],
  ['e:beijing', /(?<![\p{L}])pekin/iu],
  ['e:kremlin', /(?<![\p{L}])kreml/iu],
  ['e:tianjin', /tiencin/iu],
  ['e:shanghai', /(?<![\p{L}])szangha\p{L}*(?! organizac)/iu],
  ['e:vladivostok', /władywostok/iu],
  ['e:red-square', /plac\p{L}* czerwon/iu],
  ['e:kazakhstan', /kazach/iu],
  ['e:central-asia', /azj\p{L}* (środkow|centraln)/iu],
  ['e:north-korea', /kore\p{L}* północn/iu],
  ['e:ukraine', /kijów|kijow/iu],
  ['e:crimea', /(?<![\p{L}])krym/iu],
  ['e:taiwan', /tajwan/iu],
  ['e:india', /(?<![\p{L}])Indi(i|ach|om|ami)(?![\p{L}])/u],
  ['e:arctic', /arktyk|arktycz/iu],
  ['e:far-east', /daleki\p{L}* wsch/iu],
  ['e:us', /[Ss]tan\p{L}* [Zz]jednoczon|[Bb]iał\p{L}* [Dd]om/u],
  ['e:eu', /(?<![\p{L}])UE(?![\p{L}])|uni\p{L}* europejsk|bruksel/u],
  // The state only: "brytyjski dziennik" names where a report comes from, not who acts.
  ['e:uk', /wielk\p{L}* brytani/iu],
  ['e:sco', /(?<![\p{L}])szow(?![\p{L}])|szanghajsk\p{L}* organizac/iu],
  ['e:g7', /(?<![\p{L}])g-?7(?![\p{L}\d])|grup\p{L}* siedmiu/iu],
  ['e:un', /(?<![\p{L}])onz(?![\p{L}])|rad\p{L}* bezpieczeństwa/iu],
  ['e:rosneft', /rosnieft/iu],
  ['e:icc', /międzynarodow\p{L}* trybunał\p{L}* karn|(?<![\p{L}])mtk(?![\p{L}])/iu],
  ['e:power-of-siberia', /sił\p{L}* syberii/iu],
  ['e:northern-sea-route', /północn\p{L}* drog\p{L}* morsk/iu],
  ['e:yamal', /jamał/iu],
  ['e:belt-and-road', /(?<![\p{L}])pas\p{L}* i szlak|jedwabn\p{L}* szlak/iu],
  ['k:call', /rozmow\p{L}* telefoniczn|przez telefon|wideokonferencj/iu],
  ['k:visit', /(?<![\p{L}])(wizyt|przyby|odwiedz|przyjecha|przylecia|gości)/iu],
  ['k:talks', /(?<![\p{L}])(rozmow|rozmaw|spotka)/iu],
  ['k:summit', /(?<![\p{L}])szczyt/iu],
  ['k:deal', /porozumie|(?<![\p{L}])umow|memorand|kontrakt|podpisa/iu],
  ['k:invite', /zaprasz|zapros/iu],
  ['k:parade', /(?<![\p{L}])(parad(a|y|zie|ę|ą|om)|defilad\p{L}*)(?![\p{L}])/iu],
  ['k:exercise', /ćwicze|manewr/iu],
  ['k:sanctions', /sankcj/iu],
  ['k:tariff', /(?<![\p{L}])(cła|cło|ceł)(?![\p{L}])|taryf/iu],
  ['k:peace-plan', /plan\p{L}* pokojow|pokojow\p{L}* plan|propozycj\p{L}* pokojow|rozmow\p{L}* pokojow/iu],
  ['k:ceasefire', /rozejm|zawieszeni\p{L}* broni/iu],
  ['k:warrant', /nakaz\p{L}* aresztowani/iu],
  ['k:anniversary', /rocznic/iu],
  ['k:victory', /dzie\p{L}* zwycięstwa|(ii|drugiej) wojn\p{L}* światow/iu],
  // Whole words: "Gaza" is no gas.
  ['k:gas', /(?<![\p{L}])(gaz|gazu|gazem|gazie|gazow\p{L}*)(?![\p{L}])/iu],
  ['k:oil', /(?<![\p{L}])rop(a|y|ę|ą|ie)(?![\p{L}])|naftow/iu],
  ['k:pipeline', /gazociąg|rurociąg/iu],
  ['k:trade', /(?<![\p{L}])(handel|handlu|handlem|handlow\p{L}*)(?![\p{L}])|obrot\p{L}* handlow/iu],
  ['k:export', /eksport/iu],
  ['k:payment', /płatno|rozlicze/iu],
  // Lower case: "Juan" is a name.
  ['k:yuan', /(?<![\p{L}])juan(a|ach|ie|y|ów|ami|em)?(?![\p{L}])/u],
  ['k:rouble', /(?<![\p{L}])rubl(e|i|a|ach|ami|om|ów)(?![\p{L}])/iu],
  ['k:cars', /samochod|samochód/iu],
  ['k:space', /księżyc|kosmos|kosmicz/iu],
  ['k:nuclear', /jądrow|atomow/iu],
  ['k:military', /(?<![\p{L}])(wojsk\p{L}*|armi(a|i|ę|ą)|militarn\p{L}*|flot(a|y|ę|ą|cie))(?![\p{L}])/iu],
  ['k:weapons', /(?<![\p{L}])(broń|broni|uzbrojeni|rakiet|dron|amunic|czołg|pocisk)/iu],
  ['k:railway', /(?<![\p{L}])kolej/iu],
  ['k:media', /propagand/iu],
];

const ORDINAL = /(\d{1,3})(?:st|nd|rd|th)?[- ]?(?:anniversary|летие|周年)/giu;
const PERCENT = /(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent|процент\p{L}*|％)/giu;
const SCALED =
  /(\d+(?:[.,]\d+)?)\s?(trillion|tn|billion|bn|million|mn|mln|mio|mld|mrd|m(?![\p{L}])|трлн|триллион\p{L}*|млрд|миллиард\p{L}*|млн|миллион\p{L}*|万亿|亿|万)/giu;
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
  // Polish "mln", "mld"; German "Mio.", "Mrd.".
  mln: 1e6,
  mio: 1e6,
  mld: 1e9,
  mrd: 1e9,
  m: 1e6,
  млн: 1e6,
  миллион: 1e6,
  万: 1e4,
};

/** Words that name the relationship itself: present in nearly every relevant item, so weak evidence of one event. */
const UBIQUITOUS = new Set(
  tokensOf(
    'china chinese russia russian sino beijing moscow president presidents leader leaders xi jinping putin vladimir ' +
      'ties relations relationship partnership partner partners countries country nations two both counterpart ' +
      'китай китайский китая россия российский россии президент председатель лидер отношения партнерство ' +
      '中国 俄罗斯 中俄 主席 总统 关系',
  ),
);
/** Anchors too common in this domain to tell events apart on their own. */
const WEAK_ANCHORS = new Set(['e:xi', 'e:putin', 'e:moscow', 'e:beijing', 'e:us', 'e:ukraine', 'e:kremlin']);
const MEETING_KINDS = new Set(['k:talks', 'k:visit', 'k:summit', 'k:call']);
/** Anchors found only in the summary or in a headline's "as ..." clause: backdrop as often as event. */
const BACKGROUND_WEIGHT = 0.35;
/** Headline words weigh this much more than summary words. */
const TITLE_WORD = 2;
/** Weight of the word part against the anchor part for reports in the same script. */
const WORD_SHARE = 0.45;
/** A cluster whose distinctive anchors carry less than this share of its anchor weight reports the meeting itself. */
const GENERIC_SHARE = 0.3;
const TITLE_SHARE = 0.9;

/** Headline verbs and nouns that outlets swap for one another. */
const SYNONYMS: Record<string, string> = Object.fromEntries(
  (
    [
      ['sign', 'ink inks inked seal seals sealed signs signed signing'],
      ['deal', 'pact pacts accord accords agreement agreements deals'],
      ['hail', 'laud lauds lauded praise praises praised tout touts touted hails hailed'],
      ['meet', 'meets meeting meetings met talks holds'],
      ['warn', 'warns warned warning warnings'],
      ['pledge', 'vow vows vowed pledges pledged'],
      ['exercise', 'drill drills exercises wargames'],
      ['call', 'calls phoned'],
    ] as const
  ).flatMap(([to, from]) => from.split(' ').map((w) => [w, to])),
);

/** Cross-language anchors (entities, kinds of event, numbers, dates) of a text. */
export function storyAnchorsOf(text: string): ReadonlySet<string> {
  let out = ANCHORS_READ.get(text);
  if (!out) {
    out = readAnchors(text);
    if (ANCHORS_READ.size >= ANCHORS_READ_LIMIT) ANCHORS_READ.clear();
    ANCHORS_READ.set(text, out);
  }
  return out;
}

/**
 * Texts already read for their anchors: clustering, story building, ranking and summaries ask
 * about the same headlines and sentences, and each reading tests some 180 patterns.
 */
const ANCHORS_READ = new Map<string, ReadonlySet<string>>();
const ANCHORS_READ_LIMIT = 20_000;

function readAnchors(text: string): Set<string> {
  const out = new Set<string>();
  for (const [id, re] of ANCHOR_LEXICON) if (re.test(text)) out.add(id);
  for (const [id, re] of POLISH_ANCHORS) if (re.test(text)) out.add(id);
  for (const m of text.matchAll(ORDINAL)) out.add(`n:${Number(m[1])}`);
  for (const m of text.matchAll(PERCENT)) out.add(`n:${Number(m[1]!.replace(',', '.'))}%`);
  for (const m of text.matchAll(SCALED)) {
    const unit = m[2]!.toLowerCase().replace(/^(триллион|миллиард|миллион)\p{L}*$/u, '$1');
    const value = Number(m[1]!.replace(',', '.')) * (SCALE[unit] ?? 1);
    if (Number.isFinite(value) && value >= 1e4) out.add(`n:${value.toExponential(2)}`);
  }
  // A figure already read with its unit or as an ordinal is not read again as a bare number.
  const rest = text.replace(ORDINAL, ' ').replace(PERCENT, ' ').replace(SCALED, ' ');
  for (const m of rest.matchAll(PLAIN_NUMBER)) {
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
  for (const [person, country] of IMPLIED) if (out.has(person)) out.add(country);
  addCompoundAnchors(out);
  return out;
}

/** The commonest event of all, the two leaders meeting or calling, as one anchor of its own. */
function addCompoundAnchors(anchors: Set<string>): void {
  if (!anchors.has('e:xi') || !anchors.has('e:putin')) return;
  if (anchors.has('k:call')) anchors.add('x:leaders-call');
  else if (anchors.has('k:talks') || anchors.has('k:visit') || anchors.has('k:summit'))
    anchors.add('x:leaders-meet');
}

/** A leader named without the country: "Kishida in Kyiv" and "Japan's leader in Kyiv" are one report. */
const IMPLIED: readonly (readonly [string, string])[] = [
  ['e:kishida', 'e:japan'],
  ['e:zelensky', 'e:ukraine'],
  ['e:trump', 'e:us'],
  ['e:biden', 'e:us'],
  ['e:blinken', 'e:us'],
  ['e:rubio', 'e:us'],
  ['e:witkoff', 'e:us'],
  ['e:modi', 'e:india'],
  ['e:kim-jong-un', 'e:north-korea'],
  ['e:khurelsukh', 'e:mongolia'],
  ['e:miller', 'e:gazprom'],
];

function wordsOf(text: string): string[] {
  return tokensOf(text.replace(/\p{L}+/gu, (w) => SYNONYMS[w.toLowerCase()] ?? w));
}

/**
 * A sparse vector over interned feature ids. Features no other report has cannot add to any
 * dot product, so they are left out of `weights` and kept only in `norm` (and `unsharedSq`).
 */
interface Vector {
  weights: Map<number, number>;
  norm: number;
  /** Sum of squares of the left-out weights. */
  unsharedSq: number;
}

/**
 * Who acts in a report's headline: one of the two sides, a named other actor (`third:<who>`: the
 * United States and an institute are two voices, not one), another actor the lexicon cannot name
 * (`third`: "another state", Ukraine as the place a visit goes to), or unknown (a language not read).
 */
type Voice = 'side' | 'third' | `third:${string}` | 'unknown';

/** Third parties a headline's subject can be without saying who acts: any other third voice may be theirs. */
const UNNAMED_THIRD = new Set(['another state', 'Ukraine']);

interface ItemFeatures {
  index: number;
  voice: Voice;
  at?: number;
  script: ReturnType<typeof scriptOf>;
  words: Vector;
  titles: Vector;
  anchors: Vector;
  /** The anchors without the leaders, the capitals and the meeting kinds. */
  distinct: Vector;
  /** Features used as index keys: the most telling ones shared with another report. */
  keys: number[];
}

interface Centroid {
  words: Map<number, number>;
  wordsNorm: number;
  titles: Map<number, number>;
  titlesNorm: number;
  anchors: Map<number, number>;
  anchorsNorm: number;
  anchorsSum: number;
  distinct: Map<number, number>;
  distinctNorm: number;
  distinctSum: number;
  scripts: Set<string>;
  voices: Set<Voice>;
  first?: number;
  last?: number;
}

interface Cluster extends Centroid {
  members: number[];
  /** Index of the cluster this one was merged into. */
  mergedInto?: number;
}

/**
 * Groups same-event reports; every input item is in exactly one returned cluster, clusters keep
 * input order of their first item.
 *
 * After the similarity pass, the straight reports of the two sides meeting (headline frames:
 * both sides, a leader or a meeting, no third actor, not a commentary) within the time limits
 * become one story however many facets they cover: the talks, the statement, the signing and
 * the press conference are one event, and a preview of the meeting ("three things to watch")
 * is pegged to it. A report that the first pass put with mostly other kinds
 * of reports (a pipeline deal's own coverage) stays there. What the meeting leaves behind in a
 * cluster (another actor's reaction, a commentary) is grouped again on its own, more strictly,
 * so the backdrop it shares with the meeting no longer holds it together.
 */
export function clusterStories(items: readonly ScoredItem[], options: ClusterOptions = {}): ScoredItem[][] {
  const clusters = clusterBySimilarity(items, options);
  const maxApart = (options.maxHoursApart ?? DEFAULTS.maxHoursApart) * 3_600_000;
  const frames = new Map(items.map((item) => [item, frameOfHeadline(item.title)]));
  // A preview of the meeting (what to watch, what it could change) is pegged to it and joins it.
  const bilateral = new Set<ScoredItem>(
    items.filter(
      (item) => isBilateralReport(frames.get(item)!) || isMeetingPreview(frames.get(item)!, item.title),
    ),
  );
  // A day without a meeting of the two still has one actor's statements to bring together
  // (2023-02-19: five US warnings on arms for Russia in four stories).
  if (bilateral.size < 2) return inItemOrder(items, regroupStatements(clusters, frames, maxApart));
  // A report of a development of its own, not another actor's reaction or a commentary.
  const straight = (item: ScoredItem) => !frames.get(item)!.commentary && !frames.get(item)!.thirdParty;

  const meetings: Meeting[] = [];
  const rest: ScoredItem[][] = [];
  for (const cluster of clusters) {
    const own = cluster.filter((item) => bilateral.has(item));
    // Reports in other languages have no frame: they follow the reports the first pass matched them with.
    const unframed = cluster.filter((item) => !bilateral.has(item) && !frames.get(item)!.known);
    const others = cluster.filter((item) => !bilateral.has(item) && frames.get(item)!.known);
    if (own.length === 0 || others.filter(straight).length > own.length) {
      rest.push(cluster);
      continue;
    }
    const meeting = meetingOf(meetings, own[0]!, frames.get(own[0]!)!.call, maxApart);
    meeting.items.push(...unframed);
    for (const item of own) meetingOf(meetings, item, frames.get(item)!.call, maxApart).items.push(item);
    if (others.length > 0) rest.push(...clusterBySimilarity(others, { ...options, wordsOnly: true }));
  }
  // Reports in another language that the first pass grouped among themselves: each whose headline
  // names both leaders and nobody else is the meeting, told in that language (the only meeting in
  // person at that time; with two, nothing is guessed); the others of the group are grouped again
  // on their own, more strictly, as the English reports a meeting leaves behind are.
  const inPerson = (item: ScoredItem) =>
    meetings.filter((m) => !m.call && m.items.length > 0 && nearMeeting(m, item, maxApart));
  const kept: ScoredItem[][] = [];
  for (const cluster of rest) {
    if (!cluster.every((item) => !frames.get(item)!.known)) {
      kept.push(cluster);
      continue;
    }
    const joined = cluster.filter((item) => {
      const target = namesOnlyTheLeaders(item.title) ? inPerson(item) : [];
      if (target.length !== 1) return false;
      target[0]!.items.push(item);
      return true;
    });
    if (joined.length === 0) kept.push(cluster);
    else {
      const left = cluster.filter((item) => !joined.includes(item));
      if (left.length > 0) kept.push(...clusterBySimilarity(left, { ...options, wordsOnly: true }));
    }
  }
  return inItemOrder(items, [
    ...meetings.map((m) => m.items).filter((c) => c.length > 0),
    ...regroupStatements(kept, frames, maxApart),
  ]);
}

/** Clusters in the order of their first item, each in the items' order. */
function inItemOrder(items: readonly ScoredItem[], clusters: readonly ScoredItem[][]): ScoredItem[][] {
  const order = new Map(items.map((item, i) => [item, i]));
  const first = (c: readonly ScoredItem[]) => Math.min(...c.map((item) => order.get(item)!));
  return clusters
    .map((c) => [...c].sort((a, b) => order.get(a)! - order.get(b)!))
    .sort((a, b) => first(a) - first(b));
}

/** The two sides meeting in person, or calling, within a stretch of time. */
interface Meeting {
  call: boolean;
  times: number[];
  items: ScoredItem[];
}

/**
 * One actor's statements about the two sides on one day are one story, however the outlets
 * worded them: the reports whose headline voice is the same third party (the United States:
 * "US urges Xi to press Putin", "China not 'impartial': White House") and whose main clause
 * names both sides, and the reports of the two sides speaking jointly against the same third
 * party ("China and Russia accuse US …", "Russia and China criticise Trump's …"). A report of
 * that actor doing something else, with the sides as backdrop ("US rushes tanks to Ukraine as
 * Putin meets Xi"), or a commentary, is none of these and stays where it was.
 */
export function regroupStatements(
  clusters: readonly ScoredItem[][],
  frames: ReadonlyMap<ScoredItem, HeadlineFrame>,
  maxApart: number,
): ScoredItem[][] {
  const keyOf = (item: ScoredItem): string | undefined => {
    const frame = frames.get(item)!;
    // Both sides in the main clause, not only in the backdrop ("US stocks slip as Putin meets Xi").
    const { main } = splitHeadline(item.title);
    if (!frame.known || frame.commentary) return undefined;
    if (!namesBothSides(main)) return frame.meeting ? visitKey(main) : undefined;
    // A deed is not a statement: "EU, US sanction Chinese firms …" is its own event, not the EU's
    // words beside an auditors' report that "Europe risks …".
    if (frame.thirdParty)
      return listsThreeParties(main) || !STATEMENT.test(item.title) ? undefined : `voice:${frame.thirdParty}`;
    if (frame.leader || frame.meeting || !JOINT_STATEMENT.test(main)) return undefined;
    const target = [...storyAnchorsOf(main)].find((a) => STATEMENT_TARGETS.has(a));
    return target ? `joint:${STATEMENT_TARGETS.get(target)}` : undefined;
  };
  const groups = new Map<string, ScoredItem[]>();
  for (const cluster of clusters)
    for (const item of cluster) {
      const key = keyOf(item);
      if (key) groups.set(key, [...(groups.get(key) ?? []), item]);
    }
  const moved = new Set<ScoredItem>();
  const formed: { key: string; group: ScoredItem[] }[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2 || !withinApart(group, maxApart)) continue;
    formed.push({ key, group });
    for (const item of group) moved.add(item);
  }
  if (formed.length === 0) return [...clusters];
  const left = clusters.map((c) => c.filter((item) => !moved.has(item))).filter((c) => c.length > 0);
  // A third party's words about the two sides, said while its leader meets one of them, are that
  // meeting's story: "Macron urges Xi Jinping 'to bring back Russia to reason'" and "Xi and Macron
  // call for Ukraine peace talks" (the training corpus's 2023-04-06). Only when one story of that
  // meeting is there to join; with two, nothing is guessed.
  const joined = new Set<ScoredItem[]>();
  for (const { key, group } of formed) {
    if (!key.startsWith('voice:')) continue;
    const voice = key.slice('voice:'.length);
    const met = [...left, ...formed.map((f) => f.group)].filter(
      (c) =>
        c !== group && !joined.has(c) && c.some((item) => meetsThirdParty(item, frames.get(item)!, voice)),
    );
    if (met.length !== 1 || !withinApart([...met[0]!, ...group], maxApart)) continue;
    met[0]!.push(...group);
    joined.add(group);
  }
  return [...left, ...formed.map((f) => f.group).filter((g) => !joined.has(g))];
}

/**
 * A report of one side meeting `party`, named with nobody else ("Xi and Macron call for …",
 * "France's Macron meets with Xi in China"); not a three-way event ("US, China, and Russia clash
 * over North Korea's missile launches at UN meeting").
 */
function meetsThirdParty(item: ScoredItem, frame: HeadlineFrame, party: string): boolean {
  return frame.meeting && !frame.commentary && visitOf(splitHeadline(item.title).main)?.third === party;
}

/** Whether the reports were published within `maxApart` of each other. */
function withinApart(items: readonly ScoredItem[], maxApart: number): boolean {
  const times = items
    .map((i) => (i.published ? Date.parse(i.published) : Number.NaN))
    .filter(Number.isFinite);
  return times.length < 2 || Math.max(...times) - Math.min(...times) <= maxApart;
}

/**
 * One side meeting a third state, named in the main clause with nobody else ("China Hosts President
 * of Belarus", "China, Belarus call for cease-fire"): the reports of that meeting are one story.
 */
function visitKey(main: string): string | undefined {
  const visit = visitOf(main);
  return visit ? `visit:${visit.side}:${visit.third}` : undefined;
}

/** The one side and the one third party a main clause names, when it names no one else. */
function visitOf(main: string): { side: string; third: string } | undefined {
  const mentions = findMentions(main);
  const sides = new Set(mentions.filter((m) => isSide(m.party)).map((m) => m.party));
  const thirds = new Set(mentions.filter((m) => m.party === 'third').map((m) => m.entity.label));
  if (sides.size !== 1 || thirds.size !== 1) return undefined;
  return { side: [...sides][0]!, third: [...thirds][0]! };
}

/**
 * A headline reporting words: a verb of saying, judging or asking, a quotation, or the speaker
 * after a colon ("China not 'impartial' actor in Russia-Ukraine war: White House").
 */
const STATEMENT =
  /\b(says?|said|urg(e|es|ed)|warn(s|ed|ings?)?|calls?|called|accus(e|es|ed)|reject(s|ed)?|dismiss(es|ed)?|slam(s|med)?|criticis(e|es|ed)|criticiz(e|es|ed)|condemn(s|ed)?|welcom(e|es|ed)|question(s|ed)?|doubt(s|ed)?|tells?|told|asks?|asked|press(es|ed)?|demand(s|ed)?|threaten(s|ed)?|vow(s|ed)?|den(y|ies|ied)|believ(e|es|ed)|fears?|feared|claim(s|ed)?|blam(e|es|ed)|insist(s|ed)?|think(s)?|sees?|rebuk(e|es|ed)|lectur(e|es|ed)|presses)\b|(?<!\p{L})['‘’"“”]\p{L}|:\s*\S/iu;

/** Words that join the names of a list of parties. */
const LIST_JOINS = /^(and|&|i|и|і|та|et|y|und)$/i;

/**
 * The headline opens with three or more parties, the two sides among them ("US, China, and Russia
 * clash over North Korea's missile launches"): a three-way event, not the third party's words about
 * the two sides.
 */
function listsThreeParties(main: string): boolean {
  const subject: string[] = [];
  let parties = 0;
  for (const word of main.split(/[\s,]+/).filter(Boolean)) {
    const named = findMentions(word).length > 0;
    if (!named && !LIST_JOINS.test(word)) break;
    if (named) parties++;
    subject.push(word);
  }
  return parties >= 3 && namesBothSides(subject.join(' '));
}

/** The two sides' joint words against a third party. */
const JOINT_STATEMENT =
  /\b(accus(e|es|ed)|criticis(e|es|ed)|criticiz(e|es|ed)|condemn(s|ed)?|slam(s|med)?|denounc(e|es|ed)|decr(y|ies|ied)|reject(s|ed)?|warn(s|ed)?|hit(s)? out|oppos(e|es|ed)|blast(s|ed)?|vow(s|ed)? to (respond|counter))\b/i;
/** Third parties a joint statement is aimed at, by anchor; a leader counts as his state. */
const STATEMENT_TARGETS = new Map([
  ['e:us', 'us'],
  ['e:trump', 'us'],
  ['e:biden', 'us'],
  ['e:nato', 'nato'],
  ['e:eu', 'eu'],
  ['e:g7', 'g7'],
  ['e:japan', 'japan'],
]);

/** Places and topics a report of the two leaders' meeting names besides the leaders themselves. */
const MEETING_CONTEXT = new Set([
  'e:xi',
  'e:putin',
  'e:moscow',
  'e:beijing',
  'e:kremlin',
  'e:ukraine',
  'e:red-square',
]);

/** A headline naming Xi and Putin and no other person, state or forum. */
function namesOnlyTheLeaders(title: string): boolean {
  const entities = [...storyAnchorsOf(title)].filter((a) => a.startsWith('e:'));
  return (
    entities.includes('e:xi') && entities.includes('e:putin') && entities.every((a) => MEETING_CONTEXT.has(a))
  );
}

function nearMeeting(meeting: Meeting, item: ScoredItem, maxApart: number): boolean {
  const at = item.published ? Date.parse(item.published) : Number.NaN;
  return !Number.isFinite(at) || meeting.times.some((t) => Math.abs(t - at) <= maxApart);
}

/** The meeting of this kind near the report's time (within `maxApart` of one of its reports), or a new one. */
function meetingOf(meetings: Meeting[], item: ScoredItem, call: boolean, maxApart: number): Meeting {
  const at = item.published ? Date.parse(item.published) : Number.NaN;
  let meeting = meetings.find(
    (m) =>
      m.call === call &&
      (!Number.isFinite(at) || m.times.length === 0 || m.times.some((t) => Math.abs(t - at) <= maxApart)),
  );
  if (!meeting) {
    meeting = { call, times: [], items: [] };
    meetings.push(meeting);
  }
  if (Number.isFinite(at) && !meeting.times.includes(at)) meeting.times.push(at);
  return meeting;
}

function clusterBySimilarity(items: readonly ScoredItem[], options: ClusterOptions): ScoredItem[][] {
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const mergeThreshold = options.mergeThreshold ?? DEFAULTS.mergeThreshold;
  const maxApart = (options.maxHoursApart ?? DEFAULTS.maxHoursApart) * 3_600_000;
  const maxSpan = (options.maxSpanHours ?? DEFAULTS.maxSpanHours) * 3_600_000;
  const { features } = describeItems(items);

  const order = [...features].sort(
    (a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY) || a.index - b.index,
  );
  const clusters: Cluster[] = [];
  const index = new PostingIndex();

  for (const f of order) {
    let best = -1;
    let bestScore = threshold;
    for (const c of index.candidates(f.keys)) {
      const cluster = clusters[c]!;
      if (!withinTime(f.at, f.at, cluster, maxApart, maxSpan)) continue;
      const score = similarity(f, cluster, options.wordsOnly === true);
      if (score >= bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ members: [], ...emptyCentroid() });
    }
    const cluster = clusters[best]!;
    cluster.members.push(f.index);
    addToCentroid(cluster, f);
    index.add(f.keys, best);
  }

  mergeClusters(clusters, features, index, mergeThreshold, maxApart, maxSpan, options.wordsOnly === true);

  return clusters
    .filter((c) => c.mergedInto === undefined)
    .map((c) => c.members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => members.map((i) => items[i]!));
}

/**
 * Second pass: clusters that grew apart only because of the order reports arrived in (two
 * paraphrase groups of one event) are merged when their centroids agree strongly.
 */
function mergeClusters(
  clusters: Cluster[],
  features: readonly ItemFeatures[],
  index: PostingIndex,
  threshold: number,
  maxApart: number,
  maxSpan: number,
  wordsOnly: boolean,
): void {
  const root = (i: number): number => {
    let r = i;
    while (clusters[r]!.mergedInto !== undefined) r = clusters[r]!.mergedInto!;
    return r;
  };
  // Larger clusters first: they absorb the fragments of their own event.
  const byMass = clusters
    .map((_, i) => i)
    .sort((a, b) => clusters[b]!.members.length - clusters[a]!.members.length || a - b);
  for (const i of byMass) {
    const cluster = clusters[i]!;
    if (cluster.mergedInto !== undefined) continue;
    const keys = new Set<number>();
    for (const m of cluster.members) for (const k of features[m]!.keys) keys.add(k);
    for (const c of index.candidates([...keys])) {
      const j = root(c);
      if (j === i) continue;
      const other = clusters[j]!;
      // A larger cluster had its own turn first; folding it in here would only repeat work.
      if (other.members.length > cluster.members.length) continue;
      if (!withinTime(other.first, other.last, cluster, maxApart, maxSpan)) continue;
      if (centroidSimilarity(cluster, other, wordsOnly) < threshold) continue;
      cluster.members.push(...other.members);
      for (const m of other.members) addToCentroid(cluster, features[m]!);
      other.members = [];
      other.mergedInto = i;
    }
  }
}

/** Feature id → clusters carrying it, newest last; candidates are ranked without a per-item map. */
class PostingIndex {
  private readonly postings = new Map<number, number[]>();
  private hits = new Float64Array(64);
  private readonly touched: number[] = [];

  add(keys: readonly number[], cluster: number): void {
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (!posting) this.postings.set(key, [cluster]);
      else if (posting[posting.length - 1] !== cluster) posting.push(cluster);
    }
  }

  /**
   * Clusters sharing keys, best first: each shared key adds its rarity, and only the top few
   * are compared in full. This bounds the work per item on large inputs.
   */
  candidates(keys: readonly number[]): number[] {
    const { touched } = this;
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (!posting) continue;
      const weight = 1 / Math.log(2 + posting.length);
      for (let k = posting.length - 1; k >= 0 && posting.length - k <= MAX_POSTINGS; k--) {
        const c = posting[k]!;
        if (c >= this.hits.length) this.grow(c);
        if (this.hits[c] === 0) touched.push(c);
        this.hits[c]! += weight;
      }
    }
    let out = touched.slice();
    if (out.length > MAX_CANDIDATES) {
      out = out.sort((a, b) => this.hits[b]! - this.hits[a]! || a - b).slice(0, MAX_CANDIDATES);
    }
    for (const c of touched) this.hits[c] = 0;
    touched.length = 0;
    return out;
  }

  private grow(minimum: number): void {
    const next = new Float64Array(Math.max(minimum + 1, this.hits.length * 2));
    next.set(this.hits);
    this.hits = next;
  }
}

function describeItems(items: readonly ScoredItem[]): { features: ItemFeatures[]; names: string[] } {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };

  const raw = items.map((item) => {
    const lead = item.summary?.trim() ? item.summary : (item.article?.text ?? item.content ?? '');
    const summary = lead.slice(0, SUMMARY_CHARS);
    const { main, background } = splitHeadline(item.title);
    const words = new Map<number, number>();
    for (const t of wordsOf(summary)) {
      const id = idOf(t);
      words.set(id, Math.min(2, (words.get(id) ?? 0) + 1));
    }
    for (const t of wordsOf(background)) {
      const id = idOf(t);
      words.set(id, Math.max(words.get(id) ?? 0, 1));
    }
    const titles = new Set<number>();
    for (const t of wordsOf(main)) {
      const id = idOf(t);
      words.set(id, Math.max(words.get(id) ?? 0, TITLE_WORD));
      if (!UBIQUITOUS.has(t)) titles.add(id);
    }
    const inMain = storyAnchorsOf(main);
    const all = new Set([...inMain, ...storyAnchorsOf(`${background}\n${summary}`)]);
    addCompoundAnchors(all);
    const anchors = new Map<number, number>();
    for (const a of all) anchors.set(idOf(a), inMain.has(a) ? 1 : BACKGROUND_WEIGHT);
    const published = item.published ? Date.parse(item.published) : Number.NaN;
    const frame = frameOfHeadline(item.title);
    return {
      voice: voiceOf(frame),
      words,
      titles,
      anchors,
      at: Number.isFinite(published) ? published : undefined,
      script: scriptOf(`${item.title} ${summary}`),
    };
  });

  const df = new Uint32Array(names.length);
  for (const r of raw) {
    for (const t of r.words.keys()) df[t]!++;
    for (const a of r.anchors.keys()) df[a]!++;
  }
  const n = items.length;
  const idf = (id: number) => Math.log(1 + n / Math.max(1, df[id]!));
  const maxIdf = Math.log(1 + n);
  // A feature in more than this many items is background, not an index key.
  const commonDf = Math.max(4, n * 0.2);
  const isShared = (id: number) => df[id]! >= 2 && df[id]! <= commonDf;
  const ubiquitous = (id: number) => UBIQUITOUS.has(names[id]!);

  const features = raw.map((r, index): ItemFeatures => {
    const words = new Map<number, number>();
    for (const [t, tf] of r.words) words.set(t, tf * idf(t) * (ubiquitous(t) ? 0.25 : 1));
    const titles = new Map<number, number>();
    for (const t of r.titles) titles.set(t, idf(t));
    // Anchors keep much of their weight however common they are in the run: on a summit day
    // "Xi, Putin, Beijing, talks" is exactly what makes the reports one story.
    const anchors = new Map<number, number>();
    const distinct = new Map<number, number>();
    for (const [a, place] of r.anchors) {
      const name = names[a]!;
      const weight = anchorWeight(name) * place * (0.4 + (0.6 * idf(a)) / maxIdf);
      anchors.set(a, weight);
      if (isDistinctive(name)) distinct.set(a, weight);
    }
    // Index keys: features shared with at least one other report (a feature seen once cannot
    // bring two reports together), the most telling first; headline words outrank summary words.
    const keys = [
      ...[...distinct.keys()].filter(isShared),
      ...[...words.entries()]
        .filter(([t]) => isShared(t) && !ubiquitous(t))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([t]) => t),
    ].slice(0, CANDIDATE_KEYS);
    // Reports of the leaders' meeting itself are also found through that anchor.
    for (const a of anchors.keys()) if (names[a]!.startsWith('x:')) keys.push(a);
    if (keys.length === 0) keys.push(...anchors.keys());
    const anchorsVector = toVector(anchors, df);
    return {
      index,
      voice: r.voice,
      ...(r.at !== undefined ? { at: r.at } : {}),
      script: r.script,
      words: toVector(words, df),
      titles: toVector(titles, df),
      anchors: anchorsVector,
      // Scaled like the anchors, so the centroid can tell what share of its anchors is distinctive.
      distinct: { ...toVector(distinct, df), norm: anchorsVector.norm },
      keys,
    };
  });
  return { features, names };
}

function toVector(weights: Map<number, number>, df: Uint32Array): Vector {
  const norm = normOf(weights);
  let unsharedSq = 0;
  for (const [k, w] of weights) {
    if (df[k]! > 1) continue;
    unsharedSq += w * w;
    weights.delete(k);
  }
  return { weights, norm, unsharedSq };
}

function anchorWeight(anchor: string): number {
  if (WEAK_ANCHORS.has(anchor)) return 0.8;
  if (MEETING_KINDS.has(anchor)) return 0.7;
  if (anchor.startsWith('e:') || anchor.startsWith('n:') || anchor.startsWith('x:')) return 1.5;
  return 1;
}

function isDistinctive(anchor: string): boolean {
  return !WEAK_ANCHORS.has(anchor) && !MEETING_KINDS.has(anchor) && !anchor.startsWith('x:');
}

/**
 * The anchors of a text that tell one event from another: distinctive ones, less dates (a day's
 * reports share its date whatever they are about) and a leader's country the leader implies (one
 * name, one anchor).
 */
export function eventAnchorsOf(text: string): string[] {
  return eventAnchors(storyAnchorsOf(text));
}

/**
 * The event anchors of a text among `wanted` (event anchors of other texts), read with only the
 * lexicon patterns of those: a fraction of the whole lexicon when a day's thousands of items are
 * compared with its relevant few. The same as eventAnchorsOf(text) cut to `wanted`, except that
 * figures are not read.
 */
export function eventAnchorsAmong(text: string, wanted: ReadonlySet<string>): string[] {
  // A leader whose country is wanted is read too: he makes that country an implied anchor.
  const leaders = new Set(IMPLIED.filter(([, country]) => wanted.has(country)).map(([person]) => person));
  const found = new Set<string>();
  for (const lexicon of [ANCHOR_LEXICON, POLISH_ANCHORS])
    for (const [id, re] of lexicon) if ((wanted.has(id) || leaders.has(id)) && re.test(text)) found.add(id);
  return eventAnchors(found).filter((a) => wanted.has(a));
}

function eventAnchors(anchors: ReadonlySet<string>): string[] {
  const implied = new Set(IMPLIED.filter(([person]) => anchors.has(person)).map(([, country]) => country));
  return [...anchors].filter((a) => isDistinctive(a) && !a.startsWith('d:') && !implied.has(a));
}

function withinTime(
  from: number | undefined,
  to: number | undefined,
  cluster: Centroid,
  maxApart: number,
  maxSpan: number,
): boolean {
  if (from === undefined || to === undefined || cluster.first === undefined || cluster.last === undefined)
    return true;
  if (to < cluster.first - maxApart || from > cluster.last + maxApart) return false;
  return Math.max(to, cluster.last) - Math.min(from, cluster.first) <= maxSpan;
}

/**
 * Cosine against the cluster centroid. Same-script reports blend words and anchors; across
 * scripts words cannot overlap, so the anchors decide (slightly discounted, since a shared set
 * of names is weaker evidence than shared wording).
 */
function similarity(f: ItemFeatures, cluster: Centroid, wordsOnly: boolean): number {
  const words = cosine(f.words.weights, f.words.norm, cluster.words, cluster.wordsNorm);
  const titles = cosine(f.titles.weights, f.titles.norm, cluster.titles, cluster.titlesNorm);
  if (wordsOnly || voicesClash(f.voice, cluster.voices)) return Math.max(words, TITLE_SHARE * titles);
  const anchors = cosine(f.anchors.weights, f.anchors.norm, cluster.anchors, cluster.anchorsNorm);
  return blend(Math.max(words, TITLE_SHARE * titles), anchors, !cluster.scripts.has(f.script));
}

/**
 * Between two clusters only the distinctive anchors count: two sub-events of one summit day
 * (an invitation, a peace plan) share the leaders, the place and the meeting, which must not
 * be enough to fold them together. Two reports of the meeting itself, with hardly any
 * distinctive anchor on either side, are compared on all anchors.
 */
function centroidSimilarity(a: Centroid, b: Centroid, wordsOnly: boolean): number {
  const words = cosine(a.words, a.wordsNorm, b.words, b.wordsNorm);
  const titles = cosine(a.titles, a.titlesNorm, b.titles, b.titlesNorm);
  if (wordsOnly || [...a.voices].every((v) => voicesClash(v, b.voices)))
    return Math.max(words, TITLE_SHARE * titles);
  const generic = (c: Centroid) => c.distinctSum < GENERIC_SHARE * c.anchorsSum;
  const anchors =
    generic(a) && generic(b)
      ? cosine(a.anchors, a.anchorsNorm, b.anchors, b.anchorsNorm)
      : cosine(a.distinct, a.distinctNorm, b.distinct, b.distinctNorm);
  const sharedScript = [...a.scripts].some((s) => b.scripts.has(s));
  return blend(Math.max(words, TITLE_SHARE * titles), anchors, !sharedScript);
}

/**
 * Whether a report's voice is foreign to a cluster's: another actor's move ("US wants tanks
 * in Ukraine faster as Putin meets Xi") and the two sides' own doings share the backdrop's
 * names, not an event, so only shared wording may join them; so do two other actors' moves
 * (an institute's assessment and a state's arms shipment, both pegged to one summit).
 */
function voicesClash(voice: Voice, voices: ReadonlySet<Voice>): boolean {
  if (voice === 'unknown' || voices.size === 0 || voices.has('unknown') || voices.has(voice)) return false;
  // An unnamed other actor may be any named one, and the reverse.
  if (voice === 'third') return ![...voices].some((v) => v.startsWith('third'));
  return !(voice.startsWith('third:') && voices.has('third'));
}

function voiceOf(frame: HeadlineFrame): Voice {
  if (!frame.known) return 'unknown';
  if (!frame.thirdParty) return 'side';
  return UNNAMED_THIRD.has(frame.thirdParty) ? 'third' : `third:${frame.thirdParty}`;
}

function blend(words: number, anchors: number, crossScript: boolean): number {
  if (crossScript) return 0.85 * anchors + 0.15 * words;
  return Math.max(words, WORD_SHARE * words + (1 - WORD_SHARE) * anchors);
}

function cosine(a: Map<number, number>, aNorm: number, b: Map<number, number>, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small) {
    const other = large.get(k);
    if (other !== undefined) dot += w * other;
  }
  return dot / (aNorm * bNorm);
}

function emptyCentroid(): Centroid {
  return {
    words: new Map(),
    wordsNorm: 0,
    titles: new Map(),
    titlesNorm: 0,
    anchors: new Map(),
    anchorsNorm: 0,
    anchorsSum: 0,
    distinct: new Map(),
    distinctNorm: 0,
    distinctSum: 0,
    scripts: new Set(),
    voices: new Set(),
  };
}

function addToCentroid(centroid: Centroid, f: ItemFeatures): void {
  centroid.scripts.add(f.script);
  centroid.voices.add(f.voice);
  if (f.at !== undefined) {
    centroid.first = Math.min(centroid.first ?? f.at, f.at);
    centroid.last = Math.max(centroid.last ?? f.at, f.at);
  }
  centroid.wordsNorm = addUnit(centroid.words, centroid.wordsNorm, f.words);
  centroid.titlesNorm = addUnit(centroid.titles, centroid.titlesNorm, f.titles);
  centroid.anchorsNorm = addUnit(centroid.anchors, centroid.anchorsNorm, f.anchors);
  centroid.distinctNorm = addUnit(centroid.distinct, centroid.distinctNorm, f.distinct);
  centroid.anchorsSum += sumOf(f.anchors);
  centroid.distinctSum += sumOf(f.distinct);
}

/** Adds the unit vector of `v` to a centroid sum and returns the new norm (updated, not recomputed). */
function addUnit(centroid: Map<number, number>, norm: number, v: Vector): number {
  if (v.norm === 0) return norm;
  let squared = norm * norm + v.unsharedSq / (v.norm * v.norm);
  for (const [k, w] of v.weights) {
    const old = centroid.get(k) ?? 0;
    const next = old + w / v.norm;
    centroid.set(k, next);
    squared += next * next - old * old;
  }
  return Math.sqrt(Math.max(0, squared));
}

function sumOf(v: Vector): number {
  if (v.norm === 0) return 0;
  let sum = 0;
  for (const w of v.weights.values()) sum += w;
  return sum / v.norm;
}

function normOf(weights: Map<number, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * The similarity the clustering sees between items `a` and `b` of `items` (features weighted
 * over all of `items`) and the features they share: for diagnosis and evaluation.
 */
export function explainSimilarity(
  items: readonly ScoredItem[],
  a: number,
  b: number,
): { score: number; titles: number; words: number; anchors: number; shared: string[] } {
  const { features, names } = describeItems(items);
  const fa = features[a]!;
  const fb = features[b]!;
  const centroid = emptyCentroid();
  addToCentroid(centroid, fb);
  const shared = [...fa.words.weights.keys(), ...fa.anchors.weights.keys()]
    .filter((k) => fb.words.weights.has(k) || fb.anchors.weights.has(k))
    .map((k) => names[k]!);
  return {
    score: similarity(fa, centroid, false),
    titles: cosine(fa.titles.weights, fa.titles.norm, centroid.titles, centroid.titlesNorm),
    words: cosine(fa.words.weights, fa.words.norm, centroid.words, centroid.wordsNorm),
    anchors: cosine(fa.anchors.weights, fa.anchors.norm, centroid.anchors, centroid.anchorsNorm),
    shared,
  };
}
