/**
 * The one list of page furniture, for article extraction and for story summaries.
 *
 *  - Containers: the class/id/role names of boilerplate boxes (share bars, related links, comment
 *    widgets, cookie and newsletter boxes), read by extract-content.ts.
 *  - Lines: whole lines that are furniture, not reporting, in several languages ("You May Also
 *    Like", "Notify of", "top of page", "by Admin 47 views", a Bangla "follow us" line, "This
 *    slideshow requires JavaScript", "Have a tip?"). Every line rule is anchored to the whole line,
 *    so reporting that merely starts with "Related" or "Comments" is never dropped; extraction
 *    drops such lines from the article, and summaries drop such sentences.
 *  - Sentences: a summary is stricter than an article. A sentence that only starts like a prompt,
 *    mentions a newsletter, carries a URL or a shortcode, is a question, a teaser cut off with
 *    "...", a heading, too short, in an unrelated script or off the story's topic never reaches a
 *    summary (boilerplateReason says which).
 *  - Paywalls: the notices and the markup that show a page is only a teaser.
 *  - Shortcodes: "[button link=...]Buy[/button]" left in the text by a CMS; the codes go, their
 *    text stays.
 *
 * The reference documents in shared/seeds show all of these inside real scraped article text.
 * Rules are general shapes of furniture, never the wording of one page.
 */
import { tokensOf } from '#text/tokens.ts';

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

/** A rule of the list: what the furniture is, and its shape. */
type Rule = readonly [reason: string, pattern: RegExp];

/**
 * Whole lines of furniture. Every pattern is anchored to the whole line: "Related talks ended
 * without a deal" and "Comments by the minister" are reporting, "Related" and "Comments (12)" are not.
 */
const LINE_RULES: readonly Rule[] = [
  [
    'related-links prompt',
    new RegExp(
      `^(you (may|might) (also )?(like|enjoy|be interested in)|related( (stories|articles|posts|news|coverage|content|reading|videos?|links?|topics?))?|more (stories|news|videos|from [^.]{1,40}|on this (story|topic)|in [^.]{1,30})|recommended( (for you|stories|reading|articles))?|read (more|next|also)|also read|see also|most (read|popular|viewed|shared|commented)( \\p{L}+)?|(самые|самое) (популярные|читаемые|популярное|читаемое)( \\p{L}+)?|популярное|más (leídas|leídos|populares|vistas|vistos)|les plus (lus|populaires)|meistgelesen|(le )?più (lette|popolari|lett[ie])|(as )?mais (lidas|populares|vistas)|最受欢迎|热门文章|trending( (now|stories|news))?|popular( (now|stories|posts|articles))?|top stories|latest( (news|stories|videos|posts|articles))?|editor'?s picks|don'?t miss( this)?|what to read next|further reading|in other news|around the web|from the web|(sponsored|promoted|partner) (stories|content|links)|leia (também|mais)|veja (também|mais)|(você|voce) (também |tambem )?(pode|poderá) gostar|lea también|leer más|(también )?te puede interesar|(también )?le puede interesar|lire aussi|à lire aussi|voir aussi|vous aimerez aussi|(vous )?pourriez aussi aimer|lesen sie auch|mehr zum thema|auch interessant|das könnte sie auch interessieren|leggi anche|potrebbe interessarti( anche)?|ti potrebbe interessare|читайте (также|еще|ещё)|смотрите также|по теме|похожие (новости|статьи|материалы)|вам (также )?может понравиться|相关(阅读|新闻|文章|推荐)|延伸阅读|推荐阅读|热点排行)${END}`,
      'iu',
    ),
  ],
  [
    'related-links prompt',
    /^(read (more|also|next)|see also|also read|related|more|watch|listen|also|recommended|don'?t miss|leia também|lea también|lire aussi|читайте также|相关阅读)\s*[:：|]\s*\S.{0,150}$/iu,
  ],
  // "Read Full Article at RT.com", "Continue reading...", "The post ... appeared first on Site.":
  // the tails feeds put after a summary.
  [
    'feed tail',
    /^((read|see|view) (the )?(full|whole|complete|entire|original|rest of the) (article|story|post|report|piece|text)|continue reading|keep reading|read on)\b.{0,80}$/i,
  ],
  ['feed tail', /^the (post|article|entry) .{1,200} (appeared|was published) first on .{1,100}$/i],
  // A bulleted item in a feed's text is a list of the outlet's other stories ("• China's top
  // diplomat visits Moscow • Video: …" under CNN's "Ukraine becomes a test of America's …").
  ['related-links prompt', /^[•▪◦●■►]\s*/u],
  [
    'comment prompt',
    new RegExp(
      String.raw`^(notify of|inline feedbacks?|view all comments|leave a (comment|reply)|\d+ (comments?|replies|responses)|comments?( \(\d+\))?|join the (conversation|discussion)|add a comment|post a comment|show( all)? comments|load more comments|be the first to comment|click to comment|comments are closed|discussion|you must be logged in to post a comment|comentários?|comentarios?|commentaires?|kommentare?|commenti|комментари[ийя]( \(\d+\))?|评论)${END}`,
      'iu',
    ),
  ],
  // "Note: we are temporarily moderating all comments", "ATENÇÃO: Comentários ... não serão aprovados".
  [
    'comment prompt',
    /^(?=.*\b(comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti)\b)(?=.*\b(moderat|aprovad|approv|review|publicad|publish)\w*)(note|attention|atenção|atención|please|we|all|your|our|comments?|comentários?|comentarios?|commentaires?)\b.{0,250}$/iu,
  ],
  [
    'comment prompt',
    /^(click|tap) (here )?to (comment|read|subscribe|share|view|see|continue|download|watch|listen)\b.{0,80}$/i,
  ],
  // Prompts to the reader: "Tell us what YOU think", "Have a tip?", "Share your story with us".
  [
    'reader prompt',
    /^(tell us (what|how) you (think|feel)|let us know (what you think|your thoughts|in the comments)|what do you think\b|what are your thoughts\b|share your (thoughts|views|story|experience|opinion)s?\b|have (a|you got a) (news |story )?tip|got a (news |story )?tip|do you have a (news |story )?(tip|story)|(send|email|contact) us (your |with )?(a |news )?(tips?|story|stories)|know something we should\b|we want to hear from you|we'?d (like|love) to hear from you)\b.{0,160}$/i,
  ],
  [
    'share prompt',
    new RegExp(
      String.raw`^(share|share (this|the) (article|story|page|post)|share this|share on \S+|tweet|e-?mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|pinterest|reddit|compartilhe|compartir|partager|teilen|condividi|поделиться|分享到?)${END}`,
      'iu',
    ),
  ],
  // "Share: Facebook Twitter Email", "分享到： 微信 微博 QQ空间": a share bar written out as a line.
  [
    'share prompt',
    /^(share( (this|on|via|the story|the article))?|分享到?|поделиться|partager|compartir|compartilhar|teilen|condividi)\s*[:：]?\s*((facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|print|copy link|微信|微博|qq空间|qq|豆瓣|vk|вконтакте|одноклассники)[\s,|·/]*)+$/iu,
  ],
  ['newsletter or subscription prompt', /^(sign up|subscribe|register)( now| today| for free)?[:.!]?$/i],
  [
    'newsletter or subscription prompt',
    /^(sign up|subscribe|register|log ?in) (to|for) (our|the|get|receive|continue|access|read|free)\b.{0,120}$/i,
  ],
  [
    'newsletter or subscription prompt',
    /\b(newsletter)\b.{0,120}\b(sign up|subscribe|inbox|e-?mail)\b|\b(sign up|subscribe)\b.{0,80}\bnewsletter\b|delivered (straight )?to your inbox/i,
  ],
  [
    'newsletter or subscription prompt',
    /^(subscribe to continue reading|to continue reading|this (article|content|story) is (only )?(for|available to) (subscribers|members)|already a subscriber|log ?in to (read|continue))\b.{0,100}$/i,
  ],
  [
    'newsletter or subscription prompt',
    /^(let our news meet your inbox|get the latest|download (our|the) app|listen to (the|this|our) (podcast|episode|story))\b.{0,150}$/i,
  ],
  // Subscription promotions: "Get unlimited digital access", "Become a member", "Support our journalism".
  [
    'subscription promotion',
    /^((get|try|unlock|enjoy|start|gain) (unlimited|full|digital|premium|all-access|unrestricted|complete|instant) (digital )?(access|subscription|trial|reading)|(become|be) a (member|subscriber|supporter|patron)|(support|fund|help fund) (our|independent|quality|local|fearless) (journalism|reporting|newsroom)|already have an account|don'?t have an account|not a subscriber|subscribe (now )?(from|for) (only |just )?[$€£₽¥]|(special|limited[- ]time|introductory) (offer|deal)|save \d+%)\b.{0,160}$/i,
  ],
  // "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99."
  [
    'subscription promotion',
    /^(get|subscribe to|order|buy|try|save on|enjoy|join)\b[^.]{0,120}\b(delivered|issues|subscription|magazine|print edition|digital edition|membership)\b.{0,160}$/i,
  ],
  [
    'subscription promotion',
    /^(only|just|from)?\s*[$€£₽¥]\s?\d+([.,]\d+)?\s*(for|a|per|\/)\s*(\d+\s*)?(weeks?|months?|years?|wk|mo)\b.{0,30}$/i,
  ],
  [
    'cookie notice',
    /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences)|we value your privacy|manage (cookie )?(preferences|consent))\b/i,
  ],
  // "This slideshow requires JavaScript", "Please enable JavaScript to view the comments".
  [
    'requires JavaScript',
    /^((please |you (need|must|have) to |you must |to (view|see|watch|play|use|read) [^.]{1,60}, )?(enable|turn on|activate|allow) javascript|javascript is (disabled|required|not enabled|turned off|needed)|(this|the) (\p{L}+ ){0,2}(slideshow|gallery|video|player|content|page|site|website|feature|form|map|app|application|interactive|graphic|chart|widget|comments?|embed|quiz|poll|tool|element|media|story|article|module|calculator|game|survey|timeline)s? (requires?|needs?) javascript|your browser (does not|doesn'?t) support|(this|the) (browser|web browser) you are using)\b.{0,160}$/iu,
  ],
  [
    'copyright',
    /^(©|\(c\)|copyright)\s*(\d{4}|@|by)|all rights reserved\.?$|все права защищены\.?$|版权所有/iu,
  ],
  [
    'advertisement',
    new RegExp(
      `^[-–—\\s]*(advertisement|advert|sponsored( content)?|paid (post|content)|promoted|ad|ads|story continues below( advertisement)?|article continues below|continue reading( below)?|scroll to continue( with content)?|publicidade|publicidad|publicité|anzeige|pubblicità|реклама|广告)${END}`,
      'iu',
    ),
  ],
  [
    'table of contents or FAQ',
    /^(table of contents|contents|faqs?( about .{1,80})?|frequently asked questions|in this article|jump to( section)?)$/i,
  ],
  ['navigation', /^(top|bottom) of (the )?page$/i],
  ['navigation', /^(view|see|show|load|browse) (all|more)( \(\d+\)| \d+)?$/i],
  [
    'navigation',
    /^(connect with us|follow us( on .{1,60})?|hi, what are you looking for\??|search( for)?:?|skip to (main )?content|menu|home|close|back to top|scroll to top|loading\.{0,3}|please wait\.{0,3}|(watch|listen)( now| live)?:?)$/i,
  ],
  ['site blurb', /^(we'?re|we are) (dedicated to providing you|working to turn our passion)\b/i],
  [
    'navigation',
    /^(home|main|start|首页|главная|startseite|accueil|inicio|início)\s*([>›»/|]\s*[^>›»/|]{1,40}){1,5}$/iu,
  ],
  [
    'social follow prompt',
    /^follow\s.{1,40}\s(on|at)\s(telegram|twitter|x|facebook|instagram|youtube|whatsapp|google news|linkedin|tiktok|threads|bluesky)\b.{0,60}$/i,
  ],
  ['byline', /^by [\p{L}.' -]{2,60}$/iu],
  ['byline', /^(by )?admin\b.{0,30}$|^.{0,40}\b\d+ views?$/i],
  ['counter', /^\d+\s*(shares?|comments?|views?|likes?)$/i],
  ['dateline or stamp', /^(reading time|estimated reading time|\d+ min(ute)?s? read)\b.{0,20}$/i],
  // Captions and credits; a photo credit "(Agency/Photographer)" closes a caption.
  ['photo credit or caption', /\((photo:?\s*)?\p{Lu}[\p{L}.' -]{1,30}\/[\p{L}.' -]{2,40}\)$/u],
  [
    'byline',
    /^[[(]?\s*(editors?|edited by|responsible editor|责任编辑|編輯|编辑)\s*[:：]\s*[^\])]{1,60}[\])]?$/iu,
  ],
  [
    'photo credit or caption',
    /^(photo|image|picture|video|graphic|illustration|credit|file photo)s?\s*[:/(]|\((photo|image)[^)]*\)$/i,
  ],
  ['photo credit or caption', /^(image|photo|picture) (copyright|caption|credit)\b/i],
  [
    'photo credit or caption',
    /\((photo|image|picture|credit|courtesy|source)s?( credit)?:\s*[^()]{2,80}\)\.?$/i,
  ],
  // Chinese photo captions end with the photographer: "（新华社记者 陈晨摄）".
  ['photo credit or caption', /[（(][^（）()]{0,30}摄[）)]$/u],
  ['photo credit or caption', /^(image|photo|picture|slide)\s+\d+\s+(of|\/)\s+\d+$/i],
  [
    'photo credit or caption',
    /^(getty( images)?|afp|reuters|ap( photo)?|epa|shutterstock|istock)( images| photo| via getty images)?(\s*\/.*)?$/i,
  ],
  [
    'dateline or stamp',
    /^(posted|published|updated|last updated|last modified|first published|originally published)\s*((on|at)\s*)?:\s*.{0,60}$/i,
  ],
  [
    'dateline or stamp',
    /^(this (article|story|post) (was|is|has been) (originally )?(published|updated|shared))\b.{0,120}$/i,
  ],
  ['tags', /^(tags?|topics?|filed under|categor(y|ies))\s*:/i],
  [
    'tags',
    /^(tags?|topics?|related topics|filed under|categor(y|ies)|palavras-chave|etiquetas|schlagworte|теги|标签)$/iu,
  ],
  ['navigation', /^(previous|next|prev) (article|post|story)\b.{0,150}$/i],
  ['source line', /^(sources?|via|quelle|fuente|fonte|источник)\s*:\s*\S.{0,60}$/iu],
  // Chinese article furniture: "来源：…", "责任编辑：…" lines, often after the date.
  ['source line', /^.{0,40}(来源|來源|责任编辑|責任編輯|编辑|編輯)\s*[:：].{0,40}$/u],
  // Wire and newsroom credits after the story.
  ['byline', /^((additional )?reporting by|editing by|writing by|compiled by|produced by)\b/i],
  ['byline', /\b(contributed (reporting|to this (report|story|article)))\b.{0,60}$/i],
  ['copyright', /^(this document is subject to copyright|citation:)/i],
  ['social follow prompt', /^(more|follow) (ap|reuters|afp)\b.{0,100}https?:\/\//i],
];

/**
 * Sentences a summary never uses although an article may hold them: prompts that only start
 * like furniture, mentions of a newsletter or subscription anywhere, credits and captions by
 * their tail, links. Checked before the line rules, so their reasons are the more specific.
 */
const SENTENCE_RULES: readonly Rule[] = [
  [
    'related-links prompt',
    /^(you (may|might) also like|related( stories| articles| posts| news| coverage| content)?|more (stories|from|on this|news)|recommended( for you| reading)?|read (more|next|also|the full)|also read|see also|most (read|popular|viewed|shared)|trending( now| stories)?|popular (now|stories)|top stories|latest (news|stories|updates)|editor['’]?s picks|don['’]?t miss|what to read next)\b/i,
  ],
  [
    'comment prompt',
    /^(click|tap) (here )?to (comment|read|subscribe|share|view|see|continue|watch|listen)|^(notify of|inline feedbacks?|view all comments|leave a (comment|reply)|\d+ comments?|comments?( \(\d+\))?|join the (conversation|discussion)|add a comment|post a comment|show comments|load comments|be the first to comment)\b/i,
  ],
  [
    'share prompt',
    /^(share|share this( article| story| page| post)?|share on \w+|tweet( this)?|email( this)?|print( this)?|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest)[:.!]?$/i,
  ],
  [
    'newsletter or subscription prompt',
    /\b(sign up (for|to)|subscribe (to|for|now|today)|newsletter|delivered to your inbox|in your inbox|to receive .* in your inbox|already a subscriber|subscribe to continue|to continue reading|log ?in to (read|continue)|create a free account|become a member|support (our|independent) journalism|consider subscribing|catch up on (some of )?\S+ (biggest|top|latest|best))\b/i,
  ],
  [
    'cookie notice',
    /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences|consent)|by continuing to (browse|use) this|privacy (policy|settings))\b/i,
  ],
  [
    'social follow prompt',
    /\bfollow (us|করুন|@\w+)\b|\b(join|follow) (our|us on) (telegram|whatsapp|twitter|x|facebook|instagram|youtube|google news)\b|\bgoogle news\b.*\b(follow|subscribe)\b/i,
  ],
  [
    'navigation',
    /^(top of page|bottom of page|back to top|skip to (main )?content|connect with us|hi,? what are you looking for\??|search( for)?:?|menu|home|close|next|previous|(previous|next) (article|post|story)\b.*|jump to|in this article|on this page)$/i,
  ],
  [
    'table of contents or FAQ',
    /^(table of contents|contents|faqs?\b.*|frequently asked questions.*|key takeaways|at a glance)$/i,
  ],
  [
    'byline',
    /^(by|written by|reporting by|reported by|author:?|words by|story by)\s+[\p{L}.'’ ,&-]{2,80}$|^by admin\b|^\(?(reporting|writing|editing|additional reporting) by\b|\b\d+ views?$/iu,
  ],
  [
    'dateline or stamp',
    /^(posted|published|updated|last updated|first published)( on| at)?[:\s]+\S+|^\d+ min(ute)?s? read$|^listen to this article\b/i,
  ],
  [
    'photo credit or caption',
    /^(photo|photograph|image|picture|video|graphic|illustration|file photo|image source|image caption|media caption|caption|credit|source)s?\s*[:/(,]|\((photo|image|picture)s? (by|:|credit)[^)]*\)$|^(getty images|afp|reuters|ap photo|epa|shutterstock|sputnik|xinhua|tass)(\s*(\/|via).*)?$/i,
  ],
  // A caption's present tense with the picture's full date ("… soldiers walk past the frigate
  // docked at the port in Richards Bay on February 22, 2023"): reporting says "on Wednesday".
  [
    'photo caption',
    /\b(walks?|stands?|poses?|arrives?|attends?|looks? on|waves?|shakes? hands|speaks?|sits?|gestures?|greets?|listens?|watches|march(es)?|leaves?|takes? part|delivers?|reviews?|inspects?|salutes?|smiles?)\b[^.!?]*\bon (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\.?$/,
  ],
  [
    'photo caption',
    /\([^()]*\b(getty images|afp|reuters|ap photo|epa|sputnik|xinhua|tass|shutterstock|photo by|pool photo)\b[^()]*\)\.?$|\((l|r|c|left|right|centre|center|front|back)\)\s+\p{Ll}/iu,
  ],
  ['copyright', /^(©|\(c\)|copyright)\s*\d{4}|all rights reserved\.?$/i],
  [
    'advertisement',
    /^(advertisement|advert|sponsored( content)?|paid (post|content)|promoted( content)?|ad|ads by \w+)$/i,
  ],
  [
    'site blurb',
    /^(we['’]re|we are) (dedicated|committed|working|proud) to\b|^(about us|contact us|terms of (use|service)|all articles by)\b/i,
  ],
  [
    'chatty aside',
    /^(hey (guys|folks|everyone)|let['’]?s (dive|break it down|take a (look|closer look)|talk about)|so,? yeah)\b|shall we\?$/i,
  ],
  ['shortcode', /\[\/[a-z][\w-]*\]|\[[a-z][\w-]*\s+[\w-]+\s*=[^\]]*\]/i],
  // Teasers and promos: sentences that describe the piece instead of reporting the news ("X
  // explains what to look out for", "why it matters", a correspondent presenting a video).
  [
    'teaser or promo',
    /\b(explains?|explained|looks? at|takes? a (closer )?look at|breaks? down|unpacks?|examines?|analy[sz]es|reports? on) (what|why|how|whether|where|who)\b|\b(what (to|you need to|we) (know|watch|look out for|expect)|why (it|this) matters|here(['’]?s| is) (what|how|why)|things to (watch|know)|in this (episode|video|podcast|newsletter|edition|explainer)|live updates?|follow (our|the) live|live (blog|coverage)|find out (what|why|how|more)|read on to|(has|have|with|brings?) (the|more|all the) (latest )?details|(correspondents?|editors?|reporters?|experts?) (explain|answer|discuss|weigh in))\b|^(watch|listen|analysis|opinion|explainer|live|video|podcast|newsletter)\s*[:|–-]/iu,
  ],
  // "CNN's Selina Wang reports on …": an outlet's correspondent presenting a video.
  [
    'teaser or promo',
    /^\p{Lu}[\p{L}.’'-]+['’]s? (?:\p{Lu}[\p{L}’'-]+ ){1,3}(reports|explains|looks|has more) (on|at|from)\b/u,
  ],
  ['link', /https?:\/\/|\bwww\.\S+|\bbit\.ly\//i],
  // Notes about the piece itself: its audio version, where it was first printed, a link prompt
  // ("This article is adapted from today's Morning Wire Afternoon Update. To listen to the
  // podcast version, click here.").
  [
    'note on the piece',
    /\b(click|tap) here\b|\b(read more|continue reading|download (our|the) app)\b|\b(podcast|audio) version\b|\b(listen to|watch|hear) (the|our|this|today['’]s) (podcast|audio|episode|full (episode|interview|video))\b|\bthis (article|story|piece|post|report|column) (is|was) (adapted|excerpted|taken|republished|reprinted|syndicated) from\b|\boriginally (appeared|published|ran) (in|on|at|by)\b/i,
  ],
];

/**
 * The reason a whole line (a paragraph of extracted text) is page furniture rather than
 * reporting, or undefined when it is reporting. Long lines are never furniture: a real
 * paragraph may quote "you may also like" and stays.
 */
export function boilerplateLineReason(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return 'empty';
  if (text.length > 300) return undefined;
  if (isFollowUsLine(text)) return 'social follow prompt';
  if (isDateLine(text)) return 'dateline or stamp';
  if (!LINE_SCREENS.some((screen) => screen.test(text))) return undefined;
  for (const [reason, pattern] of LINE_RULES) if (pattern.test(text)) return reason;
  return undefined;
}

/** Rules merged into one pattern per set of flags: a line that matches none costs one test each. */
function mergeRules(rules: readonly Rule[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const [, pattern] of rules)
    byFlags.set(pattern.flags, [...(byFlags.get(pattern.flags) ?? []), `(?:${pattern.source})`]);
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}

/** Nearly every line of an article is reporting: the merged rules turn it away in a test or two. */
const LINE_SCREENS = mergeRules(LINE_RULES);
const RELATED_PROMPTS = mergeRules(LINE_RULES.filter(([reason]) => reason === 'related-links prompt'));

/** Whether a line announces a list of other stories ("You may also like", "Read more: …"). */
export function isRelatedLinksPrompt(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  return RELATED_PROMPTS.some((prompt) => prompt.test(text));
}

/** Whether a whole line is page furniture (boilerplateLineReason says which). */
export function isBoilerplateLine(line: string): boolean {
  return boilerplateLineReason(line) !== undefined;
}

export interface SentenceContext {
  /** Content tokens (as `tokensOf` makes them) that the story is about; a sentence sharing none is off-topic. */
  keyTerms?: ReadonlySet<string>;
}

/** Why a sentence must not reach a summary, or undefined when it may. */
export function boilerplateReason(sentence: string, context: SentenceContext = {}): string | undefined {
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (!text) return 'empty';
  for (const [reason, pattern] of SENTENCE_RULES) if (pattern.test(text)) return reason;
  const furniture = boilerplateLineReason(text);
  if (furniture) return furniture;
  if (isForeignScript(text)) return 'line in an unrelated script';
  if (/[?？]["'”’»)]*$/.test(text)) return 'question, not a report';
  if (/(\.\.\.|…)["'”’»)]*$/.test(text)) return 'teaser cut off mid-sentence';
  if (isHeadingLike(text)) return 'heading or headline, not a sentence';
  if (isTooShort(text)) return 'too short to say what happened';
  if (context.keyTerms && context.keyTerms.size > 0 && !sharesTerms(text, context.keyTerms)) {
    return 'unrelated to the story';
  }
  return undefined;
}

/** Whether a sentence is page furniture, a heading, a teaser or off-topic: never summary material. */
export function isBoilerplateSentence(sentence: string, context: SentenceContext = {}): boolean {
  return boilerplateReason(sentence, context) !== undefined;
}

/**
 * Shortcodes a CMS failed to render ("[button link="/deals"]Shop now[/button]", "[caption
 * id=…]…[/caption]", "[/su_box]"): an opening code with attributes, a closing code, or a bare code
 * closed later in the same text. The codes go and their text stays; "[sic]", "[1]" and "[Reuters]"
 * are none of these and stay.
 */
export function stripShortcodes(text: string): string {
  if (!text.includes('[')) return text;
  const closed = new Set<string>();
  for (const m of text.matchAll(/\[\/([a-z][\w-]*)\]/gi)) closed.add(m[1]!.toLowerCase());
  const out = text.replace(
    /\[(\/?)([a-z][\w-]*)((?:\s+[\w-]+\s*=\s*(?:"[^"\]]*"|'[^'\]]*'|[^\s"'\]]+))*)\s*\/?\]/gi,
    (code, slash: string, name: string, attrs: string) =>
      slash || attrs || closed.has(name.toLowerCase()) ? ' ' : code,
  );
  return out === text ? text : out.replace(/\s{2,}/g, ' ').trim();
}

/** A subscription notice in a page's text: the sign that the page holds only the article's start. */
const PAYWALL_NOTICE =
  /subscribe to (continue|read)|to continue reading|subscribers only|already a subscriber|sign in to read|become a member to read|this article is for subscribers/i;
/**
 * The same signals in the page itself: extraction strips paywall boxes as furniture, so the text
 * alone rarely shows them. `isAccessibleForFree: false` is the publishers' structured-data flag.
 */
const PAYWALL_MARKUP =
  /"isAccessibleForFree"\s*:\s*"?false"?|class\s*=\s*["'][^"']*\b(?:paywall|regwall|piano-?wall|subscriber-only|premium-wall)\b/i;

/** Whether text (an extracted article, or a whole page) carries a subscription notice. */
export function hasPaywallNotice(text: string): boolean {
  return PAYWALL_NOTICE.test(text);
}

/** Whether a page's markup declares or draws a paywall. */
export function hasPaywallMarkup(html: string): boolean {
  return PAYWALL_MARKUP.test(html) || PAYWALL_NOTICE.test(html);
}

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

/** Letters mostly outside Latin, Cyrillic and CJK: a promotion in another language pasted around the story. */
function isForeignScript(text: string): boolean {
  // Most lines have no letter of another script at all: one scan says so, no counting.
  if (!NON_ASCII.test(text) || !OTHER_SCRIPT.test(text)) return false;
  const letters = text.match(LETTER)?.length ?? 0;
  const known = text.match(KNOWN_SCRIPT)?.length ?? 0;
  const other = letters - known;
  return other > 0 && other >= known * 0.3;
}

const NON_ASCII = /[^\x00-\x7f]/;
const OTHER_SCRIPT =
  /(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\p{L}/u;
const LETTER = /\p{L}/gu;
const KNOWN_SCRIPT =
  /(?=\p{L})[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * A line without a sentence's ending is a heading, a crosshead or the headline of some other
 * story ("Rafale Fighter Jets: India's High-Stakes Modernization Faces First Major Combat
 * Test"). Long lines in sentence case are kept: some sites drop the final full stop.
 */
function isHeadingLike(text: string): boolean {
  if (/[.!。！]["'”’»)\]]*$/.test(text)) {
    // Title Case throughout with a full stop is still a headline ("Putin Hails Ties With China.").
    return wordCount(text) >= 4 && wordCount(text) <= 12 && !hasLowercaseContentWord(text);
  }
  if (/\p{Script=Han}/u.test(text)) return [...text].length < 40;
  const words = wordCount(text);
  return words <= 14 || titleCaseShare(text) >= 0.6;
}

/** Words a Title Case headline leaves in lower case. */
const MINOR_WORDS = new Set('a an the and or but of to in on at by for as vs'.split(' '));

function hasLowercaseContentWord(text: string): boolean {
  return text.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !MINOR_WORDS.has(w.replace(/\P{L}/gu, '')));
}

function titleCaseShare(text: string): number {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w) && w.length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function isTooShort(text: string): boolean {
  if (/\p{Script=Han}/u.test(text)) return [...text].length < 10;
  return wordCount(text) < 5 || text.length < 30;
}

function sharesTerms(text: string, keyTerms: ReadonlySet<string>): boolean {
  for (const t of tokensOf(text)) if (keyTerms.has(t)) return true;
  return false;
}
