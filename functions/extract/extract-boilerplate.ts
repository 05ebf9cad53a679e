/**
 * What page furniture looks like, for article extraction and for the summariser: the class/id/role
 * names of boilerplate containers (share bars, related links, comment widgets, cookie and newsletter
 * boxes) and the text of boilerplate lines in several languages (the reference documents in
 * shared/seeds show such lines inside scraped articles: "You May Also Like", "Notify of", "top of
 * page", "by Admin 47 views", a Bangla "follow us" line). Line patterns are anchored to the whole
 * line, so reporting that merely starts with "Related" or "Comments" is never dropped.
 */

/** How a class/id/role name marks an element. */
export type LabelKind = 'noise' | 'weak-noise' | 'content' | 'neutral';

/**
 * Always furniture, however much text it holds: a long comment thread is still comments. Names
 * are matched at the start of a word of the label ("relatedArticles", "share-bar",
 * "comments-area") so that "commentary" or "shared-content" are not caught.
 */
const NOISE_WORD =
  /(?:^|[^a-z])(comments?(?:$|[^a-z])|comment[-_]|commentlist|disqus|respond$|replies|share(?:$|[^a-z])|share[-_]?(?:bar|buttons?|tools?|links?|icons?|this)|sharing|sharethis|addthis|social|related|recommend|newsletter|signup|sign-up|cookie|consent|gdpr|outbrain|taboola|trending|popular|most-?read|mostread|also-?like|you-?may|you-?might|more-?(?:from|stories|articles|news|on)|read-?next|up-?next|breadcrumb|tag-?cloud|tags(?:$|[^a-z])|post-?tags|article-?tags|author-?bio|about-?the-?author|promo|modal|popup|pop-up|donate|skip-?link|sr-only|screen-?reader|visually-?hidden|visuallyhidden|offscreen|table-?of-?contents|toc(?:$|[^a-z])|faq|pagination|pager|print-?only|jump-?to|next-?(?:post|article|story)|prev(?:ious)?-?(?:post|article|story)|follow-?us|follow(?:$|[-_](?!up))|discussion|login|cta(?:$|[^a-z])|widget_|wp-caption|caption|credit|pull-?quote|pic-?text|photo-?text|img-?text|image-?text)/;

/** Usually furniture, but kept when it holds the page's prose (a misnamed wrapper). */
const WEAK_NOISE_WORD =
  /(?:^|[^a-z])(sidebar|side-?bar|widget|paywall|subscri|sponsor|advert|menu|nav(?:$|[^a-z])|navbar|navigation|masthead|header|banner|footer|byline|dateline|timestamp|meta(?:$|[-_])|metadata|author|rail|aside|toolbar|tools(?:$|[^a-z])|actions|utility|teaser|hidden|overlay|alert|notice|dropdown|carousel|slider|gallery|video|player|ticker|topics|supplement|extra|links(?:$|[^a-z])|list-?inline|collapse(?:$|[^a-z]))/;

/** Advertising slots are named by whole tokens: "ad", "ad-slot", "adsbygoogle", not "header" or "shadow". */
const AD_TOKEN =
  /^(ad|ads|adv|ad[-_]?(slot|unit|container|wrapper|banner|box|block|placeholder|leaderboard|mpu|zone|space|spot|label|wrap)\w*|adsbygoogle|advert\w*|dfp[-_]?\w*|gpt[-_]ad\w*|google[-_]?ad\w*)$|(^|[-_])ad(spot|slot|unit|zone|banner|wrap|box)s?($|[-_])/;

/** Names that say "the article's text" outright; they outweigh a weak-noise word in the same label. */
const ARTICLE_WORD =
  /(?:^|[^a-z])(articlebody|article-?body|article-?content|article-?text|story-?body|story-?content|story-?text|post-?body|post-?content|entry-?content|entry-?body|body-?text|main-?content|rich-?text|prose)(?:$|[^a-z])/;
/** Names common on content wrappers, but also on their furniture ("entry-meta", "post-header"). */
const CONTENT_WORD =
  /(?:^|[^a-z])(article|content|text|story|entry|post|blog|news|paragraph|main)(?:$|[^a-z])/;

/** Classifies an element by its class and id (lower-cased, joined by a space). */
export function classifyLabel(label: string): LabelKind {
  if (!label) return 'neutral';
  if (NOISE_WORD.test(label)) return 'noise';
  for (const token of label.split(' ')) if (AD_TOKEN.test(token)) return 'noise';
  const article = ARTICLE_WORD.test(label);
  if (WEAK_NOISE_WORD.test(label)) return article ? 'neutral' : 'weak-noise';
  return article || CONTENT_WORD.test(label) ? 'content' : 'neutral';
}

/** ARIA roles of landmarks that never hold the article. */
export const NOISE_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'alert',
  'search',
  'toolbar',
  'tablist',
  'tooltip',
]);

/** After a phrase: the end of the line, or punctuation and nothing more. */
const END = String.raw`\s*[:.!?…»›>–—-]*\s*$`;

/**
 * Whole lines of furniture. Every pattern is anchored: "Related talks ended without a deal" and
 * "Comments by the minister" are reporting, "Related" and "Comments (12)" are not.
 */
const LINES: RegExp[] = [
  // Teaser and related-link headings.
  new RegExp(
    `^(you (may|might) (also )?(like|enjoy|be interested in)|related( (stories|articles|posts|news|coverage|content|reading|videos?|links?|topics?))?|more (stories|news|videos|from [^.]{1,40}|on this (story|topic)|in [^.]{1,30})|recommended( (for you|stories|reading|articles))?|read (more|next|also)|also read|see also|most (read|popular|viewed|shared|commented)|trending( (now|stories|news))?|popular( (now|stories|posts|articles))?|top stories|latest( (news|stories|videos|posts|articles))?|editor'?s picks|don'?t miss( this)?|what to read next|further reading|in other news|around the web|from the web|(sponsored|promoted|partner) (stories|content|links)|leia (também|mais)|veja (também|mais)|lea también|leer más|te puede interesar|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant|leggi anche|potrebbe interessarti|читайте (также|еще|ещё)|смотрите также|по теме|похожие (новости|статьи|материалы)|相关(阅读|新闻|文章|推荐)|延伸阅读|推荐阅读|热点排行)${END}`,
    'iu',
  ),
  // "Read more: <headline>" teasers.
  /^(read (more|also|next)|see also|also read|related|more|watch|listen|also|recommended|don'?t miss|leia também|lea también|lire aussi|читайте также|相关阅读)\s*[:：|]\s*\S.{0,150}$/iu,
  // Comment widgets.
  new RegExp(
    String.raw`^(notify of|inline feedbacks?|view all comments|leave a (comment|reply)|\d+ (comments?|replies|responses)|comments?( \(\d+\))?|join the (conversation|discussion)|add a comment|post a comment|show( all)? comments|load more comments|be the first to comment|click to comment|comments are closed|discussion|you must be logged in to post a comment|comentários?|comentarios?|commentaires?|kommentare?|commenti|комментари[ийя]( \(\d+\))?|评论)${END}`,
    'iu',
  ),
  /^(click|tap) (here )?to (comment|read|subscribe|share|view|see|continue|download|watch|listen)\b.{0,80}$/i,
  // Share bars.
  new RegExp(
    String.raw`^(share|share (this|the) (article|story|page|post)|share this|share on \S+|tweet|e-?mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|pinterest|reddit|compartilhe|compartir|partager|teilen|condividi|поделиться|分享到?)${END}`,
    'iu',
  ),
  // Newsletters, registration and paywalls.
  /^(sign up|subscribe|register)( now| today| for free)?[:.!]?$/i,
  /^(sign up|subscribe|register|log ?in) (to|for) (our|the|get|receive|continue|access|read|free)\b.{0,120}$/i,
  /\b(newsletter)\b.{0,120}\b(sign up|subscribe|inbox|e-?mail)\b|\b(sign up|subscribe)\b.{0,80}\bnewsletter\b|delivered (straight )?to your inbox/i,
  /^(subscribe to continue reading|to continue reading|this (article|content|story) is (only )?(for|available to) (subscribers|members)|already a subscriber|log ?in to (read|continue))\b.{0,100}$/i,
  /^(let our news meet your inbox|get the latest|download (our|the) app|listen to (the|this|our) (podcast|episode|story))\b.{0,150}$/i,
  // Cookie and privacy notices.
  /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences)|we value your privacy|manage (cookie )?(preferences|consent))\b/i,
  /^(enable javascript|javascript is (disabled|required)|your browser does not support)\b/i,
  // Copyright lines and advertising labels.
  /^(©|\(c\)|copyright)\s*(\d{4}|@|by)|all rights reserved\.?$|все права защищены\.?$|版权所有/iu,
  new RegExp(
    `^[-–—\\s]*(advertisement|advert|sponsored( content)?|paid (post|content)|promoted|ad|ads|story continues below( advertisement)?|article continues below|continue reading( below)?|scroll to continue( with content)?|publicidade|publicidad|publicité|anzeige|pubblicità|реклама|广告)${END}`,
    'iu',
  ),
  // Page furniture: contents boxes, FAQ headings, scroll anchors, search and menu labels.
  /^(table of contents|contents|faqs?( about .{1,80})?|frequently asked questions|in this article|jump to( section)?)$/i,
  /^(top|bottom) of (the )?page$/i,
  /^(connect with us|follow us( on .{1,60})?|hi, what are you looking for\??|search( for)?:?|skip to (main )?content|menu|home|close|back to top|scroll to top|loading\.{0,3}|please wait\.{0,3}|(watch|listen)( now| live)?:?)$/i,
  /^(we'?re|we are) (dedicated to providing you|working to turn our passion)\b/i,
  /^(home|main|start|首页|главная|startseite|accueil|inicio|início)\s*([>›»/|]\s*[^>›»/|]{1,40}){1,5}$/iu,
  /^(only|just|from)?\s*[$€£₽¥]\s?\d+([.,]\d+)?\s*(for|a|per|\/)\s*(\d+\s*)?(weeks?|months?|years?|wk|mo)\b.{0,30}$/i,
  /^follow\s.{1,40}\s(on|at)\s(telegram|twitter|x|facebook|instagram|youtube|whatsapp|google news|linkedin|tiktok|threads|bluesky)\b.{0,60}$/i,
  // Bylines and view counters.
  /^by [\p{L}.' -]{2,60}$/iu,
  /^(by )?admin\b.{0,30}$|^.{0,40}\b\d+ views?$/i,
  /^\d+\s*(shares?|comments?|views?|likes?)$/i,
  /^(reading time|estimated reading time|\d+ min(ute)?s? read)\b.{0,20}$/i,
  // Captions and credits; a photo credit "(Agency/Photographer)" closes a caption.
  /\((photo:?\s*)?\p{Lu}[\p{L}.' -]{1,30}\/[\p{L}.' -]{2,40}\)$/u,
  /^[[(]?\s*(editors?|edited by|responsible editor|责任编辑|編輯|编辑)\s*[:：]\s*[^\])]{1,60}[\])]?$/iu,
  /^(photo|image|picture|video|graphic|illustration|credit|file photo)s?\s*[:/(]|\((photo|image)[^)]*\)$/i,
  /^(image|photo|picture) (copyright|caption|credit)\b/i,
  // Chinese photo captions end with the photographer: "（新华社记者 陈晨摄）".
  /[（(][^（）()]{0,30}摄[）)]$/u,
  /^(image|photo|picture|slide)\s+\d+\s+(of|\/)\s+\d+$/i,
  /^(getty( images)?|afp|reuters|ap( photo)?|epa|shutterstock|istock)( images| photo| via getty images)?(\s*\/.*)?$/i,
  // Metadata lines.
  /^(posted|published|updated|last updated|last modified|first published|originally published)\s*((on|at)\s*)?:\s*.{0,60}$/i,
  /^(this (article|story|post) (was|is|has been) (originally )?(published|updated|shared))\b.{0,120}$/i,
  /^(tags?|topics?|filed under|categor(y|ies))\s*:/i,
  /^(previous|next|prev) (article|post|story)\b.{0,150}$/i,
  /^(sources?|via|quelle|fuente|fonte|источник)\s*:\s*\S.{0,60}$/iu,
  // Chinese article furniture: "来源：…", "责任编辑：…" lines, often after the date.
  /^.{0,40}(来源|來源|责任编辑|責任編輯|编辑|編輯)\s*[:：].{0,40}$/u,
  // Wire and newsroom credits after the story.
  /^((additional )?reporting by|editing by|writing by|compiled by|produced by)\b/i,
  /\b(contributed (reporting|to this (report|story|article)))\b.{0,60}$/i,
  /^(this document is subject to copyright|citation:)/i,
  /^(more|follow) (ap|reuters|afp)\b.{0,100}https?:\/\//i,
];

const MONTHS =
  'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre|januar|februar|märz|juni|juli|oktober|dezember|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const WEEKDAYS =
  'mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье';
const DATE_WORDS = new RegExp(
  `(^|[^\\p{L}])(${MONTHS}|${WEEKDAYS}|am|pm|a\\.m|p\\.m|utc|gmt|[a-z]?[ecmp][sd]t|msk|cet|cest|bst|ist|jst|amt|at|on|às|de|um|le|el|the|updated|published|posted|aktualisiert|publicado|publié|обновлено|опубликовано|(\\d+)(st|nd|rd|th|h)?)(?=$|[^\\p{L}])`,
  'giu',
);

/** A line that is only a date and time ("Nov. 20, 2019, 9:28 AM UTC"): a page's dateline, not prose. */
export function isDateLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 70 || !/\d{1,4}/.test(text) || !/\d{4}|\d{1,2}:\d{2}/.test(text)) return false;
  const rest = text
    .replace(DATE_WORDS, ' ')
    .replace(/\d+\s*[年月日时分秒時號号]/g, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return rest.length <= 2;
}

/**
 * Whether a whole line (a paragraph of extracted text) is page furniture rather than reporting.
 * Long lines are never boilerplate: a real paragraph may quote "you may also like" and stays.
 */
export function isBoilerplateLine(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return true;
  if (text.length > 300) return false;
  return isFollowUsLine(text) || isDateLine(text) || LINES.some((re) => re.test(text));
}

/** A call to follow: "follow us", "subscribe to our", Bangla "Follow করুন", Russian "подпишитесь", Chinese "关注我们". */
const FOLLOW = /(follow|subscribe to|join) (us|our|করুন)|সাবস্ক্রাইব করুন|подпишитесь|关注我们/iu;
const NETWORKS =
  /google news|twitter|facebook|telegram|youtube|instagram|whatsapp|tiktok|linkedin|গুগল নিউজ|টুইটার|ফেসবুক|টেলিগ্রাম|ইউটিউব|вконтакте|телеграм|微信|微博/giu;

/**
 * "Follow us on Google News, Twitter, Facebook…" in any language: a call to follow and two
 * networks, or a bare list of four. A sentence of reporting names a network or two, and no call.
 */
function isFollowUsLine(text: string): boolean {
  const networks = new Set(text.toLowerCase().match(NETWORKS) ?? []);
  return networks.size >= 4 || (networks.size >= 2 && FOLLOW.test(text));
}
