/**
 * The outlet's name as a reader says it, for attributions ("Al Jazeera reports that …"): the
 * feed's name without its section ("BBC News - Asia" → "BBC News", "NYT > World News" → "NYT",
 * "China - South China Morning Post" → "South China Morning Post").
 */

/** Feed-name parts that name a section or a tagline, not the outlet. */
const SECTION =
  /^(world|world news|news|top news|top stories|latest|breaking news.*|politics|tech|technology|business|economy|innovation|international|china|asia|africa|europe|middle east|us & canada|us and canada|americas|frontpage|topics: news|opinion|analysis|home|rss|feed)$/i;
const TRAILING_SECTION = /\s+(world|politics|tech|technology|business|international|topics)$/i;

export function outletName(feedName: string): string {
  const parts = feedName
    .split(/\s+[–—>|-]\s+|:\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const named = parts.filter((p) => !SECTION.test(p));
  let name = (named[0] ?? parts[0] ?? feedName).trim();
  // "NBC world", "Epoch times world", "Financial Times World": a section word glued on.
  if (name.split(/\s+/).length > 1) name = name.replace(TRAILING_SECTION, '');
  return name || feedName;
}
