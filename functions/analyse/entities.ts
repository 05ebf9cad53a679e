/**
 * The entity lexicon of the relevance classifier: who counts as "China", "Russia" or a third
 * party, in English, Russian and Chinese, and the other senses of the same words (a cricket XI,
 * Xi'an, Moscow in Idaho, a Moscow Mule) that must not count.
 *
 * Russian forms are stems so that inflected forms match (Китая, Пекине, Путиным). Chinese has
 * no word spaces, so its forms are matched without word boundaries. Everything is compiled once
 * at module load: `findMentions` allocates no patterns per call.
 */

export type Side = 'china' | 'russia';
export type Party = Side | 'both' | 'third' | 'ukraine';

/**
 * What kind of reference a mention is. Leaders and the seat of power make a story about the
 * state; a demonym can also describe a private person ("Russian skater"), which does not.
 */
export type EntityKind =
  | 'country'
  | 'people'
  | 'capital'
  | 'seat'
  | 'leader'
  | 'official'
  | 'organisation'
  | 'currency'
  | 'place'
  | 'project'
  | 'state';

export interface EntityDefinition {
  id: string;
  /** Display name used in reasons. */
  label: string;
  party: Party;
  kind: EntityKind;
  /** English regex sources, case-insensitive, matched as whole words. */
  en?: readonly string[];
  /** Russian regex sources (stems end in [а-яё]* so inflected forms match), case-insensitive. */
  ru?: readonly string[];
  /** Case-sensitive sources (acronyms, the name "Xi"), matched as whole words. */
  cased?: readonly string[];
  /** Chinese forms, matched anywhere. */
  zh?: readonly string[];
}

export const ENTITIES: readonly EntityDefinition[] = [
  // Named projects that are by definition between the two.
  {
    id: 'power-of-siberia',
    label: 'Power of Siberia',
    party: 'both',
    kind: 'project',
    en: ['power of siberia(?: ?-?2)?'],
    ru: ['сил[аыеу] сибири(?: ?-?2)?'],
    zh: ['西伯利亚力量'],
  },
  { id: 'sino-russian', label: 'Sino-Russian', party: 'both', kind: 'project', zh: ['中俄', '俄中'] },

  // China.
  {
    id: 'xi',
    label: 'Xi',
    party: 'china',
    kind: 'leader',
    en: ['xi jinping'],
    ru: ['си цзиньпин[а-яё]*'],
    // "Xi" is the leader only as a title-case name: not XI (a team, a numeral), not Xi'an.
    cased: ["Xi(?!['’]an)(?!-an)"],
    zh: ['习近平', '习主席'],
  },
  {
    id: 'china',
    label: 'China',
    party: 'china',
    kind: 'country',
    en: ["people['’]s republic of china", 'mainland china', 'china'],
    ru: ['кита(?:й|я|ю|ем|е)', 'поднебесн[а-яё]*', 'кнр'],
    cased: ['PRC'],
    zh: ['中华人民共和国', '中国', '中方'],
  },
  {
    id: 'chinese',
    label: 'Chinese',
    party: 'china',
    kind: 'people',
    en: ['chinese', 'sino(?=\\s?[-–‐‑])'],
    ru: ['китайск[а-яё]*', 'китайц[а-яё]*'],
  },
  {
    id: 'beijing',
    label: 'Beijing',
    party: 'china',
    kind: 'capital',
    en: ['beijing'],
    ru: ['пекин[а-яё]*'],
    zh: ['北京'],
  },
  {
    id: 'zhongnanhai',
    label: 'Zhongnanhai',
    party: 'china',
    kind: 'seat',
    en: ['zhongnanhai'],
    ru: ['чжуннаньха[а-яё]*'],
    zh: ['中南海'],
  },
  {
    id: 'ccp',
    label: 'Communist Party of China',
    party: 'china',
    kind: 'organisation',
    en: ['communist party of china', "people['’]s liberation army"],
    cased: ['CCP', 'CPC', 'PLA'],
    zh: ['中共', '解放军'],
  },
  {
    id: 'china-official',
    label: 'Chinese official',
    party: 'china',
    kind: 'official',
    en: [
      'wang yi',
      'li qiang',
      'qin gang',
      'li shangfu',
      'dong jun',
      'li hui',
      'han zheng',
      'zhao leji',
      'zhang youxia',
      'wang huning',
      'he lifeng',
      'wang wenbin',
      'mao ning',
      'lin jian',
    ],
    ru: ['ван и', 'ли цян[а-яё]*'],
    zh: ['王毅', '李强', '李辉', '外交部发言人'],
  },
  {
    id: 'china-company',
    label: 'Chinese state company or outlet',
    party: 'china',
    kind: 'organisation',
    en: [
      'cnpc',
      'sinopec',
      'cnooc',
      'petrochina',
      'xinhua',
      'cgtn',
      'cctv',
      'global times',
      "people['’]s daily",
      'bank of china',
      'icbc',
      'china development bank',
    ],
    ru: ['синьхуа'],
    zh: ['新华社', '中石油', '中石化'],
  },
  {
    id: 'yuan',
    label: 'yuan',
    party: 'china',
    kind: 'currency',
    en: ['yuan', 'renminbi'],
    ru: ['юан[а-яё]*'],
    cased: ['RMB'],
    zh: ['人民币'],
  },
  {
    id: 'china-place',
    label: 'Chinese border region',
    party: 'china',
    kind: 'place',
    en: ['harbin', 'heilongjiang', 'heihe', 'manzhouli', 'suifenhe'],
    ru: ['харбин[а-яё]*'],
    zh: ['哈尔滨', '黑龙江', '黑河', '满洲里'],
  },

  // Russia.
  {
    id: 'putin',
    label: 'Putin',
    party: 'russia',
    kind: 'leader',
    en: ['putin'],
    ru: ['путин[а-яё]*'],
    zh: ['普京', '普丁'],
  },
  {
    id: 'russia',
    label: 'Russia',
    party: 'russia',
    kind: 'country',
    en: ['russian federation', 'russia'],
    ru: ['росси(?:я|и|ю|ей|ею)', 'рф'],
    zh: ['俄罗斯联邦', '俄罗斯', '俄国', '俄方'],
  },
  {
    id: 'russian',
    label: 'Russian',
    party: 'russia',
    kind: 'people',
    en: ['russians?', 'russo(?=\\s?[-–‐‑])'],
    ru: ['российск[а-яё]*', 'россиян[а-яё]*', 'русск[а-яё]*'],
    // A lone 俄 abbreviates Russia in compounds (俄军, 俄乌); the longer forms above win first.
    zh: ['俄'],
  },
  {
    id: 'moscow',
    label: 'Moscow',
    party: 'russia',
    kind: 'capital',
    en: ['moscow'],
    ru: ['москв[а-яё]*', 'московск[а-яё]*'],
    zh: ['莫斯科'],
  },
  {
    id: 'kremlin',
    label: 'Kremlin',
    party: 'russia',
    kind: 'seat',
    en: ['kremlin'],
    ru: ['кремл[а-яё]*'],
    zh: ['克里姆林宫', '克宫'],
  },
  {
    id: 'russia-official',
    label: 'Russian official',
    party: 'russia',
    kind: 'official',
    en: [
      'lavrov',
      'mishustin',
      'shoigu',
      'belousov',
      'peskov',
      'ushakov',
      'zakharova',
      'dmitry medvedev',
      'siluanov',
      'nabiullina',
      'alexander novak',
      'alexei miller',
      'igor sechin',
      'manturov',
      'ryabkov',
      'gerasimov',
    ],
    ru: [
      'лавров[а-яё]*',
      'мишустин[а-яё]*',
      'шойгу',
      'белоусов[а-яё]*',
      'песков[а-яё]*',
      'ушаков[а-яё]*',
      'захаров[а-яё]*',
    ],
    zh: ['拉夫罗夫', '米舒斯京', '绍伊古', '佩斯科夫', '别洛乌索夫'],
  },
  {
    id: 'russia-company',
    label: 'Russian state company or outlet',
    party: 'russia',
    kind: 'organisation',
    en: [
      'gazprom',
      'rosneft',
      'novatek',
      'lukoil',
      'transneft',
      'rosatom',
      'roscosmos',
      'rostec',
      'rosoboronexport',
      'sberbank',
      'vtb',
      'tass',
      'ria novosti',
      'state duma',
    ],
    ru: [
      'газпром[а-яё]*',
      'роснефт[а-яё]*',
      'новатэк[а-яё]*',
      'росатом[а-яё]*',
      'роскосмос[а-яё]*',
      'сбербанк[а-яё]*',
      'госдум[а-яё]*',
    ],
    zh: ['俄气', '俄油', '塔斯社'],
  },
  {
    id: 'rouble',
    label: 'rouble',
    party: 'russia',
    kind: 'currency',
    en: ['roubles?', 'rubles?'],
    ru: ['рубл[а-яё]*'],
    zh: ['卢布'],
  },
  {
    id: 'russia-place',
    label: 'Russian region',
    party: 'russia',
    kind: 'place',
    en: ['siberian?', 'vladivostok', 'sakhalin', 'yamal', 'blagoveshchensk', 'khabarovsk'],
    ru: ['сибир[а-яё]*', 'владивосток[а-яё]*'],
    zh: ['西伯利亚', '符拉迪沃斯托克', '海参崴'],
  },

  // The war: Ukraine is the other party of Russia's war, not a third party in a list.
  {
    id: 'ukraine',
    label: 'Ukraine',
    party: 'ukraine',
    kind: 'state',
    en: ['ukrain(?:e|ian|ians)', 'kyiv', 'kiev', 'zelensk(?:y|yy|iy)'],
    ru: ['украин[а-яё]*', 'киев[а-яё]*'],
    zh: ['乌克兰', '基辅', '泽连斯基'],
  },

  // Third parties: states whose presence changes what a co-mention means.
  {
    id: 'united-states',
    label: 'United States',
    party: 'third',
    kind: 'state',
    en: [
      'united states',
      'u\\.s\\.(?:a\\.)?',
      'america',
      'american',
      'americans',
      'washington',
      'white house',
      'pentagon',
      'biden',
      'trump',
      'blinken',
      'rubio',
    ],
    ru: ['сша', 'вашингтон[а-яё]*'],
    cased: ['US', 'USA'],
    zh: ['美国', '美方', '华盛顿', '拜登', '特朗普'],
  },
  {
    id: 'europe',
    label: 'EU',
    party: 'third',
    kind: 'state',
    en: ['european union', 'european commission', 'brussels', 'europe', 'european', 'europeans'],
    ru: ['евросоюз[а-яё]*'],
    cased: ['EU'],
    zh: ['欧盟'],
  },
  { id: 'nato', label: 'NATO', party: 'third', kind: 'state', en: ['nato'], ru: ['нато'], zh: ['北约'] },
  {
    id: 'india',
    label: 'India',
    party: 'third',
    kind: 'state',
    en: ['india', 'indian', 'indians', 'modi', 'new delhi'],
    ru: ['инди[а-яё]*'],
    zh: ['印度', '莫迪'],
  },
  {
    id: 'north-korea',
    label: 'North Korea',
    party: 'third',
    kind: 'state',
    en: ['north korean?s?', 'pyongyang', 'kim jong[- ]un', 'dprk'],
    ru: ['кндр'],
    cased: ['Kim'],
    zh: ['朝鲜', '金正恩'],
  },
  {
    id: 'iran',
    label: 'Iran',
    party: 'third',
    kind: 'state',
    en: ['iran', 'iranian', 'tehran'],
    ru: ['иран[а-яё]*'],
    zh: ['伊朗'],
  },
  {
    id: 'other-state',
    label: 'another state',
    party: 'third',
    kind: 'state',
    en: [
      'britain',
      'british',
      'u\\.k\\.',
      'united kingdom',
      'japan',
      'japanese',
      'tokyo',
      'south korean?',
      'seoul',
      'taiwan(?:ese)?',
      'taipei',
      'germany',
      'german',
      'berlin',
      'france',
      'french',
      'paris',
      'macron',
      'turkey',
      'turkish',
      'erdogan',
      'israel',
      'israeli',
      'saudi arabia',
      'saudi',
      'brazil',
      'brazilian',
      'south africa',
      'pakistan',
      'pakistani',
      'kazakhstan',
      'uzbekistan',
      'central asia',
      'mongolia',
      'mongolian',
      'belarus',
      'lukashenko',
      'syria',
      'myanmar',
      'vietnam',
      'philippines',
      'australia',
      'australian',
      'canada',
      'canadian',
      'sri lanka',
      'egypt',
      'argentina',
      'venezuela',
      'cuba',
      'serbia',
      'hungary',
      'orban',
      'poland',
      'polish',
      'finland',
      'sweden',
      'norway',
      'armenia',
      'azerbaijan',
      'afghanistan',
      'indonesia',
      'thailand',
      'malaysia',
      'singapore',
      'bangladesh',
      'nepal',
      'mexico',
      'italy',
      'spain',
      'czech',
      'baltic',
      'lithuania',
      'latvia',
      'estonia',
      'georgia',
    ],
    cased: ['UK'],
    zh: ['日本', '英国', '德国', '法国', '台湾', '韩国'],
  },
];

/**
 * Phrases that use the words in another sense. Masked before entities are looked for. Sources
 * use only non-capturing groups: the masker tells the senses apart by capture group.
 */
export const OTHER_SENSES: readonly { label: string; en: string; cased?: boolean }[] = [
  { label: "Xi'an, a city", en: "xi['’`]?an" },
  { label: 'XI, a team or a numeral', en: 'XI', cased: true },
  { label: 'Moscow, Idaho', en: 'moscow,? (?:idaho|id)' },
  { label: 'a cocktail', en: '(?:moscow|kyiv) mules?' },
  { label: 'a zoo or a circus', en: 'moscow (?:zoo|circus|state circus)' },
  { label: 'porcelain', en: '(?:fine|bone) china|china (?:cabinet|plates?|teacups?|dolls?)' },
  { label: 'a newspaper name', en: 'south china morning post|moscow times' },
  {
    label: 'a custom, a dish or a neighbourhood',
    en: 'chinese new year|lunar new year|spring festival|chinese (?:food|takeaway|restaurants?|medicine|zodiac|checkers|whispers|lanterns?)|russian (?:roulette|dolls?|salad|dressing|tea|river|hill)|china (?:town|grove|beach)|china eastern|china southern|air china|great wall of china',
  },
  {
    label: 'a sporting fixture',
    en: 'beijing (?:games|olympics?|2022|winter olympics)|china open|russian open',
  },
];

/** One mention of an entity: offsets into the text it was found in. */
export interface Mention {
  entity: EntityDefinition;
  party: Party;
  start: number;
  end: number;
  text: string;
}

const HAS_CYRILLIC = /[а-яё]/i;
const HAS_CJK = /[\u3400-\u9fff]/;

/** Regex source for English terms: whole words, ASCII boundaries (fast, and enough for English). */
export function englishSource(alternatives: string): string {
  return `\\b(?:${alternatives})(?![a-z0-9])`;
}
/** Regex source for Russian terms: a word start; stems carry their own open endings. */
export function russianSource(alternatives: string): string {
  return `(?<![а-яёa-z0-9])(?:${alternatives})`;
}

/**
 * A set of terms in three languages compiled once. Russian and Chinese patterns only run when
 * the text contains those scripts, which keeps the common English case cheap.
 */
export interface TermPattern {
  test(text: string): boolean;
  /** The first matching text, if any. */
  find(text: string): string | undefined;
}

/** Regex sources of one term group, by language. */
export interface TermSpec {
  en?: string;
  ru?: string;
  zh?: string;
  cased?: string;
}

export function compileTerms(spec: TermSpec): TermPattern {
  const en = spec.en ? new RegExp(englishSource(spec.en), 'i') : undefined;
  const ru = spec.ru ? new RegExp(russianSource(spec.ru), 'i') : undefined;
  const zh = spec.zh ? new RegExp(spec.zh) : undefined;
  const cased = spec.cased ? new RegExp(`\\b(?:${spec.cased})(?![A-Za-z0-9])`) : undefined;
  const find = (text: string): string | undefined => {
    const m =
      en?.exec(text) ??
      cased?.exec(text) ??
      (ru && HAS_CYRILLIC.test(text) ? ru.exec(text) : null) ??
      (zh && HAS_CJK.test(text) ? zh.exec(text) : null);
    return m?.[0];
  };
  return {
    test: (text) =>
      (en?.test(text) ?? false) ||
      (cased?.test(text) ?? false) ||
      (ru !== undefined && HAS_CYRILLIC.test(text) && ru.test(text)) ||
      (zh !== undefined && HAS_CJK.test(text) && zh.test(text)),
    find,
  };
}

/** Many term groups matched in one pass per script: which of them occur in a text. */
export interface TermSet {
  /** Indices (into the specs it was compiled from) of the groups found in the text. */
  found(text: string): Set<number>;
  /** The text with every occurrence of any group blanked out (same length, offsets kept). */
  mask(text: string): string;
}

function alternation(
  specs: readonly TermSpec[],
  key: keyof TermSpec,
): { body: string; index: number[] } | undefined {
  const groups: string[] = [];
  const index: number[] = [];
  specs.forEach((spec, i) => {
    const source = spec[key];
    if (!source) return;
    groups.push(`(${source})`);
    index.push(i);
  });
  return groups.length > 0 ? { body: groups.join('|'), index } : undefined;
}

export function compileTermSet(specs: readonly TermSpec[]): TermSet {
  const build = (key: keyof TermSpec, wrap: (b: string) => string, flags: string) => {
    const alt = alternation(specs, key);
    return alt ? { re: new RegExp(wrap(alt.body), flags), index: alt.index } : undefined;
  };
  const en = build('en', englishSource, 'gi');
  const cased = build('cased', (b) => `\\b(?:${b})(?![A-Za-z0-9])`, 'g');
  const ru = build('ru', russianSource, 'gi');
  const zh = build('zh', (b) => b, 'g');
  const scan = (part: { re: RegExp; index: number[] } | undefined, text: string, into: Set<number>) => {
    if (!part) return;
    part.re.lastIndex = 0;
    for (let m = part.re.exec(text); m !== null; m = part.re.exec(text)) {
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          into.add(part.index[g - 1] ?? -1);
          break;
        }
      }
      if (m[0].length === 0) part.re.lastIndex++;
    }
  };
  const blank = (part: { re: RegExp } | undefined, text: string) =>
    part ? text.replace(part.re, (m) => ' '.repeat(m.length)) : text;
  return {
    mask(text) {
      if (!text) return text;
      let out = blank(cased, blank(en, text));
      if (HAS_CYRILLIC.test(out)) out = blank(ru, out);
      if (HAS_CJK.test(out)) out = blank(zh, out);
      return out;
    },
    found(text) {
      const into = new Set<number>();
      if (!text) return into;
      scan(en, text, into);
      scan(cased, text, into);
      if (HAS_CYRILLIC.test(text)) scan(ru, text, into);
      if (HAS_CJK.test(text)) scan(zh, text, into);
      return into;
    },
  };
}

interface Alternation {
  re: RegExp;
  /** Capture group i+1 belongs to owners[i]. */
  owners: EntityDefinition[];
}

function compileAlternation(
  pick: (e: EntityDefinition) => readonly string[] | undefined,
  wrap: (body: string) => string,
  flags: string,
): Alternation {
  const owners: EntityDefinition[] = [];
  const groups: string[] = [];
  for (const entity of ENTITIES) {
    const sources = pick(entity);
    if (!sources || sources.length === 0) continue;
    owners.push(entity);
    groups.push(`(${sources.join('|')})`);
  }
  return { re: new RegExp(wrap(groups.join('|')), flags), owners };
}

const LEXICON = {
  en: compileAlternation((e) => e.en, englishSource, 'gi'),
  cased: compileAlternation(
    (e) => e.cased,
    (b) => `\\b(?:${b})(?![A-Za-z0-9])`,
    'g',
  ),
  ru: compileAlternation(
    (e) => e.ru,
    (b) => `${russianSource(b)}(?![а-яё])`,
    'gi',
  ),
  zh: compileAlternation(
    (e) => e.zh,
    (b) => b,
    'g',
  ),
};

const OTHER_SENSE_INSENSITIVE = OTHER_SENSES.filter((sense) => !sense.cased);
const OTHER_SENSE_RE = new RegExp(
  `\\b(?:${OTHER_SENSE_INSENSITIVE.map((sense) => `(${sense.en})`).join('|')})(?![A-Za-z0-9])`,
  'gi',
);
const OTHER_SENSE_CASED = OTHER_SENSES.filter((sense) => sense.cased);
const OTHER_SENSE_CASED_RE = new RegExp(
  `\\b(?:${OTHER_SENSE_CASED.map((sense) => `(${sense.en})`).join('|')})(?![A-Za-z0-9])`,
  'g',
);
/** "Moscow" in a text that also names Idaho is the university town. */
const IDAHO = /\bidaho\b/i;
const MOSCOW = /\bmoscow\b/gi;

/**
 * Replaces other-sense phrases with spaces of the same length (offsets stay valid) and says
 * which ones were found.
 */
export function maskOtherSenses(text: string): { text: string; senses: string[] } {
  const senses: string[] = [];
  const blank =
    (senseList: readonly { label: string }[]) =>
    (m: string, ...groups: unknown[]) => {
      const g = groups.findIndex((x) => typeof x === 'string');
      senses.push(`${m.trim()}: ${senseList[g]?.label ?? 'another sense'}`);
      return ' '.repeat(m.length);
    };
  let out = text.replace(OTHER_SENSE_RE, blank(OTHER_SENSE_INSENSITIVE));
  out = out.replace(OTHER_SENSE_CASED_RE, blank(OTHER_SENSE_CASED));
  if (IDAHO.test(out)) {
    out = out.replace(MOSCOW, (m) => {
      senses.push(`${m}: Moscow, Idaho`);
      return ' '.repeat(m.length);
    });
  }
  return { text: out, senses };
}

function collect({ re, owners }: Alternation, text: string, into: Mention[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] === undefined) continue;
      const owner = owners[g - 1];
      if (owner) {
        into.push({
          entity: owner,
          party: owner.party,
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
        });
      }
      break;
    }
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Every entity mention in the text, in order, without overlaps (the earlier, longer one wins). */
export function findMentions(text: string): Mention[] {
  const found: Mention[] = [];
  collect(LEXICON.en, text, found);
  collect(LEXICON.cased, text, found);
  if (HAS_CYRILLIC.test(text)) collect(LEXICON.ru, text, found);
  if (HAS_CJK.test(text)) collect(LEXICON.zh, text, found);
  if (found.length > 1) found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** True for the two sides of the relationship (a joint project counts for both). */
export function isSide(party: Party): party is Side | 'both' {
  return party === 'china' || party === 'russia' || party === 'both';
}
