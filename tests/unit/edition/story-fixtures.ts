/**
 * Real-shaped reports for the story tests: one Beijing summit covered by six outlets in
 * English, Russian and Chinese, a gas-price dispute on the same day, and Xi–Putin phone calls a
 * week apart. Classifications are written by hand so these tests depend on clustering and
 * summarising only, not on the relevance classifier.
 */
import type { Article, Perspective, ScoredItem, ThemeId } from '#domain/types.ts';

/** Page furniture of the kind the seed documents show inside scraped article text. */
export const NOISE_LINES = [
  'You May Also Like',
  'Click to comment',
  'Notify of',
  'Inline Feedbacks',
  'View all comments',
  'By Liam Walker',
  'by Admin 47 views',
  'Table of Contents',
  'FAQs about Xi Jinping',
  'What is the “no-limits” partnership between China and Russia?',
  'Sign up for our daily newsletter',
  'Share this article',
  'Connect with us',
  'Hi, what are you looking for?',
  'top of page',
  'bottom of page',
  'Photo: Reuters/File',
  'Rafale Fighter Jets: India’s High-Stakes Modernization Faces First Major Combat Test',
  'vivo X200 FE: Price, Specs, Features and Everything You Need to Know',
  'Economic Lifelines and Strategic Leverage',
  'We’re dedicated to providing you the most authenticated news. We’re working to turn our passion for the political industry into a booming online news portal.',
  'Jennifer Coolidge Is Pregnant: Jennifer Coolidge Audrey Coolidge is a comedian and actress from the United States. Many of her followers are wondering if...',
  'জুমবাংলা নিউজ সবার আগে পেতে Follow করুন জুমবাংলা গুগল নিউজ, জুমবাংলা টুইটার , জুমবাংলা ফেসবুক, জুমবাংলা টেলিগ্রাম এবং সাবস্ক্রাইব করুন জুমবাংলা ইউটিউব চ্যানেলে।',
] as const;

interface ReportInput {
  id: string;
  source: string;
  perspective: Perspective;
  language: string;
  published: string;
  title: string;
  summary: string;
  score?: number;
  themes?: ThemeId[];
  text?: string;
  note?: string;
}

export function report(input: ReportInput): ScoredItem {
  const link = `https://${input.source.toLowerCase().replace(/[^a-z]+/g, '') || 'outlet'}.example.org/${input.id}`;
  const article: Article | undefined = input.text
    ? { url: link, title: input.title, text: input.text, language: input.language }
    : undefined;
  return {
    id: input.id,
    title: input.title,
    link,
    published: input.published,
    summary: input.summary,
    categories: [],
    language: input.language,
    source: input.source,
    perspective: input.perspective,
    classification: {
      relevant: true,
      score: input.score ?? 0.8,
      themes: input.themes ?? ['alliance-diplomacy'],
      reasons: ['leader pair: Xi + Putin (+0.45)'],
    },
    ...(article ? { article } : {}),
    ...(input.note ? { articleNote: input.note } : {}),
  };
}

/** The body of the wire report, with page furniture between the paragraphs. */
export const WIRE_SUMMIT_TEXT = [
  'top of page',
  'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement on deeper strategic coordination after talks in Beijing on Monday.',
  'By Liam Walker',
  'The two leaders met for more than three hours at the Great Hall of the People, their second meeting this year.',
  'You May Also Like',
  'Putin said trade between the two countries reached $245 billion last year, almost all of it settled in roubles and yuan.',
  'Rafale Fighter Jets: India’s High-Stakes Modernization Faces First Major Combat Test',
  'Xi called the relationship a force for stability in a turbulent world and said China would keep working with Russia at the United Nations.',
  'Click to comment',
  'Notify of',
  'Western officials have warned Beijing against supplying components that Russia uses in its war against Ukraine.',
  'Sign up for our daily newsletter',
  'FAQs about Xi Jinping',
  'What is the “no-limits” partnership between China and Russia?',
  'জুমবাংলা নিউজ সবার আগে পেতে Follow করুন জুমবাংলা গুগল নিউজ, জুমবাংলা টুইটার , জুমবাংলা ফেসবুক, জুমবাংলা টেলিগ্রাম এবং সাবস্ক্রাইব করুন জুমবাংলা ইউটিউব চ্যানেলে।',
].join('\n\n');

export const LEDGER_SUMMIT_TEXT = [
  'Connect with us',
  'Hi, what are you looking for?',
  'Vladimir Putin arrived in Beijing on Monday for talks with Xi Jinping, his first trip abroad since the spring.',
  'The visit underlines how far Russia now leans on China as a buyer of its oil and a supplier of the goods that sanctions keep out.',
  'Economic Lifelines and Strategic Leverage',
  'Officials in Beijing were careful to avoid any promise of military support, and no new energy contracts were announced.',
  'We’re dedicated to providing you the most authenticated news. We’re working to turn our passion for the political industry into a booming online news portal.',
  'Jennifer Coolidge Is Pregnant: Jennifer Coolidge Audrey Coolidge is a comedian and actress from the United States. Many of her followers are wondering if...',
].join('\n\n');

export const summit = {
  wire: report({
    id: 'summit-wire',
    source: 'Meridian Wire',
    perspective: 'wire',
    language: 'en',
    published: '2026-11-23T08:10:00Z',
    title: 'Xi and Putin sign joint statement on deeper coordination at Beijing summit',
    summary:
      'Chinese President Xi Jinping and Russian President Vladimir Putin held talks in Beijing on Monday and signed a joint statement pledging closer strategic coordination.',
    score: 0.92,
    themes: ['alliance-diplomacy', 'multipolar-order'],
    text: WIRE_SUMMIT_TEXT,
  }),
  ledger: report({
    id: 'summit-ledger',
    source: 'Atlantic Ledger',
    perspective: 'western',
    language: 'en',
    published: '2026-11-23T09:30:00Z',
    title: 'Putin’s Beijing visit underlines Moscow’s growing reliance on China',
    summary:
      'Vladimir Putin arrived in Beijing for talks with Xi Jinping, the latest sign of how far Russia now leans on its larger neighbour.',
    score: 0.85,
    themes: ['alliance-diplomacy', 'asymmetry-limits'],
    text: LEDGER_SUMMIT_TEXT,
  }),
  tass: report({
    id: 'summit-vestnik',
    source: 'Северный вестник',
    perspective: 'russian-state',
    language: 'ru',
    published: '2026-11-23T08:40:00Z',
    title: 'Путин и Си Цзиньпин провели переговоры в Пекине',
    summary:
      'Президент России и председатель КНР подписали совместное заявление об углублении стратегического взаимодействия. Товарооборот в прошлом году достиг 245 млрд долларов.',
    score: 0.9,
  }),
  independent: report({
    id: 'summit-obozrevatel',
    source: 'Вольный обозреватель',
    perspective: 'russian-independent',
    language: 'ru',
    published: '2026-11-23T12:00:00Z',
    title: 'Визит Путина в Пекин: что Кремль получил от Си Цзиньпина',
    summary:
      'Переговоры Путина и Си Цзиньпина в Пекине закончились подписанием заявления, но без новых контрактов.',
    score: 0.8,
    themes: ['alliance-diplomacy', 'asymmetry-limits'],
  }),
  xinhua: report({
    id: 'summit-huaxia',
    source: '华夏日报',
    perspective: 'chinese-state',
    language: 'zh',
    published: '2026-11-23T07:50:00Z',
    title: '习近平同普京在北京举行会谈',
    summary: '两国元首签署联合声明，同意深化新时代全面战略协作。双边贸易额去年达到2450亿美元。',
    score: 0.9,
  }),
  harbour: report({
    id: 'summit-harbour',
    source: 'Harbour Times',
    perspective: 'chinese-independent',
    language: 'en',
    published: '2026-11-23T10:15:00Z',
    title: 'Xi hosts Putin in Beijing as both leaders hail ‘best in history’ ties',
    summary:
      'Xi Jinping welcomed Vladimir Putin at the Great Hall of the People for talks that ended with a joint statement on strategic coordination.',
    score: 0.82,
  }),
} as const;

export const gas = {
  ledger: report({
    id: 'gas-ledger',
    source: 'Atlantic Ledger',
    perspective: 'western',
    language: 'en',
    published: '2026-11-23T14:00:00Z',
    title: 'Power of Siberia 2 talks stall over gas price',
    summary:
      'Gazprom and China’s CNPC have still not agreed on the price of gas for the planned pipeline through Mongolia, people familiar with the talks said.',
    score: 0.78,
    themes: ['energy', 'asymmetry-limits'],
  }),
  independent: report({
    id: 'gas-obozrevatel',
    source: 'Вольный обозреватель',
    perspective: 'russian-independent',
    language: 'ru',
    published: '2026-11-23T15:30:00Z',
    title: '«Газпром» и CNPC не договорились о цене газа для «Силы Сибири 2»',
    summary: 'Переговоры о цене на газ для газопровода через Монголию снова зашли в тупик.',
    score: 0.75,
    themes: ['energy'],
  }),
} as const;

export const calls = {
  firstWire: report({
    id: 'call1-wire',
    source: 'Meridian Wire',
    perspective: 'wire',
    language: 'en',
    published: '2026-11-09T09:00:00Z',
    title: 'Xi and Putin discuss Ukraine in phone call',
    summary:
      'Xi Jinping and Vladimir Putin spoke by phone on Monday about the war in Ukraine, the Kremlin said.',
    themes: ['alliance-diplomacy', 'ukraine-war'],
  }),
  firstTass: report({
    id: 'call1-vestnik',
    source: 'Северный вестник',
    perspective: 'russian-state',
    language: 'ru',
    published: '2026-11-09T10:00:00Z',
    title: 'Путин и Си Цзиньпин провели телефонный разговор',
    summary: 'Лидеры России и Китая обсудили по телефону ситуацию на Украине.',
    themes: ['alliance-diplomacy', 'ukraine-war'],
  }),
  gasDealSameDay: report({
    id: 'call1-day-gas',
    source: 'Atlantic Ledger',
    perspective: 'western',
    language: 'en',
    published: '2026-11-09T13:00:00Z',
    title: 'Gazprom signs deal to raise gas supplies to China via Far Eastern route',
    summary:
      'Gazprom and CNPC signed a contract to lift deliveries through the Far Eastern pipeline to 12 billion cubic metres a year.',
    themes: ['energy'],
  }),
  secondWire: report({
    id: 'call2-wire',
    source: 'Meridian Wire',
    perspective: 'wire',
    language: 'en',
    published: '2026-11-16T08:00:00Z',
    title: 'Xi and Putin hold phone call to prepare next week’s talks',
    summary: 'The two leaders spoke by phone on Monday, a week before Putin is due in Beijing.',
  }),
  secondXinhua: report({
    id: 'call2-huaxia',
    source: '华夏日报',
    perspective: 'chinese-state',
    language: 'zh',
    published: '2026-11-16T09:00:00Z',
    title: '习近平同普京通电话',
    summary: '两国元首通电话，就双边关系交换意见。',
  }),
} as const;

/** Every report of the fixtures, in feed order (not time order, not grouped). */
export const ALL_REPORTS: readonly ScoredItem[] = [
  gas.ledger,
  summit.wire,
  calls.firstWire,
  summit.xinhua,
  calls.secondXinhua,
  summit.ledger,
  gas.independent,
  summit.tass,
  calls.gasDealSameDay,
  summit.independent,
  calls.firstTass,
  summit.harbour,
  calls.secondWire,
];
