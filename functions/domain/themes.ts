/**
 * The theme catalogue: the ten theme ids of CONTRACTS.md, each with its title, a reader-facing
 * description and a baseline: what the reference documents in shared/seeds establish on the
 * theme, in the project's own words. Baselines are background, never printed as today's news.
 */
import type { ThemeId } from './types.ts';

export interface ThemeInfo {
  id: ThemeId;
  title: string;
  /** One paragraph for readers. */
  description: string;
  /** What the reference documents establish on this theme, in the project's own words. */
  baseline: string;
  /**
   * The baseline as one short, complete noun phrase with no year in it, to say what the day does
   * to it: "Today's reports qualify the established picture of <picture>."
   */
  picture: string;
  /**
   * The words that restate the picture: praise, pledges and solidarity (the partnership, trade,
   * energy…), friction and limits (the limits themselves: "Russia has become more dependent on
   * China" bears them out), or neither (the West's answers, the war).
   */
  restatedBy: 'praise' | 'friction' | 'neither';
}

export const THEME_CATALOGUE: readonly ThemeInfo[] = [
  {
    id: 'alliance-diplomacy',
    title: 'Partnership and summitry',
    description:
      'Meetings, calls and visits between Xi Jinping and Vladimir Putin and between their governments, the words each side chooses for the relationship, and the agreements and joint statements they sign.',
    baseline:
      'Our reading of the reference material: the two presidents meet and talk often and call their bond a strategic partnership "without limits". Joint appearances are staged to show mutual backing under Western pressure, and their statements stress coordination and non-interference in each other’s affairs.',
    picture: 'frequent summits and a declared partnership “without limits”',
    restatedBy: 'praise',
  },
  {
    id: 'multipolar-order',
    title: 'Challenge to the Western-led order',
    description:
      'How Beijing and Moscow work together to reshape international institutions: BRICS and the Shanghai Cooperation Organisation, reform of the UN, IMF and World Bank, and their courting of the Global South.',
    baseline:
      'Both capitals talk of a shift to a multipolar world and want to dilute Western weight in the UN, the IMF and the World Bank. They pitch their pairing to governments across the Global South, from African and Latin American capitals to the Gulf, that feel shut out of Western-run institutions.',
    picture: 'a joint push to reshape the Western-led order and its institutions',
    restatedBy: 'praise',
  },
  {
    id: 'energy',
    title: 'Energy',
    description:
      'Russian oil, gas and coal sold to China, the pipelines that carry them, LNG and Arctic projects, nuclear power, and the prices the two sides bargain over.',
    baseline:
      'According to the reference documents Russia has redirected much of the crude and gas it once sold to Europe towards Asian buyers, and China has become one of its biggest customers. Pipelines and long contracts tie the two economies together, though Beijing uses its weight as a buyer to press for good terms.',
    picture: 'Russian fuel turned towards China under long contracts, on terms Beijing bargains hard over',
    restatedBy: 'praise',
  },
  {
    id: 'trade-finance',
    title: 'Trade, sanctions and finance',
    description:
      'Trade between the two economies, Western sanctions and the ways around them, settlement in yuan and roubles, de-dollarisation, and the banks and payment channels that carry the money.',
    baseline:
      'As the seed documents describe it, trade has soared since 2022 and China has become Russia’s main economic outlet under sanctions. Both push payments in their own currencies to shrink the dollar’s role, while Chinese banks weigh the danger of being caught by secondary sanctions.',
    picture: 'commerce that has grown under Western restrictions and moved into the two currencies',
    restatedBy: 'praise',
  },
  {
    id: 'military',
    title: 'Military cooperation',
    description:
      'Joint exercises and patrols, arms sales and dual-use supplies, defence-industry links, and contacts between the two militaries and defence ministries.',
    baseline:
      'The reference documents report more frequent joint drills and a growing exchange of defence technology. Both capitals call the cooperation defensive, yet observers read it as a signal to the West that the military balance is moving; dual-use supplies to Russia are a recurring worry.',
    picture: 'more frequent joint drills and defence-technology exchange that both sides call defensive',
    restatedBy: 'praise',
  },
  {
    id: 'ukraine-war',
    title: 'The war in Ukraine',
    description:
      'China’s position on Russia’s war against Ukraine: its peace proposals and envoys, its refusal to condemn the invasion, and the goods and money from China that keep Russia’s war economy running.',
    baseline:
      'In the reference documents China asks for talks and a ceasefire and casts itself as a neutral peace-broker, yet it has never condemned the invasion. Its trade and supplies help sustain Russia’s war effort, which Kyiv and Western capitals treat as a breach of that claimed neutrality.',
    picture: 'China as a self-declared neutral peace-broker whose trade helps sustain Russia’s war effort',
    restatedBy: 'neither',
  },
  {
    id: 'asymmetry-limits',
    title: 'Imbalance and limits of the partnership',
    description:
      'China as the stronger partner and Russia’s growing dependence on it, friction over prices and influence, competition in Central Asia and the Arctic, and the points where Beijing holds back.',
    baseline:
      'The seed texts agree that China’s far larger economy gives it most of the leverage, so Russia risks ending up as the junior partner. Beijing is careful not to hurt its business with the West, and the strain shows in slow projects, tough haggling and rivalry for influence in Central Asia.',
    picture: 'China as the stronger partner and Russia at risk of becoming the junior one',
    restatedBy: 'friction',
  },
  {
    id: 'western-response',
    title: 'Western response',
    description:
      'How the United States, the EU, NATO, the G7 and their allies answer the alignment: warnings to Beijing, sanctions on Chinese suppliers of Russia, export controls, and intelligence and policy assessments.',
    baseline:
      'In the reference texts Western capitals see the alignment as a challenge to the liberal order. Their answers are warnings to Beijing, sanctions on Chinese firms that supply Russia, export controls and support for partners, while trying not to push the two even closer together.',
    picture: 'Western warnings to Beijing, sanctions on Chinese suppliers of Russia and export controls',
    restatedBy: 'neither',
  },
  {
    id: 'tech-infrastructure',
    title: 'Technology and infrastructure',
    description:
      'The Belt and Road and Digital Silk Road, railways, bridges, ports and the Northern Sea Route, cooperation in space and satellites, and the transfer of technology and equipment.',
    baseline:
      'The reference documents describe how China’s Belt and Road and Digital Silk Road reach across Eurasia while Russia offers land corridors, ports and the Arctic sea lane. Work together on space, telecoms and technology helps Russia get round Western restrictions but makes it lean harder on Chinese suppliers.',
    picture:
      'Eurasian transport corridors, Arctic shipping and technology ties that help Russia round Western restrictions',
    restatedBy: 'praise',
  },
  {
    id: 'narrative-history',
    title: 'Narrative, memory and culture',
    description:
      'The story the two states tell together: memory of the Second World War, state media cooperation, propaganda and information campaigns, and cultural and people-to-people exchange.',
    baseline:
      'The reference texts show state media in both countries casting the partnership as a just and stabilising influence on world affairs, anchored in shared Second World War memory and a common stand against "neo-Nazism" and hegemony. Cultural programmes and media deals carry that message to home audiences.',
    picture: 'state media casting the partnership as a stabilising force rooted in shared history',
    restatedBy: 'praise',
  },
];

/**
 * The theme of every meeting and pledge between the two sides: the others are facets of it, so it
 * is the one a report falls under by default and the one it takes beside a facet only when strong.
 */
export const BROAD_THEME: ThemeId = 'alliance-diplomacy';

const BY_ID = new Map<ThemeId, ThemeInfo>(THEME_CATALOGUE.map((t) => [t.id, t]));

export function themeById(id: ThemeId): ThemeInfo {
  const theme = BY_ID.get(id);
  if (!theme) throw new Error(`unknown theme ${id}`);
  return theme;
}
