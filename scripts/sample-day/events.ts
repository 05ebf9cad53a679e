/**
 * The China–Russia reporting of the sample day: ten events, each told by several outlets with
 * their own framing, some in Russian and Chinese. Written for the project (fictional outlets,
 * plausible events); `make-sample-day.ts` turns it into feeds and article pages.
 */

export type OutletId =
  | 'meridian'
  | 'ledger'
  | 'capital'
  | 'eurasia'
  | 'courier'
  | 'vestnik'
  | 'huaxia'
  | 'ribao'
  | 'harbour'
  | 'steppe'
  | 'search';

export interface Report {
  outlet: OutletId;
  slug: string;
  title: string;
  summary: string;
  /** Hours before the recording time. */
  hoursAgo: number;
  author?: string;
  paragraphs: string[];
  /** Carry the whole text in the feed (content:encoded / JSON content_html). */
  fullTextInFeed?: boolean;
  /** No page is served for this link (HTTP 404). */
  missingPage?: boolean;
  /** The page shows a teaser and a subscription wall. */
  paywalled?: boolean;
}

const CALL = [
  'Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on Sunday, agreeing to expand cooperation in energy, trade and finance, according to statements from both governments.',
  'The Kremlin said the two leaders discussed long-term supplies of oil and pipeline gas and instructed their governments to prepare new agreements before a planned visit by Putin to China next year.',
  'Xi told Putin that China and Russia should deepen strategic coordination and jointly oppose unilateral sanctions and interference in their internal affairs, Chinese state media reported.',
  'Putin said trade between the two countries had again reached a record and that more than 95 percent of it was now settled in roubles and yuan.',
  'The call was the leaders’ third conversation this year. Neither readout mentioned the war in Ukraine in detail, although the Kremlin said Putin had briefed Xi on the situation.',
  'Western officials have repeatedly warned Beijing against supplying components that Russia can use in its war effort, and the European Union is preparing further measures against Chinese firms.',
];

const POS2 = [
  'Negotiations between Gazprom and China National Petroleum Corporation on the Power of Siberia 2 pipeline have stalled over the price of gas, three people familiar with the talks said.',
  'Beijing is pressing for a price close to Russia’s subsidised domestic level, while Moscow wants terms similar to those of the first Power of Siberia line, which began deliveries in 2019.',
  'The 2,600-kilometre pipeline would carry up to 50 billion cubic metres a year from western Siberia to northern China through Mongolia, replacing part of the volumes Russia once sold to Europe.',
  'Analysts say the impasse shows how much leverage China has gained as Russia’s options for selling gas have narrowed since 2022.',
  'Gazprom did not respond to a request for comment. CNPC said it did not comment on commercial negotiations.',
];

const BANKS = [
  'Several large Chinese banks have stopped accepting payments from Russian companies, even in yuan, as fears of US secondary sanctions grow, Russian importers and bankers said.',
  'Importers say transfers now take weeks and often pass through small regional banks or third countries, adding commissions of up to 5 percent.',
  'Russia’s finance ministry says the share of the yuan and the rouble in trade with China has risen above 90 percent, but payment delays have weighed on bilateral trade, which fell in the first ten months of the year.',
  'The difficulties highlight the limits of the partnership: Chinese lenders remain wary of losing access to the dollar system.',
];

const PATROL = [
  'Chinese and Russian warships and bombers conducted a joint patrol over the Sea of Japan and the western Pacific on Sunday, the two countries’ defence ministries said.',
  'The patrol involved six warships and four strategic bombers and was the ninth such joint patrol since 2019, according to the Russian defence ministry.',
  'Japan and South Korea scrambled fighter jets as the aircraft approached their air defence identification zones, and Tokyo said it had conveyed serious concerns through diplomatic channels.',
  'China’s defence ministry said the patrol was part of an annual cooperation plan, was not aimed at any third party and had nothing to do with the current international situation.',
  'US officials said they were monitoring the patrol and described the growing military cooperation between Beijing and Moscow as a concern for the region.',
];

const CEASEFIRE = [
  'China’s special envoy for Eurasian affairs said Beijing supported any proposal that could lead to a ceasefire in Ukraine, but stopped short of endorsing the latest plan put forward by European governments.',
  'Speaking after talks in Moscow, the envoy said all parties’ legitimate security concerns should be taken into account, language that echoes Russia’s position.',
  'Ukrainian officials said China could play a useful role only if it stopped the flow of dual-use goods to Russia’s defence industry.',
  'Beijing has never condemned Russia’s invasion and presents itself as a neutral party while keeping close economic ties with Moscow.',
];

const SANCTIONS = [
  'The European Union and the United States announced sanctions on 19 Chinese and Hong Kong companies accused of supplying Russia with machine tools, drones parts and microelectronics used in weapons.',
  'The measures freeze the companies’ assets and bar European and American firms from doing business with them. Washington warned that banks facilitating such trade could face secondary sanctions.',
  'China’s foreign ministry said it firmly opposed the sanctions, calling them illegal unilateral measures, and said it would take necessary steps to protect the rights of Chinese companies.',
  'Officials said China supplies the bulk of the foreign-made components found in Russian missiles and drones recovered in Ukraine.',
];

const NSR = [
  'Russia’s Rosatom and a Chinese shipping group signed an agreement to run year-round container voyages on the Northern Sea Route from 2027, the companies said.',
  'The deal foresees the construction of five ice-class container ships at Chinese yards and a joint venture to operate them.',
  'The Arctic route cuts the sailing time between Shanghai and St Petersburg by about two weeks compared with the Suez Canal, but ice conditions limit it to a few months a year today.',
];

const CARS = [
  'Chinese brands now account for more than half of new cars sold in Russia, up from less than ten percent before 2022, industry data show.',
  'Russian manufacturers complain that they cannot compete, and Moscow has raised the recycling fee on imported cars to protect domestic production.',
  'Economists say the figures show Russia’s growing dependence on Chinese machinery, electronics and vehicles, while China buys mainly Russian oil, gas and coal.',
];

const BRICS = [
  'Foreign ministers of the BRICS group met in Rio de Janeiro, where China’s Wang Yi and Russia’s Sergei Lavrov called for reform of the International Monetary Fund and the UN Security Council.',
  'Lavrov said the group would expand work on payment systems that do not depend on Western currencies. Wang said BRICS should be a force for a more just and multipolar world order.',
  'Several members, including India and Brazil, urged caution about turning the group into an anti-Western bloc.',
];

const MEMORY = [
  'Chinese and Russian state broadcasters signed an agreement to co-produce documentaries about the Second World War and to exchange news content, marking a "year of media cooperation".',
  'Officials said the films would tell the story of the two nations’ sacrifices in the war against fascism and counter what they called the falsification of history in the West.',
  'The agreement extends a 2021 deal under which the two countries’ state media exchange news and social media content.',
];

export const REPORTS: Report[] = [
  // E1: the video call
  {
    outlet: 'meridian',
    slug: 'xi-putin-video-call-energy',
    title: 'Xi and Putin agree to expand energy cooperation in video call',
    summary: CALL[0]!,
    hoursAgo: 20,
    author: 'Anna Kowalski',
    paragraphs: [CALL[0]!, CALL[1]!, CALL[2]!, CALL[3]!, CALL[4]!, CALL[5]!],
  },
  {
    outlet: 'capital',
    slug: 'putin-xi-call-sanctions',
    title: 'Putin and Xi hold call as West weighs new sanctions on Chinese suppliers',
    summary:
      'The leaders spoke for more than an hour as Europe prepares measures against Chinese firms accused of helping Russia’s war machine.',
    hoursAgo: 18,
    author: 'James Whitfield',
    paragraphs: [
      CALL[0]!,
      CALL[5]!,
      CALL[4]!,
      'Analysts in Washington said the call was a signal that Beijing would not distance itself from Moscow despite the pressure.',
      CALL[3]!,
    ],
  },
  {
    outlet: 'courier',
    slug: 'putin-xi-talks-record-trade',
    title: 'Putin, Xi hail record trade in "warm and friendly" conversation',
    summary:
      'The Russian and Chinese leaders praised the state of relations and agreed to prepare new energy agreements.',
    hoursAgo: 19,
    paragraphs: [
      'President Vladimir Putin and President Xi Jinping held a warm and friendly conversation by video link, the Kremlin press service said.',
      CALL[3]!,
      CALL[1]!,
      'Kremlin spokesman Dmitry Peskov said relations between Moscow and Beijing were at the best level in their history and were not directed against third countries.',
    ],
  },
  {
    outlet: 'huaxia',
    slug: 'xi-putin-strategic-coordination',
    title: 'Xi holds video talks with Putin, calls for deeper strategic coordination',
    summary:
      'President Xi Jinping said China and Russia should firmly support each other and oppose unilateral sanctions.',
    hoursAgo: 19,
    paragraphs: [
      'Chinese President Xi Jinping held video talks with Russian President Vladimir Putin on Sunday.',
      CALL[2]!,
      'Xi said the China-Russia comprehensive strategic partnership of coordination for a new era had maintained a high level of development, and the two sides should expand practical cooperation in energy, trade and connectivity.',
      'Putin said Russia firmly adhered to the one-China principle and was ready to work with China to promote a multipolar world.',
    ],
  },
  {
    outlet: 'ribao',
    slug: 'xi-putin-shipin-huiwu',
    title: '习近平同普京举行视频会晤',
    summary: '国家主席习近平同俄罗斯总统普京举行视频会晤，双方同意深化能源、贸易和金融合作。',
    hoursAgo: 19,
    paragraphs: [
      '国家主席习近平同俄罗斯总统普京举行视频会晤。',
      '习近平指出，中俄新时代全面战略协作伙伴关系保持高水平发展，双方要加强战略协作，共同反对单边制裁和干涉内政。',
      '普京表示，俄中贸易再创新高，俄方愿同中方扩大能源合作，推动多极世界建设。',
    ],
  },
  {
    outlet: 'vestnik',
    slug: 'putin-si-peregovory',
    title: 'Путин и Си Цзиньпин провели переговоры по видеосвязи',
    summary: 'Президенты России и Китая договорились расширить сотрудничество в энергетике и торговле.',
    hoursAgo: 19,
    paragraphs: [
      'Президент России Владимир Путин и председатель КНР Си Цзиньпин провели переговоры по видеосвязи, сообщили в Кремле.',
      'Стороны обсудили долгосрочные поставки нефти и трубопроводного газа и поручили правительствам подготовить новые соглашения.',
      'Путин отметил, что товарооборот между Россией и Китаем вновь достиг рекордного уровня, а расчеты почти полностью переведены в рубли и юани.',
    ],
  },
  {
    outlet: 'search',
    slug: 'xi-putin-call-search',
    title: 'Xi, Putin discuss energy and trade in video call - Meridian Wire',
    summary: '',
    hoursAgo: 20,
    paragraphs: [],
    missingPage: true,
  },

  // E2: Power of Siberia 2
  {
    outlet: 'meridian',
    slug: 'power-of-siberia-2-price-stall',
    title: 'Power of Siberia 2 talks stall over gas price, sources say',
    summary: POS2[0]!,
    hoursAgo: 14,
    author: 'Mikhail Orlov',
    paragraphs: POS2,
  },
  {
    outlet: 'ledger',
    slug: 'china-leverage-pipeline',
    title: 'China holds the cards as Russia waits for its next gas pipeline',
    summary:
      'Beijing’s hard bargaining over Power of Siberia 2 shows who is the senior partner, analysts say.',
    hoursAgo: 12,
    author: 'Helen Marsh',
    paragraphs: [
      POS2[3]!,
      POS2[0]!,
      POS2[1]!,
      POS2[2]!,
      'For Moscow, the pipeline is a way to replace lost European revenue. For Beijing, it is one option among many, alongside LNG and Central Asian gas.',
    ],
    paywalled: true,
  },
  {
    outlet: 'steppe',
    slug: 'sila-sibiri-2-impasse',
    title: 'Power of Siberia 2: why the deal keeps slipping',
    summary: 'Gazprom’s export revenues depend on a pipeline China is in no hurry to sign.',
    hoursAgo: 11,
    paragraphs: [
      POS2[0]!,
      POS2[1]!,
      POS2[3]!,
      'Independent energy analysts say Gazprom’s losses from the collapse of European sales will not be covered by Asian exports for at least a decade.',
    ],
  },
  {
    outlet: 'harbour',
    slug: 'pos2-beijing-terms',
    title: 'Beijing drives hard bargain with Moscow on Power of Siberia 2',
    summary: 'People familiar with the negotiations say China wants prices near Russian domestic levels.',
    hoursAgo: 10,
    paragraphs: [POS2[1]!, POS2[0]!, POS2[2]!, POS2[4]!],
  },

  // E3: banks and payments
  {
    outlet: 'ledger',
    slug: 'chinese-banks-russian-payments',
    title: 'Chinese banks turn away Russian payments as sanctions fears grow',
    summary: BANKS[0]!,
    hoursAgo: 9,
    author: 'Helen Marsh',
    paragraphs: BANKS,
  },
  {
    outlet: 'steppe',
    slug: 'payments-china-delays',
    title: 'Russian importers wait weeks for payments to reach China',
    summary:
      'Small regional banks and intermediaries fill the gap as large Chinese lenders refuse Russian money.',
    hoursAgo: 8,
    paragraphs: [BANKS[1]!, BANKS[0]!, BANKS[2]!],
  },
  {
    outlet: 'vestnik',
    slug: 'platezhi-kitay-banki',
    title: 'Китайские банки отказываются принимать платежи из России',
    summary: 'Российские импортеры жалуются на задержки платежей в юанях.',
    hoursAgo: 8,
    paragraphs: [
      'Крупные китайские банки перестали принимать платежи от российских компаний даже в юанях, сообщили импортеры.',
      'По словам участников рынка, переводы теперь идут неделями через небольшие региональные банки, а комиссии достигают 5%.',
      'Доля рубля и юаня в расчетах с Китаем превысила 90%, однако задержки платежей сказываются на товарообороте.',
    ],
  },

  // E4: joint patrol
  {
    outlet: 'meridian',
    slug: 'china-russia-joint-patrol-sea-of-japan',
    title: 'China and Russia fly bombers, sail warships in joint Pacific patrol',
    summary: PATROL[0]!,
    hoursAgo: 16,
    author: 'Kenji Sato',
    paragraphs: PATROL,
  },
  {
    outlet: 'capital',
    slug: 'joint-patrol-japan-scrambles',
    title: 'Japan scrambles jets as Russian and Chinese bombers patrol near its airspace',
    summary: PATROL[2]!,
    hoursAgo: 15,
    paragraphs: [PATROL[2]!, PATROL[0]!, PATROL[4]!, PATROL[1]!],
  },
  {
    outlet: 'huaxia',
    slug: 'china-russia-ninth-joint-strategic-patrol',
    title: 'Chinese, Russian militaries conduct ninth joint strategic air patrol',
    summary:
      'The patrol is part of the annual cooperation plan between the two militaries, the ministry of national defense said.',
    hoursAgo: 16,
    paragraphs: [
      PATROL[3]!,
      PATROL[1]!,
      'A spokesperson said the joint patrol demonstrated the high level of strategic mutual trust between the two militaries.',
    ],
  },
  {
    outlet: 'courier',
    slug: 'joint-patrol-defence-ministry',
    title: 'Russian and Chinese navies complete joint patrol in Pacific',
    summary:
      'The Russian defence ministry said the patrol was carried out in strict accordance with international law.',
    hoursAgo: 15,
    paragraphs: [
      PATROL[1]!,
      PATROL[0]!,
      'The ministry said the ships practised joint manoeuvres and communications, and that no foreign airspace had been violated.',
    ],
  },

  // E5: Ukraine ceasefire position
  {
    outlet: 'capital',
    slug: 'china-envoy-ceasefire-plan',
    title: 'China’s envoy backs talk of Ukraine ceasefire but not Europe’s plan',
    summary: CEASEFIRE[0]!,
    hoursAgo: 22,
    paragraphs: CEASEFIRE,
  },
  {
    outlet: 'harbour',
    slug: 'li-hui-moscow-ukraine',
    title: 'Beijing’s Eurasia envoy echoes Moscow on Ukraine “security concerns”',
    summary: CEASEFIRE[1]!,
    hoursAgo: 21,
    paragraphs: [CEASEFIRE[1]!, CEASEFIRE[0]!, CEASEFIRE[3]!],
  },
  {
    outlet: 'huaxia',
    slug: 'envoy-political-settlement-ukraine',
    title: 'Chinese envoy calls for political settlement of Ukraine crisis after Moscow talks',
    summary: 'China supports all efforts conducive to peace, the special representative said.',
    hoursAgo: 22,
    paragraphs: [
      'China’s special representative on Eurasian affairs said in Moscow that China supports all efforts conducive to the peaceful resolution of the crisis.',
      CEASEFIRE[1]!,
      'He said China would continue to play a constructive role and promote talks for peace.',
    ],
  },
  {
    outlet: 'eurasia',
    slug: 'china-neutrality-ukraine-analysis',
    title: 'How neutral is China on Ukraine? The envoy’s Moscow visit answers little',
    summary: 'Beijing’s diplomacy keeps its options open while its trade keeps Russia’s war economy running.',
    hoursAgo: 23,
    paragraphs: [CEASEFIRE[3]!, CEASEFIRE[2]!, CEASEFIRE[0]!],
    fullTextInFeed: true,
  },

  // E6: Western sanctions on Chinese suppliers
  {
    outlet: 'meridian',
    slug: 'eu-us-sanction-chinese-firms-russia',
    title: 'EU, US sanction Chinese firms over supplies to Russia’s military',
    summary: SANCTIONS[0]!,
    hoursAgo: 6,
    author: 'Laura Bennett',
    paragraphs: SANCTIONS,
  },
  {
    outlet: 'ledger',
    slug: 'secondary-sanctions-warning-banks',
    title: 'Washington warns Chinese banks of secondary sanctions over Russia trade',
    summary: SANCTIONS[1]!,
    hoursAgo: 5,
    paragraphs: [SANCTIONS[1]!, SANCTIONS[0]!, SANCTIONS[3]!, BANKS[3]!],
  },
  {
    outlet: 'eurasia',
    slug: 'sanctions-chinese-suppliers-explainer',
    title: 'Why the West is targeting Chinese suppliers of Russia’s arms industry',
    summary: SANCTIONS[3]!,
    hoursAgo: 5,
    paragraphs: [SANCTIONS[3]!, SANCTIONS[0]!, SANCTIONS[2]!],
    fullTextInFeed: true,
  },
  {
    outlet: 'ribao',
    slug: 'waijiaobu-fandui-zhicai',
    title: '外交部：坚决反对美欧对中国企业实施单边制裁',
    summary: '外交部发言人表示，中方坚决反对美欧以涉俄为由制裁中国企业，将采取必要措施维护中国企业正当权益。',
    hoursAgo: 4,
    paragraphs: [
      '外交部发言人表示，中方坚决反对美欧以涉俄为由对中国企业实施非法单边制裁。',
      '发言人说，中俄之间的正常经贸合作不针对第三方，不应受到干扰。',
      '中方将采取必要措施，坚决维护中国企业的正当权益。',
    ],
  },

  // E7: Northern Sea Route
  {
    outlet: 'courier',
    slug: 'rosatom-chinese-shipping-northern-sea-route',
    title: 'Rosatom and Chinese shipping group sign Northern Sea Route container deal',
    summary: NSR[0]!,
    hoursAgo: 13,
    paragraphs: NSR,
  },
  {
    outlet: 'harbour',
    slug: 'arctic-route-china-russia-ships',
    title: 'China to build ice-class ships for Russia’s Arctic shipping route',
    summary: NSR[1]!,
    hoursAgo: 12,
    paragraphs: [NSR[1]!, NSR[0]!, NSR[2]!],
  },

  // E8: cars and dependence
  {
    outlet: 'steppe',
    slug: 'chinese-cars-russian-market',
    title: 'Chinese brands take more than half of Russia’s car market',
    summary: CARS[0]!,
    hoursAgo: 26,
    paragraphs: CARS,
  },
  {
    outlet: 'ledger',
    slug: 'russia-dependence-chinese-goods',
    title: 'Russia’s growing reliance on Chinese goods worries Moscow’s industrialists',
    summary: CARS[2]!,
    hoursAgo: 17,
    paragraphs: [CARS[2]!, CARS[0]!, CARS[1]!],
  },

  // E9: BRICS ministers
  {
    outlet: 'huaxia',
    slug: 'wang-yi-lavrov-brics-ministers',
    title: 'Wang Yi, Lavrov call for reform of global governance at BRICS ministers’ meeting',
    summary: BRICS[0]!,
    hoursAgo: 21,
    paragraphs: BRICS,
  },
  {
    outlet: 'courier',
    slug: 'lavrov-brics-payments',
    title: 'Lavrov: BRICS to expand payment systems independent of Western currencies',
    summary: BRICS[1]!,
    hoursAgo: 20,
    paragraphs: [BRICS[1]!, BRICS[0]!],
  },
  {
    outlet: 'search',
    slug: 'brics-ministers-search',
    title:
      'China and Russia push BRICS as counterweight to West at ministers’ meeting - Harbour Morning Post',
    summary: 'Wang Yi and Sergei Lavrov called for reform of the IMF and the UN Security Council.',
    hoursAgo: 21,
    paragraphs: [],
    missingPage: true,
  },

  // E10: media and memory
  {
    outlet: 'huaxia',
    slug: 'china-russia-media-cooperation-ww2',
    title: 'China, Russia state broadcasters to co-produce WWII documentaries',
    summary: MEMORY[0]!,
    hoursAgo: 24,
    paragraphs: MEMORY,
  },
  {
    outlet: 'courier',
    slug: 'russia-china-media-year',
    title: 'Russia and China launch year of media cooperation to defend historical truth',
    summary: MEMORY[1]!,
    hoursAgo: 23,
    paragraphs: [MEMORY[1]!, MEMORY[0]!, MEMORY[2]!],
  },
];
