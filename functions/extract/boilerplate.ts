/**
 * Lines that are page furniture, not reporting: bylines, comment and share prompts, "you may
 * also like", newsletter and cookie text, credits, navigation crumbs. The reference documents in
 * shared/seeds show such lines mixed into scraped article text; extraction drops them, and the
 * summariser checks every sentence again.
 */

const PATTERNS: RegExp[] = [
  /^(you may also like|you might also like|related( stories| articles| posts| news| coverage)?|more (stories|from|on this)|recommended( for you)?|read (more|next|also)|also read|see also|most (read|popular|viewed)|trending( now)?|popular( now)?|top stories|latest( news| stories)?|editor'?s picks)\b[:.]?/i,
  /^(click|tap) (here )?to (comment|read|subscribe|share|view|see|continue)/i,
  /^(notify of|inline feedbacks?|view all comments|leave a (comment|reply)|\d+ comments?|comments?( \(\d+\))?|join the (conversation|discussion)|add a comment|post a comment|show comments|be the first to comment)\b/i,
  /^(share|share this( article| story| page)?|share on|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|telegram)( this)?[:.]?$/i,
  /^(sign up|subscribe)( now| today| for| to)\b/i,
  /^(subscribe to continue reading|to continue reading|this (article|content) is for subscribers|already a subscriber|log ?in to (read|continue))/i,
  /\b(newsletter|sign up for our|get our .* newsletter|delivered to your inbox)\b/i,
  /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences)|by continuing to (browse|use))\b/i,
  /^(©|\(c\)|copyright)\s*\d{4}|all rights reserved\.?$/i,
  /^(advertisement|advert|sponsored( content)?|paid (post|content)|promoted|ad)$/i,
  /^(table of contents|contents|faqs?( about .*)?|frequently asked questions|in this article|jump to)$/i,
  /^(top|bottom) of page$/i,
  /^(connect with us|follow us( on .*)?|hi, what are you looking for\??|search( for)?:?|skip to (main )?content|menu|home|close)$/i,
  /^by [\p{L}.' -]{2,60}$/iu,
  /^by admin\b|\b\d+ views?$/i,
  /^(photo|image|picture|video|graphic|illustration|source|credit|file photo)s?\s*[:/(]|\((photo|image)[^)]*\)$/i,
  /^(getty images|afp|reuters|ap photo|epa|shutterstock)(\s*\/.*)?$/i,
  /^(posted|published|updated|last updated)( on| at)?[:\s]+\w/i,
  /^(tags?|topics?|filed under|categories?)\s*:/i,
  /^(previous|next) (article|post|story)\b/i,
  /^(we'?re dedicated to providing you|we('| a)re working to turn our passion)/i,
  /\bfollow (করুন|us)\b.*(google news|twitter|facebook|telegram|youtube)/i,
  /^(loading|please wait)\.{0,3}$/i,
  /^(watch|listen)( now| live)?:?$/i,
];

export function isBoilerplateLine(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return true;
  if (text.length > 300) return false;
  return PATTERNS.some((re) => re.test(text));
}
