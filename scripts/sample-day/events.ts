/**
 * The China–Russia reporting of the sample day: ten events and one single-outlet story, each
 * told by its outlets in their own words and framing (wire, Western, Russian and Chinese state,
 * independent, regional), some in Russian and Chinese. Facts agree across outlets the way real
 * reporting does: the same figures and quotes, different emphasis. Written for the project; the
 * outlets are fictional, the events plausible for late November 2026.
 */
import type { ThemeId } from '#domain/types.ts';

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

/** Publishers that only appear through the news-search aggregator. */
export type PublisherId = OutletId | 'pacificbiz' | 'nordic';

export interface SampleEvent {
  id: string;
  title: string;
  themes: ThemeId[];
}

export const EVENTS: SampleEvent[] = [
  {
    id: 'E01-xi-putin-call',
    title: 'Xi–Putin video call',
    themes: ['alliance-diplomacy', 'energy', 'trade-finance'],
  },
  {
    id: 'E02-power-of-siberia-2',
    title: 'Power of Siberia 2 pricing stall',
    themes: ['energy', 'asymmetry-limits'],
  },
  {
    id: 'E03-payments',
    title: 'Yuan–rouble settlement and Chinese banks returning Russian payments',
    themes: ['trade-finance', 'asymmetry-limits'],
  },
  { id: 'E04-joint-patrol', title: 'Joint naval and air patrol in the Pacific', themes: ['military'] },
  {
    id: 'E05-ukraine-ceasefire',
    title: 'China’s envoy in Moscow on the European ceasefire proposal',
    themes: ['ukraine-war', 'alliance-diplomacy'],
  },
  {
    id: 'E06-secondary-sanctions',
    title: 'US/EU sanctions on Chinese suppliers and secondary-sanctions warning',
    themes: ['western-response', 'trade-finance', 'military'],
  },
  {
    id: 'E07-northern-sea-route',
    title: 'Rosatom–Chinese Northern Sea Route container deal',
    themes: ['tech-infrastructure', 'energy'],
  },
  {
    id: 'E08-chinese-cars',
    title: 'Russian dependence on Chinese cars and machinery',
    themes: ['asymmetry-limits', 'trade-finance'],
  },
  {
    id: 'E09-sco-ministers',
    title: 'SCO foreign ministers in Bishkek: Wang Yi and Lavrov',
    themes: ['multipolar-order', 'alliance-diplomacy'],
  },
  {
    id: 'E10-war-memory-media',
    title: 'State broadcasters’ WWII documentary and media exchange year',
    themes: ['narrative-history'],
  },
  {
    id: 'S01-amur-cable-car',
    title: 'Heihe–Blagoveshchensk cable car across the Amur (single outlet)',
    themes: ['tech-infrastructure'],
  },
];

export interface Report {
  event: string;
  outlet: OutletId;
  slug: string;
  title: string;
  /** Empty for a headline-only item. */
  summary: string;
  /** Hours before the recording time. */
  hoursAgo: number;
  author?: string;
  categories?: string[];
  themes: ThemeId[];
  paragraphs: string[];
  /** Carry the whole text in the feed (content:encoded / JSON content_html). */
  fullTextInFeed?: boolean;
  /** No page is served for this link (HTTP 404). */
  missingPage?: boolean;
  /** The page shows a teaser and a subscription wall. */
  paywalled?: boolean;
  /** Aggregator items: the publisher's page the item points at. */
  publisher?: { id: PublisherId; name: string; slug: string };
}

const E1 = 'E01-xi-putin-call';
const E2 = 'E02-power-of-siberia-2';
const E3 = 'E03-payments';
const E4 = 'E04-joint-patrol';
const E5 = 'E05-ukraine-ceasefire';
const E6 = 'E06-secondary-sanctions';
const E7 = 'E07-northern-sea-route';
const E8 = 'E08-chinese-cars';
const E9 = 'E09-sco-ministers';
const E10 = 'E10-war-memory-media';

export const REPORTS: Report[] = [
  // E1: the video call (Sunday 22 November, about 10:00 UTC)
  {
    event: E1,
    outlet: 'meridian',
    slug: 'kremlin-putin-xi-call-sunday',
    title: 'Kremlin says Putin and Xi to hold video call on Sunday',
    summary: '',
    hoursAgo: 23.6,
    author: 'Anna Kowalski',
    categories: ['World', 'Europe'],
    themes: ['alliance-diplomacy'],
    paragraphs: [
      'Russian President Vladimir Putin and Chinese President Xi Jinping will hold talks by video link on Sunday, Kremlin foreign policy aide Yuri Ushakov told reporters.',
      'Ushakov said the leaders would discuss bilateral trade, energy cooperation and “the most pressing international issues”, and that a joint statement was not planned.',
      'It will be the leaders’ third conversation this year. Putin is expected to visit China in the first half of 2027.',
      'China’s foreign ministry did not immediately confirm the call.',
    ],
  },
  {
    event: E1,
    outlet: 'meridian',
    slug: 'xi-putin-video-call-energy',
    title: 'Xi and Putin agree to expand energy cooperation in video call',
    summary:
      'Chinese President Xi Jinping and Russian President Vladimir Putin agreed on Sunday to expand cooperation in energy, trade and finance, according to statements from both governments.',
    hoursAgo: 19.1,
    author: 'Anna Kowalski',
    categories: ['World', 'Asia Pacific'],
    themes: ['alliance-diplomacy', 'energy', 'trade-finance'],
    paragraphs: [
      'Chinese President Xi Jinping and Russian President Vladimir Putin agreed on Sunday to expand cooperation in energy, trade and finance, according to statements from both governments after a video call that lasted about an hour and a half.',
      'Kremlin aide Yuri Ushakov said the leaders discussed long-term supplies of Russian oil and pipeline gas, including the planned Power of Siberia 2 pipeline, and instructed their governments to prepare a package of agreements before Putin visits China in the first half of 2027. He gave no details on the pipeline.',
      'Xi told Putin the two countries should “deepen strategic coordination” and jointly oppose unilateral sanctions and “long-arm jurisdiction”, according to China’s official readout, which said the relationship “is not directed at any third party”.',
      'Putin said more than 95% of trade between the two countries was now settled in roubles and yuan. Chinese customs data show bilateral trade fell 6.1% in the first ten months of the year to $188.6 billion, after a record in 2024.',
      'The Kremlin said Putin briefed Xi on “the situation around Ukraine”. The Chinese readout said Xi reiterated that Beijing supports “all efforts conducive to peace”.',
      'The call came as Washington and Brussels prepare further measures against Chinese companies they accuse of supplying Russia’s defence industry, and as Chinese banks tighten checks on payments from Russian clients.',
      'It was the leaders’ third conversation this year.',
      'Reporting by Anna Kowalski in Warsaw and Zhou Min in Beijing; Editing by Peter Lang',
    ],
  },
  {
    event: E1,
    outlet: 'capital',
    slug: 'putin-xi-call-sanctions',
    title: 'Putin and Xi hold call as West weighs new sanctions on Chinese suppliers',
    summary:
      'The leaders spoke for about 90 minutes, pledging closer energy and financial ties while Washington and Brussels prepare measures against Chinese firms accused of helping Russia’s war effort.',
    hoursAgo: 16.2,
    author: 'James Whitfield',
    categories: ['World'],
    themes: ['alliance-diplomacy', 'western-response', 'trade-finance'],
    paragraphs: [
      'Russian President Vladimir Putin and Chinese leader Xi Jinping pledged closer energy and financial ties in a video call Sunday, a show of unity that came as Western governments prepared new penalties against Chinese companies accused of keeping Russia’s war machine supplied.',
      'The two leaders spoke for about 90 minutes, according to the Kremlin. Both sides said they had agreed to expand cooperation in energy, trade and finance and to prepare new agreements before Putin’s planned visit to China next year.',
      'Neither readout mentioned the war in Ukraine in any detail. The Kremlin said only that Putin had briefed Xi on “the situation around Ukraine,” while Beijing repeated that it supports “all efforts conducive to peace.”',
      '“The message is that Beijing is not going to put distance between itself and Moscow, whatever Washington and Brussels do,” said Margaret Lin, a China analyst at the Atlantic Policy Institute. “But you will notice that the concrete deliverables are still missing.”',
      'Putin said that more than 95 percent of bilateral trade is now settled in rubles and yuan. Trade between the two countries has nonetheless fallen this year, to $188.6 billion in the first ten months, according to Chinese customs figures, as Chinese banks grew wary of U.S. secondary sanctions.',
      'U.S. and European officials have warned for months that Chinese machine tools, microelectronics and drone components are sustaining Russian arms production. Two officials said new designations could be announced within days.',
      'Meridian Wire contributed to this report.',
    ],
  },
  {
    event: E1,
    outlet: 'courier',
    slug: 'putin-xi-talks-record-trade',
    title: 'Putin, Xi hail "best in history" ties in warm video conversation',
    summary:
      'The Russian and Chinese leaders praised the state of relations, agreed to prepare new energy agreements and rejected attempts to pressure their trade.',
    hoursAgo: 19.4,
    categories: ['Russia', 'World'],
    themes: ['alliance-diplomacy', 'energy', 'trade-finance'],
    fullTextInFeed: true,
    paragraphs: [
      'President Vladimir Putin and President Xi Jinping held a warm and friendly conversation by video link on Sunday, the Kremlin press service said, describing relations between Moscow and Beijing as "the best in their centuries-long history."',
      "The leaders discussed long-term supplies of Russian oil and gas to China and instructed their governments to prepare a package of new agreements ahead of the Russian president's visit to China in 2027, Kremlin aide Yuri Ushakov told journalists after the call.",
      '"Over 95 percent of our mutual settlements are now carried out in rubles and yuan. This is a reliable foundation that protects our trade from the unfriendly actions of third countries," Putin said.',
      'Ushakov said the leaders also discussed the situation around Ukraine and cooperation within BRICS and the Shanghai Cooperation Organization. He said the conversation had been "substantive and trusting."',
      'Kremlin spokesman Dmitry Peskov said Russian-Chinese cooperation "is not directed against anyone" and that attempts by Washington and Brussels to interfere in it with sanctions "are doomed to failure."',
      "The two leaders last spoke in the summer. Putin has accepted Xi's invitation to visit China in the first half of next year.",
    ],
  },
  {
    event: E1,
    outlet: 'huaxia',
    slug: 'xi-putin-strategic-coordination',
    title: 'Xi holds video talks with Putin, calls for deeper strategic coordination',
    summary:
      'Chinese President Xi Jinping held video talks with Russian President Vladimir Putin on Sunday, calling on the two sides to deepen strategic coordination and expand practical cooperation.',
    hoursAgo: 18.6,
    categories: ['China', 'World'],
    themes: ['alliance-diplomacy', 'multipolar-order'],
    paragraphs: [
      'BEIJING, Nov. 22 (Huaxia) -- Chinese President Xi Jinping held video talks with Russian President Vladimir Putin on Sunday.',
      'Xi said that under the joint guidance of the two heads of state, the China-Russia comprehensive strategic partnership of coordination for a new era has maintained a high level of development, which serves the fundamental interests of the two peoples.',
      'The two sides should deepen strategic coordination, firmly support each other in safeguarding their respective core interests, and jointly oppose unilateral sanctions, "long-arm jurisdiction" and interference in internal affairs, Xi said.',
      'China is ready to work with Russia to expand practical cooperation in energy, trade, finance, connectivity and other fields, and to make good preparations for the next stage of high-level exchanges, he said.',
      'Xi stressed that China-Russia relations are not directed at any third party and are not subject to interference by any third party.',
      'Putin said Russia firmly adheres to the one-China principle and is willing to work with China to strengthen coordination within BRICS, the Shanghai Cooperation Organization and other multilateral mechanisms and to promote a multipolar world.',
      'On the Ukraine crisis, Xi said China supports all efforts conducive to peace and will continue to play a constructive role in its own way.',
    ],
  },
  {
    event: E1,
    outlet: 'ribao',
    slug: 'xi-putin-shipin-huiwu',
    title: '习近平同普京举行视频会晤',
    summary: '国家主席习近平22日同俄罗斯总统普京举行视频会晤，双方同意深化能源、经贸、金融等领域务实合作。',
    hoursAgo: 18.1,
    categories: ['时政', '国际'],
    themes: ['alliance-diplomacy', 'energy', 'trade-finance'],
    paragraphs: [
      '新华社北京11月22日电 国家主席习近平22日同俄罗斯总统普京举行视频会晤。',
      '习近平指出，在双方共同努力下，中俄新时代全面战略协作伙伴关系保持高水平发展，符合两国和两国人民根本利益。',
      '习近平强调，双方要深化战略协作，坚定支持彼此维护各自核心利益，共同反对单边制裁、“长臂管辖”和干涉内政。中俄关系不针对任何第三方，也不受任何第三方干扰。',
      '习近平表示，中方愿同俄方扩大能源、经贸、金融、互联互通等领域务实合作，为下一阶段高层交往做好准备。',
      '普京表示，俄方坚定恪守一个中国原则。俄中两国本币结算占双边贸易比重已超过95%，俄方愿同中方加强在金砖国家、上海合作组织等多边机制内协调配合，推动世界多极化。',
      '关于乌克兰危机，习近平表示，中方支持一切有利于和平的努力，将继续以自己的方式发挥建设性作用。',
    ],
  },
  {
    event: E1,
    outlet: 'vestnik',
    slug: 'putin-si-peregovory',
    title: 'Путин и Си Цзиньпин провели переговоры по видеосвязи',
    summary:
      'Президенты России и Китая договорились расширить сотрудничество в энергетике, торговле и финансах и подготовить пакет новых соглашений.',
    hoursAgo: 19.6,
    author: 'Ирина Соколова',
    categories: ['Политика'],
    themes: ['alliance-diplomacy', 'energy', 'trade-finance'],
    paragraphs: [
      'Президент России Владимир Путин и председатель КНР Си Цзиньпин провели в воскресенье переговоры по видеосвязи, сообщили в Кремле. Беседа продолжалась около полутора часов.',
      'Стороны обсудили долгосрочные поставки нефти и трубопроводного газа, в том числе проект «Сила Сибири — 2», и поручили правительствам подготовить пакет новых соглашений к визиту Путина в Китай в первой половине 2027 года, рассказал помощник президента Юрий Ушаков.',
      '«Более 95% расчетов между нашими странами проводится в рублях и юанях. Это надежная основа, которая защищает нашу торговлю от недружественных действий третьих стран», — заявил Путин.',
      'Си Цзиньпин, по данным китайской стороны, призвал углублять стратегическое взаимодействие и совместно противостоять односторонним санкциям и «юрисдикции длинной руки».',
      'По словам Ушакова, Путин проинформировал китайского коллегу о ситуации вокруг Украины. Лидеры также обсудили взаимодействие в БРИКС и ШОС.',
      'Это уже третий разговор двух лидеров в этом году.',
    ],
  },
  {
    event: E1,
    outlet: 'search',
    slug: 'xi-putin-call-search',
    title: 'Xi and Putin agree to expand energy cooperation in video call - Meridian Wire',
    summary: '',
    hoursAgo: 19.0,
    themes: ['alliance-diplomacy', 'energy'],
    paragraphs: [],
    publisher: { id: 'meridian', name: 'Meridian Wire', slug: 'xi-putin-video-call-energy' },
  },

  // E2: Power of Siberia 2 (Sunday evening and Monday morning)
  {
    event: E2,
    outlet: 'meridian',
    slug: 'power-of-siberia-2-price-stall',
    title: 'Power of Siberia 2 talks stall over gas price, sources say',
    summary:
      'Negotiations between Gazprom and China National Petroleum Corporation on the Power of Siberia 2 pipeline have stalled over the price of gas, three people familiar with the talks said.',
    hoursAgo: 14.2,
    author: 'Mikhail Orlov',
    categories: ['Business', 'Energy'],
    themes: ['energy', 'asymmetry-limits'],
    paragraphs: [
      'Negotiations between Gazprom and China National Petroleum Corporation (CNPC) on the Power of Siberia 2 pipeline have stalled over the price of gas, three people familiar with the talks said, hours after the two countries’ leaders discussed the project in a video call.',
      'Beijing is pressing for a price close to Russia’s regulated domestic level, the people said, while Moscow wants an oil-linked formula similar to the one used for the first Power of Siberia line, which began deliveries in 2019.',
      '“The Chinese side is in no hurry. They know Gazprom has nowhere else to send this gas,” said one of the people, who spoke on condition of anonymity because the talks are confidential.',
      'The 2,600-kilometre pipeline would carry up to 50 billion cubic metres a year from fields in western Siberia to northern China through Mongolia, replacing part of the volumes Russia once sold to Europe. A legally binding memorandum signed in September 2025 left price, financing and the construction timetable open.',
      'CNPC also wants the flexibility to take less gas in years of weak demand, two of the people said, a condition Gazprom has so far rejected because it would make the $13 billion project harder to finance.',
      'Gazprom did not respond to a request for comment. CNPC said it did not comment on commercial negotiations.',
      'Reporting by Mikhail Orlov; Additional reporting by Zhou Min in Beijing; Editing by Susan Ford',
    ],
  },
  {
    event: E2,
    outlet: 'ledger',
    slug: 'china-leverage-pipeline',
    title: 'China holds the cards as Russia waits for its next gas pipeline',
    summary:
      'Beijing’s hard bargaining over Power of Siberia 2 shows who is the senior partner, analysts say.',
    hoursAgo: 6.3,
    author: 'Helen Marsh',
    categories: ['Analysis', 'Energy'],
    themes: ['energy', 'asymmetry-limits'],
    paywalled: true,
    paragraphs: [
      'When Vladimir Putin and Xi Jinping spoke on Sunday, the Kremlin was keen to stress that the two leaders had discussed “long-term supplies of oil and pipeline gas”. Within hours, people close to the negotiations were describing the talks on the Power of Siberia 2 pipeline as stuck.',
      'The gap is about price. Beijing wants gas at something close to what Russian households pay; Gazprom wants the oil-linked terms it won for the first pipeline a decade ago.',
      'For Moscow, the pipeline is the only realistic way to replace the European market it lost after 2022. For Beijing, it is one option among many, alongside liquefied natural gas, Central Asian supplies and a coal industry it can still lean on.',
      '“This is what asymmetry looks like in practice,” said Tatiana Rudneva, an energy economist in Berlin. “Russia needs the deal. China would like it, on its own terms, whenever it suits.”',
      'Gazprom’s exports to Europe have fallen from about 150 billion cubic metres a year before the war to less than 20 billion, and the company reported a net loss for a second year running.',
    ],
  },
  {
    event: E2,
    outlet: 'steppe',
    slug: 'sila-sibiri-2-impasse',
    title: 'Power of Siberia 2: why the deal keeps slipping',
    summary:
      'Gazprom’s export revenues depend on a pipeline China is in no hurry to sign. Here is what is holding it up.',
    hoursAgo: 9.4,
    author: 'Darya Lebedeva',
    categories: ['Economy'],
    themes: ['energy', 'asymmetry-limits'],
    paragraphs: [
      'Every year since 2022 Russian officials have said the Power of Siberia 2 contract is almost ready. On Sunday the Kremlin said it again, after a video call between Vladimir Putin and Xi Jinping. By the evening, sources were telling Meridian Wire that the talks had stalled over price.',
      'The problem is simple. Gazprom wants China to pay roughly what Europe used to pay. Beijing, according to people familiar with the negotiations, wants a price close to the regulated tariff for Russian consumers, which is several times lower.',
      'There is also the question of volumes. The pipeline is designed for 50 billion cubic metres a year, but CNPC wants to be free to take less when demand is weak. That would make the line much harder for Gazprom to finance, since the company would have to borrow most of the estimated $13 billion needed to build it.',
      'Gazprom can hardly afford to walk away. Its exports to Europe have collapsed from about 150 billion cubic metres before the war to less than 20 billion, and independent analysts estimate that sales to Asia will not make up for the loss for at least a decade, even if the new line is built.',
      '“For the Kremlin, the pipeline is a political symbol of the turn to the East. For China, it is a purchase,” said energy analyst Sergei Vakulenko. “And a buyer with alternatives sets the price.”',
      'China has those alternatives: rising LNG imports, a fourth line of the Central Asia gas pipeline under discussion, and the first Power of Siberia, which has reached its full capacity of 38 billion cubic metres a year.',
    ],
  },
  {
    event: E2,
    outlet: 'harbour',
    slug: 'pos2-beijing-terms',
    title: 'Beijing drives hard bargain with Moscow on Power of Siberia 2',
    summary:
      'People familiar with the negotiations say China wants prices near Russian domestic levels and flexibility on volumes, leaving the flagship pipeline in limbo.',
    hoursAgo: 11.3,
    author: 'Vivian Cheung',
    categories: ['China', 'Diplomacy'],
    themes: ['energy', 'asymmetry-limits'],
    paragraphs: [
      'Beijing is driving a hard bargain over the Power of Siberia 2 gas pipeline, insisting on prices close to Russia’s domestic levels and the freedom to take less gas in lean years, according to people familiar with the negotiations.',
      'The talks between CNPC and Gazprom have stalled despite a video call on Sunday in which President Xi Jinping and Russian President Vladimir Putin discussed long-term energy supplies, the people said.',
      'Chinese energy planners see little urgency. Domestic gas demand growth slowed to about 3 per cent this year, LNG prices have eased and the first Power of Siberia line is already delivering 38 billion cubic metres a year.',
      '“From Beijing’s point of view, there is no rush,” said Wu Jiayi, an energy researcher at a Shanghai university. “Energy security means diversification. A second large pipeline from a single supplier is not automatically attractive.”',
      'The 50 billion cubic metre line would cross Mongolia, which has been waiting years for the transit fees. Ulaanbaatar has left the project out of its latest five-year investment plan.',
      'Neither CNPC nor Gazprom commented. China’s foreign ministry said energy cooperation with Russia was carried out “on the basis of mutual benefit and market principles”.',
    ],
  },
  {
    event: E2,
    outlet: 'vestnik',
    slug: 'novak-sila-sibiri-2',
    title: 'Новак: переговоры по «Силе Сибири — 2» идут в рабочем порядке',
    summary:
      'Вице-премьер опроверг сообщения западных СМИ о том, что переговоры с Китаем о цене газа зашли в тупик.',
    hoursAgo: 4.2,
    categories: ['Экономика'],
    themes: ['energy'],
    paragraphs: [
      'Переговоры с китайскими партнерами о газопроводе «Сила Сибири — 2» идут в рабочем порядке, сроки реализации проекта не пересматриваются, заявил в понедельник вице-премьер Александр Новак.',
      '«Мы видим публикации западных агентств о якобы возникших разногласиях. Это не соответствует действительности. Коммерческие условия обсуждаются, это нормальный процесс», — сказал Новак журналистам.',
      'По его словам, вопрос о долгосрочных поставках газа обсуждался в воскресенье в ходе переговоров Владимира Путина и Си Цзиньпина по видеосвязи.',
      'Ранее агентство Meridian Wire со ссылкой на источники сообщило, что «Газпром» и CNPC не могут договориться о цене: китайская сторона якобы добивается цены, близкой к внутренним российским тарифам.',
      'Газопровод мощностью 50 млрд кубометров в год протяженностью около 2600 км должен пройти через Монголию. Юридически обязывающий меморандум о строительстве был подписан в сентябре 2025 года.',
    ],
  },
  {
    event: E2,
    outlet: 'search',
    slug: 'pos2-mongolia-search',
    title: 'Mongolia counts the cost as Russia-China pipeline talks drag on - Pacific Business Daily',
    summary: 'Ulaanbaatar had hoped for transit fees and gas supplies from Power of Siberia 2.',
    hoursAgo: 10.1,
    themes: ['energy', 'asymmetry-limits'],
    publisher: { id: 'pacificbiz', name: 'Pacific Business Daily', slug: 'mongolia-pipeline-transit-fees' },
    paragraphs: [
      'Mongolia had hoped that the Power of Siberia 2 gas pipeline would bring hundreds of millions of dollars a year in transit fees and, eventually, gas to heat a capital that chokes on coal smoke every winter. The latest reports that Russia and China cannot agree on price have dampened those hopes.',
      'Talks between Gazprom and China National Petroleum Corporation stalled over the price of gas, people familiar with the negotiations told Meridian Wire on Sunday, shortly after Presidents Vladimir Putin and Xi Jinping discussed long-term energy supplies in a video call.',
      '“We are a transit country. We do not set the timetable,” a Mongolian energy ministry official said. “But every year of delay is a year of lost revenue.”',
      'The 960-kilometre Mongolian section would be built by a joint venture with Gazprom. Ulaanbaatar dropped the project from its latest five-year investment plan, a move officials described as technical.',
      'Analysts say Mongolia’s position reflects the wider balance between its two neighbours. “The terms will be set in Beijing,” said Bolormaa Tsend, an economist in Ulaanbaatar. “Moscow needs the buyer more than the buyer needs Moscow.”',
    ],
  },

  // E3: payments, settlement in national currencies, banks (Monday morning)
  {
    event: E3,
    outlet: 'ledger',
    slug: 'chinese-banks-russian-payments',
    title: 'Chinese banks turn away Russian payments as sanctions fears grow',
    summary:
      'Large Chinese lenders have tightened checks and are returning payments from Russian companies, even in yuan, ahead of an expected US warning on secondary sanctions.',
    hoursAgo: 7.2,
    author: 'Helen Marsh',
    categories: ['Business', 'Banking'],
    themes: ['trade-finance', 'western-response', 'asymmetry-limits'],
    paragraphs: [
      'Large Chinese banks have tightened compliance checks and are returning a growing share of payments from Russian companies, even those made in yuan, according to four Russian importers and two bankers, in a sign that fears of US secondary sanctions are again disrupting trade between the two partners.',
      'About 30 per cent of payments sent to Chinese suppliers in November had been returned or frozen for extra checks, one Moscow banker estimated, up from about 10 per cent in the summer. “They ask for the end user, the owner of the owner, the contract, photographs of the goods,” the banker said.',
      'Importers say transfers now take weeks and increasingly pass through small regional banks in Heilongjiang and Inner Mongolia, through payment agents in third countries, or through netting schemes that swap obligations without moving money across the border. The commissions can reach 5 to 7 per cent.',
      'Russia’s finance ministry says more than 95 per cent of trade with China is now settled in roubles and yuan. But the share of the dollar has fallen partly because trade in dollars has become almost impossible, and the payment problems have weighed on bilateral trade, which fell 6.1 per cent in the first ten months of the year.',
      'The People’s Bank of China and the big state lenders did not respond to requests for comment.',
      '“Chinese banks have much more to lose in the dollar system than they can gain from Russian business,” said Alexandra Prokopenko, a former Russian central bank official now at a Berlin think-tank. “That is the limit of this partnership.”',
    ],
  },
  {
    event: E3,
    outlet: 'steppe',
    slug: 'payments-china-delays',
    title: 'Russian importers wait weeks for payments to reach China',
    summary:
      'Small regional banks, agents and netting schemes fill the gap as large Chinese lenders refuse Russian money. The cost is passed on to buyers.',
    hoursAgo: 5.1,
    author: 'Pavel Grigoriev',
    categories: ['Economy'],
    themes: ['trade-finance', 'asymmetry-limits'],
    paragraphs: [
      '“Our money went around in circles for forty days,” says the owner of a Moscow company that imports spare parts for Chinese-made excavators. The payment was returned twice by a large Chinese bank before a small lender in Heilongjiang province accepted it.',
      'Stories like his have become common again this autumn. Several large Chinese banks have tightened checks on payments from Russia, according to importers and bankers, and are returning a growing share of transfers even when they are made in yuan.',
      'Russian companies have adapted. Payment agents in Kazakhstan, Kyrgyzstan and the United Arab Emirates take a commission of several per cent. Some importers use netting schemes in which a Chinese exporter’s debt in Russia is offset against a Russian exporter’s claim in China, so that no money crosses the border at all.',
      'The cost ends up in prices. A machinery dealer in Yekaterinburg said the extra commissions, delays and currency conversion added about 8 per cent to the cost of his imports this year.',
      'Officially, the picture is brighter. The finance ministry says more than 95 per cent of Russian-Chinese trade is settled in roubles and yuan. But independent economists note that the figure says little about how easily those payments move, and that bilateral trade has fallen this year for the first time since 2020.',
    ],
  },
  {
    event: E3,
    outlet: 'vestnik',
    slug: 'platezhi-kitay-banki',
    title: 'Китайские банки ужесточили проверку платежей из России',
    summary:
      'Российские импортеры жалуются на задержки и возвраты платежей в юанях. Участники рынка ищут обходные пути.',
    hoursAgo: 3.6,
    categories: ['Экономика', 'Финансы'],
    themes: ['trade-finance', 'asymmetry-limits'],
    paragraphs: [
      'Крупные китайские банки ужесточили проверку платежей от российских компаний и все чаще возвращают переводы даже в юанях, рассказали несколько импортеров и банкиров.',
      'По оценке одного из московских банкиров, в ноябре около 30% платежей китайским поставщикам были возвращены или задержаны для дополнительной проверки. Летом таких было около 10%.',
      'Участники рынка говорят, что переводы идут неделями через небольшие региональные банки, платежных агентов в третьих странах или с помощью взаимозачетов. Комиссии при этом достигают 5–7%.',
      'В Минфине напоминают, что доля рубля и юаня в расчетах с Китаем превысила 95%, а отдельные сложности «решаются в рабочем порядке».',
      'Эксперты связывают ужесточение проверок с ожиданием новых санкций США против финансовых организаций, обслуживающих торговлю с Россией.',
    ],
  },
  {
    event: E3,
    outlet: 'courier',
    slug: 'siluanov-national-currencies-china',
    title: 'Russia and China settle over 95% of trade in rubles and yuan – Siluanov',
    summary:
      'The finance minister said payment infrastructure with China is working and "individual difficulties" are being resolved.',
    hoursAgo: 2.6,
    categories: ['Business'],
    themes: ['trade-finance', 'multipolar-order'],
    fullTextInFeed: true,
    paragraphs: [
      'More than 95 percent of trade between Russia and China is now settled in national currencies, Finance Minister Anton Siluanov said on Monday, calling the shift away from the US dollar "irreversible."',
      '"The payment infrastructure with our Chinese partners is functioning. There are individual difficulties connected with the pressure that the United States is putting on banks, but they are being resolved," Siluanov told journalists in Moscow.',
      'The minister said Russia and China were developing their own systems for transmitting financial messages and would propose further steps within BRICS to build payment mechanisms independent of Western currencies.',
      'Western media outlets have reported in recent days that several large Chinese banks have tightened checks on payments from Russian companies. Siluanov dismissed the reports as "an attempt to drive a wedge" between the two countries.',
      "Russian-Chinese trade reached a record $245 billion in 2024. Russia is one of China's largest suppliers of crude oil, coal and pipeline gas.",
    ],
  },

  // E4: joint naval and air patrol (Monday morning Asia time)
  {
    event: E4,
    outlet: 'courier',
    slug: 'joint-patrol-begins-flash',
    title: 'Russian and Chinese warships begin joint patrol in Pacific – defense ministry',
    summary: '',
    hoursAgo: 5.6,
    categories: ['Russia', 'Military'],
    themes: ['military'],
    paragraphs: [
      'Russian and Chinese warships have begun a joint naval patrol in the Asia-Pacific region, the Russian Defense Ministry said on Monday.',
      'The patrol is being carried out in accordance with the annual plan of military cooperation between the two countries, the ministry said.',
      'The ministry said the ships would sail through the Sea of Japan and the western Pacific.',
      'More details will follow.',
    ],
  },
  {
    event: E4,
    outlet: 'courier',
    slug: 'joint-patrol-defence-ministry',
    title: 'Russian and Chinese navies complete joint patrol in Pacific',
    summary:
      'The Russian defense ministry said the patrol was carried out in strict accordance with international law and was not directed against third countries.',
    hoursAgo: 2.1,
    categories: ['Russia', 'Military'],
    themes: ['military'],
    fullTextInFeed: true,
    paragraphs: [
      'A joint group of Russian and Chinese warships has carried out a patrol in the Sea of Japan and the western Pacific, while strategic bombers of the two countries conducted a joint air patrol over the region, the Russian Defense Ministry said on Monday.',
      'Two Russian Tu-95MS strategic missile carriers and two Chinese H-6K bombers flew for about eight hours over the Sea of Japan and the East China Sea, escorted at some stages by Su-35S and J-16 fighters, the ministry said.',
      'The naval group included three Russian and three Chinese ships. The crews practised joint maneuvering, communications and anti-submarine defense, the ministry said, adding that no foreign airspace had been violated.',
      '"All actions were carried out in strict accordance with international law. The patrol is not directed against third countries," the ministry said.',
      'It was the ninth joint air patrol since 2019 and the sixth joint naval patrol. Japanese and South Korean fighter jets accompanied the bombers at certain stages of the route.',
    ],
  },
  {
    event: E4,
    outlet: 'meridian',
    slug: 'china-russia-joint-patrol-sea-of-japan',
    title: 'China and Russia fly bombers, sail warships in joint Pacific patrol',
    summary:
      'Chinese and Russian warships and strategic bombers conducted a joint patrol over the Sea of Japan and the western Pacific on Monday, prompting Japan and South Korea to scramble fighter jets.',
    hoursAgo: 4.1,
    author: 'Kenji Sato',
    categories: ['World', 'Asia Pacific'],
    themes: ['military'],
    paragraphs: [
      'Chinese and Russian warships and strategic bombers conducted a joint patrol over the Sea of Japan and the western Pacific on Monday, the two countries’ defence ministries said, prompting Japan and South Korea to scramble fighter jets.',
      'Two Russian Tu-95MS and two Chinese H-6K bombers flew for about eight hours, while a group of six warships, three from each navy, sailed through the Sea of Japan. It was the ninth joint air patrol since 2019, according to Russia’s defence ministry.',
      'South Korea’s Joint Chiefs of Staff said the bombers entered its air defence identification zone off the east coast for about 20 minutes without violating its airspace. Japan’s defence ministry said Air Self-Defense Force jets were scrambled.',
      'China’s defence ministry said the patrol was part of an annual cooperation plan, was not aimed at any third party and “has nothing to do with the current international and regional situation”.',
      'Japan’s chief cabinet secretary said Tokyo had conveyed “grave concern” to both governments through diplomatic channels. “The repeated joint flights near our country are clearly intended as a show of force,” he told a news conference.',
      'The patrol came a day after Presidents Xi Jinping and Vladimir Putin held a video call in which they pledged to deepen strategic coordination.',
      'Reporting by Kenji Sato in Tokyo and Park Ji-won in Seoul; Editing by Susan Ford',
    ],
  },
  {
    event: E4,
    outlet: 'capital',
    slug: 'joint-patrol-japan-scrambles',
    title: 'Japan scrambles jets as Russian and Chinese bombers patrol near its airspace',
    summary:
      'Tokyo and Seoul scrambled fighters as four nuclear-capable bombers flew a joint route over the Sea of Japan, the latest show of military coordination between Beijing and Moscow.',
    hoursAgo: 3.2,
    author: 'Rachel Ito',
    categories: ['World', 'Asia'],
    themes: ['military', 'western-response'],
    paragraphs: [
      'TOKYO — Japan and South Korea scrambled fighter jets Monday as Russian and Chinese bombers flew a joint patrol over the Sea of Japan, the latest display of military coordination between Beijing and Moscow and the first since the two countries’ leaders spoke by video link on Sunday.',
      'Two Russian Tu-95MS and two Chinese H-6K bombers, all capable of carrying nuclear weapons, flew for about eight hours over the Sea of Japan and the East China Sea, according to Japan’s Joint Staff. Six warships from the two navies sailed in parallel.',
      'South Korea said the aircraft spent about 20 minutes inside its air defense identification zone. Japan’s chief cabinet secretary said Tokyo had expressed “grave concern” through diplomatic channels.',
      'U.S. Indo-Pacific Command said it was monitoring the patrol. “The deepening military cooperation between the PRC and Russia is a concern for the region and for our allies,” a spokesman said in a statement.',
      'China’s Defense Ministry described the flight as routine. It was the ninth joint air patrol since 2019, and analysts said the pattern of flights near Japan had grown more assertive as Tokyo increased defense spending and deepened cooperation with NATO.',
      '“What matters is less the individual flight than the routine,” said Daniel Okafor, a security analyst in Washington. “Each patrol normalizes joint operations close to U.S. allies.”',
    ],
  },
  {
    event: E4,
    outlet: 'huaxia',
    slug: 'china-russia-ninth-joint-strategic-patrol',
    title: 'Chinese, Russian militaries conduct ninth joint strategic air patrol',
    summary:
      'The patrol is part of the annual cooperation plan between the two militaries and is not aimed at any third party, the Ministry of National Defense said.',
    hoursAgo: 4.6,
    categories: ['China', 'Military'],
    themes: ['military'],
    paragraphs: [
      'BEIJING, Nov. 23 (Huaxia) -- The Chinese and Russian militaries on Monday conducted the ninth joint strategic air patrol over the airspace of the Sea of Japan and the East China Sea, the Ministry of National Defense said.',
      'The navies of the two countries also organized a joint maritime patrol in the relevant waters of the western Pacific, according to a spokesperson for the ministry.',
      'The joint patrols are part of the annual cooperation plan between the two militaries, the spokesperson said, adding that they are not aimed at any third party and have nothing to do with the current international and regional situation.',
      'The activities have tested and improved the level of coordination between the two sides and demonstrated the high level of strategic mutual trust between the two militaries, the spokesperson said.',
      'China and Russia have conducted joint strategic air patrols every year since 2019.',
    ],
  },

  // E5: China and the European ceasefire proposal (talks in Moscow on Saturday)
  {
    event: E5,
    outlet: 'huaxia',
    slug: 'envoy-political-settlement-ukraine',
    title: 'Chinese envoy calls for political settlement of Ukraine crisis after Moscow talks',
    summary:
      'China supports all efforts conducive to peace, Special Representative Li Hui said after meeting Russian Foreign Minister Sergei Lavrov.',
    hoursAgo: 34.4,
    categories: ['China', 'World'],
    themes: ['ukraine-war', 'alliance-diplomacy'],
    paragraphs: [
      'MOSCOW, Nov. 21 (Huaxia) -- Li Hui, the Chinese government’s special representative on Eurasian affairs, met Russian Foreign Minister Sergei Lavrov in Moscow on Saturday for in-depth exchanges on the Ukraine crisis.',
      'Li said China supports all efforts conducive to peace and welcomes all proposals that help cool down the situation and create conditions for dialogue and negotiation.',
      'A durable solution must take into account the legitimate security concerns of all parties and address the root causes of the crisis, Li said.',
      'Li said China and Brazil, together with other countries of the Global South, have established the group of “Friends of Peace” at the United Nations, and China will continue to play a constructive role in promoting talks.',
      'Lavrov briefed Li on Russia’s position and thanked China for its objective and balanced stance, according to the Russian Foreign Ministry.',
    ],
  },
  {
    event: E5,
    outlet: 'capital',
    slug: 'china-envoy-ceasefire-plan',
    title: 'China’s envoy backs talk of Ukraine ceasefire but not Europe’s plan',
    summary:
      'After talks in Moscow, Li Hui said Beijing supports “all efforts conducive to peace” but declined to endorse the 30-day ceasefire proposed by France, Germany and Britain.',
    hoursAgo: 28.6,
    author: 'Sophie Brandt',
    categories: ['World', 'Europe'],
    themes: ['ukraine-war', 'alliance-diplomacy'],
    paragraphs: [
      'BERLIN — China’s special envoy for the war in Ukraine said Saturday that Beijing supports “all efforts conducive to peace,” but pointedly declined to endorse a European proposal for a 30-day ceasefire, after talks in Moscow with Russian Foreign Minister Sergei Lavrov.',
      'The plan, put forward last week by France, Germany and Britain, calls for a truce along the current front line, monitored by international observers, followed by negotiations. Moscow rejected it within hours, calling it “a pause to rearm Kyiv.”',
      'Li Hui, Beijing’s special representative for Eurasian affairs, said any durable settlement must take into account “the legitimate security concerns of all parties” and address “the root causes of the crisis” — phrases that closely echo the Kremlin’s own language.',
      'Ukrainian officials were dismissive. “If China wants to contribute to peace, it can start by stopping the flow of components for Russian drones and missiles,” a spokesman for Ukraine’s Foreign Ministry said.',
      'European diplomats had hoped Beijing could nudge Moscow toward accepting a truce. “We did not expect an endorsement, but we hoped for more than silence on the substance,” said one official involved in drafting the plan, who spoke on the condition of anonymity to discuss diplomatic exchanges.',
      'China has never condemned Russia’s invasion and presents itself as neutral, while its exports of machinery and electronics have helped Russia keep its arms factories running.',
    ],
  },
  {
    event: E5,
    outlet: 'harbour',
    slug: 'li-hui-moscow-ukraine',
    title: 'Beijing’s Eurasia envoy echoes Moscow on Ukraine “security concerns”',
    summary:
      'Li Hui’s careful language in Moscow signals that Beijing will not back a European truce plan Russia has already rejected, analysts say.',
    hoursAgo: 21.5,
    author: 'Kelvin Lau',
    categories: ['China', 'Diplomacy'],
    themes: ['ukraine-war', 'alliance-diplomacy'],
    paragraphs: [
      'China’s special envoy on Eurasian affairs has returned from Moscow without endorsing a European ceasefire plan for Ukraine, using language that analysts say signals Beijing will not press Russia to accept a truce it has already rejected.',
      'After meeting Russian Foreign Minister Sergei Lavrov on Saturday, Li Hui said a durable solution must take into account “the legitimate security concerns of all parties” and “address the root causes”, formulations that closely track Moscow’s own.',
      '“The choice of words is deliberate,” said Zhao Long, an international relations scholar in Shanghai. “Beijing welcomes any ceasefire in principle but will not put its weight behind a plan drafted in Paris, Berlin and London that Moscow opposes.”',
      'The European proposal calls for a 30-day truce along the current front line under international monitoring. Kyiv has accepted it in principle; Moscow called it a pause to rearm Ukraine.',
      'Li also promoted the “Friends of Peace” group that China and Brazil launched at the United Nations, which European governments have treated with scepticism because it does not refer to Ukraine’s territorial integrity.',
      'The visit comes as the European Union prepares new sanctions on Chinese companies accused of supplying Russia’s defence industry, which Beijing has warned would harm relations with Europe.',
    ],
  },
  {
    event: E5,
    outlet: 'eurasia',
    slug: 'china-neutrality-ukraine-analysis',
    title: 'How neutral is China on Ukraine? The envoy’s Moscow visit answers little',
    summary: 'Beijing’s diplomacy keeps its options open while its trade keeps Russia’s war economy running.',
    hoursAgo: 15.3,
    author: 'Giorgi Beridze',
    categories: ['Analysis', 'Russia', 'China'],
    themes: ['ukraine-war', 'asymmetry-limits'],
    fullTextInFeed: true,
    paragraphs: [
      'Li Hui’s trip to Moscow at the weekend was the fourth by China’s special representative for Eurasian affairs since the full-scale invasion began. Like the previous three, it produced careful statements and no visible change in Beijing’s position.',
      'Li said China supports “all efforts conducive to peace” and called for the “legitimate security concerns of all parties” to be taken into account. He did not mention the 30-day ceasefire proposed by France, Germany and Britain, which Ukraine has accepted in principle and Russia has rejected.',
      'China’s claim to neutrality rests on the fact that it does not supply weapons. But Chinese exports of machine tools, microelectronics and drone components have become essential to Russia’s defence industry, according to Western governments and independent researchers, and Chinese purchases of Russian oil and gas help finance the war.',
      'Ukrainian officials say that if Beijing wanted a ceasefire, it has leverage Europe lacks. “China does not need to condemn anyone,” a Ukrainian diplomat in Tbilisi said. “It could simply enforce its own export controls.”',
      'For Beijing, the calculus is different. A Russian defeat would weaken its most important partner against the United States, while an open-ended war keeps Western attention divided and Russian resources flowing east at a discount.',
      'The envoy’s next stop, according to diplomats, will be Brussels, where the European Union is finalising sanctions against Chinese suppliers.',
    ],
  },

  // E6: sanctions on Chinese suppliers and the secondary-sanctions warning (Sunday)
  {
    event: E6,
    outlet: 'meridian',
    slug: 'eu-us-sanction-chinese-firms-russia',
    title: 'EU, US sanction Chinese firms over supplies to Russia’s military',
    summary:
      'The European Union and the United States on Sunday announced coordinated sanctions on 19 companies in mainland China and Hong Kong accused of supplying Russia’s defence industry.',
    hoursAgo: 13.1,
    author: 'Laura Bennett',
    categories: ['World', 'Sanctions'],
    themes: ['western-response', 'military', 'trade-finance'],
    paragraphs: [
      'The European Union and the United States on Sunday announced coordinated sanctions on 19 companies in mainland China and Hong Kong accused of supplying Russia with machine tools, drone engines and microelectronics used in weapons.',
      'The US Treasury Department said the companies had shipped more than $400 million of “high-priority” dual-use goods to Russian defence manufacturers since 2024, often through shell companies and transhipment hubs in Central Asia.',
      'Treasury also warned foreign banks that they risk being cut off from the US financial system if they process payments for Russia’s military-industrial base, under an executive order first signed in December 2023. “There is no grey zone here,” a senior Treasury official told reporters.',
      'The EU measures, part of its latest sanctions package, freeze the companies’ assets in the bloc and bar European firms from dealing with them.',
      'China’s foreign ministry said late on Sunday that it “firmly opposes” the sanctions and would take necessary measures to protect the rights of Chinese companies.',
      'Ukrainian intelligence says more than 80% of the foreign-made components found in Russian drones and missiles recovered on the battlefield reached Russia through China or Hong Kong.',
      'Reporting by Laura Bennett in Brussels and David Moore in Washington; Editing by Peter Lang',
    ],
  },
  {
    event: E6,
    outlet: 'ledger',
    slug: 'secondary-sanctions-warning-banks',
    title: 'Washington warns Chinese banks of secondary sanctions over Russia trade',
    summary:
      'The US Treasury said foreign lenders that process payments for Russia’s military-industrial base risk losing access to the dollar system.',
    hoursAgo: 9.2,
    author: 'Oliver Grant',
    categories: ['Business', 'Sanctions'],
    themes: ['western-response', 'trade-finance'],
    paragraphs: [
      'The US Treasury has warned Chinese banks that they risk losing access to the dollar system if they process payments linked to Russia’s military-industrial base, in the bluntest signal yet that Washington is prepared to use secondary sanctions against lenders in the world’s second-largest economy.',
      'The warning accompanied sanctions announced on Sunday, together with the EU, against 19 companies in mainland China and Hong Kong accused of supplying machine tools, drone engines and chips to Russian arms makers.',
      '“Any foreign financial institution that facilitates these transactions is exposing itself to serious risk,” a senior Treasury official said. Officials declined to say whether any Chinese bank was under investigation.',
      'The threat has already had an effect. Russian importers and bankers say large Chinese lenders have been returning a growing share of payments from Russia this autumn, forcing companies to use small regional banks and intermediaries.',
      '“Chinese banks have made their choice: the dollar matters more than Russian business,” said a Hong Kong-based compliance consultant. “What is left is a network of small banks that have no US exposure and charge accordingly.”',
      'Beijing has condemned the measures as illegal unilateral sanctions and said it would protect the rights of Chinese companies.',
    ],
  },
  {
    event: E6,
    outlet: 'eurasia',
    slug: 'sanctions-chinese-suppliers-explainer',
    title: 'Explainer: why the West is targeting Chinese suppliers of Russia’s arms industry',
    summary:
      'The new US and EU designations focus on the machine tools, drone engines and chips that Western officials say keep Russian factories running.',
    hoursAgo: 6.2,
    author: 'Nino Kapanadze',
    categories: ['Explainer', 'Sanctions'],
    themes: ['western-response', 'military', 'ukraine-war'],
    fullTextInFeed: true,
    paragraphs: [
      'The United States and the European Union on Sunday sanctioned 19 companies in mainland China and Hong Kong. Here is why Western governments are increasingly focused on Chinese suppliers.',
      'What do the companies sell? According to the US Treasury, machine tools for making shells and missile parts, engines and thermal cameras for drones, and microelectronics used in guidance systems. Treasury says they shipped more than $400 million of such goods since 2024.',
      'Why China? Ukrainian intelligence says more than 80% of the foreign components found in Russian weapons recovered on the battlefield reached Russia through China or Hong Kong. Western officials say China supplies the bulk of Russia’s imports of machine tools and microelectronics.',
      'What is new? The threat of secondary sanctions on banks. Treasury warned foreign lenders that processing payments for Russia’s defence industry could cost them access to the US financial system, which is why large Chinese banks have become cautious.',
      'How has Beijing responded? China’s foreign ministry called the measures illegal unilateral sanctions and said normal trade between China and Russia should not be interfered with. It has not said what countermeasures it might take.',
      'Will it work? Previous rounds led to a wave of new shell companies in Hong Kong and Central Asia. Researchers say enforcement against intermediaries in Kazakhstan, Kyrgyzstan and the UAE will matter as much as the designations themselves.',
    ],
  },
  {
    event: E6,
    outlet: 'huaxia',
    slug: 'fm-spokesperson-sanctions-response',
    title: 'China firmly opposes US, EU sanctions on Chinese firms: FM spokesperson',
    summary:
      'China will take necessary measures to firmly safeguard the legitimate rights and interests of Chinese companies, a Foreign Ministry spokesperson said.',
    hoursAgo: 7.1,
    categories: ['China', 'World'],
    themes: ['western-response', 'trade-finance'],
    paragraphs: [
      'BEIJING, Nov. 23 (Huaxia) -- China firmly opposes the illegal unilateral sanctions imposed by the United States and the European Union on Chinese companies on the pretext of Russia, Foreign Ministry spokesperson Lin Jian said in a statement late on Sunday.',
      'Normal exchanges and cooperation between Chinese and Russian companies are not directed at any third party and should not be disrupted or interfered with, Lin said.',
      'China has always adopted an objective and impartial position on the Ukraine crisis, has never provided lethal weapons to any party and strictly controls the export of dual-use items, the spokesperson said.',
      'The practice of imposing sanctions and “long-arm jurisdiction” at every turn will not solve problems but will only make them more complicated, Lin said, urging the US and the EU to stop smearing China.',
      'China will take necessary measures to firmly safeguard the legitimate rights and interests of Chinese companies, he said.',
    ],
  },
  {
    event: E6,
    outlet: 'ribao',
    slug: 'waijiaobu-fandui-zhicai',
    title: '外交部：坚决反对美欧以涉俄为由制裁中国企业',
    summary:
      '外交部发言人林剑表示，中方坚决反对美欧以涉俄为由对中国企业实施非法单边制裁，将采取必要措施维护中国企业正当权益。',
    hoursAgo: 6.4,
    categories: ['国际', '外交'],
    themes: ['western-response', 'trade-finance'],
    paragraphs: [
      '外交部发言人林剑22日晚就美国和欧盟宣布制裁19家中国企业发表谈话表示，中方坚决反对美欧以涉俄为由对中国企业实施非法单边制裁。',
      '林剑说，中俄企业之间的正常交流合作不针对任何第三方，不应受到干扰和影响。',
      '发言人指出，在乌克兰危机问题上，中方始终秉持客观公正立场，从未向冲突任何一方提供致命性武器，并严格管控两用物项出口。',
      '林剑表示，动辄挥舞制裁大棒、搞“长臂管辖”解决不了问题，只会使问题更加复杂化。我们敦促美欧停止抹黑中国。',
      '中方将采取必要措施，坚决维护中国企业的正当权益。',
    ],
  },
  {
    event: E6,
    outlet: 'search',
    slug: 'eu-sanctions-turning-point-search',
    title: 'Europe’s sanctions on Chinese suppliers: symbolic, or a turning point? - Nordic Policy Review',
    summary:
      'The designations matter less than whether Europe is ready to enforce them against intermediaries.',
    hoursAgo: 8.3,
    themes: ['western-response', 'trade-finance'],
    publisher: { id: 'nordic', name: 'Nordic Policy Review', slug: 'europe-sanctions-chinese-suppliers' },
    paragraphs: [
      'On Sunday the European Union added companies from mainland China and Hong Kong to its sanctions list for the latest time, in coordination with the United States. Nineteen firms accused of supplying machine tools, drone engines and microelectronics to Russia’s arms industry will have their European assets frozen.',
      'Designations of this kind have become routine. What has changed is the American warning to banks. If large Chinese lenders conclude that handling Russian defence-related payments puts their dollar business at risk, the cost of supplying Russia will rise far more than any list of company names could achieve.',
      'Europe has no equivalent instrument. The EU cannot cut a bank off from the euro in the way Washington can from the dollar, and member states remain divided over how hard to push Beijing while trade tensions over electric vehicles and rare earths are unresolved.',
      '“The risk is that Europe designates and America enforces,” said Lena Holm, a sanctions researcher in Stockholm. “That division of labour leaves the EU with little influence over the outcome.”',
      'Beijing has called the measures illegal and promised to protect Chinese companies. Past rounds were followed by a wave of new trading firms registered in Hong Kong and Central Asia within weeks, and researchers expect the same again.',
    ],
  },

  // E7: Northern Sea Route container deal (Sunday)
  {
    event: E7,
    outlet: 'courier',
    slug: 'rosatom-chinese-shipping-northern-sea-route',
    title: 'Rosatom and Chinese shipping group sign Northern Sea Route container deal',
    summary:
      'The partners plan year-round container transits on the Arctic route by 2030 and will build five ice-class ships at Chinese yards.',
    hoursAgo: 17.2,
    categories: ['Business', 'Arctic'],
    themes: ['tech-infrastructure', 'energy'],
    fullTextInFeed: true,
    paragraphs: [
      "Russia's state nuclear corporation Rosatom and China's Haixing Polar Shipping signed an agreement on Sunday to set up a joint venture for regular container transits on the Northern Sea Route, Rosatom said.",
      'Under the deal, five Arc7 ice-class container ships of about 4,000 TEU each will be built at Chinese shipyards, with the first deliveries expected in 2028. Rosatom will hold 51 percent of the joint venture.',
      '"This is a historic step. Together with our Chinese partners we will turn the Northern Sea Route into a competitive global transport corridor," Rosatom Director General Alexei Likhachev said at the signing ceremony in Moscow.',
      "The partners plan to extend the navigation season for container ships to nine months a year from 2027 and to offer year-round transits by 2030, relying on Russia's fleet of nuclear icebreakers.",
      'The Arctic route cuts the sailing time between Shanghai and St. Petersburg to about 20 days, compared with 35-40 days via the Suez Canal. Transit cargo on the route, most of it between Russia and China, reached a record of about 3 million tonnes last year.',
    ],
  },
  {
    event: E7,
    outlet: 'vestnik',
    slug: 'sevmorput-kitay-konteynery',
    title: '«Росатом» и китайская компания создадут СП для контейнерных перевозок по Севморпути',
    summary:
      'На китайских верфях построят пять контейнеровозов ледового класса Arc7, круглогодичная навигация ожидается к 2030 году.',
    hoursAgo: 16.6,
    categories: ['Экономика', 'Арктика'],
    themes: ['tech-infrastructure'],
    paragraphs: [
      'Госкорпорация «Росатом» и китайская компания Haixing Polar Shipping подписали в воскресенье в Москве соглашение о создании совместного предприятия для регулярных контейнерных перевозок по Северному морскому пути.',
      'Для СП на китайских верфях будут построены пять контейнеровозов ледового класса Arc7 вместимостью около 4 тыс. TEU каждый. Первые суда должны быть сданы в 2028 году. «Росатому» будет принадлежать 51% совместного предприятия.',
      '«Это исторический шаг. Вместе с китайскими партнерами мы превратим Севморпуть в конкурентоспособный глобальный транспортный коридор», — заявил генеральный директор «Росатома» Алексей Лихачев.',
      'С 2027 года партнеры планируют продлить навигацию для контейнеровозов до девяти месяцев, а к 2030 году перейти к круглогодичным рейсам при поддержке атомного ледокольного флота.',
      'Путь из Шанхая в Санкт-Петербург по Севморпути занимает около 20 суток против 35–40 суток через Суэцкий канал. Транзит по трассе в прошлом году достиг рекордных 3 млн тонн.',
    ],
  },
  {
    event: E7,
    outlet: 'harbour',
    slug: 'arctic-route-china-russia-ships',
    title: 'China to build ice-class ships for Russia’s Arctic shipping route',
    summary:
      'A Chinese shipping group will build five ice-breaking container ships in a joint venture with Rosatom, part of Beijing’s “Polar Silk Road” ambitions.',
    hoursAgo: 12.1,
    author: 'Jason Ng',
    categories: ['China', 'Economy'],
    themes: ['tech-infrastructure'],
    paragraphs: [
      'A Chinese shipping company will build five ice-class container ships for a joint venture with Russia’s Rosatom to run regular voyages along the Arctic Northern Sea Route, the partners said on Sunday, advancing what Beijing calls the “Polar Silk Road”.',
      'Haixing Polar Shipping, a privately held firm based in Hainan, will order the Arc7 vessels from yards in Shanghai and Jiangsu, with deliveries from 2028. Rosatom will control 51 per cent of the venture.',
      'The route can cut the voyage from Shanghai to northern Europe by around two weeks compared with the Suez Canal, but ice limits commercial navigation to a few summer months, and Western insurers and shipowners have largely avoided it since 2022.',
      '“For Chinese exporters to Europe, the Arctic is still a niche,” said Lo Wing-kin, a shipping analyst in Hong Kong. “For Russia, it is strategic. China is taking a commercial option, and Russia is paying for the icebreakers.”',
      'Chinese state shipping giants have stayed away from the route, wary of sanctions exposure. Smaller private firms like Haixing have filled the gap, making dozens of transits in the past two seasons.',
      'Environmental groups warned that more traffic would raise the risk of fuel spills in one of the most fragile ecosystems on the planet.',
    ],
  },

  // E8: Chinese cars and machinery in Russia
  {
    event: E8,
    outlet: 'steppe',
    slug: 'chinese-cars-russian-market',
    title: 'Chinese brands take more than half of Russia’s car market',
    summary:
      'Chinese carmakers sold 57% of new cars in Russia in the first ten months of the year, up from less than 10% before the war.',
    hoursAgo: 26.2,
    author: 'Pavel Grigoriev',
    categories: ['Economy'],
    themes: ['asymmetry-limits', 'trade-finance'],
    paragraphs: [
      'Chinese brands accounted for 57% of new passenger cars sold in Russia in the first ten months of 2026, according to industry data published on Saturday. Before 2022 their share was less than 10%.',
      'Add the cars assembled in Russia from Chinese kits and sold under Russian names, and the figure rises to about two-thirds, analysts estimate. Haval, Chery and Geely now outsell every Russian brand except Lada.',
      'Russian manufacturers say they cannot compete. AvtoVAZ, the maker of Lada, moved to a four-day week in the autumn and has cut its production plan twice this year. The government responded by raising the recycling fee on imported cars again, from December 1.',
      'The car market is only the most visible sign of a broader dependence. China now supplies more than half of Russia’s imports of machinery and equipment, from machine tools to trucks and telecoms gear, while Russia exports mainly oil, gas and coal to China.',
      '“We swapped dependence on Europe for dependence on China, but on worse terms,” said an economist at a Moscow university who asked not to be named. “Europe bought our gas and sold us technology. China buys our raw materials at a discount and sells us finished goods at a premium.”',
    ],
  },
  {
    event: E8,
    outlet: 'ledger',
    slug: 'russia-dependence-chinese-goods',
    title: 'Russia’s growing reliance on Chinese goods worries Moscow’s industrialists',
    summary:
      'From cars to machine tools, Chinese imports are displacing Russian producers, and industry lobbies want protection.',
    hoursAgo: 10.3,
    author: 'Oliver Grant',
    categories: ['Business', 'Russia'],
    themes: ['asymmetry-limits', 'trade-finance'],
    paragraphs: [
      'Russia’s industrialists are growing uneasy about their country’s dependence on Chinese goods, warning that cheap imports of cars, machinery and components are hollowing out domestic manufacturers that the Kremlin wants to revive.',
      'Chinese brands took 57 per cent of Russia’s new car market in the first ten months of the year, and China supplies more than half of Russia’s imports of machinery and equipment, according to industry and customs data.',
      'At a meeting of the Russian Union of Industrialists and Entrepreneurs last week, executives called for higher import duties and local content rules. “We did not leave one dependence to fall into another,” one carmaker said, according to two people present.',
      'The government has responded piecemeal. The recycling fee on imported cars rises again on December 1, and officials have pressed Chinese carmakers to assemble vehicles in Russia rather than ship finished cars.',
      'Chinese companies have been cautious about investing. Several have paused plans for Russian plants because of sanctions risks and a slowing market: new car sales are expected to fall by about a fifth this year.',
      'The trade balance tells the story: Russia sells China oil, gas, coal and timber, and buys back finished goods. “It is a colonial structure of trade, and the Russian elite knows it,” said a Western diplomat in Moscow.',
    ],
  },
  {
    event: E8,
    outlet: 'vestnik',
    slug: 'utilsbor-kitayskie-avtomobili',
    title: 'Утильсбор вырастет с 1 декабря: как это отразится на ценах китайских автомобилей',
    summary:
      'Доля китайских марок на российском рынке превысила 57%. Производители просят защитить отечественный автопром.',
    hoursAgo: 20.3,
    categories: ['Экономика', 'Авто'],
    themes: ['asymmetry-limits', 'trade-finance'],
    paragraphs: [
      'С 1 декабря утилизационный сбор на ввозимые легковые автомобили вновь вырастет. По оценкам дилеров, цены на китайские автомобили могут подняться на 5–10%.',
      'За десять месяцев 2026 года доля китайских марок на российском рынке новых легковых автомобилей достигла 57%, тогда как до 2022 года она не превышала 10%.',
      'Российские производители просят правительство о дополнительных мерах защиты. АвтоВАЗ осенью перешел на четырехдневную рабочую неделю и дважды сокращал производственный план.',
      'В Минпромторге заявляют, что рассчитывают на локализацию производства китайских марок в России. Однако ряд китайских компаний отложил планы строительства заводов из-за санкционных рисков.',
      'Эксперты отмечают, что зависимость от Китая касается не только автомобилей: на КНР приходится больше половины российского импорта машин и оборудования.',
    ],
  },

  // E9: SCO foreign ministers in Bishkek (Sunday)
  {
    event: E9,
    outlet: 'huaxia',
    slug: 'wang-yi-lavrov-sco-bishkek',
    title: 'Wang Yi, Lavrov call for reform of global governance at SCO ministers’ meeting',
    summary:
      'Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov on the sidelines of the SCO Council of Foreign Ministers in Bishkek.',
    hoursAgo: 21.2,
    categories: ['China', 'World'],
    themes: ['multipolar-order', 'alliance-diplomacy'],
    paragraphs: [
      'BISHKEK, Nov. 22 (Huaxia) -- Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergei Lavrov on Sunday on the sidelines of the meeting of the Council of Foreign Ministers of the Shanghai Cooperation Organization (SCO).',
      'Wang said China and Russia, as permanent members of the UN Security Council and major emerging economies, should strengthen coordination and jointly promote a more just and reasonable global governance system.',
      'The Global Governance Initiative proposed by China has received broad support from SCO member states, Wang said, adding that the organization should oppose bloc confrontation and unilateralism.',
      'Lavrov said Russia supports the Global Governance Initiative and is ready to work with China to advance reform of international financial institutions, including the International Monetary Fund, to better reflect the weight of developing countries.',
      'The two sides also exchanged views on the situation in Afghanistan and on preparations for the next SCO summit.',
    ],
  },
  {
    event: E9,
    outlet: 'ribao',
    slug: 'wangyi-lafuluofu-shanghezuzhi',
    title: '王毅会见俄罗斯外长拉夫罗夫',
    summary: '11月22日，外交部长王毅在比什凯克出席上合组织外长理事会会议期间会见俄罗斯外长拉夫罗夫。',
    hoursAgo: 20.6,
    categories: ['国际', '外交'],
    themes: ['multipolar-order', 'alliance-diplomacy'],
    paragraphs: [
      '当地时间11月22日，中共中央政治局委员、外交部长王毅在比什凯克出席上海合作组织成员国外长理事会会议期间会见俄罗斯外长拉夫罗夫。',
      '王毅表示，中俄作为联合国安理会常任理事国和主要新兴经济体，应加强战略协作，共同推动全球治理体系朝着更加公正合理的方向发展。',
      '王毅指出，中方提出的全球治理倡议得到上合组织成员国广泛支持。上合组织应坚持开放包容，反对集团对抗和单边主义。',
      '拉夫罗夫表示，俄方支持全球治理倡议，愿同中方推进国际金融机构改革，提升发展中国家的代表性和发言权。',
      '双方还就阿富汗局势和上合组织下一次峰会筹备工作交换了意见。',
    ],
  },
  {
    event: E9,
    outlet: 'courier',
    slug: 'lavrov-sco-payments',
    title: 'Lavrov: SCO to build payment systems independent of Western currencies',
    summary:
      "The Russian foreign minister called for an SCO development bank and wider use of national currencies at the ministers' meeting in Bishkek.",
    hoursAgo: 20.1,
    categories: ['World'],
    themes: ['multipolar-order', 'trade-finance'],
    fullTextInFeed: true,
    paragraphs: [
      'The Shanghai Cooperation Organization should speed up the creation of its own development bank and payment systems that do not depend on Western currencies, Russian Foreign Minister Sergei Lavrov said in Bishkek on Sunday.',
      '"The West has turned the dollar and the euro into weapons. Our countries need reliable instruments that no one can switch off," Lavrov told the meeting of SCO foreign ministers.',
      'Lavrov held talks with Chinese Foreign Minister Wang Yi on the sidelines of the meeting. Both ministers called for reform of the International Monetary Fund and other institutions dominated by Western countries, the Russian Foreign Ministry said.',
      'Lavrov said the share of national currencies in trade between SCO members was growing steadily and that Russia would present proposals on a common settlement platform at the next summit.',
      'The SCO includes China, Russia, India, Pakistan, Iran, Belarus and four Central Asian states.',
    ],
  },
  {
    event: E9,
    outlet: 'eurasia',
    slug: 'sco-bishkek-ministers-divisions',
    title: 'SCO ministers meet in Bishkek as Moscow and Beijing push governance reform',
    summary:
      'Russia and China used the meeting to promote alternatives to Western-led institutions, while India urged a focus on terrorism and connectivity.',
    hoursAgo: 17.4,
    author: 'Aida Sultanova',
    categories: ['Central Asia', 'Diplomacy'],
    themes: ['multipolar-order', 'alliance-diplomacy'],
    paragraphs: [
      'Foreign ministers of the Shanghai Cooperation Organization met in the Kyrgyz capital on Sunday, where Russia and China used the platform to promote reform of the International Monetary Fund and alternatives to Western payment systems.',
      'Russian Foreign Minister Sergei Lavrov called for an SCO development bank and a common settlement platform “that no one can switch off”. China’s Wang Yi said the bloc should oppose “bloc confrontation” and backed Beijing’s Global Governance Initiative.',
      'Not every member shares the enthusiasm. India’s external affairs minister told the meeting that the organization should focus on counter-terrorism and connectivity, and New Delhi has repeatedly blocked language it sees as directed against the West.',
      'Central Asian members, which depend on both Moscow and Beijing, kept a low profile. Kyrgyz officials highlighted the China–Kyrgyzstan–Uzbekistan railway, whose construction is under way, as the meeting’s practical achievement.',
      '“For Moscow, the SCO is a stage to show it is not isolated. For Beijing, it is a tool for shaping Central Asia,” said Erlan Karin, a political analyst in Almaty. “For everyone else, it is a place to hedge.”',
    ],
  },
  {
    event: E9,
    outlet: 'harbour',
    slug: 'sco-bishkek-wang-lavrov',
    title: 'Wang Yi and Lavrov tout “global governance reform” at SCO talks in Bishkek',
    summary: 'China and Russia presented a united front at the regional security bloc’s ministerial meeting.',
    hoursAgo: 18.3,
    author: 'Kelvin Lau',
    categories: ['China', 'Diplomacy'],
    themes: ['multipolar-order', 'alliance-diplomacy'],
    missingPage: true,
    paragraphs: [],
  },

  // E10: WWII memory and state media (Friday signing, weekend coverage)
  {
    event: E10,
    outlet: 'huaxia',
    slug: 'china-russia-media-cooperation-ww2',
    title: 'China, Russia state broadcasters to co-produce WWII documentary series',
    summary:
      'The series will tell the story of the two peoples’ joint struggle against fascism and militarism, the broadcasters said.',
    hoursAgo: 31.2,
    categories: ['China', 'Culture'],
    themes: ['narrative-history'],
    paragraphs: [
      'BEIJING, Nov. 21 (Huaxia) -- China Media Group and Russia’s state television and radio company VGTRK on Friday signed an agreement to co-produce an eight-part documentary series on the World Anti-Fascist War.',
      'The series will tell the story of the Chinese and Soviet peoples’ joint struggle against fascism and militarism and their great sacrifices for victory, according to the agreement.',
      'The two sides will also exchange news content and hold a joint media forum in 2027, which they have designated a “year of media cooperation”.',
      'Officials from both broadcasters said the project would help safeguard the outcomes of the Second World War and “resolutely oppose any attempt to distort or falsify history”.',
      'China and Russia held a series of joint commemorations last year to mark the 80th anniversary of the victory.',
    ],
  },
  {
    event: E10,
    outlet: 'ribao',
    slug: 'zhongyang-guangbo-eluosi-jilupian',
    title: '中俄媒体将联合摄制二战题材纪录片',
    summary: '中央广播电视总台与俄罗斯全俄国家电视广播公司21日签署合作协议，将联合摄制八集纪录片。',
    hoursAgo: 30.1,
    categories: ['文化', '国际'],
    themes: ['narrative-history'],
    paragraphs: [
      '中央广播电视总台与俄罗斯全俄国家电视广播公司21日签署合作协议，双方将联合摄制八集世界反法西斯战争题材纪录片。',
      '纪录片将讲述中苏两国人民共同抗击法西斯和军国主义、为胜利作出巨大牺牲的历史。',
      '根据协议，双方还将加强新闻内容交换，并于2027年举办中俄媒体论坛。双方将2027年确定为“媒体合作年”。',
      '双方负责人表示，此举有助于维护第二次世界大战胜利成果，坚决反对任何歪曲、篡改历史的企图。',
    ],
  },
  {
    event: E10,
    outlet: 'courier',
    slug: 'russia-china-media-year',
    title: 'Russia and China launch year of media cooperation to defend historical truth',
    summary:
      'VGTRK and China Media Group will co-produce a documentary series on the Second World War and exchange news content.',
    hoursAgo: 22.4,
    categories: ['Russia', 'Culture'],
    themes: ['narrative-history'],
    fullTextInFeed: true,
    paragraphs: [
      'Russia\'s VGTRK and China Media Group have agreed to co-produce an eight-part documentary series about the Second World War, the Russian broadcaster said, as the two countries prepare a "year of media cooperation" in 2027.',
      'The series will show the decisive contribution of the Soviet Union and China to the defeat of Nazism and Japanese militarism, VGTRK said, and counter what it called "the falsification of history" in Western countries.',
      '"Our peoples paid the highest price for victory. We will not allow anyone to rewrite that history," VGTRK\'s deputy director general said at the signing ceremony in Beijing.',
      'The agreement extends a 2021 deal under which state media of the two countries exchange news reports, television programs and social media content.',
    ],
  },
  {
    event: E10,
    outlet: 'steppe',
    slug: 'kremlin-beijing-history-propaganda',
    title: 'A shared war story: how Moscow and Beijing are writing the history of 1945 together',
    summary:
      'A new documentary deal between state broadcasters is part of a wider effort to build a common anti-Western narrative of the Second World War.',
    hoursAgo: 12.4,
    author: 'Darya Lebedeva',
    categories: ['Society', 'Media'],
    themes: ['narrative-history'],
    paragraphs: [
      'Russian and Chinese state television agreed on Friday to co-produce a documentary series about the Second World War. The announcement came with the usual language about “resisting the falsification of history”, a phrase that in Kremlin usage means any account that departs from the official one.',
      'The joint narrative has its awkward chapters. The Soviet Union signed a neutrality pact with Japan in 1941 and kept it until August 1945, while China fought alone. Soviet troops entering Manchuria at the end of the war stripped factories and shipped them north, something Chinese historians used to write about openly.',
      'None of that is likely to appear on screen. “The purpose of these projects is not history but alignment,” said a Russian historian who now lives in Riga. “The war is presented as a common victory over an enemy that, in the subtext, is the West today.”',
      'The agreement extends a 2021 deal under which the two countries’ state media exchange news reports and social media content. Independent researchers have documented how Chinese state outlets amplify Russian claims about the war in Ukraine in Chinese and English.',
      'For Beijing, the shared memory of 1945 is a useful tool as it presents itself as a guardian of the post-war order at the United Nations. For Moscow, it is one of the few areas where the two countries can appear as equals.',
    ],
  },

  // S1: a single-outlet story
  {
    event: 'S01-amur-cable-car',
    outlet: 'huaxia',
    slug: 'heihe-blagoveshchensk-cable-car',
    title: 'World’s first cross-border cable car linking China, Russia completes construction',
    summary:
      'The cable car across the Heilongjiang River between Heihe and Blagoveshchensk is expected to open to passengers in 2027.',
    hoursAgo: 14.3,
    categories: ['China', 'Economy'],
    themes: ['tech-infrastructure'],
    paragraphs: [
      'HARBIN, Nov. 22 (Huaxia) -- Construction has been completed on the world’s first cross-border cable car, linking the city of Heihe in northeast China’s Heilongjiang Province with Blagoveshchensk in Russia, local authorities said on Sunday.',
      'The cable car, nearly 1 km long, spans the Heilongjiang River, known in Russia as the Amur. Each cabin can carry up to 60 passengers, and the crossing takes about seven minutes.',
      'After testing and the completion of border inspection facilities, the line is expected to open to passengers in 2027, the Heihe municipal government said. It is expected to handle up to 1 million trips a year.',
      'Heihe and Blagoveshchensk are already linked by a road bridge that opened in 2022. Officials said the cable car would boost tourism and trade between the two border cities.',
    ],
  },
];
