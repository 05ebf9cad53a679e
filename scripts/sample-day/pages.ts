/**
 * Article page layouts of the sample day, one per outlet, shaped like the sites they imitate:
 * a wire service, a financial paper (with a paywall), a US paper with hashed class names, a
 * WordPress magazine, a Russian state site, an old-school Russian site in windows-1251, a Chinese
 * state agency with the caption inside the text, a Chinese paper in GB2312, a Next.js Hong Kong
 * site, a CSS-modules independent site with a donation box, and two publishers that only appear
 * through the news-search feed. Around every article: navigation, a cookie notice, a share bar,
 * an unrelated picture, related links, a newsletter box, a comment widget and a footer.
 */
import type { PublisherId } from './events.ts';

export interface PageComment {
  user: string;
  ago: string;
  text: string;
}

export interface PageContext {
  publisher: PublisherId;
  siteName: string;
  lang: string;
  charset: string;
  title: string;
  summary: string;
  author?: string;
  /** Milliseconds since the epoch. */
  published: number;
  /** Hours east of UTC for displayed times. */
  zoneHours: number;
  canonical: string;
  section: string;
  tags: string[];
  paragraphs: string[];
  paywalled: boolean;
  related: string[];
  popular: string[];
  caption: string;
  credit: string;
  image: string;
  comments: PageComment[];
}

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const slugify = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70)
    .replace(/-$/, '');

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

function localTime(at: number, zoneHours: number): LocalTime {
  const d = new Date(at + zoneHours * 3_600_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** ISO 8601 with the outlet's own offset, as sites print it in metadata. */
export function isoWithOffset(at: number, zoneHours: number): string {
  const t = localTime(at, zoneHours);
  const sign = zoneHours < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.abs(zoneHours))}:00`;
  return `${t.year}-${pad(t.month + 1)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${offset}`;
}

function twelveHour(hour: number): { h: number; ampm: string } {
  return { h: hour % 12 === 0 ? 12 : hour % 12, ampm: hour < 12 ? 'AM' : 'PM' };
}

function head(
  ctx: PageContext,
  extra: { titleSuffix: string; jsonLd?: object; charsetTag?: string },
): string {
  const iso = isoWithOffset(ctx.published, ctx.zoneHours);
  const charsetTag = extra.charsetTag ?? `<meta charset="${ctx.charset}">`;
  return `<head>
${charsetTag}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(ctx.title)}${extra.titleSuffix}</title>
<meta name="description" content="${esc(ctx.summary || ctx.title)}">
<link rel="canonical" href="${ctx.canonical}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${esc(ctx.siteName)}">
<meta property="og:title" content="${esc(ctx.title)}">
<meta property="og:description" content="${esc(ctx.summary || ctx.title)}">
<meta property="og:url" content="${ctx.canonical}">
<meta property="og:image" content="__SAMPLE_BASE__${ctx.image}">
<meta property="article:published_time" content="${iso}">
<meta property="article:section" content="${esc(ctx.section)}">${ctx.author ? `\n<meta name="author" content="${esc(ctx.author)}">` : ''}
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/static/${ctx.publisher}/main.css">
<script async src="/static/${ctx.publisher}/analytics.js"></script>${extra.jsonLd ? `\n<script type="application/ld+json">${JSON.stringify(extra.jsonLd)}</script>` : ''}
</head>`;
}

function newsArticleLd(ctx: PageContext, extra: Record<string, unknown> = {}): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: ctx.title,
    description: ctx.summary || undefined,
    datePublished: isoWithOffset(ctx.published, ctx.zoneHours),
    dateModified: isoWithOffset(ctx.published + 45 * 60_000, ctx.zoneHours),
    mainEntityOfPage: { '@type': 'WebPage', '@id': ctx.canonical },
    image: [`__SAMPLE_BASE__${ctx.image}`],
    author: ctx.author
      ? [{ '@type': 'Person', name: ctx.author }]
      : { '@type': 'Organization', name: ctx.siteName },
    publisher: { '@type': 'Organization', name: ctx.siteName },
    articleSection: ctx.section,
    inLanguage: ctx.lang,
    ...extra,
  };
}

const list = (items: string[], path: string, cls = '') =>
  items
    .map((t) => `<li${cls ? ` class="${cls}"` : ''}><a href="${path}${slugify(t)}">${esc(t)}</a></li>`)
    .join('');

/** Paragraph index after which an in-article insert (ad, "read more") goes. */
const middle = (ctx: PageContext) => Math.min(2, Math.max(1, ctx.paragraphs.length - 2));

function meridian(ctx: PageContext): string {
  const t = localTime(ctx.published, 0);
  const { h, ampm } = twelveHour(t.hour);
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p data-testid="paragraph-${i}" class="text__paragraph">${esc(p)}</p>${i === middle(ctx) ? '\n<div class="ad-slot ad-slot--inline" data-ad-unit="article-mid"><span class="ad-slot__label">Advertisement · Scroll to continue</span><div class="ad-slot__frame"></div></div>' : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' | Meridian Wire' })}
<body class="page-article">
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="site-header">
<div class="site-header__logo"><a href="/">Meridian Wire</a></div>
<nav class="site-header__nav" aria-label="Primary"><ul><li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li><li><a href="/markets/">Markets</a></li><li><a href="/sustainability/">Sustainability</a></li><li><a href="/legal/">Legal</a></li><li><a href="/technology/">Technology</a></li><li><a href="/sports/">Sports</a></li></ul></nav>
<div class="site-header__actions"><a href="/account/register/">Register</a> <a href="/account/sign-in/">Sign in</a></div>
</header>
<div id="consent-banner" class="consent-banner" role="dialog" aria-label="Cookie consent"><p>We use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. <a href="/privacy/cookies/">Cookie policy</a></p><button class="consent-banner__accept">Accept all</button> <button class="consent-banner__manage">Manage preferences</button></div>
<main id="main-content" class="main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/${slugify(ctx.section)}/">${esc(ctx.section)}</a>${ctx.tags[1] ? ` <span>/</span> <a href="/${slugify(ctx.section)}/${slugify(ctx.tags[1])}/">${esc(ctx.tags[1])}</a>` : ''}</nav>
<article class="wire-story">
<header class="wire-story__header">
<h1 class="wire-story__headline" data-testid="Heading">${esc(ctx.title)}</h1>
<div class="wire-story__info">${ctx.author ? `<address class="wire-story__byline">By <a rel="author" href="/authors/${slugify(ctx.author)}/">${esc(ctx.author)}</a></address>` : ''}
<time class="wire-story__date" datetime="${new Date(ctx.published).toISOString()}">${MONTHS[t.month]} ${t.day}, ${t.year} ${h}:${pad(t.minute)} ${ampm} GMT</time> <span class="wire-story__updated">Updated ${t.minute % 2 === 0 ? 'an hour' : `${2 + (t.minute % 3)} hours`} ago</span></div>
</header>
<figure class="wire-story__lead-image"><img src="${ctx.image}" alt="" width="1200" height="800"><figcaption>${esc(ctx.caption)} <span class="credit">MERIDIAN/${esc(ctx.credit)}</span> <a href="/licensing/">Purchase Licensing Rights</a></figcaption></figure>
<div class="share-tools" aria-label="Share">Share: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">Email</a> <a href="#">Link</a></div>
<div class="wire-story__body" data-testid="ArticleBody">
${body}
</div>
<p class="wire-story__trust"><a href="/trust-principles/">Our Standards: The Meridian Trust Principles.</a></p>
<div class="wire-story__tags">${ctx.tags.map((tag) => `<a class="tag" href="/tags/${slugify(tag)}/">${esc(tag)}</a>`).join(' ')}</div>
</article>
<section class="read-next" aria-label="Read next"><h2>Read Next</h2><ul>${list(ctx.related, '/world/')}</ul></section>
<section class="comments-section" id="comments"><h2>Comments</h2><button class="comments-toggle">Click to comment</button> <label class="comments-notify"><input type="checkbox"> Notify of new replies</label>
<ol class="comment-list">${ctx.comments.map((c) => `<li class="comment"><span class="comment__author">${esc(c.user)}</span> <time>${esc(c.ago)}</time><p>${esc(c.text)}</p></li>`).join('')}</ol></section>
</main>
<aside class="newsletter-promo"><h3>Sign up for our daily newsletter</h3><p>Get the day’s top stories from around the world, delivered to your inbox every morning.</p><form action="/newsletters/"><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>
<footer class="site-footer"><nav><a href="/about/">About Meridian</a> · <a href="/careers/">Careers</a> · <a href="/contact/">Contact</a> · <a href="/terms/">Terms of Use</a> · <a href="/privacy/">Privacy</a> · <a href="/accessibility/">Accessibility</a></nav><p>All quotes delayed a minimum of 15 minutes. © 2026 Meridian Wire. All rights reserved.</p></footer>
</body>
</html>
`;
}

function ledger(ctx: PageContext): string {
  const t = localTime(ctx.published, -5);
  const paragraphs = ctx.paywalled ? ctx.paragraphs.slice(0, 1) : ctx.paragraphs;
  const body = paragraphs
    .map(
      (p, i) =>
        `<p>${esc(p)}</p>${i === 1 && !ctx.paywalled ? `\n<aside class="n-content-recommended"><h3 class="n-content-recommended__title">Recommended</h3><ul>${list(ctx.related.slice(0, 2), '/content/')}</ul></aside>` : ''}${i === middle(ctx) + 1 && !ctx.paywalled ? '\n<div class="o-ads" data-o-ads-name="mpu-mid"><div class="o-ads__label">Advertisement</div></div>' : ''}`,
    )
    .join('\n');
  const barrier = ctx.paywalled
    ? `\n<div class="c-barrier" data-barrier="subscription"><div class="c-barrier__heading"><h2>Subscribe to continue reading</h2><p>Only $1 for 4 weeks.</p><a class="c-barrier__cta" href="/products/">Start trial</a><p class="c-barrier__signin">Already a subscriber? <a href="/login/">Sign in</a></p></div></div>`
    : '';
  const ld = newsArticleLd(ctx, {
    isAccessibleForFree: !ctx.paywalled,
    ...(ctx.paywalled
      ? {
          hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.c-article__body' },
        }
      : {}),
  });
  return `<!DOCTYPE html>
<html lang="en-GB">
${head(ctx, { titleSuffix: ' | The Atlantic Ledger', jsonLd: ld })}
<body>
<div id="site-wrapper" class="o-layout">
<div class="o-cookie-message" data-o-component="o-cookie-message"><div class="o-cookie-message__content"><p>We use cookies for a number of reasons, such as keeping the site reliable and secure, personalising content and ads, and analysing how the site is used.</p><a class="o-cookie-message__button" href="#">Accept &amp; continue</a> <a href="/cookies/">Manage cookies</a></div></div>
<header class="o-header"><div class="o-header__top"><a class="o-header__logo" href="/">The Atlantic Ledger</a> <a class="o-header__subscribe" href="/products/">Subscribe</a> <a href="/login/">Sign In</a></div>
<nav class="o-header__nav"><ul class="o-header__nav-list"><li><a href="/">Home</a></li><li><a href="/world/">World</a></li><li><a href="/uk/">UK</a></li><li><a href="/companies/">Companies</a></li><li><a href="/technology/">Tech</a></li><li><a href="/markets/">Markets</a></li><li><a href="/climate/">Climate</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/work-careers/">Work &amp; Careers</a></li><li><a href="/life-arts/">Life &amp; Arts</a></li></ul></nav></header>
<main class="o-layout__main" role="main">
<article class="c-article" id="article-body">
<div class="c-article__topper"><a class="c-article__tag" href="/topics/${slugify(ctx.section)}/">${esc(ctx.section)}</a>
<h1 class="c-article__title">${esc(ctx.title)}</h1>
<p class="c-article__standfirst">${esc(ctx.summary)}</p></div>
<div class="c-article__meta">${ctx.author ? `<a class="c-article__author" href="/stream/${slugify(ctx.author)}/">${esc(ctx.author)}</a> ` : ''}<time datetime="${isoWithOffset(ctx.published, -5)}">${MONTHS[t.month]} ${t.day} ${t.year}</time></div>
<div class="c-article__toolbar"><button class="c-article__save">Save</button> <button class="c-article__print">Print this page</button> <a class="c-article__gift" href="#">Gift this article</a></div>
<figure class="c-article__image"><img src="${ctx.image}" alt=""><figcaption class="c-article__caption">${esc(ctx.caption)} © ${esc(ctx.credit)}</figcaption></figure>
<div class="c-article__body n-content-body">
${body}${barrier}
</div>
<p class="c-article__copyright">Copyright The Atlantic Ledger Limited 2026. All rights reserved.</p>
</article>
<div class="c-onward-journey"><h2>More on this topic</h2><ul>${list(ctx.related.slice(2), '/content/')}</ul></div>
<section id="comments" class="c-comments"><h2 class="c-comments__title">Comments (${ctx.comments.length * 7 + 3})</h2><button class="c-comments__open">Click to comment</button> <label><input type="checkbox"> Notify of replies to my comments</label>
${ctx.comments.map((c) => `<div class="c-comment"><span class="c-comment__name">${esc(c.user)}</span> <span class="c-comment__time">${esc(c.ago)}</span><p class="c-comment__text">${esc(c.text)}</p><button>Reply</button> <button>Recommend</button></div>`).join('\n')}</section>
</main>
<footer class="o-footer"><div class="o-footer__newsletter"><p>Sign up for our daily newsletter: the morning briefing, in your inbox.</p><a href="/newsletters/">Sign up</a></div><ul class="o-footer__links"><li><a href="/help/">Help Centre</a></li><li><a href="/about/">About Us</a></li><li><a href="/accessibility/">Accessibility</a></li><li><a href="/cookies/">Cookies</a></li></ul><p>Copyright The Atlantic Ledger Limited 2026. All rights reserved.</p></footer>
</div>
</body>
</html>
`;
}

function capital(ctx: PageContext): string {
  const t = localTime(ctx.published, -5);
  const { h } = twelveHour(t.hour);
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<div class="wpds-c-PJLV article-body" data-qa="article-body"><p class="wpds-c-cYdRxM wpds-c-cYdRxM-iPJLV-css" dir="null" data-el="text">${esc(p)}</p></div>${i === middle(ctx) ? `\n<div class="wpds-c-PJLV" data-qa="article-body-ad"><div class="hide-for-print">Story continues below advertisement</div><div class="ad-container dfp-ad--inline"></div></div>\n<div class="wpds-c-PJLV interstitial-link" data-qa="interstitial-link"><p class="wpds-c-cYdRxM"><b>Read more: </b><a href="/world/${slugify(ctx.related[0] ?? '')}/">${esc(ctx.related[0] ?? '')}</a></p></div>` : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' - The Capital Post', jsonLd: newsArticleLd(ctx) })}
<body>
<div id="__next">
<div class="wp-header hdr-b7x2"><a class="hdr-logo" href="/">The Capital Post</a><nav class="hdr-nav sections-nav"><ul><li><a href="/politics/">Politics</a></li><li><a href="/opinions/">Opinions</a></li><li><a href="/style/">Style</a></li><li><a href="/investigations/">Investigations</a></li><li><a href="/climate/">Climate</a></li><li><a href="/business/">Business</a></li><li><a href="/technology/">Tech</a></li><li><a href="/world/">World</a></li><li><a href="/sports/">Sports</a></li></ul></nav><button class="hdr-subscribe">Subscribe</button> <button class="hdr-signin">Sign in</button></div>
<div class="gdpr-consent-banner" role="dialog"><p>We use cookies and data to deliver and maintain services, track outages and protect against spam, fraud and abuse, and measure audience engagement.</p><button>Accept all</button> <button>Reject all</button> <button>More options</button></div>
<main class="grid-layout">
<div class="grid-article" data-qa="main">
<div class="wpds-c-gZtgXW"><a class="kicker" data-qa="kicker" href="/world/">${esc(ctx.section)}</a></div>
<h1 data-qa="headline" class="wpds-c-iiQaMf headline">${esc(ctx.title)}</h1>
<h2 data-qa="subheadline" class="wpds-c-fHmdhI">${esc(ctx.summary)}</h2>
${ctx.author ? `<div data-qa="author-byline" class="wpds-c-hTVQUo">By <a data-qa="author-name" href="/people/${slugify(ctx.author)}/">${esc(ctx.author)}</a></div>\n` : ''}<span data-qa="display-date" class="wpds-c-iKQyrV">${MONTHS[t.month]} ${t.day}, ${t.year} at ${h}:${pad(t.minute)} ${t.hour < 12 ? 'a.m.' : 'p.m.'} EST</span>
<div class="share-bar wpds-c-eFKTCA" data-qa="share-bar"><button aria-label="Share">Share</button> <button data-qa="comment-btn">Comment <span>${ctx.comments.length * 41 + 12}</span></button> <button>Save</button></div>
<figure class="wpds-c-bRJMzn"><img src="${ctx.image}" alt=""><figcaption class="wpds-c-kWbbVG">${esc(ctx.caption)} (${esc(ctx.credit)})</figcaption></figure>
<div class="meteredContent grid-center">
${body}
</div>
<div class="wpds-c-PJLV" data-qa="article-end"><p class="wpds-c-cYdRxM">Share this article <a href="#">Gift Article</a></p></div>
</div>
<aside class="right-rail"><div class="most-read"><h2>Most Read</h2><ol>${list(ctx.popular, '/world/')}</ol></div></aside>
<section class="comments-wrapper" id="comments"><h2>Comments</h2><button class="comments-open">Click to comment</button> <p class="comments-notify">Notify of new replies to this story</p><ul class="comment-list">${ctx.comments.map((c) => `<li><b>${esc(c.user)}</b> <span>${esc(c.ago)}</span><p>${esc(c.text)}</p></li>`).join('')}</ul></section>
<div class="you-may-also-like"><h2>You may also like</h2><ul>${list(ctx.related.slice(1), '/world/')}</ul></div>
</main>
<div class="newsletter-signup"><p>Today’s Headlines: the most important news stories of the day, curated by Post editors.</p><button>Sign up</button></div>
<footer class="wp-footer"><ul><li><a href="/about/">About The Post</a></li><li><a href="/ethics/">Policies &amp; Standards</a></li><li><a href="/terms/">Terms of Service</a></li><li><a href="/privacy/">Privacy Policy</a></li></ul><p>© 1996-2026 The Capital Post</p></footer>
</div>
</body>
</html>
`;
}

function eurasia(ctx: PageContext): string {
  const t = localTime(ctx.published, 4);
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p>${esc(p)}</p>${i === 0 ? '\n<div class="td-a-rec td-a-rec-id-content_inline"><div class="code-block code-block-3"><span class="td-adspot-title">- Advertisement -</span></div></div>' : ''}${i === middle(ctx) ? `\n<p><strong>Related:</strong> <a href="/${slugify(ctx.related[0] ?? '')}/">${esc(ctx.related[0] ?? '')}</a></p>` : ''}`,
    )
    .join('\n');
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebPage', '@id': ctx.canonical, url: ctx.canonical, name: ctx.title },
      {
        '@type': 'Article',
        headline: ctx.title,
        datePublished: isoWithOffset(ctx.published, 4),
        author: ctx.author ? { '@type': 'Person', name: ctx.author } : undefined,
        publisher: { '@type': 'Organization', name: ctx.siteName },
        mainEntityOfPage: { '@id': ctx.canonical },
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Home' },
          { '@type': 'ListItem', position: 2, name: ctx.section },
        ],
      },
    ],
  };
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  return `<!DOCTYPE html>
<html lang="en-US">
${head(ctx, { titleSuffix: ' - Eurasia Review Daily', jsonLd: ld })}
<body class="post-template-default single single-post postid-${ctx.published % 99_991} single-format-standard td-standard-pack">
<div class="td-header-wrap">
<div class="td-header-top-menu"><span class="td_data_time">${weekdays[t.weekday]}, ${MONTHS[t.month]} ${t.day}, ${t.year}</span><ul class="top-header-menu"><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li><li><a href="/submit/">Submit an article</a></li></ul></div>
<div class="td-header-logo"><a class="td-main-logo" href="/">Eurasia Review Daily</a></div>
<div class="td-header-menu-wrap"><ul id="menu-main" class="sf-menu"><li><a href="/category/caucasus/">Caucasus</a></li><li><a href="/category/central-asia/">Central Asia</a></li><li><a href="/category/russia/">Russia</a></li><li><a href="/category/china/">China</a></li><li><a href="/category/europe/">Europe</a></li><li><a href="/category/analysis/">Analysis</a></li><li><a href="/category/opinion/">Opinion</a></li></ul></div>
</div>
<div id="cmplz-cookiebanner" class="cmplz-cookiebanner"><div class="cmplz-message"><p>We use cookies to optimise our website and our service. Some are essential; others help us understand how readers use the site.</p></div><button class="cmplz-btn cmplz-accept">Accept</button> <button class="cmplz-btn cmplz-deny">Deny</button> <button class="cmplz-btn cmplz-view-preferences">View preferences</button></div>
<div class="td-main-content-wrap"><div class="td-container">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/">Home</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a href="/category/${slugify(ctx.section)}/">${esc(ctx.section)}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main">
<article id="post-${ctx.published % 99_991}" class="post type-post status-publish format-standard has-post-thumbnail">
<div class="td-post-header"><ul class="td-category"><li><a class="td-cat" href="/category/${slugify(ctx.section)}/">${esc(ctx.section)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${esc(ctx.title)}</h1>
<div class="td-module-meta-info">${ctx.author ? `<div class="td-post-author-name"><div class="td-author-by">By</div> <a href="/author/${slugify(ctx.author)}/">${esc(ctx.author)}</a><div class="td-author-line"> - </div></div>` : ''}<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${isoWithOffset(ctx.published, 4)}">${MONTHS[t.month]} ${t.day}, ${t.year}</time></span><div class="td-post-comments"><a href="#comments"><i class="td-icon-comments"></i>${ctx.comments.length}</a></div></div>
</header></div>
<div class="td-post-sharing-top"><div class="td-post-sharing-classic"><a class="td-social-sharing-button" href="#">Facebook</a> <a class="td-social-sharing-button" href="#">Twitter</a> <a class="td-social-sharing-button" href="#">WhatsApp</a> <a class="td-social-sharing-button" href="#">Telegram</a></div></div>
<div class="td-post-featured-image"><figure><img src="${ctx.image}" alt="" class="entry-thumb"><figcaption class="wp-caption-text">${esc(ctx.caption)} Photo: ${esc(ctx.credit)}</figcaption></figure></div>
<div class="td-post-content tagdiv-type">
${body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">Telegram</a></li><li><a href="#">Print</a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items">${ctx.related
    .slice(1, 4)
    .map(
      (r) =>
        `<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="/${slugify(r)}/">${esc(r)}</a></h4><p class="jp-relatedposts-post-context">In "${esc(ctx.section)}"</p></div>`,
    )
    .join('')}</div></div>
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li>${ctx.tags.map((tag) => `<li><a href="/tag/${slugify(tag)}/">${esc(tag)}</a></li>`).join('')}</ul></div>
${ctx.author ? `<div class="author-box-wrap"><div class="desc"><div class="td-author-name vcard author"><a href="/author/${slugify(ctx.author)}/">${esc(ctx.author)}</a></div><div class="td-author-description">${esc(ctx.author)} writes for Eurasia Review Daily on politics and security in Russia, the South Caucasus and Central Asia.</div></div></div>` : ''}</footer>
</article>
<div class="comments" id="comments"><div class="wpd-form-head"><div class="wpd-sbs-toggle"><span class="wpd-sbs-title">Subscribe</span></div><div class="wpdiscuz-subscribe-bar"><span>Notify of</span> <select><option>new follow-up comments</option><option>new replies to my comments</option></select></div></div>
<div class="wpd-thread-list">${ctx.comments.map((c) => `<div class="wpd-comment"><div class="wpd-comment-author">${esc(c.user)}</div><div class="wpd-comment-date">${esc(c.ago)}</div><div class="wpd-comment-text"><p>${esc(c.text)}</p></div><div class="wpd-reply-button">Reply</div></div>`).join('\n')}</div>
<div class="wpd-form-wrap"><textarea placeholder="Join the discussion"></textarea><button>Post Comment</button></div></div>
</div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><aside class="widget widget_mc4wp_form_widget"><h4 class="block-title">Newsletter</h4><p>Get our weekly analysis of Eurasia in your inbox.</p><form><input type="email"><button>Subscribe</button></form></aside><aside class="td_block_wrap td_block_popular"><h4 class="block-title">Popular</h4><ul>${list(ctx.popular, '/')}</ul></aside></div>
</div></div></div>
<div class="td-footer-wrapper"><p>© Eurasia Review Daily 2026. Independent analysis since 2009.</p></div>
</body>
</html>
`;
}

function courier(ctx: PageContext): string {
  const t = localTime(ctx.published, 3);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p>${esc(p)}</p>${i === middle(ctx) - 1 ? `\n<div class="read-more"><div class="read-more__title">Read more</div><a class="read-more__link" href="/news/${slugify(ctx.related[0] ?? '')}/">${esc(ctx.related[0] ?? '')}</a></div>` : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' — Moscow Courier' })}
<body class="layout">
<div class="layout__header"><div class="header"><a class="header__logo" href="/">MOSCOW COURIER</a><ul class="header__menu"><li><a href="/russia/">Russia</a></li><li><a href="/news/">World</a></li><li><a href="/business/">Business</a></li><li><a href="/op-ed/">Op-ed</a></li><li><a href="/sport/">Sport</a></li><li><a href="/podcasts/">Podcasts</a></li></ul><a class="header__lang" href="/ru/">РУС</a></div></div>
<div class="cookies-notify"><div class="cookies-notify__text">This website uses cookies. By continuing to use it you agree to our <a href="/cookies/">cookie policy</a>.</div><button class="cookies-notify__close">Accept cookies</button></div>
<div class="layout__content"><div class="layout__columns"><div class="layout__main">
<div class="article">
<div class="article__date-autor-shortcode"><div class="article__date"><span class="date date_article-header">${t.day} ${months[t.month]}, ${t.year} ${pad(t.hour)}:${pad(t.minute)}</span></div><div class="article__shortcode"><span>Get short URL</span></div></div>
<h1 class="article__heading">${esc(ctx.title)}</h1>
${ctx.summary ? `<div class="article__summary summary">${esc(ctx.summary)}</div>\n` : ''}<div class="article__cover"><div class="media"><img class="media__item" src="${ctx.image}" alt=""><div class="media__footer"><div class="media__title">${esc(ctx.caption)} © ${esc(ctx.credit)}</div></div></div></div>
<div class="article__text text">
${body}
<div class="follow-telegram"><p>Follow Moscow Courier on Telegram for the latest updates.</p></div>
</div>
<div class="article__share"><div class="share-box"><span class="share-box__label">You can share this story on social media:</span> <a href="#">VK</a> <a href="#">Telegram</a> <a href="#">X</a> <a href="#">OK</a></div></div>
<div class="article__comments"><div class="comments"><h3 class="comments__title">Comments</h3><button class="comments__button">Click to comment</button><div class="comments__notify">Notify of new comments</div><div class="comments__list">${ctx.comments.map((c) => `<div class="comment"><span class="comment__author">${esc(c.user)}</span> <span class="comment__date">${esc(c.ago)}</span><p class="comment__text">${esc(c.text)}</p></div>`).join('')}</div></div></div>
</div>
<div class="listing listing_related"><h2 class="listing__title">Dear readers, you may also like</h2><ul class="listing__rows">${list(ctx.related.slice(1), '/news/', 'listing__row')}</ul></div>
</div>
<div class="layout__aside"><div class="trends"><h3 class="trends__title">Trends</h3><ul>${list(ctx.popular, '/trends/')}</ul></div><div class="subscribe-box"><p>Sign up for our daily newsletter and never miss a story.</p><form><input type="email"><button>Subscribe</button></form></div></div>
</div></div>
<footer class="footer"><p>© Autonomous Non-profit Organization "Moscow Courier", 2005–2026. All rights reserved.</p><p>This website contains materials that may be inappropriate for persons under the age of 18.</p></footer>
</body>
</html>
`;
}

function vestnik(ctx: PageContext): string {
  const t = localTime(ctx.published, 3);
  const weekdays = ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'];
  const months = [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ];
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p>${esc(p)}</p>${i === middle(ctx) - 1 ? `\n<div class="b-inject"><b>Читайте также:</b> <a href="/news/${slugify(ctx.related[0] ?? 'news')}.html">${esc(ctx.related[0] ?? '')}</a></div>` : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ru">
${head(ctx, { titleSuffix: ' — Северный вестник', charsetTag: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251" />' })}
<body>
<div class="b-cookie">Мы используем файлы cookie для улучшения работы сайта. Продолжая пользоваться сайтом, вы соглашаетесь с <a href="/privacy/">политикой конфиденциальности</a>. <span class="b-cookie__ok">Хорошо</span></div>
<table class="b-header" width="100%" cellpadding="0" cellspacing="0"><tr><td class="b-header__logo"><a href="/">Северный вестник</a></td><td class="b-header__date">${weekdays[t.weekday]}, ${t.day} ${months[t.month]} ${t.year}</td><td class="b-header__weather">Москва &minus;3 °C</td></tr></table>
<div class="b-menu"><a href="/">Главное</a> | <a href="/politics/">Политика</a> | <a href="/economy/">Экономика</a> | <a href="/society/">Общество</a> | <a href="/incidents/">Происшествия</a> | <a href="/sport/">Спорт</a> | <a href="/culture/">Культура</a></div>
<div class="b-content"><div class="b-content__main">
<div class="b-material">
<div class="b-material__rubric"><a href="/${slugify(ctx.tags[0] ?? 'news') || 'news'}/">${esc(ctx.section)}</a></div>
<h1 class="b-material__title">${esc(ctx.title)}</h1>
<div class="b-material__date">${pad(t.day)}.${pad(t.month + 1)}.${t.year} | ${pad(t.hour)}:${pad(t.minute)}</div>
${ctx.summary ? `<div class="b-material__lead"><b>${esc(ctx.summary)}</b></div>\n` : ''}<div class="b-material__photo"><img src="${ctx.image}" alt="" /><div class="b-material__photo-sign">${esc(ctx.caption)} Фото: ${esc(ctx.credit)}</div></div>
<div class="b-material-body"><div class="b-text">
${body}
</div></div>
${ctx.author ? `<div class="b-material__author">Автор: ${esc(ctx.author)}</div>\n` : ''}<div class="b-share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Одноклассники</a> <a href="#">Telegram</a></div>
<div class="b-subscribe">Подписывайтесь на «Северный вестник» в Дзене и Telegram. Оформите подписку на нашу ежедневную рассылку.</div>
</div>
<div class="b-related"><div class="b-related__title">Новости по теме</div><ul>${list(ctx.related.slice(1), '/news/')}</ul></div>
<div class="b-comments"><div class="b-comments__title">Комментарии (${ctx.comments.length})</div>${ctx.comments.map((c) => `<div class="b-comments__item"><span class="b-comments__name">${esc(c.user)}</span> <span class="b-comments__date">${esc(c.ago)}</span><div class="b-comments__text">${esc(c.text)}</div></div>`).join('')}<a class="b-comments__add" href="#">Оставить комментарий</a> <label><input type="checkbox" /> Уведомлять о новых комментариях</label></div>
</div>
<div class="b-content__side"><div class="b-top"><div class="b-top__title">Самое читаемое</div><ol>${list(ctx.popular, '/news/')}</ol></div></div></div>
<div class="b-footer">© 2026 «Северный вестник». Все права защищены. При использовании материалов ссылка обязательна. 18+</div>
</body>
</html>
`;
}

function huaxia(ctx: PageContext): string {
  const t = localTime(ctx.published, 8);
  const editor = ['Wang Lin', 'Liu Yang', 'Zhang Rui', 'Chen Jing'][ctx.published % 4]!;
  const body = ctx.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' - Huaxia' })}
<body>
<div class="header"><div class="logo"><a href="/"><img src="/static/huaxia/logo.png" alt="Huaxia News Agency"></a></div><div class="nav"><a href="/">Home</a> <a href="/china/">China</a> <a href="/world/">World</a> <a href="/business/">Business</a> <a href="/scitech/">Sci-Tech</a> <a href="/culture/">Culture</a> <a href="/sports/">Sports</a> <a href="/photo/">Photos</a> <a href="/video/">Video</a></div></div>
<div class="cookie-tip" style="display:none">This site uses cookies to improve your browsing experience. By continuing you accept the use of cookies.</div>
<div class="main clearfix"><div class="main-left">
<div class="location"><a href="/">Home</a> &gt; <a href="/world/">${esc(ctx.section)}</a></div>
<div class="header-cont"><h1>${esc(ctx.title)}</h1>
<div class="info">Source: Huaxia | <span class="time">${t.year}-${pad(t.month + 1)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}</span> | Editor: ${editor}</div>
<div class="fxd"><span>[</span><a class="pagebig" href="#">Large</a> <a class="pagemedium" href="#">Medium</a> <a class="pagesmall" href="#">Small</a><span>]</span></div></div>
<div id="detail"><div class="detailCont">
<p align="center"><img src="${ctx.image}" alt=""><br><font color="navy">${esc(ctx.caption)} (Huaxia/${esc(ctx.credit)})</font></p>
${body}
</div>
<div class="editor">[Editor: ${editor.toUpperCase()}]</div></div>
<div class="share"><span>Share:</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Reddit</a></div>
<div class="related"><h3>Related:</h3><ul>${list(ctx.related, '/world/')}</ul></div>
<div class="comment"><h3>Comments</h3><p class="comment-tip">Click to comment. Comments are reviewed before publication.</p><textarea></textarea><button>Submit</button>${ctx.comments.map((c) => `<div class="comment-item"><span class="comment-user">${esc(c.user)}</span> <span class="comment-time">${esc(c.ago)}</span><p>${esc(c.text)}</p></div>`).join('')}</div>
</div>
<div class="main-right"><div class="box"><h3>Most Viewed</h3><ul>${list(ctx.popular, '/world/')}</ul></div><div class="box newsletter"><h3>Newsletter</h3><p>Subscribe to the Huaxia Daily Digest and receive the top stories every morning.</p><form><input type="email"><button>Subscribe</button></form></div></div></div>
<div class="footer"><p>Copyright © 2000-2026 Huaxia News Agency. All rights reserved.</p><p><a href="/about/">About us</a> | <a href="/contact/">Contact us</a></p></div>
</body>
</html>
`;
}

function ribao(ctx: PageContext): string {
  const t = localTime(ctx.published, 8);
  const editors = ['张伟', '李娜', '王芳', '刘洋'];
  const photographer = ['李明', '陈晨', '赵磊'][ctx.published % 3]!;
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p style="text-indent: 2em;">${esc(p)}</p>${i === 0 ? `\n<p style="text-align: center;"><img src="${ctx.image}" alt="" /></p>\n<p class="pictext" style="text-align: center;">${esc(ctx.caption)}（华夏日报记者 ${photographer}摄）</p>` : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
${head(ctx, { titleSuffix: '--国际--华夏日报网', charsetTag: '<meta http-equiv="content-type" content="text/html;charset=GB2312" />' })}
<body>
<div class="privacy_tip" id="privacyTip">本网站使用Cookie以改善您的浏览体验。继续浏览即表示您同意我们的<a href="/privacy/">隐私政策</a>。 <span class="privacy_ok">我知道了</span></div>
<div class="top_nav"><div class="w1000"><a href="/">华夏日报网</a> <a href="/">首页</a> | <a href="/politics/">时政</a> | <a href="/world/">国际</a> | <a href="/finance/">财经</a> | <a href="/society/">社会</a> | <a href="/culture/">文化</a> | <a href="/sports/">体育</a> | <a href="/en/">English</a></div></div>
<div class="main"><div class="path"><a href="/">华夏日报网</a>&gt;&gt;<a href="/world/">${esc(ctx.section)}频道</a></div>
<div class="layout rm_txt cf"><div class="col col-1 fl">
<div class="rm_txt_con_head">
<h1>${esc(ctx.title)}</h1>
<div class="col-1-1 fl">${t.year}年${pad(t.month + 1)}月${pad(t.day)}日${pad(t.hour)}:${pad(t.minute)} | 来源：<a href="/">华夏日报</a></div>
<div class="col-1-1 edit cf"><a href="#">分享到：</a> <span>微信</span> <span>微博</span> <span>QQ空间</span></div>
</div>
<div class="rm_txt_con cf" id="rwb_zw">
${body}
</div>
<div class="edit cf"><em>(责任编辑：${editors[ctx.published % 4]}、${editors[(ctx.published + 1) % 4]})</em></div>
<div class="box_news"><h2>相关新闻</h2><ul>${list(ctx.related, '/n1/')}</ul></div>
<div class="message"><h2>网友评论</h2><p class="message_tip">点击发表评论</p>${ctx.comments.map((c) => `<div class="message_item"><span class="message_user">${esc(c.user)}</span> <span class="message_time">${esc(c.ago)}</span><p>${esc(c.text)}</p></div>`).join('')}<p><label><input type="checkbox" /> 有新评论时提醒我</label></p></div>
</div>
<div class="col col-2 fr"><div class="ph_list"><h2>热点排行</h2><ol>${list(ctx.popular, '/n1/')}</ol></div><div class="qrcode">扫一扫，关注华夏日报微信公众号，订阅每日新闻简报</div></div>
</div></div>
<div class="footer"><p><a href="/about/">华夏日报社概况</a> | <a href="/site/">关于华夏日报网</a> | <a href="/statement/">网站声明</a> | <a href="/contact/">联系我们</a></p><p>华夏日报版权所有，未经书面授权禁止使用</p><p>Copyright © 1997-2026 by huaxiaribao. all rights reserved</p></div>
</body>
</html>
`;
}

function harbour(ctx: PageContext): string {
  const t = localTime(ctx.published, 8);
  const { h } = twelveHour(t.hour);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<div class="css-1jd7w8r e1y2uyz50"><p data-qa="GenericArticle-Paragraph" class="css-g5ducw">${esc(p)}</p></div>${i === middle(ctx) ? `\n<div data-qa="InlineWidget" class="css-more-on"><p class="css-more-on-title">More from HMP:</p><ul>${list(ctx.related.slice(0, 2), '/news/china/article/')}</ul></div>\n<div data-qa="AdSlot" class="css-1ad9k1b"><span>Advertisement</span></div>` : ''}`,
    )
    .join('\n');
  const nextData = {
    props: {
      pageProps: {
        article: {
          headline: ctx.title,
          summary: ctx.summary,
          section: ctx.section,
          authors: ctx.author ? [ctx.author] : [],
          published: ctx.published,
        },
      },
    },
    page: '/article/[id]',
    buildId: 'hmp-2026-11-20',
  };
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' | Harbour Morning Post', jsonLd: newsArticleLd(ctx) })}
<body>
<div id="__next"><div class="css-1h2k7qa eg8oi8n0">
<header class="css-8rj4jk"><a aria-label="Harbour Morning Post" href="/">HMP</a><nav class="css-nav"><ul><li><a href="/hong-kong/">Hong Kong</a></li><li><a href="/china/">China</a></li><li><a href="/asia/">Asia</a></li><li><a href="/world/">World</a></li><li><a href="/comment/">Comment</a></li><li><a href="/business/">Business</a></li><li><a href="/tech/">Tech</a></li><li><a href="/lifestyle/">Lifestyle</a></li><li><a href="/sport/">Sport</a></li></ul></nav><button class="css-sub">Subscribe</button></header>
<div class="consent-overlay" role="dialog"><div>HMP uses cookies to improve your experience. By clicking “Accept all”, you agree to the storing of cookies on your device to enhance site navigation and analyse site usage.</div><button>Accept all</button> <button>Cookie settings</button></div>
<main class="css-main"><article data-qa="Article" class="css-art">
<div data-qa="ArticleHeader"><a data-qa="Breadcrumb" href="/china/">${esc(ctx.tags[0] ?? 'China')} / ${esc(ctx.section)}</a>
<h1 data-qa="ContentHeadline-Headline" class="css-1xdhyk6">${esc(ctx.title)}</h1>
<ul data-qa="ContentSummary-Summary" class="css-summary"><li>${esc(ctx.summary)}</li></ul>
${ctx.author ? `<div data-qa="AuthorByline" class="css-byline"><a href="/author/${slugify(ctx.author)}">${esc(ctx.author)}</a></div>\n` : ''}<time data-qa="ContentDate" datetime="${isoWithOffset(ctx.published, 8)}">Published: ${h}:${pad(t.minute)}${t.hour < 12 ? 'am' : 'pm'}, ${t.day} ${months[t.month]} ${t.year}</time>
<div data-qa="ArticleSocialShare" class="css-share"><button>Why you can trust HMP</button> <button aria-label="Share">Share</button> <button>Bookmark</button> <span>${ctx.comments.length * 5 + 2}</span></div>
</div>
<figure data-qa="ArticleImage"><img src="${ctx.image}" alt=""><figcaption class="css-caption">${esc(ctx.caption)} Photo: ${esc(ctx.credit)}</figcaption></figure>
<div data-qa="ArticleBody" class="css-body">
${body}
</div>
<div data-qa="ArticleFooter" class="css-footer"><div data-qa="Topics"><span>Topics</span> ${ctx.tags.map((tag) => `<a href="/topics/${slugify(tag)}">${esc(tag)}</a>`).join(' ')}</div></div>
</article>
<section data-qa="Comments" class="css-comments"><h2>Conversation</h2><p>Click to comment. Notify of new replies in this conversation.</p>${ctx.comments.map((c) => `<div class="css-comment"><b>${esc(c.user)}</b> <span>${esc(c.ago)}</span><p>${esc(c.text)}</p></div>`).join('')}</section>
<section data-qa="RelatedArticles" class="css-related"><h2>You might also like</h2><ul>${list(ctx.related.slice(2), '/news/')}</ul></section>
<aside class="css-newsletter"><h3>China at a glance</h3><p>Sign up for our daily newsletter on what matters in China.</p><input type="email"><button>Sign up</button></aside>
</main>
<footer class="css-foot"><p>Copyright © 2026 Harbour Morning Post Publishers Ltd. All rights reserved.</p></footer>
</div></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(nextData)}</script>
</body>
</html>
`;
}

function steppe(ctx: PageContext): string {
  const t = localTime(ctx.published, 0);
  const { h } = twelveHour(t.hour);
  const body = ctx.paragraphs
    .map(
      (p, i) =>
        `<p class="SimpleBlock-module_p__Q3azD">${esc(p)}</p>${i === middle(ctx) ? `\n<figure class="EmbedBlock-module_root__z0"><img src="${ctx.image}" alt=""><figcaption class="MediaCaption-module_root__w8"><div class="MediaCaption-module_caption__r1">${esc(ctx.caption)}</div><div class="MediaCaption-module_credit__a0">${esc(ctx.credit)}</div></figcaption></figure>` : ''}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' — Steppe Monitor' })}
<body>
<div id="root"><div class="App-module_root__aB3x">
<header class="Header-module_root__mK1"><a class="Header-module_logo__x1" href="/">Steppe Monitor</a><nav class="Header-module_nav__q7"><a href="/news">News</a> <a href="/features">Features</a> <a href="/analysis">Analysis</a> <a href="/podcasts">Podcasts</a> <a href="/ru">Русская версия</a></nav><a class="Header-module_donate__z9" href="/support">Support us</a></header>
<div class="CookieBanner-module_root__l0"><p>We use cookies to analyse traffic. We never sell your data. <button>OK</button></p></div>
<main class="Layout-module_main__b2"><div class="GeneralMaterial-module_root__w4">
<div class="GeneralMaterial-module_materialHeader__r5"><div class="MaterialNote-module_root__e1">${esc(ctx.section)}</div>
<h1 class="SimpleTitle-module_root__p0 SimpleTitle-module_isFeatured__k3"><span class="SimpleTitle-module_first__t2">${esc(ctx.title)}</span></h1>
<div class="MaterialMeta-module_root__c8"><time class="Timestamp-module_root__f4" datetime="${new Date(ctx.published).toISOString()}">${h}:${pad(t.minute)} ${t.hour < 12 ? 'am' : 'pm'}, ${MONTHS[t.month]} ${t.day}, ${t.year}</time> <div class="MaterialMeta-module_author__h6">Source: Steppe Monitor${ctx.author ? ` · ${esc(ctx.author)}` : ''}</div></div></div>
<div class="GeneralMaterial-module_article__y2">
<div class="Toolbar-module_root__j9"><button>Share</button> <button>Read later</button></div>
<p class="SimpleBlock-module_lead__nS3gf">${esc(ctx.summary)}</p>
${body}
<div class="DonatesTeaser-module_root__p3"><h3 class="DonatesTeaser-module_title__k8">Steppe Monitor is blocked in Russia</h3><p class="DonatesTeaser-module_text__t6">We keep working because thousands of readers support us. Independent journalism in Russian and English costs money, and we have no investors and no advertisers who tell us what to write. Every contribution, even a small one, helps us stay online, protect our reporters and pay for the tools that get around censorship.</p><a class="DonatesTeaser-module_button__b1" href="/support">Support Steppe Monitor</a></div>
</div>
<div class="Related-module_root__k1"><h2>Read more</h2><ul>${list(ctx.related, '/news/')}</ul></div>
<div class="Comments-module_root__u3"><h2>Comments</h2><p>Click to comment — comments are open to supporters. Notify of replies by email.</p>${ctx.comments.map((c) => `<div class="Comment-module_root__x2"><span class="Comment-module_author__n5">${esc(c.user)}</span> <span>${esc(c.ago)}</span><p>${esc(c.text)}</p></div>`).join('')}</div>
</div></main>
<footer class="Footer-module_root__r0"><div class="Footer-module_newsletter__e2">Sign up for The Steppe Daily, our evening newsletter.</div><p>© 2014–2026 Steppe Monitor. All rights reserved. Steppe Monitor has been declared an “undesirable organization” in Russia.</p></footer>
</div></div>
</body>
</html>
`;
}

function pacificbiz(ctx: PageContext): string {
  const t = localTime(ctx.published, 8);
  const body = ctx.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' | Pacific Business Daily', jsonLd: newsArticleLd(ctx) })}
<body class="article-page">
<nav class="navbar navbar-expand-lg"><div class="container"><a class="navbar-brand" href="/">Pacific Business Daily</a><ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/markets">Markets</a></li><li class="nav-item"><a class="nav-link" href="/energy">Energy</a></li><li class="nav-item"><a class="nav-link" href="/asia">Asia</a></li><li class="nav-item"><a class="nav-link" href="/tech">Tech</a></li></ul></div></nav>
<div class="alert alert-info cookie-alert">By using this site you agree to our use of cookies. <a href="/cookies">Learn more</a> <button class="btn btn-sm">Got it</button></div>
<div class="container"><div class="row">
<div class="col-lg-8">
<article class="story">
<p class="story-kicker">${esc(ctx.section)}</p>
<h1 class="story-headline">${esc(ctx.title)}</h1>
<p class="story-dek">${esc(ctx.summary)}</p>
<p class="story-meta">${t.day}/${t.month + 1}/${t.year} ${pad(t.hour)}:${pad(t.minute)} HKT · Energy desk</p>
<div class="paywall-meter">You have 3 free articles left this month. <a href="/subscribe">Subscribe</a> for unlimited access.</div>
<div class="story-content">
${body}
</div>
<figure class="story-figure"><img src="${ctx.image}" alt=""><figcaption>${esc(ctx.caption)} ${esc(ctx.credit)}</figcaption></figure>
<div class="story-share">Share this: <a href="#">LinkedIn</a> <a href="#">X</a> <a href="#">Email</a></div>
</article>
<div class="card related-card"><div class="card-header">You may also like</div><ul class="list-group">${list(ctx.related, '/story/', 'list-group-item')}</ul></div>
<div class="card comments-card"><div class="card-header">Comments</div><div class="card-body"><p>Click to comment. Notify of follow-up comments.</p>${ctx.comments.map((c) => `<div class="media"><b>${esc(c.user)}</b> <small>${esc(c.ago)}</small><p>${esc(c.text)}</p></div>`).join('')}</div></div>
</div>
<div class="col-lg-4 sidebar"><div class="card"><div class="card-header">Most popular</div><ol>${list(ctx.popular, '/story/')}</ol></div><div class="card newsletter"><p>Sign up for our daily newsletter: Asia’s markets before the open.</p><input type="email"><button class="btn">Sign up</button></div></div>
</div></div>
<footer class="footer"><div class="container">© 2026 Pacific Business Daily. All rights reserved.</div></footer>
</body>
</html>
`;
}

function nordic(ctx: PageContext): string {
  const t = localTime(ctx.published, 1);
  const body = ctx.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
${head(ctx, { titleSuffix: ' — Nordic Policy Review', jsonLd: newsArticleLd(ctx, { '@type': 'AnalysisNewsArticle' }) })}
<body>
<div class="page">
<header class="masthead"><a class="masthead__title" href="/">Nordic Policy Review</a><nav class="masthead__nav"><a href="/security">Security</a> <a href="/economy">Economy</a> <a href="/energy">Energy</a> <a href="/commentary">Commentary</a> <a href="/podcast">Podcast</a></nav></header>
<div class="notice notice--cookies">This website uses cookies for statistics. You can withdraw consent at any time. <button>Accept</button> <button>Decline</button></div>
<div class="content-area">
<article class="longform">
<header class="longform__header"><p class="longform__type">Commentary · ${esc(ctx.section)}</p><h1 class="longform__title">${esc(ctx.title)}</h1><p class="longform__ingress">${esc(ctx.summary)}</p><p class="longform__date">Published ${t.day} ${MONTHS[t.month]} ${t.year}</p></header>
<figure class="longform__image"><img src="${ctx.image}" alt=""><figcaption>${esc(ctx.caption)} Photo: ${esc(ctx.credit)}</figcaption></figure>
<div class="longform__body">
${body}
</div>
<section class="author-bio"><h2>About the author</h2><p>The Nordic Policy Review publishes commentary by researchers and practitioners. Views are the authors’ own.</p><a href="/download.pdf">Download PDF</a></section>
<div class="share">Share: <a href="#">LinkedIn</a> <a href="#">Bluesky</a> <a href="#">Email</a></div>
</article>
<aside class="further-reading"><h2>Further reading</h2><ul>${list(ctx.related, '/commentary/')}</ul></aside>
<section class="discussion"><h2>Discussion</h2><p>Click to comment. Notify of new comments.</p>${ctx.comments.map((c) => `<div class="discussion__comment"><b>${esc(c.user)}</b> <span>${esc(c.ago)}</span><p>${esc(c.text)}</p></div>`).join('')}</section>
</div>
<footer class="footer"><p>Subscribe to our newsletter for new commentary every Friday.</p><p>© 2026 Nordic Policy Review</p></footer>
</div>
</body>
</html>
`;
}

export const LAYOUTS: Record<PublisherId, (ctx: PageContext) => string> = {
  meridian,
  ledger,
  capital,
  eurasia,
  courier,
  vestnik,
  huaxia,
  ribao,
  harbour,
  steppe,
  pacificbiz,
  nordic,
  search: meridian,
};
