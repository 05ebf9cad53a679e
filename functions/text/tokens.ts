/**
 * Shared text features for clustering and summarising: content tokens (stop words removed,
 * light stemming, any script), cross-language anchors (the same person, project or event type
 * named in English, Russian or Chinese maps to one anchor), and sentence splitting.
 */

const STOP = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been being it its this that these those ' +
    'has have had will would can could should may might must do does did not no than then so such into over after before ' +
    'about against between during under up down out off more most new says said say also their they them he she his her ' +
    'we our you your who whom which what when where why how all any both each few other some own same very just amid ' +
    'per via while since until again further once here there i me my mr ms one two three first last year years week ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow news live update updates report ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще ' +
    'нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом ' +
    'себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под ' +
    'будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда ' +
    'зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много ' +
    'разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между заявил'
  ).split(' '),
);

/** Cross-language anchors: one id per person, project, organisation or event type. */
const ANCHORS: [string, RegExp][] = [
  ['xi', /xi jinping|(?<![\p{L}])xi(?![\p{L}'’])|си цзиньпин|习近平/iu],
  ['putin', /putin|путин|普京/iu],
  ['lavrov', /lavrov|лавров|拉夫罗夫/iu],
  ['wang-yi', /wang yi|ван и(?![\p{L}])|王毅/iu],
  [
    'call',
    /(phone|video|telephone)[ -]?(call|talks|conference|link)|conversation|телефонн\p{L}* разговор|видеосвяз|видеоконференц|通电话|视频会晤|视频通话/iu,
  ],
  ['visit', /state visit|visit(s|ed|ing)?|визит|访问|访华|访俄/iu],
  ['summit', /summit|саммит|峰会/iu],
  ['power-of-siberia', /power of siberia|сил\p{L}* сибири|西伯利亚力量/iu],
  ['gas', /(?<![\p{L}])gas(?![\p{L}])|lng|газ|天然气/iu],
  ['oil', /(?<![\p{L}])oil|crude|нефт|石油/iu],
  ['pipeline', /pipeline|газопровод|трубопровод|管道/iu],
  ['price', /price|pricing|цен|价格/iu],
  ['brics', /brics|брикс|金砖/iu],
  ['sco', /(?<![\p{L}])sco(?![\p{L}])|shanghai cooperation|шос|上合/iu],
  ['patrol', /patrol|патрул|巡航/iu],
  ['exercise', /exercise|drill|war ?games|учени|演习/iu],
  ['naval', /naval|navy|navies|warships?|флот|海军|舰/iu],
  ['bomber', /bomber|бомбардировщик|轰炸机/iu],
  ['ukraine', /ukrain|kyiv|kiev|украин|киев|乌克兰/iu],
  ['ceasefire', /cease-?fire|truce|перемири|停火/iu],
  ['envoy', /envoy|special representative|спецпредставител|特使|特别代表/iu],
  ['peace', /peace|мир(ный|ного|ные|ных)|和平|和谈/iu],
  ['yuan', /yuan|renminbi|юан|人民币/iu],
  ['rouble', /roubles?|rubles?|рубл|卢布/iu],
  ['bank', /(?<![\p{L}])banks?(?![\p{L}])|lender|банк|银行/iu],
  ['payment', /payment|settlement|платеж|расчет|结算|支付/iu],
  ['sanctions', /sanction|санкци|制裁/iu],
  ['secondary', /secondary sanctions|вторичн\p{L}* санкци|二级制裁/iu],
  ['eu', /(?<![\p{L}])eu(?![\p{L}])|european union|brussels|евросоюз|ес(?![\p{L}])|欧盟/iu],
  ['us', /(?<![\p{L}])(us|u\.s\.)(?![\p{L}])|united states|washington|сша|вашингтон|美国/iu],
  ['nato', /nato|нато|北约/iu],
  ['arctic', /arctic|northern sea route|арктик|севморпут|северн\p{L}* морск|北极/iu],
  ['space', /lunar|moon|space station|луна|лунн|космос|月球|航天/iu],
  ['victory', /victory day|world war|wwii|день победы|парад победы|胜利日|二战|阅兵|parade|парад/iu],
  ['cars', /(?<![\p{L}])cars?(?![\p{L}])|automak|автомобил|汽车/iu],
  ['trade', /(?<![\p{L}])trade(?![\p{L}])|товарооборот|торговл|贸易/iu],
  ['media', /state media|media|сми|медиа|媒体/iu],
  ['railway', /rail|железн\p{L}* дорог|铁路/iu],
  ['north-korea', /north korea|kim jong un|кндр|ким чен ын|朝鲜|金正恩/iu],
];

export function anchorsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [id, re] of ANCHORS) if (re.test(text)) out.add(id);
  return out;
}

function stem(token: string): string {
  if (/^[a-z]+$/.test(token) && token.length > 4)
    return token.replace(/(ies|es|s|ed|ing|ly)$/, '').slice(0, 8);
  if (/^[\p{Script=Cyrillic}]+$/u.test(token) && token.length > 5) return token.slice(0, 6);
  return token;
}

/** Content tokens of a text; CJK runs become character bigrams. */
export function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/\p{Script=Han}/u.test(raw)) {
      for (let i = 0; i + 1 < raw.length; i++) out.push(raw.slice(i, i + 2));
      continue;
    }
    if (raw.length < 2 || STOP.has(raw) || /^\d{1,2}$/.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
