/**
 * The rest of the sample day: ordinary world, business, technology, science, sport and culture
 * news, each outlet's own desk (Russian and Chinese outlets in their languages), and the traps:
 * items that mention China, Russia or their words without being about the relationship
 * (adversary lists, other senses of "Moscow" and "XI", third-party relations, analogies,
 * summit roundups). Written for the project; no item is copied from a real feed.
 */
import type { OutletId } from './events.ts';

export type Headline = [title: string, summary: string];

export interface Section {
  section: string;
  items: Headline[];
}

/** Wire-style world news that several outlets may carry under the same headline. */
export const WORLD: Section[] = [
  {
    section: 'World',
    items: [
      [
        'Floods force thousands from their homes in northern Italy',
        'Rivers in Emilia-Romagna burst their banks after three days of heavy rain, and regional authorities closed schools in 40 towns.',
      ],
      [
        'Lebanese army deploys more troops to the south under truce deal',
        'The deployment is part of an arrangement that requires armed groups to withdraw north of the Litani river.',
      ],
      [
        'Aid agencies warn of famine risk in Sudan’s Darfur as fighting spreads',
        'The World Food Programme said convoys had been unable to reach El Fasher for six weeks.',
      ],
      [
        'Chile’s Congress approves overhaul of pension system',
        'The reform raises employer contributions and creates a state-run fund alongside private managers.',
      ],
      [
        'Earthquake of magnitude 6.4 strikes off Vanuatu, no tsunami warning',
        'Residents of Port Vila reported strong shaking but there were no immediate reports of damage.',
      ],
      [
        'French prime minister survives no-confidence vote over budget',
        'The motion fell 31 votes short after the Socialists abstained in exchange for concessions on pensions.',
      ],
      [
        'Polish farmers block border crossings in protest over grain imports',
        'Lorry queues stretched for 20 kilometres at two crossings as farmers demanded tighter quotas.',
      ],
      [
        'Mexico’s Senate approves judicial overhaul amendments',
        'The changes delay the second round of judicial elections by a year.',
      ],
      [
        'Gaza aid deliveries rise but remain below target, UN says',
        'About 350 lorries a day entered the territory last week, against a target of 600.',
      ],
      [
        'Ethiopia and Somalia agree to talks on port access dispute',
        'Turkey will host the next round of negotiations in December.',
      ],
      [
        'Nepal’s prime minister wins confidence vote after coalition reshuffle',
        'The vote ends weeks of uncertainty after a junior partner quit the government.',
      ],
      [
        'Venice doubles day-tripper fee for next summer',
        'Visitors who do not stay overnight will pay 10 euros on peak days from April.',
      ],
      [
        'Kenya launches inquiry into collapsed housing project',
        'Seventeen people died when an unfinished apartment block collapsed in Nairobi last week.',
      ],
      [
        'Colombia and ELN rebels resume talks in Caracas',
        'The government’s negotiator said a bilateral ceasefire could be extended by six months.',
      ],
      [
        'Ireland’s coalition agrees housing package worth 4 billion euros',
        'The plan includes tax incentives for apartment construction and more social housing.',
      ],
      [
        'Bangladesh sets date for general election',
        'The election commission said the vote would be held in the second week of February.',
      ],
      [
        'Typhoon weakens after lashing northern Philippines',
        'At least 12 people were killed and more than 200,000 evacuated, disaster officials said.',
      ],
      [
        'Dutch court orders government to cut nitrogen emissions faster',
        'The ruling could force further buyouts of livestock farms near protected nature areas.',
      ],
      [
        'Argentina’s inflation slows for sixth straight month',
        'Monthly consumer prices rose 1.9%, the lowest reading in five years.',
      ],
      [
        'Greece to expand marine parks in the Aegean',
        'Bottom trawling will be banned in the new protected areas from 2027.',
      ],
    ],
  },
  {
    section: 'Business',
    items: [
      [
        'Oil slips as OPEC+ signals it will keep output steady',
        'Brent crude fell below $68 a barrel after delegates said the group was unlikely to change policy at its December meeting.',
      ],
      [
        'Airbus raises delivery forecast as engine supply improves',
        'The planemaker now expects to deliver about 820 commercial aircraft this year.',
      ],
      [
        'European shares edge higher, led by banks',
        'The STOXX 600 rose 0.4% as investors weighed weaker-than-expected business surveys.',
      ],
      [
        'Japan’s core inflation stays above target for another month',
        'Economists expect the central bank to consider a rate rise in January.',
      ],
      [
        'Gold hovers near record as investors seek safety',
        'Spot gold traded around $2,900 an ounce after a volatile week.',
      ],
      [
        'Shipping rates fall as Red Sea traffic slowly returns',
        'Container freight indices dropped for a fourth straight week.',
      ],
      [
        'Volkswagen agrees pay deal with unions, avoiding strikes',
        'The agreement includes a two-year wage freeze in exchange for job guarantees.',
      ],
      [
        'UK retail sales fall unexpectedly in October',
        'Shoppers held back ahead of the budget, official figures showed.',
      ],
      [
        'Coffee prices climb as Brazil harvest disappoints',
        'Arabica futures rose 4% after a leading forecaster cut its crop estimate.',
      ],
      [
        'Indian startup funding rebounds in third quarter',
        'Fintech and climate technology companies drew the most investment.',
      ],
      [
        'Emirates orders 40 more wide-body jets',
        'The order, announced at an air show in Dubai, is worth about $20 billion at list prices.',
      ],
      [
        'Saudi Aramco prices bond sale at tighter spread',
        'The oil giant raised $5 billion in a three-part deal.',
      ],
    ],
  },
  {
    section: 'Technology',
    items: [
      [
        'EU opens investigation into app store fees',
        'Regulators said the terms may breach the Digital Markets Act.',
      ],
      [
        'Chipmaker results beat forecasts on data centre demand',
        'Revenue from artificial intelligence accelerators more than doubled from a year earlier.',
      ],
      [
        'Smartphone shipments grow for fifth straight quarter',
        'Demand for mid-range models offset weakness at the top end of the market.',
      ],
      [
        'Major cloud outage disrupts banks and airlines for three hours',
        'The provider blamed a faulty configuration change in one of its data centres.',
      ],
      [
        'Australia’s under-16 social media ban faces first legal challenge',
        'A digital rights group argues the law is incompatible with the implied freedom of political communication.',
      ],
      [
        'Researchers unveil battery that charges in six minutes',
        'The prototype uses a new silicon anode and could reach cars by 2029, the team said.',
      ],
      [
        'Satellite internet firm wins licence in South Africa',
        'The licence comes after a long dispute over local ownership rules.',
      ],
    ],
  },
  {
    section: 'Science',
    items: [
      [
        'Astronomers spot water vapour on distant rocky planet',
        'The observation by a space telescope is the strongest evidence yet of an atmosphere on a small exoplanet.',
      ],
      [
        'New malaria vaccine rollout expands to 12 more African countries',
        'Health officials said more than 5 million children would be reached by the end of next year.',
      ],
      [
        'Antarctic sea ice hits record low for November',
        'Scientists said the decline was consistent with a warming Southern Ocean.',
      ],
      [
        'Ancient footprints push back human arrival in the Americas',
        'Researchers dated the prints in New Mexico to about 23,000 years ago.',
      ],
      [
        'European rocket launches weather satellite',
        'The satellite will improve forecasts of storms over Europe and Africa.',
      ],
    ],
  },
  {
    section: 'Sport',
    items: [
      [
        'New Zealand beat France in rugby test in Paris',
        'The All Blacks scored three second-half tries to win 31-19.',
      ],
      [
        'Real Madrid go top after late winner at Sevilla',
        'A stoppage-time header moved Real one point clear.',
      ],
      [
        'Verstappen wins in Las Vegas to keep title race alive',
        'The Dutchman finished 4.2 seconds ahead as his rival retired with a gearbox failure.',
      ],
      [
        'Kenyan runners sweep podium at Valencia marathon',
        'The winner broke the course record by 40 seconds.',
      ],
      ['Sinner beats Alcaraz in season-ending final', 'The world number one won in straight sets in Turin.'],
      ['Arsenal held to draw by Brentford', 'The visitors equalised with ten minutes left.'],
    ],
  },
  {
    section: 'Culture',
    items: [
      [
        'Booker Prize goes to debut novel about a Scottish fishing town',
        'The judges praised its “quiet, unflinching” portrait of a community in decline.',
      ],
      [
        'Restored Vermeer goes on display in Amsterdam',
        'Conservators removed layers of varnish that had hidden a painted curtain.',
      ],
      [
        'Film about Lagos taxi drivers wins top prize at festival',
        'The jury called the film a portrait of a city in constant motion.',
      ],
      [
        'Opera house reopens after five-year renovation',
        'The first night featured a new production of Verdi’s Otello.',
      ],
    ],
  },
];

/** Each outlet's own desk: the news only it (or its kind of outlet) would carry. */
export const DESKS: Partial<Record<OutletId, Section[]>> = {
  meridian: [
    {
      section: 'Markets',
      items: [
        [
          'Dollar steady ahead of US consumer confidence data',
          'The dollar index was little changed as traders awaited figures due later in the week.',
        ],
        [
          'Asian shares mixed as investors weigh China factory data',
          'Tokyo’s Nikkei rose 0.6% while Hong Kong’s Hang Seng slipped.',
        ],
        ['Bond yields dip as euro zone growth slows', 'Germany’s 10-year yield fell four basis points.'],
        [
          'Copper hits three-month high on supply disruptions',
          'A strike at a Chilean mine and lower Peruvian output lifted prices.',
        ],
      ],
    },
    {
      section: 'World',
      items: [
        [
          'Canadian wildfire season was second-worst on record, officials say',
          'More than 11 million hectares burned this year.',
        ],
        [
          'Portugal’s president calls snap election after budget defeat',
          'The vote will be held on February 7.',
        ],
        [
          'Pakistan reopens Afghan border crossing after week-long closure',
          'Hundreds of lorries had been stranded at Torkham.',
        ],
        [
          'Tanzania opposition leader freed on bail',
          'The court set conditions barring him from addressing rallies.',
        ],
      ],
    },
    {
      section: 'Sport',
      items: [
        [
          'Djokovic withdraws from Davis Cup finals with injury',
          'The Serbian said he needed rest before the Australian Open.',
        ],
        [
          'Boxing: heavyweight title fight set for Riyadh in March',
          'The bout was confirmed after weeks of negotiations.',
        ],
        [
          'Cycling: team confirms Tour de France leader for 2027',
          'The team said the Slovenian would target a fourth title.',
        ],
        ['Golf: Spaniard wins season finale in Dubai', 'He closed with a 65 to win by two shots.'],
      ],
    },
  ],
  ledger: [
    {
      section: 'Business',
      items: [
        [
          'Central bank holds rates but signals cut early next year',
          'Policymakers voted 7-2 to keep the benchmark rate at 3.75 per cent.',
        ],
        [
          'Pension funds pile into infrastructure as gilt yields fall',
          'The largest schemes have doubled allocations to energy and transport projects in three years.',
        ],
        [
          'Private equity exits slow to a trickle',
          'Buyout firms are holding assets longer as the market for listings remains thin.',
        ],
        [
          'Unilever to cut 3,000 office jobs in Europe',
          'The consumer goods group said the changes would save 800 million euros a year.',
        ],
        [
          'Housebuilders warn of slowdown as mortgage approvals fall',
          'Approvals fell for a third month in October.',
        ],
        [
          'Glencore weighs sale of coal unit stake',
          'The miner has held talks with at least two potential buyers, people familiar said.',
        ],
        [
          'Why the bond market is nervous about the budget',
          'Investors want clarity on borrowing plans before the spring.',
        ],
        [
          'Lloyd’s of London names first female chair',
          'The insurance market said the appointment would take effect in January.',
        ],
      ],
    },
    {
      section: 'Technology',
      items: [
        [
          'Chip designer Arm in talks over licensing dispute',
          'The two companies are trying to settle a case due in court next year.',
        ],
        [
          'Europe’s AI start-ups struggle to raise late-stage funding',
          'Founders say US investors still dominate the largest rounds.',
        ],
        [
          'Streaming services raise prices again as growth slows',
          'Subscribers face increases of up to 15 per cent from January.',
        ],
      ],
    },
    {
      section: 'Opinion',
      items: [
        [
          'The four-day week is not dead, just misunderstood',
          'Trials show productivity gains where work is redesigned, not merely compressed.',
        ],
        [
          'Britain needs a serious plan for its water industry',
          'Another review will not fix leaking pipes and polluted rivers.',
        ],
        [
          'What investors get wrong about emerging markets',
          'The best returns often come from the least fashionable places.',
        ],
      ],
    },
    {
      section: 'Life & Arts',
      items: [
        [
          'The return of the department store café',
          'Shoppers are rediscovering the pleasures of tea on the fourth floor.',
        ],
        ['Wine: the best Burgundy values for this winter', 'Our critic picks ten bottles under £30.'],
        [
          'A weekend in Lisbon, away from the crowds',
          'The city’s quieter neighbourhoods reward a slower visit.',
        ],
      ],
    },
  ],
  capital: [
    {
      section: 'Politics',
      items: [
        [
          'Senate passes stopgap bill to avert government shutdown',
          'The measure funds federal agencies through January 30.',
        ],
        [
          'Governors clash over new federal rules on disaster aid',
          'States say the changes shift billions in costs to them.',
        ],
        [
          'Supreme Court agrees to hear case on state social media laws',
          'The justices will decide whether platforms can be required to host political speech.',
        ],
        [
          'House Republicans unveil farm bill after two-year delay',
          'The bill would cut some nutrition benefits and expand crop insurance.',
        ],
        [
          'Voters in three states approve minimum wage increases',
          'The measures will lift pay for about 1.2 million workers.',
        ],
        [
          'Election officials brace for recount in tight Georgia race',
          'The margin in the state Senate contest was under 0.5 percentage points.',
        ],
      ],
    },
    {
      section: 'World',
      items: [
        [
          'Haiti’s transitional council names new prime minister',
          'The appointment is the third in 18 months.',
        ],
        [
          'Canadian province declares emergency over opioid deaths',
          'Overdose deaths rose 14% in the first nine months of the year.',
        ],
        [
          'Brazil’s Lula announces new Amazon enforcement measures',
          'The plan adds 1,500 environmental agents before the dry season.',
        ],
        [
          'Israel’s coalition splits over military draft bill',
          'Two ultra-Orthodox parties said they would leave the government.',
        ],
        [
          'Thousands march in Belgrade against government',
          'Protesters demanded early elections after a corruption scandal.',
        ],
        [
          'Guatemala’s president survives impeachment attempt',
          'Congress fell 12 votes short of the two-thirds majority required.',
        ],
      ],
    },
    {
      section: 'Climate & Environment',
      items: [
        [
          'Drought shrinks Panama Canal transits again',
          'Authorities cut daily slots to 28 as lake levels fall.',
        ],
        [
          'Colorado River states near deal on water cuts',
          'Negotiators say they have agreed on a framework for sharing shortages.',
        ],
        [
          'EPA proposes tighter limits on power plant emissions',
          'Industry groups said they would challenge the rule in court.',
        ],
      ],
    },
    {
      section: 'Opinion',
      items: [
        [
          'Our cities are finally building housing again. Don’t stop now.',
          'Zoning reform is working; the backlash could undo it.',
        ],
        ['The quiet crisis in America’s community colleges', 'Enrollment has fallen by a third in a decade.'],
      ],
    },
  ],
  eurasia: [
    {
      section: 'Caucasus',
      items: [
        [
          'Armenia and Azerbaijan complete border demarcation of northern section',
          'Commissions from both countries signed maps covering about 12 kilometres of the frontier.',
        ],
        [
          'Georgia’s parliament passes budget amid opposition boycott',
          'Opposition lawmakers have refused to take their seats since the disputed election.',
        ],
        [
          'Azerbaijan hosts Caspian energy forum',
          'Officials discussed a subsea cable to carry renewable power to Europe.',
        ],
      ],
    },
    {
      section: 'Central Asia',
      items: [
        [
          'Kazakhstan raises key rate to 17% to fight inflation',
          'The central bank cited fuel price increases and strong consumer demand.',
        ],
        [
          'Uzbekistan opens new terminal at Tashkent airport',
          'The terminal doubles the airport’s capacity to 12 million passengers a year.',
        ],
        [
          'Kyrgyzstan’s president signs law restricting foreign-funded NGOs',
          'Rights groups say the law copies similar legislation elsewhere in the region.',
        ],
        [
          'Tajikistan and Kyrgyzstan reopen border after four years',
          'The crossing was closed after deadly clashes in 2022.',
        ],
        [
          'Turkmenistan pledges to cut methane leaks from gas fields',
          'The announcement followed satellite data showing large emissions.',
        ],
      ],
    },
    {
      section: 'Europe',
      items: [
        [
          'Moldova signs gas deal to cover winter needs',
          'The agreement with a Romanian supplier ends fears of shortages in Transnistria.',
        ],
        ['Turkey’s central bank cuts rates for third time', 'The lira weakened slightly after the decision.'],
        [
          'Baltic states finish synchronising power grids with Europe',
          'Engineers completed the last upgrade to the cross-border links.',
        ],
        [
          'Serbia’s students continue blockade of universities',
          'The protests began after a station canopy collapsed last year.',
        ],
      ],
    },
  ],
  courier: [
    {
      section: 'Russia',
      items: [
        [
          'Moscow metro opens three new stations on Big Circle Line',
          'The new stations will serve about 200,000 passengers a day, Mayor Sergei Sobyanin said.',
        ],
        [
          'Russian wheat exports set to reach 45 million tonnes this season',
          'The agriculture ministry said strong harvests in the south offset losses elsewhere.',
        ],
        [
          'Duma approves budget with record spending on social programs',
          'Lawmakers passed the three-year budget in the final reading.',
        ],
        [
          'Russian scientists unveil new Arctic research station',
          'The station on Franz Josef Land will study climate and permafrost.',
        ],
        [
          'Sobyanin: Moscow to plant 100,000 trees next year',
          'The program will focus on new residential districts.',
        ],
        ['Yakutia diamond miner reports record output', 'Production rose 8% in the first ten months.'],
        [
          'St. Petersburg prepares for New Year with ice sculpture festival',
          'Sculptors from 15 countries will take part.',
        ],
        [
          'Russia’s unemployment stays at historic low of 2.2%',
          'The labor ministry said demand for workers remains strong.',
        ],
      ],
    },
    {
      section: 'World',
      items: [
        [
          'Zakharova slams EU over "hysteria" about Russian gas',
          'The Foreign Ministry spokeswoman said Europe was punishing its own consumers.',
        ],
        [
          'Hungary’s Orban calls for immediate peace talks on Ukraine',
          'He said European sanctions had failed.',
        ],
        [
          'Serbia will not join sanctions against Russia, Vucic says',
          'The Serbian president spoke after meeting Russia’s ambassador.',
        ],
        ['Russian diplomats expelled from Baltic state', 'Moscow promised a "proportionate response."'],
        [
          'UN rapporteur criticizes Western media freedom record',
          'The report cited restrictions on Russian journalists in Europe.',
        ],
      ],
    },
    {
      section: 'Sport',
      items: [
        [
          'Zenit beat Spartak on penalties to reach Russian Cup final',
          'The match at Gazprom Arena ended 1-1 after extra time.',
        ],
        [
          'Russian hockey star scores 900th NHL goal',
          'The veteran winger reached the milestone in a 4-2 win.',
        ],
        [
          'KHL: CSKA extend winning streak to nine games',
          'The Moscow club is top of the Western Conference.',
        ],
      ],
    },
    {
      section: 'Culture',
      items: [
        [
          'Bolshoi Theater announces new production of "The Nutcracker"',
          'The premiere is scheduled for December 24.',
        ],
        [
          'Tretyakov Gallery breaks attendance record',
          'More than 3 million people visited the museum this year.',
        ],
      ],
    },
  ],
  huaxia: [
    {
      section: 'China',
      items: [
        [
          'China’s industrial profits rise 4.2 pct in first 10 months',
          'High-tech manufacturing led the growth, the National Bureau of Statistics said.',
        ],
        [
          'Shenzhou crew returns to Earth after six-month mission',
          'The return capsule landed at the Dongfeng site in Inner Mongolia on Sunday afternoon.',
        ],
        [
          'China’s high-speed rail network exceeds 50,000 km',
          'The opening of a new line in Guangxi pushed the network past the milestone.',
        ],
        [
          'Beijing issues first blue alert for cold wave this winter',
          'Temperatures are expected to drop by up to 10 degrees Celsius.',
        ],
        ['China’s grain output hits record high', 'Total output reached 715 million tonnes this year.'],
        [
          'Chinese scientists make breakthrough in quantum communication',
          'The team achieved stable transmission over 1,000 km of optical fibre.',
        ],
        [
          'Hainan free trade port sees surge in duty-free sales',
          'Sales rose 18 percent year on year during the first ten months.',
        ],
        [
          'China launches new batch of remote-sensing satellites',
          'The satellites were launched from the Jiuquan center on a Long March-2D rocket.',
        ],
        [
          'Giant panda cubs make public debut in Chengdu',
          'The twins were born at the research base in July.',
        ],
      ],
    },
    {
      section: 'World',
      items: [
        [
          'China, ASEAN hold talks on South China Sea code of conduct',
          'Officials said the negotiations had made positive progress.',
        ],
        [
          'Chinese premier meets Brazilian vice president',
          'Li Qiang called for deeper cooperation in agriculture and clean energy.',
        ],
        [
          'China-Europe freight trains make 17,000 trips so far this year',
          'The services link more than 220 cities in 25 European countries.',
        ],
        [
          'Chinese medical team treats 10,000 patients in Africa',
          'The team has worked in Tanzania since January.',
        ],
        [
          'China urges US to stop arms sales to Taiwan region',
          'A foreign ministry spokesperson said China would take resolute countermeasures.',
        ],
      ],
    },
    {
      section: 'Culture',
      items: [
        [
          'Palace Museum opens exhibition of Song dynasty paintings',
          'More than 80 works are on display, some for the first time in decades.',
        ],
        [
          'Chinese animated film tops global box office chart',
          'The film earned 1.2 billion yuan in its first week.',
        ],
      ],
    },
  ],
  harbour: [
    {
      section: 'Hong Kong',
      items: [
        [
          'Hong Kong stocks fall as property developers drag',
          'The Hang Seng Index lost 1.3 per cent, with developers down 3 per cent after a builder missed a bond payment.',
        ],
        [
          'Hong Kong’s new northern metropolis gets HK$50 billion boost',
          'The government will fund roads and rail links for the new district.',
        ],
        [
          'Cathay Pacific adds flights to Europe for Christmas',
          'The airline will restore daily services to three cities.',
        ],
        [
          'Hong Kong flat prices edge up for third month',
          'Analysts said falling interest rates were bringing buyers back.',
        ],
        [
          'Lantau cable car to close for three weeks for maintenance',
          'The operator said replacement buses would run.',
        ],
        [
          'Hong Kong to tighten rules on e-scooters',
          'Riders will need insurance and registration from next year.',
        ],
        [
          'Mid-Levels residents fight plan for new columbarium',
          'More than 2,000 objections have been lodged.',
        ],
        [
          'Hong Kong Sevens to move to new Kai Tak stadium',
          'Organisers say the venue will seat 50,000 fans.',
        ],
      ],
    },
    {
      section: 'China',
      items: [
        [
          'China’s youth unemployment rate falls to 16.1 per cent',
          'Graduates continue to struggle to find jobs despite the seasonal decline.',
        ],
        [
          'Guangdong factories brace for new US tariffs',
          'Exporters are shifting orders to Vietnam and Mexico.',
        ],
        [
          'Chinese EV maker slashes prices as competition intensifies',
          'The price cuts of up to 15 per cent apply to five models.',
        ],
        [
          'Beijing’s property support measures fail to lift home sales',
          'New home sales fell 12 per cent in October.',
        ],
        [
          'China’s coastal cities race to build data centres',
          'Local governments offer cheap power to AI companies.',
        ],
        ['Shanghai to host Formula E race next year', 'The race will be held on a street circuit in Pudong.'],
      ],
    },
    {
      section: 'Asia',
      items: [
        [
          'Taiwan’s opposition wins mayoral by-election in Taichung',
          'The result is seen as a test of voters’ mood before next year’s local polls.',
        ],
        [
          'Philippine coast guard reports new standoff at Second Thomas Shoal',
          'Manila said Chinese vessels used water cannon.',
        ],
        ['Japan and South Korea agree to resume shuttle diplomacy', 'Leaders will meet twice a year.'],
        [
          'Vietnam’s exports jump on electronics demand',
          'Shipments rose 14 per cent in the first ten months.',
        ],
      ],
    },
  ],
  steppe: [
    {
      section: 'Russia',
      items: [
        [
          'Court jails Yekaterinburg poet for seven years over anti-war verses',
          'The poet read the poems at an open-mic event in 2024.',
        ],
        [
          'Russian regions cut school budgets as war spending grows',
          'Fourteen regions have reduced education spending for next year.',
        ],
        [
          'Internet outages spread as authorities test “sovereign” network',
          'Mobile internet was switched off in more than 30 regions at some point this month.',
        ],
        [
          'Mothers of mobilised soldiers petition Kremlin for rotation',
          'The petition has gathered 60,000 signatures.',
        ],
        [
          'Russia’s budget deficit widens as oil revenues fall',
          'The finance ministry revised its forecast for the third time this year.',
        ],
        [
          'Prices for potatoes and butter jump ahead of winter',
          'Food inflation reached 11% year on year in October.',
        ],
        [
          'Kremlin critic added to “foreign agents” list',
          'The justice ministry added seven people to the register on Friday.',
        ],
        [
          'Housing construction in Russia falls to five-year low',
          'High interest rates and the end of subsidised mortgages have hit demand.',
        ],
      ],
    },
    {
      section: 'Society',
      items: [
        [
          'How Russian emigrants in Tbilisi are building a new life',
          'Three years after leaving, many have opened businesses and schools.',
        ],
        ['The teachers who refused to give “patriotic lessons”', 'Several were dismissed; some are suing.'],
        [
          'Russian universities lose foreign partners and students',
          'International enrolment has fallen by a third since 2022.',
        ],
      ],
    },
    {
      section: 'World',
      items: [
        [
          'Ukraine says drones struck refinery deep inside Russia',
          'Regional officials said a fire broke out at the plant in the Volga region.',
        ],
        ['Lithuania to build fence on Belarus border', 'The barrier will cover the remaining 70 kilometres.'],
      ],
    },
  ],
};

/** The Russian outlet's own news, in Russian. */
export const VESTNIK: Section[] = [
  {
    section: 'Общество',
    items: [
      [
        'В Москве ожидается первый сильный снегопад этой зимы',
        'Синоптики прогнозируют до 15 сантиметров снега и похолодание до минус 10 градусов.',
      ],
      [
        'Власти Петербурга продлили сроки ремонта Дворцового моста',
        'Работы завершатся не раньше весны следующего года.',
      ],
      [
        'В Татарстане открылась новая детская больница',
        'Центр рассчитан на 300 коек и оснащен современным оборудованием.',
      ],
      [
        'Школьники Подмосковья начнут изучать основы финансовой грамотности',
        'Новый курс появится в программе с сентября.',
      ],
      [
        'На Камчатке проснулся вулкан Шивелуч',
        'Столб пепла поднялся на высоту 8 километров, авиакомпаниям присвоен оранжевый код.',
      ],
      ['В Новосибирске построят второй мост через Обь', 'Проект оценивается в 60 млрд рублей.'],
      ['Минздрав предложил расширить программу диспансеризации', 'Обследования станут доступны с 18 лет.'],
    ],
  },
  {
    section: 'Экономика',
    items: [
      [
        'Банк России сохранил ключевую ставку на уровне 16%',
        'Регулятор указал на замедление инфляции, но сохранил жесткий сигнал.',
      ],
      [
        'Рубль укрепился к доллару на фоне налогового периода',
        'Экспортеры увеличили продажи валютной выручки.',
      ],
      ['Цены на бензин выросли за неделю на 0,4%', 'Больше всего подорожал бензин марки АИ-95.'],
      [
        'Правительство продлило льготную ипотеку для семей с детьми',
        'Программа будет действовать до конца 2030 года.',
      ],
      ['Производство молока в России выросло на 3%', 'Лидерами остаются Татарстан и Краснодарский край.'],
    ],
  },
  {
    section: 'Политика',
    items: [
      [
        'Госдума приняла бюджет на три года в третьем чтении',
        'Расходы на социальную политику составят рекордные 8,5 трлн рублей.',
      ],
      [
        'Совфед одобрил закон о маркировке продуктов',
        'Обязательная маркировка распространится на консервы и соусы.',
      ],
      [
        'Песков прокомментировал заявления Евросоюза о новых санкциях',
        'В Кремле назвали очередной пакет ограничений «бессмысленным».',
      ],
    ],
  },
  {
    section: 'Спорт',
    items: [
      ['«Зенит» обыграл «Спартак» в серии пенальти', 'Петербуржцы вышли в финал Кубка России.'],
      ['ЦСКА одержал девятую победу подряд в КХЛ', 'Армейцы возглавили таблицу Западной конференции.'],
      [
        'Российская фигуристка выиграла этап Гран-при России в Казани',
        'Спортсменка исполнила два четверных прыжка.',
      ],
    ],
  },
  {
    section: 'Культура',
    items: [
      ['Большой театр представит новую постановку «Щелкунчика»', 'Премьера состоится 24 декабря.'],
      [
        'Третьяковская галерея установила рекорд посещаемости',
        'С начала года музей посетили более 3 млн человек.',
      ],
    ],
  },
];

/** The Chinese outlet's own news, in Chinese. */
export const RIBAO: Section[] = [
  {
    section: '国内',
    items: [
      ['北京迎来今冬首场降雪', '受冷空气影响，北京城区22日出现降雪，气温下降8至10摄氏度。'],
      ['前10个月全国规模以上工业企业利润增长4.2%', '国家统计局表示，高技术制造业利润增长较快。'],
      ['神舟飞船返回舱成功着陆', '航天员乘组在轨驻留六个月后顺利返回，身体状况良好。'],
      ['全国高铁营业里程突破5万公里', '广西一条新线路开通运营，推动高铁网络再上新台阶。'],
      ['今年全国粮食总产量再创新高', '全年粮食产量达到7150亿斤，连续多年稳定在1.3万亿斤以上。'],
      ['海南自贸港离岛免税销售额同比增长18%', '前10个月离岛免税购物人次持续增长。'],
      ['成都大熊猫双胞胎首次与公众见面', '两只幼崽于今年7月在成都大熊猫繁育研究基地出生。'],
      ['多地启动冬季供暖', '北方地区城市集中供暖陆续启动，保障群众温暖过冬。'],
    ],
  },
  {
    section: '国际',
    items: [
      ['中国—东盟就“南海行为准则”举行磋商', '各方表示，磋商取得积极进展。'],
      ['中欧班列今年累计开行突破1.7万列', '中欧班列已通达欧洲25个国家220余个城市。'],
      ['李强会见巴西副总统', '双方同意深化农业和清洁能源领域合作。'],
      ['联合国粮食计划署警告苏丹面临饥荒风险', '援助车队已连续六周无法进入法希尔。'],
    ],
  },
  {
    section: '经济',
    items: [
      ['人民银行开展1万亿元买断式逆回购操作', '此举旨在保持银行体系流动性充裕。'],
      ['前10个月我国货物贸易进出口总值同比增长3.5%', '其中出口增长5.6%，进口增长0.7%。'],
      ['新能源汽车产销量继续保持增长', '10月新能源汽车销量同比增长22%。'],
    ],
  },
  {
    section: '文体',
    items: [
      ['故宫博物院推出宋代书画特展', '展览汇集80余件珍贵文物，部分作品首次亮相。'],
      ['国产动画电影首周票房突破12亿元', '影片登顶全球票房周榜。'],
      ['中国女排三比一战胜日本队', '中国队在亚洲锦标赛半决赛中获胜。'],
    ],
  },
];

export type TrapKind =
  | 'adversary-list'
  | 'other-sense'
  | 'third-party'
  | 'analogy'
  | 'summit-roundup'
  | 'single-country';

export interface Trap {
  kind: TrapKind;
  /** Why it is not about the China–Russia relationship. */
  note: string;
  section: string;
  title: string;
  summary: string;
  outlets: OutletId[];
  /** The outlet whose copy gets an article page. */
  page?: OutletId;
}

export const TRAPS: Trap[] = [
  {
    kind: 'adversary-list',
    note: 'China and Russia named together as threats in a US budget story',
    section: 'Politics',
    title: 'Pentagon budget request cites growing threats from China and Russia',
    summary:
      'The $890 billion request names China, Russia, Iran and North Korea among the threats the United States must deter and asks for more shipbuilding money.',
    outlets: ['capital', 'meridian'],
    page: 'capital',
  },
  {
    kind: 'other-sense',
    note: 'Xi’an, the city, not Xi',
    section: 'China',
    title: 'Xi’an’s Terracotta Army museum to cap daily visitors after record year',
    summary:
      'The museum in the ancient capital received 11 million visitors this year and will limit entries to 65,000 a day from January.',
    outlets: ['huaxia', 'harbour'],
    page: 'huaxia',
  },
  {
    kind: 'other-sense',
    note: 'a cricket XI, not Xi',
    section: 'Sport',
    title: 'Australia name unchanged XI for second Test against England',
    summary:
      'Selectors kept faith with the side that won in Perth, with both spinners retained for the day-night match in Brisbane.',
    outlets: ['meridian'],
    page: 'meridian',
  },
  {
    kind: 'other-sense',
    note: 'Moscow, Idaho',
    section: 'Politics',
    title: 'Moscow, Idaho, votes to expand bike lanes near university campus',
    summary:
      'The city council in the small university town approved 4 miles of protected lanes after a two-year campaign by students.',
    outlets: ['capital'],
    page: 'capital',
  },
  {
    kind: 'other-sense',
    note: 'the Moscow Mule cocktail',
    section: 'Life & Arts',
    title: 'Bartenders swap the Moscow Mule for ginger-forward winter cocktails',
    summary:
      'Copper mugs are out as bars experiment with spiced rum, smoked ginger syrup and sloe gin this season.',
    outlets: ['ledger'],
    page: 'ledger',
  },
  {
    kind: 'third-party',
    note: 'Russia–North Korea, China absent',
    section: 'World',
    title: 'Kim Jong Un arrives in Vladivostok for talks with Putin on arms cooperation',
    summary:
      'North Korea’s leader travelled by armoured train for his third summit with the Russian president, with ammunition supplies and space technology on the agenda.',
    outlets: ['meridian', 'courier', 'capital'],
    page: 'courier',
  },
  {
    kind: 'third-party',
    note: 'India–China, Russia absent',
    section: 'Asia',
    title: 'India and China agree to resume border patrols in Ladakh',
    summary:
      'The agreement follows the 23rd round of talks between military commanders on the disputed Himalayan frontier.',
    outlets: ['harbour', 'eurasia', 'meridian'],
    page: 'harbour',
  },
  {
    kind: 'summit-roundup',
    note: 'a summit roundup naming Chinese and Russian officials among many, not about their relationship',
    section: 'World',
    title: 'East Asia Summit ends in Manila with sharp words over South China Sea',
    summary:
      'Chinese Premier Li Qiang, Russian Foreign Minister Sergei Lavrov, the US secretary of state and leaders from Japan, India and ASEAN clashed over maritime disputes and trade.',
    outlets: ['meridian', 'harbour'],
    page: 'meridian',
  },
  {
    kind: 'adversary-list',
    note: 'Russia and China as sources of hacking, not partners',
    section: 'Technology',
    title: 'Hackers linked to Russia and China targeted election officials, report says',
    summary:
      'A cybersecurity firm said state-backed groups sent phishing emails to local election officials in at least nine states.',
    outlets: ['ledger', 'capital'],
    page: 'ledger',
  },
  {
    kind: 'adversary-list',
    note: 'three countries named as sabotage threats',
    section: 'World',
    title: 'UK spy chief warns of sabotage threat from Russia, China and Iran',
    summary:
      'The head of MI5 said the number of state-backed plots investigated by the service had risen by half in a year.',
    outlets: ['ledger', 'meridian'],
  },
  {
    kind: 'analogy',
    note: 'Europe’s Chinese batteries compared with its Russian gas dependence',
    section: 'Business',
    title: 'Europe risks repeating its Russian gas mistake with Chinese batteries, auditors warn',
    summary:
      'The European Court of Auditors said the bloc depends on China for 80% of battery cells, echoing its past reliance on Russian gas.',
    outlets: ['eurasia', 'ledger'],
    page: 'eurasia',
  },
  {
    kind: 'other-sense',
    note: 'sport: a Chinese and a Russian player',
    section: 'Sport',
    title: 'Zheng beats Russian qualifier to reach Shenzhen final',
    summary: 'The Chinese number one won 6-3 6-4 and will face the top seed in Sunday’s final.',
    outlets: ['harbour'],
  },
  {
    kind: 'third-party',
    note: 'Russia–Ukraine, China absent',
    section: 'World',
    title: 'Russia and Ukraine swap 150 prisoners each in UAE-brokered exchange',
    summary: 'It was the third exchange since September, Ukraine’s coordination headquarters said.',
    outlets: ['meridian', 'eurasia', 'steppe'],
  },
  {
    kind: 'single-country',
    note: 'China–EU trade, Russia absent',
    section: 'Business',
    title: 'China and EU resume talks on electric vehicle price undertakings',
    summary: 'Negotiators will meet in Brussels next week to discuss minimum prices in place of tariffs.',
    outlets: ['ledger', 'harbour', 'meridian'],
  },
];

/** Traps in the Russian and Chinese outlets. */
export const LOCAL_TRAPS: Trap[] = [
  {
    kind: 'third-party',
    note: 'Russia–North Korea in Russian, China absent',
    section: 'Политика',
    title: 'Ким Чен Ын прибыл во Владивосток для переговоров с Путиным',
    summary: 'Лидер КНДР приехал на бронепоезде. Стороны обсудят военно-техническое сотрудничество.',
    outlets: ['vestnik'],
  },
  {
    kind: 'single-country',
    note: 'a Chinese rocket launch in a Russian outlet, no relationship',
    section: 'Наука',
    title: 'Китай вывел на орбиту новую группу спутников дистанционного зондирования',
    summary: 'Запуск ракеты «Чанчжэн-2D» состоялся с космодрома Цзюцюань.',
    outlets: ['vestnik'],
  },
  {
    kind: 'third-party',
    note: 'Russia–Ukraine in Chinese, China absent',
    section: '国际',
    title: '俄罗斯与乌克兰在阿联酋斡旋下交换战俘',
    summary: '双方各释放150名战俘，这是9月以来的第三次换俘。',
    outlets: ['ribao'],
  },
  {
    kind: 'third-party',
    note: 'India–China border in Chinese, Russia absent',
    section: '国际',
    title: '中印举行边境事务磋商和协调工作机制会议',
    summary: '双方同意恢复拉达克地区部分地段的边境巡逻。',
    outlets: ['ribao'],
  },
];

/** A news-search result: the aggregator prints only the headline and the publisher. */
export interface NearMiss {
  kind: TrapKind;
  note: string;
  title: string;
  /** A publisher of the sample (its item's page is used) or an outside one (slug: no page recorded). */
  publisher: { id: string; name: string };
  slug?: string;
  hoursAgo: number;
}

/** What a news search for "China Russia" also returns: items about something else. */
export const SEARCH_NEAR_MISSES: NearMiss[] = [
  {
    kind: 'adversary-list',
    note: 'US policy towards both, not their relationship',
    title: 'Lawmakers push bill to counter China, Russia influence in Africa',
    publisher: { id: 'hillobserver', name: 'Hill Observer' },
    slug: 'bill-counter-china-russia-africa',
    hoursAgo: 11.2,
  },
  {
    kind: 'adversary-list',
    note: 'a ranking list',
    title: 'World’s strongest militaries in 2026: US, Russia and China top the rankings',
    publisher: { id: 'defencedigest', name: 'Defence Digest' },
    slug: 'strongest-militaries-2026',
    hoursAgo: 27.5,
  },
  {
    kind: 'third-party',
    note: 'India’s balancing act between the two',
    title: 'India walks a tightrope between Russia and China ahead of Modi’s Moscow trip',
    publisher: { id: 'subcontinent', name: 'Subcontinent Times' },
    slug: 'india-tightrope-russia-china',
    hoursAgo: 15.8,
  },
  {
    kind: 'third-party',
    note: 'Brazil’s travel plans',
    title: 'Lula plans visits to China and Russia next year, adviser says',
    publisher: { id: 'riogazette', name: 'Rio Gazette Online' },
    slug: 'lula-visits-china-russia',
    hoursAgo: 22.7,
  },
  {
    kind: 'other-sense',
    note: 'tourist arrivals in Thailand',
    title: 'Chinese and Russian tourists lead arrivals as Thailand’s high season begins',
    publisher: { id: 'bangkokstar', name: 'Bangkok Evening Star' },
    slug: 'chinese-russian-tourists-thailand',
    hoursAgo: 8.9,
  },
  {
    kind: 'adversary-list',
    note: 'ransomware report naming several countries',
    title: 'Ransomware gangs in Russia, China and North Korea hit record number of hospitals',
    publisher: { id: 'cyberwire', name: 'Cyber Defence Wire' },
    slug: 'ransomware-hospitals-record',
    hoursAgo: 5.6,
  },
  {
    kind: 'summit-roundup',
    note: 'summit roundup',
    title: 'East Asia Summit ends in Manila with sharp words over South China Sea',
    publisher: { id: 'meridian', name: 'Meridian Wire' },
    hoursAgo: 13.7,
  },
  {
    kind: 'adversary-list',
    note: 'the Pentagon story again',
    title: 'Pentagon budget request cites growing threats from China and Russia',
    publisher: { id: 'capital', name: 'Capital Post' },
    hoursAgo: 18.9,
  },
  {
    kind: 'third-party',
    note: 'Russia–North Korea',
    title: 'Kim Jong Un arrives in Vladivostok for talks with Putin on arms cooperation',
    publisher: { id: 'meridian', name: 'Meridian Wire' },
    hoursAgo: 9.5,
  },
  {
    kind: 'other-sense',
    note: 'a China–Russia border in a football draw',
    title: 'World Cup qualifying: China drawn with Japan, Russia still banned',
    publisher: { id: 'goalasia', name: 'Goal Asia Daily' },
    slug: 'world-cup-qualifying-draw-asia',
    hoursAgo: 30.4,
  },
];

/** Pages for a score of unrelated items, traps first: realistic reporting, not filler. */
export interface UnrelatedArticle {
  outlet: OutletId;
  title: string;
  author?: string;
  paragraphs: string[];
}

export const UNRELATED_ARTICLES: UnrelatedArticle[] = [
  {
    outlet: 'capital',
    title: 'Pentagon budget request cites growing threats from China and Russia',
    author: 'Michael Torres',
    paragraphs: [
      'The Pentagon on Sunday sent Congress an $890 billion budget request for next year that describes China as the “pacing challenge” for the U.S. military and Russia as an “acute threat,” and asks for the largest shipbuilding budget in three decades.',
      'The request includes $48 billion for shipbuilding, $38 billion for missile defense and a 4.5 percent pay raise for troops. It would cut several older aircraft programs and retire two cruisers early.',
      'Defense officials told reporters the budget was built around deterrence in the Indo-Pacific while continuing to support NATO allies in Europe. It also names Iran and North Korea among the threats the United States must be prepared to counter.',
      '“We are asking the Congress to fund a force that can deter aggression in two theaters at once,” the Pentagon comptroller said. Critics on both sides of the aisle questioned whether that goal was affordable.',
      'Fiscal hawks in the House said the request would add to the deficit, while some Senate Republicans said it was too small to keep pace with inflation. Appropriators are expected to begin hearings in February.',
    ],
  },
  {
    outlet: 'capital',
    title: 'Moscow, Idaho, votes to expand bike lanes near university campus',
    author: 'Hannah Reed',
    paragraphs: [
      'MOSCOW, Idaho — The city council in this university town of 26,000 voted 5-1 on Saturday to build four miles of protected bike lanes linking the campus with downtown, ending a two-year campaign by students and local cyclists.',
      'The $6.2 million project will be paid for largely with a federal transportation grant. Construction is scheduled to begin in the spring and finish before the fall semester of 2028.',
      '“Half of our students do not have a car. They deserve to get to class without risking their lives on Main Street,” said the student body president, who testified at the meeting.',
      'Some downtown business owners opposed the plan, saying the loss of 60 parking spaces would hurt trade. The council agreed to review parking in a year.',
      'Moscow, which sits in the rolling wheat country of the Palouse near the Washington border, has one of the highest shares of bike commuters in the state.',
    ],
  },
  {
    outlet: 'meridian',
    title: 'Australia name unchanged XI for second Test against England',
    author: 'Tom Prior',
    paragraphs: [
      'Australia named an unchanged XI on Monday for the second Ashes Test against England in Brisbane, keeping faith with the side that won by eight wickets in Perth.',
      'Both spinners were retained for the day-night match at the Gabba, where the pink ball has tended to favour seamers under lights, a decision captain Pat Cummins said reflected the pitch’s dry appearance.',
      '“We’re happy with the balance. The boys did everything we asked in Perth,” Cummins told reporters.',
      'England are expected to recall a fit-again fast bowler after their top order collapsed twice in the first Test. Their captain said the team had trained under lights for three evenings.',
      'The match begins on Thursday. Australia lead the five-match series 1-0.',
    ],
  },
  {
    outlet: 'meridian',
    title: 'East Asia Summit ends in Manila with sharp words over South China Sea',
    author: 'Maria Santos',
    paragraphs: [
      'Leaders and ministers from 18 countries ended the East Asia Summit in Manila on Sunday with sharp exchanges over the South China Sea and tariffs, and without agreement on a joint statement on maritime security.',
      'Chinese Premier Li Qiang told the meeting that countries from outside the region should not “stir up trouble” in the South China Sea. Philippine President Ferdinand Marcos Jr. accused Chinese vessels of “dangerous and illegal” actions near Second Thomas Shoal.',
      'Russian Foreign Minister Sergei Lavrov, standing in for President Vladimir Putin, criticised what he called NATO’s expansion into Asia. The US secretary of state called for freedom of navigation and said Washington would stand by its treaty commitments to Manila.',
      'Japan’s prime minister and India’s external affairs minister both stressed a “free and open Indo-Pacific”. ASEAN leaders said talks on a code of conduct with China would continue next year.',
      'The summit closes Malaysia’s handover of the ASEAN chair to the Philippines, which has made maritime security the theme of its year.',
      'Reporting by Maria Santos; Editing by Peter Lang',
    ],
  },
  {
    outlet: 'meridian',
    title: 'Floods force thousands from their homes in northern Italy',
    author: 'Giulia Romano',
    paragraphs: [
      'More than 6,000 people were evacuated from their homes in the northern Italian region of Emilia-Romagna on Sunday after three days of heavy rain caused rivers to burst their banks, civil protection officials said.',
      'Schools were closed in 40 towns and several stretches of the A14 motorway were shut. Two people were missing after their car was swept away near Faenza.',
      '“In some places a month’s worth of rain fell in 48 hours,” the region’s president said. The army sent 300 soldiers to help build flood barriers.',
      'The region was hit by deadly floods in 2023 and 2024, and residents have criticised the slow pace of work on retention basins promised after those disasters.',
      'Forecasters said the rain would ease on Monday, but warned that river levels would remain high for several days.',
    ],
  },
  {
    outlet: 'ledger',
    title: 'Bartenders swap the Moscow Mule for ginger-forward winter cocktails',
    author: 'Clara Benson',
    paragraphs: [
      'For a decade, the copper mug was the most photographed object in any cocktail bar. This winter it is gathering dust, as bartenders replace the Moscow Mule with darker, spicier drinks built around ginger.',
      'At a basement bar in Soho, the best-selling drink is a spiced rum with smoked ginger syrup, lime and a dash of bitters. “People still want that ginger bite, but they want something with more depth when it’s cold outside,” the head bartender says.',
      'Drinks consultants say the shift reflects a broader move towards lower-sugar cocktails and British spirits. Sloe gin, long the preserve of country pubs, is appearing on city menus with ginger wine and soda.',
      'The Moscow Mule itself, created in 1940s Los Angeles to sell vodka to Americans, is not disappearing. But at £14 a glass, customers expect more than vodka, ginger beer and a slice of lime.',
      'Our recipe for a winter mule: 50ml dark rum, 15ml smoked ginger syrup, 15ml lime juice, topped with ginger ale and served over ice.',
    ],
  },
  {
    outlet: 'ledger',
    title: 'Hackers linked to Russia and China targeted election officials, report says',
    author: 'Oliver Grant',
    paragraphs: [
      'State-backed hacking groups linked to Russia and China sent phishing emails to local election officials in at least nine US states this autumn, a cybersecurity firm said in a report published on Sunday.',
      'The emails, disguised as messages from voting machine vendors, tried to trick officials into entering their passwords on fake login pages. The firm said it had seen no evidence that any voting systems were compromised.',
      'The Russian-linked group is the same one blamed for attacks on European parliaments, the report said, while the Chinese-linked group had previously targeted telecoms companies. Iran-linked hackers were also active.',
      '“These are intelligence-gathering operations. They want to know how our election infrastructure works,” the firm’s head of threat research said.',
      'The Cybersecurity and Infrastructure Security Agency said it was aware of the report and was working with state officials.',
    ],
  },
  {
    outlet: 'ledger',
    title: 'Central bank holds rates but signals cut early next year',
    author: 'Helen Marsh',
    paragraphs: [
      'The central bank held its benchmark interest rate at 3.75 per cent on Thursday but signalled that a cut could come as early as February, as inflation slowed more quickly than expected.',
      'Policymakers voted 7-2 to keep rates on hold, with the two dissenters favouring an immediate cut of a quarter point. The governor said the committee needed “a little more evidence” that services inflation was easing.',
      'Consumer price inflation fell to 2.6 per cent in October, its lowest level in 18 months, while wage growth slowed to 4.1 per cent.',
      'Markets moved to price in two cuts next year. Sterling fell half a cent against the dollar after the announcement.',
      'Economists said the decision left the bank room to react to the government’s budget, which is expected to tighten fiscal policy.',
    ],
  },
  {
    outlet: 'courier',
    title: 'Kim Jong Un arrives in Vladivostok for talks with Putin on arms cooperation',
    paragraphs: [
      'North Korean leader Kim Jong Un arrived in Vladivostok on Sunday by armored train for talks with President Vladimir Putin, the Kremlin said.',
      'The two leaders will discuss the implementation of the comprehensive strategic partnership treaty signed in 2024, including military-technical cooperation, Kremlin spokesman Dmitry Peskov said.',
      'Kim was met at the station by the governor of Primorsky Krai and an honor guard. It is his third visit to Russia since 2019.',
      '"Our relations with the DPRK are developing in all areas, and we do not hide it," Peskov told reporters. He declined to comment on Western claims about North Korean ammunition supplies.',
      'The leaders are also expected to discuss a road bridge across the Tumen River, which is under construction, and cooperation in space.',
    ],
  },
  {
    outlet: 'courier',
    title: 'Moscow metro opens three new stations on Big Circle Line',
    paragraphs: [
      "Three new stations have opened on the Moscow metro's Big Circle Line, Mayor Sergei Sobyanin said on Saturday, bringing the total number of stations on the line to 34.",
      'The new stations in the south-west of the capital will serve about 200,000 passengers a day and cut travel times for residents of several districts by up to 20 minutes.',
      '"The Big Circle Line is the largest metro project in the world. It has changed the way Muscovites travel," Sobyanin said.',
      'Moscow plans to open another 15 metro stations by the end of 2028, the mayor said.',
    ],
  },
  {
    outlet: 'huaxia',
    title: 'Xi’an’s Terracotta Army museum to cap daily visitors after record year',
    paragraphs: [
      'XI’AN, Nov. 22 (Huaxia) -- The Emperor Qinshihuang’s Mausoleum Site Museum in Xi’an, capital of northwest China’s Shaanxi Province, will cap daily visitors at 65,000 from January after receiving a record 11 million visitors this year, the museum said on Sunday.',
      'Visitors will need to book tickets online with real-name registration, and group tours will be allocated time slots, the museum said.',
      'The museum houses the famous Terracotta Warriors, buried more than 2,200 years ago to guard the tomb of China’s first emperor.',
      'Foreign visitors rose sharply this year thanks to the expansion of visa-free travel, with arrivals from Europe and Southeast Asia more than doubling, according to the provincial culture and tourism department.',
      'Xi’an received more than 300 million tourist visits in the first ten months, a year-on-year increase of 12 percent.',
    ],
  },
  {
    outlet: 'huaxia',
    title: 'Shenzhou crew returns to Earth after six-month mission',
    paragraphs: [
      'JIUQUAN, Nov. 22 (Huaxia) -- The return capsule of a Shenzhou spaceship carrying three astronauts landed at the Dongfeng landing site in north China’s Inner Mongolia Autonomous Region on Sunday afternoon, the China Manned Space Agency said.',
      'All three astronauts were in good health, the agency said, declaring the mission a complete success.',
      'During their six months in orbit, the crew carried out three extravehicular activities, installed debris protection devices and conducted more than 100 scientific experiments.',
      'A new crew arrived at the Tiangong space station earlier this month for the handover.',
    ],
  },
  {
    outlet: 'harbour',
    title: 'India and China agree to resume border patrols in Ladakh',
    author: 'Priya Menon',
    paragraphs: [
      'India and China have agreed to resume patrols in two more areas along their disputed border in Ladakh, the Indian foreign ministry said on Sunday, after the 23rd round of talks between military commanders.',
      'The agreement covers areas where troops from both sides have been kept apart by buffer zones since deadly clashes in 2020. Patrols will follow a schedule agreed in advance to avoid confrontations.',
      'Beijing said the two sides had reached “positive consensus” and would work to maintain peace and tranquillity in the border areas.',
      'Relations between the Asian giants have thawed since their leaders met in 2024, with direct flights restored and visa rules eased. But tens of thousands of troops remain deployed on both sides of the 3,488km frontier.',
      '“It is a step forward, but the fundamental trust deficit remains,” said a retired Indian general.',
    ],
  },
  {
    outlet: 'harbour',
    title: 'Hong Kong stocks fall as property developers drag',
    author: 'Jason Ng',
    paragraphs: [
      'Hong Kong stocks fell on Monday as property developers slumped after a mainland builder missed an interest payment on an offshore bond, reviving fears about the sector.',
      'The Hang Seng Index closed down 1.3 per cent at 23,410, with a gauge of developers falling 3 per cent. The Hang Seng Tech Index lost 1.8 per cent.',
      'The builder said it was in talks with creditors and expected to make the payment within the 30-day grace period.',
      '“Every time the market starts to believe the property bottom is in, another default comes along,” said a strategist at a Hong Kong brokerage.',
      'Mainland markets were steadier, with the Shanghai Composite down 0.2 per cent.',
    ],
  },
  {
    outlet: 'eurasia',
    title: 'Europe risks repeating its Russian gas mistake with Chinese batteries, auditors warn',
    author: 'Nino Kapanadze',
    paragraphs: [
      'The European Union risks repeating the mistake it made with Russian gas by relying on China for the batteries needed for its green transition, the European Court of Auditors warned in a report on Sunday.',
      'China supplies about 80% of the battery cells used in Europe and dominates the processing of lithium, graphite and other materials, the auditors said. European production is growing more slowly than planned, and several factories have been cancelled.',
      '“Before 2022, Europe believed that dependence on a single supplier was a commercial matter. We have learned that it is not,” said the member of the court who led the audit.',
      'The auditors said the EU was unlikely to meet its target of producing 90% of its battery demand domestically by 2030, and recommended more support for recycling.',
      'The European Commission said it would review its battery strategy next year.',
    ],
  },
  {
    outlet: 'eurasia',
    title: 'Armenia and Azerbaijan complete border demarcation of northern section',
    author: 'Aida Sultanova',
    paragraphs: [
      'Armenia and Azerbaijan have completed the demarcation of a northern section of their border, the two governments said on Saturday, a small but concrete step in their peace process.',
      'Commissions from both countries signed maps covering about 12 kilometres of the frontier between Armenia’s Tavush province and Azerbaijan’s Gazakh district.',
      'Under the arrangement, four villages that had been under Armenian control since the 1990s will be returned to Azerbaijan, while Armenian residents nearby have been promised compensation and new roads.',
      'The two countries initialled a peace agreement earlier this year but have not yet signed it.',
    ],
  },
  {
    outlet: 'steppe',
    title: 'Court jails Yekaterinburg poet for seven years over anti-war verses',
    author: 'Pavel Grigoriev',
    paragraphs: [
      'A court in Yekaterinburg sentenced a 34-year-old poet to seven years in prison on Friday for reading anti-war poems at an open-mic event in a bookshop in 2024.',
      'Prosecutors charged him with “calls to action against state security” and “spreading false information” about the army. The poet pleaded not guilty.',
      '“I read poems about grief. The court heard treason,” he said in his final statement, which his supporters published online.',
      'The rights group OVD-Info counts more than 1,000 people prosecuted in Russia for speaking out against the war since 2022.',
      'The bookshop that hosted the reading has since closed.',
    ],
  },
  {
    outlet: 'vestnik',
    title: 'В Москве ожидается первый сильный снегопад этой зимы',
    paragraphs: [
      'В понедельник в Москве ожидается первый сильный снегопад этой зимы, сообщили синоптики. За сутки может выпасть до 15 сантиметров снега.',
      'Температура воздуха ночью опустится до минус 10 градусов, днем будет около минус 5. В городе ожидается гололедица.',
      'Коммунальные службы переведены в режим повышенной готовности, на улицы выйдут более 10 тысяч единиц снегоуборочной техники.',
      'Водителям рекомендуют по возможности пересесть на общественный транспорт.',
    ],
  },
  {
    outlet: 'ribao',
    title: '北京迎来今冬首场降雪',
    paragraphs: [
      '受冷空气影响，北京22日迎来今冬首场降雪，城区大部分地区出现小到中雪。',
      '北京市气象台发布寒潮蓝色预警，预计未来两天气温将下降8至10摄氏度，最低气温降至零下8摄氏度。',
      '市城市管理委员会表示，已组织5万余名作业人员和3000余台除雪设备上路作业，确保道路安全畅通。',
      '气象部门提醒市民注意防寒保暖，出行尽量选择公共交通。',
    ],
  },
];
