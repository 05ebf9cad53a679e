/**
 * The indicator terms that place a story under each theme of domain/themes.ts, in English,
 * Russian and Chinese.
 *
 * Indicators are compiled once here. English terms match whole words; Russian terms are stems
 * (open-ended, so inflected forms match); Chinese terms match anywhere. Counter-indicators are
 * phrases that use a theme's words as background ("amid the war in Ukraine") rather than subject.
 */
import type { ThemeId } from '#domain/types.ts';
import { compileTerms, type TermPattern, type TermSpec } from './entities.ts';

export interface ThemeIndicator {
  /** Short human-readable name of the term group, used in reasons and tests. */
  label: string;
  weight: number;
  /** The regex sources by language, for callers that compile many indicators together. */
  terms: TermSpec;
  pattern: TermPattern;
}

export interface ThemeDefinition {
  id: ThemeId;
  indicators: readonly ThemeIndicator[];
  /** Phrases that mention the theme's words as background; each subtracts its weight. */
  counterIndicators?: readonly ThemeIndicator[];
  /** Labels of indicators of which at least one must occur for the theme to apply. */
  anchors?: readonly string[];
  /**
   * A generic theme (the partnership itself) gives way to a specific one that scores clearly
   * higher ("sign deal for gas pipeline" is about energy, not about summitry), unless one of
   * these indicators occurs in the headline (a call, talks, a visit: the contact is the news).
   */
  generic?: { keptByTitle: readonly string[] };
}

/**
 * One indicator from English words (whole words), Russian stems, Chinese terms, and
 * case-sensitive forms (acronyms such as US that are ordinary words in lower case).
 */
function term(
  label: string,
  weight: number,
  en: string,
  ru?: string,
  zh?: string,
  cased?: string,
): ThemeIndicator {
  const terms: TermSpec = { en, ...(ru ? { ru } : {}), ...(zh ? { zh } : {}), ...(cased ? { cased } : {}) };
  return { label, weight, terms, pattern: compileTerms(terms) };
}

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: 'alliance-diplomacy',
    generic: { keptByTitle: ['summit', 'talks', 'visit', 'meeting', 'call'] },
    indicators: [
      term('summit', 1, 'summits?|summitry', 'саммит', '峰会'),
      term('talks', 0.8, 'talks|negotiations|conversation', 'переговор', '会谈|会晤|会见'),
      term(
        'visit',
        0.9,
        '(?:state |official )?visit(?:s|ed|ing)?|trip|hosts?|hosted|welcome[sd]?',
        'визит|посет',
        '访问|国事访问',
      ),
      term('meeting', 0.8, 'meet(?:s|ing|ings)?|met', 'встреч', '会面'),
      term('call', 0.7, '(?:phone|video) (?:call|talks|link)|calls?', 'телефонн|видеосвяз', '通电话|视频'),
      term('ties', 0.7, 'ties|relations(?:hip)?|bond', 'отношени', '关系'),
      term(
        'partnership',
        1,
        'partnership|strategic partner|no[- ]limits?|without limits',
        'партн[её]рств|стратегическ',
        '伙伴|全面战略协作',
      ),
      term(
        'friendship',
        0.9,
        'friend(?:s|ship)?|bromance|comrades?|brotherhood',
        'дружб|друг',
        '友好|友谊|老朋友',
      ),
      term('alliance', 0.7, 'alliance|allies|ally|axis|alignment|aligned|entente', 'союз', '同盟|盟友'),
      term(
        'rapport',
        0.7,
        'hail(?:s|ed)?|prais(?:e|es|ed|ing)|solidarity|unity|side by side|embrace[sd]?|warm',
        'солидарн|единств',
        '团结',
      ),
      term(
        'pledge',
        0.6,
        'pledge[sd]?|vow(?:s|ed)?|promise[sd]?|reaffirm(?:s|ed)?|invit(?:e|es|ed|ation)',
        'обещ|пригла',
        '承诺|邀请',
      ),
      term(
        'agreement',
        0.8,
        'joint statement|declaration|treaty|(?:sign(?:s|ed|ing)?) (?:a |an |the )?(?:deal|agreements?|pact|accords?)',
        'совместн[а-яё]* заявлени|деклараци|договор',
        '联合声明|签署',
      ),
      term(
        'bilateral',
        0.6,
        'bilateral|counterpart|strategic (?:coordination|choice)',
        'двусторонн',
        '双边|两国',
      ),
    ],
  },
  {
    id: 'multipolar-order',
    indicators: [
      term('BRICS', 1.3, 'brics', 'брикс', '金砖'),
      term(
        'SCO',
        1.3,
        'sco|shanghai cooperation organi[sz]ation|shanghai summit',
        'шос',
        '上合|上海合作组织',
      ),
      term('multipolar', 1.3, 'multipolar(?:ity)?|multi-polar', 'многополярн', '多极'),
      term(
        'world order',
        1.2,
        '(?:world|global|international) order|global governance|new era in international relations',
        'миропоряд|мировой порядок',
        '世界秩序|国际秩序|全球治理',
      ),
      term(
        'Global South',
        1,
        'global south|developing (?:countries|nations|economies)|emerging (?:economies|markets)',
        'глобальн[а-яё]* юг',
        '全球南方|发展中国家',
      ),
      term(
        'UN',
        0.7,
        '(?:un |u\\.n\\. )?security council|united nations|un general assembly',
        'совбез|оон',
        '联合国|安理会',
      ),
      term(
        'IMF and World Bank',
        0.8,
        'imf|world bank|international monetary fund|bretton woods',
        'мвф|всемирн[а-яё]* банк',
        '国际货币基金组织|世界银行',
      ),
      term(
        'hegemony',
        1.1,
        'hegemon(?:y|ic)|unilateral(?:ism)?|us-led|u\\.s\\.-led|western-led|western-dominated|rules-based|exceptionalism|anti-western|anti-west|(?:bloc|front|united) against the (?:u\\.s\\.|us|west)',
        'гегемон|однополярн',
        '霸权|单边主义',
      ),
      term(
        'international justice',
        0.9,
        'international justice|sovereignty|non-interference|interference in (?:internal|domestic) affairs',
        'суверенитет',
        '主权|不干涉内政',
      ),
      term(
        'NATO expansion',
        0.9,
        'nato expansion|expansion of nato|opposing nato|bloc confrontation',
        'расширени[а-яё]* нато',
        '北约东扩',
      ),
      term(
        'Africa, Middle East, Latin America',
        0.6,
        'africa|african|latin america|middle east',
        'африк|латинск',
        '非洲|拉美|中东',
      ),
    ],
  },
  {
    id: 'energy',
    indicators: [
      term('oil', 1.1, 'oil|crude|barrels?|refiner(?:y|ies)|petroleum', 'нефт', '石油|原油'),
      term(
        'gas',
        1.1,
        'gas|natural gas|lng|liquefied natural gas',
        'газ(?!ет)|спг',
        '天然气|液化天然气|燃气',
      ),
      term(
        'pipeline',
        1.2,
        'pipelines?|power of siberia(?: ?-?2)?|soyuz vostok',
        'трубопровод|газопровод|нефтепровод|сил[а-яё]* сибири',
        '管道|管线|西伯利亚力量',
      ),
      term(
        'energy companies',
        1,
        'gazprom|rosneft|novatek|lukoil|transneft|cnpc|sinopec|cnooc|petrochina',
        'газпром|роснефт|новатэк',
        '中石油|中石化|俄气',
      ),
      term('energy', 0.9, 'energy|fuel|power supplies', 'энерг|топлив', '能源'),
      term(
        'coal and nuclear',
        0.9,
        'coal|nuclear (?:power|plant|reactor|fuel)|uranium|rosatom',
        'угол|угля|аэс|росатом',
        '煤炭|核电',
      ),
      term(
        'Arctic energy',
        1.1,
        'arctic lng(?: ?-?2)?|yamal(?: lng)?|kovykta|chayanda|gas field|oil field|price cap',
        'ямал|ковыкт|месторожден',
        '亚马尔|北极液化',
      ),
    ],
    counterIndicators: [
      term('figurative energy', 0.9, 'new energy vehicles?|energy drinks?|gas station|tear gas|gaslighting'),
    ],
  },
  {
    id: 'trade-finance',
    indicators: [
      term(
        'trade',
        1.1,
        'trade|trading|trade turnover|commerce|commercial',
        'торгов|товарооборот',
        '贸易|经贸|进出口',
      ),
      term(
        'yuan and rouble',
        1.2,
        'yuan|renminbi|rmb|roubles?|rubles?|national currencies|local currencies',
        'юан|рубл|национальн[а-яё]* валют',
        '人民币|卢布|本币',
      ),
      term(
        'de-dollarisation',
        1.2,
        'de-?dollari[sz]ation|ditch(?:es|ing)? the dollar|(?:us |u\\.s\\. )?dollar|bypass(?:ing)? the dollar',
        'дедолларизац|доллар',
        '去美元化|美元',
      ),
      term(
        'banks and payments',
        1.1,
        'banks?|lenders?|lending|loans?|payments?|settlements?|swift|cips|credit|financ(?:e|ial|ing)',
        'банк|платеж|расчет|расчёт|кредит',
        '银行|支付|结算|金融',
      ),
      term(
        'exports and imports',
        0.9,
        'exports?|imports?|exporters?|importers?|shipments?|goods|cargo|supply chains?|trade surplus|trade deficit',
        'экспорт|импорт|поставк',
        '出口|进口',
      ),
      term(
        'economic ties',
        1.6,
        'economic (?:ties|cooperation|co-operation|partnership|relations|links|integration)',
        'экономическ[а-яё]* (?:сотрудничеств|связ|партн[её]рств|отношени)',
        '经贸合作|经济合作',
      ),
      term('economy', 0.6, 'econom(?:y|ic|ies)', 'экономи', '经济'),
      term(
        'investment',
        0.8,
        'invest(?:ment|ments|ors|ing|s)?|firms|companies|business(?:es)?',
        'инвестиц|компани',
        '投资|企业',
      ),
      term(
        'sanctions evasion',
        1,
        'sanctions? evasion|evad(?:e|es|ing) sanctions|circumvent(?:ing)? sanctions|sanctions-busting|parallel imports',
        'обход[а-яё]* санкц',
        '规避制裁',
      ),
      term('sanctions', 0.7, 'sanction(?:s|ed)?', 'санкци', '制裁'),
      term(
        'market and goods',
        0.6,
        'market|cars?|automakers?|machinery|consumer goods|electronics|marketplace',
        'рын|автомоб',
        '市场|汽车',
      ),
    ],
    counterIndicators: [
      term(
        'background sanctions',
        0.6,
        '(?:amid|under|despite|after|following) (?:the |western |international )?sanctions',
      ),
    ],
  },
  {
    id: 'military',
    indicators: [
      term(
        'military',
        1,
        'military|militaries|defen[cs]e (?:minister|ministry|industry|ties|cooperation|technolog(?:y|ies))|armed forces',
        'военн|оборон|вооружен',
        '军事|国防|军队',
      ),
      term('exercises', 1.2, 'exercises?|drills?|war ?games|manoeuvres|maneuvers', 'учени', '演习|军演'),
      term(
        'patrols',
        1.2,
        'patrols?|naval|navy|navies|warships?|flotilla|fleet|bombers?|fighter jets?|aircraft carriers?',
        'патрул|флот|корабл|бомбардировщик',
        '巡航|巡逻|海军|军舰|轰炸机',
      ),
      term(
        'weapons',
        1.1,
        'arms|arming|weapons?|munitions?|ammunition|artillery|shells|missiles?|drones?|hypersonic|tanks|firearms',
        'оружи|вооружени|снаряд|ракет|беспилотн|дрон',
        '武器|弹药|导弹|无人机',
      ),
      term(
        'dual-use goods',
        1.1,
        'dual-use|components|microelectronics|machine tools|chips for (?:weapons|missiles|drones)',
        'двойного назначения',
        '军民两用',
      ),
      term(
        'troops and parades',
        0.8,
        'troops|soldiers|army|parade|military parade|generals?|pla',
        'войск|армия|армии|парад',
        '阅兵|部队',
      ),
    ],
  },
  {
    id: 'ukraine-war',
    indicators: [
      term(
        'Ukraine',
        1.3,
        'ukraine|ukrainian|ukrainians|kyiv|kiev|zelensk(?:y|yy|iy)|donbas|crimea',
        'украин|киев|зеленск|донбасс|крым',
        '乌克兰|基辅|泽连斯基|顿巴斯|克里米亚',
      ),
      term(
        'war',
        0.8,
        'war|invasion|invade[ds]?|offensive|front ?line|battlefield|war effort|war economy|war machine|war crimes',
        'войн|вторжени|спецоперац|сво',
        '战争|冲突|特别军事行动',
      ),
      term(
        'peace plan',
        1.2,
        'cease-?fire|truce|peace (?:plan|talks|proposal|deal|process|initiative|envoy|summit)|position paper|12-point|mediat(?:e|es|ed|ion|or|ing)|negotiated (?:settlement|end)|end (?:to|of) the war',
        'перемири|мирн[а-яё]* (?:план|переговор|инициатив)|урегулировани',
        '停火|和谈|和平计划|劝和促谈|政治解决',
      ),
      term(
        'neutrality',
        1,
        'neutral(?:ity)?|complicit|complicity|diplomatic cover|refus(?:e|es|ed|al) to condemn|not condemn|pro-russian stance',
        'нейтрал',
        '中立',
      ),
      term(
        'envoy',
        0.7,
        'envoy|special representative|li hui',
        'спецпредставител|посланник',
        '特使|特别代表',
      ),
      term(
        'nuclear threats',
        0.9,
        'nuclear (?:attack|threats?|weapons? in ukraine|escalation)|atomic threats',
        'ядерн[а-яё]* угроз',
        '核威胁',
      ),
    ],
    // A bare "war" may be a trade war, Gaza or the Cold War: the theme needs something Ukrainian.
    anchors: ['Ukraine', 'peace plan', 'neutrality', 'nuclear threats'],
    counterIndicators: [
      term(
        'background war',
        1,
        "(?:amid|since|after|despite|during|over|following|because of|in the face of) (?:the |russia['’]s |moscow['’]s |its |a |two |three )?(?:years? (?:of|into) (?:the )?)?(?:full-scale |ongoing |brutal )?(?:ukraine |ukrainian )?(?:war|wars|invasion|conflict)(?: (?:in|on|against|with) ukraine)?(?: and gaza)?|russia-ukraine war (?:[-–—] )?(?:latest|live)",
      ),
    ],
  },
  {
    id: 'asymmetry-limits',
    indicators: [
      term(
        'junior partner',
        1.5,
        'junior partner|senior partner|younger brother|vassal(?:age)?|subordinate|subservient|client state|colony|appendage',
        'младш[а-яё]* партн|вассал|сырьев[а-яё]* придат',
        '小伙伴|附庸',
      ),
      term(
        'dependence',
        1.2,
        'dependen(?:ce|t|cy)|over-?reliant|reliant|reliance|rely on|lifeline|lifeblood|hooked on',
        'зависимост|зависим',
        '依赖',
      ),
      term(
        'imbalance',
        1.4,
        'imbalance|unequal|asymmetr(?:y|ic|ical)|lopsided|one-sided|uneven|dominant partner|upper hand',
        'неравн|асимметр|дисбаланс',
        '不对称|不平衡|不平等',
      ),
      term(
        'leverage',
        1.2,
        'leverage|bargaining(?: power)?|hard bargain|drive[sn]? a hard|haggl(?:e|ing)|squeez(?:e|es|ing)|discount(?:s|ed)?',
        'торг|рычаг|скидк',
        '筹码|讨价还价|折扣',
      ),
      term(
        'caution',
        1.1,
        'caution|cautious(?:ly)?|wary|warily|reluctan(?:t|ce)|hesitan(?:t|cy)|hedg(?:e|es|ing)|keep(?:s|ing)? (?:its )?distance|distanc(?:e|es|ing)|holds? back|cool(?:s|ed)? on|balancing act|limits? of',
        'осторожн|дистанц',
        '谨慎|保持距离',
      ),
      term(
        'friction',
        0.9,
        'stall(?:s|ed)?|delay(?:s|ed)?|snags?|dispute[sd]?|friction|tensions?|strains?|rift|rivals?|rivalry|compet(?:e|es|ing|ition|itor)|distrust|mistrust|suspicion|sphere of influence|backyard',
        'разноглас|трени|соперни|конкуренц|недовери',
        '分歧|摩擦|竞争|不信任',
      ),
      term(
        'refusal',
        0.9,
        'refus(?:e|es|ed|al)|reject(?:s|ed)?|evade[sd]?|rebuff(?:s|ed)?|snub(?:s|bed)?|turn(?:s|ed)? away|decline[sd]? to|reserved',
        'отказ',
        '拒绝',
      ),
    ],
  },
  {
    id: 'western-response',
    indicators: [
      term(
        'United States',
        0.9,
        'u\\.s\\.|united states|america|american|washington|white house|pentagon|state department|treasury|congress|senators?|lawmakers',
        'сша|вашингтон|америк',
        '美国|华盛顿|美方',
        'US|USA',
      ),
      term(
        'US officials',
        0.9,
        'biden|trump|blinken|rubio|yellen|sullivan|austin|burns|harris|vance|hegseth',
        'байден|трамп|блинкен',
        '拜登|特朗普|布林肯',
      ),
      term(
        'EU',
        1,
        'eu|european union|european commission|brussels|von der leyen|kallas|borrell',
        'евросоюз|еврокомисси|брюссел',
        '欧盟',
      ),
      term('NATO and G7', 1.2, 'nato|g7|g-7|g20|stoltenberg|rutte', 'нато|g7', '北约|七国集团'),
      term(
        'Western governments',
        0.7,
        'uk|britain|british|mi6|cia|macron|scholz|merz|starmer|sunak|germany|france|japan|kishida|australia|five eyes|west|western|allies',
        'запад',
        '西方|英国|日本',
      ),
      term(
        'warnings',
        0.9,
        'warn(?:s|ed|ing|ings)?|urge[sd]?|pressure[sd]?|press(?:es|ed)?|accuse[sd]?|accusations?|condemn(?:s|ed)?|rebuke[sd]?|threaten(?:s|ed)?|alarm(?:ed)?|consequences|says? (?:china|beijing)',
        'предупрежд|обвин|призыв',
        '警告|指责|施压',
      ),
      term(
        'secondary sanctions',
        1.4,
        'secondary sanctions|export controls?|blacklist(?:s|ed)?|entity list|sanctions? on chinese|(?:targets?|sanctions?|penali[sz]es?) (?:\\w+ )?chinese (?:firms|companies|entities|banks)|chinese (?:firms|companies|entities) (?:with|supplying|helping|linked)',
        'вторичн[а-яё]* санкц|экспортн[а-яё]* контрол',
        '次级制裁|出口管制|实体清单',
      ),
      term(
        'sanctions',
        0.7,
        'sanctions?|sanctioned|restrict(?:s|ions|ed)?|ban(?:s|ned)?|tariffs?',
        'санкци|ограничени',
        '制裁|限制',
      ),
      term(
        'assessments',
        0.8,
        'intelligence|assessment|officials say|report(?:s|ed)? says|strategy|think tank|analysts',
        'разведк',
        '情报',
      ),
    ],
    counterIndicators: [
      term(
        'background sanctions or order',
        0.9,
        '(?:amid|under|after|despite|following|because of|in the face of|bypass(?:ing)?|evad(?:e|ing)|circumvent(?:ing)?|weather(?:ing)?|since) (?:the |western |us |u\\.s\\. |eu |international |ukraine-related )*(?:sanctions|restrictions|condemnation|isolation)|western-dominated|us-led|u\\.s\\.-led|western-led|(?:us|u\\.s\\.|american|western) (?:hegemony|exceptionalism|dominance|unilateralism)|hegemonic|nato expansion|opposing nato|against the (?:west|u\\.s\\.|us)',
      ),
    ],
    anchors: [
      'United States',
      'US officials',
      'EU',
      'NATO and G7',
      'Western governments',
      'secondary sanctions',
    ],
  },
  {
    id: 'tech-infrastructure',
    indicators: [
      term(
        'Belt and Road',
        1.3,
        'belt and road|bri|silk road|digital silk road|connectivity',
        'пояс[а-яё]* и пут|шелков',
        '一带一路|丝绸之路',
      ),
      term(
        'railways and bridges',
        1.1,
        'rail(?:ways?|roads?|links?|line)?|trains?|bridges?|highways?|roads|corridors?|transit|logistics|freight',
        'железн|мост|транзит|логистик|коридор',
        '铁路|大桥|口岸|物流|过境',
      ),
      term(
        'ports and sea routes',
        1.1,
        'ports?|harbou?rs?|northern sea route|arctic (?:route|shipping|passage|sea lane)|shipping lanes?|sea route',
        'северн[а-яё]* морск[а-яё]* пут|порт|севморпут',
        '北极航道|北方航道|港口',
      ),
      term(
        'space',
        1.2,
        'space|lunar|moon|satellites?|spaceport|cosmodrome|glonass|beidou|roscosmos|rockets?',
        'космос|космич|луна|луны|спутник',
        '航天|月球|卫星|空间站',
      ),
      term(
        'technology',
        1.1,
        'tech|technolog(?:y|ies|ical)|chips?|semiconductors?|microchips?|huawei|quantum|telecoms?|telecommunications|5g|artificial intelligence|\\bai\\b|software|internet|cyber(?:space)?|digital|electronics',
        'технолог|полупроводник|микросхем|чип|цифров',
        '科技|技术|芯片|半导体|数字|人工智能',
      ),
      term(
        'infrastructure',
        0.8,
        'infrastructure|construction|build(?:s|ing)?|project(?:s)?',
        'инфраструктур|строительств',
        '基础设施|建设',
      ),
      term(
        'Russian Far East',
        0.7,
        'far east|vladivostok|blagoveshchensk|heihe|harbin|border crossing',
        'дальн[а-яё]* восток|владивосток',
        '远东|海参崴|黑河',
      ),
    ],
  },
  {
    id: 'narrative-history',
    indicators: [
      term(
        'Second World War',
        1.2,
        'world war (?:ii|two|2)|wwii|ww2|second world war|great patriotic war|victory day|victory over|anniversary|80th anniversary|commemorat(?:e|es|ed|ion)',
        'победы|победа|великой отечественной|годовщин',
        '二战|胜利日|抗战|纪念',
      ),
      term(
        'history',
        1.1,
        'history|historical|historic truth|memory|memories|rewrit(?:e|es|ing) history|revisionis(?:m|t)|empire|soviet',
        'истори|памят',
        '历史|记忆',
      ),
      term(
        'propaganda',
        1.2,
        'propaganda|state media|state tv|disinformation|misinformation|narratives?|tropes?|media (?:cooperation|agreement|exchange)|news exchange|talking points|information war|censorship',
        'пропаганд|сми|дезинформац|нарратив',
        '宣传|官方媒体|虚假信息|叙事',
      ),
      term(
        'culture',
        1,
        'culture|cultural|ballet|theat(?:re|er)|films?|cinema|music|concerts?|tourism|tourists|students|language|mandarin|russian language|festival|people-to-people|exchanges?',
        'культур|балет|театр|туризм|туристы|студент',
        '文化|芭蕾|旅游|留学|人文交流',
      ),
      term(
        'anti-fascism',
        1.1,
        'fascis(?:m|t)|nazi(?:s|sm)?|neo-nazi(?:s|sm)?|militarism',
        'фашиз|нацизм|неонацизм',
        '法西斯|纳粹|军国主义',
      ),
      term(
        'public opinion',
        0.9,
        'public opinion|sentiment|nationalis(?:m|t)|social media|weibo|online|pro-russian|pro-china|pro-kremlin',
        'общественн[а-яё]* мнени',
        '民意|微博|舆论',
      ),
    ],
  },
];

const BY_ID = new Map<ThemeId, ThemeDefinition>(THEMES.map((t) => [t.id, t]));

/** The indicator rules of one theme. */
export function themeRules(id: ThemeId): ThemeDefinition {
  const theme = BY_ID.get(id);
  if (!theme) throw new Error(`unknown theme ${id}`);
  return theme;
}
