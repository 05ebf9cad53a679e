/** The publication's name, live-blog and format labels are not part of a story's title. */
export function cleanTitle(title: string, source = ''): string {
  let out = title.replace(/\s+/g, ' ').trim();
  out = out.replace(
    /^(live( updates?| blog)?|breaking( news)?|watch|video|listen|opinion|analysis|exclusive|update[sd]?)\s*[:|–—-]\s*/i,
    '',
  );
  const suffix = /\s+[|–—-]\s+([^|–—-]{2,60})$/.exec(out);
  if (suffix) {
    const tail = suffix[1]!.toLowerCase();
    const name = source.toLowerCase();
    const looksLikeOutlet =
      (name && (tail.includes(name) || name.includes(tail))) ||
      /\b(news|times|post|daily|journal|herald|tribune|agency|press|tv|online|\.com|\.ru|\.cn)\b/.test(tail);
    if (looksLikeOutlet) out = out.slice(0, suffix.index);
  }
  return out || title.trim();
}
