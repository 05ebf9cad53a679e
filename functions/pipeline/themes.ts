/**
 * The theme catalogue: what the reference documents (shared/seeds) say about China–Russia
 * relations, in our own words, with the indicator terms that place a story under each theme.
 * Indicators are English, Russian and Chinese; Russian ones are stems so inflected forms match.
 */
import type { ThemeId } from '../domain/types.ts';

export interface ThemeDefinition {
  id: ThemeId;
  title: string;
  /** One paragraph for readers. */
  description: string;
  /** What the reference documents establish as the picture on this theme. */
  baseline: string;
  /** Terms (regular-expression sources, case-insensitive) that place a story here, with weights. */
  indicators: readonly (readonly [string, number])[];
}

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: 'alliance-diplomacy',
    title: 'Partnership and summitry',
    description:
      'Meetings, calls and visits between Xi Jinping and Vladimir Putin and their governments, the language each side uses about the relationship, and the agreements signed.',
    baseline:
      'The two leaders meet and speak often and present their relationship as a strategic partnership with no upper limit. Their joint appearances are staged as a show of mutual backing against Western pressure, and formal statements stress coordination and respect for sovereignty.',
    indicators: [
      ['summit', 1],
      ['talks?', 0.8],
      ['(state |official )?visit(s|ed|ing)?', 0.8],
      ['meet(s|ing)?|met', 0.8],
      ['(phone|video) (call|talks)|calls?', 0.7],
      ['ties|relations(hip)?', 0.6],
      ['partnership', 0.9],
      ['partners?', 0.4],
      ['friend(s|ship)?', 0.8],
      ['no[- ]limits?', 1],
      ['alliance|allies|ally', 0.7],
      ['strategic (coordination|choice|partnership)', 1],
      ['hail(s|ed)?|prais(e|es|ed)|pledge(s|d)?|vow(s|ed)?|solidarity|unity', 0.6],
      ['invit(e|es|ed|ation)', 0.5],
      ['joint statement|declaration', 0.9],
      ['bilateral', 0.6],
      ['саммит|переговор|визит|встреч|партн[её]рств|отношени|дружб', 0.9],
      ['会谈|会晤|峰会|访问|伙伴|关系|友好|通电话', 0.9],
    ],
  },
  {
    id: 'multipolar-order',
    title: 'Multipolar order',
    description:
      'Joint efforts to challenge the Western-led international order: BRICS, the Shanghai Cooperation Organisation, reform of the UN, IMF and World Bank, and outreach to the Global South.',
    baseline:
      'Beijing and Moscow describe a shift to a multipolar world and use BRICS, the SCO and the UN Security Council to contest US leadership. They court Africa, the Middle East and Latin America as partners who want alternatives to Western institutions.',
    indicators: [
      ['brics', 1.2],
      ['sco|shanghai cooperation', 1.2],
      ['multipolar(ity)?', 1.2],
      ['(world|global|international) order', 1.1],
      ['global south|developing (countries|nations|economies)', 0.9],
      ['(un |u\\.n\\. )?security council|united nations', 0.7],
      ['imf|world bank|international monetary fund', 0.7],
      ['hegemon(y|ic)|unilateral(ism)?|us-led|u\\.s\\.-led|western-led|rules-based', 1],
      [
        'new world order|anti-western|anti-west|international justice|(alliance|bloc|united) against the (u\\.s\\.|us|west)|nato expansion|opposing nato|exceptionalism',
        1,
      ],
      ['БРИКС|ШОС|многополярн|миропорядок|гегемон', 1.1],
      ['金砖|上合|多极|世界秩序|霸权', 1.1],
    ],
  },
  {
    id: 'energy',
    title: 'Energy',
    description: 'Oil, gas, LNG, pipelines, nuclear and Arctic energy projects between Russia and China.',
    baseline:
      'Russia has redirected much of its oil and gas to Asia, with China among its largest buyers. Pipelines and long-term contracts bind the two economies, though China uses its buying power to press for favourable terms.',
    indicators: [
      ['oil|crude|barrels?', 1],
      ['gas|lng', 1],
      ['pipelines?', 1.1],
      ['power of siberia', 1.3],
      ['gazprom|rosneft|novatek|cnpc|sinopec|transneft|lukoil', 1],
      ['energy', 0.9],
      ['coal|nuclear (power|plant|fuel)|uranium|rosatom', 0.8],
      ['arctic lng|yamal|kovykta|gas field', 1],
      ['нефт|газ\\b|газа|газов|трубопровод|сила сибири|энерг|СПГ', 1.1],
      ['石油|天然气|管道|能源|液化天然气|西伯利亚力量', 1.1],
    ],
  },
  {
    id: 'trade-finance',
    title: 'Trade, sanctions and finance',
    description:
      'Trade flows, sanctions and their evasion, yuan and rouble settlement, de-dollarisation, and the banks and payment channels between the two economies.',
    baseline:
      'Trade has grown sharply since 2022 and China is Russia’s economic lifeline under Western sanctions. Both sides push settlement in yuan and roubles to reduce dependence on the dollar, while Chinese banks weigh the risk of secondary sanctions.',
    indicators: [
      ['trade|trading', 1],
      ['sanction(s|ed)?', 0.8],
      ['yuan|renminbi|rmb', 1.2],
      ['roubles?|rubles?', 1.1],
      ['de-?dollari[sz]ation|dollar', 1],
      ['banks?|lenders?|payments?|settlement|swift|cips', 1],
      ['exports?|imports?|trade surplus|trade deficit', 0.8],
      ['invest(ment|ments|ors)?|economic (ties|cooperation)|economy|economic', 0.6],
      ['cars?|machinery|goods|market', 0.5],
      ['торгов|товарооборот|санкци|юан|рубл|банк|платеж|доллар', 1.1],
      ['贸易|制裁|人民币|卢布|银行|结算|美元|进出口', 1.1],
    ],
  },
  {
    id: 'military',
    title: 'Military cooperation',
    description:
      'Joint exercises and patrols, arms and dual-use supplies, defence-industrial ties and military contacts.',
    baseline:
      'Joint drills, naval and bomber patrols and defence contacts have become more frequent. Both sides call the cooperation defensive, but it signals to the West that the balance of power is shifting; the exchange of dual-use goods is a persistent concern.',
    indicators: [
      ['military|militaries', 1],
      ['(joint )?(exercises?|drills?|war ?games)', 1.1],
      ['patrols?|naval|navy|warships?|flotilla|bombers?', 1.1],
      ['arms|weapons?|munitions?|artillery|shells|missiles?|drones?', 1],
      ['defen[cs]e (minister|ministry|industry|cooperation)|defen[cs]e', 0.8],
      ['dual-use|components|microelectronics', 0.9],
      ['troops|soldiers|army|parade', 0.7],
      ['военн|учени|армия|вооруж|оборон|патрул', 1.1],
      ['军事|演习|联合巡航|武器|国防|军队|阅兵', 1.1],
    ],
  },
  {
    id: 'ukraine-war',
    title: 'The war in Ukraine',
    description:
      'China’s stance on Russia’s war: its peace proposals and envoys, its refusal to condemn the invasion, and the support its economy gives to Russia’s war effort.',
    baseline:
      'China calls for talks and a ceasefire and presents itself as a neutral broker, while refusing to condemn the invasion. Its trade and supplies sustain Russia’s war economy, which Ukraine and the West see as a breach of neutrality.',
    indicators: [
      ['ukraine|ukrainian|kyiv|kiev|zelensky[iy]?|zelenskyy', 1.2],
      ['war|invasion|invade[ds]?|offensive|front ?line', 0.5],
      [
        'cease-?fire|truce|peace (plan|talks|proposal|deal|process|envoy)|position paper|mediat(e|ion|or)',
        1.1,
      ],
      ['envoy', 0.6],
      ['украин|киев|зеленск|войн|перемири|мирн', 1.1],
      ['乌克兰|基辅|泽连斯基|停火|和谈|战争', 1.1],
    ],
  },
  {
    id: 'asymmetry-limits',
    title: 'Imbalance and limits of the partnership',
    description:
      'China as the senior partner, Russia’s growing dependence, friction over prices and influence, and the points where Beijing holds back.',
    baseline:
      'China is by far the stronger economy and holds most of the leverage; Russia risks becoming a junior partner. Beijing avoids steps that would harm its trade with the West, and friction shows in stalled projects, hard bargaining and competition in Central Asia.',
    indicators: [
      ['junior partner|senior partner|vassal|subordinate|subservient', 1.4],
      ['dependen(ce|t|cy)|reliant|reliance|lifeline', 1.1],
      ['imbalance|unequal|asymmetr(y|ic)|lopsided', 1.3],
      ['leverage|bargaining|hard bargain', 1.1],
      ['caution|cautious|wary|reluctan(t|ce)|hesitan(t|cy)|keep(s|ing)? (its )?distance|distanc(e|ing)', 1],
      ['stall(s|ed)?|delay(s|ed)?|snag|dispute|friction|tension(s)?|rival(s|ry)?|compet(e|ition|itor)', 0.8],
      ['refus(e|es|ed|al)|reject(s|ed)?|evade(s|d)?|rebuff(s|ed)?|limits?|goldilocks|balancing act', 0.9],
      ['зависимост|младш|неравн|разноглас', 1.2],
      ['依赖|不平等|分歧|谨慎', 1.2],
    ],
  },
  {
    id: 'western-response',
    title: 'Western response',
    description:
      'How the United States, the EU, NATO and other Western governments respond to the alignment: warnings, secondary sanctions, export controls and assessments.',
    baseline:
      'Western governments treat the alignment as a challenge to the liberal international order. They answer with warnings to Beijing, sanctions on Chinese firms that supply Russia, export controls and support for allies, while trying not to push the two closer.',
    indicators: [
      ['u\\.?s\\.?|united states|america(n)?|washington|white house|pentagon|state department', 0.8],
      ['biden|trump|blinken|rubio|yellen|sullivan', 0.8],
      ['eu|european union|brussels|european commission|von der leyen', 0.9],
      ['nato|g7|g-7', 1.1],
      ['uk|britain|british|macron|scholz|germany|france|japan|mi6|cia', 0.6],
      ['warn(s|ed|ing)?|caution(s|ed)?|pressure|urge(s|d)?|accuse(s|d)?', 0.8],
      ['secondary sanctions|export controls?|blacklist|entity list|sanctions on chinese', 1.3],
      ['sanctions|sanctioned', 0.6],
      ['west|western', 0.4],
      ['США|Вашингтон|Евросоюз|НАТО|Запад', 0.9],
      ['美国|华盛顿|欧盟|北约|西方', 0.9],
    ],
  },
  {
    id: 'tech-infrastructure',
    title: 'Technology and infrastructure',
    description:
      'Belt and Road and other connectivity projects, ports, railways and the Northern Sea Route, space cooperation, and technology transfer.',
    baseline:
      'China’s Belt and Road and Digital Silk Road extend its reach across Eurasia, and Russia offers transit routes, ports and the Arctic passage. Cooperation in space and technology helps Russia work around Western restrictions but deepens its reliance on Chinese suppliers.',
    indicators: [
      ['belt and road|bri|silk road', 1.2],
      ['rail(ways?|roads?|links?)?|trains?|bridges?|ports?|logistics|transit|corridors?', 0.9],
      ['northern sea route|arctic (route|shipping|passage)|shipping', 1.1],
      ['space|lunar|moon|satellites?|glonass|beidou', 1.1],
      [
        'tech(nology|nologies)?|chips?|semiconductors?|huawei|quantum|telecom|5g|ai\\b|artificial intelligence',
        1,
      ],
      ['infrastructure|vladivostok|digital', 0.7],
      ['Северн\\w+ морск\\w+ пут|железн|порт|космос|технолог|полупроводник', 1.1],
      ['一带一路|北极航道|铁路|港口|航天|科技|芯片', 1.1],
    ],
  },
  {
    id: 'narrative-history',
    title: 'Narrative, memory and culture',
    description:
      'The shared story the two states tell: Second World War memory, state media cooperation, propaganda, and cultural exchange.',
    baseline:
      'State media in both countries present the partnership as a force for fairness and stability and frame it through shared wartime memory and opposition to “neo-Nazism” and hegemony. Cultural exchanges and media agreements reinforce the message at home.',
    indicators: [
      ['world war|wwii|ww2|second world war|victory day|victory over|anniversary', 1.1],
      ['history|historical|memory|rewrite(s)? history|revisionis(m|t)', 1],
      ['propaganda|state media|disinformation|narrative|media (cooperation|agreement)|news exchange', 1.1],
      ['culture|cultural|ballet|theat(re|er)|film|tourism|tourists|students|language|mandarin', 0.9],
      ['fascis(m|t)|nazi(s|sm)?', 1],
      ['победа|истори|пропаганд|культур|СМИ', 1.1],
      ['二战|胜利|历史|宣传|文化|媒体', 1.1],
    ],
  },
];

export function themeById(id: ThemeId): ThemeDefinition {
  const theme = THEMES.find((t) => t.id === id);
  if (!theme) throw new Error(`unknown theme ${id}`);
  return theme;
}
