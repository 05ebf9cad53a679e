/**
 * The rest of the sample day: ordinary world, business, science, sport and culture news, and
 * the traps that mention China or Russia without being about their relationship. Each outlet
 * carries a different slice of this pool.
 */

export const TRAPS: [string, string][] = [
  [
    'Pentagon budget request cites growing threats from China and Russia',
    'The proposed defence budget names China, Russia, Iran and North Korea among the threats the United States must deter.',
  ],
  [
    'Xi’an’s Terracotta Army draws record crowds over holiday week',
    'The ancient capital in northwestern China welcomed more than two million visitors, local tourism officials said.',
  ],
  [
    'England name unchanged XI for second Test against Pakistan',
    'The selectors kept faith with the side that won in Multan, with the spinners retained for Rawalpindi.',
  ],
  [
    'Moscow, Idaho, police release new details in student case',
    'Police in the small university town said they were reviewing new evidence and asked residents to avoid speculation.',
  ],
  [
    'Bartenders swap the Moscow Mule for ginger-forward winter cocktails',
    'Copper mugs are out as bars experiment with spiced rum and smoked ginger syrups this season.',
  ],
  [
    'Kim Jong Un arrives in Vladivostok for talks with Putin on arms cooperation',
    'North Korea’s leader travelled by armoured train for his second summit with the Russian president in two years.',
  ],
  [
    'India and China agree to resume border patrols in Ladakh',
    'The agreement follows months of talks between military commanders on the disputed Himalayan frontier.',
  ],
  [
    'G20 leaders gather in Johannesburg without a joint statement in sight',
    'Leaders from the United States, China, India, Brazil and Russia’s foreign minister are among those attending the summit.',
  ],
  [
    'Hackers linked to Russia and China targeted election officials, report says',
    'A cybersecurity firm said state-backed groups sent phishing emails to local officials in several states.',
  ],
  [
    'Russian skater wins Grand Prix event in Beijing',
    'The 17-year-old landed two quadruple jumps to take gold at the Cup of China.',
  ],
];

export const POOL: [string, string][] = [
  [
    'Storm Bert brings flooding to Wales and western England',
    'Hundreds of homes were evacuated as rivers burst their banks after a month’s rain fell in two days.',
  ],
  [
    'Central bank holds interest rates as inflation edges down',
    'Policymakers voted 7-2 to keep the benchmark rate unchanged, citing persistent services inflation.',
  ],
  [
    'Germany’s coalition agrees budget after weeks of wrangling',
    'The deal includes higher defence spending and cuts to subsidies for electric vehicles.',
  ],
  [
    'Israel and Hezbollah trade fire as ceasefire talks continue',
    'Mediators said a proposal to end the fighting in Lebanon was close to being finalised.',
  ],
  [
    'Gaza aid convoy looted as humanitarian crisis deepens',
    'The United Nations said armed gangs seized dozens of trucks carrying flour and medical supplies.',
  ],
  [
    'Brazil’s Lula pledges to cut deforestation by half',
    'The president announced new enforcement measures in the Amazon ahead of the climate conference.',
  ],
  [
    'COP talks run into overtime over climate finance',
    'Negotiators struggled to agree how much rich countries should pay to help poorer ones adapt.',
  ],
  [
    'Tesla shares jump after strong quarterly deliveries',
    'The electric carmaker delivered more vehicles than analysts expected in the third quarter.',
  ],
  [
    'Apple unveils redesigned laptops with faster chips',
    'The new models feature longer battery life and a brighter display, the company said.',
  ],
  [
    'Oil prices slip as OPEC+ delays output decision',
    'Brent crude fell below $72 a barrel after the producer group postponed its meeting.',
  ],
  [
    'Nvidia results beat forecasts on data centre demand',
    'Revenue from artificial intelligence chips more than doubled from a year earlier.',
  ],
  [
    'Spain counts the cost of deadly Valencia floods',
    'Authorities said the reconstruction bill could exceed 10 billion euros.',
  ],
  [
    'French government survives no-confidence vote',
    'The motion fell 40 votes short as the Socialists abstained.',
  ],
  [
    'Kenya’s president orders inquiry into airport deal',
    'Protesters had accused the government of handing the main airport to a foreign company without scrutiny.',
  ],
  [
    'Nigeria’s inflation climbs to 33 percent',
    'Food prices rose sharply after the removal of fuel subsidies and a weaker naira.',
  ],
  [
    'South Africa’s rand firms after budget statement',
    'Investors welcomed the finance minister’s commitment to reducing debt.',
  ],
  [
    'Australia passes law banning social media for under-16s',
    'Platforms will face fines of up to 50 million dollars if they fail to keep children off their services.',
  ],
  [
    'Japan’s economy grows faster than expected',
    'Consumer spending rose for a second quarter, easing pressure on the central bank.',
  ],
  [
    'Indonesia’s new capital behind schedule, officials admit',
    'Only a fraction of government offices have moved to Nusantara so far.',
  ],
  [
    'Philippines and Vietnam sign coast guard cooperation pact',
    'The agreement comes amid tensions in the South China Sea.',
  ],
  [
    'Taiwan holds annual air defence drills',
    'Fighter jets practised landing on highways as part of the exercises.',
  ],
  [
    'Hong Kong stocks fall on property sector worries',
    'Developers led losses after a major builder missed a bond payment.',
  ],
  [
    'Chinese exports rise more than expected in October',
    'Shipments to Southeast Asia and Africa offset weaker demand from Europe.',
  ],
  [
    'China unveils stimulus to support local government debt',
    'The finance ministry said it would allow regions to swap hidden debt for bonds.',
  ],
  [
    'BYD overtakes rivals in global electric car sales',
    'The Chinese carmaker sold more battery-electric vehicles than Tesla in the quarter.',
  ],
  [
    'Chinese astronauts return from six-month space station mission',
    'The three crew members landed safely in the Inner Mongolia desert.',
  ],
  [
    'China’s property slump deepens as new home prices fall again',
    'Prices fell in 65 of 70 cities surveyed by the statistics bureau.',
  ],
  [
    'Russian court jails journalist for 12 years on treason charges',
    'Rights groups condemned the verdict as politically motivated.',
  ],
  [
    'Russian central bank raises key rate to 21 percent',
    'The bank said inflation remained high because of strong demand and a tight labour market.',
  ],
  [
    'Ukraine says drones struck refinery deep inside Russia',
    'Officials in the region reported a fire at the facility but no casualties.',
  ],
  [
    'Russian forces advance near Kurakhove, Ukraine’s army says',
    'Ukraine’s general staff reported heavy fighting along the eastern front.',
  ],
  [
    'Zelensky urges allies to speed up air defence deliveries',
    'The Ukrainian president said Russia had launched more than 100 drones overnight.',
  ],
  [
    'Moldova says Russia is trying to destabilise its government',
    'The prime minister accused Moscow of funding protests ahead of a referendum.',
  ],
  [
    'Georgia’s ruling party claims victory in disputed election',
    'The opposition refused to recognise the result and called supporters onto the streets.',
  ],
  [
    'Kazakhstan votes to build its first nuclear power plant',
    'Voters backed the project in a referendum, the electoral commission said.',
  ],
  [
    'Armenia and Azerbaijan move closer to peace treaty',
    'Foreign ministers said most articles of the draft agreement had been settled.',
  ],
  [
    'Poland to build new border fortifications',
    'The government will spend billions on barriers along its eastern frontier.',
  ],
  [
    'Finland reopens debate on border crossings',
    'The government said the border with Russia would stay closed for now.',
  ],
  [
    'Baltic states complete switch to European power grid',
    'Estonia, Latvia and Lithuania disconnected from the Russian-controlled network.',
  ],
  [
    'NATO members agree to raise defence spending targets',
    'Allies said they would aim for spending well above two percent of economic output.',
  ],
  ['US Senate confirms new defence secretary', 'The vote was largely along party lines.'],
  [
    'US jobs report shows steady hiring',
    'Employers added 227,000 jobs in November, and unemployment was little changed.',
  ],
  ['Wall Street closes at record as tech stocks rally', 'The S&P 500 gained 0.8 percent, led by chipmakers.'],
  [
    'Boeing strike ends after workers accept new contract',
    'Machinists voted to approve a 38 percent pay rise over four years.',
  ],
  ['Airbus raises delivery forecast', 'The planemaker said supply chain problems were easing.'],
  [
    'Microsoft to invest billions in UK data centres',
    'The company said the investment would create thousands of jobs.',
  ],
  [
    'Google faces new antitrust case over advertising',
    'Regulators said the company abused its dominance in online ad technology.',
  ],
  ['Meta fined over data protection failures', 'The Irish regulator imposed a penalty of 251 million euros.'],
  [
    'Amazon workers strike at several US warehouses',
    'The union said the walkouts were the largest in the company’s history.',
  ],
  [
    'OpenAI launches new reasoning model',
    'The company said the model performed better on mathematics and coding tasks.',
  ],
  [
    'Scientists discover new species of deep-sea coral',
    'The find was made during an expedition off the coast of Chile.',
  ],
  [
    'Measles cases rise across Europe',
    'Health officials urged parents to check their children’s vaccinations.',
  ],
  [
    'New malaria vaccine rollout expands in Africa',
    'More than a dozen countries have now begun vaccinating children.',
  ],
  ['WHO warns of bird flu spread in dairy cattle', 'The agency said the risk to the public remained low.'],
  [
    'NASA delays return to the Moon by a year',
    'The agency cited problems with the heat shield of its crew capsule.',
  ],
  [
    'SpaceX completes test flight of giant rocket',
    'The booster was caught by the launch tower’s mechanical arms.',
  ],
  [
    'Astronomers detect water vapour on distant planet',
    'The observations were made with the James Webb Space Telescope.',
  ],
  ['Record heat recorded in parts of Australia', 'Temperatures topped 45 degrees in several towns.'],
  [
    'Wildfires force evacuations in California',
    'Strong winds drove flames towards homes north of Los Angeles.',
  ],
  [
    'Earthquake strikes off the coast of Vanuatu',
    'There were no immediate reports of damage, officials said.',
  ],
  [
    'Typhoon makes landfall in the northern Philippines',
    'Thousands of people were evacuated ahead of the storm.',
  ],
  ['Cholera outbreak spreads in Sudan', 'Aid agencies said the war had destroyed much of the health system.'],
  [
    'Mexico’s president presents plan to reform the judiciary',
    'Critics say the changes threaten the independence of the courts.',
  ],
  [
    'Argentina posts first budget surplus in years',
    'The government credited spending cuts for the turnaround.',
  ],
  [
    'Canada’s prime minister faces pressure from his party',
    'Several members of parliament called for a leadership review.',
  ],
  [
    'Venezuela releases detained opposition activists',
    'The move followed talks mediated by Brazil and Colombia.',
  ],
  ['Chile approves pension reform', 'The measure raises employer contributions over the next decade.'],
  [
    'Pope Francis calls for peace in Middle East',
    'The pontiff spoke during his weekly address in St Peter’s Square.',
  ],
  [
    'Notre-Dame reopens five years after fire',
    'Dignitaries attended a ceremony in the restored cathedral in Paris.',
  ],
  [
    'British Museum returns looted artefacts to Ghana',
    'The gold objects were taken during a colonial war in the 19th century.',
  ],
  [
    'Film festival opens with premiere of historical drama',
    'The director said the film was ten years in the making.',
  ],
  [
    'Oscar contenders emerge after autumn festivals',
    'Critics singled out performances in three independent films.',
  ],
  ['Taylor Swift ends record-breaking world tour', 'The final concert took place in Vancouver.'],
  ['Real Madrid beat Bayern in Champions League thriller', 'A late goal sealed a 3-2 win in Munich.'],
  ['Manchester City sack manager after winless run', 'The club said it was time for a new direction.'],
  [
    'Formula One champion clinches title in Las Vegas',
    'The Dutch driver secured his fourth consecutive championship.',
  ],
  [
    'Djokovic withdraws from ATP Finals with injury',
    'The former world number one said he hoped to return in January.',
  ],
  ['New Zealand win rugby test against France', 'The All Blacks scored four tries in the second half.'],
  ['Marathon world record broken in Valencia', 'The Kenyan runner finished in two hours and 35 seconds.'],
  [
    'Olympic committee picks host for 2036 bid talks',
    'Several cities, including Doha and Ahmedabad, have expressed interest.',
  ],
  ['Chess world championship match goes to tiebreaks', 'The two players drew all 14 classical games.'],
  ['Vatican opens Holy Year with ceremony', 'Millions of pilgrims are expected in Rome during the year.'],
  [
    'Greece warns of tourism overcrowding on islands',
    'Officials said visitor numbers on Santorini had reached unsustainable levels.',
  ],
  [
    'Venice introduces new fee for day-trippers',
    'Visitors will have to pay 10 euros on busy days next year.',
  ],
  [
    'Thai parliament approves same-sex marriage law',
    'The country is the first in Southeast Asia to allow same-sex marriage.',
  ],
  ['Bangladesh interim leader promises elections next year', 'Muhammad Yunus said reforms must come first.'],
  [
    'Pakistan’s former prime minister moved to new prison',
    'His party said the move was politically motivated.',
  ],
  ['Sri Lanka’s new president dissolves parliament', 'A snap election will be held next month.'],
  [
    'Iran’s currency hits record low against dollar',
    'The rial has lost more than a third of its value this year.',
  ],
  ['Saudi Arabia wins bid to host 2034 World Cup', 'FIFA confirmed the decision at an online congress.'],
  ['Turkey’s central bank cuts interest rates', 'The bank reduced its main rate by 250 basis points.'],
  ['Egypt secures new IMF loan tranche', 'The fund said reforms were on track.'],
  ['Ethiopia and Somalia agree to resolve port dispute', 'Turkey mediated the talks in Ankara.'],
  ['Congo and Rwanda agree ceasefire in the east', 'The deal was brokered by Angola.'],
  [
    'Haiti’s transitional council appoints new prime minister',
    'Gang violence has displaced hundreds of thousands of people.',
  ],
  ['Syrian rebels advance on Aleppo', 'It is the biggest offensive in the country for years.'],
  ['Lebanese army deploys in the south', 'The deployment is part of the ceasefire agreement.'],
  ['UN Security Council fails to agree Sudan resolution', 'One permanent member vetoed the text.'],
  [
    'EU agrees new rules on artificial intelligence',
    'Companies will have to disclose when content is generated by AI.',
  ],
  [
    'European Parliament approves new Commission',
    'The vote clears the way for the commissioners to take office.',
  ],
  [
    'Dutch government collapses over asylum policy',
    'The coalition partners failed to agree on new restrictions.',
  ],
  [
    'Belgian police raid offices in corruption probe',
    'Prosecutors said the investigation concerned lobbying in parliament.',
  ],
  ['Swiss voters reject motorway expansion', 'The proposal was defeated by a narrow margin.'],
  [
    'Austria’s far-right party wins regional election',
    'The result strengthens its position in national coalition talks.',
  ],
  ['Romania’s election result challenged in court', 'The constitutional court ordered a recount.'],
  [
    'Serbia protests grow after station roof collapse',
    'Demonstrators blamed corruption for the disaster that killed 15 people.',
  ],
  [
    'Ireland’s governing parties win most seats in election',
    'The two centrist parties are expected to form a coalition again.',
  ],
  [
    'Scotland unveils plan to cut child poverty',
    'The government said it would expand a payment for low-income families.',
  ],
];
